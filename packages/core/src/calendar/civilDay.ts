import { CalendarErrorCode, InvalidCalendarInputError } from './errors.js'

/**
 * A civil day (公历日期) as a strict ISO string `YYYY-MM-DD`, year 0001–9999, proleptic Gregorian.
 * Civil days carry no time zone: a civil day in this library is a day of the Asia/Shanghai calendar.
 */
export type CivilDay = string

/** Day of the week, `0` = Sunday (周日) … `6` = Saturday (周六), as `Date.prototype.getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const MIN_DAY_NUMBER = daysFromCivil(1, 1, 1)
const MAX_DAY_NUMBER = daysFromCivil(9999, 12, 31)

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
 * Pure integer arithmetic: no `Date`, no time zone.
 * @internal
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/**
 * The year, month (1–12) and day of a day number (days since 1970-01-01), inverse of {@link daysFromCivil}.
 * @internal
 */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/**
 * Number of days in a month (1–12) of a Gregorian year (月份天数).
 * @example
 * daysInMonth(2024, 2) //=> 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * True when `value` is a strict, existing `YYYY-MM-DD` civil day (year 0001–9999).
 *
 * @example
 * isCivilDay('2024-02-29') //=> true
 * isCivilDay('2025-02-29') //=> false
 * isCivilDay('2025-1-05')  //=> false
 */
export function isCivilDay(value: unknown): value is CivilDay {
  if (typeof value !== 'string') return false
  const match = DAY_PATTERN.exec(value)
  if (!match) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/**
 * Validates a civil day and returns it unchanged.
 *
 * @param value - the candidate, e.g. `'2025-10-09'`
 * @param field - the input field named in the error
 * @throws {@link InvalidCalendarInputError} `CALENDAR.INVALID_DAY` when it is not a strict existing `YYYY-MM-DD`
 *
 * @example
 * parseCivilDay('2025-10-09') //=> '2025-10-09'
 * parseCivilDay('2025-10-9')  // throws CALENDAR.INVALID_DAY
 */
export function parseCivilDay(value: unknown, field = 'day'): CivilDay {
  if (!isCivilDay(value)) throw invalidDay(value, field)
  return value
}

/** Days since 1970-01-01 of a validated civil day. @internal */
export function dayNumberOf(value: unknown, field = 'day'): number {
  // Hand-rolled parse: this sits on the hot path of the working-day operations.
  if (typeof value === 'string' && value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const year = digits(value, 0, 4)
    const month = digits(value, 5, 2)
    const day = digits(value, 8, 2)
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return daysFromCivil(year, month, day)
    }
  }
  throw invalidDay(value, field)
}

/** The decimal number written by `count` ASCII digits at `from`, or -1 if one is not a digit. */
function digits(text: string, from: number, count: number): number {
  let result = 0
  for (let index = from; index < from + count; index += 1) {
    const digit = text.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return -1
    result = result * 10 + digit
  }
  return result
}

/** The civil day of a day number (days since 1970-01-01). @internal */
export function dayFromNumber(dayNumber: number, field = 'day'): CivilDay {
  if (!(dayNumber >= MIN_DAY_NUMBER && dayNumber <= MAX_DAY_NUMBER)) {
    throw new InvalidCalendarInputError({
      code: CalendarErrorCode.OUT_OF_RANGE,
      field,
      messageEn: `${field} falls outside the supported years 0001–9999`,
      messageZh: `${field} 超出支持的年份范围 0001–9999`,
      details: { dayNumber },
    })
  }
  const { year, month, day } = civilFromDays(dayNumber)
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

/**
 * Day of the week of a civil day, `0` = Sunday … `6` = Saturday (星期).
 *
 * @example
 * dayOfWeek('2025-09-28') //=> 0 (Sunday, a make-up working day 调休上班日 in 2025)
 */
export function dayOfWeek(day: CivilDay): Weekday {
  return weekdayOfDayNumber(dayNumberOf(day))
}

/** Weekday of a day number; 1970-01-01 was a Thursday. @internal */
export function weekdayOfDayNumber(dayNumber: number): Weekday {
  return (((dayNumber + 4) % 7) + 7) % 7 as Weekday
}

/**
 * Adds `n` calendar days (自然日) to a civil day; `n` may be negative. R-CAL-4 ("within 1 week" is
 * a calendar period: `addCalendarDays(day, 7)`).
 *
 * @throws {@link InvalidCalendarInputError} `CALENDAR.INVALID_DAY`, `CALENDAR.INVALID_COUNT`, `CALENDAR.OUT_OF_RANGE`
 *
 * @example
 * addCalendarDays('2025-12-29', 7) //=> '2026-01-05'
 * addCalendarDays('2024-03-01', -1) //=> '2024-02-29'
 */
export function addCalendarDays(day: CivilDay, n: number): CivilDay {
  const start = dayNumberOf(day)
  assertCount(n, 'n')
  return dayFromNumber(start + n, 'result')
}

/**
 * Whole calendar days from `earlierDay` to `laterDay` (negative when `laterDay` is earlier);
 * argument order `(later, earlier)` as in date-fns.
 *
 * @example
 * calendarDaysBetween('2025-10-09', '2025-09-30') //=> 9
 */
export function calendarDaysBetween(laterDay: CivilDay, earlierDay: CivilDay): number {
  return dayNumberOf(laterDay, 'laterDay') - dayNumberOf(earlierDay, 'earlierDay')
}

/**
 * Adds `n` calendar months (自然月) to a civil day; `n` may be negative. When the target month is
 * shorter, the result clamps to that month's last day (R-CAL-4).
 *
 * @example
 * addMonths('2025-01-31', 1) //=> '2025-02-28'
 * addMonths('2024-01-31', 1) //=> '2024-02-29'
 * addMonths('2025-05-31', -1) //=> '2025-04-30'
 */
export function addMonths(day: CivilDay, n: number): CivilDay {
  const value = parseCivilDay(day)
  assertCount(n, 'n')
  const year = Number(value.slice(0, 4))
  const month = Number(value.slice(5, 7))
  const dayOfMonth = Number(value.slice(8, 10))
  const monthIndex = year * 12 + (month - 1) + n
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = monthIndex - targetYear * 12 + 1
  if (targetYear < 1 || targetYear > 9999) return dayFromNumber(Number.NaN, 'result')
  const clamped = Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth))
  return dayFromNumber(daysFromCivil(targetYear, targetMonth, clamped), 'result')
}

/**
 * The day `n` months before a civil day (default 1), "1 month before" of R-CAL-4: the same
 * day-of-month, or the last day of the target month when it is shorter (一个月前，月末对齐).
 *
 * @example
 * monthsBefore('2025-03-31') //=> '2025-02-28'
 * monthsBefore('2024-03-31') //=> '2024-02-29'
 * monthsBefore('2025-07-31') //=> '2025-06-30'
 * monthsBefore('2025-03-15', 2) //=> '2025-01-15'
 */
export function monthsBefore(day: CivilDay, n = 1): CivilDay {
  assertCount(n, 'n')
  return addMonths(day, -n)
}

/** Throws unless `n` is a safe integer. @internal */
export function assertCount(n: unknown, field: string): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new InvalidCalendarInputError({
      code: CalendarErrorCode.INVALID_COUNT,
      field,
      messageEn: `${field} must be a whole number, got ${String(n)}`,
      messageZh: `${field} 必须是整数，实际为 ${String(n)}`,
      details: { value: typeof n === 'number' ? n : String(n) },
    })
  }
}

function invalidDay(value: unknown, field: string): InvalidCalendarInputError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return new InvalidCalendarInputError({
    code: CalendarErrorCode.INVALID_DAY,
    field,
    messageEn: `${field} ${shown} is not a valid day; expected an existing date written YYYY-MM-DD`,
    messageZh: `${field} ${shown} 不是有效日期，应为实际存在的 YYYY-MM-DD 格式日期`,
    details: { value: typeof value === 'string' ? value : String(value) },
  })
}
