import type { Staff } from '../staff/staff.js'
import { readAction } from './action.js'
import { beforeLastEvent, refusal } from './eligibility.js'
import { ApprovalRefusalCode } from './errors.js'
import { readRequestWithProgress } from './request.js'
import type { ApprovalActionResult, ApprovalRequest } from './types.js'

/** A withdrawal (撤回) by the submitter. */
export interface ApprovalWithdrawal {
  readonly actor: Staff
  readonly at: Date
  readonly comment?: string
}

/**
 * Withdraws a pending request (撤回审批). Only the submitter may, while it is pending and while
 * still active; `at` must not be earlier than the last event. The result is `withdrawn` with
 * `decidedAt = at`. Refusals (`APPROVAL.NOT_PENDING`, `APPROVAL.NOT_SUBMITTER`,
 * `APPROVAL.INACTIVE_SUBMITTER`, `APPROVAL.BEFORE_LAST_EVENT`) are data.
 *
 * @throws {@link ApprovalInputError} `APPROVAL.INVALID_REQUEST`, `APPROVAL.INVALID_ACTION` naming the field
 *
 * @example
 * const result = withdrawApproval(request, { actor: { id: 'li', roles: ['specialist'], active: true }, at: new Date('2026-03-02T11:00:00+08:00') })
 * result.ok && result.request.status //=> 'withdrawn'
 */
export function withdrawApproval(request: ApprovalRequest, withdrawal: ApprovalWithdrawal): ApprovalActionResult {
  const { request: current } = readRequestWithProgress(request, 'request')
  const { actor, at, comment } = readAction(withdrawal, 'withdrawal')
  if (current.status !== 'pending') {
    return { ok: false, refusal: refusal(current, ApprovalRefusalCode.NOT_PENDING, `审批单 ${current.id} 已结束，不能撤回`, `request ${current.id} is ${current.status}; it can no longer be withdrawn`) }
  }
  const timed = beforeLastEvent(current, at)
  if (timed !== undefined) return { ok: false, refusal: timed }
  if (actor.id !== current.submittedBy) {
    return { ok: false, refusal: refusal(current, ApprovalRefusalCode.NOT_SUBMITTER, `只有提交人 ${current.submittedBy} 可以撤回`, `only the submitter ${current.submittedBy} may withdraw`) }
  }
  if (!actor.active) {
    return { ok: false, refusal: refusal(current, ApprovalRefusalCode.INACTIVE_SUBMITTER, `${actor.id} 已离职，不能撤回`, `${actor.id} has left and cannot withdraw`) }
  }
  const event = Object.freeze({ type: 'withdrawn' as const, actorId: actor.id, at, ...(comment === undefined ? {} : { comment }) })
  return Object.freeze({
    ok: true,
    request: Object.freeze({ ...current, status: 'withdrawn', history: Object.freeze([...current.history, event]), decidedAt: new Date(at.getTime()) }),
  })
}
