import { InvalidInputError } from '../errors.js'
import { inputError } from '../input/index.js'

/**
 * Codes of the errors the lifecycle throws for broken preconditions (a malformed state, event or
 * context). Refused transitions are **data**, see {@link LifecycleRefusalCode}.
 */
export const LifecycleErrorCode = {
  /** What was passed as a lifecycle state is not one (客户阶段状态无效). */
  INVALID_STATE: 'LIFECYCLE.INVALID_STATE',
  /** The event is malformed (事件无效): unknown type, a missing field. */
  INVALID_EVENT: 'LIFECYCLE.INVALID_EVENT',
  /** The context is malformed (上下文无效): an invalid instant, a bad sequence number or code list. */
  INVALID_CONTEXT: 'LIFECYCLE.INVALID_CONTEXT',
  /** The customer-code sequence does not fit the format's digits (新客代码序号超出位数, R-LIF-4). */
  SEQUENCE_OUT_OF_RANGE: 'LIFECYCLE.SEQUENCE_OUT_OF_RANGE',
} as const

/** Codes of refused transitions (阶段变更被拒绝的原因), each with the rule that refuses it. */
export const LifecycleRefusalCode = {
  /** R-LIF-1: the move is not an edge of the lifecycle (不允许的阶段变更). */
  TRANSITION_NOT_ALLOWED: 'LIFECYCLE.TRANSITION_NOT_ALLOWED',
  /** R-LIF-1: the event's time is earlier than the last change (时间早于上次变更). */
  BEFORE_LAST_CHANGE: 'LIFECYCLE.BEFORE_LAST_CHANGE',
  /** R-LIF-2: qualification documents (资质文件) are not attached. */
  QUALIFICATION_DOCUMENTS_MISSING: 'LIFECYCLE.QUALIFICATION_DOCUMENTS_MISSING',
  /** R-LIF-3: some selection criteria (新客户选择原则) are not assessed. */
  SELECTION_NOT_ASSESSED: 'LIFECYCLE.SELECTION_NOT_ASSESSED',
  /** R-LIF-3: some selection criteria failed (不符合新客户选择原则). */
  SELECTION_CRITERIA_FAILED: 'LIFECYCLE.SELECTION_CRITERIA_FAILED',
  /** R-LIF-2: no new-customer approval request given, or not the one of this customer/chain (审批单不匹配). */
  APPROVAL_NOT_LINKED: 'LIFECYCLE.APPROVAL_NOT_LINKED',
  /** R-LIF-2: the submitted approval request is not pending (审批单不在审批中). */
  APPROVAL_NOT_PENDING: 'LIFECYCLE.APPROVAL_NOT_PENDING',
  /** R-LIF-2: the approval request is not approved (or approved after the event's time) (新客户审批未通过). */
  APPROVAL_NOT_APPROVED: 'LIFECYCLE.APPROVAL_NOT_APPROVED',
  /** R-LIF-2: returning to development needs a rejected or withdrawn request (审批未被驳回). */
  APPROVAL_NOT_REJECTED: 'LIFECYCLE.APPROVAL_NOT_REJECTED',
  /** R-LIF-4: the agency agreement may be sent only after approval (审批通过后方可发送代理协议). */
  AGREEMENT_BEFORE_APPROVAL: 'LIFECYCLE.AGREEMENT_BEFORE_APPROVAL',
  /** R-LIF-4: the agreement was already sent (代理协议已发送). */
  AGREEMENT_ALREADY_SENT: 'LIFECYCLE.AGREEMENT_ALREADY_SENT',
  /** R-LIF-4: signing before the agreement was sent (尚未发送代理协议). */
  AGREEMENT_NOT_SENT: 'LIFECYCLE.AGREEMENT_NOT_SENT',
  /** R-LIF-4: the supply contract and the quality-assurance contract are not both signed (供货合同与质量保证合同须同时签订). */
  CONTRACTS_NOT_SIGNED: 'LIFECYCLE.CONTRACTS_NOT_SIGNED',
  /** R-LIF-4: the customer code is already in use (新客代码重复). */
  DUPLICATE_CUSTOMER_CODE: 'LIFECYCLE.DUPLICATE_CUSTOMER_CODE',
  /** R-LIF-5: the person assigned is not commerce staff (不是商务人员). */
  COMMERCE_STAFF_NOT_COMMERCE: 'LIFECYCLE.COMMERCE_STAFF_NOT_COMMERCE',
  /** R-LIF-5: the person assigned has left (商务人员已离职). */
  COMMERCE_STAFF_INACTIVE: 'LIFECYCLE.COMMERCE_STAFF_INACTIVE',
  /** R-LIF-1: the customer is already in the maintenance phase (已处于维护阶段). */
  ALREADY_MAINTAINED: 'LIFECYCLE.ALREADY_MAINTAINED',
} as const

/** A malformed input of the lifecycle (客户生命周期输入无效). */
export class LifecycleInputError extends InvalidInputError {}

/** @internal */
export function lifecycleInputError(code: string, field: string, en: string, zh: string, value: unknown, ruleId?: string): LifecycleInputError {
  return inputError(LifecycleInputError, { code, field, expectedEn: en, expectedZh: zh, value, ruleId })
}
