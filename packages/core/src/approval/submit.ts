import { readStaff, type Staff } from '../staff/staff.js'
import { createApprovalChain } from './chain.js'
import { ApprovalErrorCode, ApprovalInputError, approvalInputError } from './errors.js'
import { readDate } from './instant.js'
import type { ApprovalChainPolicy, ApprovalRequest, ApprovalSubject } from './types.js'

/** What {@link submitApproval} needs: the application chooses the id and passes the time. */
export interface ApprovalSubmission {
  /** Request id chosen by the application (审批单号); core never generates ids. */
  readonly id: string
  /** The chain to sign, e.g. {@link defaultNewCustomerChain}; validated with {@link createApprovalChain}. */
  readonly chain: ApprovalChainPolicy
  /** What the request is about, e.g. `{ kind: 'customer', id: 'cust-17' }`. */
  readonly subject: ApprovalSubject
  /** The person submitting (提交人); must be active. */
  readonly submittedBy: Staff
  /** When it was submitted. */
  readonly at: Date
  readonly comment?: string
}

/**
 * Opens an approval request (提交审批, R-LIF-2): status `pending`, the first step current, and
 * the submission as the first history event. Everything is validated; the result is frozen.
 *
 * Decision: a submitter who has left (`active: false`) is a broken precondition — the
 * application must not let a departed person act — and throws, unlike an inactive approver,
 * which {@link decideApproval} refuses as data.
 *
 * @throws {@link ApprovalInputError} `APPROVAL.INVALID_SUBMISSION` naming the field,
 *   `APPROVAL.INACTIVE_SUBMITTER` (field `submission.submittedBy.active`); `STAFF.INVALID` for a
 *   malformed staff record; `POLICY.INVALID_FIELD` for a malformed chain
 *
 * @example
 * const request = submitApproval({
 *   id: 'NC-2026-001', chain: defaultNewCustomerChain, subject: { kind: 'customer', id: 'cust-17' },
 *   submittedBy: { id: 'li', roles: ['specialist'], active: true }, at: new Date('2026-03-02T09:00:00+08:00'),
 * })
 * request.status //=> 'pending'
 * request.currentStep //=> 0
 * request.history.map((event) => event.type) //=> ['submitted']
 */
export function submitApproval(submission: ApprovalSubmission, field = 'submission'): ApprovalRequest {
  if (typeof submission !== 'object' || submission === null) fail(field, 'must be an object', '必须是对象', submission)
  const record = submission as unknown as Record<string, unknown>
  const id = text(record['id'], `${field}.id`)
  const chain = createApprovalChain(record['chain'], `${field}.chain`)
  const subjectRecord = record['subject']
  if (typeof subjectRecord !== 'object' || subjectRecord === null) fail(`${field}.subject`, 'must be an object with kind and id', '必须是包含 kind 与 id 的对象', subjectRecord)
  const subject = Object.freeze({
    kind: text((subjectRecord as Record<string, unknown>)['kind'], `${field}.subject.kind`),
    id: text((subjectRecord as Record<string, unknown>)['id'], `${field}.subject.id`),
  })
  const submitter = readStaff(record['submittedBy'], `${field}.submittedBy`)
  if (!submitter.active) {
    throw new ApprovalInputError({
      code: ApprovalErrorCode.INACTIVE_SUBMITTER,
      field: `${field}.submittedBy.active`,
      ruleId: chain.ruleId,
      messageEn: `${submitter.id} has left and cannot submit a ${chain.nameEn} request`,
      messageZh: `${submitter.id} 已离职，不能提交${chain.nameZh}`,
      details: { submittedBy: submitter.id },
    })
  }
  const at = readDate(record['at'], `${field}.at`, ApprovalErrorCode.INVALID_SUBMISSION)
  const comment = record['comment']
  if (comment !== undefined && typeof comment !== 'string') fail(`${field}.comment`, 'must be a text when given', '如提供则必须是文本', comment)
  return Object.freeze({
    id,
    chain,
    subject,
    submittedBy: submitter.id,
    submittedAt: at,
    status: 'pending',
    currentStep: 0,
    history: Object.freeze([Object.freeze({ type: 'submitted' as const, actorId: submitter.id, at: new Date(at.getTime()), ...(comment === undefined ? {} : { comment }) })]),
  })
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(field, 'must be a non-empty text', '必须是非空文本', value)
  return value as string
}

function fail(field: string, en: string, zh: string, value: unknown): never {
  throw approvalInputError(ApprovalErrorCode.INVALID_SUBMISSION, field, en, zh, value)
}
