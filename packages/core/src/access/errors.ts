import { InvalidInputError } from '../errors.js'

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
  const shown = describe(value)
  return new AccessInputError({
    code,
    field,
    messageEn: `${field} ${expectedEn}, got ${shown}`,
    messageZh: `${field} ${expectedZh}，实际为 ${shown}`,
    details: { value: shown },
    ...(ruleId === undefined ? {} : { ruleId }),
  })
}

/** @internal */
export function readInstantArg(value: unknown, field: string, code: AccessErrorCode): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw accessInputError(code, field, 'must be a valid Date', '必须是有效的 Date', value)
  return new Date(value.getTime())
}

/** @internal */
export function readNonEmptyString(value: unknown, field: string, code: AccessErrorCode): string {
  if (typeof value !== 'string' || value.trim() === '') throw accessInputError(code, field, 'must be a non-empty string', '必须是非空字符串', value)
  return value
}

/** @internal */
export function readObject(value: unknown, field: string, code: AccessErrorCode): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) throw accessInputError(code, field, 'must be an object', '必须是对象', value)
  return value as Readonly<Record<string, unknown>>
}

/** @internal */
export function readStringList(value: unknown, field: string, code: AccessErrorCode): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw accessInputError(code, field, 'must be a list of ids', '必须是编号列表', value)
  return value.map((item, index) => readNonEmptyString(item, `${field}[${index}]`, code))
}

function describe(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
