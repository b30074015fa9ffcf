import { describe, expect, test } from 'vitest'
import { KehuError } from '../errors.js'
import {
  addWorkingDays,
  addWorkingHours,
  CHINA_HOLIDAY_SCHEDULES,
  createWorkingCalendar,
  DEFAULT_WORKING_WINDOWS,
  formatShanghaiInstant,
  type HolidaySchedule,
  isWorkingDay,
  isWorkingTime,
  nextWorkingInstant,
  shanghaiInstant,
  withHolidaySchedule,
  workingDaysDeadline,
  workingHoursBetween,
  type WorkingCalendarOptions,
  YearNotCoveredError,
} from './index.js'
import { thrown } from '../../test/thrown.js'


const calendar = createWorkingCalendar()
const at = (day: string, time: string): Date => shanghaiInstant(day, time)
const show = (instant: Date): string => formatShanghaiInstant(instant).slice(0, 16)

const cn2027: HolidaySchedule = {
  year: 2027,
  sources: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', documentNumber: '国办发明电〔2026〕1号', publishedOn: '2026-11-01' }],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2027-01-01', end: '2027-01-03', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2027-02-05', end: '2027-02-13', makeUpWorkdays: ['2027-01-31', '2027-02-20'] },
  ],
}

describe('R-CAL-1 defaults', () => {
  test('Asia/Shanghai, 09:00–12:00 + 13:00–18:00, Saturday and Sunday off, bundled China schedules', () => {
    expect(calendar.options.windows).toEqual(DEFAULT_WORKING_WINDOWS)
    expect(calendar.options.weekendDays).toEqual([0, 6])
    expect(calendar.options.allowYearsWithoutSchedule).toBe(false)
    expect(calendar.coveredYears).toEqual(CHINA_HOLIDAY_SCHEDULES.map((schedule) => schedule.year))
    expect(workingHoursBetween(calendar, at('2025-09-30', '23:00'), at('2025-09-30', '00:00'))).toBe(8)
  })

  test('the resolved options are plain JSON: serialising them rebuilds the same calendar', () => {
    const custom = createWorkingCalendar({ overrides: { extraDaysOff: ['2025-06-18'] }, weekendDays: [0] })
    const rebuilt = createWorkingCalendar(JSON.parse(JSON.stringify(custom.options)) as WorkingCalendarOptions)
    expect(rebuilt.options).toEqual(custom.options)
    expect(isWorkingDay(rebuilt, '2025-06-18')).toBe(false)
    expect(isWorkingDay(rebuilt, '2025-06-21')).toBe(true) // Saturday works with a Sunday-only weekend
  })

  test('the calendar is frozen', () => {
    expect(Object.isFrozen(calendar)).toBe(true)
    expect(Object.isFrozen(calendar.options)).toBe(true)
  })
})

describe('R-CAL-2 years without a schedule', () => {
  test('R-CAL-2 a date in a year without data throws CALENDAR.YEAR_NOT_COVERED naming the year and the covered years', () => {
    const error = thrown(() => isWorkingDay(calendar, '2027-03-01'))
    expect(error).toBeInstanceOf(YearNotCoveredError)
    expect(error).toMatchObject({ code: 'CALENDAR.YEAR_NOT_COVERED', field: 'day', ruleId: 'R-CAL-2' })
    expect(error.details).toMatchObject({ year: 2027, coveredYears: calendar.coveredYears })
    expect(error.messageEn).toContain('2027')
    expect(error.messageEn).toContain('2015–2026')
    expect(error.messageZh).toContain('2027 年')
  })

  test('R-CAL-2 never a silent weekends-only guess: every operation refuses, also when it moves into the year', () => {
    expect(thrown(() => addWorkingHours(calendar, at('2026-12-31', '17:00'), 2))).toMatchObject({ code: 'CALENDAR.YEAR_NOT_COVERED', field: 'result' })
    expect(thrown(() => addWorkingHours(calendar, at('2027-01-04', '10:00'), 2))).toMatchObject({ code: 'CALENDAR.YEAR_NOT_COVERED', field: 'start' })
    expect(thrown(() => isWorkingTime(calendar, at('2014-06-03', '10:00')))).toMatchObject({ code: 'CALENDAR.YEAR_NOT_COVERED', field: 'instant' })
    expect(thrown(() => nextWorkingInstant(calendar, at('2026-12-31', '19:00')))).toMatchObject({ code: 'CALENDAR.YEAR_NOT_COVERED' })
    expect(thrown(() => workingHoursBetween(calendar, at('2027-01-05', '10:00'), at('2026-12-30', '10:00')))).toMatchObject({ code: 'CALENDAR.YEAR_NOT_COVERED', field: 'later' })
    expect(thrown(() => addWorkingDays(calendar, '2026-12-31', 1))).toMatchObject({ code: 'CALENDAR.YEAR_NOT_COVERED', field: 'result' })
    expect(thrown(() => addWorkingDays(calendar, '2015-01-05', -3))).toMatchObject({ code: 'CALENDAR.YEAR_NOT_COVERED', field: 'result' })
    expect(thrown(() => workingDaysDeadline(calendar, '2026-12-30', 5))).toMatchObject({ code: 'CALENDAR.YEAR_NOT_COVERED' })
  })

  test('R-CAL-2 allowYearsWithoutSchedule: true treats such a year as weekends only', () => {
    const lenient = createWorkingCalendar({ allowYearsWithoutSchedule: true })
    expect(isWorkingDay(lenient, '2027-01-01')).toBe(true) // a Friday; the real 2027 元旦 is unknown
    expect(isWorkingDay(lenient, '2027-01-02')).toBe(false)
    expect(show(addWorkingHours(lenient, at('2026-12-31', '17:00'), 2))).toBe('2027-01-01T10:00')
  })

  test('supported range 1992-01-01 … 9999-12-31: the first and last days work, the day before is out of range', () => {
    const lenient = createWorkingCalendar({ allowYearsWithoutSchedule: true })
    expect(isWorkingDay(lenient, '1992-01-01')).toBe(true) // a Wednesday
    expect(isWorkingDay(lenient, '1992-01-04')).toBe(false)
    expect(isWorkingDay(lenient, '9999-12-31')).toBe(true) // a Friday
    expect(addWorkingDays(lenient, '1992-01-02', -1)).toBe('1992-01-01')
    expect(thrown(() => isWorkingDay(lenient, '1991-12-31'))).toMatchObject({ code: 'CALENDAR.OUT_OF_RANGE', field: 'day' })
    expect(thrown(() => addWorkingDays(lenient, '1992-01-01', -1))).toMatchObject({ code: 'CALENDAR.OUT_OF_RANGE', field: 'result' })
    expect(thrown(() => addWorkingDays(lenient, '9999-12-31', 1))).toMatchObject({ code: 'CALENDAR.OUT_OF_RANGE', field: 'result' })
  })

  test('R-CAL-2 withHolidaySchedule loads next year at run time and returns a new calendar; the old one is unchanged', () => {
    const next = withHolidaySchedule(calendar, JSON.stringify(cn2027))
    expect(next).not.toBe(calendar)
    expect(next.coveredYears.at(-1)).toBe(2027)
    expect(isWorkingDay(next, '2027-01-31')).toBe(true) // Sunday make-up day
    expect(isWorkingDay(next, '2027-02-08')).toBe(false)
    expect(show(addWorkingHours(next, at('2026-12-31', '17:00'), 2))).toBe('2027-01-04T10:00')
    expect(thrown(() => isWorkingDay(calendar, '2027-01-31'))).toMatchObject({ code: 'CALENDAR.YEAR_NOT_COVERED' })
  })

  test('R-CAL-2 withHolidaySchedule replaces a year that is already there', () => {
    const replaced = withHolidaySchedule(calendar, {
      year: 2025,
      sources: [{ title: 'test', documentNumber: 'test-1', publishedOn: '2024-11-12' }],
      holidays: [{ nameZh: '国庆节', nameEn: 'National Day', start: '2025-10-01', end: '2025-10-03', makeUpWorkdays: [] }],
    })
    expect(replaced.coveredYears).toEqual(calendar.coveredYears)
    expect(isWorkingDay(replaced, '2025-10-08')).toBe(true)
    expect(isWorkingDay(replaced, '2025-09-28')).toBe(false)
    expect(isWorkingDay(calendar, '2025-10-08')).toBe(false)
  })

  test('R-CAL-2 a calendar from custom schedules covers only those years', () => {
    const only2025 = createWorkingCalendar({ schedules: CHINA_HOLIDAY_SCHEDULES.filter((schedule) => schedule.year === 2025) })
    expect(only2025.coveredYears).toEqual([2025])
    expect(thrown(() => isWorkingDay(only2025, '2024-12-31'))).toMatchObject({ details: { year: 2024, coveredYears: [2025] } })
  })
})

describe('R-CAL-1 company overrides layered on top', () => {
  const company = createWorkingCalendar({
    windows: [
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ],
    overrides: {
      extraDaysOff: ['2025-06-18', '2025-10-11'], // a company anniversary; the Saturday make-up day given back
      extraWorkingDays: ['2025-06-21', '2025-10-08'], // a stock-taking Saturday; a holiday worked
      windowsByDate: { '2025-12-31': [{ start: '09:00', end: '12:00' }], '2025-07-01': [] },
    },
  })

  test('R-CAL-1 extra days off, extra working days and per-date windows win over weekends and holidays', () => {
    expect(isWorkingDay(company, '2025-06-18')).toBe(false)
    expect(isWorkingDay(company, '2025-10-11')).toBe(false)
    expect(isWorkingDay(company, '2025-06-21')).toBe(true)
    expect(isWorkingDay(company, '2025-10-08')).toBe(true)
    expect(isWorkingDay(company, '2025-07-01')).toBe(false)
    expect(isWorkingDay(company, '2025-12-31')).toBe(true)
    expect(isWorkingDay(company, '2025-09-28')).toBe(true) // untouched make-up day
  })

  test('R-CAL-1 company windows: 7.5 h days; a half day on 2025-12-31; the clock follows them', () => {
    expect(workingHoursBetween(company, at('2025-06-17', '23:59'), at('2025-06-17', '00:00'))).toBe(7.5)
    expect(workingHoursBetween(company, at('2025-12-31', '23:59'), at('2025-12-31', '00:00'))).toBe(3)
    expect(show(addWorkingHours(company, at('2025-12-31', '11:00'), 2))).toBe('2026-01-04T09:30')
    expect(show(addWorkingHours(company, at('2025-10-07', '17:00'), 1))).toBe('2025-10-08T09:30')
    expect(show(nextWorkingInstant(company, at('2025-06-20', '18:00')))).toBe('2025-06-21T08:30')
    expect(addWorkingDays(company, '2025-10-09', 1)).toBe('2025-10-10')
    expect(addWorkingDays(company, '2025-10-10', 1)).toBe('2025-10-13') // 10-11 given back
  })

  test('R-CAL-1 weekend days are configurable (a six-day week)', () => {
    const sixDays = createWorkingCalendar({ weekendDays: [0] })
    expect(isWorkingDay(sixDays, '2025-06-21')).toBe(true)
    expect(isWorkingDay(sixDays, '2025-06-22')).toBe(false)
    expect(isWorkingDay(sixDays, '2025-10-04')).toBe(false) // still a holiday
  })
})

describe('R-CAL-1 option validation names the bad field', () => {
  test.each<[string, WorkingCalendarOptions, string, string]>([
    ['unsorted windows', { windows: [{ start: '13:00', end: '18:00' }, { start: '09:00', end: '12:00' }] }, 'CALENDAR.INVALID_WINDOWS', 'windows[1]'],
    ['overlapping windows', { windows: [{ start: '09:00', end: '12:30' }, { start: '12:00', end: '18:00' }] }, 'CALENDAR.INVALID_WINDOWS', 'windows[1]'],
    ['an empty window', { windows: [{ start: '09:00', end: '09:00' }] }, 'CALENDAR.INVALID_WINDOWS', 'windows[0]'],
    ['a window past midnight', { windows: [{ start: '22:00', end: '24:30' }] }, 'CALENDAR.INVALID_WINDOWS', 'windows[0].end'],
    ['seconds in a window', { windows: [{ start: '09:00:30', end: '12:00' }] }, 'CALENDAR.INVALID_WINDOWS', 'windows[0].start'],
    ['a malformed time', { windows: [{ start: '9:00', end: '12:00' }] }, 'CALENDAR.INVALID_WINDOWS', 'windows[0].start'],
    ['an unknown window field', { windows: [{ start: '09:00', end: '12:00', lunch: true } as never] }, 'CALENDAR.INVALID_WINDOWS', 'windows[0].lunch'],
    ['no windows', { windows: [] }, 'CALENDAR.INVALID_WINDOWS', 'windows'],
    ['bad per-date windows', { overrides: { windowsByDate: { '2025-12-31': [{ start: '12:00', end: '09:00' }] } } }, 'CALENDAR.INVALID_WINDOWS', 'overrides.windowsByDate.2025-12-31[0]'],
    ['a weekday out of range', { weekendDays: [0, 7] as never }, 'CALENDAR.INVALID_OPTIONS', 'weekendDays[1]'],
    ['a repeated weekday', { weekendDays: [6, 6] }, 'CALENDAR.INVALID_OPTIONS', 'weekendDays[1]'],
    ['a seven-day weekend', { weekendDays: [0, 1, 2, 3, 4, 5, 6] }, 'CALENDAR.INVALID_OPTIONS', 'weekendDays'],
    ['a bad override day', { overrides: { extraDaysOff: ['2025-02-29'] } }, 'CALENDAR.INVALID_OPTIONS', 'overrides.extraDaysOff[0]'],
    ['a day both off and on', { overrides: { extraDaysOff: ['2025-06-18'], extraWorkingDays: ['2025-06-18'] } }, 'CALENDAR.INVALID_OPTIONS', 'overrides.extraWorkingDays[0]'],
    ['a day off with windows', { overrides: { extraDaysOff: ['2025-06-18'], windowsByDate: { '2025-06-18': [] } } }, 'CALENDAR.INVALID_OPTIONS', 'overrides.windowsByDate.2025-06-18'],
    ['an unknown override', { overrides: { halfDays: [] } as never }, 'CALENDAR.INVALID_OPTIONS', 'overrides.halfDays'],
    ['an unknown option', { timeZone: 'Asia/Shanghai' } as never, 'CALENDAR.INVALID_OPTIONS', 'options.timeZone'],
    ['a non-boolean flag', { allowYearsWithoutSchedule: 'yes' } as never, 'CALENDAR.INVALID_OPTIONS', 'allowYearsWithoutSchedule'],
    ['two schedules for one year', { schedules: [cn2027, cn2027] }, 'CALENDAR.INVALID_OPTIONS', 'schedules[1].year'],
    ['an invalid schedule', { schedules: [{ ...cn2027, year: 2027.5 }] }, 'CALENDAR.INVALID_SCHEDULE', 'schedules[0].year'],
  ])('R-CAL-1 refuses %s', (_, options, code, field) => {
    expect(thrown(() => createWorkingCalendar(options))).toMatchObject({ code, field })
  })

  test('touching windows are allowed (09:00–12:00, 12:00–18:00 is one 9-hour stretch)', () => {
    const touching = createWorkingCalendar({ windows: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '18:00' }] })
    expect(show(addWorkingHours(touching, at('2025-09-30', '11:00'), 2))).toBe('2025-09-30T13:00')
    expect(isWorkingTime(touching, at('2025-09-30', '12:00'))).toBe(true)
  })

  test('a window may end at 24:00', () => {
    const night = createWorkingCalendar({ windows: [{ start: '20:00', end: '24:00' }] })
    expect(show(addWorkingHours(night, at('2025-09-30', '23:00'), 1))).toBe('2025-10-01T00:00')
    expect(show(addWorkingHours(night, at('2025-09-30', '23:00'), 2))).toBe('2025-10-09T21:00')
  })
})
