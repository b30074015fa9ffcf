/**
 * Working calendar (工作日历), rules R-CAL-1 … R-CAL-5: Asia/Shanghai civil time, China statutory
 * holidays and make-up working days as data, working windows, company overrides, and deadline
 * arithmetic in working hours, working days and calendar periods.
 * @module
 */
export {
  CalendarErrorCode,
  InvalidCalendarInputError,
  InvalidCalendarOptionsError,
  InvalidHolidayScheduleError,
  YearNotCoveredError,
} from './errors.js'
export {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  type CivilDay,
  dayOfWeek,
  daysInMonth,
  isCivilDay,
  monthsBefore,
  parseCivilDay,
  type Weekday,
} from './civilDay.js'
export {
  formatShanghaiInstant,
  MS_PER_DAY,
  SHANGHAI_UTC_OFFSET_MS,
  shanghaiInstant,
  startOfNextShanghaiDay,
  startOfShanghaiDay,
  toShanghaiDay,
} from './shanghaiTime.js'
export { DEFAULT_WORKING_WINDOWS, parseWorkingWindows, type WorkingWindow } from './windows.js'
export { type HolidayNotice, type HolidayPeriod, type HolidaySchedule, parseHolidaySchedule } from './holidaySchedule.js'
export { CHINA_HOLIDAY_SCHEDULES } from './holidays/index.js'
export {
  type CalendarOverrides,
  createWorkingCalendar,
  type ResolvedWorkingCalendarOptions,
  withHolidaySchedule,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './workingCalendar.js'
export { hoursToMilliseconds, MS_PER_HOUR } from './duration.js'
export { isWorkingTime, nextWorkingInstant } from './workingTime.js'
export { addWorkingHours, addWorkingMilliseconds } from './addWorkingHours.js'
export { workingHoursBetween, workingMillisecondsBetween } from './workingHoursBetween.js'
export { addWorkingDays, isWorkingDay } from './workingDays.js'
export { calendarDaysDeadline, workingDaysDeadline } from './deadline.js'
export {
  type InstantInput,
  type InstantProblem,
  type InstantReading,
  nanosToDate,
  readInstantInput,
} from './isoInstant.js'
