import { type CivilDay, dayFromNumber, dayNumberOf, daysFromCivil } from './civilDay.js'
import { CalendarErrorCode, InvalidCalendarInputError } from './errors.js'

/**
 * Asia/Shanghai (北京时间) civil-time helpers.
 *
 * China Standard Time is a fixed UTC+08:00 offset with no daylight saving since September 1991,
 * so it is computed by arithmetic, never with the process's local time zone or `Intl`. Instants
 * are accepted from 1992-01-01T00:00+08:00 to the end of 9999-12-31.
 * @module
 */

/**
 * The Asia/Shanghai offset from UTC in milliseconds (+08:00).
 * @example
 * SHANGHAI_UTC_OFFSET_MS //=> 28_800_000
 */
export const SHANGHAI_UTC_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * Milliseconds in a civil day (Asia/Shanghai has no DST, so every day has them).
 * @example
 * MS_PER_DAY //=> 86_400_000
 */
export const MS_PER_DAY = 24 * 60 * 60 * 1000

/** Earliest supported instant: 1992-01-01T00:00:00.000+08:00. */
export const MIN_SUPPORTED_INSTANT_MS = daysFromCivil(1992, 1, 1) * MS_PER_DAY - SHANGHAI_UTC_OFFSET_MS
/** Latest supported instant: 9999-12-31T23:59:59.999+08:00. */
export const MAX_SUPPORTED_INSTANT_MS = (daysFromCivil(9999, 12, 31) + 1) * MS_PER_DAY - SHANGHAI_UTC_OFFSET_MS - 1

const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/

/**
 * Validates a `Date` argument and returns its epoch milliseconds.
 * @throws {@link InvalidCalendarInputError} `CALENDAR.INVALID_INSTANT` or `CALENDAR.OUT_OF_RANGE`
 * @internal
 */
export function instantMs(value: unknown, field: string): number {
  if (!(value instanceof Date)) {
    throw new InvalidCalendarInputError({
      code: CalendarErrorCode.INVALID_INSTANT,
      field,
      messageEn: `${field} must be a Date instant`,
      messageZh: `${field} 必须是 Date 时间点`,
      details: { type: typeof value },
    })
  }
  const ms = value.getTime()
  if (ms >= MIN_SUPPORTED_INSTANT_MS && ms <= MAX_SUPPORTED_INSTANT_MS) return ms
  if (Number.isNaN(ms)) {
    throw new InvalidCalendarInputError({
      code: CalendarErrorCode.INVALID_INSTANT,
      field,
      messageEn: `${field} is an invalid Date`,
      messageZh: `${field} 是无效的 Date`,
    })
  }
  throw outOfRange(field, ms)
}

/** The `OUT_OF_RANGE` error for an instant. @internal */
export function outOfRange(field: string, ms: number): InvalidCalendarInputError {
  return new InvalidCalendarInputError({
    code: CalendarErrorCode.OUT_OF_RANGE,
    field,
    messageEn: `${field} is outside the supported range 1992-01-01 … 9999-12-31 (Asia/Shanghai)`,
    messageZh: `${field} 超出支持的范围 1992-01-01 至 9999-12-31（北京时间）`,
    details: { epochMs: ms },
  })
}

/** Day number (days since 1970-01-01) of the Shanghai civil day containing an epoch ms. @internal */
export function shanghaiDayNumber(ms: number): number {
  return Math.floor((ms + SHANGHAI_UTC_OFFSET_MS) / MS_PER_DAY)
}

/** Epoch ms of 00:00 Asia/Shanghai of a day number. @internal */
export function startOfDayNumberMs(dayNumber: number): number {
  return dayNumber * MS_PER_DAY - SHANGHAI_UTC_OFFSET_MS
}

function dayStartMs(day: CivilDay, field: string): number {
  const ms = startOfDayNumberMs(dayNumberOf(day, field))
  if (ms < MIN_SUPPORTED_INSTANT_MS) throw outOfRange(field, ms)
  return ms
}

/**
 * The Asia/Shanghai civil day (北京时间日期) containing an instant.
 *
 * @throws {@link InvalidCalendarInputError} `CALENDAR.INVALID_INSTANT`, `CALENDAR.OUT_OF_RANGE`
 *
 * @example
 * toShanghaiDay(new Date('2025-09-30T16:30:00Z')) //=> '2025-10-01' (00:30 in Shanghai)
 */
export function toShanghaiDay(instant: Date): CivilDay {
  return dayFromNumber(shanghaiDayNumber(instantMs(instant, 'instant')))
}

/**
 * The instant 00:00:00.000 Asia/Shanghai of a civil day (当日零点).
 *
 * @throws {@link InvalidCalendarInputError} `CALENDAR.INVALID_DAY`, `CALENDAR.OUT_OF_RANGE` (before 1992)
 *
 * @example
 * startOfShanghaiDay('2025-10-09').toISOString() //=> '2025-10-08T16:00:00.000Z'
 */
export function startOfShanghaiDay(day: CivilDay): Date {
  return new Date(dayStartMs(day, 'day'))
}

/**
 * The exclusive end of a civil day: 00:00 Asia/Shanghai of the next day (次日零点). An instant `t`
 * lies within `day` iff `startOfShanghaiDay(day) <= t < startOfNextShanghaiDay(day)`.
 *
 * @example
 * startOfNextShanghaiDay('2025-10-09').toISOString() //=> '2025-10-09T16:00:00.000Z'
 */
export function startOfNextShanghaiDay(day: CivilDay): Date {
  return new Date(dayStartMs(day, 'day') + MS_PER_DAY)
}

/**
 * The instant of a wall-clock time on a civil day in Asia/Shanghai (北京时间).
 *
 * @param day - `YYYY-MM-DD`
 * @param time - `HH:MM`, `HH:MM:SS` or `HH:MM:SS.sss`, 00:00 to 23:59:59.999 (default `'00:00'`)
 * @throws {@link InvalidCalendarInputError} `CALENDAR.INVALID_DAY` for a bad day or time, `CALENDAR.OUT_OF_RANGE`
 *
 * @example
 * shanghaiInstant('2025-09-30', '17:00').toISOString() //=> '2025-09-30T09:00:00.000Z'
 */
export function shanghaiInstant(day: CivilDay, time = '00:00'): Date {
  const match = typeof time === 'string' ? TIME_PATTERN.exec(time) : null
  const hours = Number(match?.[1])
  const minutes = Number(match?.[2])
  const seconds = Number(match?.[3] ?? 0)
  const millis = Number(match?.[4] ?? 0)
  if (!match || hours > 23 || minutes > 59 || seconds > 59) {
    throw new InvalidCalendarInputError({
      code: CalendarErrorCode.INVALID_DAY,
      field: 'time',
      messageEn: `time ${JSON.stringify(time)} is not a valid wall-clock time HH:MM[:SS[.sss]]`,
      messageZh: `时间 ${JSON.stringify(time)} 无效，应为 HH:MM[:SS[.sss]]`,
      details: { value: String(time) },
    })
  }
  return new Date(dayStartMs(day, 'day') + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
}

/**
 * Formats an instant as Asia/Shanghai wall-clock ISO text with its offset,
 * `YYYY-MM-DDTHH:mm:ss.sss+08:00`.
 *
 * @example
 * formatShanghaiInstant(new Date('2025-10-09T01:00:00Z')) //=> '2025-10-09T09:00:00.000+08:00'
 */
export function formatShanghaiInstant(instant: Date): string {
  const ms = instantMs(instant, 'instant')
  const dayNumber = shanghaiDayNumber(ms)
  const inDay = ms + SHANGHAI_UTC_OFFSET_MS - dayNumber * MS_PER_DAY
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0')
  const hours = Math.floor(inDay / 3_600_000)
  const minutes = Math.floor(inDay / 60_000) % 60
  const seconds = Math.floor(inDay / 1000) % 60
  return `${dayFromNumber(dayNumber)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(inDay % 1000, 3)}+08:00`
}
