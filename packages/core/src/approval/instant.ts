import { nanosToDate, readInstantInput } from '../calendar/isoInstant.js'
import { type ApprovalInputError, approvalInputError } from './errors.js'

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
  const orText = code === 'APPROVAL.INVALID_REQUEST'
  return approvalInputError(
    code,
    field,
    `must be a valid Date${orText ? ' or an ISO-8601 date-time with an offset' : ''}`,
    `必须是有效的时间${orText ? '（Date 或带时区偏移的 ISO-8601 文本）' : ''}`,
    value,
  )
}
