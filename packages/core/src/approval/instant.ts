import { nanosToDate, readInstantInput } from '../calendar/isoInstant.js'
import { ApprovalInputError, describeValue } from './errors.js'

/**
 * Reads a valid `Date` (or, when `allowText`, an ISO-8601 date-time with an offset, as stored
 * JSON holds it) into a new `Date`.
 * @internal
 */
export function readDate(value: unknown, field: string, code: string, allowText = false): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw badInstant(value, field, code)
    return new Date(value.getTime())
  }
  if (allowText && typeof value === 'string') {
    const reading = readInstantInput(value, field)
    if (reading.ok) return nanosToDate(reading.nanos)
    throw badInstant(value, field, code)
  }
  throw badInstant(value, field, code)
}

function badInstant(value: unknown, field: string, code: string): ApprovalInputError {
  return new ApprovalInputError({
    code,
    field,
    messageEn: `${field} must be a valid Date${code === 'APPROVAL.INVALID_REQUEST' ? ' or an ISO-8601 date-time with an offset' : ''}, got ${describeValue(value)}`,
    messageZh: `${field} 必须是有效的时间${code === 'APPROVAL.INVALID_REQUEST' ? '（Date 或带时区偏移的 ISO-8601 文本）' : ''}，实际为 ${describeValue(value)}`,
    details: { value: describeValue(value) },
  })
}
