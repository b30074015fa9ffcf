import { CalendarErrorCode, InvalidCalendarOptionsError } from './errors.js'

/**
 * A daily working window (工作时段), wall-clock Asia/Shanghai, half-open `[start, end)`:
 * `start` is working time, `end` is not. Minute precision, `HH:MM`; `end` may be `'24:00'`.
 * Windows never cross midnight.
 *
 * @example
 * const morning: WorkingWindow = { start: '09:00', end: '12:00' }
 */
export interface WorkingWindow {
  /** First working minute, `HH:MM` (e.g. `'09:00'`). */
  readonly start: string
  /** End of the window, exclusive, `HH:MM` (e.g. `'12:00'`), at most `'24:00'`. */
  readonly end: string
}

/**
 * **default** working windows of R-CAL-1: 09:00–12:00 and 13:00–18:00 (8 hours, lunch 12:00–13:00).
 * @example
 * createWorkingCalendar().options.windows === DEFAULT_WORKING_WINDOWS //=> true
 */
export const DEFAULT_WORKING_WINDOWS: readonly WorkingWindow[] = Object.freeze([
  Object.freeze({ start: '09:00', end: '12:00' }),
  Object.freeze({ start: '13:00', end: '18:00' }),
])

const CLOCK_PATTERN = /^(\d{2}):(\d{2})$/

/**
 * Validates daily working windows (R-CAL-1): each `HH:MM`, start before end, within 00:00–24:00,
 * sorted and not overlapping (touching is allowed). Returns a frozen copy.
 *
 * @param windows - the candidate windows
 * @param field - the option path used in errors (default `'windows'`)
 * @param allowEmpty - whether `[]` (no working time that day) is allowed; false for the daily default
 * @throws {@link InvalidCalendarOptionsError} `CALENDAR.INVALID_WINDOWS`, `field` naming the bad window
 *
 * @example
 * parseWorkingWindows([{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }])
 * parseWorkingWindows([{ start: '13:00', end: '18:00' }, { start: '09:00', end: '12:00' }])
 * // throws CALENDAR.INVALID_WINDOWS, field 'windows[1]' (not sorted)
 */
export function parseWorkingWindows(windows: unknown, field = 'windows', allowEmpty = false): readonly WorkingWindow[] {
  if (!Array.isArray(windows)) throw invalidWindows(field, 'must be an array of { start, end }', '必须是 { start, end } 数组')
  if (windows.length === 0 && !allowEmpty) {
    throw invalidWindows(field, 'needs at least one working window', '至少需要一个工作时段')
  }
  const result: WorkingWindow[] = []
  let previousEnd = 0
  windows.forEach((window: unknown, index) => {
    const path = `${field}[${index}]`
    if (typeof window !== 'object' || window === null) {
      throw invalidWindows(path, 'must be an object { start, end }', '必须是 { start, end } 对象')
    }
    const { start, end, ...rest } = window as Record<string, unknown>
    const extra = Object.keys(rest)[0]
    if (extra !== undefined) throw invalidWindows(`${path}.${extra}`, 'is not a window field', '不是工作时段的字段')
    const startMinute = clockMinutes(start, `${path}.start`)
    const endMinute = clockMinutes(end, `${path}.end`)
    if (startMinute >= endMinute) {
      throw invalidWindows(path, `starts at ${String(start)}, not before its end ${String(end)}`, `开始时间 ${String(start)} 不早于结束时间 ${String(end)}`)
    }
    if (startMinute < previousEnd) {
      throw invalidWindows(path, 'overlaps or precedes the previous window (windows must be sorted and disjoint)', '与前一时段重叠或早于前一时段（时段须按时间排序且互不重叠）')
    }
    previousEnd = endMinute
    result.push(Object.freeze({ start: start as string, end: end as string }))
  })
  return Object.freeze(result)
}

/** Minutes since 00:00 of a `HH:MM` clock text, `24:00` allowed. @internal */
export function clockMinutes(value: unknown, field: string): number {
  const match = typeof value === 'string' ? CLOCK_PATTERN.exec(value) : null
  const hours = Number(match?.[1])
  const minutes = Number(match?.[2])
  if (!match || minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) {
    throw invalidWindows(field, `${JSON.stringify(value)} is not a time HH:MM between 00:00 and 24:00`, `${JSON.stringify(value)} 不是 00:00 至 24:00 之间的 HH:MM 时间`)
  }
  return hours * 60 + minutes
}

function invalidWindows(field: string, en: string, zh: string): InvalidCalendarOptionsError {
  return new InvalidCalendarOptionsError({
    code: CalendarErrorCode.INVALID_WINDOWS,
    field,
    ruleId: 'R-CAL-1',
    messageEn: `working window ${field} ${en}`,
    messageZh: `工作时段 ${field} ${zh}`,
  })
}
