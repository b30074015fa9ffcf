import type { Staff } from '../staff/staff.js'
import type { ApprovalChainPolicy, ApprovalEvent, ApprovalStatus, ApprovalStepPolicy, ApproverSpec } from './types.js'

/**
 * Signing state of a request, derived from its history alone (replay).
 * @internal
 */
export interface ApprovalProgress {
  readonly status: ApprovalStatus
  readonly currentStep: number
  /** Per step index: the approver entries satisfied by an approval. */
  readonly satisfied: readonly (readonly number[])[]
  /** Per step index: the people who signed (approved or rejected) it. */
  readonly signers: readonly (readonly string[])[]
  readonly decidedAt?: Date
}

/** True when `actor` matches an approver entry (a person by id, a role by holding it). @internal */
export function matchesApprover(actor: Pick<Staff, 'id' | 'roles'>, approver: ApproverSpec): boolean {
  return approver.kind === 'person' ? approver.personId === actor.id : actor.roles.includes(approver.role)
}

/**
 * The entries of `step` that `actor` matches, in the order they are filled: named-person entries
 * first (only that person can fill them), then role entries in the order listed.
 * @internal
 */
export function matchingEntries(step: ApprovalStepPolicy, actor: Pick<Staff, 'id' | 'roles'>): number[] {
  const indexes = step.approvers.map((_, index) => index).filter((index) => matchesApprover(actor, step.approvers[index] as ApproverSpec))
  return [...indexes.filter((i) => step.approvers[i]?.kind === 'person'), ...indexes.filter((i) => step.approvers[i]?.kind === 'role')]
}

/** True when the satisfied entries complete the step (one for `any`, every one for `all`). @internal */
export function stepComplete(step: ApprovalStepPolicy, satisfied: readonly number[]): boolean {
  return step.mode === 'any' ? satisfied.length > 0 : step.approvers.every((_, index) => satisfied.includes(index))
}

/**
 * Replays a history on a chain. Returns the progress, or a description of the first event that
 * could not have happened (for {@link readApprovalRequest}).
 * @internal
 */
export function replayHistory(
  chain: ApprovalChainPolicy,
  history: readonly ApprovalEvent[],
): { ok: true; progress: ApprovalProgress } | { ok: false; index: number; en: string; zh: string } {
  let status: ApprovalStatus = 'pending'
  let currentStep = 0
  let decidedAt: Date | undefined
  const satisfied: number[][] = chain.steps.map(() => [])
  const signers: string[][] = chain.steps.map(() => [])
  for (const [index, event] of history.entries()) {
    if (index === 0) {
      if (event.type !== 'submitted') return { ok: false, index, en: 'must be the submission', zh: '必须是提交记录' }
      continue
    }
    if (status !== 'pending') return { ok: false, index, en: `follows the end of the request (${status})`, zh: `出现在审批单结束（${status}）之后` }
    if (event.type === 'submitted') return { ok: false, index, en: 'repeats the submission', zh: '重复提交记录' }
    if (event.type === 'withdrawn') {
      status = 'withdrawn'
      decidedAt = event.at
      continue
    }
    const step = chain.steps[currentStep]
    if (step === undefined || step.id !== event.stepId) {
      return { ok: false, index, en: `signs step ${event.stepId} while step ${step?.id ?? '(none)'} is current`, zh: `签批步骤 ${event.stepId}，但当前步骤为 ${step?.id ?? '（无）'}` }
    }
    const stepSatisfied = satisfied[currentStep] as number[]
    const stepSigners = signers[currentStep] as string[]
    if (stepSigners.includes(event.actorId)) return { ok: false, index, en: `signs step ${step.id} a second time by ${event.actorId}`, zh: `${event.actorId} 重复签批步骤 ${step.id}` }
    if (stepSatisfied.includes(event.approverIndex)) return { ok: false, index, en: `fills approver entry ${event.approverIndex} a second time`, zh: `重复签批审批项 ${event.approverIndex}` }
    if (event.approverIndex >= step.approvers.length) return { ok: false, index, en: `names approver entry ${event.approverIndex}, which step ${step.id} does not have`, zh: `审批项 ${event.approverIndex} 不存在于步骤 ${step.id}` }
    stepSigners.push(event.actorId)
    if (event.type === 'rejected') {
      status = 'rejected'
      decidedAt = event.at
      continue
    }
    stepSatisfied.push(event.approverIndex)
    if (stepComplete(step, stepSatisfied)) {
      currentStep += 1
      if (currentStep === chain.steps.length) {
        status = 'approved'
        decidedAt = event.at
      }
    }
  }
  return { ok: true, progress: { status, currentStep, satisfied, signers, ...(decidedAt === undefined ? {} : { decidedAt }) } }
}
