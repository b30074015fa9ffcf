import { assertMilliseconds, hoursToMilliseconds } from './duration.js'
import { instantMs, MAX_SUPPORTED_INSTANT_MS, outOfRange } from './shanghaiTime.js'
import { ENGINE, type WorkingCalendar } from './workingCalendar.js'

/**
 * The deadline "within `hours` working hours from `start`" (N个工作小时内), R-CAL-3: the clock
 * runs only inside working windows; a start outside them starts the clock at the next window's
 * start.
 *
 * Conventions:
 * - `hours` may be fractional; it is rounded to the nearest millisecond, and the result is
 *   exact to the millisecond.
 * - A deadline that ends exactly at a window's end is that end (e.g. 12:00 or 18:00), not the
 *   start of the next window: the earliest instant by which `hours` have been worked.
 * - `hours = 0` gives {@link nextWorkingInstant}: `start` itself inside a window, else the next
 *   window's start.
 *
 * Inverse of {@link workingHoursBetween} (R-CAL-5):
 * `workingHoursBetween(cal, addWorkingHours(cal, t, h), t) === h` for every h ≥ 0 that is a whole
 * number of milliseconds.
 *
 * @param calendar - the working calendar
 * @param start - the instant the clock starts
 * @param hours - working hours, finite and ≥ 0
 * @throws `CALENDAR.INVALID_INSTANT`, `CALENDAR.INVALID_DURATION`, `CALENDAR.YEAR_NOT_COVERED`, `CALENDAR.OUT_OF_RANGE`
 *
 * @example
 * // Call at 2025-09-30 17:00 (+08:00), 6 working hours: 1 h on 09-30, then 国庆节 10-01…10-08 off
 * addWorkingHours(calendar, shanghaiInstant('2025-09-30', '17:00'), 6)
 * //=> 2025-10-09T15:00+08:00
 * addWorkingHours(calendar, shanghaiInstant('2025-10-09', '09:00'), 3)
 * //=> 2025-10-09T12:00+08:00 (a window end, not 13:00)
 */
export function addWorkingHours(calendar: WorkingCalendar, start: Date, hours: number): Date {
  return addWorking(calendar, start, hoursToMilliseconds(hours))
}

/**
 * {@link addWorkingHours} with the duration in whole milliseconds (exact integer arithmetic).
 *
 * @example
 * addWorkingMilliseconds(calendar, shanghaiInstant('2025-10-09', '11:59:59.500'), 1_000)
 * //=> 2025-10-09T13:00:00.500+08:00
 */
export function addWorkingMilliseconds(calendar: WorkingCalendar, start: Date, milliseconds: number): Date {
  return addWorking(calendar, start, assertMilliseconds(milliseconds, 'milliseconds'))
}

function addWorking(calendar: WorkingCalendar, start: Date, duration: number): Date {
  const ms = instantMs(start, 'start')
  // Working time never runs faster than the wall clock.
  if (ms + duration > MAX_SUPPORTED_INSTANT_MS) throw outOfRange('result', ms + duration)
  // R-CAL-3: for 0 the result is where the clock starts: the instant itself or the next window's start.
  return new Date(calendar[ENGINE].addWorking(ms, duration, 'start', 'result'))
}
