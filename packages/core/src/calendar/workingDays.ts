import { assertCount, type CivilDay, dayFromNumber, dayNumberOf } from './civilDay.js'
import { CalendarErrorCode, InvalidCalendarInputError } from './errors.js'
import { ENGINE, type WorkingCalendar } from './workingCalendar.js'

// 8,008 years of days: no count beyond this can stay within 1992–9999.
const MAX_DAY_COUNT = 2_925_000

/**
 * True when a civil day has working time (工作日), R-CAL-1: not a weekend unless a make-up
 * working day (调休上班日), not a statutory holiday, then the company overrides.
 *
 * @throws `CALENDAR.INVALID_DAY`, `CALENDAR.YEAR_NOT_COVERED`
 *
 * @example
 * isWorkingDay(calendar, '2025-10-08') //=> false (国庆节、中秋节)
 * isWorkingDay(calendar, '2025-10-11') //=> true (Saturday, 调休上班日)
 */
export function isWorkingDay(calendar: WorkingCalendar, day: CivilDay): boolean {
  const dayNumber = dayNumberOf(day, 'day')
  const table = calendar[ENGINE].tableForDay(dayNumber, 'day')
  return table.profile[dayNumber - table.startDay] !== 0
}

/**
 * The `n`-th working day after `day` (第N个工作日), R-CAL-4: `day` itself never counts, whether
 * or not it is a working day. A negative `n` counts back (the |n|-th working day before `day`);
 * `n = 0` returns `day`.
 *
 * @throws `CALENDAR.INVALID_DAY`, `CALENDAR.INVALID_COUNT`, `CALENDAR.YEAR_NOT_COVERED`, `CALENDAR.OUT_OF_RANGE`
 *
 * @example
 * addWorkingDays(calendar, '2025-09-30', 1) //=> '2025-10-09'
 * addWorkingDays(calendar, '2025-09-27', 1) //=> '2025-09-28' (Sunday, 调休上班日)
 * addWorkingDays(calendar, '2025-10-09', -1) //=> '2025-09-30'
 */
export function addWorkingDays(calendar: WorkingCalendar, day: CivilDay, n: number): CivilDay {
  const dayNumber = dayNumberOf(day, 'day')
  assertCount(n, 'n')
  const engine = calendar[ENGINE]
  const table = engine.tableForDay(dayNumber, 'day')
  if (n === 0) return day
  if (Math.abs(n) > MAX_DAY_COUNT) {
    throw new InvalidCalendarInputError({
      code: CalendarErrorCode.OUT_OF_RANGE,
      field: 'n',
      messageEn: `n = ${n} working days leaves the supported years 1992–9999`,
      messageZh: `n = ${n} 个工作日超出支持的年份 1992–9999`,
      details: { n },
    })
  }
  const index = dayNumber - table.startDay
  // 1-based ordinal, among the working days of day's year, of the day sought.
  const ordinal = n > 0 ? table.workdays[index + 1]! + n : table.workdays[index]! + n + 1
  return dayFromNumber(engine.workdayAt(table, ordinal, 'result'), 'result')
}
