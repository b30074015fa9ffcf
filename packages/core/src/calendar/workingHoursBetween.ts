import { MS_PER_HOUR } from './duration.js'
import { instantMs } from './shanghaiTime.js'
import { ENGINE, type WorkingCalendar } from './workingCalendar.js'

/**
 * Working hours between two instants (两个时间点之间的工作小时数), R-CAL-5: the length of
 * working windows inside `[earlier, later)`. Argument order is `(later, earlier)`, as in date-fns;
 * when `later` is before `earlier` the result is negative (antisymmetric).
 *
 * Inverse of {@link addWorkingHours}: `workingHoursBetween(cal, addWorkingHours(cal, t, h), t) === h`.
 *
 * @throws `CALENDAR.INVALID_INSTANT`, `CALENDAR.YEAR_NOT_COVERED` (for either instant or any year between)
 *
 * @example
 * workingHoursBetween(calendar, shanghaiInstant('2025-10-09', '15:00'), shanghaiInstant('2025-09-30', '17:00')) //=> 6
 * workingHoursBetween(calendar, shanghaiInstant('2025-09-30', '12:30'), shanghaiInstant('2025-09-30', '11:30')) //=> 0.5
 */
export function workingHoursBetween(calendar: WorkingCalendar, later: Date, earlier: Date): number {
  return workingMillisecondsBetween(calendar, later, earlier) / MS_PER_HOUR
}

/**
 * {@link workingHoursBetween} in whole milliseconds (exact).
 *
 * @example
 * workingMillisecondsBetween(calendar, shanghaiInstant('2025-09-30', '13:00:00.250'), shanghaiInstant('2025-09-30', '11:59'))
 * //=> 60_250
 */
export function workingMillisecondsBetween(calendar: WorkingCalendar, later: Date, earlier: Date): number {
  const laterMs = instantMs(later, 'later')
  const earlierMs = instantMs(earlier, 'earlier')
  const engine = calendar[ENGINE]
  const laterPosition = engine.position(laterMs, 'later')
  const earlierPosition = engine.position(earlierMs, 'earlier')
  return laterMs >= earlierMs
    ? engine.workedBetween(earlierPosition, laterPosition, 'later')
    : -engine.workedBetween(laterPosition, earlierPosition, 'earlier')
}
