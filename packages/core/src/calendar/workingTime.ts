import { insideWindow } from './engine.js'
import { instantMs } from './shanghaiTime.js'
import { ENGINE, type WorkingCalendar } from './workingCalendar.js'

/**
 * True when an instant lies inside a working window of a working day (工作时间), R-CAL-1.
 * Windows are half-open: 09:00 is working time, 12:00 is not.
 *
 * @throws `CALENDAR.INVALID_INSTANT`, `CALENDAR.YEAR_NOT_COVERED`
 *
 * @example
 * isWorkingTime(calendar, shanghaiInstant('2025-09-30', '11:59')) //=> true
 * isWorkingTime(calendar, shanghaiInstant('2025-09-30', '12:00')) //=> false (lunch)
 * isWorkingTime(calendar, shanghaiInstant('2025-10-02', '10:00')) //=> false (国庆节)
 */
export function isWorkingTime(calendar: WorkingCalendar, instant: Date): boolean {
  const { profile, inDay } = calendar[ENGINE].profileAt(instantMs(instant, 'instant'), 'instant')
  return insideWindow(profile, inDay)
}

/**
 * The instant the working clock (re)starts from `instant` (R-CAL-3): the instant itself when it
 * is working time, otherwise the start of the next working window (下一个工作时段开始).
 *
 * @throws `CALENDAR.INVALID_INSTANT`, `CALENDAR.YEAR_NOT_COVERED` (also for the year it moves into)
 *
 * @example
 * nextWorkingInstant(calendar, shanghaiInstant('2025-09-30', '18:30'))
 * //=> 2025-10-09T09:00+08:00 (after the National Day break 国庆节 10-01…10-08)
 */
export function nextWorkingInstant(calendar: WorkingCalendar, instant: Date): Date {
  const engine = calendar[ENGINE]
  const { table, worked } = engine.position(instantMs(instant, 'instant'), 'instant')
  // The first instant after which 1 ms has been worked, minus that 1 ms.
  return new Date(engine.instantAt(table, worked + 1, 'instant') - 1)
}
