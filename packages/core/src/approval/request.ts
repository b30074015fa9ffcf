import { createApprovalChain } from './chain.js'
import { ApprovalErrorCode, type ApprovalInputError, approvalInputError } from './errors.js'
import { readDate } from './instant.js'
import { type ApprovalProgress, replayHistory } from './progress.js'
import type { ApprovalEvent, ApprovalRequest, ApprovalStatus } from './types.js'

const STATUSES: readonly ApprovalStatus[] = ['pending', 'approved', 'rejected', 'withdrawn']
const EVENT_TYPES: readonly ApprovalEvent['type'][] = ['submitted', 'approved', 'rejected', 'withdrawn']

/**
 * Validates a stored approval request (审批单) and returns it frozen, with its instants as `Date`s.
 * Instants may be `Date`s or ISO-8601 texts with an offset, so a request read back from JSON
 * storage can be passed straight in. The history is replayed on the chain: the stored `status`,
 * `currentStep` and `decidedAt` must be what the history says, no step may be signed out of order
 * or twice by one person, and events must be in time order. The engine's functions call it on
 * every request they receive.
 *
 * @throws {@link ApprovalInputError} `APPROVAL.INVALID_REQUEST` naming the field (`request.history[2].at`);
 *   a malformed chain throws `POLICY.INVALID_FIELD` (`request.chain.steps`)
 *
 * @example
 * const stored = JSON.parse(JSON.stringify(request)) // instants became ISO texts
 * readApprovalRequest(stored).submittedAt instanceof Date //=> true
 * readApprovalRequest({ ...stored, status: 'approved' }) // throws APPROVAL.INVALID_REQUEST, field 'request.status'
 */
export function readApprovalRequest(value: unknown, field = 'request'): ApprovalRequest {
  return readRequestWithProgress(value, field).request
}

/** @internal */
export function readRequestWithProgress(value: unknown, field: string): { request: ApprovalRequest; progress: ApprovalProgress } {
  const record = object(value, field)
  const id = text(record['id'], `${field}.id`)
  const chain = createApprovalChain(record['chain'], `${field}.chain`)
  const subjectRecord = object(record['subject'], `${field}.subject`)
  const subject = Object.freeze({ kind: text(subjectRecord['kind'], `${field}.subject.kind`), id: text(subjectRecord['id'], `${field}.subject.id`) })
  const submittedBy = text(record['submittedBy'], `${field}.submittedBy`)
  const submittedAt = readDate(record['submittedAt'], `${field}.submittedAt`, ApprovalErrorCode.INVALID_REQUEST, true)
  const status = record['status']
  if (!STATUSES.includes(status as ApprovalStatus)) fail(`${field}.status`, `must be one of ${STATUSES.join(', ')}`, `必须是 ${STATUSES.join('、')} 之一`, status)
  const currentStep = record['currentStep']
  if (typeof currentStep !== 'number' || !Number.isSafeInteger(currentStep) || currentStep < 0 || currentStep > chain.steps.length) {
    fail(`${field}.currentStep`, `must be a whole number from 0 to ${chain.steps.length}`, `必须是 0 到 ${chain.steps.length} 的整数`, currentStep)
  }
  const rawHistory = record['history']
  if (!Array.isArray(rawHistory) || rawHistory.length === 0) fail(`${field}.history`, 'must be a non-empty list of events', '必须是非空的审批记录列表', rawHistory)
  const history = rawHistory.map((event, index) => readEvent(event, `${field}.history[${index}]`))
  const first = history[0] as ApprovalEvent
  if (first.type !== 'submitted' || first.actorId !== submittedBy || first.at.getTime() !== submittedAt.getTime()) {
    fail(`${field}.history[0]`, 'must be the submission by submittedBy at submittedAt', '必须是提交人在提交时间的提交记录', rawHistory[0])
  }
  history.forEach((event, index) => {
    const previous = history[index - 1]
    if (previous !== undefined && event.at.getTime() < previous.at.getTime()) {
      fail(`${field}.history[${index}].at`, 'must not be earlier than the event before it', '不能早于前一条记录', rawHistory[index])
    }
  })
  const replay = replayHistory(chain, history)
  if (!replay.ok) fail(`${field}.history[${replay.index}]`, replay.en, replay.zh, rawHistory[replay.index])
  const { progress } = replay
  if (progress.status !== status) fail(`${field}.status`, `must be ${progress.status}, as the history says`, `按审批记录应为 ${progress.status}`, status)
  if (progress.currentStep !== currentStep) fail(`${field}.currentStep`, `must be ${progress.currentStep}, as the history says`, `按审批记录应为 ${progress.currentStep}`, currentStep)
  const rawDecidedAt = record['decidedAt']
  if (progress.decidedAt === undefined) {
    if (rawDecidedAt !== undefined) fail(`${field}.decidedAt`, 'must be absent while the request is pending', '审批中的审批单不能有结束时间', rawDecidedAt)
  } else {
    const decidedAt = readDate(rawDecidedAt, `${field}.decidedAt`, ApprovalErrorCode.INVALID_REQUEST, true)
    if (decidedAt.getTime() !== progress.decidedAt.getTime()) fail(`${field}.decidedAt`, 'must be the time of the deciding event', '必须是结束该审批单的记录时间', rawDecidedAt)
  }
  const request: ApprovalRequest = Object.freeze({
    id,
    chain,
    subject,
    submittedBy,
    submittedAt,
    status: status as ApprovalStatus,
    currentStep: currentStep as number,
    history: Object.freeze(history),
    ...(progress.decidedAt === undefined ? {} : { decidedAt: new Date(progress.decidedAt.getTime()) }),
  })
  return { request, progress }
}

function readEvent(value: unknown, field: string): ApprovalEvent {
  const record = object(value, field)
  const type = record['type']
  if (!EVENT_TYPES.includes(type as ApprovalEvent['type'])) fail(`${field}.type`, `must be one of ${EVENT_TYPES.join(', ')}`, `必须是 ${EVENT_TYPES.join('、')} 之一`, type)
  const actorId = text(record['actorId'], `${field}.actorId`)
  const at = readDate(record['at'], `${field}.at`, ApprovalErrorCode.INVALID_REQUEST, true)
  const comment = record['comment']
  if (comment !== undefined && typeof comment !== 'string') fail(`${field}.comment`, 'must be a text when given', '如提供则必须是文本', comment)
  const withComment = comment === undefined ? {} : { comment }
  if (type === 'approved' || type === 'rejected') {
    const stepId = text(record['stepId'], `${field}.stepId`)
    const approverIndex = record['approverIndex']
    if (typeof approverIndex !== 'number' || !Number.isSafeInteger(approverIndex) || approverIndex < 0) {
      fail(`${field}.approverIndex`, 'must be a whole number ≥ 0', '必须是不小于 0 的整数', approverIndex)
    }
    return Object.freeze({ type, stepId, actorId, approverIndex: approverIndex as number, at, ...withComment })
  }
  return Object.freeze({ type: type as 'submitted' | 'withdrawn', actorId, at, ...withComment })
}

function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'must be an object', '必须是对象', value)
  return value as Record<string, unknown>
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(field, 'must be a non-empty text', '必须是非空文本', value)
  return value as string
}

function fail(field: string, en: string, zh: string, value: unknown): never {
  throw approvalInputError(ApprovalErrorCode.INVALID_REQUEST, field, en, zh, value)
}
