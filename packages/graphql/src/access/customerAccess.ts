import { buildViewAuditEntry, type AccessAction, type CustomerRecordRef, decideAccess, defaultAccessPolicy, type AccessDecision, type Staff } from '@kehu/core'
import { AuthError } from '../auth/authError.js'
import { AccessDeniedRefusal, NotFoundRefusal } from '../refusals.js'

import type { Prisma, PrismaClient } from '../generated/prisma/client.js'

type Tx = Prisma.TransactionClient | PrismaClient

/** What R-ACC-1 needs of a customer row: owner (and the owner's team), co-owners, follower. */
export const ACCESS_SELECT = {
  id: true,
  ownerId: true,
  commerceStaffId: true,
  owner: { select: { teamId: true } },
  coOwners: { select: { staffId: true } },
} as const satisfies Prisma.CustomerSelect

type AccessRow = Prisma.CustomerGetPayload<{ select: typeof ACCESS_SELECT }>

/** A customer row as core's {@link CustomerRecordRef}; the customer's team is its owner's team. */
export function customerRecordRef(row: AccessRow): CustomerRecordRef {
  return {
    kind: 'customer',
    id: row.id,
    ...(row.ownerId === null ? {} : { ownerId: row.ownerId }),
    ...(row.owner?.teamId == null ? {} : { teamId: row.owner.teamId }),
    coOwnerIds: row.coOwners.map((c) => c.staffId),
    followerIds: row.commerceStaffId === null ? [] : [row.commerceStaffId],
  }
}

/**
 * The SQL filter of the customers an actor may view, derived from the same policy as
 * {@link decideAccess} (R-ACC-1): every customer for the company-wide and information roles; the
 * team's customers for a manager; owned, co-owned and followed customers for everyone else;
 * nothing for staff who have left.
 */
export function viewableCustomersWhere(actor: Staff): Prisma.CustomerWhereInput {
  const policy = defaultAccessPolicy
  if (!actor.active) return { id: { in: [] } }
  const holds = (roles: readonly string[]): boolean => actor.roles.some((role) => roles.includes(role))
  const can = (basis: keyof typeof policy.actionsByBasis): boolean => policy.actionsByBasis[basis].includes('view')
  if ((holds(policy.companyWideRoles) && can('companyWide')) || (holds(policy.informationRoles) && can('informationDepartment'))) return {}
  const any: Prisma.CustomerWhereInput[] = []
  if (can('owner')) any.push({ ownerId: actor.id })
  if (can('coOwner')) any.push({ coOwners: { some: { staffId: actor.id } } })
  if (holds(policy.teamManagerRoles) && actor.teamId !== undefined && can('teamManager')) any.push({ owner: { teamId: actor.teamId } })
  if (holds(policy.followerRoles) && can('follower')) any.push({ commerceStaffId: actor.id })
  return any.length === 0 ? { id: { in: [] } } : { OR: any }
}

/**
 * R-ACC-1 + R-ACC-2: decides whether `actor` may view customer `id` and appends the audit row of
 * the attempt (allowed or denied), in the transaction `tx` the caller reads the archive in.
 * `null` when there is no such customer (nothing to record).
 */
export async function decideAndAuditView(tx: Tx, actor: Staff, id: string, at: Date): Promise<AccessDecision | null> {
  const row = await tx.customer.findUnique({ where: { id }, select: ACCESS_SELECT })
  if (row === null) return null
  const record = customerRecordRef(row)
  const decision = decideAccess({ actor, action: 'view', record, at })
  const entry = buildViewAuditEntry({ actor, record, at, decision })
  await tx.auditLog.create({
    data: {
      at,
      actorId: entry.who.staffId,
      action: 'customer.view',
      subjectKind: 'customer',
      subjectId: entry.what.customerId,
      basis: decision.basis ?? null,
      details: { allowed: entry.allowed, reason: entry.reason, roles: [...entry.who.roles] },
    },
  })
  return decision
}

/**
 * Reads one customer archive for `actor`: access decision, audit row and the read itself in one
 * transaction (R-ACC-2). `null` when there is no such customer; a `FORBIDDEN` error, carrying the
 * rule and both languages, when R-ACC-1 denies it (the denial is recorded too).
 */
export async function viewCustomer<T>(prisma: PrismaClient, actor: Staff, id: string, at: Date, load: (tx: Prisma.TransactionClient) => Promise<T | null>): Promise<T | null> {
  const outcome = await prisma.$transaction(async (tx) => {
    const decision = await decideAndAuditView(tx, actor, id, at)
    if (decision === null || !decision.allowed) return { decision, row: null }
    return { decision, row: await load(tx) }
  })
  if (outcome.decision === null) return null
  if (!outcome.decision.allowed) {
    const { reason } = outcome.decision
    throw new AuthError(`${reason.messageEn} (${reason.messageZh})`, 'FORBIDDEN', { reasonCode: reason.code, ruleId: reason.ruleId, messageZh: reason.messageZh, messageEn: reason.messageEn })
  }
  return outcome.row
}

/**
 * R-ACC-1 for a write: the customer row when `actor` may perform `action` on customer `id`.
 * Throws {@link NotFoundRefusal} when there is no such customer and {@link AccessDeniedRefusal}
 * (rule and both languages from core's decision) when the policy denies it. Run it inside the
 * mutation's transaction, before any write, so that a refusal leaves nothing written.
 */
export async function requireCustomerAction(tx: Tx, actor: Staff, id: string, action: AccessAction, at: Date): Promise<AccessRow> {
  const row = await tx.customer.findUnique({ where: { id }, select: ACCESS_SELECT })
  if (row === null) throw new NotFoundRefusal('customer', id)
  const decision = decideAccess({ actor, action, record: customerRecordRef(row), at })
  if (!decision.allowed) throw new AccessDeniedRefusal(decision.reason.code, decision.reason.messageZh, decision.reason.messageEn, decision.reason.ruleId)
  return row
}

/** Whether `actor` may view customer `id` under R-ACC-1, without recording anything (for lists and nested reads). */
export async function mayViewCustomer(tx: Tx, actor: Staff, id: string, at: Date): Promise<boolean> {
  const row = await tx.customer.findUnique({ where: { id }, select: ACCESS_SELECT })
  return row !== null && decideAccess({ actor, action: 'view', record: customerRecordRef(row), at }).allowed
}

/** Appends one row to the audit log (R-ACC-2) in the caller's transaction. */
export async function recordAction(tx: Tx, entry: { readonly actor: Staff; readonly at: Date; readonly action: string; readonly subjectKind: string; readonly subjectId: string; readonly details?: Prisma.InputJsonValue }): Promise<void> {
  await tx.auditLog.create({
    data: { at: entry.at, actorId: entry.actor.id, action: entry.action, subjectKind: entry.subjectKind, subjectId: entry.subjectId, ...(entry.details === undefined ? {} : { details: entry.details }) },
  })
}
