import { randomUUID } from 'node:crypto'

import {
  CUSTOMER_STAGE_NAMES_ZH,
  type CustomerLifecycle,
  defaultApprovalChains,
  type LifecycleEffect,
  SELECTION_CRITERIA,
  SELECTION_CRITERION_NAMES_ZH,
  type SelectionAssessment,
  submitApproval,
} from '@kehu/core'

import { approvalRequestToRow } from '../db/approvals.js'
import { staffFromRow } from '../db/mappers.js'
import { NotFoundRefusal } from '../refusals.js'
import { withCoreInput } from '../workflows/approvalCoreInput.js'
import '../workflows/lifecycleApproval.js'
import { lifecycleFromRow } from '../workflows/lifecycleState.js'
import { type PreparedTransition, runLifecycleTransition, type TransitionOutcome } from '../workflows/lifecycleTransition.js'
import './approval.js'
import { CustomerRef } from './customer.js'
import { type Context, builder } from './builder.js'
import { InputRefusal, WORKFLOW_ERRORS } from './errors.js'

import type { Prisma } from '../generated/prisma/client.js'

/** One assessed selection criterion (新客户选择原则, R-LIF-3). */
const CriterionAssessmentRef = builder.objectRef<{ criterion: string; passed: boolean; note: string }>('SelectionCriterionAssessment').implement({
  fields: (t) => ({
    criterion: t.exposeString('criterion', { description: SELECTION_CRITERIA.join(' | ') }),
    nameZh: t.string({ resolve: (c) => SELECTION_CRITERION_NAMES_ZH[c.criterion as keyof typeof SELECTION_CRITERION_NAMES_ZH] ?? c.criterion }),
    passed: t.exposeBoolean('passed'),
    note: t.exposeString('note'),
  }),
})

/** A customer's lifecycle (客户生命周期, R-LIF-1..5) as core's state. */
export const CustomerLifecycleRef = builder.objectRef<CustomerLifecycle>('CustomerLifecycle').implement({
  description: "Where a customer stands in its lifecycle (客户生命周期, R-LIF-1..5): stage, phase and the facts each stage's guard recorded.",
  fields: (t) => ({
    customerId: t.exposeString('customerId'),
    stage: t.string({ description: 'prospect | developing | pendingApproval | approved | signed | active | churned (R-LIF-1)', resolve: (s) => s.stage }),
    stageNameZh: t.string({ resolve: (s) => CUSTOMER_STAGE_NAMES_ZH[s.stage] }),
    activePhase: t.string({ nullable: true, description: 'cooperation (正式合作) | maintenance (维护), in stage active only', resolve: (s) => s.activePhase ?? null }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the last lifecycle event happened.', resolve: (s) => s.updatedAt }),
    qualificationDocuments: t.stringList({ description: 'R-LIF-2 qualification documents attached at submission (资质文件).', resolve: (s) => [...(s.qualificationDocuments ?? [])] }),
    selection: t.field({
      type: [CriterionAssessmentRef],
      description: 'R-LIF-3 the selection assessment given at submission, in the order of the six criteria.',
      resolve: (s) => SELECTION_CRITERIA.flatMap((criterion) => (s.selection?.[criterion] === undefined ? [] : [{ criterion, ...s.selection[criterion] }])),
    }),
    approvalRequestId: t.string({ nullable: true, description: 'R-LIF-2 the linked new-customer approval request.', resolve: (s) => s.approvalRequestId ?? null }),
    approvedAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.approvedAt ?? null }),
    agreementSentAt: t.field({ type: 'DateTime', nullable: true, description: 'R-LIF-4 when the agency agreement was sent (代理协议发出).', resolve: (s) => s.agreementSentAt ?? null }),
    signedAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.signedAt ?? null }),
    customerCode: t.string({ nullable: true, description: 'R-LIF-4 customer code (新客代码), kept for good.', resolve: (s) => s.customerCode ?? null }),
    commerceStaffId: t.string({ nullable: true, description: 'R-LIF-5 the commerce staff member following the customer.', resolve: (s) => s.commerceStaffId ?? null }),
    churnReason: t.string({ nullable: true, resolve: (s) => s.churnReason ?? null }),
  }),
})

/** An effect core reports for the application to carry out (the gateway records them). */
const LifecycleEffectRef = builder.objectRef<LifecycleEffect>('LifecycleEffect').implement({
  fields: (t) => ({
    type: t.string({ description: 'stageChanged | approvalLinked | agreementSent | customerCodeAssigned | commerceStaffAssigned', resolve: (e) => e.type }),
    from: t.string({ nullable: true, resolve: (e) => (e.type === 'stageChanged' ? e.from : null) }),
    to: t.string({ nullable: true, resolve: (e) => (e.type === 'stageChanged' ? e.to : null) }),
    approvalRequestId: t.string({ nullable: true, resolve: (e) => (e.type === 'approvalLinked' ? e.approvalRequestId : null) }),
    customerCode: t.string({ nullable: true, resolve: (e) => (e.type === 'customerCodeAssigned' ? e.customerCode : null) }),
    staffId: t.string({ nullable: true, resolve: (e) => (e.type === 'commerceStaffAssigned' ? e.staffId : null) }),
  }),
})

builder.objectField(CustomerRef, 'lifecycle', (t) => t.field({ type: CustomerLifecycleRef, description: 'The lifecycle state (R-LIF-1..5).', resolve: (row) => lifecycleFromRow(row) }))

builder.prismaObjectField('Customer', 'newCustomerApproval', (t) =>
  t.prismaField({
    type: 'ApprovalRequest',
    nullable: true,
    description: 'The linked new-customer approval request (R-LIF-2); whoever sees the customer sees its request (R-ACC-1).',
    resolve: (query, row, _args, ctx) => (row.approvalRequestId === null ? null : ctx.prisma.approvalRequest.findUnique({ ...query, where: { id: row.approvalRequestId } })),
  }),
)

type Payload = { readonly customerId: string; readonly outcome: TransitionOutcome }

function lifecyclePayload(name: string) {
  return builder.objectRef<Payload>(name).implement({
    fields: (t) => ({
      lifecycle: t.field({ type: CustomerLifecycleRef, description: 'The state after the event.', resolve: (p) => p.outcome.state }),
      previousStage: t.string({ resolve: (p) => p.outcome.previous.stage }),
      effects: t.field({ type: [LifecycleEffectRef], resolve: (p) => [...p.outcome.effects] }),
      customer: t.prismaField({ type: 'Customer', resolve: (query, p, _args, ctx) => ctx.prisma.customer.findUniqueOrThrow({ ...query, where: { id: p.customerId } }) }),
      approvalRequest: t.prismaField({
        type: 'ApprovalRequest',
        nullable: true,
        description: 'The linked new-customer approval request, if any.',
        resolve: (query, p, _args, ctx) => (p.outcome.state.approvalRequestId === undefined ? null : ctx.prisma.approvalRequest.findUnique({ ...query, where: { id: p.outcome.state.approvalRequestId } })),
      }),
    }),
  })
}

type Prepare<I> = (input: I, ctx: Context) => (tx: Prisma.TransactionClient, state: CustomerLifecycle) => Promise<PreparedTransition>

/**
 * Declares one lifecycle mutation: `<name>(input)` → `<Name>Payload | errors`, running
 * {@link runLifecycleTransition} (R-ACC-1 edit, core's transition, one transaction, audit).
 */
function lifecycleMutation<I extends { customerId: string }>(name: string, description: string, input: ReturnType<typeof builder.inputType<string, any>>, prepare: Prepare<I>): void {
  const typeName = name[0]!.toUpperCase() + name.slice(1)
  const payload = lifecyclePayload(`${typeName}Payload`)
  builder.mutationField(name, (t) =>
    t.field({
      type: payload,
      description,
      errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: `${typeName}Result` } },
      args: { input: t.arg({ type: input, required: true }) },
      resolve: async (_root, args, ctx) => {
        const given = args.input as I
        const customerId = given.customerId.trim()
        if (customerId === '') throw new InputRefusal([{ field: 'input.customerId', code: 'LIFECYCLE.INVALID_CUSTOMER', messageZh: '必须指定客户', messageEn: 'a customer id is required' }], 'R-LIF-1')
        const outcome = await runLifecycleTransition(ctx.prisma, { actor: ctx.actor!, at: ctx.now, customerId, prepare: prepare(given, ctx) })
        return { customerId, outcome }
      },
    }),
  )
}

const CustomerIdInput = (name: string, description: string) => builder.inputType(name, { description, fields: (t) => ({ customerId: t.string({ required: true }) }) })

lifecycleMutation(
  'startCustomerDevelopment',
  'R-LIF-1 储备 → 开发: starts developing a prospect. Whoever may edit the customer (R-ACC-1).',
  CustomerIdInput('StartCustomerDevelopmentInput', 'The prospect to develop.'),
  () => async () => ({ event: { type: 'startDevelopment' } }),
)

const CriterionAssessmentInput = builder.inputType('SelectionCriterionInput', {
  description: 'One criterion assessed (R-LIF-3): passed or not, with a note (评估说明).',
  fields: (t) => ({ passed: t.boolean({ required: true }), note: t.string({ required: true }) }),
})

const SelectionAssessmentInput = builder.inputType('SelectionAssessmentInput', {
  description: 'The six new-customer selection criteria (新客户选择原则, R-LIF-3); a criterion left out is not assessed.',
  fields: (t) => Object.fromEntries(SELECTION_CRITERIA.map((criterion) => [criterion, t.field({ type: CriterionAssessmentInput, description: SELECTION_CRITERION_NAMES_ZH[criterion] })])) as never,
})

const SubmitCustomerForApprovalInput = builder.inputType('SubmitCustomerForApprovalInput', {
  fields: (t) => ({
    customerId: t.string({ required: true }),
    qualificationDocuments: t.stringList({ required: true, description: 'R-LIF-2 names of the qualification documents attached (资质文件).' }),
    selection: t.field({ type: SelectionAssessmentInput, required: true }),
    comment: t.string({ description: 'A note for the approvers, at most 1000 characters.' }),
  }),
})

/** Bounds of the submission's free text (the documents themselves are kept elsewhere; these are their names). */
const MAX_DOCUMENTS = 50
const MAX_DOCUMENT_NAME = 200

type SubmitInput = { customerId: string; qualificationDocuments: string[]; selection: Record<string, { passed: boolean; note: string } | null | undefined>; comment?: string | null | undefined }

lifecycleMutation<SubmitInput>(
  'submitCustomerForApproval',
  "R-LIF-2/3 开发 → 待审批: attaches the qualification documents and the selection assessment and opens the new-customer approval (新客户审批表) along core's default chain (customs → commerce → finance → general manager). The actor is the submitter.",
  SubmitCustomerForApprovalInput,
  (input, ctx) => async (_tx, state) => {
    const comment = input.comment?.trim() ?? ''
    const issues = []
    if (comment.length > 1000) issues.push({ field: 'input.comment', code: 'APPROVAL.COMMENT_TOO_LONG', messageZh: '说明不得超过 1000 字', messageEn: 'the comment may have at most 1000 characters' })
    if (input.qualificationDocuments.length > MAX_DOCUMENTS) {
      issues.push({ field: 'input.qualificationDocuments', code: 'LIFECYCLE.TOO_MANY_DOCUMENTS', messageZh: `资质文件最多 ${MAX_DOCUMENTS} 份`, messageEn: `at most ${MAX_DOCUMENTS} qualification documents` })
    }
    input.qualificationDocuments.forEach((document, index) => {
      if (document.length > MAX_DOCUMENT_NAME) {
        issues.push({ field: `input.qualificationDocuments[${index}]`, code: 'LIFECYCLE.DOCUMENT_NAME_TOO_LONG', messageZh: `资质文件名称不得超过 ${MAX_DOCUMENT_NAME} 字`, messageEn: `a document name may have at most ${MAX_DOCUMENT_NAME} characters` })
      }
    })
    if (issues.length > 0) throw new InputRefusal(issues, 'R-LIF-2')
    const selection = Object.fromEntries(Object.entries(input.selection).filter((entry): entry is [string, { passed: boolean; note: string }] => entry[1] != null)) as SelectionAssessment
    const chain = defaultApprovalChains.newCustomer
    const request = withCoreInput('R-LIF-2', () =>
      submitApproval({ id: `apr-${randomUUID()}`, chain, subject: { kind: 'customer', id: state.customerId }, submittedBy: ctx.actor!, at: ctx.now, ...(comment === '' ? {} : { comment }) }),
    )
    return {
      event: { type: 'submitForApproval', qualificationDocuments: input.qualificationDocuments.map((d) => d.trim()), selection },
      context: { approval: request },
      write: async (tx) => {
        const rows = approvalRequestToRow(request)
        await tx.approvalRequest.create({ data: rows.request })
        await tx.approvalEvent.createMany({ data: [...rows.events] })
      },
    }
  },
)

lifecycleMutation(
  'sendCustomerAgreement',
  'R-LIF-4 sends the agency agreement (代理协议) to an approved customer; only after the new-customer approval, once. Recorded on the timeline.',
  CustomerIdInput('SendCustomerAgreementInput', 'The approved customer.'),
  () => async () => ({ event: { type: 'sendAgreement' } }),
)

const SignCustomerInput = builder.inputType('SignCustomerInput', {
  fields: (t) => ({
    customerId: t.string({ required: true }),
    supplyContractSigned: t.boolean({ required: true, description: '供货合同 signed' }),
    qualityContractSigned: t.boolean({ required: true, description: '质量保证合同 signed' }),
  }),
})

lifecycleMutation<{ customerId: string; supplyContractSigned: boolean; qualityContractSigned: boolean }>(
  'signCustomer',
  'R-LIF-4 已审批 → 已签约: both contracts signed together after the agreement was sent; the customer gets its unique customer code (新客代码, C{year}-{seq:5}).',
  SignCustomerInput,
  (input) => async (tx) => {
    const taken = await tx.customer.findMany({ where: { customerCode: { not: null } }, select: { customerCode: true } })
    return {
      event: { type: 'sign', supplyContractSigned: input.supplyContractSigned, qualityContractSigned: input.qualityContractSigned },
      context: { existingCustomerCodes: taken.map((row) => row.customerCode!) },
    }
  },
)

const ActivateCustomerInput = builder.inputType('ActivateCustomerInput', {
  fields: (t) => ({ customerId: t.string({ required: true }), commerceStaffId: t.string({ required: true, description: 'R-LIF-5 the commerce staff member who will follow the customer.' }) }),
})

lifecycleMutation<{ customerId: string; commerceStaffId: string }>(
  'activateCustomer',
  'R-LIF-5 已签约 → 正式合作 (cooperation phase): the commerce department assigns an active commerce staff member to follow the customer.',
  ActivateCustomerInput,
  (input) => async (tx) => {
    const row = await tx.staff.findUnique({ where: { id: input.commerceStaffId } })
    if (row === null) throw new NotFoundRefusal('staff', input.commerceStaffId)
    return { event: { type: 'activate', commerceStaff: staffFromRow(row) } }
  },
)

lifecycleMutation(
  'enterCustomerMaintenance',
  'R-LIF-1 正式合作: from the cooperation phase to relationship maintenance (维护).',
  CustomerIdInput('EnterCustomerMaintenanceInput', 'The active customer.'),
  () => async () => ({ event: { type: 'enterMaintenance' } }),
)

const ChurnCustomerInput = builder.inputType('ChurnCustomerInput', {
  fields: (t) => ({ customerId: t.string({ required: true }), reason: t.string({ description: 'Why the customer was lost (流失原因), at most 500 characters.' }) }),
})

lifecycleMutation<{ customerId: string; reason?: string | null | undefined }>(
  'churnCustomer',
  'R-LIF-1 any stage → 流失 churned, with the reason.',
  ChurnCustomerInput,
  (input) => async () => {
    const reason = input.reason?.trim() ?? ''
    if (reason.length > 500) throw new InputRefusal([{ field: 'input.reason', code: 'LIFECYCLE.REASON_TOO_LONG', messageZh: '流失原因不得超过 500 字', messageEn: 'the reason may have at most 500 characters' }], 'R-LIF-1')
    return { event: { type: 'churn', ...(reason === '' ? {} : { reason }) } }
  },
)

lifecycleMutation(
  'winBackCustomer',
  'R-LIF-1 流失 → 开发 (win-back): the approval, agreement and contracts are cleared — a new approval is needed; the customer code stays.',
  CustomerIdInput('WinBackCustomerInput', 'The churned customer.'),
  () => async () => ({ event: { type: 'winBack' } }),
)
