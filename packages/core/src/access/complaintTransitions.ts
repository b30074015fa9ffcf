import { readStaff, type Staff } from '../staff/staff.js'
import {
  belongsToUnit,
  COMPLAINT_CATEGORIES,
  type Complaint,
  type ComplaintCategory,
  type ComplaintEvent,
  type ComplaintPolicy,
  type ComplaintStatus,
  defaultComplaintPolicy,
  responsibleUnitForComplaint,
} from './complaint.js'
import { AccessErrorCode, accessInputError, readInstantArg, readNonEmptyString, readObject } from './errors.js'

/**
 * Codes of refused complaint actions (投诉处理拒绝原因), returned as data.
 *
 * @example
 * ComplaintRefusalCode.NOT_ANSWERED //=> 'COMPLAINT.NOT_ANSWERED'
 */
export const ComplaintRefusalCode = {
  /** The action is not possible from the current status (状态不允许). */
  INVALID_TRANSITION: 'COMPLAINT.INVALID_TRANSITION',
  /** Closing a complaint that was never answered (未答复不得结案). */
  NOT_ANSWERED: 'COMPLAINT.NOT_ANSWERED',
  /** The actor is not the person currently responsible (非当前责任人). */
  NOT_RESPONSIBLE: 'COMPLAINT.NOT_RESPONSIBLE',
  /** The actor has left (离职人员). */
  INACTIVE_STAFF: 'COMPLAINT.INACTIVE_STAFF',
  /** The person it is handed to has left (接收人已离职). */
  RECIPIENT_INACTIVE: 'COMPLAINT.RECIPIENT_INACTIVE',
  /** The person it is handed to is not in the responsible unit (接收人不属于责任单位). */
  NOT_IN_RESPONSIBLE_UNIT: 'COMPLAINT.NOT_IN_RESPONSIBLE_UNIT',
  /** The action is dated before the complaint's last event (时间早于上一步). */
  BEFORE_LAST_EVENT: 'COMPLAINT.BEFORE_LAST_EVENT',
} as const

/** One of the {@link ComplaintRefusalCode} values. */
export type ComplaintRefusalCode = (typeof ComplaintRefusalCode)[keyof typeof ComplaintRefusalCode]

/** Why a complaint action was refused — data, in both languages. */
export interface ComplaintRefusal {
  readonly code: ComplaintRefusalCode
  readonly ruleId: 'R-ACC-4'
  readonly messageZh: string
  readonly messageEn: string
}

/** The outcome of a complaint action: the new complaint, or a refusal (the old one is unchanged). */
export type ComplaintResult = { readonly ok: true; readonly complaint: Complaint } | { readonly ok: false; readonly refusal: ComplaintRefusal }

const STATUSES: readonly ComplaintStatus[] = ['received', 'routed', 'answered', 'closed']
const NAMES_ZH: Record<ComplaintStatus, string> = { received: '已受理', routed: '已转交', answered: '已答复', closed: '已结案' }

function refuse(code: ComplaintRefusalCode, messageZh: string, messageEn: string): ComplaintResult {
  return Object.freeze({ ok: false as const, refusal: Object.freeze({ code, ruleId: 'R-ACC-4' as const, messageZh, messageEn }) })
}

function accept(complaint: Complaint): ComplaintResult {
  return Object.freeze({ ok: true as const, complaint: Object.freeze(complaint) })
}

/**
 * Registers a complaint (受理投诉), R-ACC-4 首问负责制: whoever receives it is its first owner
 * (`receivedBy` = `responsibleStaffId`) until it is handed to the responsible unit.
 *
 * @throws {@link AccessInputError} `COMPLAINT.INVALID_INPUT` naming the field; `STAFF.INVALID`
 *
 * @example
 * const result = receiveComplaint({ id: 'TS-1', customerId: 'C1', customerTeamId: 't1', category: 'quality',
 *   summary: '批次 B12 外观划伤', receivedBy: { id: 'u5', roles: ['finance'], active: true }, at: new Date('2026-03-02T10:00:00+08:00') })
 * result.ok && result.complaint.responsibleStaffId //=> 'u5'
 */
export function receiveComplaint(input: {
  readonly id: string
  readonly customerId: string
  readonly customerTeamId?: string
  readonly category: ComplaintCategory
  readonly summary: string
  readonly receivedBy: Staff
  readonly at: Date
}): ComplaintResult {
  const code = AccessErrorCode.INVALID_COMPLAINT
  const given = readObject(input, 'input', code)
  const id = readNonEmptyString(given['id'], 'input.id', code)
  const customerId = readNonEmptyString(given['customerId'], 'input.customerId', code)
  const customerTeamId = given['customerTeamId'] === undefined ? undefined : readNonEmptyString(given['customerTeamId'], 'input.customerTeamId', code)
  const category = given['category']
  if (typeof category !== 'string' || !(COMPLAINT_CATEGORIES as readonly string[]).includes(category)) {
    throw accessInputError(code, 'input.category', `must be one of ${COMPLAINT_CATEGORIES.join(', ')}`, `必须是 ${COMPLAINT_CATEGORIES.join('、')} 之一`, category)
  }
  const summary = readNonEmptyString(given['summary'], 'input.summary', code)
  const receiver = readStaff(given['receivedBy'], 'input.receivedBy')
  const at = readInstantArg(given['at'], 'input.at', code)
  if (!receiver.active) return refuse(ComplaintRefusalCode.INACTIVE_STAFF, '离职人员不能受理投诉', 'Staff who have left cannot receive complaints')
  const event: ComplaintEvent = Object.freeze({ type: 'received', actorId: receiver.id, at })
  return accept({
    id,
    customerId,
    ...(customerTeamId === undefined ? {} : { customerTeamId }),
    category: category as ComplaintCategory,
    summary,
    status: 'received',
    receivedBy: receiver.id,
    receivedAt: at,
    responsibleStaffId: receiver.id,
    history: Object.freeze([event]),
  })
}

/**
 * Hands a complaint to the responsible unit (转交责任单位), R-ACC-4: only from `received`, only
 * by the first receiver (the current responsible person), to an active member of the unit that
 * {@link responsibleUnitForComplaint} names (quality complaints → 质监部). Responsibility passes
 * to `to`.
 *
 * Refusals, checked in this order: `COMPLAINT.INVALID_TRANSITION`, `COMPLAINT.INACTIVE_STAFF`,
 * `COMPLAINT.NOT_RESPONSIBLE`, `COMPLAINT.BEFORE_LAST_EVENT`, `COMPLAINT.RECIPIENT_INACTIVE`,
 * `COMPLAINT.NOT_IN_RESPONSIBLE_UNIT`.
 *
 * @example
 * routeComplaint(received, { actor: firstReceiver, to: { id: 'q1', roles: ['quality'], active: true }, at }).ok //=> true
 */
export function routeComplaint(complaint: Complaint, action: { readonly actor: Staff; readonly to: Staff; readonly at: Date }, policy: ComplaintPolicy = defaultComplaintPolicy): ComplaintResult {
  const state = readComplaint(complaint)
  const { actor, at } = readAction(action)
  const to = readStaff(readObject(action, 'action', AccessErrorCode.INVALID_COMPLAINT)['to'], 'action.to')
  if (state.status !== 'received') return invalidTransition(state.status, 'routed', '转交')
  const guard = guardActor(state, actor, at)
  if (guard !== undefined) return guard
  if (!to.active) return refuse(ComplaintRefusalCode.RECIPIENT_INACTIVE, '接收人已离职，不能转交', 'The recipient has left; the complaint cannot be handed to them')
  const unit = responsibleUnitForComplaint(state, policy)
  if (!belongsToUnit(to, unit)) {
    return refuse(ComplaintRefusalCode.NOT_IN_RESPONSIBLE_UNIT, `接收人不属于责任单位（${unitZh(unit)}）`, `The recipient is not in the responsible unit (${unit.kind})`)
  }
  const event: ComplaintEvent = Object.freeze({ type: 'routed', actorId: actor.id, at, toStaffId: to.id, unit })
  return accept({ ...state, status: 'routed', responsibleStaffId: to.id, responsibleUnit: unit, history: Object.freeze([...state.history, event]) })
}

/**
 * Records the answer to the customer (答复客户), R-ACC-4: only from `routed`, by the person now
 * responsible. Same refusal order as {@link routeComplaint} (first three and the time check).
 *
 * @throws {@link AccessInputError} `COMPLAINT.INVALID_INPUT` for an empty answer
 *
 * @example
 * answerComplaint(routed, { actor: qualityHandler, at, answer: '已更换批次并补发' }).ok //=> true
 */
export function answerComplaint(complaint: Complaint, action: { readonly actor: Staff; readonly at: Date; readonly answer: string }): ComplaintResult {
  const state = readComplaint(complaint)
  const { actor, at } = readAction(action)
  const answer = readNonEmptyString(readObject(action, 'action', AccessErrorCode.INVALID_COMPLAINT)['answer'], 'action.answer', AccessErrorCode.INVALID_COMPLAINT)
  if (state.status !== 'routed') return invalidTransition(state.status, 'answered', '答复')
  const guard = guardActor(state, actor, at)
  if (guard !== undefined) return guard
  const event: ComplaintEvent = Object.freeze({ type: 'answered', actorId: actor.id, at, answer })
  return accept({ ...state, status: 'answered', answer, history: Object.freeze([...state.history, event]) })
}

/**
 * Closes a complaint (结案), R-ACC-4 every complaint is answered: only from `answered`
 * (`received`/`routed` → `COMPLAINT.NOT_ANSWERED`; `closed` → `COMPLAINT.INVALID_TRANSITION`), by
 * the person responsible.
 *
 * @example
 * closeComplaint(routed, { actor: qualityHandler, at }).ok //=> false (COMPLAINT.NOT_ANSWERED)
 */
export function closeComplaint(complaint: Complaint, action: { readonly actor: Staff; readonly at: Date }): ComplaintResult {
  const state = readComplaint(complaint)
  const { actor, at } = readAction(action)
  if (state.status === 'received' || state.status === 'routed') {
    return refuse(ComplaintRefusalCode.NOT_ANSWERED, '投诉未答复，不得结案', 'A complaint cannot be closed before it is answered')
  }
  if (state.status !== 'answered') return invalidTransition(state.status, 'closed', '结案')
  const guard = guardActor(state, actor, at)
  if (guard !== undefined) return guard
  const event: ComplaintEvent = Object.freeze({ type: 'closed', actorId: actor.id, at })
  return accept({ ...state, status: 'closed', history: Object.freeze([...state.history, event]) })
}

function guardActor(state: Complaint, actor: Staff, at: Date): ComplaintResult | undefined {
  if (!actor.active) return refuse(ComplaintRefusalCode.INACTIVE_STAFF, '离职人员不能处理投诉', 'Staff who have left cannot act on complaints')
  if (actor.id !== state.responsibleStaffId) {
    return refuse(ComplaintRefusalCode.NOT_RESPONSIBLE, `当前责任人为 ${state.responsibleStaffId}（首问负责制）`, `The person responsible is ${state.responsibleStaffId} (first-contact responsibility)`)
  }
  const last = state.history[state.history.length - 1]
  if (last !== undefined && at.getTime() < last.at.getTime()) {
    return refuse(ComplaintRefusalCode.BEFORE_LAST_EVENT, '处理时间早于上一步记录', 'The action is dated before the complaint’s last event')
  }
  return undefined
}

function invalidTransition(status: ComplaintStatus, pastParticipleEn: string, verbZh: string): ComplaintResult {
  return refuse(ComplaintRefusalCode.INVALID_TRANSITION, `投诉处于「${NAMES_ZH[status]}」状态，不能${verbZh}`, `A complaint that is ${status} cannot be ${pastParticipleEn}`)
}

function unitZh(unit: ReturnType<typeof responsibleUnitForComplaint>): string {
  return unit.kind === 'quality' ? '质监部' : unit.kind === 'commerce' ? '商务部' : `客户所属部门 ${unit.teamId}`
}

function readAction(action: unknown): { actor: Staff; at: Date } {
  const given = readObject(action, 'action', AccessErrorCode.INVALID_COMPLAINT)
  return { actor: readStaff(given['actor'], 'action.actor'), at: readInstantArg(given['at'], 'action.at', AccessErrorCode.INVALID_COMPLAINT) }
}

/** Validates the stored complaint state at the boundary. @internal */
export function readComplaint(value: unknown, field = 'complaint'): Complaint {
  const code = AccessErrorCode.INVALID_COMPLAINT
  const complaint = readObject(value, field, code)
  const status = complaint['status']
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
    throw accessInputError(code, `${field}.status`, `must be one of ${STATUSES.join(', ')}`, `必须是 ${STATUSES.join('、')} 之一`, status)
  }
  readNonEmptyString(complaint['id'], `${field}.id`, code)
  readNonEmptyString(complaint['responsibleStaffId'], `${field}.responsibleStaffId`, code)
  readNonEmptyString(complaint['receivedBy'], `${field}.receivedBy`, code)
  readInstantArg(complaint['receivedAt'], `${field}.receivedAt`, code)
  const category = complaint['category']
  if (typeof category !== 'string' || !(COMPLAINT_CATEGORIES as readonly string[]).includes(category)) {
    throw accessInputError(code, `${field}.category`, `must be one of ${COMPLAINT_CATEGORIES.join(', ')}`, `必须是 ${COMPLAINT_CATEGORIES.join('、')} 之一`, category)
  }
  const history = complaint['history']
  if (!Array.isArray(history) || history.length === 0) throw accessInputError(code, `${field}.history`, 'must be a non-empty list of events', '必须是非空的处理记录列表', history)
  history.forEach((event, index) => readInstantArg(readObject(event, `${field}.history[${index}]`, code)['at'], `${field}.history[${index}].at`, code))
  return value as Complaint
}
