import { type CivilDay, dayNumberOf, isCivilDay, type Weekday } from './civilDay.js'
import { CalendarEngine, type DayProfile, MIN_YEAR, profileFromMinutes } from './engine.js'
import { CalendarErrorCode, InvalidCalendarOptionsError } from './errors.js'
import { type HolidaySchedule, parseHolidaySchedule } from './holidaySchedule.js'
import { CHINA_HOLIDAY_SCHEDULES } from './holidays/index.js'
import { clockMinutes, DEFAULT_WORKING_WINDOWS, parseWorkingWindows, type WorkingWindow } from './windows.js'

/**
 * Company overrides (公司自定义调整) layered on top of weekends and the statutory schedule (R-CAL-1).
 * Precedence, highest first: `windowsByDate`, `extraWorkingDays` / `extraDaysOff`, the holiday
 * schedules, the weekend. A day may appear in only one of the three.
 */
export interface CalendarOverrides {
  /** Extra days off (公司额外休息日), e.g. a company anniversary. */
  readonly extraDaysOff?: readonly CivilDay[]
  /** Extra working days (公司额外工作日) with the normal windows, e.g. a stock-taking Saturday. */
  readonly extraWorkingDays?: readonly CivilDay[]
  /** Other windows on given dates (特殊工作时段), e.g. a half day; `[]` makes the day off. */
  readonly windowsByDate?: Readonly<Record<CivilDay, readonly WorkingWindow[]>>
}

/**
 * Options of {@link createWorkingCalendar}; plain JSON-serialisable data (a policy).
 *
 * @example
 * const options: WorkingCalendarOptions = { weekendDays: [0], overrides: { extraDaysOff: ['2025-06-18'] } }
 */
export interface WorkingCalendarOptions {
  /** Holiday schedules, one per year; **default** the bundled China schedules {@link CHINA_HOLIDAY_SCHEDULES}. */
  readonly schedules?: readonly HolidaySchedule[]
  /** Daily working windows; **default** 09:00–12:00 and 13:00–18:00 (R-CAL-1). */
  readonly windows?: readonly WorkingWindow[]
  /** Weekend days, `0` = Sunday … `6` = Saturday; **default** `[0, 6]` (Saturday and Sunday). */
  readonly weekendDays?: readonly Weekday[]
  /** Company overrides (R-CAL-1). */
  readonly overrides?: CalendarOverrides
  /**
   * When true, a year without a schedule is treated as weekends-only instead of throwing
   * `CALENDAR.YEAR_NOT_COVERED` (R-CAL-2); **default** false.
   */
  readonly allowYearsWithoutSchedule?: boolean
}

/** The options of a calendar with every default filled in (validated, frozen). */
export interface ResolvedWorkingCalendarOptions {
  readonly schedules: readonly HolidaySchedule[]
  readonly windows: readonly WorkingWindow[]
  readonly weekendDays: readonly Weekday[]
  readonly overrides: Required<CalendarOverrides>
  readonly allowYearsWithoutSchedule: boolean
}

/** Symbol under which a calendar keeps its precomputed tables. @internal */
export const ENGINE: unique symbol = Symbol('kehu.calendar.engine')

/**
 * A working calendar (工作日历), R-CAL-1: Asia/Shanghai, daily working windows, weekends off,
 * statutory holidays off, make-up working days on, company overrides on top. Immutable: build it
 * with {@link createWorkingCalendar}, derive changed copies with {@link withHolidaySchedule}.
 * Pass it to the operations (`addWorkingHours(calendar, …)`, `isWorkingDay(calendar, …)` …).
 *
 * @example
 * const calendar: WorkingCalendar = createWorkingCalendar()
 * calendar.coveredYears //=> [2015, 2016, …, 2026]
 */
export interface WorkingCalendar {
  /** The validated options, every default filled in; `createWorkingCalendar(calendar.options)` rebuilds it. */
  readonly options: ResolvedWorkingCalendarOptions
  /** Years with a holiday schedule, ascending. */
  readonly coveredYears: readonly number[]
  /** @internal */
  readonly [ENGINE]: CalendarEngine
}

const OPTION_KEYS = ['schedules', 'windows', 'weekendDays', 'overrides', 'allowYearsWithoutSchedule']
const OVERRIDE_KEYS = ['extraDaysOff', 'extraWorkingDays', 'windowsByDate']

/**
 * Builds a working calendar (R-CAL-1, R-CAL-2), validating every option.
 *
 * Per-year day tables are computed lazily on first use and cached inside the calendar, so the
 * operations run in O(log days) time.
 *
 * @throws {@link InvalidCalendarOptionsError} `CALENDAR.INVALID_OPTIONS` / `CALENDAR.INVALID_WINDOWS`,
 *   {@link InvalidHolidayScheduleError} `CALENDAR.INVALID_SCHEDULE` — each with the bad `field`
 *
 * @example
 * const calendar = createWorkingCalendar()
 * isWorkingDay(calendar, '2025-09-28') //=> true (Sunday, 调休上班日)
 *
 * const shop = createWorkingCalendar({
 *   windows: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }],
 *   overrides: { extraDaysOff: ['2025-06-18'], windowsByDate: { '2025-12-31': [{ start: '09:00', end: '12:00' }] } },
 * })
 */
export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidOption('options', 'must be an object', '必须是对象')
  }
  rejectUnknownKeys(options, OPTION_KEYS, 'options')

  const schedules = parseSchedules(options.schedules ?? CHINA_HOLIDAY_SCHEDULES)
  const windows = options.windows === undefined ? DEFAULT_WORKING_WINDOWS : parseWorkingWindows(options.windows, 'windows')
  const weekendDays = parseWeekendDays(options.weekendDays ?? [0, 6])
  const allowYearsWithoutSchedule = options.allowYearsWithoutSchedule ?? false
  if (typeof allowYearsWithoutSchedule !== 'boolean') {
    throw invalidOption('allowYearsWithoutSchedule', 'must be true or false', '必须是 true 或 false')
  }

  const profiles: DayProfile[] = [profileFromMinutes([]), profileFromMinutes(toMinutes(windows, 'windows'))]
  const { overrides, overrideProfile } = parseOverrides(options.overrides ?? {}, profiles)

  // R-CAL-2: holidays off, make-up working days on; a later year's notice wins on a shared day
  // (the 2019 notice decides 2018-12-29 … 2018-12-31).
  const scheduleStatus = new Map<number, boolean>()
  for (const schedule of schedules) {
    for (const holiday of schedule.holidays) {
      for (let day = dayNumberOf(holiday.start); day <= dayNumberOf(holiday.end); day += 1) scheduleStatus.set(day, false)
      for (const makeUp of holiday.makeUpWorkdays) scheduleStatus.set(dayNumberOf(makeUp), true)
    }
  }

  const coveredYears = Object.freeze(schedules.map((schedule) => schedule.year))
  const weekend = [0, 1, 2, 3, 4, 5, 6].map((weekday) => weekendDays.includes(weekday as Weekday))
  const engine = new CalendarEngine({ profiles, weekend, scheduleStatus, overrideProfile, coveredYears, allowYearsWithoutSchedule })
  const resolved: ResolvedWorkingCalendarOptions = Object.freeze({ schedules, windows, weekendDays, overrides, allowYearsWithoutSchedule })
  return Object.freeze({ options: resolved, coveredYears, [ENGINE]: engine })
}

/**
 * A new calendar with one year's holiday schedule added, or replaced when the calendar already
 * has that year (R-CAL-2): load next year's schedule the day it is announced, without a release.
 * The original calendar is unchanged.
 *
 * @param calendar - the calendar to extend
 * @param schedule - a {@link HolidaySchedule} or its JSON text; validated by {@link parseHolidaySchedule}
 * @throws {@link InvalidHolidayScheduleError} `CALENDAR.INVALID_SCHEDULE`
 *
 * @example
 * const next = withHolidaySchedule(createWorkingCalendar(), cn2027Json)
 * next.coveredYears.at(-1) //=> 2027
 */
export function withHolidaySchedule(calendar: WorkingCalendar, schedule: HolidaySchedule | string): WorkingCalendar {
  const parsed = parseHolidaySchedule(schedule)
  const others = calendar.options.schedules.filter((existing) => existing.year !== parsed.year)
  return createWorkingCalendar({ ...calendar.options, schedules: [...others, parsed] })
}

function parseSchedules(value: unknown): readonly HolidaySchedule[] {
  if (!Array.isArray(value)) throw invalidOption('schedules', 'must be an array of holiday schedules', '必须是节假日安排数组')
  const byYear = new Map<number, string>()
  const parsed = value.map((schedule: unknown, index) => {
    const result = parseHolidaySchedule(schedule, `schedules[${index}]`)
    const previous = byYear.get(result.year)
    if (previous !== undefined) {
      throw invalidOption(`schedules[${index}].year`, `repeats ${result.year}, already given by ${previous}`, `重复了 ${previous} 已给出的 ${result.year} 年`)
    }
    byYear.set(result.year, `schedules[${index}]`)
    return result
  })
  return Object.freeze(parsed.sort((a, b) => a.year - b.year))
}

function parseWeekendDays(value: unknown): readonly Weekday[] {
  if (!Array.isArray(value)) throw invalidOption('weekendDays', 'must be an array of weekdays 0–6', '必须是 0–6 的星期数组')
  const seen = new Set<number>()
  value.forEach((weekday: unknown, index) => {
    if (typeof weekday !== 'number' || !Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
      throw invalidOption(`weekendDays[${index}]`, `${String(weekday)} is not a weekday 0 (Sunday) … 6 (Saturday)`, `${String(weekday)} 不是 0（周日）至 6（周六）之间的星期`)
    }
    if (seen.has(weekday)) throw invalidOption(`weekendDays[${index}]`, `repeats ${weekday}`, `重复了 ${weekday}`)
    seen.add(weekday)
  })
  if (seen.size === 7) throw invalidOption('weekendDays', 'cannot make every day of the week a weekend', '不能把一周七天都设为周末')
  return Object.freeze([...seen].sort((a, b) => a - b) as Weekday[])
}

function parseOverrides(
  value: unknown,
  profiles: DayProfile[],
): { overrides: Required<CalendarOverrides>; overrideProfile: Map<number, number> } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidOption('overrides', 'must be an object', '必须是对象')
  }
  rejectUnknownKeys(value, OVERRIDE_KEYS, 'overrides')
  const record = value as Record<string, unknown>
  const overrideProfile = new Map<number, number>()
  const origin = new Map<number, string>()
  const claim = (day: unknown, path: string, profile: number): CivilDay => {
    if (!isCivilDay(day)) throw invalidOption(path, `${JSON.stringify(day)} is not a valid day YYYY-MM-DD`, `${JSON.stringify(day)} 不是有效的 YYYY-MM-DD 日期`)
    if (Number(day.slice(0, 4)) < MIN_YEAR) throw invalidOption(path, `${day} is before ${MIN_YEAR}`, `${day} 早于 ${MIN_YEAR} 年`)
    const dayNumber = dayNumberOf(day)
    const previous = origin.get(dayNumber)
    if (previous !== undefined) throw invalidOption(path, `${day} is already overridden by ${previous}`, `${day} 已由 ${previous} 调整`)
    origin.set(dayNumber, path)
    overrideProfile.set(dayNumber, profile)
    return day
  }
  const dayList = (key: string, profile: number): readonly CivilDay[] => {
    const list = record[key] ?? []
    if (!Array.isArray(list)) throw invalidOption(`overrides.${key}`, 'must be an array of days', '必须是日期数组')
    return Object.freeze(list.map((day: unknown, index) => claim(day, `overrides.${key}[${index}]`, profile)))
  }
  const extraDaysOff = dayList('extraDaysOff', 0)
  const extraWorkingDays = dayList('extraWorkingDays', 1)
  const byDate = record['windowsByDate'] ?? {}
  if (typeof byDate !== 'object' || byDate === null || Array.isArray(byDate)) {
    throw invalidOption('overrides.windowsByDate', 'must be an object { "YYYY-MM-DD": windows }', '必须是 { "YYYY-MM-DD": 工作时段 } 对象')
  }
  const windowsByDate: Record<CivilDay, readonly WorkingWindow[]> = {}
  for (const [day, windows] of Object.entries(byDate as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = `overrides.windowsByDate.${day}`
    const parsed = parseWorkingWindows(windows, path, true)
    const profile = parsed.length === 0 ? 0 : profiles.push(profileFromMinutes(toMinutes(parsed, path))) - 1
    windowsByDate[claim(day, path, profile)] = parsed
  }
  return { overrides: Object.freeze({ extraDaysOff, extraWorkingDays, windowsByDate: Object.freeze(windowsByDate) }), overrideProfile }
}

function toMinutes(windows: readonly WorkingWindow[], field: string): [number, number][] {
  return windows.map((window, index) => [clockMinutes(window.start, `${field}[${index}].start`), clockMinutes(window.end, `${field}[${index}].end`)])
}

function rejectUnknownKeys(value: object, allowed: readonly string[], path: string): void {
  const unknownKey = Object.keys(value).find((key) => !allowed.includes(key))
  if (unknownKey !== undefined) {
    throw invalidOption(`${path}.${unknownKey}`, `is not a known option (expected one of ${allowed.join(', ')})`, `不是已知选项（应为 ${allowed.join('、')} 之一）`)
  }
}

function invalidOption(field: string, en: string, zh: string): InvalidCalendarOptionsError {
  return new InvalidCalendarOptionsError({
    code: CalendarErrorCode.INVALID_OPTIONS,
    field,
    ruleId: 'R-CAL-1',
    messageEn: `working calendar option ${field} ${en}`,
    messageZh: `工作日历参数 ${field} ${zh}`,
  })
}
