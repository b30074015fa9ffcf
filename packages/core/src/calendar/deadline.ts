import { assertCount, type CivilDay, dayNumberOf, parseCivilDay } from './civilDay.js'
import { CalendarErrorCode, InvalidCalendarInputError } from './errors.js'
import { instantMs, MAX_SUPPORTED_INSTANT_MS, outOfRange, shanghaiDayNumber, startOfDayNumberMs, toShanghaiDay } from './shanghaiTime.js'
import { addWorkingDays } from './workingDays.js'
import type { WorkingCalendar } from './workingCalendar.js'

/**
 * The deadline of "within `n` working days after X" (N个工作日内), R-CAL-4: the end of the `n`-th
 * working day after X's Asia/Shanghai day. That whole day counts; X's day never does.
 *
 * The end is **exclusive**: 00:00 +08:00 of the following calendar day. Something is on time
 * iff it happens strictly before the returned instant. `n = 0` gives the end of X's own day.
 *
 * @param calendar - the working calendar
 * @param from - X, an instant (its Shanghai day is used) or a civil day `YYYY-MM-DD`
 * @param n - working days, a whole number ≥ 0
 * @throws `CALENDAR.INVALID_INSTANT`, `CALENDAR.INVALID_DAY`, `CALENDAR.INVALID_COUNT`, `CALENDAR.YEAR_NOT_COVERED`
 *
 * @example
 * // A complaint on 2025-09-30 (Tuesday), "within 2 working days": 10-09 and 10-10 count
 * workingDaysDeadline(calendar, '2025-09-30', 2) //=> 2025-10-11T00:00+08:00 (on time iff before it)
 */
export function workingDaysDeadline(calendar: WorkingCalendar, from: Date | CivilDay, n: number): Date {
  const day = typeof from === 'string' ? parseCivilDay(from, 'from') : toShanghaiDayOf(from)
  assertNonNegativeCount(n)
  const deadlineDay = addWorkingDays(calendar, day, n)
  return new Date(startOfDayNumberMs(dayNumberOf(deadlineDay) + 1))
}

/**
 * The deadline of a calendar period "within `n` days after X" (N个自然日内), R-CAL-4: the end of
 * the calendar day `n` days after X's Asia/Shanghai day, exclusive (00:00 +08:00 of the day
 * after). "Within 1 week" (一周内) is `n = 7`.
 *
 * @throws `CALENDAR.INVALID_INSTANT`, `CALENDAR.INVALID_DAY`, `CALENDAR.INVALID_COUNT`, `CALENDAR.OUT_OF_RANGE`
 *
 * @example
 * calendarDaysDeadline('2025-09-30', 7) //=> 2025-10-08T00:00+08:00 (end of 10-07, holidays included)
 */
export function calendarDaysDeadline(from: Date | CivilDay, n: number): Date {
  const dayNumber = typeof from === 'string' ? dayNumberOf(from, 'from') : shanghaiDayNumber(instantMs(from, 'from'))
  assertNonNegativeCount(n)
  const end = startOfDayNumberMs(dayNumber + n + 1)
  if (end > MAX_SUPPORTED_INSTANT_MS + 1) throw outOfRange('result', end)
  return new Date(end)
}

function toShanghaiDayOf(from: Date): CivilDay {
  instantMs(from, 'from')
  return toShanghaiDay(from)
}

function assertNonNegativeCount(n: number): void {
  assertCount(n, 'n')
  if (n < 0) {
    throw new InvalidCalendarInputError({
      code: CalendarErrorCode.INVALID_COUNT,
      field: 'n',
      messageEn: `n must be a whole number ≥ 0, got ${n}`,
      messageZh: `n 必须是不小于 0 的整数，实际为 ${n}`,
      details: { value: n },
    })
  }
}
