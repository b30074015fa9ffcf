import type { Staff } from '../staff/staff.js'
import { invalidAction, readAction } from './action.js'
import { signatureSlot } from './eligibility.js'
import { stepComplete } from './progress.js'
import { readRequestWithProgress } from './request.js'
import type { ApprovalActionResult, ApprovalEvent, ApprovalRequest } from './types.js'

/** A signature on the current step (签批). */
export interface ApprovalDecision {
  /** Who signs; must be active and match an open approver entry of the current step. */
  readonly actor: Staff
  readonly decision: 'approve' | 'reject'
  /** When; not earlier than the request's last event. */
  readonly at: Date
  readonly comment?: string
  /**
   * Optional: which approver entry (index in the step's `approvers`) the signature fills, for a
   * person matching several entries of a countersign step. Without it the engine fills named-person
   * entries first, then role entries in the order listed.
   */
  readonly asEntry?: number
}

/**
 * Signs the current step of a request (审批签字, R-LIF-2): approve or reject. Pure — returns a new
 * request or a refusal as data, never mutating the input.
 *
 * - Steps are signed strictly in order; signing a later step is refused `APPROVAL.OUT_OF_ORDER`.
 * - No double signing: a person signs a step at most once (`APPROVAL.ALREADY_SIGNED`), and one
 *   signature fills at most one approver entry — so a countersign (会签, mode `all`) step needs as
 *   many distinct people as it has entries, even when one person holds two of the listed roles
 *   (`APPROVAL.ENTRY_ALREADY_SATISFIED` when all of the actor's entries are filled by others).
 * - Any rejection ends the request (`rejected`, `decidedAt = at`); the last entry of the last
 *   step approves it (`approved`, `decidedAt = at`, `currentStep = steps.length`).
 * - Also refused: a request that is not pending, an inactive actor, `at` earlier than the last event.
 *
 * @throws {@link ApprovalInputError} `APPROVAL.INVALID_REQUEST`, `APPROVAL.INVALID_ACTION` naming the field
 *
 * @example
 * const customs = { id: 'zhao', roles: ['customs'], active: true }
 * const finance = { id: 'qian', roles: ['finance'], active: true }
 * const signed = decideApproval(request, { actor: customs, decision: 'approve', at: new Date('2026-03-02T10:00:00+08:00') })
 * signed.ok && signed.request.currentStep //=> 1
 * const early = decideApproval(request, { actor: finance, decision: 'approve', at: new Date('2026-03-02T10:00:00+08:00') })
 * !early.ok && early.refusal.code //=> 'APPROVAL.OUT_OF_ORDER'
 */
export function decideApproval(request: ApprovalRequest, decision: ApprovalDecision): ApprovalActionResult {
  const { request: current, progress } = readRequestWithProgress(request, 'request')
  const { record, actor, at, comment } = readAction(decision, 'decision')
  const kind = record['decision']
  if (kind !== 'approve' && kind !== 'reject') invalidAction('decision.decision', "must be 'approve' or 'reject'", "必须是 'approve' 或 'reject'", kind)
  const asEntry = record['asEntry']
  if (asEntry !== undefined && (typeof asEntry !== 'number' || !Number.isSafeInteger(asEntry) || asEntry < 0)) {
    invalidAction('decision.asEntry', 'must be a whole number ≥ 0 when given', '如提供则必须是不小于 0 的整数', asEntry)
  }
  const verdict = signatureSlot(current, progress, actor, at, asEntry as number | undefined)
  if (!verdict.ok) return verdict
  const { slot } = verdict
  const event: ApprovalEvent = Object.freeze({
    type: kind === 'approve' ? 'approved' : 'rejected',
    stepId: slot.step.id,
    actorId: actor.id,
    approverIndex: slot.approverIndex,
    at,
    ...(comment === undefined ? {} : { comment }),
  })
  const history = Object.freeze([...current.history, event])
  if (kind === 'reject') return done(current, { status: 'rejected', history, decidedAt: at })
  const satisfied = [...(progress.satisfied[slot.stepIndex] ?? []), slot.approverIndex]
  if (!stepComplete(slot.step, satisfied)) return done(current, { history })
  const next = slot.stepIndex + 1
  if (next === current.chain.steps.length) return done(current, { status: 'approved', currentStep: next, history, decidedAt: at })
  return done(current, { currentStep: next, history })
}

function done(request: ApprovalRequest, changes: Partial<ApprovalRequest>): ApprovalActionResult {
  const decidedAt = changes.decidedAt
  return Object.freeze({
    ok: true,
    request: Object.freeze({ ...request, ...changes, ...(decidedAt === undefined ? {} : { decidedAt: new Date(decidedAt.getTime()) }) }),
  })
}
