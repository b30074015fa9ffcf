import { daysFromCivil, daysInMonth } from './civilDay.js'

/**
 * An instant (时间点) as the workflow rules accept it: a valid `Date`, or an ISO-8601 date-time
 * text with an explicit offset or `Z` (`'2026-04-01T00:00:00+08:00'`, `'2026-03-31T16:00:00Z'`,
 * fractions of a second up to nanoseconds). Text without an offset is refused: it would be read
 * in some unknown zone.
 */
export type InstantInput = Date | string

/** Why a value is not an instant. */
export type InstantProblem = 'invalid' | 'withoutOffset'

/** The outcome of {@link readInstantInput}: exact nanoseconds since the epoch, or the problem. */
export type InstantReading =
  | { readonly ok: true; readonly nanos: bigint }
  | { readonly ok: false; readonly problem: InstantProblem; readonly messageEn: string; readonly messageZh: string }

const NANOS_PER_MS = 1_000_000n
const NANOS_PER_SECOND = 1_000_000_000n
const NANOS_PER_MINUTE = 60n * NANOS_PER_SECOND
const NANOS_PER_DAY = 86_400n * NANOS_PER_SECOND

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/
const ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/

/**
 * Reads an {@link InstantInput} into exact nanoseconds since 1970-01-01T00:00:00Z, or says what is
 * wrong (as data, so each area raises its own typed error). Never depends on the process time zone.
 *
 * @param input - the value to read
 * @param field - the input field's name, used in the messages
 *
 * @example
 * readInstantInput('1970-01-01T08:00:00+08:00', 'at') //=> { ok: true, nanos: 0n }
 * readInstantInput('2026-04-01 09:00', 'at').ok //=> false (problem: 'withoutOffset')
 */
export function readInstantInput(input: unknown, field: string): InstantReading {
  if (input instanceof Date) {
    const ms = input.getTime()
    return Number.isNaN(ms) ? invalid(input, field) : { ok: true, nanos: BigInt(ms) * NANOS_PER_MS }
  }
  if (typeof input !== 'string') return invalid(input, field)
  const match = ISO_WITH_OFFSET.exec(input)
  if (!match) {
    if (!ISO_WITHOUT_OFFSET.test(input)) return invalid(input, field)
    return {
      ok: false,
      problem: 'withoutOffset',
      messageEn: `${field} ${JSON.stringify(input)} has no offset; write it with Z or +08:00 (e.g. "${input.replace(' ', 'T')}${input.includes(':') ? '' : 'T00:00'}+08:00")`,
      messageZh: `${field} ${JSON.stringify(input)} 缺少时区偏移，含义不明确；请带上 Z 或 +08:00`,
    }
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone, sign, oh = '0', om = '0'] = match
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number]
  const offsetHours = Number(oh)
  const offsetMinutes = Number(om)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) {
    return invalid(input, field)
  }
  const offset = zone === 'Z' ? 0n : (sign === '-' ? -1n : 1n) * BigInt(offsetHours * 60 + offsetMinutes)
  return {
    ok: true,
    nanos:
      BigInt(daysFromCivil(year, month, day)) * NANOS_PER_DAY +
      BigInt(hour * 3600 + minute * 60 + second) * NANOS_PER_SECOND +
      BigInt(fraction.padEnd(9, '0') || '0') -
      offset * NANOS_PER_MINUTE,
  }
}

/** Nanoseconds since the epoch of a civil date at a fixed offset (period bounds). @internal */
export function civilToEpochNanos(year: number, month: number, day: number, offsetMinutes: number): bigint {
  return BigInt(daysFromCivil(year, month, day)) * NANOS_PER_DAY - BigInt(offsetMinutes) * NANOS_PER_MINUTE
}

/**
 * A `Date` for exact epoch nanoseconds, rounded down to the millisecond.
 * @example nanosToDate(1_500_000n).getTime() //=> 1
 */
export function nanosToDate(nanos: bigint): Date {
  const ms = nanos >= 0n ? nanos / NANOS_PER_MS : -((-nanos + NANOS_PER_MS - 1n) / NANOS_PER_MS)
  return new Date(Number(ms))
}

function invalid(value: unknown, field: string): InstantReading {
  const shown = value instanceof Date ? 'Invalid Date' : typeof value === 'string' ? JSON.stringify(value) : String(value)
  return {
    ok: false,
    problem: 'invalid',
    messageEn: `${field} must be a valid Date or an ISO-8601 date-time with an offset (e.g. "2026-04-01T09:00:00+08:00"), got ${shown}`,
    messageZh: `${field} 必须是有效的 Date 或带时区偏移的 ISO-8601 时间（如 "2026-04-01T09:00:00+08:00"），实际为 ${shown}`,
  }
}
