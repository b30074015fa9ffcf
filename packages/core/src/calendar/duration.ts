import { CalendarErrorCode, InvalidCalendarInputError } from './errors.js'

/**
 * Milliseconds in an hour.
 * @example
 * workingMillisecondsBetween(calendar, later, earlier) / MS_PER_HOUR // same as workingHoursBetween
 */
export const MS_PER_HOUR = 3_600_000

/**
 * Converts a duration in hours (may be fractional) to whole milliseconds, rounding to the nearest
 * millisecond (half up). Working-time arithmetic is done in integer milliseconds, so results are
 * exact to the millisecond.
 *
 * @throws {@link InvalidCalendarInputError} `CALENDAR.INVALID_DURATION` for a negative, non-finite or non-number value
 *
 * @example
 * hoursToMilliseconds(1.5) //=> 5_400_000
 * hoursToMilliseconds(1 / 3) //=> 1_200_000
 */
export function hoursToMilliseconds(hours: number, field = 'hours'): number {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) throw invalidDuration(hours, field, 'hours', '小时')
  return Math.round(hours * MS_PER_HOUR)
}

/** Validates a duration in whole milliseconds (non-negative safe integer). @internal */
export function assertMilliseconds(ms: number, field: string): number {
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) throw invalidDuration(ms, field, 'whole milliseconds', '整数毫秒')
  return ms
}

function invalidDuration(value: unknown, field: string, unitEn: string, unitZh: string): InvalidCalendarInputError {
  return new InvalidCalendarInputError({
    code: CalendarErrorCode.INVALID_DURATION,
    field,
    messageEn: `${field} must be a finite, non-negative number of ${unitEn}, got ${String(value)}`,
    messageZh: `${field} 必须是有限的非负${unitZh}数，实际为 ${String(value)}`,
    details: { value: typeof value === 'number' ? (Number.isFinite(value) ? value : String(value)) : String(value) },
  })
}
