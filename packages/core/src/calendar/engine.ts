/**
 * The precomputed day tables behind a working calendar (internal).
 *
 * Time is epoch milliseconds; a "day number" counts Asia/Shanghai civil days since 1970-01-01.
 * For each year the calendar is asked about, a table is built once (lazily) and cached in the
 * engine: the day profile of every day (off, the normal windows, or a company's windows for that
 * date), the working milliseconds from the start of the year to the start of each day, and the
 * number of working days before each day. Every operation is then a few array reads and a binary
 * search over at most 367 entries per year, never a minute-by-minute walk. The cache is not
 * observable: results depend only on the calendar's options.
 * @internal
 * @module
 */
import { daysFromCivil, weekdayOfDayNumber } from './civilDay.js'
import { CalendarErrorCode, InvalidCalendarInputError, YearNotCoveredError } from './errors.js'
import { MS_PER_DAY, SHANGHAI_UTC_OFFSET_MS } from './shanghaiTime.js'

/** Working windows of one kind of day, in ms since 00:00; `before[k]` = working ms before window k. */
export interface DayProfile {
  readonly starts: readonly number[]
  readonly ends: readonly number[]
  readonly before: readonly number[]
  readonly total: number
}

/** One year's day table. */
export interface YearTable {
  readonly year: number
  /** Day number of 1 January. */
  readonly startDay: number
  readonly length: number
  /** Index into the engine's profiles for each day; 0 = no working time. */
  readonly profile: Uint16Array
  /** `cum[i]` = working ms from 1 January 00:00 to the start of day i; `cum[length]` = year total. */
  readonly cum: Float64Array
  /** `workdays[i]` = working days before day i; `workdays[length]` = working days in the year. */
  readonly workdays: Int32Array
}

/** The inputs of an engine, already validated. */
export interface EngineSpec {
  readonly profiles: readonly DayProfile[]
  readonly weekend: readonly boolean[]
  /** Day number → true (make-up working day) / false (holiday), from the holiday schedules. */
  readonly scheduleStatus: ReadonlyMap<number, boolean>
  /** Day number → profile index, from the company overrides. */
  readonly overrideProfile: ReadonlyMap<number, number>
  readonly coveredYears: readonly number[]
  readonly allowYearsWithoutSchedule: boolean
}

export const MIN_YEAR = 1992
export const MAX_YEAR = 9999

/** Day number of 1 January of every year MIN_YEAR … MAX_YEAR + 1 (constant lookup data). */
const YEAR_START_DAYS = Int32Array.from({ length: MAX_YEAR - MIN_YEAR + 2 }, (_, index) => daysFromCivil(MIN_YEAR + index, 1, 1))

/** A position on the working-time line: a year table and working ms since its 1 January. */
export interface WorkPosition {
  table: YearTable
  worked: number
}

export class CalendarEngine {
  readonly profiles: readonly DayProfile[]
  private readonly spec: EngineSpec
  private readonly covered: ReadonlySet<number>
  private readonly byYear: (YearTable | undefined)[] = []
  private last: YearTable | undefined

  constructor(spec: EngineSpec) {
    this.spec = spec
    this.profiles = spec.profiles
    this.covered = new Set(spec.coveredYears)
  }

  /** The table of a year, built on first use. @throws YEAR_NOT_COVERED, OUT_OF_RANGE */
  table(year: number, field: string): YearTable {
    const cached = this.byYear[year - MIN_YEAR]
    if (cached !== undefined) return cached
    const built = this.build(year, field)
    this.byYear[year - MIN_YEAR] = built
    return built
  }

  /** The table containing a day number (fast path: the table used last). */
  tableForDay(dayNumber: number, field: string): YearTable {
    const last = this.last
    if (last !== undefined && dayNumber >= last.startDay && dayNumber < last.startDay + last.length) return last
    // Estimate the year, then correct it by at most one against the table of 1 January day numbers.
    // The estimate is off by at most one year, so clamping it first keeps the boundary years right.
    let year = Math.min(Math.max(1970 + Math.floor(dayNumber / 365.2425), MIN_YEAR), MAX_YEAR)
    const offset = year - MIN_YEAR
    if (dayNumber < YEAR_START_DAYS[offset]!) year -= 1
    else if (dayNumber >= YEAR_START_DAYS[offset + 1]!) year += 1
    const table = this.table(year, field)
    this.last = table
    return table
  }

  /** Profile of the Shanghai day containing `ms`, and the ms since that day's 00:00. */
  profileAt(ms: number, field: string): { profile: DayProfile; inDay: number } {
    const local = ms + SHANGHAI_UTC_OFFSET_MS
    const dayNumber = Math.floor(local / MS_PER_DAY)
    const table = this.tableForDay(dayNumber, field)
    return { profile: this.profiles[table.profile[dayNumber - table.startDay]!]!, inDay: local - dayNumber * MS_PER_DAY }
  }

  /** Working ms from 1 January 00:00 of the instant's year to the instant. */
  position(ms: number, field: string): WorkPosition {
    const local = ms + SHANGHAI_UTC_OFFSET_MS
    const dayNumber = Math.floor(local / MS_PER_DAY)
    const table = this.tableForDay(dayNumber, field)
    const index = dayNumber - table.startDay
    const profile = this.profiles[table.profile[index]!]!
    return { table, worked: table.cum[index]! + workedBeforeInDay(profile, local - dayNumber * MS_PER_DAY) }
  }

  /**
   * The earliest instant at which `worked` working ms (> 0) have elapsed since 1 January of
   * `table.year`, moving to later years as needed. Lands on a window's end, not the next start.
   */
  instantAt(start: YearTable, startWorked: number, field: string, fromIndex = 0): number {
    let table = start
    let target = startWorked
    let total = table.cum[table.length]!
    let low = fromIndex
    while (target > total) {
      target -= total
      table = this.table(table.year + 1, field)
      total = table.cum[table.length]!
      low = 0
    }
    // Smallest day index i >= low with cum[i + 1] >= target.
    const cum = table.cum
    let high = table.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (cum[middle + 1]! >= target) high = middle
      else low = middle + 1
    }
    const profile = this.profiles[table.profile[low]!]!
    const remaining = target - cum[low]!
    const before = profile.before
    let window = 0
    const last = before.length - 1
    while (window < last && before[window + 1]! < remaining) window += 1
    return (table.startDay + low) * MS_PER_DAY - SHANGHAI_UTC_OFFSET_MS + profile.starts[window]! + (remaining - before[window]!)
  }

  /**
   * `start` plus `duration` working ms (R-CAL-3), as epoch ms; for `duration = 0`, the next
   * working instant. Allocation-free hot path of addWorkingHours.
   */
  addWorking(start: number, duration: number, field: string, resultField: string): number {
    const local = start + SHANGHAI_UTC_OFFSET_MS
    const dayNumber = Math.floor(local / MS_PER_DAY)
    const table = this.tableForDay(dayNumber, field)
    const index = dayNumber - table.startDay
    const worked = table.cum[index]! + workedBeforeInDay(this.profiles[table.profile[index]!]!, local - dayNumber * MS_PER_DAY)
    // For 0: the first instant with 1 ms worked, less that 1 ms, is where the clock starts.
    return duration === 0
      ? this.instantAt(table, worked + 1, resultField, index) - 1
      : this.instantAt(table, worked + duration, resultField, index)
  }

  /** Working ms in [earlier, later) for earlier <= later given as positions. */
  workedBetween(earlier: WorkPosition, later: WorkPosition, field: string): number {
    if (earlier.table === later.table) return later.worked - earlier.worked
    let sum = earlier.table.cum[earlier.table.length]! - earlier.worked
    for (let year = earlier.table.year + 1; year < later.table.year; year += 1) {
      const table = this.table(year, field)
      sum += table.cum[table.length]!
    }
    return sum + later.worked
  }

  /**
   * The day number of the working day whose 1-based index among the working days of
   * `start.year` is `ordinal`, moving across years (either way) as needed.
   */
  workdayAt(start: YearTable, ordinal: number, field: string): number {
    let table = start
    let target = ordinal
    while (target > table.workdays[table.length]!) {
      target -= table.workdays[table.length]!
      table = this.table(table.year + 1, field)
    }
    while (target <= 0) {
      table = this.table(table.year - 1, field)
      target += table.workdays[table.length]!
    }
    const workdays = table.workdays
    let low = 0
    let high = table.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (workdays[middle + 1]! >= target) high = middle
      else low = middle + 1
    }
    return table.startDay + low
  }

  private build(year: number, field: string): YearTable {
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
      throw new InvalidCalendarInputError({
        code: CalendarErrorCode.OUT_OF_RANGE,
        field,
        messageEn: `${field} needs the working calendar of ${year}, outside the supported years ${MIN_YEAR}–${MAX_YEAR}`,
        messageZh: `${field} 需要 ${year} 年的工作日历，超出支持的年份 ${MIN_YEAR}–${MAX_YEAR}`,
        details: { year },
      })
    }
    const { coveredYears } = this.spec
    if (!this.covered.has(year) && !this.spec.allowYearsWithoutSchedule) {
      const coveredText = describeYears(coveredYears)
      throw new YearNotCoveredError({
        code: CalendarErrorCode.YEAR_NOT_COVERED,
        field,
        ruleId: 'R-CAL-2',
        messageEn: `${field} needs the holiday schedule of ${year}, which the calendar does not have (covered: ${coveredText}); load it with withHolidaySchedule or set allowYearsWithoutSchedule`,
        messageZh: `${field} 需要 ${year} 年的节假日安排，但日历中没有该年度数据（已覆盖：${coveredText}）；请用 withHolidaySchedule 加载，或设置 allowYearsWithoutSchedule`,
        details: { year, coveredYears: [...coveredYears] },
      })
    }
    const startDay = daysFromCivil(year, 1, 1)
    const length = daysFromCivil(year + 1, 1, 1) - startDay
    const profile = new Uint16Array(length)
    const cum = new Float64Array(length + 1)
    const workdays = new Int32Array(length + 1)
    const { scheduleStatus, overrideProfile, weekend } = this.spec
    for (let index = 0; index < length; index += 1) {
      const dayNumber = startDay + index
      let kind = overrideProfile.get(dayNumber) // R-CAL-1: company overrides on top
      if (kind === undefined) {
        const status = scheduleStatus.get(dayNumber) // R-CAL-2: holidays off, make-up days on
        kind = status === undefined ? (weekend[weekdayOfDayNumber(dayNumber)] ? 0 : 1) : status ? 1 : 0
      }
      const total = this.profiles[kind]!.total
      profile[index] = kind
      cum[index + 1] = cum[index]! + total
      workdays[index + 1] = workdays[index]! + (total > 0 ? 1 : 0)
    }
    return { year, startDay, length, profile, cum, workdays }
  }
}

/** Working ms of a profile before `inDay` ms after 00:00. */
export function workedBeforeInDay(profile: DayProfile, inDay: number): number {
  const { starts, ends, before } = profile
  for (let window = 0; window < starts.length; window += 1) {
    const end = ends[window]!
    if (inDay < end) {
      const start = starts[window]!
      return before[window]! + (inDay > start ? inDay - start : 0)
    }
  }
  return profile.total
}

/** True when `inDay` (ms after 00:00) lies inside one of the profile's windows. */
export function insideWindow(profile: DayProfile, inDay: number): boolean {
  const { starts, ends } = profile
  for (let window = 0; window < starts.length; window += 1) {
    if (inDay < ends[window]!) return inDay >= starts[window]!
  }
  return false
}

/** Builds a profile from windows in minutes since 00:00 (sorted, disjoint). */
export function profileFromMinutes(windows: readonly (readonly [number, number])[]): DayProfile {
  const starts: number[] = []
  const ends: number[] = []
  const before: number[] = []
  let total = 0
  for (const [start, end] of windows) {
    starts.push(start * 60_000)
    ends.push(end * 60_000)
    before.push(total)
    total += (end - start) * 60_000
  }
  return { starts, ends, before, total }
}

/** "2015–2026" or "2015–2020, 2022" or "none". */
export function describeYears(years: readonly number[]): string {
  if (years.length === 0) return 'none'
  const parts: string[] = []
  let runStart = years[0]!
  let previous = runStart
  for (const year of [...years.slice(1), Number.NaN]) {
    if (year === previous + 1) {
      previous = year
      continue
    }
    parts.push(runStart === previous ? String(runStart) : `${runStart}–${previous}`)
    runStart = year
    previous = year
  }
  return parts.join(', ')
}
