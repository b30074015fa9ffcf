import type { RecordIssue } from '@kehu/core'
import { type ContactCoverage, contactCoverage, reclaimStatus, type ReclaimStatus } from '@kehu/core/ownership'

import type { OwnershipHistory } from '../generated/prisma/client.js'
import { InputRefusal, WORKFLOW_ERRORS } from '../refusals.js'
import {
  assignCustomer,
  claimFromPool,
  handOverDeparting,
  type OwnershipOutcome,
  reassignCustomer,
  recordFirstContact,
  releaseToPool,
} from '../workflows/ownershipCommands.js'
import { ownershipSettings } from '../workflows/ownershipPolicy.js'
import { builder } from './builder.js'

/** One entry of a customer's ownership history (归属变更记录), as core's OwnershipHistoryEntry. Append-only. */
export const OwnershipEventRef = builder.prismaObject('OwnershipHistory', {
  name: 'OwnershipEvent',
  description: 'One change of a customer\'s ownership (归属变更记录): who did what, when, why, under which rule.',
  fields: (t) => ({
    customerId: t.exposeString('customerId'),
    action: t.exposeString('action', { description: 'claimed | assigned | reassigned | released | handedOver | contacted' }),
    at: t.expose('at', { type: 'DateTime' }),
    by: t.exposeString('by', { description: 'Staff id of whoever acted (操作人).' }),
    fromOwnerId: t.exposeString('fromOwnerId', { nullable: true }),
    toOwnerId: t.exposeString('toOwnerId', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
    ruleId: t.exposeString('ruleId', { description: 'The rule the change follows, e.g. R-OWN-6.' }),
  }),
})

// The customer itself is only reached through paths that check R-ACC-1 (customer, customers,
// node), so its history needs no check of its own.
builder.prismaObjectField('Customer', 'ownershipHistory', (t) =>
  t.relation('ownershipEvents', {
    description: 'Ownership history, oldest first (R-OWN-1..6).',
    query: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
  }),
)

/** Where a customer's owner stands against the contact deadline (R-OWN-2), as core's reclaimStatus. */
export interface OwnerTimeLeftView {
  readonly ownerId: string
  readonly status: ReclaimStatus['status']
  readonly deadline: Date
  readonly contactedAt: Date | null
  readonly timeLeftSeconds: number | null
  readonly overdueSeconds: number | null
}

/** Core's reclaim status as the fields the API shows. */
export function ownerTimeLeftView(ownerId: string, status: ReclaimStatus): OwnerTimeLeftView {
  return {
    ownerId,
    status: status.status,
    deadline: status.deadline,
    contactedAt: status.status === 'contacted' ? status.contactedAt : status.status === 'reclaimable' ? (status.contactedLateAt ?? null) : null,
    timeLeftSeconds: status.status === 'within-deadline' ? Math.floor(status.timeLeftMs / 1000) : null,
    overdueSeconds: status.status === 'reclaimable' ? Math.floor(status.overdueMs / 1000) : null,
  }
}

export const OwnerTimeLeftRef = builder.objectRef<OwnerTimeLeftView>('OwnerTimeLeft').implement({
  description: 'How long the current owner has left to make the first contact before the customer becomes reclaimable (R-OWN-2, R-OWN-6).',
  fields: (t) => ({
    ownerId: t.exposeString('ownerId'),
    status: t.exposeString('status', { description: 'contacted (kept) | within-deadline | reclaimable' }),
    deadline: t.expose('deadline', { type: 'DateTime', description: 'Contact strictly before this instant (首次联系期限).' }),
    contactedAt: t.expose('contactedAt', { type: 'DateTime', nullable: true }),
    timeLeftSeconds: t.exposeInt('timeLeftSeconds', { nullable: true, description: 'While within the deadline: whole seconds left.' }),
    overdueSeconds: t.exposeInt('overdueSeconds', { nullable: true, description: 'Once reclaimable: whole seconds since the deadline.' }),
  }),
})

builder.prismaObjectFields('Customer', (t) => ({
  ownerTimeLeft: t.field({
    type: OwnerTimeLeftRef,
    nullable: true,
    description: 'R-OWN-6: how long the current owner has left (null without an owner).',
    resolve: (customer, _args, ctx) => {
      if (customer.ownerId === null || customer.assignedAt === null) return null
      const { policy, calendar } = ownershipSettings(ctx.prisma)
      const status = reclaimStatus({ assignedAt: customer.assignedAt, tier: customer.tier as never }, customer.firstContactAt === null ? {} : { firstContactAt: customer.firstContactAt }, ctx.now, calendar, policy)
      return ownerTimeLeftView(customer.ownerId, status)
    },
  }),
}))

/** The fields every ownership mutation answers with. */
function ownershipPayload(name: string, description: string) {
  return builder.objectRef<OwnershipOutcome>(name).implement({
    description,
    fields: (t) => ({
      customerIds: t.stringList({ description: 'The customers whose ownership changed.', resolve: (outcome) => [...outcome.customerIds] }),
      entries: t.field({ type: [OwnershipEventRef], description: 'The history entries appended, as core returned them.', resolve: (outcome) => [...outcome.entries] as OwnershipHistory[] }),
      notifiedCustomerIds: t.stringList({
        description: 'R-OWN-5: customers marked to be told who their new contact is.',
        resolve: (outcome) => outcome.effects.flatMap((effect) => (effect.type === 'notifyCustomer' ? [effect.customerId] : [])),
      }),
      revokedStaffIds: t.stringList({
        description: 'R-OWN-5: people whose access to customer data ended with this change.',
        resolve: (outcome) => outcome.effects.flatMap((effect) => (effect.type === 'revokeAccess' ? [effect.staffId] : [])),
      }),
    }),
  })
}

const ID_MAX = 100
const REASON_MAX = 500

/**
 * Checks the arguments of one mutation at the boundary and reports every bad one at once:
 * ids non-empty and at most {@link ID_MAX} characters (trimmed); a reason optional (blank means
 * none) and at most {@link REASON_MAX} characters.
 */
class ArgumentChecks {
  private readonly issues: RecordIssue[] = []

  id(value: string, field: string): string {
    const id = value.trim()
    if (id === '' || id.length > ID_MAX) this.issues.push({ field, code: 'OWNERSHIP.INVALID_ID', messageZh: `${field} 必须是 1 至 ${ID_MAX} 个字符的编号`, messageEn: `${field} must be an id of 1 to ${ID_MAX} characters` })
    return id
  }

  reason(value: string | null | undefined, field: string): { reason?: string } {
    const reason = value?.trim() ?? ''
    if (reason.length > REASON_MAX) this.issues.push({ field, code: 'OWNERSHIP.REASON_TOO_LONG', messageZh: `理由不得超过 ${REASON_MAX} 字`, messageEn: `the reason may have at most ${REASON_MAX} characters` })
    return reason === '' ? {} : { reason }
  }

  /** Returns `value` when every check passed; else throws {@link InputRefusal} with every issue. */
  done<T>(value: T, ruleId: string): T {
    if (this.issues.length > 0) throw new InputRefusal(this.issues, ruleId)
    return value
  }
}

const CustomerOnlyInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({ customerId: t.string({ required: true }) }),
  })

const ClaimFromPoolInput = CustomerOnlyInput('ClaimFromPoolInput')
const RecordFirstContactInput = CustomerOnlyInput('RecordFirstContactInput')

const AssignCustomerInput = builder.inputType('AssignCustomerInput', {
  fields: (t) => ({
    customerId: t.string({ required: true }),
    toStaffId: t.string({ required: true }),
    reason: t.string({ description: 'Optional note kept in the history.' }),
  }),
})

const ReassignCustomerInput = builder.inputType('ReassignCustomerInput', {
  fields: (t) => ({
    customerId: t.string({ required: true }),
    toStaffId: t.string({ required: true }),
    reason: t.string({ description: 'Required to reassign before the contact deadline has passed (manager override, R-OWN-1).' }),
  }),
})

const HandOverDepartingInput = builder.inputType('HandOverDepartingInput', {
  fields: (t) => ({
    leaverId: t.string({ required: true }),
    successorId: t.string({ required: true }),
    reason: t.string({ description: 'Default: "staff <leaver> left (离职移交)".' }),
  }),
})

const ReleaseToPoolInput = builder.inputType('ReleaseToPoolInput', {
  fields: (t) => ({
    customerId: t.string({ required: true }),
    reason: t.string({ description: 'Required for a manager reclaiming a customer that is not reclaimable yet.' }),
  }),
})

builder.mutationField('claimFromPool', (t) =>
  t.field({
    type: ownershipPayload('ClaimFromPoolPayload', 'A customer claimed from the pool.'),
    description: '从公海认领 (R-OWN-6): the actor claims a pooled customer, within the owner cap, the daily claim cap and the former-owner lock; its contact deadline starts (R-OWN-2).',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'ClaimFromPoolResult' } },
    args: { input: t.arg({ type: ClaimFromPoolInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const check = new ArgumentChecks()
      return claimFromPool(ctx.prisma, { actor: ctx.actor!, at: ctx.now }, check.done(check.id(input.customerId, 'input.customerId'), 'R-OWN-6'))
    },
  }),
)

builder.mutationField('assignCustomer', (t) =>
  t.field({
    type: ownershipPayload('AssignCustomerPayload', 'An unowned customer given an owner.'),
    description: '分配客户 (R-OWN-3): a manager gives an unowned customer (in the pool or not) to an active staff member within the owner cap (R-OWN-6).',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'AssignCustomerResult' } },
    args: { input: t.arg({ type: AssignCustomerInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const check = new ArgumentChecks()
      const args = { customerId: check.id(input.customerId, 'input.customerId'), toStaffId: check.id(input.toStaffId, 'input.toStaffId'), ...check.reason(input.reason, 'input.reason') }
      return assignCustomer(ctx.prisma, { actor: ctx.actor!, at: ctx.now }, check.done(args, 'R-OWN-3'))
    },
  }),
)

builder.mutationField('reassignCustomer', (t) =>
  t.field({
    type: ownershipPayload('ReassignCustomerPayload', 'An owned customer moved to another owner.'),
    description: '转交客户 (R-OWN-2): a manager moves an owned customer once it is reclaimable (not contacted before its deadline), or earlier with a reason (manager override, R-OWN-1).',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'ReassignCustomerResult' } },
    args: { input: t.arg({ type: ReassignCustomerInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const check = new ArgumentChecks()
      const args = { customerId: check.id(input.customerId, 'input.customerId'), toStaffId: check.id(input.toStaffId, 'input.toStaffId'), ...check.reason(input.reason, 'input.reason') }
      return reassignCustomer(ctx.prisma, { actor: ctx.actor!, at: ctx.now }, check.done(args, 'R-OWN-2'))
    },
  }),
)

builder.mutationField('handOverDeparting', (t) =>
  t.field({
    type: ownershipPayload('HandOverDepartingPayload', "A leaver's customers handed to a successor."),
    description: '离职移交 (R-OWN-5): every customer the leaver owns or co-owns goes to the successor in one step, each marked to be told; the leaver becomes inactive and loses access at once. All or nothing.',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'HandOverDepartingResult' } },
    args: { input: t.arg({ type: HandOverDepartingInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const check = new ArgumentChecks()
      const args = { leaverId: check.id(input.leaverId, 'input.leaverId'), successorId: check.id(input.successorId, 'input.successorId'), ...check.reason(input.reason, 'input.reason') }
      return handOverDeparting(ctx.prisma, { actor: ctx.actor!, at: ctx.now }, check.done(args, 'R-OWN-5'))
    },
  }),
)

builder.mutationField('releaseToPool', (t) =>
  t.field({
    type: ownershipPayload('ReleaseToPoolPayload', 'A customer put into the pool.'),
    description: '放入公海 / 回收 (R-OWN-6): the owner gives a customer up, or a manager reclaims it once reclaimable (R-OWN-2) or with a reason.',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'ReleaseToPoolResult' } },
    args: { input: t.arg({ type: ReleaseToPoolInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const check = new ArgumentChecks()
      const args = { customerId: check.id(input.customerId, 'input.customerId'), ...check.reason(input.reason, 'input.reason') }
      return releaseToPool(ctx.prisma, { actor: ctx.actor!, at: ctx.now }, check.done(args, 'R-OWN-6'))
    },
  }),
)

builder.mutationField('recordFirstContact', (t) =>
  t.field({
    type: ownershipPayload('RecordFirstContactPayload', 'The first contact recorded.'),
    description: '首次联系 (R-OWN-2): the owner records the first contact; before the deadline it keeps the customer. It also clears the handover notice (R-OWN-5).',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'RecordFirstContactResult' } },
    args: { input: t.arg({ type: RecordFirstContactInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const check = new ArgumentChecks()
      return recordFirstContact(ctx.prisma, { actor: ctx.actor!, at: ctx.now }, check.done(check.id(input.customerId, 'input.customerId'), 'R-OWN-2'))
    },
  }),
)

const CoverageRef = builder.objectRef<ContactCoverage>('ContactCoverage').implement({
  description: 'R-OWN-4: whether an important customer (tier key or above) has enough active staff in contact with it, as core decides.',
  fields: (t) => ({
    important: t.exposeBoolean('important'),
    because: t.string({ nullable: true, description: 'tier | flagged, when important.', resolve: (c) => (c.important ? c.because : null) }),
    ok: t.exposeBoolean('ok'),
    required: t.int({ nullable: true, resolve: (c) => (c.important ? c.required : null) }),
    distinctContacts: t.exposeInt('distinctContacts'),
    missing: t.int({ description: 'Staff still to add; 0 when ok.', resolve: (c) => (c.important ? c.missing : 0) }),
  }),
})

builder.prismaObjectFields('Customer', (t) => ({
  coOwnerIds: t.stringList({
    description: 'Co-owners (协同负责人, R-OWN-4), by staff id.',
    select: { coOwners: { select: { staffId: true }, orderBy: { staffId: 'asc' } } },
    resolve: (customer) => customer.coOwners.map((co) => co.staffId),
  }),
  contactCoverage: t.field({
    type: CoverageRef,
    description: "R-OWN-4 coverage: the owner and co-owners who are still active count as the customer's contacts.",
    select: { tier: true, ownerId: true, owner: { select: { active: true } }, coOwners: { select: { staffId: true, staff: { select: { active: true } } } } },
    resolve: (customer, _args, ctx) => {
      const contacts = [...(customer.ownerId !== null && customer.owner?.active === true ? [customer.ownerId] : []), ...customer.coOwners.filter((co) => co.staff.active).map((co) => co.staffId)]
      return contactCoverage({ tier: customer.tier as never, contacts }, ownershipSettings(ctx.prisma).policy)
    },
  }),
}))
