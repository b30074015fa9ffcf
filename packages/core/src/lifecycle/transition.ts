import { readStaff, type Staff } from '../staff/staff.js'
import { SHANGHAI_UTC_OFFSET_MS } from '../calendar/shanghaiTime.js'
import { formatCustomerCode, nextCustomerCodeSequence } from './customerCode.js'
import { LifecycleErrorCode, lifecycleInputError, LifecycleRefusalCode } from './errors.js'
import { type LifecycleContext, type LifecycleEffect, type LifecycleEvent, LIFECYCLE_EVENT_TYPES, type LinkedApproval } from './events.js'
import { createLifecyclePolicy, defaultLifecyclePolicy, type LifecyclePolicy } from './policy.js'
import { reviewSelection, SELECTION_CRITERION_NAMES_ZH, type SelectionAssessment } from './selectionCriteria.js'
import { CUSTOMER_STAGE_NAMES_ZH, type CustomerStage, isAllowedTransition } from './stages.js'
import { type CustomerLifecycle, readLifecycleState } from './state.js'

/** Why a transition was refused — data, naming the rule and the guard that refused it. */
export interface LifecycleRefusal {
  /** One of {@link LifecycleRefusalCode}. */
  readonly code: string
  /** The rule that refuses, e.g. `R-LIF-4`. */
  readonly ruleId: string
  /** The guard that failed: `allowedTransition`, `timeOrder`, `qualificationDocuments`, `selectionAssessed`, `selectionPassed`, `approvalLinked`, `approvalApproved`, `approvalRejected`, `agreementAfterApproval`, `agreementSent`, `contractsSigned`, `customerCodeUnique`, `commerceStaff`, `maintenancePhase`. */
  readonly guard: string
  readonly messageZh: string
  readonly messageEn: string
  /** Structured details for programs (the missing criteria, the duplicate code …). */
  readonly details?: Readonly<Record<string, unknown>>
}

/** The outcome of {@link transitionCustomer}. */
export type LifecycleResult =
  | { readonly ok: true; readonly state: CustomerLifecycle; readonly effects: readonly LifecycleEffect[] }
  | { readonly ok: false; readonly refusal: LifecycleRefusal }

/** The stage an event moves from and to (`to === from` for events that keep the stage). */
const EDGES: Readonly<Record<Exclude<LifecycleEvent['type'], 'churn' | 'sendAgreement' | 'enterMaintenance'>, readonly [CustomerStage, CustomerStage]>> = {
  startDevelopment: ['prospect', 'developing'],
  submitForApproval: ['developing', 'pendingApproval'],
  approve: ['pendingApproval', 'approved'],
  returnToDevelopment: ['pendingApproval', 'developing'],
  sign: ['approved', 'signed'],
  activate: ['signed', 'active'],
  winBack: ['churned', 'developing'],
}

/**
 * Moves a customer through its lifecycle (客户生命周期, R-LIF-1..5). Pure: state, event and
 * context in; a new state with the effects the application should carry out, or a refusal as
 * data (code, rule, guard, both languages). The input state is never changed.
 *
 * Guards, in the order checked (the first failing one is returned):
 * - every event: the stage change is an edge of R-LIF-1 (`LIFECYCLE.TRANSITION_NOT_ALLOWED`);
 *   `context.at` not earlier than `state.updatedAt`.
 * - `submitForApproval` (R-LIF-2/3): ≥ `minQualificationDocuments` documents; all six criteria
 *   assessed; all passed (when `requireAllSelectionCriteriaPassed`, **default**); `context.approval`
 *   is a pending request of the `newCustomer` chain about this customer — it is linked.
 * - `approve` (R-LIF-2): the linked request is `approved`, decided no later than `at`.
 * - `returnToDevelopment` (R-LIF-1/2): the linked request is `rejected` or `withdrawn`.
 * - `sendAgreement` (R-LIF-4): only in stage approved, once.
 * - `sign` (R-LIF-4): the agreement was sent (policy, **default** yes); both the supply and the
 *   quality-assurance contract signed; a customer code is assigned from the policy format
 *   (`C{year}-{seq:5}`, year = the Asia/Shanghai year of `at`, sequence `context.nextSequence` or
 *   one above the highest in `existingCustomerCodes`) and must not be among the existing codes.
 *   A customer won back keeps its first code.
 * - `activate` (R-LIF-5): `commerceStaff` holds role `commerce` and is active.
 * - `enterMaintenance`: stage active, not yet in maintenance. `churn`: any stage but churned.
 *   `winBack`: churned → developing, clearing the approval, agreement, contracts and assignment
 *   (a new approval is needed); the customer code stays.
 *
 * @throws {@link LifecycleInputError} `LIFECYCLE.INVALID_STATE`, `LIFECYCLE.INVALID_EVENT`,
 *   `LIFECYCLE.INVALID_CONTEXT`, `LIFECYCLE.SEQUENCE_OUT_OF_RANGE` naming the field
 *
 * @example
 * const start = startCustomerLifecycle('cust-17', new Date('2026-03-01T09:00:00+08:00'))
 * const next = transitionCustomer(start, { type: 'startDevelopment' }, { at: new Date('2026-03-02T09:00:00+08:00') })
 * next.ok && next.state.stage //=> 'developing'
 * const early = transitionCustomer(start, { type: 'sign', supplyContractSigned: true, qualityContractSigned: true }, { at: new Date('2026-03-02T09:00:00+08:00') })
 * !early.ok && early.refusal.code //=> 'LIFECYCLE.TRANSITION_NOT_ALLOWED'
 */
export function transitionCustomer(
  state: CustomerLifecycle,
  event: LifecycleEvent,
  context: LifecycleContext,
  policy: LifecyclePolicy = defaultLifecyclePolicy,
): LifecycleResult {
  const current = readLifecycleState(state, 'state')
  const checked = policy === defaultLifecyclePolicy ? policy : createLifecyclePolicy(policy, 'policy')
  const ev = readEvent(event)
  const ctx = readContext(context)
  const at = ctx.at

  // R-LIF-1: which move the event makes, and whether the current stage allows it.
  const stageRefusal = checkStage(current, ev)
  if (stageRefusal !== undefined) return refused(stageRefusal)
  if (at.getTime() < current.updatedAt.getTime()) {
    return refused(
      refusal(LifecycleRefusalCode.BEFORE_LAST_CHANGE, 'R-LIF-1', 'timeOrder', `事件时间 ${at.toISOString()} 早于上次变更 ${current.updatedAt.toISOString()}`, `the event's time ${at.toISOString()} is earlier than the last change at ${current.updatedAt.toISOString()}`),
    )
  }

  switch (ev.type) {
    case 'startDevelopment':
      return moved(current, 'developing', at, {})
    case 'submitForApproval':
      return submitForApproval(current, ev, ctx, checked)
    case 'approve': {
      const link = linkedApproval(current, ctx.approval, checked)
      if (link !== undefined) return refused(link)
      const approval = ctx.approval as LinkedApproval
      if (approval.status !== 'approved' || approval.decidedAt === undefined || approval.decidedAt.getTime() > at.getTime()) {
        return refused(
          refusal(LifecycleRefusalCode.APPROVAL_NOT_APPROVED, 'R-LIF-2', 'approvalApproved', `新客户审批表 ${approval.id} 尚未审批通过（${approval.status}）`, `new-customer approval ${approval.id} is not approved (${approval.status}${approval.status === 'approved' ? ' after the event time' : ''})`, {
            status: approval.status,
          }),
        )
      }
      return moved(current, 'approved', at, { approvedAt: new Date(approval.decidedAt.getTime()) })
    }
    case 'returnToDevelopment': {
      const link = linkedApproval(current, ctx.approval, checked)
      if (link !== undefined) return refused(link)
      const approval = ctx.approval as LinkedApproval
      if (approval.status !== 'rejected' && approval.status !== 'withdrawn') {
        return refused(
          refusal(LifecycleRefusalCode.APPROVAL_NOT_REJECTED, 'R-LIF-2', 'approvalRejected', `新客户审批表 ${approval.id} 未被驳回或撤回（${approval.status}），不能退回开发`, `new-customer approval ${approval.id} is ${approval.status}, not rejected or withdrawn; the customer cannot return to development`, {
            status: approval.status,
          }),
        )
      }
      return moved(current, 'developing', at, {}, ['approvalRequestId', 'qualificationDocuments', 'selection'])
    }
    case 'sendAgreement':
      if (current.agreementSentAt !== undefined) {
        return refused(refusal(LifecycleRefusalCode.AGREEMENT_ALREADY_SENT, 'R-LIF-4', 'agreementSent', '代理协议已发送', `the agency agreement was already sent at ${current.agreementSentAt.toISOString()}`))
      }
      return Object.freeze({ ok: true, state: Object.freeze({ ...current, updatedAt: at, agreementSentAt: at }), effects: Object.freeze([Object.freeze({ type: 'agreementSent' as const })]) })
    case 'sign':
      return sign(current, ev, ctx, checked)
    case 'activate':
      return activate(current, ev.commerceStaff, at)
    case 'enterMaintenance':
      if (current.activePhase === 'maintenance') return refused(refusal(LifecycleRefusalCode.ALREADY_MAINTAINED, 'R-LIF-1', 'maintenancePhase', '客户已处于关系维护阶段', 'the customer is already in the maintenance phase'))
      return Object.freeze({ ok: true, state: Object.freeze({ ...current, updatedAt: at, activePhase: 'maintenance' as const }), effects: Object.freeze([]) })
    case 'churn':
      return moved(current, 'churned', at, ev.reason === undefined ? {} : { churnReason: ev.reason }, ['churnReason'])
    case 'winBack':
      return moved(current, 'developing', at, {}, ['approvalRequestId', 'approvedAt', 'agreementSentAt', 'signedAt', 'commerceStaffId', 'churnReason', 'qualificationDocuments', 'selection'])
  }
}

function checkStage(state: CustomerLifecycle, event: LifecycleEvent): LifecycleRefusal | undefined {
  const stage = state.stage
  if (event.type === 'sendAgreement') {
    if (stage === 'approved') return undefined
    if (stage === 'prospect' || stage === 'developing' || stage === 'pendingApproval') {
      return refusal(LifecycleRefusalCode.AGREEMENT_BEFORE_APPROVAL, 'R-LIF-4', 'agreementAfterApproval', `《新客户审批表》通过审批后方可将代理协议发给客户（当前阶段：${CUSTOMER_STAGE_NAMES_ZH[stage]}）`, `the agency agreement may be sent only after the new-customer approval (stage ${stage})`)
    }
    return notAllowed(`在「${CUSTOMER_STAGE_NAMES_ZH[stage]}」阶段不能发送代理协议`, `the agency agreement cannot be sent in stage ${stage}`, stage, stage)
  }
  if (event.type === 'enterMaintenance') {
    return stage === 'active' ? undefined : notAllowed(`只有正式合作客户可进入维护阶段（当前：${CUSTOMER_STAGE_NAMES_ZH[stage]}）`, `only an active customer enters maintenance (stage ${stage})`, stage, 'active')
  }
  const [from, to] = event.type === 'churn' ? [stage, 'churned' as const] : EDGES[event.type]
  if (stage === from && isAllowedTransition(from, to)) return undefined
  return notAllowed(`不允许从「${CUSTOMER_STAGE_NAMES_ZH[stage]}」变更为「${CUSTOMER_STAGE_NAMES_ZH[to]}」`, `a customer in stage ${stage} cannot move to ${to}`, stage, to)
}

function notAllowed(zh: string, en: string, from: CustomerStage, to: CustomerStage): LifecycleRefusal {
  return refusal(LifecycleRefusalCode.TRANSITION_NOT_ALLOWED, 'R-LIF-1', 'allowedTransition', `${zh}（R-LIF-1）`, `${en} (R-LIF-1)`, { from, to })
}

function submitForApproval(
  state: CustomerLifecycle,
  event: Extract<LifecycleEvent, { type: 'submitForApproval' }>,
  ctx: LifecycleContext,
  policy: LifecyclePolicy,
): LifecycleResult {
  // R-LIF-2 qualification documents 资质文件
  if (event.qualificationDocuments.length < policy.minQualificationDocuments) {
    return refused(
      refusal(LifecycleRefusalCode.QUALIFICATION_DOCUMENTS_MISSING, 'R-LIF-2', 'qualificationDocuments', `提交新客户审批须附客户资质文件（至少 ${policy.minQualificationDocuments} 份，已附 ${event.qualificationDocuments.length} 份）`, `submitting for approval needs the customer's qualification documents (at least ${policy.minQualificationDocuments}, ${event.qualificationDocuments.length} attached)`, {
        attached: event.qualificationDocuments.length,
        required: policy.minQualificationDocuments,
      }),
    )
  }
  // R-LIF-3 the six selection criteria 新客户选择原则
  const review = reviewSelection(event.selection, 'event.selection')
  if (review.missing.length > 0) {
    return refused(
      refusal(LifecycleRefusalCode.SELECTION_NOT_ASSESSED, 'R-LIF-3', 'selectionAssessed', `新客户选择原则尚未全部评估：${review.missing.map((c) => SELECTION_CRITERION_NAMES_ZH[c]).join('；')}`, `selection criteria not assessed: ${review.missing.join(', ')}`, { missing: review.missing }),
    )
  }
  if (policy.requireAllSelectionCriteriaPassed && review.failed.length > 0) {
    return refused(
      refusal(LifecycleRefusalCode.SELECTION_CRITERIA_FAILED, 'R-LIF-3', 'selectionPassed', `不符合新客户选择原则：${review.failed.map((c) => SELECTION_CRITERION_NAMES_ZH[c]).join('；')}`, `selection criteria failed: ${review.failed.join(', ')}`, { failed: review.failed }),
    )
  }
  // R-LIF-2 the submitted 新客户审批表
  const approval = ctx.approval
  if (approval === undefined || approval.chain.id !== policy.newCustomerChainId || approval.subject.id !== state.customerId) {
    return refused(approvalNotLinked(state, approval, policy))
  }
  if (approval.status !== 'pending') {
    return refused(refusal(LifecycleRefusalCode.APPROVAL_NOT_PENDING, 'R-LIF-2', 'approvalLinked', `新客户审批表 ${approval.id} 不在审批中（${approval.status}），请重新提交`, `new-customer approval ${approval.id} is ${approval.status}, not pending; submit a new one`, { status: approval.status }))
  }
  const result = moved(state, 'pendingApproval', ctx.at, {
    approvalRequestId: approval.id,
    qualificationDocuments: Object.freeze([...event.qualificationDocuments]),
    selection: freezeSelection(event.selection),
  })
  return result.ok ? Object.freeze({ ...result, effects: Object.freeze([...result.effects, Object.freeze({ type: 'approvalLinked' as const, approvalRequestId: approval.id })]) }) : result
}

function linkedApproval(state: CustomerLifecycle, approval: LinkedApproval | undefined, policy: LifecyclePolicy): LifecycleRefusal | undefined {
  if (approval !== undefined && approval.id === state.approvalRequestId && approval.chain.id === policy.newCustomerChainId && approval.subject.id === state.customerId) return undefined
  return approvalNotLinked(state, approval, policy)
}

function approvalNotLinked(state: CustomerLifecycle, approval: LinkedApproval | undefined, policy: LifecyclePolicy): LifecycleRefusal {
  const what = approval === undefined ? { zh: '未提供新客户审批表', en: 'no new-customer approval request was given' } : { zh: `审批单 ${approval.id} 不是客户 ${state.customerId} 的新客户审批表（流程 ${approval.chain.id}）`, en: `request ${approval.id} is not the ${policy.newCustomerChainId} approval of customer ${state.customerId} (chain ${approval.chain.id})` }
  return refusal(LifecycleRefusalCode.APPROVAL_NOT_LINKED, 'R-LIF-2', 'approvalLinked', what.zh, what.en, {
    ...(approval === undefined ? {} : { approvalRequestId: approval.id, chainId: approval.chain.id }),
    ...(state.approvalRequestId === undefined ? {} : { linkedRequestId: state.approvalRequestId }),
  })
}

function sign(state: CustomerLifecycle, event: Extract<LifecycleEvent, { type: 'sign' }>, ctx: LifecycleContext, policy: LifecyclePolicy): LifecycleResult {
  if (policy.signingRequiresAgreementSent && state.agreementSentAt === undefined) {
    return refused(refusal(LifecycleRefusalCode.AGREEMENT_NOT_SENT, 'R-LIF-4', 'agreementSent', '尚未将代理协议发给客户，不能签约', 'the agency agreement has not been sent to the customer; it cannot be signed yet'))
  }
  if (!event.supplyContractSigned || !event.qualityContractSigned) {
    const missing = [...(event.supplyContractSigned ? [] : ['supplyContract']), ...(event.qualityContractSigned ? [] : ['qualityContract'])]
    return refused(
      refusal(LifecycleRefusalCode.CONTRACTS_NOT_SIGNED, 'R-LIF-4', 'contractsSigned', `签约须同时签订供货合同与质量保证合同（未签：${missing.map((m) => (m === 'supplyContract' ? '供货合同' : '质量保证合同')).join('、')}）`, `signing needs the supply contract and the quality-assurance contract signed together (missing: ${missing.join(', ')})`, { missing }),
    )
  }
  const effects: LifecycleEffect[] = []
  let customerCode = state.customerCode
  if (customerCode === undefined) {
    const existing = ctx.existingCustomerCodes ?? []
    const year = new Date(ctx.at.getTime() + SHANGHAI_UTC_OFFSET_MS).getUTCFullYear()
    const sequence = ctx.nextSequence ?? nextCustomerCodeSequence(policy.customerCodeFormat, year, existing)
    customerCode = formatCustomerCode(policy.customerCodeFormat, year, sequence, ctx.nextSequence === undefined ? 'context.existingCustomerCodes' : 'context.nextSequence')
    if (existing.includes(customerCode)) {
      return refused(refusal(LifecycleRefusalCode.DUPLICATE_CUSTOMER_CODE, 'R-LIF-4', 'customerCodeUnique', `新客代码 ${customerCode} 已被使用`, `customer code ${customerCode} is already in use`, { customerCode }))
    }
    effects.push(Object.freeze({ type: 'customerCodeAssigned' as const, customerCode }))
  }
  const result = moved(state, 'signed', ctx.at, { signedAt: ctx.at, customerCode })
  return result.ok ? Object.freeze({ ...result, effects: Object.freeze([...result.effects, ...effects]) }) : result
}

function activate(state: CustomerLifecycle, staff: Staff, at: Date): LifecycleResult {
  // R-LIF-5 商务部分配具体的商务人员跟进客户
  if (!staff.roles.includes('commerce')) {
    return refused(refusal(LifecycleRefusalCode.COMMERCE_STAFF_NOT_COMMERCE, 'R-LIF-5', 'commerceStaff', `${staff.id} 不是商务人员，正式合作须由商务部分配商务人员跟进`, `${staff.id} is not commerce staff; an active customer is followed by a commerce staff member`, { staffId: staff.id }))
  }
  if (!staff.active) {
    return refused(refusal(LifecycleRefusalCode.COMMERCE_STAFF_INACTIVE, 'R-LIF-5', 'commerceStaff', `商务人员 ${staff.id} 已离职`, `commerce staff member ${staff.id} has left`, { staffId: staff.id }))
  }
  const result = moved(state, 'active', at, { commerceStaffId: staff.id, activePhase: 'cooperation' })
  return result.ok ? Object.freeze({ ...result, effects: Object.freeze([...result.effects, Object.freeze({ type: 'commerceStaffAssigned' as const, staffId: staff.id })]) }) : result
}

type Removable = 'approvalRequestId' | 'approvedAt' | 'agreementSentAt' | 'signedAt' | 'commerceStaffId' | 'churnReason' | 'qualificationDocuments' | 'selection'

function moved(state: CustomerLifecycle, to: CustomerStage, at: Date, changes: Partial<CustomerLifecycle>, clear: readonly Removable[] = []): LifecycleResult {
  const next: Record<string, unknown> = { ...state }
  delete next['activePhase']
  for (const key of clear) delete next[key]
  Object.assign(next, changes, { stage: to, updatedAt: at })
  return Object.freeze({
    ok: true,
    state: Object.freeze(next) as unknown as CustomerLifecycle,
    effects: Object.freeze([Object.freeze({ type: 'stageChanged' as const, from: state.stage, to })]),
  })
}

function refused(refusal: LifecycleRefusal): LifecycleResult {
  return Object.freeze({ ok: false, refusal })
}

function refusal(code: string, ruleId: string, guard: string, zh: string, en: string, details?: Readonly<Record<string, unknown>>): LifecycleRefusal {
  return Object.freeze({ code, ruleId, guard, messageZh: zh, messageEn: en, ...(details === undefined ? {} : { details: Object.freeze(details) }) })
}

function freezeSelection(selection: SelectionAssessment): SelectionAssessment {
  return Object.freeze(Object.fromEntries(Object.entries(selection).map(([key, value]) => [key, Object.freeze({ passed: value.passed, note: value.note })])))
}

function readEvent(value: unknown): LifecycleEvent {
  const fail = (field: string, en: string, zh: string, got: unknown): never => {
    throw lifecycleInputError(LifecycleErrorCode.INVALID_EVENT, field, en, zh, got)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('event', 'must be an object', '必须是对象', value)
  const record = value as Record<string, unknown>
  const type = record['type']
  if (!(LIFECYCLE_EVENT_TYPES as readonly unknown[]).includes(type)) return fail('event.type', `must be one of ${LIFECYCLE_EVENT_TYPES.join(', ')}`, `必须是 ${LIFECYCLE_EVENT_TYPES.join('、')} 之一`, type)
  switch (type) {
    case 'submitForApproval': {
      const documents = record['qualificationDocuments']
      if (!Array.isArray(documents)) return fail('event.qualificationDocuments', 'must be a list of document names', '必须是资质文件名称列表', documents)
      documents.forEach((document, index) => {
        if (typeof document !== 'string' || document.trim() === '') fail(`event.qualificationDocuments[${index}]`, 'must be a non-empty text', '必须是非空文本', document)
      })
      reviewSelection(record['selection'] as SelectionAssessment, 'event.selection')
      return value as LifecycleEvent
    }
    case 'sign':
      for (const key of ['supplyContractSigned', 'qualityContractSigned'] as const) {
        if (typeof record[key] !== 'boolean') fail(`event.${key}`, 'must be true or false', '必须是 true 或 false', record[key])
      }
      return value as LifecycleEvent
    case 'activate':
      return Object.freeze({ type, commerceStaff: readStaff(record['commerceStaff'], 'event.commerceStaff') })
    case 'churn':
      if (record['reason'] !== undefined && typeof record['reason'] !== 'string') fail('event.reason', 'must be a text when given', '如提供则必须是文本', record['reason'])
      return value as LifecycleEvent
    default:
      return value as LifecycleEvent
  }
}

function readContext(value: unknown): LifecycleContext {
  const fail = (field: string, en: string, zh: string, got: unknown): never => {
    throw lifecycleInputError(LifecycleErrorCode.INVALID_CONTEXT, field, en, zh, got)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('context', 'must be an object', '必须是对象', value)
  const record = value as Record<string, unknown>
  const at = record['at']
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) fail('context.at', 'must be a valid Date', '必须是有效的时间', at)
  const codes = record['existingCustomerCodes']
  if (codes !== undefined && (!Array.isArray(codes) || codes.some((code) => typeof code !== 'string'))) fail('context.existingCustomerCodes', 'must be a list of codes', '必须是代码列表', codes)
  const sequence = record['nextSequence']
  if (sequence !== undefined && (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 1)) fail('context.nextSequence', 'must be a whole number ≥ 1', '必须是不小于 1 的整数', sequence)
  const approval = record['approval']
  if (approval !== undefined) {
    if (typeof approval !== 'object' || approval === null) fail('context.approval', 'must be an approval request', '必须是审批单', approval)
    const a = approval as Record<string, unknown>
    if (typeof a['id'] !== 'string' || a['id'] === '') fail('context.approval.id', 'must be a non-empty text', '必须是非空文本', a['id'])
    if (!['pending', 'approved', 'rejected', 'withdrawn'].includes(a['status'] as string)) fail('context.approval.status', 'must be pending, approved, rejected or withdrawn', '必须是审批状态', a['status'])
    const chain = a['chain'] as Record<string, unknown> | null | undefined
    if (typeof chain !== 'object' || chain === null || typeof chain['id'] !== 'string') fail('context.approval.chain.id', 'must be a text', '必须是文本', chain)
    const subject = a['subject'] as Record<string, unknown> | null | undefined
    if (typeof subject !== 'object' || subject === null || typeof subject['id'] !== 'string') fail('context.approval.subject.id', 'must be a text', '必须是文本', subject)
    const decidedAt = a['decidedAt']
    if (decidedAt !== undefined && (!(decidedAt instanceof Date) || Number.isNaN(decidedAt.getTime()))) fail('context.approval.decidedAt', 'must be a valid Date when given', '如提供则必须是有效的时间', decidedAt)
  }
  return value as LifecycleContext
}
