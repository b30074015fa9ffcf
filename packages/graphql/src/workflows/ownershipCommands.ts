import { type AccessAction, decideAccess, KehuError, type Staff } from '@kehu/core'
import {
  assignCustomer as coreAssignCustomer,
  claimFromPool as coreClaimFromPool,
  handOver as coreHandOver,
  type OwnershipEffect,
  OwnershipErrorCode,
  type OwnershipResult,
  reassignCustomer as coreReassignCustomer,
  recordFirstContact as coreRecordFirstContact,
  releaseToPool as coreReleaseToPool,
} from '@kehu/core/ownership'

import { mayViewCustomer, recordAction, requireCustomerAction } from '../access/customerAccess.js'
import { isWriteContention } from '../db/errors.js'
import type { OwnershipHistory, Prisma, PrismaClient } from '../generated/prisma/client.js'
import { AccessDeniedRefusal, ConflictRefusal, InputRefusal, NotFoundRefusal, RuleRefusal } from '../refusals.js'
import { ownershipSettings } from './ownershipPolicy.js'
import { loadOwnershipSlice, type OwnershipSlice, type OwnershipSuccess, persistOwnershipResult } from './ownershipState.js'

type Tx = Prisma.TransactionClient

/** What an ownership command changed: the history rows it appended and the effects core asked for. */
export interface OwnershipOutcome {
  /** The customers whose ownership changed, in the order of the entries. */
  readonly customerIds: readonly string[]
  readonly entries: readonly OwnershipHistory[]
  readonly effects: readonly OwnershipEffect[]
}

/** Who acts, and when (the request's clock). */
export interface OwnershipActor {
  readonly actor: Staff
  readonly at: Date
}

/** How often a command is run again when SQLite reports that another connection changed the data it read. */
const ATTEMPTS = 3

/**
 * Runs one ownership command as one transaction. A client from `createPrismaClient` holds the
 * write lock from the transaction's start, so another connection's commit cannot come between the
 * read of the slice and the write. For any other client, or when the wait for the lock ran out,
 * SQLite refuses with `SQLITE_BUSY*`: core is pure, so the whole cycle — load, decide, write — runs
 * again on fresh rows, and the new decision may well be a refusal ("not in the pool any more").
 * After {@link ATTEMPTS} tries it gives up with {@link ConflictRefusal}. A refusal thrown inside
 * rolls everything back.
 */
export async function runOwnershipTransaction<T>(prisma: PrismaClient, subject: { readonly kind: string; readonly id: string; readonly ruleId: string }, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(work)
    } catch (error) {
      if (!isWriteContention(error)) throw error
      if (attempt >= ATTEMPTS) throw new ConflictRefusal(subject.kind, subject.id, subject.ruleId)
    }
  }
}

/**
 * Calls a core ownership operation: a malformed argument (core throws a `KehuError`) becomes
 * {@link InputRefusal}, a refusal (`{ ok: false }`) becomes {@link RuleRefusal} with core's code,
 * rule ID, both languages and details. A malformed stored state (`OWNERSHIP.INVALID_STATE`) is a
 * storage fault, not the caller's: it propagates (and is masked).
 */
function decide(operation: () => OwnershipResult, ruleId: string): OwnershipSuccess {
  let result: OwnershipResult
  try {
    result = operation()
  } catch (error) {
    if (error instanceof KehuError && error.code !== OwnershipErrorCode.INVALID_STATE) {
      throw new InputRefusal([{ field: error.field ?? 'input', code: error.code, messageZh: error.messageZh, messageEn: error.messageEn }], error.ruleId ?? ruleId)
    }
    throw error
  }
  if (!result.ok) throw new RuleRefusal(result.refusal)
  return result
}

/** Writes the decision, appends the audit row (R-ACC-2) and returns the outcome. */
async function commit(tx: Tx, by: OwnershipActor, action: string, subject: { readonly kind: string; readonly id: string }, slice: OwnershipSlice, result: OwnershipSuccess): Promise<OwnershipOutcome> {
  const entries = await persistOwnershipResult(tx, slice, result)
  await recordAction(tx, {
    actor: by.actor,
    at: by.at,
    action,
    subjectKind: subject.kind,
    subjectId: subject.id,
    details: {
      customerIds: entries.map((entry) => entry.customerId),
      ruleIds: [...new Set(entries.map((entry) => entry.ruleId))],
      effects: result.effects.map((effect) => ({ ...effect, at: effect.at.toISOString() })),
    },
  })
  return { customerIds: entries.map((entry) => entry.customerId), entries, effects: result.effects }
}

/**
 * R-ACC-1 for giving an unowned customer an owner: a customer without an owner belongs to no team,
 * so only company-wide roles have a basis on it as it stands. Being assigned, it becomes a
 * customer of the assignee's team — the manager of that team may assign it. Core's `decideAccess`
 * decides both questions; nothing here re-states the policy.
 */
async function requireAssignAccess(tx: Tx, actor: Staff, customerId: string, toStaffId: string, at: Date): Promise<void> {
  try {
    await requireCustomerAction(tx, actor, customerId, 'reassign', at)
  } catch (denied) {
    if (!(denied instanceof AccessDeniedRefusal)) throw denied
    const row = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { ownerId: true } })
    const assignee = await tx.staff.findUnique({ where: { id: toStaffId }, select: { teamId: true } })
    if (row.ownerId !== null || assignee?.teamId == null) throw denied
    const decision = decideAccess({ actor, action: 'reassign', record: { kind: 'customer', id: customerId, teamId: assignee.teamId }, at })
    if (!decision.allowed) throw denied
  }
}

/**
 * R-ACC-1 for a departure handover (R-OWN-5): the actor must be allowed to reassign a customer
 * owned by the leaver — their team's manager, or a company-wide role — checked once for the
 * leaver's book as a whole (even when it is empty) and then for every customer they own.
 */
async function requireHandOverAccess(tx: Tx, actor: Staff, leaverId: string, at: Date): Promise<void> {
  const leaver = await tx.staff.findUnique({ where: { id: leaverId }, select: { id: true, teamId: true } })
  if (leaver === null) throw new NotFoundRefusal('staff', leaverId)
  const action: AccessAction = 'reassign'
  const decision = decideAccess({ actor, action, record: { kind: 'customer', id: `customers-of-${leaverId}`, ownerId: leaverId, ...(leaver.teamId === null ? {} : { teamId: leaver.teamId }) }, at })
  if (!decision.allowed) throw new AccessDeniedRefusal(decision.reason.code, decision.reason.messageZh, decision.reason.messageEn, decision.reason.ruleId)
  const owned = await tx.customer.findMany({ where: { ownerId: leaverId }, select: { id: true }, orderBy: { id: 'asc' } })
  for (const { id } of owned) await requireCustomerAction(tx, actor, id, action, at)
}

/**
 * 从公海认领 — the actor claims a customer from the pool (R-OWN-6). Anyone active may claim a
 * pooled customer (core decides caps, the daily limit and the former-owner lock); a customer that
 * was never in the pool is answered as not found unless the actor may view it (R-ACC-1), so the
 * claim does not reveal other customers.
 */
export function claimFromPool(prisma: PrismaClient, by: OwnershipActor, customerId: string): Promise<OwnershipOutcome> {
  const { policy } = ownershipSettings(prisma)
  return runOwnershipTransaction(prisma, { kind: 'customer', id: customerId, ruleId: 'R-OWN-6' }, async (tx) => {
    const row = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true, poolEntries: { select: { id: true }, take: 1 } } })
    if (row === null) throw new NotFoundRefusal('customer', customerId)
    // A customer that was never in the pool is none of a claimant's business unless they may view it;
    // one that was (the loser of a race, a customer claimed since) is answered by core: not in the pool.
    if (row.poolEntries.length === 0 && !(await mayViewCustomer(tx, by.actor, customerId, by.at))) throw new NotFoundRefusal('customer', customerId)
    const slice = await loadOwnershipSlice(tx, { customerIds: [customerId], countOwnedBy: [by.actor.id], staffIds: [by.actor.id], claimsOf: { staffIds: [by.actor.id], at: by.at } })
    const result = decide(() => coreClaimFromPool(slice.state, { staff: by.actor, customerId, at: by.at }, policy), 'R-OWN-6')
    return commit(tx, by, 'ownership.claimFromPool', { kind: 'customer', id: customerId }, slice, result)
  })
}

/** 分配 — a manager gives an unowned customer (in the pool or not) to a staff member (R-OWN-3, R-OWN-6). */
export function assignCustomer(prisma: PrismaClient, by: OwnershipActor, input: { readonly customerId: string; readonly toStaffId: string; readonly reason?: string }): Promise<OwnershipOutcome> {
  const { policy } = ownershipSettings(prisma)
  return runOwnershipTransaction(prisma, { kind: 'customer', id: input.customerId, ruleId: 'R-OWN-3' }, async (tx) => {
    await requireAssignAccess(tx, by.actor, input.customerId, input.toStaffId, by.at)
    const slice = await loadOwnershipSlice(tx, { customerIds: [input.customerId], countOwnedBy: [input.toStaffId], staffIds: [by.actor.id, input.toStaffId] })
    const command = { customerId: input.customerId, staffId: input.toStaffId, at: by.at, by: by.actor, ...(input.reason === undefined ? {} : { reason: input.reason }) }
    const result = decide(() => coreAssignCustomer(slice.state, command, policy), 'R-OWN-3')
    return commit(tx, by, 'ownership.assignCustomer', { kind: 'customer', id: input.customerId }, slice, result)
  })
}

/**
 * 转交 — a manager moves an owned customer to someone else (R-OWN-2): once it is reclaimable, or
 * at any time with a reason as a manager override (R-OWN-1).
 */
export function reassignCustomer(prisma: PrismaClient, by: OwnershipActor, input: { readonly customerId: string; readonly toStaffId: string; readonly reason?: string }): Promise<OwnershipOutcome> {
  const { policy, calendar } = ownershipSettings(prisma)
  return runOwnershipTransaction(prisma, { kind: 'customer', id: input.customerId, ruleId: 'R-OWN-2' }, async (tx) => {
    await requireCustomerAction(tx, by.actor, input.customerId, 'reassign', by.at)
    const slice = await loadOwnershipSlice(tx, { customerIds: [input.customerId], countOwnedBy: [input.toStaffId], staffIds: [by.actor.id, input.toStaffId] })
    const command = { customerId: input.customerId, toStaffId: input.toStaffId, at: by.at, by: by.actor, ...(input.reason === undefined ? {} : { overrideReason: input.reason }) }
    const result = decide(() => coreReassignCustomer(slice.state, command, calendar, policy), 'R-OWN-2')
    return commit(tx, by, 'ownership.reassignCustomer', { kind: 'customer', id: input.customerId }, slice, result)
  })
}

/**
 * 离职移交 — every customer a leaver owns or co-owns goes to a named successor in one step, the
 * customers are marked to be told, and the leaver becomes inactive, which ends their access at
 * once (R-OWN-5). All or nothing.
 */
export function handOverDeparting(prisma: PrismaClient, by: OwnershipActor, input: { readonly leaverId: string; readonly successorId: string; readonly reason?: string }): Promise<OwnershipOutcome> {
  const { policy } = ownershipSettings(prisma)
  return runOwnershipTransaction(prisma, { kind: 'staff', id: input.leaverId, ruleId: 'R-OWN-5' }, async (tx) => {
    await requireHandOverAccess(tx, by.actor, input.leaverId, by.at)
    const slice = await loadOwnershipSlice(tx, { customersOf: [input.leaverId], countOwnedBy: [input.successorId], staffIds: [by.actor.id, input.leaverId, input.successorId] })
    const command = { leaverId: input.leaverId, successorId: input.successorId, at: by.at, by: by.actor, ...(input.reason === undefined ? {} : { reason: input.reason }) }
    const result = decide(() => coreHandOver(slice.state, command, policy), 'R-OWN-5')
    return commit(tx, by, 'ownership.handOver', { kind: 'staff', id: input.leaverId }, slice, result)
  })
}

/**
 * 放入公海 / 回收 — the owner gives a customer up, or a manager reclaims it once it is reclaimable
 * (R-OWN-2) or with a reason (R-OWN-6).
 */
export function releaseToPool(prisma: PrismaClient, by: OwnershipActor, input: { readonly customerId: string; readonly reason?: string }): Promise<OwnershipOutcome> {
  const { policy, calendar } = ownershipSettings(prisma)
  return runOwnershipTransaction(prisma, { kind: 'customer', id: input.customerId, ruleId: 'R-OWN-6' }, async (tx) => {
    await requireCustomerAction(tx, by.actor, input.customerId, 'edit', by.at)
    const slice = await loadOwnershipSlice(tx, { customerIds: [input.customerId], staffIds: [by.actor.id] })
    const command = { customerId: input.customerId, at: by.at, by: by.actor, ...(input.reason === undefined ? {} : { reason: input.reason }) }
    const result = decide(() => coreReleaseToPool(slice.state, command, calendar, policy), 'R-OWN-6')
    return commit(tx, by, 'ownership.releaseToPool', { kind: 'customer', id: input.customerId }, slice, result)
  })
}

/** 首次联系 — the owner records the first contact, which keeps the customer if it is on time (R-OWN-2). */
export function recordFirstContact(prisma: PrismaClient, by: OwnershipActor, customerId: string): Promise<OwnershipOutcome> {
  return runOwnershipTransaction(prisma, { kind: 'customer', id: customerId, ruleId: 'R-OWN-2' }, async (tx) => {
    await requireCustomerAction(tx, by.actor, customerId, 'edit', by.at)
    const slice = await loadOwnershipSlice(tx, { customerIds: [customerId], staffIds: [by.actor.id] })
    const result = decide(() => coreRecordFirstContact(slice.state, { customerId, staffId: by.actor.id, at: by.at }), 'R-OWN-2')
    return commit(tx, by, 'ownership.recordFirstContact', { kind: 'customer', id: customerId }, slice, result)
  })
}
