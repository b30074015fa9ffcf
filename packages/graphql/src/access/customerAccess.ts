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

/** One ground on which an actor may view a customer (R-ACC-1), as a column the customer row is matched on. */
export type ViewGround =
  | { readonly basis: 'owner'; readonly staffId: string }
  | { readonly basis: 'coOwner'; readonly staffId: string }
  | { readonly basis: 'teamManager'; readonly teamId: string }
  | { readonly basis: 'follower'; readonly staffId: string }

/** The customers an actor may view: all of them, none, or those matching any of the grounds. */
export type ViewableCustomers = { readonly kind: 'all' } | { readonly kind: 'none' } | { readonly kind: 'some'; readonly grounds: readonly ViewGround[] }

/**
 * The customers an actor may view, derived from the same policy as {@link decideAccess} (R-ACC-1):
 * every customer for the company-wide and information roles; the team's customers for a manager;
 * owned, co-owned and followed customers for everyone else; nothing for staff who have left.
 * {@link viewableCustomersWhere} (Prisma) and {@link viewableCustomersSql} (SQL) both render this
 * one decision, so the two read paths of a customer list cannot disagree.
 */
export function viewableCustomers(actor: Staff): ViewableCustomers {
  const policy = defaultAccessPolicy
  if (!actor.active) return { kind: 'none' }
  if ((holdsAny(actor, policy.companyWideRoles) && mayView('companyWide')) || (holdsAny(actor, policy.informationRoles) && mayView('informationDepartment'))) return { kind: 'all' }
  const grounds: ViewGround[] = []
  if (mayView('owner')) grounds.push({ basis: 'owner', staffId: actor.id })
  if (mayView('coOwner')) grounds.push({ basis: 'coOwner', staffId: actor.id })
  if (holdsAny(actor, policy.teamManagerRoles) && actor.teamId !== undefined && mayView('teamManager')) grounds.push({ basis: 'teamManager', teamId: actor.teamId })
  if (holdsAny(actor, policy.followerRoles) && mayView('follower')) grounds.push({ basis: 'follower', staffId: actor.id })
  return grounds.length === 0 ? { kind: 'none' } : { kind: 'some', grounds }
}

// Module functions rather than closures made per call: every customer page asks, and a closure
// made at each call costs more than the question (with tsx, each also has its name defined).
function holdsAny(actor: Staff, roles: readonly string[]): boolean {
  for (const role of actor.roles) if (roles.includes(role)) return true
  return false
}

function mayView(basis: keyof typeof defaultAccessPolicy.actionsByBasis): boolean {
  return defaultAccessPolicy.actionsByBasis[basis].includes('view')
}

/**
 * The customer a record names, when the actor may view it (R-ACC-1), else null: what the
 * `customer` field of a visit plan, visit, meeting minutes, contract, service ticket, approval
 * request or commission line resolves to.
 * `query` is the selection the Prisma plugin passes to a field's resolver. Both reads are
 * lookups by id alone, which Prisma batches: the records of a list resolve their customers in
 * two statements, however long the list.
 */
export async function viewableCustomerNamed<Q extends object>(prisma: PrismaClient, actor: Staff, customerId: string, query: Q, at: Date) {
  if (!(await mayViewCustomer(prisma, actor, customerId, at))) return null
  return prisma.customer.findUnique({ ...query, where: { id: customerId } })
}

/** Description of such a field. */
export const VIEWABLE_CUSTOMER_FIELD = 'The customer, when the actor may view it (R-ACC-1); null otherwise.'

/** The Prisma filter of the customers an actor may view ({@link viewableCustomers}, R-ACC-1). */
export function viewableCustomersWhere(actor: Staff): Prisma.CustomerWhereInput {
  const viewable = viewableCustomers(actor)
  if (viewable.kind === 'all') return {}
  if (viewable.kind === 'none') return { id: { in: [] } }
  return {
    OR: viewable.grounds.map((ground): Prisma.CustomerWhereInput => {
      switch (ground.basis) {
        case 'owner':
          return { ownerId: ground.staffId }
        case 'coOwner':
          return { coOwners: { some: { staffId: ground.staffId } } }
        case 'teamManager':
          return { owner: { teamId: ground.teamId } }
        case 'follower':
          return { commerceStaffId: ground.staffId }
      }
    }),
  }
}

/**
 * The SQL condition of the customers an actor may view ({@link viewableCustomers}, R-ACC-1) on the
 * `Customer` table aliased `alias`, with its parameters in order: the same decision as
 * {@link viewableCustomersWhere}, for the prepared statements of the hot read path.
 */
export function viewableCustomersSql(actor: Staff, alias: string): { readonly sql: string; readonly params: readonly string[] } {
  const viewable = viewableCustomers(actor)
  if (viewable.kind === 'all') return { sql: '1', params: [] }
  if (viewable.kind === 'none') return { sql: '0', params: [] }
  const params: string[] = []
  const any = viewable.grounds.map((ground) => {
    switch (ground.basis) {
      case 'owner':
        params.push(ground.staffId)
        return `${alias}."ownerId" = ?`
      case 'coOwner':
        params.push(ground.staffId)
        return `EXISTS (SELECT 1 FROM "CustomerCoOwner" co WHERE co."customerId" = ${alias}."id" AND co."staffId" = ?)`
      case 'teamManager':
        params.push(ground.teamId)
        return `EXISTS (SELECT 1 FROM "Staff" so WHERE so."id" = ${alias}."ownerId" AND so."teamId" = ?)`
      case 'follower':
        params.push(ground.staffId)
        return `${alias}."commerceStaffId" = ?`
    }
  })
  return { sql: `(${any.join(' OR ')})`, params }
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
