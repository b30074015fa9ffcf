import { InvalidInputError } from '../errors.js'
import { inputError } from '../input/index.js'

/**
 * Codes of the errors the approval engine (审批引擎) throws for broken preconditions: a malformed
 * request or decision, a submitter who has left. Refusals of a signature (not pending, out of
 * order, already signed …) are **data**, see {@link ApprovalRefusalCode}; a bad chain is a
 * `POLICY.INVALID_FIELD` {@link PolicyValidationError}.
 */
export const ApprovalErrorCode = {
  /** The submission is malformed (审批提交无效): no id, an invalid instant, a bad subject. */
  INVALID_SUBMISSION: 'APPROVAL.INVALID_SUBMISSION',
  /** The submitter has left (提交人已离职) and cannot submit (R-LIF-2). */
  INACTIVE_SUBMITTER: 'APPROVAL.INACTIVE_SUBMITTER',
  /** What was passed as a request is not one (审批单无效): wrong shape, or a history that contradicts its status. */
  INVALID_REQUEST: 'APPROVAL.INVALID_REQUEST',
  /** The decision or withdrawal is malformed (审批操作无效): unknown decision, invalid instant. */
  INVALID_ACTION: 'APPROVAL.INVALID_ACTION',
} as const

/**
 * Codes of the refusals the engine returns as data (审批拒绝原因), in the `refusal.code` of an
 * {@link ApprovalActionResult}.
 */
export const ApprovalRefusalCode = {
  /** The request is no longer pending: already approved, rejected or withdrawn (审批单已结束). */
  NOT_PENDING: 'APPROVAL.NOT_PENDING',
  /** The actor is not an approver of any step of the chain (无审批权限). */
  NOT_AN_APPROVER: 'APPROVAL.NOT_AN_APPROVER',
  /** The actor is an approver of a later step only: steps are signed in order (未按顺序审批, R-LIF-2). */
  OUT_OF_ORDER: 'APPROVAL.OUT_OF_ORDER',
  /** The actor has already signed this step, or signed an earlier one and is not an approver of this one (不得重复签批, R-LIF-2). */
  ALREADY_SIGNED: 'APPROVAL.ALREADY_SIGNED',
  /** Every approver entry the actor matches in this countersign step is already satisfied by someone else (该会签项已签). */
  ENTRY_ALREADY_SATISFIED: 'APPROVAL.ENTRY_ALREADY_SATISFIED',
  /** The actor has left (审批人已离职). */
  INACTIVE_APPROVER: 'APPROVAL.INACTIVE_APPROVER',
  /** Only the submitter may withdraw (只有提交人可以撤回). */
  NOT_SUBMITTER: 'APPROVAL.NOT_SUBMITTER',
  /** The submitter has left and cannot withdraw (提交人已离职). */
  INACTIVE_SUBMITTER: 'APPROVAL.INACTIVE_SUBMITTER',
  /** The action's time is earlier than the request's last event (时间早于上一条审批记录). */
  BEFORE_LAST_EVENT: 'APPROVAL.BEFORE_LAST_EVENT',
  /** The chosen approver entry (`asEntry`) is not one the actor may satisfy now (所选审批项无效). */
  ENTRY_NOT_AVAILABLE: 'APPROVAL.ENTRY_NOT_AVAILABLE',
} as const

/** One of {@link ApprovalRefusalCode}. */
export type ApprovalRefusalCode = (typeof ApprovalRefusalCode)[keyof typeof ApprovalRefusalCode]

/** A malformed input of the approval engine (审批输入无效). */
export class ApprovalInputError extends InvalidInputError {}

/** @internal */
export function approvalInputError(code: string, field: string, en: string, zh: string, value: unknown): ApprovalInputError {
  return inputError(ApprovalInputError, { code, field, expectedEn: en, expectedZh: zh, value })
}
