import { InvalidInputError } from '../errors.js'
import { inputError, type InputFailure, readDate, readRecord, readText } from '../input/index.js'

/**
 * Error codes of the access area (信息安全错误代码), thrown for malformed input only. Access
 * decisions, report verdicts and complaint refusals are returned as data.
 *
 * @example
 * AccessErrorCode.INVALID_GRANT //=> 'ACCESS.INVALID_GRANT'
 */
export const AccessErrorCode = {
  /** The access request is malformed: unknown action, invalid instant (访问请求无效). */
  INVALID_REQUEST: 'ACCESS.INVALID_REQUEST',
  /** The customer record reference is malformed (客户记录无效). */
  INVALID_RECORD: 'ACCESS.INVALID_RECORD',
  /** A grant is malformed: no customer and no team, `until` not after `from` (授权无效). */
  INVALID_GRANT: 'ACCESS.INVALID_GRANT',
  /** What was passed as an access decision is not one (访问决定无效). */
  INVALID_DECISION: 'ACCESS.INVALID_DECISION',
  /** The contact event is malformed (联系事项无效). */
  INVALID_CONTACT_EVENT: 'ACCESS.INVALID_CONTACT_EVENT',
  /** A complaint or a complaint action is malformed (投诉数据无效). */
  INVALID_COMPLAINT: 'COMPLAINT.INVALID_INPUT',
} as const

/** One of the {@link AccessErrorCode} values. */
export type AccessErrorCode = (typeof AccessErrorCode)[keyof typeof AccessErrorCode]

/** A malformed input of the access area (信息安全输入无效); `field` names the bad input. */
export class AccessInputError extends InvalidInputError {}

/** @internal */
export function accessInputError(code: AccessErrorCode, field: string, expectedEn: string, expectedZh: string, value: unknown, ruleId?: string): AccessInputError {
  return inputError(AccessInputError, { code, field, expectedEn, expectedZh, value, ruleId })
}

/** The `fail` of the shared input readers, raising an {@link AccessInputError} with `code`. @internal */
export function accessFailure(code: AccessErrorCode): InputFailure {
  return (problem) => inputError(AccessInputError, { code, ...problem })
}

/** @internal */
export function readInstantArg(value: unknown, field: string, code: AccessErrorCode): Date {
  return new Date(readDate(value, field, accessFailure(code)).getTime())
}

/** @internal */
export function readNonEmptyString(value: unknown, field: string, code: AccessErrorCode): string {
  return readText(value, field, accessFailure(code))
}

/** @internal */
export function readObject(value: unknown, field: string, code: AccessErrorCode): Readonly<Record<string, unknown>> {
  return readRecord(value, field, accessFailure(code))
}

/** @internal */
export function readStringList(value: unknown, field: string, code: AccessErrorCode): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw accessInputError(code, field, 'must be a list of ids', '必须是编号列表', value)
  return value.map((item, index) => readNonEmptyString(item, `${field}[${index}]`, code))
}
