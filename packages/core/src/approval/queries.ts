import { readStaff, type Staff } from '../staff/staff.js'
import { signatureSlot } from './eligibility.js'
import { ApprovalErrorCode } from './errors.js'
import { readDate } from './instant.js'
import { readRequestWithProgress } from './request.js'
import type { ApprovalRefusal, ApprovalRequest, ApproverSpec } from './types.js'

/** An approver entry still awaited on the current step (待签审批项). */
export interface AwaitedApprover {
  readonly stepId: string
  /** Index of the entry in the step's `approvers`. */
  readonly approverIndex: number
  readonly approver: ApproverSpec
}

/**
 * The unsatisfied approver entries of the current step (待审批人): for an `any` step every entry
 * (one signature of any of them completes it), for an `all` (会签) step those not yet signed.
 * Empty when the request is not pending.
 *
 * @throws {@link ApprovalInputError} `APPROVAL.INVALID_REQUEST` naming the field
 *
 * @example
 * awaitedApprovers(request) //=> [{ stepId: 'customs', approverIndex: 0, approver: { kind: 'role', role: 'customs' } }]
 */
export function awaitedApprovers(request: ApprovalRequest): readonly AwaitedApprover[] {
  const { request: current, progress } = readRequestWithProgress(request, 'request')
  const step = current.chain.steps[current.currentStep]
  if (current.status !== 'pending' || step === undefined) return Object.freeze([])
  const satisfied = progress.satisfied[current.currentStep] ?? []
  return Object.freeze(
    step.approvers.flatMap((approver, approverIndex) => (satisfied.includes(approverIndex) ? [] : [Object.freeze({ stepId: step.id, approverIndex, approver })])),
  )
}

/** The answer of {@link canDecide}. */
export type CanDecideResult =
  | { readonly ok: true; readonly stepId: string; readonly approverIndex: number }
  | { readonly ok: false; readonly refusal: ApprovalRefusal }

/**
 * Whether `actor` may sign (approve or reject) the request now, and which step and entry the
 * signature would fill; otherwise the refusal {@link decideApproval} would return. With `at`,
 * the time order is checked too.
 *
 * @throws {@link ApprovalInputError} `APPROVAL.INVALID_REQUEST`, `APPROVAL.INVALID_ACTION` (field `at`);
 *   `STAFF.INVALID` for a malformed actor
 *
 * @example
 * canDecide(request, { id: 'zhao', roles: ['customs'], active: true }) //=> { ok: true, stepId: 'customs', approverIndex: 0 }
 * canDecide(request, { id: 'qian', roles: ['finance'], active: true }).ok //=> false (APPROVAL.OUT_OF_ORDER)
 */
export function canDecide(request: ApprovalRequest, actor: Staff, at?: Date): CanDecideResult {
  const { request: current, progress } = readRequestWithProgress(request, 'request')
  const person = readStaff(actor, 'actor')
  const when = at === undefined ? undefined : readDate(at, 'at', ApprovalErrorCode.INVALID_ACTION)
  const verdict = signatureSlot(current, progress, person, when, undefined)
  if (!verdict.ok) return Object.freeze({ ok: false, refusal: verdict.refusal })
  return Object.freeze({ ok: true, stepId: verdict.slot.step.id, approverIndex: verdict.slot.approverIndex })
}

/**
 * True when the request is approved (全部审批通过) — the check other areas make before acting
 * ("approved before the visit", R-VIS-1; before the trip, R-EXP-1 …). Accepts any object with a
 * `status`, so a stored summary works too.
 *
 * @example
 * isApproved({ status: 'approved' }) //=> true
 * isApproved({ status: 'pending' }) //=> false
 */
export function isApproved(request: Pick<ApprovalRequest, 'status'>): boolean {
  return request.status === 'approved'
}

/**
 * The history as readable lines, one per event, in Chinese and English (审批记录).
 *
 * @throws {@link ApprovalInputError} `APPROVAL.INVALID_REQUEST`
 *
 * @example
 * formatApprovalHistory(request)[0] //=> { zh: '2026-03-02T01:00:00.000Z li 提交', en: '2026-03-02T01:00:00.000Z li submitted' }
 */
export function formatApprovalHistory(request: ApprovalRequest): readonly { readonly zh: string; readonly en: string }[] {
  const { request: current } = readRequestWithProgress(request, 'request')
  const stepName = (stepId: string): { zh: string; en: string } => {
    const step = current.chain.steps.find((candidate) => candidate.id === stepId)
    return { zh: step?.nameZh ?? stepId, en: step?.nameEn ?? stepId }
  }
  return Object.freeze(
    current.history.map((event) => {
      const when = event.at.toISOString()
      const note = event.comment === undefined ? { zh: '', en: '' } : { zh: `：${event.comment}`, en: `: ${event.comment}` }
      switch (event.type) {
        case 'submitted':
          return Object.freeze({ zh: `${when} ${event.actorId} 提交${note.zh}`, en: `${when} ${event.actorId} submitted${note.en}` })
        case 'withdrawn':
          return Object.freeze({ zh: `${when} ${event.actorId} 撤回${note.zh}`, en: `${when} ${event.actorId} withdrew${note.en}` })
        default: {
          const name = stepName(event.stepId)
          const verbZh = event.type === 'approved' ? '同意' : '驳回'
          return Object.freeze({ zh: `${when} ${event.actorId} ${verbZh}（${name.zh}）${note.zh}`, en: `${when} ${event.actorId} ${event.type} (${name.en})${note.en}` })
        }
      }
    }),
  )
}
