import { randomUUID } from 'node:crypto'

import { EXPENSE_ITEM_KINDS, type ExpenseCheckResult, type ExpenseItemKind, type ExpenseViolation, Money, submitApproval } from '@kehu/core'
import { GraphQLError } from 'graphql'

import { recordAction } from '../access/customerAccess.js'
import { approvalRequestToRow } from '../db/approvals.js'
import type { Prisma, PrismaClient } from '../generated/prisma/client.js'
import { BusinessRefusal } from '../refusals.js'
import { type ExpenseClaimAction, expenseClaimPermission, viewableExpenseClaimsWhere } from '../workflows/expenseAccess.js'
import { EXPENSE_CLAIM_SUBJECT, ITEM_APPROVALS, TRIP_APPLICATION_CHAIN_ID } from '../workflows/expenseApproval.js'
import { BLOCKING_VIOLATION_CODES, CLAIM_INCLUDE, checkStoredClaim, draftClaim, type StoredClaim, violationsJson } from '../workflows/expenseClaimState.js'
import { asInputRefusal } from '../workflows/serviceTicketState.js'
import { builder, type Context } from './builder.js'
import { AccessDeniedRefusal, BusinessErrorRef, ConflictRefusal, InputRefusal, NotFoundRefusal, RuleRefusal, WORKFLOW_ERRORS } from './errors.js'

type Tx = Prisma.TransactionClient | PrismaClient

// ---------------------------------------------------------------------------------------------
// Errors.

/**
 * R-EXP-7 the submission is stopped by violations that no reviewer may accept (see
 * `BLOCKING_VIOLATION_CODES`); carries **every** violation of the check, each marked blocking or not.
 */
export class ExpenseClaimBlockedRefusal extends BusinessRefusal {
  constructor(readonly violations: readonly ExpenseViolation[]) {
    const blocking = violations.filter((violation) => BLOCKING_VIOLATION_CODES.includes(violation.code))
    super(
      'EXPENSE.CLAIM_BLOCKED',
      'R-EXP-7',
      `报销单不能提交：${blocking.map((violation) => violation.messageZh).join('；')}`,
      `the claim cannot be submitted: ${blocking.map((violation) => violation.messageEn).join('; ')}`,
    )
  }
}

const ExpenseViolationRef = builder.objectRef<ExpenseViolation>('ExpenseViolation').implement({
  description: 'One finding of core’s expense check (报销问题), R-EXP-7: code, rule, field and both languages.',
  fields: (t) => ({
    code: t.exposeString('code'),
    ruleId: t.exposeString('ruleId'),
    field: t.exposeString('field', { description: 'Path of the claim input it is about, e.g. claim.items[2].amount.' }),
    messageZh: t.exposeString('messageZh'),
    messageEn: t.exposeString('messageEn'),
    itemId: t.string({ nullable: true, resolve: (violation) => (typeof violation.details['itemId'] === 'string' ? violation.details['itemId'] : null) }),
    withheld: t.field({ type: 'Money', nullable: true, description: 'What this finding withholds of its item.', resolve: (violation) => (typeof violation.details['withheld'] === 'string' ? violation.details['withheld'] : null) }),
    blocking: t.boolean({ description: 'Whether it stops a submission.', resolve: (violation) => BLOCKING_VIOLATION_CODES.includes(violation.code) }),
    details: t.string({ description: 'The finding’s facts as JSON text.', resolve: (violation) => JSON.stringify(violation.details) }),
  }),
})

builder.objectType(ExpenseClaimBlockedRefusal, {
  name: 'ExpenseClaimBlockedError',
  description: 'R-EXP-7 the claim was not submitted: it has violations that block (R-EXP-1 trip not approved, R-EXP-3 invoice claimed twice). Every violation is listed.',
  interfaces: [BusinessErrorRef],
  isTypeOf: (value) => value instanceof ExpenseClaimBlockedRefusal,
  fields: (t) => ({ violations: t.field({ type: [ExpenseViolationRef], resolve: (error) => [...error.violations] }) }),
})

// ---------------------------------------------------------------------------------------------
// Reading.

/** Core's check of a row, computed once per row object (it reads the claim's items, approvals and past claims). */
const checks = new WeakMap<object, Promise<ExpenseCheckResult>>()
function checkOf(row: { id: string }, ctx: Context): Promise<ExpenseCheckResult> {
  let check = checks.get(row)
  if (check === undefined) {
    check = ctx.prisma.expenseClaim.findUniqueOrThrow({ where: { id: row.id }, include: CLAIM_INCLUDE }).then((claim) => checkStoredClaim(ctx.prisma, claim, ctx.now))
    checks.set(row, check)
  }
  return check
}

const ExpenseItemAmountsRef = builder.objectRef<ExpenseCheckResult['items'][number]>('ExpenseItemAmounts').implement({
  fields: (t) => ({
    itemId: t.exposeString('id'),
    kind: t.exposeString('kind'),
    claimed: t.field({ type: 'Money', resolve: (item) => item.claimed.toString() }),
    withheld: t.field({ type: 'Money', resolve: (item) => item.withheld.toString() }),
    reimbursable: t.field({ type: 'Money', resolve: (item) => item.reimbursable.toString() }),
  }),
})

const ExpenseCheckRef = builder.objectRef<ExpenseCheckResult>('ExpenseCheck').implement({
  description: 'Core’s check of the claim (报销审核), R-EXP-1..7: every violation and the exact reimbursable amount.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    violations: t.field({ type: [ExpenseViolationRef], resolve: (check) => [...check.violations] }),
    claimed: t.field({ type: 'Money', resolve: (check) => check.totals.claimed.toString() }),
    withheld: t.field({ type: 'Money', resolve: (check) => check.totals.withheld.toString() }),
    reimbursable: t.field({ type: 'Money', resolve: (check) => check.totals.reimbursable.toString() }),
    items: t.field({ type: [ExpenseItemAmountsRef], resolve: (check) => [...check.items] }),
  }),
})

const detail = (details: Prisma.JsonValue | null, key: string): string | null => {
  const value = details !== null && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>)[key] : undefined
  return typeof value === 'string' ? value : null
}

builder.prismaObject('ExpenseInvoice', {
  description: '发票/车票 attached to an item; the number as core compares it (whitespace removed, upper-cased).',
  fields: (t) => ({ code: t.exposeString('code', { nullable: true }), number: t.exposeString('number') }),
})

builder.prismaObject('ExpenseItem', {
  description: 'One line of a claim (费用明细).',
  fields: (t) => ({
    itemId: t.exposeString('itemKey'),
    kind: t.exposeString('kind', { description: EXPENSE_ITEM_KINDS.join(' | ') }),
    amount: t.field({ type: 'Money', resolve: (item) => item.amountFen }),
    fareCategory: t.string({ nullable: true, resolve: (item) => detail(item.details, 'fareCategory') }),
    mode: t.string({ nullable: true, resolve: (item) => detail(item.details, 'mode') }),
    category: t.string({ nullable: true, resolve: (item) => detail(item.details, 'category') }),
    receiptAmount: t.field({ type: 'Money', nullable: true, resolve: (item) => detail(item.details, 'receiptAmount') }),
    month: t.string({ nullable: true, resolve: (item) => detail(item.details, 'month') }),
    approvalRequestId: t.string({
      nullable: true,
      description: 'The R-EXP-5 expense form or R-EXP-6 above-allowance approval request of the item.',
      resolve: (item) => detail(item.details, 'expenseFormRequestId') ?? detail(item.details, 'aboveAllowanceRequestId'),
    }),
    invoice: t.relation('invoice', { nullable: true }),
  }),
})

/** An expense claim (报销单) with its items, invoices and the violations core finds (R-EXP-1..7). */
export const ExpenseClaimRef = builder.prismaObject('ExpenseClaim', {
  fields: (t) => ({
    claimId: t.exposeString('id'),
    claimant: t.relation('claimant'),
    status: t.exposeString('status', { description: 'draft | submitted | approved | rejected | paid' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    tripStartDay: t.exposeString('tripStartDay', { nullable: true }),
    tripEndDay: t.exposeString('tripEndDay', { nullable: true }),
    tripDepartureAt: t.expose('tripDepartureAt', { type: 'DateTime', nullable: true }),
    tripApprovalRequestId: t.exposeString('tripApprovalRequestId', { nullable: true }),
    total: t.field({ type: 'Money', description: 'Amount claimed (申报金额).', resolve: (claim) => claim.totalFen }),
    items: t.relation('items', { query: { orderBy: { itemKey: 'asc' } } }),
    invoices: t.relation('invoices', { query: { orderBy: { number: 'asc' } } }),
    check: t.field({
      type: ExpenseCheckRef,
      description: 'Core’s check at the filing time (a draft: as if filed now), against the claims filed before it.',
      resolve: (claim, _args, ctx) => checkOf(claim, ctx),
    }),
    violations: t.field({ type: [ExpenseViolationRef], description: 'Every violation of `check`.', resolve: async (claim, _args, ctx) => [...(await checkOf(claim, ctx)).violations] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
})

const CLAIM_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'paid'] as const

const ExpenseClaimStatusEnum = builder.enumType('ExpenseClaimStatus', {
  description: 'draft 草稿 | submitted 已提交 | approved 已批准 | rejected 已退回 | paid 已付款',
  values: Object.fromEntries(CLAIM_STATUSES.map((status) => [status, { value: status }])) as Record<(typeof CLAIM_STATUSES)[number], { value: (typeof CLAIM_STATUSES)[number] }>,
})

builder.queryFields((t) => ({
  expenseClaim: t.prismaField({
    type: 'ExpenseClaim',
    nullable: true,
    description: 'One claim; visible to the claimant, their team manager, finance, directors and the general manager (R-ACC-1).',
    args: { id: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const row = await ctx.prisma.expenseClaim.findUnique({ ...query, where: { id: args.id } })
      if (row === null) return null
      const claimant = await ctx.prisma.staff.findUniqueOrThrow({ where: { id: row.claimantId }, select: { id: true, teamId: true } })
      if (!expenseClaimPermission(ctx.actor!, 'view', claimant)) {
        throw new GraphQLError('R-ACC-1: you may not view this expense claim (无权查看该报销单)', { extensions: { code: 'FORBIDDEN', ruleId: 'R-ACC-1' } })
      }
      return row
    },
  }),
  expenseClaims: t.prismaConnection({
    type: 'ExpenseClaim',
    cursor: 'id',
    description: 'The claims the actor may view, with their violations; newest first.',
    args: { status: t.arg({ type: ExpenseClaimStatusEnum, required: false }), claimantId: t.arg.string({ required: false }) },
    resolve: (query, _root, args, ctx) => {
      const filters: Prisma.ExpenseClaimWhereInput[] = [viewableExpenseClaimsWhere(ctx.actor!)]
      if (args.status != null) filters.push({ status: args.status })
      if (args.claimantId != null) filters.push({ claimantId: args.claimantId })
      return ctx.prisma.expenseClaim.findMany({ ...query, where: { AND: filters }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] })
    },
  }),
}))

// ---------------------------------------------------------------------------------------------
// Mutations.

const ExpenseItemKindEnum = builder.enumType('ExpenseItemKind', {
  description: 'fare 在途交通费 | localTransport 市内交通费 | lodging 住宿费 | sundry 公务杂费 | entertainment 业务招待费 | phone 手机费',
  values: Object.fromEntries(EXPENSE_ITEM_KINDS.map((kind) => [kind, { value: kind }])) as Record<ExpenseItemKind, { value: ExpenseItemKind }>,
})

const ExpenseItemInput = builder.inputType('ExpenseItemInput', {
  fields: (t) => ({
    itemId: t.string({ description: 'Id of the item within the claim; item-1, item-2 … when left out.' }),
    kind: t.field({ type: ExpenseItemKindEnum, required: true }),
    amount: t.field({ type: 'Money', required: true }),
    invoiceNumber: t.string({ description: '发票号码 / 车票号; absent = no invoice attached.' }),
    invoiceCode: t.string({ description: '发票代码, when the invoice has one.' }),
    fareCategory: t.string({ description: 'fare: a category of the fare standard, e.g. rail.highSpeedSecondClass.' }),
    mode: t.string({ description: 'localTransport: bus | minibus | rail | taxi | rideHailing | other.' }),
    category: t.string({ description: 'sundry: postage | copying | fax.' }),
    receiptAmount: t.field({ type: 'Money', description: 'sundry: the amount on the receipt.' }),
    month: t.string({ description: 'phone: the month, YYYY-MM.' }),
    approvalRequestId: t.string({ description: 'entertainment: the signed expense form (R-EXP-5); phone: the above-allowance approval (R-EXP-6).' }),
  }),
})

const TripInput = builder.inputType('ExpenseTripInput', {
  fields: (t) => ({
    startDay: t.string({ required: true, description: 'YYYY-MM-DD' }),
    endDay: t.string({ required: true, description: 'YYYY-MM-DD' }),
    departureAt: t.field({ type: 'DateTime' }),
  }),
})

const CreateExpenseClaimInput = builder.inputType('CreateExpenseClaimInput', {
  fields: (t) => ({
    trip: t.field({ type: TripInput, description: 'Required with travel items (fare, localTransport, lodging).' }),
    tripApprovalRequestId: t.string({ description: 'R-EXP-1/2 the approved trip application (its approval request).' }),
    items: t.field({ type: [ExpenseItemInput], required: true }),
  }),
})

function claimPayload(name: string) {
  const ref = builder.objectRef<{ claimId: string }>(name)
  ref.implement({
    fields: (t) => ({
      claim: t.prismaField({ type: 'ExpenseClaim', resolve: (query, payload, _args, ctx) => ctx.prisma.expenseClaim.findUniqueOrThrow({ ...query, where: { id: payload.claimId } }) }),
    }),
  })
  return ref
}

const errorsFor = (union: string, extra: (new (...args: never[]) => BusinessRefusal)[] = []) => ({ types: [...WORKFLOW_ERRORS, ...extra], directResult: true as const, union: { name: union } })

/**
 * An approval request the claim refers to must exist, be on the expected chain and — for the trip
 * application and the forms — have been submitted by the claimant.
 */
async function requireApprovalReference(tx: Tx, id: string, chainId: string, claimantId: string, field: string, ruleId: string): Promise<void> {
  const row = await tx.approvalRequest.findUnique({ where: { id }, select: { chainId: true, submittedById: true } })
  if (row === null) throw new NotFoundRefusal('approvalRequest', id)
  if (row.chainId !== chainId || row.submittedById !== claimantId) {
    throw new InputRefusal(
      [
        {
          field,
          code: 'EXPENSE.WRONG_APPROVAL',
          messageZh: `${field}：审批单 ${id} 不是报销人提交的"${chainId}"审批`,
          messageEn: `${field}: approval request ${id} is not a ${chainId} approval submitted by the claimant`,
        },
      ],
      ruleId,
    )
  }
}

/** Loads a claim and checks {@link expenseClaimPermission} for `action`. */
async function loadClaim(tx: Tx, ctx: Context, claimId: string, action: ExpenseClaimAction): Promise<StoredClaim> {
  const claim = await tx.expenseClaim.findUnique({ where: { id: claimId }, include: { ...CLAIM_INCLUDE, claimant: { select: { id: true, teamId: true } } } })
  if (claim === null) throw new NotFoundRefusal('expenseClaim', claimId)
  if (!expenseClaimPermission(ctx.actor!, action, claim.claimant)) {
    const [zh, en] =
      action === 'pay' ? ['只有财务部可以登记报销付款', 'only finance pays expense claims'] : action === 'edit' ? ['只有报销人本人可以修改或提交报销单', 'only the claimant edits and submits a claim'] : ['无权查看该报销单', 'you may not view this claim']
    throw new AccessDeniedRefusal(action === 'pay' ? 'EXPENSE.FINANCE_ONLY' : 'EXPENSE.CLAIMANT_ONLY', zh, en)
  }
  return claim
}

function statusRefusal(claimId: string, status: string, allowed: readonly string[], ruleId: string): RuleRefusal {
  return new RuleRefusal({
    code: 'EXPENSE.INVALID_STATUS',
    ruleId,
    messageZh: `报销单 ${claimId} 状态为 ${status}，此操作仅限 ${allowed.join('、')}`,
    messageEn: `claim ${claimId} is ${status}; this is only allowed when ${allowed.join(' or ')}`,
  })
}

builder.mutationField('createExpenseClaim', (t) =>
  t.field({
    type: claimPayload('CreateExpenseClaimPayload'),
    description: "Creates the actor's draft claim (报销单草稿) with its items and invoices; core validates it (R-EXP-7 input) and its check is returned with the claim.",
    errors: errorsFor('CreateExpenseClaimResult'),
    args: { input: t.arg({ type: CreateExpenseClaimInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!
      const id = `claim-${randomUUID()}`
      await ctx.prisma.$transaction(async (tx) => {
        if (input.tripApprovalRequestId != null) await requireApprovalReference(tx, input.tripApprovalRequestId, TRIP_APPLICATION_CHAIN_ID, actor.id, 'input.tripApprovalRequestId', 'R-EXP-1')
        for (const [index, item] of input.items.entries()) {
          if (item.approvalRequestId == null) continue
          const approval = item.kind === 'entertainment' || item.kind === 'phone' ? ITEM_APPROVALS[item.kind] : undefined
          const field = `input.items[${index}].approvalRequestId`
          if (approval === undefined) {
            throw new InputRefusal([{ field, code: 'EXPENSE.UNEXPECTED_APPROVAL', messageZh: `${field}：${item.kind} 费用不需要审批单`, messageEn: `${field}: a ${item.kind} item takes no approval request` }], 'R-EXP-7')
          }
          await requireApprovalReference(tx, item.approvalRequestId, approval.chain.id, actor.id, field, approval.chain.ruleId)
        }
        const draft = draftClaim(id, actor.id, input, ctx.now)
        // Core validates the whole claim (throws for malformed input) and checks it as if filed now.
        const result = await checkStoredClaim(tx, draft, ctx.now)
        await tx.expenseClaim.create({
          data: {
            id,
            claimantId: actor.id,
            status: 'draft',
            tripStartDay: draft.tripStartDay,
            tripEndDay: draft.tripEndDay,
            tripDepartureAt: draft.tripDepartureAt,
            tripApprovalRequestId: draft.tripApprovalRequestId,
            totalFen: result.totals.claimed.fen,
            violations: violationsJson(result),
            createdAt: ctx.now,
          },
        })
        await tx.expenseItem.createMany({ data: draft.items.map(({ invoice: _invoice, ...item }) => ({ ...item, details: item.details ?? {} })) })
        const invoices = draft.items.flatMap((item) => (item.invoice === null ? [] : [item.invoice]))
        if (invoices.length > 0) await tx.expenseInvoice.createMany({ data: invoices })
        await recordAction(tx, { actor, at: ctx.now, action: 'expenseClaim.create', subjectKind: 'expenseClaim', subjectId: id, details: { items: draft.items.length, total: result.totals.claimed.toString() } })
      })
      return { claimId: id }
    },
  }),
)

builder.mutationField('submitExpenseClaim', (t) =>
  t.field({
    type: claimPayload('SubmitExpenseClaimPayload'),
    description:
      'Files the claimant’s draft (提交报销, R-EXP-2): core checks it at this instant against the claims filed before (R-EXP-1..7). Blocking violations come back as ExpenseClaimBlockedError with every violation; otherwise the claim is submitted with its violations recorded.',
    errors: errorsFor('SubmitExpenseClaimResult', [ExpenseClaimBlockedRefusal]),
    args: { claimId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const actor = ctx.actor!
      await ctx.prisma.$transaction(async (tx) => {
        const claim = await loadClaim(tx, ctx, args.claimId, 'edit')
        if (claim.status !== 'draft') throw statusRefusal(claim.id, claim.status, ['draft'], 'R-EXP-2')
        const result = await checkStoredClaim(tx, claim, ctx.now)
        if (result.violations.some((violation) => BLOCKING_VIOLATION_CODES.includes(violation.code))) throw new ExpenseClaimBlockedRefusal(result.violations)
        const written = await tx.expenseClaim.updateMany({ where: { id: claim.id, status: 'draft' }, data: { status: 'submitted', submittedAt: ctx.now, violations: violationsJson(result) } })
        if (written.count !== 1) throw new ConflictRefusal('expenseClaim', claim.id, 'R-EXP-2')
        await recordAction(tx, {
          actor,
          at: ctx.now,
          action: 'expenseClaim.submit',
          subjectKind: 'expenseClaim',
          subjectId: claim.id,
          details: { violations: result.violations.map((violation) => violation.code), reimbursable: result.totals.reimbursable.toString() },
        })
      })
      return { claimId: args.claimId }
    },
  }),
)

const RequestExpenseApprovalPayload = builder.objectRef<{ claimId: string; approvalRequestId: string }>('RequestExpenseApprovalPayload').implement({
  fields: (t) => ({
    approvalRequestId: t.exposeString('approvalRequestId'),
    claim: t.prismaField({ type: 'ExpenseClaim', resolve: (query, payload, _args, ctx) => ctx.prisma.expenseClaim.findUniqueOrThrow({ ...query, where: { id: payload.claimId } }) }),
  }),
})

builder.mutationField('requestExpenseApproval', (t) =>
  t.field({
    type: RequestExpenseApprovalPayload,
    description:
      'Opens the approval a draft claim’s item needs before filing, on core’s chain (subject kind expenseClaim): R-EXP-5 the entertainment expense form signed by the department manager, R-EXP-6 phone cost above the allowance. The claimant only.',
    errors: errorsFor('RequestExpenseApprovalResult'),
    args: { claimId: t.arg.string({ required: true }), itemId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const actor = ctx.actor!
      const requestId = `apr-${args.claimId}-${args.itemId}`
      await ctx.prisma.$transaction(async (tx) => {
        const claim = await loadClaim(tx, ctx, args.claimId, 'edit')
        if (claim.status !== 'draft') throw statusRefusal(claim.id, claim.status, ['draft'], 'R-EXP-5')
        const item = claim.items.find((candidate) => candidate.itemKey === args.itemId)
        if (item === undefined) throw new NotFoundRefusal('expenseItem', args.itemId)
        const approval = item.kind === 'entertainment' || item.kind === 'phone' ? ITEM_APPROVALS[item.kind] : undefined
        if (approval === undefined) {
          throw new RuleRefusal({ code: 'EXPENSE.NO_APPROVAL_NEEDED', ruleId: 'R-EXP-5', messageZh: `${item.kind} 费用无需审批单`, messageEn: `a ${item.kind} item needs no approval request` })
        }
        const details = (item.details ?? {}) as Record<string, unknown>
        if (typeof details[approval.detailsKey] === 'string') {
          throw new RuleRefusal({ code: 'EXPENSE.APPROVAL_ALREADY_REQUESTED', ruleId: approval.chain.ruleId, messageZh: `该费用已有审批单 ${String(details[approval.detailsKey])}`, messageEn: `the item already has approval request ${String(details[approval.detailsKey])}` })
        }
        let request
        try {
          request = submitApproval({ id: requestId, chain: approval.chain, subject: { kind: EXPENSE_CLAIM_SUBJECT, id: claim.id }, submittedBy: actor, at: ctx.now })
        } catch (error) {
          throw asInputRefusal(error, approval.chain.ruleId)
        }
        const rows = approvalRequestToRow(request)
        await tx.approvalRequest.create({ data: rows.request })
        await tx.approvalEvent.createMany({ data: [...rows.events] })
        await tx.expenseItem.update({ where: { id: item.id }, data: { details: { ...details, [approval.detailsKey]: requestId } as Prisma.InputJsonValue } })
        await recordAction(tx, { actor, at: ctx.now, action: 'expenseClaim.requestApproval', subjectKind: 'expenseClaim', subjectId: claim.id, details: { itemId: args.itemId, approvalRequestId: requestId, chainId: approval.chain.id } })
      })
      return { claimId: args.claimId, approvalRequestId: requestId }
    },
  }),
)

const PAYABLE = ['submitted', 'approved'] as const

builder.mutationField('markClaimPaid', (t) =>
  t.field({
    type: claimPayload('MarkClaimPaidPayload'),
    description: 'Finance records the reimbursement (财务报销付款) of a submitted or approved claim.',
    errors: errorsFor('MarkClaimPaidResult'),
    args: { claimId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const actor = ctx.actor!
      await ctx.prisma.$transaction(async (tx) => {
        const claim = await loadClaim(tx, ctx, args.claimId, 'pay')
        if (!(PAYABLE as readonly string[]).includes(claim.status)) throw statusRefusal(claim.id, claim.status, PAYABLE, 'R-EXP-7')
        const result = await checkStoredClaim(tx, claim, ctx.now)
        const written = await tx.expenseClaim.updateMany({ where: { id: claim.id, status: claim.status }, data: { status: 'paid' } })
        if (written.count !== 1) throw new ConflictRefusal('expenseClaim', claim.id, 'R-EXP-7')
        await recordAction(tx, { actor, at: ctx.now, action: 'expenseClaim.pay', subjectKind: 'expenseClaim', subjectId: claim.id, details: { from: claim.status, reimbursable: result.totals.reimbursable.toString() } })
      })
      return { claimId: args.claimId }
    },
  }),
)
