import { InvalidInputError } from '../errors.js'

/**
 * Error codes of the after-sales service area (售后服务错误代码), R-SVC-1..6: broken preconditions
 * only. A refused transition, a breached SLA or an unbilled job are results (see
 * {@link ServiceRefusalCode}), never these.
 */
export const ServiceErrorCode = {
  /** An input is not an object, or a field is missing or of the wrong kind (输入数据无效). */
  INVALID_RECORD: 'SERVICE.INVALID_RECORD',
  /** An instant is not a valid `Date` in 1992–9999 (时间点无效). */
  INVALID_INSTANT: 'SERVICE.INVALID_INSTANT',
  /** A civil day is not a strict existing `YYYY-MM-DD` (日期无效). */
  INVALID_DAY: 'SERVICE.INVALID_DAY',
  /** A period ends before it starts, e.g. a maintenance contract `to` before `from` (期间无效). */
  INVALID_PERIOD: 'SERVICE.INVALID_PERIOD',
  /** What was passed as a ticket is not one: unknown state, missing fields (服务单无效). */
  INVALID_TICKET: 'SERVICE.INVALID_TICKET',
  /** An amount is malformed or not above zero, or working hours are negative (金额或工时无效). */
  INVALID_AMOUNT: 'SERVICE.INVALID_AMOUNT',
  /** Two tickets share an id (服务单号重复). */
  DUPLICATE_TICKET: 'SERVICE.DUPLICATE_TICKET',
} as const

/** One of the {@link ServiceErrorCode} values. */
export type ServiceErrorCode = (typeof ServiceErrorCode)[keyof typeof ServiceErrorCode]

/** A malformed input of the after-sales service area (售后服务输入无效). */
export class ServiceInputError extends InvalidInputError {}

/**
 * Codes of refusals returned as data by the ticket state machine (R-SVC-2, R-SVC-5).
 */
export const ServiceRefusalCode = {
  /** Registration lacks customer, address, phone or product model, or the phone is invalid (叫修登记不完整). */
  INCOMPLETE_REGISTRATION: 'SERVICE.INCOMPLETE_REGISTRATION',
  /** The ticket is not in a state that allows this step (当前状态不允许此操作). */
  INVALID_TRANSITION: 'SERVICE.INVALID_TRANSITION',
  /** The step is dated before the ticket's last event (时间早于上一记录). */
  BEFORE_LAST_EVENT: 'SERVICE.BEFORE_LAST_EVENT',
  /** The technician has left (技术员已离职). */
  INACTIVE_TECHNICIAN: 'SERVICE.INACTIVE_TECHNICIAN',
  /** The repair is accepted by someone who is not an active service supervisor (验收人不是服务主任). */
  NOT_SERVICE_SUPERVISOR: 'SERVICE.NOT_SERVICE_SUPERVISOR',
  /** The customer did not sign the service voucher (客户未在服务凭证上签字). */
  CUSTOMER_SIGNATURE_REQUIRED: 'SERVICE.CUSTOMER_SIGNATURE_REQUIRED',
  /** The promised repair date is before the day the product was taken (约定修复日期早于带回日期). */
  PROMISED_BEFORE_TAKEN: 'SERVICE.PROMISED_BEFORE_TAKEN',
  /** Only paid service (type A, 有费服务) is charged (非有费服务不收费). */
  NOT_PAID_SERVICE: 'SERVICE.NOT_PAID_SERVICE',
  /** The ticket was already charged (已收费). */
  ALREADY_CHARGED: 'SERVICE.ALREADY_CHARGED',
  /** Paid service cannot be closed before it is charged (有费服务未收费不能结案). */
  NOT_CHARGED: 'SERVICE.NOT_CHARGED',
} as const
