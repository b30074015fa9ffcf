import { InvalidInputError, KehuError, PolicyValidationError } from '../errors.js'

/**
 * Calendar error codes (工作日历错误代码). Stable: programs may match on them.
 *
 * @example
 * try { isWorkingDay(calendar, '2027-03-01') } catch (error) {
 *   if (isKehuError(error) && error.code === CalendarErrorCode.YEAR_NOT_COVERED) loadNextYear()
 * }
 */
export const CalendarErrorCode = {
  /** A date falls in a year the calendar has no holiday schedule for (该年度无节假日安排数据). R-CAL-2 */
  YEAR_NOT_COVERED: 'CALENDAR.YEAR_NOT_COVERED',
  /** A holiday schedule failed validation (节假日安排数据无效). R-CAL-2 */
  INVALID_SCHEDULE: 'CALENDAR.INVALID_SCHEDULE',
  /** Daily working windows are malformed, unsorted or overlapping (工作时段无效). R-CAL-1 */
  INVALID_WINDOWS: 'CALENDAR.INVALID_WINDOWS',
  /** Other calendar options (weekend days, overrides) are invalid (工作日历参数无效). R-CAL-1 */
  INVALID_OPTIONS: 'CALENDAR.INVALID_OPTIONS',
  /** Not a valid `Date` instant (时间点无效). */
  INVALID_INSTANT: 'CALENDAR.INVALID_INSTANT',
  /** Not a strict `YYYY-MM-DD` civil day (日期格式无效). */
  INVALID_DAY: 'CALENDAR.INVALID_DAY',
  /** A duration is negative, not finite or not a number (时长无效). */
  INVALID_DURATION: 'CALENDAR.INVALID_DURATION',
  /** A day or month count is not a safe integer (天数/月数无效). */
  INVALID_COUNT: 'CALENDAR.INVALID_COUNT',
  /** An instant or day outside the supported range 1992-01-01 … 9999-12-31 (超出支持的日期范围). */
  OUT_OF_RANGE: 'CALENDAR.OUT_OF_RANGE',
} as const

/** One of the {@link CalendarErrorCode} values. */
export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode]

/**
 * The calendar has no holiday schedule for a year it was asked about (缺少该年度节假日安排), R-CAL-2.
 * `details.year` is the missing year, `details.coveredYears` the years the calendar knows.
 *
 * @example
 * isWorkingDay(createWorkingCalendar(), '2027-03-01')
 * // throws YearNotCoveredError { code: 'CALENDAR.YEAR_NOT_COVERED', field: 'day', details: { year: 2027, coveredYears: [2015, …, 2026] } }
 */
export class YearNotCoveredError extends KehuError {}

/**
 * A holiday schedule (节假日安排) failed validation; `field` names the bad entry.
 *
 * @example
 * parseHolidaySchedule({ ...cn2027, holidays: [{ …, makeUpWorkdays: ['2027-02-01'] }] })
 * // throws { code: 'CALENDAR.INVALID_SCHEDULE', field: 'schedule.holidays[0].makeUpWorkdays[0]' } (a Monday)
 */
export class InvalidHolidayScheduleError extends PolicyValidationError {}

/**
 * Working-calendar options (工作时段、周末、公司调整) failed validation; `field` names the bad option.
 *
 * @example
 * createWorkingCalendar({ weekendDays: [0, 7] })
 * // throws { code: 'CALENDAR.INVALID_OPTIONS', field: 'weekendDays[1]' }
 */
export class InvalidCalendarOptionsError extends PolicyValidationError {}

/**
 * A calendar operation got a malformed argument: invalid Date, day string, duration or count.
 *
 * @example
 * addWorkingHours(calendar, new Date('not a date'), 1)
 * // throws { code: 'CALENDAR.INVALID_INSTANT', field: 'start' }
 */
export class InvalidCalendarInputError extends InvalidInputError {}
