import { type ApprovalRequest, type ApproverSpec, awaitedApprovers, canDecide, formatApprovalHistory } from '@kehu/core'

import { viewableCustomerNamed } from '../access/customerAccess.js'
import { AuthError } from '../auth/authError.js'
import { approvalRequestFromRow } from '../db/approvals.js'
import type { ApprovalEvent as ApprovalEventRow, ApprovalRequest as ApprovalRequestRow } from '../generated/prisma/client.js'
import { approvalAccessDenied, mayViewApprovalRequest } from '../workflows/approvalAccess.js'
import { pendingRequestIdsAwaiting } from '../workflows/approvalPending.js'
import { actOnApprovalRequest, APPROVAL_EVENTS_INCLUDE, type ApprovalAction } from '../workflows/approvalDecision.js'
import { builder } from './builder.js'
import { InputRefusal, WORKFLOW_ERRORS } from './errors.js'

/** How many request ids one read takes: Prisma refuses an ordered read binding more values than SQLite allows it (999), so lists are read in slices and ordered in memory. */
const ID_SLICE = 400

type RequestRow = ApprovalRequestRow & { readonly events: readonly ApprovalEventRow[] }

// Core's request is derived from a row once per row (history replayed and checked by core).
const coreRequests = new WeakMap<object, ApprovalRequest>()
function coreRequest(row: RequestRow): ApprovalRequest {
  let request = coreRequests.get(row)
  if (request === undefined) {
    request = approvalRequestFromRow(row)
    coreRequests.set(row, request)
  }
  return request
}

/** Who may sign an entry: a role (anyone holding it) or one named person. */
const ApproverRef = builder.objectRef<ApproverSpec>('Approver').implement({
  description: 'An approver entry of a step (审批人): a role, or one named person.',
  fields: (t) => ({
    kind: t.string({ description: 'role | person', resolve: (a) => a.kind }),
    role: t.string({ nullable: true, resolve: (a) => (a.kind === 'role' ? a.role : null) }),
    personId: t.string({ nullable: true, resolve: (a) => (a.kind === 'person' ? a.personId : null) }),
  }),
})

/** An approver entry still awaited on the current step (待审批人), from core's `awaitedApprovers`. */
const AwaitedApproverRef = builder.objectRef<{ stepId: string; approverIndex: number; approver: ApproverSpec }>('AwaitedApprover').implement({
  fields: (t) => ({
    stepId: t.exposeString('stepId'),
    approverIndex: t.exposeInt('approverIndex'),
    approver: t.field({ type: ApproverRef, resolve: (a) => a.approver }),
  }),
})

type StepView = { request: ApprovalRequest; index: number; awaited: readonly { stepId: string; approverIndex: number; approver: ApproverSpec }[] }

/** One step of the request's chain and where it stands. */
const ApprovalStepRef = builder.objectRef<StepView>('ApprovalStep').implement({
  description: 'A step of the chain (审批步骤), signed in order (R-LIF-2).',
  fields: (t) => ({
    stepId: t.string({ resolve: (s) => s.request.chain.steps[s.index]!.id }),
    nameZh: t.string({ resolve: (s) => s.request.chain.steps[s.index]!.nameZh }),
    nameEn: t.string({ resolve: (s) => s.request.chain.steps[s.index]!.nameEn }),
    mode: t.string({ description: 'any (one signature) | all (会签 countersign)', resolve: (s) => s.request.chain.steps[s.index]!.mode }),
    approvers: t.field({ type: [ApproverRef], resolve: (s) => [...s.request.chain.steps[s.index]!.approvers] }),
    state: t.string({
      description: 'signed (done) | current | waiting | rejected (the step that rejected the request) | closed (the request ended before this step)',
      resolve: ({ request, index }) => {
        if (index < request.currentStep) return 'signed'
        if (request.status === 'pending') return index === request.currentStep ? 'current' : 'waiting'
        return request.status === 'rejected' && index === request.currentStep ? 'rejected' : 'closed'
      },
    }),
    awaitedApprovers: t.field({ type: [AwaitedApproverRef], description: 'The entries still to sign, on the current step only.', resolve: (s) => (s.index === s.request.currentStep ? [...s.awaited] : []) }),
  }),
})

/** A readable line of the history in both languages (审批记录), from core's `formatApprovalHistory`. */
const HistoryLineRef = builder.objectRef<{ zh: string; en: string }>('ApprovalHistoryLine').implement({
  fields: (t) => ({ zh: t.exposeString('zh'), en: t.exposeString('en') }),
})

/** One stored event of a request's history. */
export const ApprovalEventRef = builder.prismaObject('ApprovalEvent', {
  description: 'One entry of an approval request\'s history (审批记录): submitted, approved, rejected or withdrawn.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Position in the history, from 0 (the submission).' }),
    type: t.exposeString('type', { description: 'submitted | approved | rejected | withdrawn' }),
    stepId: t.exposeString('stepId', { nullable: true }),
    actorId: t.exposeString('actorId'),
    approverIndex: t.exposeInt('approverIndex', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
    comment: t.exposeString('comment', { nullable: true }),
  }),
})

/** An approval request (审批单) with its chain, progress and history. */
export const ApprovalRequestRef = builder.prismaObject('ApprovalRequest', {
  description: 'An approval request (审批单, R-LIF-2): the chain it is signed along, where it stands, who is awaited, its history.',
  include: APPROVAL_EVENTS_INCLUDE,
  fields: (t) => ({
    requestId: t.exposeString('id'),
    chainId: t.exposeString('chainId'),
    chainNameZh: t.string({ resolve: (row) => coreRequest(row).chain.nameZh }),
    chainNameEn: t.string({ resolve: (row) => coreRequest(row).chain.nameEn }),
    ruleId: t.string({ description: 'The rule the chain serves, e.g. R-LIF-2.', resolve: (row) => coreRequest(row).chain.ruleId }),
    subjectKind: t.exposeString('subjectKind', { description: 'What the request is about: customer, contract, visitPlan, expenseClaim …' }),
    subjectId: t.exposeString('subjectId'),
    customer: t.prismaField({
      type: 'Customer',
      nullable: true,
      description: 'The customer the request is about, when its subject is a customer and the actor may view it (R-ACC-1); null otherwise.',
      resolve: (query, row, _args, ctx) => (row.subjectKind === 'customer' ? viewableCustomerNamed(ctx.prisma, ctx.actor!, row.subjectId, query, ctx.now) : null),
    }),
    submittedById: t.exposeString('submittedById'),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    status: t.exposeString('status', { description: 'pending | approved | rejected | withdrawn' }),
    currentStep: t.exposeInt('currentStep', { description: 'Index of the step awaiting signatures; the number of steps once approved.' }),
    currentStepId: t.string({ nullable: true, resolve: (row) => (row.status === 'pending' ? (coreRequest(row).chain.steps[row.currentStep]?.id ?? null) : null) }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version', { description: 'Bumped by every decision; pass it as expectedVersion when deciding.' }),
    steps: t.field({
      type: [ApprovalStepRef],
      resolve: (row) => {
        const request = coreRequest(row)
        const awaited = awaitedApprovers(request)
        return request.chain.steps.map((_, index) => ({ request, index, awaited }))
      },
    }),
    awaitedApprovers: t.field({ type: [AwaitedApproverRef], description: "The current step's entries still to sign (core's awaitedApprovers).", resolve: (row) => [...awaitedApprovers(coreRequest(row))] }),
    history: t.field({ type: [HistoryLineRef], description: 'The history as readable lines, Chinese and English.', resolve: (row) => [...formatApprovalHistory(coreRequest(row))] }),
    events: t.relation('events', { query: { orderBy: { seq: 'asc' } } }),
    canDecide: t.boolean({ description: 'Whether the actor may sign the request now (core\'s canDecide).', resolve: (row, _args, ctx) => canDecide(coreRequest(row), ctx.actor!, ctx.now).ok }),
  }),
})

builder.queryFields((t) => ({
  approvalRequest: t.prismaField({
    type: 'ApprovalRequest',
    nullable: true,
    description: 'One approval request. Visible to its submitter, its approvers and — for a customer — whoever may view the customer (R-ACC-1); anyone else is refused with FORBIDDEN.',
    args: { id: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const row = await ctx.prisma.approvalRequest.findUnique({ ...query, where: { id: args.id }, include: { ...query.include, ...APPROVAL_EVENTS_INCLUDE } })
      if (row === null) return null
      if (!(await mayViewApprovalRequest(ctx.prisma, ctx.actor!, coreRequest(row), ctx.now))) {
        const denied = approvalAccessDenied(args.id)
        throw new AuthError(denied.message, 'FORBIDDEN', { reasonCode: denied.reasonCode, ruleId: denied.ruleId, messageZh: denied.messageZh, messageEn: denied.messageEn })
      }
      return row
    },
  }),
  myPendingApprovals: t.prismaField({
    type: ['ApprovalRequest'],
    description: "The pending requests the actor may sign now (我的待审批), by core's canDecide; oldest first.",
    resolve: async (query, _root, _args, ctx) => {
      const candidates = await pendingRequestIdsAwaiting(ctx.prisma, ctx.actor!)
      const rows = []
      for (let start = 0; start < candidates.length; start += ID_SLICE) {
        const ids = candidates.slice(start, start + ID_SLICE)
        rows.push(...(await ctx.prisma.approvalRequest.findMany({ ...query, where: { id: { in: ids } }, include: { ...query.include, ...APPROVAL_EVENTS_INCLUDE } })))
      }
      rows.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      return rows.filter((row) => canDecide(coreRequest(row), ctx.actor!, ctx.now).ok)
    },
  }),
}))

const ApprovalDecisionEnum = builder.enumType('ApprovalDecision', {
  description: 'A signature: approve (同意) or reject (驳回).',
  values: { APPROVE: { value: 'approve' }, REJECT: { value: 'reject' } } as const,
})

const DecideApprovalInput = builder.inputType('DecideApprovalInput', {
  fields: (t) => ({
    requestId: t.string({ required: true }),
    decision: t.field({ type: ApprovalDecisionEnum, required: true }),
    comment: t.string({ description: 'Opinion (审批意见), at most 1000 characters.' }),
    expectedVersion: t.int({ required: true, description: "The request's version the decision was made on; a different stored version is a ConflictError." }),
  }),
})

const WithdrawApprovalInput = builder.inputType('WithdrawApprovalInput', {
  fields: (t) => ({
    requestId: t.string({ required: true }),
    comment: t.string({ description: 'Why (撤回原因), at most 1000 characters.' }),
    expectedVersion: t.int({ required: true }),
  }),
})

const COMMENT_MAX = 1000

/** The comment as core takes it: absent when blank; refused when too long or when the version is not a count. */
function checkedAction(input: { comment?: string | null | undefined; expectedVersion: number }, make: (comment: { comment?: string }) => ApprovalAction, ruleId = 'R-LIF-2'): ApprovalAction {
  const issues = []
  const comment = input.comment?.trim() ?? ''
  if (comment.length > COMMENT_MAX) issues.push({ field: 'input.comment', code: 'APPROVAL.COMMENT_TOO_LONG', messageZh: `审批意见不得超过 ${COMMENT_MAX} 字`, messageEn: `the comment may have at most ${COMMENT_MAX} characters` })
  if (input.expectedVersion < 0) issues.push({ field: 'input.expectedVersion', code: 'APPROVAL.INVALID_VERSION', messageZh: '版本号不能为负数', messageEn: 'the version cannot be negative' })
  if (issues.length > 0) throw new InputRefusal(issues, ruleId)
  return make(comment === '' ? {} : { comment })
}

function approvalPayload(name: string) {
  return builder.objectRef<{ requestId: string; version: number }>(name).implement({
    fields: (t) => ({
      version: t.exposeInt('version', { description: 'The version after this action.' }),
      approvalRequest: t.prismaField({ type: 'ApprovalRequest', resolve: (query, payload, _args, ctx) => ctx.prisma.approvalRequest.findUniqueOrThrow({ ...query, where: { id: payload.requestId } }) }),
    }),
  })
}

builder.mutationField('decideApproval', (t) =>
  t.field({
    type: approvalPayload('DecideApprovalPayload'),
    description:
      "Signs the current step (审批签字, R-LIF-2): approve or reject, in order, once per person; the same signature sent twice takes effect once. When the request ends, its subject's registered effect runs in the same transaction (a new customer moves to approved, or back to development).",
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'DecideApprovalResult' } },
    args: { input: t.arg({ type: DecideApprovalInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const action = checkedAction(input, (comment) => ({ kind: 'decide', decision: input.decision, ...comment }))
      const outcome = await actOnApprovalRequest(ctx.prisma, { actor: ctx.actor!, at: ctx.now, requestId: input.requestId, expectedVersion: input.expectedVersion, action })
      return { requestId: input.requestId, version: outcome.version }
    },
  }),
)

builder.mutationField('withdrawApproval', (t) =>
  t.field({
    type: approvalPayload('WithdrawApprovalPayload'),
    description: "Withdraws a pending request (撤回审批): the submitter only, while pending. The subject's registered effect runs (a new customer returns to development).",
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'WithdrawApprovalResult' } },
    args: { input: t.arg({ type: WithdrawApprovalInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const action = checkedAction(input, (comment) => ({ kind: 'withdraw', ...comment }))
      const outcome = await actOnApprovalRequest(ctx.prisma, { actor: ctx.actor!, at: ctx.now, requestId: input.requestId, expectedVersion: input.expectedVersion, action })
      return { requestId: input.requestId, version: outcome.version }
    },
  }),
)
