import type { Staff } from '../staff/staff.js'
import { ApprovalRefusalCode } from './errors.js'
import { type ApprovalProgress, matchingEntries } from './progress.js'
import type { ApprovalRefusal, ApprovalRequest, ApprovalStepPolicy } from './types.js'

/** Where a signature by an eligible actor goes. @internal */
export interface SignatureSlot {
  readonly stepIndex: number
  readonly step: ApprovalStepPolicy
  readonly approverIndex: number
}

const STATUS_ZH = { pending: '审批中', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回' } as const

/**
 * Decides whether `actor` may sign (approve or reject) the request now, and which approver entry
 * the signature fills. The checks run in this order, the first failing one is returned:
 * not pending → earlier than the last event → actor inactive → actor already signed this step →
 * actor matches no entry of this step (out of order / already signed an earlier step / not an
 * approver) → the chosen entry is unavailable → every matching entry already satisfied.
 * @internal
 */
export function signatureSlot(
  request: ApprovalRequest,
  progress: ApprovalProgress,
  actor: Staff,
  at: Date | undefined,
  asEntry: number | undefined,
): { ok: true; slot: SignatureSlot } | { ok: false; refusal: ApprovalRefusal } {
  const { chain } = request
  if (request.status !== 'pending') {
    return refuse(request, ApprovalRefusalCode.NOT_PENDING, `审批单 ${request.id} ${STATUS_ZH[request.status]}，不能再签批`, `request ${request.id} is ${request.status}; it can no longer be signed`)
  }
  const timed = beforeLastEvent(request, at)
  if (timed !== undefined) return { ok: false, refusal: timed }
  const stepIndex = request.currentStep
  const step = chain.steps[stepIndex] as ApprovalStepPolicy
  if (!actor.active) {
    return refuse(request, ApprovalRefusalCode.INACTIVE_APPROVER, `${actor.id} 已离职，不能签批`, `${actor.id} has left and cannot sign`, step.id)
  }
  const signers = progress.signers[stepIndex] ?? []
  if (signers.includes(actor.id)) {
    return refuse(request, ApprovalRefusalCode.ALREADY_SIGNED, `${actor.id} 已签批「${step.nameZh}」，不得重复签批`, `${actor.id} has already signed step "${step.nameEn}"; no double signing`, step.id)
  }
  const matching = matchingEntries(step, actor)
  if (matching.length === 0) {
    const later = chain.steps.slice(stepIndex + 1).find((laterStep) => matchingEntries(laterStep, actor).length > 0)
    if (later !== undefined) {
      return refuse(
        request,
        ApprovalRefusalCode.OUT_OF_ORDER,
        `须按顺序审批：当前等待「${step.nameZh}」，${actor.id} 的「${later.nameZh}」尚未轮到`,
        `approvals are signed in order: step "${step.nameEn}" is awaited, ${actor.id}'s step "${later.nameEn}" is not yet due`,
        step.id,
      )
    }
    const signedEarlier = progress.signers.slice(0, stepIndex).some((earlier) => earlier.includes(actor.id))
    if (signedEarlier) {
      return refuse(request, ApprovalRefusalCode.ALREADY_SIGNED, `${actor.id} 已在前序步骤签批，不得重复签批`, `${actor.id} has already signed an earlier step; no double signing`, step.id)
    }
    return refuse(request, ApprovalRefusalCode.NOT_AN_APPROVER, `${actor.id} 不是「${chain.nameZh}」的审批人`, `${actor.id} is not an approver of "${chain.nameEn}"`, step.id)
  }
  const satisfied = progress.satisfied[stepIndex] ?? []
  const open = matching.filter((index) => !satisfied.includes(index))
  if (asEntry !== undefined) {
    if (!open.includes(asEntry)) {
      return refuse(
        request,
        ApprovalRefusalCode.ENTRY_NOT_AVAILABLE,
        `${actor.id} 不能签批「${step.nameZh}」的第 ${asEntry + 1} 项（不匹配或已签）`,
        `${actor.id} cannot fill approver entry ${asEntry} of step "${step.nameEn}" (not theirs or already satisfied)`,
        step.id,
      )
    }
    return { ok: true, slot: { stepIndex, step, approverIndex: asEntry } }
  }
  const approverIndex = open[0]
  if (approverIndex === undefined) {
    return refuse(
      request,
      ApprovalRefusalCode.ENTRY_ALREADY_SATISFIED,
      `「${step.nameZh}」中 ${actor.id} 可签的审批项已由他人签批（会签须由不同人员签批）`,
      `the entries of step "${step.nameEn}" that ${actor.id} may fill are already satisfied by others (countersign needs distinct people)`,
      step.id,
    )
  }
  return { ok: true, slot: { stepIndex, step, approverIndex } }
}

/** The refusal for an action earlier than the request's last event, if it is. @internal */
export function beforeLastEvent(request: ApprovalRequest, at: Date | undefined): ApprovalRefusal | undefined {
  const last = request.history[request.history.length - 1]
  if (at === undefined || last === undefined || at.getTime() >= last.at.getTime()) return undefined
  return refusal(
    request,
    ApprovalRefusalCode.BEFORE_LAST_EVENT,
    `操作时间 ${at.toISOString()} 早于上一条审批记录 ${last.at.toISOString()}`,
    `the action's time ${at.toISOString()} is earlier than the last event at ${last.at.toISOString()}`,
  )
}

/** @internal */
export function refusal(request: ApprovalRequest, code: string, zh: string, en: string, stepId?: string): ApprovalRefusal {
  return Object.freeze({ code, ruleId: request.chain.ruleId, messageZh: zh, messageEn: en, ...(stepId === undefined ? {} : { stepId }) })
}

function refuse(request: ApprovalRequest, code: string, zh: string, en: string, stepId?: string): { ok: false; refusal: ApprovalRefusal } {
  return { ok: false, refusal: refusal(request, code, zh, en, stepId) }
}
