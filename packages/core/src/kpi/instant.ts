import { daysFromCivil, daysInMonth } from '../calendar/civilDay.js'
import { describeValue, KpiErrorCode, KpiInputError } from './errors.js'

/**
 * An instant (时间点) as accepted by the KPI and tiering functions: a valid `Date`, or an ISO-8601
 * date-time text with an explicit offset or `Z` (`'2026-04-01T00:00:00+08:00'`,
 * `'2026-03-31T16:00:00Z'`, fractions of a second up to nanoseconds). Text without an offset is
 * refused: it would be read in some unknown zone.
 */
export type InstantInput = Date | string

const NANOS_PER_MS = 1_000_000n
const NANOS_PER_SECOND = 1_000_000_000n
const NANOS_PER_MINUTE = 60n * NANOS_PER_SECOND
const NANOS_PER_DAY = 86_400n * NANOS_PER_SECOND

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/
const ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/

/**
 * Reads an instant into exact nanoseconds since 1970-01-01T00:00:00Z. Never depends on the
 * process time zone.
 *
 * @throws {@link KpiInputError} `KPI.INVALID_INSTANT` or `KPI.INSTANT_WITHOUT_OFFSET` naming `field`
 *
 * @example
 * readInstant('1970-01-01T08:00:00+08:00', 'at') //=> 0n
 * readInstant(new Date(1), 'at') //=> 1000000n
 */
export function readInstant(input: unknown, field: string): bigint {
  if (input instanceof Date) {
    const ms = input.getTime()
    if (Number.isNaN(ms)) throw invalidInstant(input, field)
    return BigInt(ms) * NANOS_PER_MS
  }
  if (typeof input !== 'string') throw invalidInstant(input, field)
  const match = ISO_WITH_OFFSET.exec(input)
  if (!match) {
    if (ISO_WITHOUT_OFFSET.test(input)) {
      throw new KpiInputError({
        code: KpiErrorCode.INSTANT_WITHOUT_OFFSET,
        field,
        messageEn: `${field} ${JSON.stringify(input)} has no offset; write it with Z or +08:00 (e.g. "${input.replace(' ', 'T')}${input.includes(':') ? '' : 'T00:00'}+08:00")`,
        messageZh: `${field} ${JSON.stringify(input)} 缺少时区偏移，含义不明确；请带上 Z 或 +08:00`,
        details: { value: input },
      })
    }
    throw invalidInstant(input, field)
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone, sign, oh = '0', om = '0'] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  const offsetHours = Number(oh)
  const offsetMinutes = Number(om)
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 14 ||
    offsetMinutes > 59
  ) {
    throw invalidInstant(input, field)
  }
  const offset = zone === 'Z' ? 0n : (sign === '-' ? -1n : 1n) * BigInt(offsetHours * 60 + offsetMinutes)
  return (
    BigInt(daysFromCivil(year, month, day)) * NANOS_PER_DAY +
    BigInt(hour * 3600 + minute * 60 + second) * NANOS_PER_SECOND +
    BigInt(fraction.padEnd(9, '0') || '0') -
    offset * NANOS_PER_MINUTE
  )
}

/**
 * Nanoseconds since the epoch of a civil date-time at a fixed offset (used for period bounds).
 * @internal
 */
export function civilToEpochNanos(year: number, month: number, day: number, offsetMinutes: number): bigint {
  return BigInt(daysFromCivil(year, month, day)) * NANOS_PER_DAY - BigInt(offsetMinutes) * NANOS_PER_MINUTE
}

/**
 * A `Date` for exact epoch nanoseconds (rounded down to the millisecond).
 * @internal
 */
export function nanosToDate(nanos: bigint): Date {
  const ms = nanos >= 0n ? nanos / NANOS_PER_MS : -((-nanos + NANOS_PER_MS - 1n) / NANOS_PER_MS)
  return new Date(Number(ms))
}

function invalidInstant(value: unknown, field: string): KpiInputError {
  return new KpiInputError({
    code: KpiErrorCode.INVALID_INSTANT,
    field,
    messageEn: `${field} must be a valid Date or an ISO-8601 date-time with an offset (e.g. "2026-04-01T09:00:00+08:00"), got ${describeValue(value)}`,
    messageZh: `${field} 必须是有效的 Date 或带时区偏移的 ISO-8601 时间（如 "2026-04-01T09:00:00+08:00"），实际为 ${describeValue(value)}`,
    details: { value: describeValue(value) },
  })
}
