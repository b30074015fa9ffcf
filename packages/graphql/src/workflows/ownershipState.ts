import { startOfNextShanghaiDay, startOfShanghaiDay, toShanghaiDay } from '@kehu/core/calendar'
import {
  type OwnershipCustomer,
  type OwnershipHistoryEntry,
  type OwnershipResult,
  type OwnershipState,
  type PoolClaim,
  type PoolEntry,
  readOwnershipState,
} from '@kehu/core/ownership'

import { staffFromRow } from '../db/mappers.js'
import type { OwnershipHistory, Prisma } from '../generated/prisma/client.js'
import { ConflictRefusal } from '../refusals.js'

type Tx = Prisma.TransactionClient

/**
 * What an ownership command concerns (see docs/guides/ownership.md, "What a slice must contain"):
 *
 * - `customerIds` — the customers it acts on, loaded in full (co-owners, last history entry, open
 *   pool entry);
 * - `customersOf` — everyone whose owned or co-owned customers it acts on (a leaver), in full;
 * - `countOwnedBy` — everyone whose owner cap it checks (R-OWN-6): their customers as light rows;
 * - `staffIds` — further people who must be in the state (the actor, an assignee, a successor);
 * - `claimsOf` — people whose pool claims of `at`'s Asia/Shanghai day count (daily cap, R-OWN-6);
 * - `wholePool` — every customer now in the pool, in full.
 */
export interface SliceRequest {
  readonly customerIds?: readonly string[]
  readonly customersOf?: readonly string[]
  readonly countOwnedBy?: readonly string[]
  readonly staffIds?: readonly string[]
  readonly claimsOf?: { readonly staffIds: readonly string[]; readonly at: Date }
  readonly wholePool?: boolean
}

/** A loaded ownership slice: core's state, and the row ids and values it was read from. */
export interface OwnershipSlice {
  readonly state: OwnershipState
  /** Open pool rows by customer id (the row a claim or an assignment closes). */
  readonly openPoolRows: ReadonlyMap<string, number>
  /** Customers loaded in full; only these may be written back. */
  readonly fullCustomerIds: ReadonlySet<string>
}

const FULL_SELECT = {
  id: true,
  tier: true,
  ownerId: true,
  assignedAt: true,
  firstContactAt: true,
  notifyCustomer: true,
  coOwners: { select: { staffId: true }, orderBy: { staffId: 'asc' } },
  ownershipEvents: { orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 1 },
} as const satisfies Prisma.CustomerSelect

const LIGHT_SELECT = { id: true, tier: true, ownerId: true, assignedAt: true } as const satisfies Prisma.CustomerSelect

type FullRow = Prisma.CustomerGetPayload<{ select: typeof FULL_SELECT }>
type LightRow = Prisma.CustomerGetPayload<{ select: typeof LIGHT_SELECT }>

/** A stored history row as core's {@link OwnershipHistoryEntry}. */
export function historyEntryFromRow(row: Pick<OwnershipHistory, 'customerId' | 'action' | 'at' | 'by' | 'fromOwnerId' | 'toOwnerId' | 'reason' | 'ruleId'>): OwnershipHistoryEntry {
  return {
    customerId: row.customerId,
    action: row.action as OwnershipHistoryEntry['action'],
    at: row.at,
    by: row.by,
    fromOwnerId: row.fromOwnerId,
    toOwnerId: row.toOwnerId,
    reason: row.reason,
    ruleId: row.ruleId,
  }
}

/** Core's history entry as the columns of an `OwnershipHistory` row (append-only). */
export function historyRowFromEntry(entry: OwnershipHistoryEntry): Prisma.OwnershipHistoryCreateManyInput {
  return {
    customerId: entry.customerId,
    action: entry.action,
    at: entry.at,
    by: entry.by,
    fromOwnerId: entry.fromOwnerId,
    toOwnerId: entry.toOwnerId,
    reason: entry.reason,
    ruleId: entry.ruleId,
  }
}

/**
 * A customer row as core's {@link OwnershipCustomer}. Only the last history entry is loaded: core
 * needs no more than it for the time-order check (BEFORE_LAST_EVENT).
 */
export function ownershipCustomerFromRow(row: FullRow): OwnershipCustomer {
  return {
    id: row.id,
    tier: row.tier as OwnershipCustomer['tier'],
    ...(row.ownerId === null ? {} : { ownerId: row.ownerId }),
    coOwnerIds: row.coOwners.map((co) => co.staffId),
    ...(row.assignedAt === null ? {} : { assignedAt: row.assignedAt }),
    ...(row.firstContactAt === null || row.ownerId === null ? {} : { firstContactAt: row.firstContactAt }),
    ...(row.notifyCustomer ? { notifyCustomer: true } : {}),
    history: row.ownershipEvents.map(historyEntryFromRow),
  }
}

/** A customer counted for an owner cap only (R-OWN-6): never written back, so co-owners and history are left out. */
function countedCustomerFromRow(row: LightRow): OwnershipCustomer {
  return {
    id: row.id,
    tier: row.tier as OwnershipCustomer['tier'],
    ...(row.ownerId === null ? {} : { ownerId: row.ownerId }),
    coOwnerIds: [],
    ...(row.assignedAt === null ? {} : { assignedAt: row.assignedAt }),
    history: [],
  }
}

/**
 * Loads the ownership slice a command needs, in the command's transaction, and validates it with
 * core's `readOwnershipState` (a malformed row — an owner without `assignedAt`, an owned customer
 * in the pool — throws `OWNERSHIP.INVALID_STATE` naming it).
 */
export async function loadOwnershipSlice(tx: Tx, request: SliceRequest): Promise<OwnershipSlice> {
  const fullWhere: Prisma.CustomerWhereInput[] = []
  if (request.customerIds !== undefined && request.customerIds.length > 0) fullWhere.push({ id: { in: [...request.customerIds] } })
  if (request.customersOf !== undefined && request.customersOf.length > 0) {
    const people = [...request.customersOf]
    fullWhere.push({ ownerId: { in: people } }, { coOwners: { some: { staffId: { in: people } } } })
  }
  if (request.wholePool === true) fullWhere.push({ poolEntries: { some: { claimedAt: null } } })
  const full = fullWhere.length === 0 ? [] : await tx.customer.findMany({ where: { OR: fullWhere }, select: FULL_SELECT, orderBy: { id: 'asc' } })
  const fullIds = new Set(full.map((row) => row.id))
  const counted =
    request.countOwnedBy === undefined || request.countOwnedBy.length === 0
      ? []
      : (await tx.customer.findMany({ where: { ownerId: { in: [...request.countOwnedBy] } }, select: LIGHT_SELECT, orderBy: { id: 'asc' } })).filter((row) => !fullIds.has(row.id))

  const poolRows = await tx.poolEntry.findMany({ where: { customerId: { in: [...fullIds] }, claimedAt: null }, orderBy: { id: 'asc' } })
  const claimRows =
    request.claimsOf === undefined || request.claimsOf.staffIds.length === 0
      ? []
      : await tx.poolEntry.findMany({
          where: {
            claimedById: { in: [...request.claimsOf.staffIds] },
            // R-OWN-6 daily cap: claims of the Asia/Shanghai day of the command
            claimedAt: { gte: startOfShanghaiDay(toShanghaiDay(request.claimsOf.at)), lt: startOfNextShanghaiDay(toShanghaiDay(request.claimsOf.at)) },
          },
          orderBy: { claimedAt: 'asc' },
        })

  const customers = [...full.map(ownershipCustomerFromRow), ...counted.map(countedCustomerFromRow)]
  const staffIds = new Set(request.staffIds ?? [])
  for (const id of request.customersOf ?? []) staffIds.add(id)
  for (const id of request.countOwnedBy ?? []) staffIds.add(id)
  for (const customer of customers) {
    if (customer.ownerId !== undefined) staffIds.add(customer.ownerId)
    for (const co of customer.coOwnerIds) staffIds.add(co)
  }
  const staffRows = await tx.staff.findMany({ where: { id: { in: [...staffIds] } }, orderBy: { id: 'asc' } })

  const openPoolRows = new Map<string, number>()
  const pool: PoolEntry[] = []
  for (const row of poolRows) {
    // Two open rows for one customer would be a storage fault: core is given the first and the
    // state check of the write (only one open row may be closed) keeps it from spreading.
    if (openPoolRows.has(row.customerId)) continue
    openPoolRows.set(row.customerId, row.id)
    pool.push({ customerId: row.customerId, releasedAt: row.releasedAt, formerOwnerId: row.formerOwnerId })
  }
  const claims: PoolClaim[] = claimRows.map((row) => ({ staffId: row.claimedById!, customerId: row.customerId, at: row.claimedAt! }))

  const state = readOwnershipState({ customers, staff: staffRows.map(staffFromRow), pool, claims }, 'ownershipSlice')
  return { state, openPoolRows, fullCustomerIds: fullIds }
}

/** The successful outcome of a core ownership operation. */
export type OwnershipSuccess = Extract<OwnershipResult, { ok: true }>

/**
 * Writes what core decided back to the rows, in the command's transaction: for every customer an
 * entry names, its owner columns and co-owners; the pool rows closed (claim or assignment) or
 * opened (release); staff made inactive (handover, R-OWN-5); and the history entries, appended
 * as core returned them. Returns the stored history rows.
 *
 * Every update is conditioned on the values the decision read (`ownerId`, `assignedAt`,
 * `firstContactAt`; an open pool row still open; a leaver still active): when another
 * transaction changed them in between, nothing matches and {@link ConflictRefusal} rolls the
 * whole command back — a decision is never applied to a state it did not see.
 */
export async function persistOwnershipResult(tx: Tx, slice: OwnershipSlice, result: OwnershipSuccess): Promise<OwnershipHistory[]> {
  const before = new Map(slice.state.customers.map((customer) => [customer.id, customer]))
  const after = new Map(result.state.customers.map((customer) => [customer.id, customer]))
  const touched = new Map<string, OwnershipHistoryEntry>()
  for (const entry of result.entries) touched.set(entry.customerId, entry)

  for (const [customerId, entry] of touched) {
    const old = before.get(customerId)
    const now = after.get(customerId)
    if (old === undefined || now === undefined || !slice.fullCustomerIds.has(customerId)) {
      throw new Error(`ownership result names customer ${customerId}, which the slice did not load in full`)
    }
    const updated = await tx.customer.updateMany({
      where: { id: customerId, ownerId: old.ownerId ?? null, assignedAt: old.assignedAt ?? null, firstContactAt: old.firstContactAt ?? null },
      data: { ownerId: now.ownerId ?? null, assignedAt: now.assignedAt ?? null, firstContactAt: now.firstContactAt ?? null, notifyCustomer: now.notifyCustomer ?? false },
    })
    if (updated.count === 0) throw new ConflictRefusal('customer', customerId, entry.ruleId)
    const removed = old.coOwnerIds.filter((id) => !now.coOwnerIds.includes(id))
    const added = now.coOwnerIds.filter((id) => !old.coOwnerIds.includes(id))
    if (removed.length > 0) await tx.customerCoOwner.deleteMany({ where: { customerId, staffId: { in: removed } } })
    if (added.length > 0) await tx.customerCoOwner.createMany({ data: added.map((staffId) => ({ customerId, staffId, since: entry.at })) })
  }

  const stillPooled = new Set(result.state.pool.map((entry) => entry.customerId))
  const newClaims = result.state.claims.slice(slice.state.claims.length)
  for (const old of slice.state.pool) {
    if (stillPooled.has(old.customerId)) continue
    const entry = touched.get(old.customerId)
    const rowId = slice.openPoolRows.get(old.customerId)
    if (entry === undefined || rowId === undefined) throw new Error(`ownership result took ${old.customerId} out of the pool without a history entry`)
    // A claim closes the row with the claimant (counted for the daily cap); an assignment closes it without one.
    const claim = newClaims.find((c) => c.customerId === old.customerId)
    const closed = await tx.poolEntry.updateMany({ where: { id: rowId, claimedAt: null }, data: { claimedAt: entry.at, claimedById: claim?.staffId ?? null } })
    if (closed.count === 0) throw new ConflictRefusal('poolEntry', old.customerId, entry.ruleId)
  }
  const wasPooled = new Set(slice.state.pool.map((entry) => entry.customerId))
  for (const entry of result.state.pool) {
    if (wasPooled.has(entry.customerId)) continue
    const history = touched.get(entry.customerId)
    // R-OWN-6: one open pool row per customer; another release may have opened one meanwhile.
    if ((await tx.poolEntry.count({ where: { customerId: entry.customerId, claimedAt: null } })) > 0) throw new ConflictRefusal('poolEntry', entry.customerId, 'R-OWN-6')
    await tx.poolEntry.create({ data: { customerId: entry.customerId, releasedAt: entry.releasedAt, formerOwnerId: entry.formerOwnerId, reason: history?.reason ?? null } })
  }

  const wasActive = new Set(slice.state.staff.filter((person) => person.active).map((person) => person.id))
  for (const person of result.state.staff) {
    if (person.active || !wasActive.has(person.id)) continue
    const at = result.effects.find((effect) => effect.type === 'revokeAccess' && effect.staffId === person.id)?.at ?? result.entries[0]?.at
    if (at === undefined) throw new Error(`ownership result made ${person.id} inactive without saying when`)
    // R-OWN-5: inactive from now on; every request checks `active`, so access goes at once.
    const left = await tx.staff.updateMany({ where: { id: person.id, active: true }, data: { active: false, leftAt: at } })
    if (left.count === 0) throw new ConflictRefusal('staff', person.id, 'R-OWN-5')
  }

  const rows = await tx.ownershipHistory.createManyAndReturn({ data: result.entries.map(historyRowFromEntry) })
  // In the order core returned the entries (ids ascend with insertion; RETURNING promises no order).
  return rows.sort((a, b) => a.id - b.id)
}
