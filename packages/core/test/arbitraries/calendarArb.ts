/**
 * Shared fast-check arbitraries for the working calendar, and an independent minute-stepping
 * oracle (R-CAL-1, R-CAL-3, R-CAL-5).
 *
 * The oracle is deliberately naive and shares no code with `src/calendar` beyond the plain
 * holiday data and option types: it finds a day's status with `Date#toISOString` / `getUTCDay`
 * on the +08:00-shifted instant, and walks time one minute at a time. Windows are minute-aligned,
 * so each minute is either wholly working or wholly not; only the first, partial minute of a
 * walk needs care.
 */
import fc from 'fast-check'
import type { HolidaySchedule, WorkingCalendarOptions, WorkingWindow } from '../../src/calendar/index.js'

const HOUR = 3_600_000
const MINUTE = 60_000
const DAY = 86_400_000
const OFFSET = 8 * HOUR

/** Epoch ms of `YYYY-MM-DDTHH:MM` wall-clock Asia/Shanghai, via an explicit +08:00 offset. */
export function shanghaiMs(day: string, time = '00:00'): number {
  return Date.parse(`${day}T${time}:00.000+08:00`)
}

function dayKeyOf(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(0, 10)
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number)
  return (hours ?? 0) * 60 + (minutes ?? 0)
}

function eachDay(start: string, end: string, visit: (key: string) => void): void {
  for (let ms = Date.parse(`${start}T00:00:00Z`); ms <= Date.parse(`${end}T00:00:00Z`); ms += DAY) {
    visit(new Date(ms).toISOString().slice(0, 10))
  }
}

/** The minute-stepping oracle of a calendar. */
export interface MinuteOracle {
  /** Working windows of a day as [startMinute, endMinute) pairs. */
  windowsOf(dayKey: string): readonly (readonly [number, number])[]
  isWorkingDay(dayKey: string): boolean
  isWorkingTime(ms: number): boolean
  nextWorkingInstant(ms: number): number
  addWorkingMs(ms: number, duration: number): number
  workingMsBetween(later: number, earlier: number): number
}

/** Builds the oracle from the same options a calendar would get (schedules required). */
export function minuteOracle(options: WorkingCalendarOptions & { schedules: readonly HolidaySchedule[] }): MinuteOracle {
  const normal = (options.windows ?? [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ]).map((window) => [minutesOf(window.start), minutesOf(window.end)] as const)
  const weekend = new Set<number>(options.weekendDays ?? [0, 6])
  const status = new Map<string, boolean>()
  for (const schedule of [...options.schedules].sort((a, b) => a.year - b.year)) {
    for (const holiday of schedule.holidays) {
      eachDay(holiday.start, holiday.end, (key) => status.set(key, false))
      for (const day of holiday.makeUpWorkdays) status.set(day, true)
    }
  }
  const off = new Set(options.overrides?.extraDaysOff ?? [])
  const on = new Set(options.overrides?.extraWorkingDays ?? [])
  const byDate = new Map(
    Object.entries(options.overrides?.windowsByDate ?? {}).map(
      ([key, windows]: [string, readonly WorkingWindow[]]) => [key, windows.map((w) => [minutesOf(w.start), minutesOf(w.end)] as const)] as const,
    ),
  )
  const cache = new Map<string, readonly (readonly [number, number])[]>()
  const windowsOf = (key: string): readonly (readonly [number, number])[] => {
    const cached = cache.get(key)
    if (cached) return cached
    let result: readonly (readonly [number, number])[]
    const explicit = byDate.get(key)
    if (explicit) result = explicit
    else if (off.has(key)) result = []
    else if (on.has(key)) result = normal
    else {
      const scheduled = status.get(key)
      const working = scheduled ?? !weekend.has(new Date(`${key}T00:00:00Z`).getUTCDay())
      result = working ? normal : []
    }
    cache.set(key, result)
    return result
  }
  const keys = new Map<number, string>()
  const workingMinute = (minuteStart: number): boolean => {
    const dayNumber = Math.floor((minuteStart + OFFSET) / DAY)
    let key = keys.get(dayNumber)
    if (key === undefined) {
      key = dayKeyOf(minuteStart)
      keys.set(dayNumber, key)
    }
    const minute = Math.floor((((minuteStart + OFFSET) % DAY) + DAY) % DAY / MINUTE)
    return windowsOf(key).some(([start, end]) => minute >= start && minute < end)
  }
  const floorMinute = (ms: number): number => Math.floor(ms / MINUTE) * MINUTE
  const MAX_STEPS = 5_000_000
  return {
    windowsOf,
    isWorkingDay: (key) => windowsOf(key).length > 0,
    isWorkingTime: (ms) => workingMinute(floorMinute(ms)),
    nextWorkingInstant(ms) {
      let current = ms
      for (let step = 0; step < MAX_STEPS; step += 1) {
        const minute = floorMinute(current)
        if (workingMinute(minute)) return current
        current = minute + MINUTE
      }
      throw new Error('oracle: no working minute found')
    },
    addWorkingMs(ms, duration) {
      let current = ms
      let remaining = duration
      for (let step = 0; step < MAX_STEPS; step += 1) {
        const minute = floorMinute(current)
        if (workingMinute(minute)) {
          if (remaining === 0) return current
          const available = minute + MINUTE - current
          if (remaining <= available) return current + remaining
          remaining -= available
        }
        current = minute + MINUTE
      }
      throw new Error('oracle: too many steps')
    },
    workingMsBetween(later, earlier) {
      if (later < earlier) return -this.workingMsBetween(earlier, later)
      let sum = 0
      let current = earlier
      while (current < later) {
        const minute = floorMinute(current)
        const next = Math.min(minute + MINUTE, later)
        if (workingMinute(minute)) sum += next - current
        current = next
      }
      return sum
    },
  }
}

/** A civil day `YYYY-MM-DD` between two days inclusive. */
export function civilDayArb(from = '2020-01-01', to = '2026-12-31'): fc.Arbitrary<string> {
  const low = Date.parse(`${from}T00:00:00Z`) / DAY
  const high = Date.parse(`${to}T00:00:00Z`) / DAY
  return fc.integer({ min: low, max: high }).map((day) => new Date(day * DAY).toISOString().slice(0, 10))
}

/**
 * An instant between two Shanghai days (the second exclusive), at millisecond precision, often
 * snapped to a whole minute or to a default window edge, where off-by-one mistakes live.
 */
export function instantArb(from = '2020-01-01', to = '2026-11-01'): fc.Arbitrary<Date> {
  const low = shanghaiMs(from)
  const high = shanghaiMs(to) - 1
  const any = fc.integer({ min: low, max: high })
  const edges = [9, 12, 13, 18].map((hour) => hour * 60)
  return fc.oneof(
    any,
    any.map((ms) => Math.floor(ms / MINUTE) * MINUTE),
    fc.tuple(any, fc.constantFrom(...edges), fc.integer({ min: -1, max: 1 })).map(
      ([ms, minute, nudge]) => Math.floor((ms + OFFSET) / DAY) * DAY - OFFSET + minute * MINUTE + nudge,
    ),
  ).map((ms) => new Date(ms))
}

/** A working duration in whole milliseconds up to `maxHours`, often whole hours or minutes. */
export function durationMsArb(maxHours = 40): fc.Arbitrary<number> {
  const max = maxHours * HOUR
  return fc.oneof(
    fc.integer({ min: 0, max }),
    fc.integer({ min: 0, max: maxHours }).map((hours) => hours * HOUR),
    fc.integer({ min: 0, max: maxHours * 60 }).map((minutes) => minutes * MINUTE),
    fc.constant(0),
  )
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * Valid daily windows: 1–4 sorted, disjoint (sometimes touching) windows within 00:00–24:00,
 * at least an hour in total (so that bounded durations stay within the bundled years).
 */
export function windowsArb(): fc.Arbitrary<WorkingWindow[]> {
  return fc
    .uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 8 })
    .chain((points) => {
      const sorted = [...points].sort((a, b) => a - b)
      const usable = sorted.slice(0, sorted.length - (sorted.length % 2))
      const windows: WorkingWindow[] = []
      for (let index = 0; index < usable.length; index += 2) {
        windows.push({ start: clock(usable[index]!), end: clock(usable[index + 1]!) })
      }
      return fc.boolean().map((touch) => {
        // Sometimes make the first two windows touch (e.g. 09:00–12:00, 12:00–13:00).
        if (touch && windows.length > 1) windows[1] = { start: windows[0]!.end, end: windows[1]!.end }
        return windows
      })
    })
    .filter((windows) => windows.reduce((sum, w) => sum + minutesOf(w.end) - minutesOf(w.start), 0) >= 60)
}

/** Weekend days: any subset of 0–6 with at most four days (at least three working weekdays). */
export function weekendArb(): fc.Arbitrary<(0 | 1 | 2 | 3 | 4 | 5 | 6)[]> {
  return fc.subarray([0, 1, 2, 3, 4, 5, 6] as const, { maxLength: 4 }).map((days) => [...days])
}

/** Company overrides on distinct days in a range: extra days off, extra working days, per-date windows. */
export function overridesArb(from = '2020-01-01', to = '2026-12-31'): fc.Arbitrary<NonNullable<WorkingCalendarOptions['overrides']>> {
  return fc
    .uniqueArray(civilDayArb(from, to), { maxLength: 12 })
    .chain((days) =>
      fc.tuple(
        fc.constant(days),
        fc.array(fc.constantFrom('off', 'on', 'windows', 'none'), { minLength: days.length, maxLength: days.length }),
        fc.array(fc.oneof(windowsArb(), fc.constant([] as WorkingWindow[])), { minLength: days.length, maxLength: days.length }),
      ),
    )
    .map(([days, kinds, windows]) => {
      const extraDaysOff: string[] = []
      const extraWorkingDays: string[] = []
      const windowsByDate: Record<string, WorkingWindow[]> = {}
      days.forEach((day, index) => {
        const kind = kinds[index]
        if (kind === 'off') extraDaysOff.push(day)
        else if (kind === 'on') extraWorkingDays.push(day)
        else if (kind === 'windows') windowsByDate[day] = windows[index] ?? []
      })
      return { extraDaysOff, extraWorkingDays, windowsByDate }
    })
}

/** Calendar options without schedules: random windows, weekend and overrides, or the defaults. */
export function calendarOptionsArb(): fc.Arbitrary<Omit<WorkingCalendarOptions, 'schedules'>> {
  return fc.oneof(
    fc.constant({}),
    fc.record({ windows: windowsArb(), weekendDays: weekendArb(), overrides: overridesArb() }),
    fc.record({ overrides: overridesArb() }),
  )
}
