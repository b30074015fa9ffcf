import { decideAccess, type Staff } from '@kehu/core'
import { balancedAssignment, type BalancedAssignmentResult, claimFromPool, formerOwnerLockEnd, type OwnershipRefusal, type OwnershipState, reclaimStatus, reclaimWarnings } from '@kehu/core/ownership'
import { GraphQLError } from 'graphql'

import { AuthError } from '../auth/authError.js'
import { staffFromRow } from '../db/mappers.js'
import type { PoolEntry as PoolEntryRow, PrismaClient } from '../generated/prisma/client.js'
import { ownershipSettings } from '../workflows/ownershipPolicy.js'
import { loadOwnershipSlice } from '../workflows/ownershipState.js'
import { builder } from './builder.js'
import { OwnerTimeLeftRef, type OwnerTimeLeftView, ownerTimeLeftView } from './ownership.js'

/**
 * A customer waiting in the pool (公海客户, R-OWN-6). The pool is open to everyone who may claim
 * from it — core's `claimFromPool` lets any active staff member claim — so an entry shows what a
 * claim needs (name, tier, since when, why) but not the archive: that stays behind R-ACC-1
 * (`customer(id)`), which gives nobody but company-wide roles a basis on an unowned customer.
 */
export const PoolEntryRef = builder.prismaObject('PoolEntry', {
  description: 'A customer in the pool (公海客户, R-OWN-6).',
  fields: (t) => ({
    entryId: t.exposeInt('id'),
    customerId: t.exposeString('customerId'),
    customerName: t.string({ select: { customer: { select: { name: true } } }, resolve: (entry) => entry.customer.name }),
    customerTier: t.string({ select: { customer: { select: { tier: true } } }, resolve: (entry) => entry.customer.tier }),
    releasedAt: t.expose('releasedAt', { type: 'DateTime' }),
    reason: t.exposeString('reason', { nullable: true }),
    formerOwnerId: t.exposeString('formerOwnerId', { nullable: true }),
    lockedUntilForMe: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'R-OWN-6: when the actor released this customer, the instant from which they may claim it again (null: no lock on them).',
      resolve: (entry, _args, ctx) => {
        if (entry.formerOwnerId === null || entry.formerOwnerId !== ctx.actor!.id) return null
        return formerOwnerLockEnd({ customerId: entry.customerId, releasedAt: entry.releasedAt, formerOwnerId: entry.formerOwnerId }, ownershipSettings(ctx.prisma).policy) ?? null
      },
    }),
  }),
})

builder.queryField('pool', (t) =>
  t.prismaConnection({
    type: 'PoolEntry',
    cursor: 'id',
    description: 'The customers now in the pool (公海, R-OWN-6), longest waiting first; open to every active staff member, who may claim from it.',
    args: { tier: t.arg.string({ required: false, description: 'strategic | key | general | reserve' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.poolEntry.findMany({
        ...query,
        where: { claimedAt: null, ...(args.tier == null ? {} : { customer: { tier: args.tier } }) },
        orderBy: [{ releasedAt: 'asc' }, { id: 'asc' }],
      }),
  }),
)

/** One of the actor's customers not yet contacted, against its deadline (R-OWN-2, R-OWN-6). */
interface DueContact extends OwnerTimeLeftView {
  readonly customerId: string
  readonly customerName: string
  readonly tier: string
  readonly assignedAt: Date
  /** From when the owner is warned (R-OWN-6), when a warning is due now. */
  readonly warnFrom: Date | null
}

const DueContactRef = builder.objectRef<DueContact>('DueContact').implement({
  description: 'A customer the actor owns and has not contacted yet, with its deadline (R-OWN-2) and the reclaim warning (R-OWN-6).',
  fields: (t) => ({
    customerId: t.exposeString('customerId'),
    customerName: t.exposeString('customerName'),
    tier: t.exposeString('tier'),
    assignedAt: t.expose('assignedAt', { type: 'DateTime' }),
    timeLeft: t.field({ type: OwnerTimeLeftRef, resolve: (due) => due }),
    warned: t.boolean({ description: 'True while the reclaim warning is on: within the warning period before the deadline.', resolve: (due) => due.warnFrom !== null }),
    warnFrom: t.expose('warnFrom', { type: 'DateTime', nullable: true }),
  }),
})

/** Whether the actor could claim one pool customer now, by a dry run of core's claimFromPool. */
interface PoolClaimCheck {
  readonly entry: PoolEntryRow
  readonly refusal: OwnershipRefusal | null
}

// Plain data, not the RuleRefusal error class: a resolver that returns an Error is read as a failure.
const ClaimRefusalRef = builder.objectRef<OwnershipRefusal>('ClaimRefusal').implement({
  description: "Why core's claimFromPool would refuse the claim now (R-OWN-6): the code, the rule, both languages and the facts.",
  fields: (t) => ({
    code: t.exposeString('code'),
    ruleId: t.exposeString('ruleId'),
    messageZh: t.exposeString('messageZh'),
    messageEn: t.exposeString('messageEn'),
    details: t.string({ description: 'The facts of the refusal as JSON text.', resolve: (refusal) => JSON.stringify(refusal.details) }),
  }),
})

const PoolClaimCheckRef = builder.objectRef<PoolClaimCheck>('PoolClaimCheck').implement({
  description: 'Whether the actor may claim this pool customer now (R-OWN-6), as core would decide it.',
  fields: (t) => ({
    entry: t.field({ type: PoolEntryRef, resolve: (check) => check.entry }),
    canClaim: t.boolean({ resolve: (check) => check.refusal === null }),
    refusal: t.field({ type: ClaimRefusalRef, nullable: true, description: 'Why not (owner cap, daily cap, former-owner lock).', resolve: (check) => check.refusal }),
  }),
})

interface PoolStatus {
  readonly staffId: string
  readonly ownedCount: number
  readonly ownerCap: number | null
  readonly claimsToday: number
  readonly dailyClaimCap: number | null
  readonly dueContacts: readonly DueContact[]
  readonly poolChecks: readonly PoolClaimCheck[]
  readonly poolSize: number
}

const PoolStatusRef = builder.objectRef<PoolStatus>('MyPoolStatus').implement({
  description: "The actor's standing in the ownership rules (R-OWN-2, R-OWN-6): what they own against the caps, what is due, what they may still claim.",
  fields: (t) => ({
    staffId: t.exposeString('staffId'),
    ownedCount: t.exposeInt('ownedCount', { description: 'Customers the actor owns (co-owned ones do not count).' }),
    ownerCap: t.exposeInt('ownerCap', { nullable: true, description: 'R-OWN-6 most customers one person may own; null: no cap.' }),
    ownedLeft: t.int({ nullable: true, description: 'How many more the actor may own; null: no cap.', resolve: (s) => (s.ownerCap === null ? null : Math.max(0, s.ownerCap - s.ownedCount)) }),
    claimsToday: t.exposeInt('claimsToday', { description: 'Pool claims on the Asia/Shanghai day of the request.' }),
    dailyClaimCap: t.exposeInt('dailyClaimCap', { nullable: true, description: 'R-OWN-6 most claims per day; null: no cap.' }),
    claimsLeftToday: t.int({ nullable: true, resolve: (s) => (s.dailyClaimCap === null ? null : Math.max(0, s.dailyClaimCap - s.claimsToday)) }),
    dueContacts: t.field({ type: [DueContactRef], description: 'Owned customers not yet contacted, earliest deadline first: within the deadline or already reclaimable.', resolve: (s) => [...s.dueContacts] }),
    poolSize: t.exposeInt('poolSize'),
    pool: t.field({ type: [PoolClaimCheckRef], description: 'The longest-waiting pool customers (up to `first`), each with whether the actor may claim it now.', resolve: (s) => [...s.poolChecks] }),
  }),
})

const POOL_CHECK_MAX = 100

/** How many pool customers a query looks at: 0 to {@link POOL_CHECK_MAX}, **default** 20. */
function checkedFirst(value: number | null | undefined): number {
  const first = value ?? 20
  if (Number.isInteger(first) && first >= 0 && first <= POOL_CHECK_MAX) return first
  // A query has no result union: the bad argument is a client error that names the field.
  const messageEn = `first must be a whole number from 0 to ${POOL_CHECK_MAX}`
  const messageZh = `first 必须是 0 至 ${POOL_CHECK_MAX} 的整数`
  throw new GraphQLError(`${messageEn} (${messageZh})`, { extensions: { code: 'BAD_USER_INPUT', field: 'first', messageZh, messageEn } })
}

builder.queryField('myPoolStatus', (t) =>
  t.field({
    type: PoolStatusRef,
    description: "The actor's owned count against the caps, customers due for first contact or about to be reclaimed, and what they may still claim from the pool (R-OWN-2, R-OWN-6).",
    args: { first: t.arg.int({ required: false, defaultValue: 20, description: `How many pool customers to check, 0 to ${POOL_CHECK_MAX}.` }) },
    resolve: async (_root, args, ctx) => {
      const first = checkedFirst(args.first)
      return poolStatus(ctx.prisma, ctx.actor!, ctx.now, first)
    },
  }),
)

/** Reads the slice once (one transaction, so counts and lists agree) and asks core about it. */
async function poolStatus(prisma: PrismaClient, actor: Staff, now: Date, first: number): Promise<PoolStatus> {
  const { policy, calendar } = ownershipSettings(prisma)
  return prisma.$transaction(async (tx) => {
    const slice = await loadOwnershipSlice(tx, { customersOf: [actor.id], staffIds: [actor.id], claimsOf: { staffIds: [actor.id], at: now } })
    const owned = slice.state.customers.filter((customer) => customer.ownerId === actor.id)
    const warnings = new Map(reclaimWarnings({ ...slice.state, customers: owned }, now, calendar, policy).map((warning) => [warning.customerId, warning.warnFrom]))
    const names = new Map((await tx.customer.findMany({ where: { ownerId: actor.id }, select: { id: true, name: true } })).map((row) => [row.id, row.name]))
    const dueContacts: DueContact[] = []
    for (const customer of owned) {
      if (customer.assignedAt === undefined) continue
      const status = reclaimStatus({ assignedAt: customer.assignedAt, tier: customer.tier }, customer.firstContactAt === undefined ? {} : { firstContactAt: customer.firstContactAt }, now, calendar, policy)
      if (status.status === 'contacted') continue
      dueContacts.push({ ...ownerTimeLeftView(actor.id, status), customerId: customer.id, customerName: names.get(customer.id) ?? customer.id, tier: customer.tier, assignedAt: customer.assignedAt, warnFrom: warnings.get(customer.id) ?? null })
    }
    dueContacts.sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0))

    const poolSize = await tx.poolEntry.count({ where: { claimedAt: null } })
    const entries = first === 0 ? [] : await tx.poolEntry.findMany({ where: { claimedAt: null }, orderBy: [{ releasedAt: 'asc' }, { id: 'asc' }], take: first })
    const pooled = entries.length === 0 ? undefined : await loadOwnershipSlice(tx, { customerIds: entries.map((entry) => entry.customerId) })
    const poolChecks = entries.map((entry): PoolClaimCheck => {
      const customer = pooled?.state.customers.find((c) => c.id === entry.customerId)
      const poolEntry = pooled?.state.pool.find((p) => p.customerId === entry.customerId)
      if (customer === undefined || poolEntry === undefined) return { entry, refusal: null }
      // A dry run of the claim on the actor's slice plus this one customer: core decides, nothing is written.
      const state: OwnershipState = { customers: [...slice.state.customers, customer], staff: slice.state.staff, pool: [poolEntry], claims: slice.state.claims }
      const result = claimFromPool(state, { staff: actor, customerId: entry.customerId, at: now }, policy)
      return { entry, refusal: result.ok ? null : result.refusal }
    })

    return {
      staffId: actor.id,
      ownedCount: owned.length,
      ownerCap: policy.maxOwnedPerPerson,
      claimsToday: slice.state.claims.length,
      dailyClaimCap: policy.maxClaimsPerDay,
      dueContacts,
      poolChecks,
      poolSize,
    }
  })
}

/** Core's balanced distribution of pool customers over one team (R-OWN-3), as a proposal. */
interface AssignmentProposal {
  readonly teamId: string
  readonly result: BalancedAssignmentResult
}

const ProposedAssignmentRef = builder.objectRef<BalancedAssignmentResult['assignments'][number]>('ProposedAssignment').implement({
  fields: (t) => ({
    customerId: t.exposeString('customerId'),
    staffId: t.exposeString('staffId'),
    loadAfter: t.exposeInt('loadAfter', { description: "The person's owned count right after this assignment." }),
  }),
})

const UnassignedRef = builder.objectRef<BalancedAssignmentResult['unassigned'][number]>('UnassignedPoolCustomer').implement({
  fields: (t) => ({
    customerId: t.exposeString('customerId'),
    reason: t.exposeString('reason', { description: 'no-active-staff | all-at-cap' }),
  }),
})

const StaffLoadRef = builder.objectRef<BalancedAssignmentResult['loads'][number]>('StaffLoad').implement({
  fields: (t) => ({
    staffId: t.exposeString('staffId'),
    load: t.exposeInt('load', { description: 'Owned customers after the proposal.' }),
    capacity: t.exposeString('capacity', { description: 'Capacity weight (承接能力), a decimal.' }),
    normalisedLoad: t.exposeString('normalisedLoad', { description: 'load ÷ capacity, a decimal.' }),
  }),
})

const AssignmentProposalRef = builder.objectRef<AssignmentProposal>('PoolAssignmentProposal').implement({
  description: "Core's balancedAssignment of the longest-waiting pool customers over a team's active members (R-OWN-3): nothing is assigned until a manager runs assignCustomer.",
  fields: (t) => ({
    teamId: t.exposeString('teamId'),
    assignments: t.field({ type: [ProposedAssignmentRef], resolve: (p) => [...p.result.assignments] }),
    unassigned: t.field({ type: [UnassignedRef], resolve: (p) => [...p.result.unassigned] }),
    loads: t.field({ type: [StaffLoadRef], resolve: (p) => [...p.result.loads] }),
  }),
})

builder.queryField('poolAssignmentProposal', (t) =>
  t.field({
    type: AssignmentProposalRef,
    nullable: true,
    description:
      "分配建议 (R-OWN-3): how core's balancedAssignment would spread the longest-waiting pool customers over a team's active members, by owned count and capacity weight, within the owner cap (R-OWN-6). For whoever may reassign the team's customers (R-ACC-1: its manager, company-wide roles); null for an unknown team.",
    args: {
      teamId: t.arg.string({ required: true }),
      first: t.arg.int({ required: false, defaultValue: 20, description: `How many pool customers to distribute, 0 to ${POOL_CHECK_MAX}.` }),
    },
    resolve: async (_root, args, ctx) => {
      const first = checkedFirst(args.first)
      const actor = ctx.actor!
      const team = await ctx.prisma.team.findUnique({ where: { id: args.teamId }, select: { id: true } })
      if (team === null) return null
      // R-ACC-1: the team's customers may be reassigned by this person (decided by core, on the team as a whole).
      const decision = decideAccess({ actor, action: 'reassign', record: { kind: 'customer', id: `pool-for-${team.id}`, teamId: team.id }, at: ctx.now })
      if (!decision.allowed) {
        const { reason } = decision
        throw new AuthError(`${reason.messageEn} (${reason.messageZh})`, 'FORBIDDEN', { reasonCode: reason.code, ruleId: reason.ruleId, messageZh: reason.messageZh, messageEn: reason.messageEn })
      }
      const { policy } = ownershipSettings(ctx.prisma)
      return ctx.prisma.$transaction(async (tx) => {
        const members = await tx.staff.findMany({ where: { teamId: team.id, active: true }, orderBy: { id: 'asc' } })
        const loads = await tx.customer.groupBy({ by: ['ownerId'], where: { ownerId: { in: members.map((m) => m.id) } }, _count: { _all: true } })
        const loadOf = new Map(loads.map((row) => [row.ownerId, row._count._all]))
        const entries = first === 0 ? [] : await tx.poolEntry.findMany({ where: { claimedAt: null }, orderBy: [{ releasedAt: 'asc' }, { id: 'asc' }], take: first, select: { customerId: true } })
        const result = balancedAssignment(
          entries.map((entry) => entry.customerId),
          members.map((member) => ({ staff: staffFromRow(member), currentLoad: loadOf.get(member.id) ?? 0 })),
          policy,
        )
        return { teamId: team.id, result }
      })
    },
  }),
)
