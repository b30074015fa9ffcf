import { SHANGHAI_UTC_OFFSET_MS } from '../calendar/shanghaiTime.js'
import { describeValue } from '../input/index.js'
import { KpiErrorCode, KpiInputError } from './errors.js'
import { civilToEpochNanos, type InstantInput, nanosToDate, readInstant } from './instant.js'

/** Asia/Shanghai's offset from UTC in minutes: a fixed +08:00, exact for every date since 1992 (no DST since 1991). */
export const SHANGHAI_OFFSET_MINUTES = SHANGHAI_UTC_OFFSET_MS / 60_000

/** First and last year a period may be in: 1992 (Shanghai has had a fixed +08:00 since) to 9999. */
export const KPI_PERIOD_YEARS = Object.freeze({ min: 1992, max: 9999 })

interface PeriodCommon {
  /** Canonical text of the period: `'2026-07'`, `'2026-Q3'`, `'2026'`. */
  readonly label: string
  readonly year: number
  /** First instant of the period (inclusive): 00:00 Asia/Shanghai on its first day, as UTC. */
  readonly start: Date
  /** First instant after the period (exclusive): 00:00 Asia/Shanghai on the next period's first day. */
  readonly end: Date
}

/** An assessment period (考核周期) in Asia/Shanghai: a month, a quarter or a year; the half-open range [start, end). */
export type KpiPeriod =
  | (PeriodCommon & { readonly kind: 'month'; readonly month: number })
  | (PeriodCommon & { readonly kind: 'quarter'; readonly quarter: 1 | 2 | 3 | 4 })
  | (PeriodCommon & { readonly kind: 'year' })

/** A period as accepted by the KPI functions: its text (`'2026-Q3'`) or a parsed {@link KpiPeriod}. */
export type KpiPeriodInput = string | KpiPeriod

const PERIOD_PATTERN = /^(\d{4})(?:-(\d{2})|-Q(\d))?$/

/**
 * Parses a period (考核周期): `'YYYY-MM'` (month), `'YYYY-Qn'` (quarter, n = 1..4) or `'YYYY'`
 * (year), in Asia/Shanghai, strictly (no spaces, lower-case `q`, single-digit months).
 *
 * @throws {@link KpiInputError} `KPI.INVALID_PERIOD` naming `field`
 *
 * @example
 * const q2 = parseKpiPeriod('2026-Q2')
 * q2.start.toISOString() //=> '2026-03-31T16:00:00.000Z'
 * q2.end.toISOString() //=> '2026-06-30T16:00:00.000Z'
 * parseKpiPeriod('2026-07').kind //=> 'month'
 */
export function parseKpiPeriod(text: string, field = 'period'): KpiPeriod {
  return periodRange(text, field).period
}

/**
 * Whether an instant lies in a period: start ≤ instant < end.
 *
 * @throws {@link KpiInputError} `KPI.INVALID_INSTANT`, `KPI.INSTANT_WITHOUT_OFFSET`, `KPI.INVALID_PERIOD`
 *
 * @example
 * isInPeriod('2026-03-31T16:00:00Z', '2026-Q2') //=> true   (2026-04-01 00:00 in Shanghai)
 * isInPeriod('2026-03-31T15:59:59.999Z', '2026-Q2') //=> false
 * isInPeriod('2026-07-01T00:00:00+08:00', '2026-Q2') //=> false (the end is exclusive)
 */
export function isInPeriod(instant: InstantInput, period: KpiPeriodInput): boolean {
  const range = periodRange(period, 'period')
  const at = readInstant(instant, 'instant')
  return at >= range.startNanos && at < range.endNanos
}

/** @internal a parsed period with exact bounds in epoch nanoseconds. */
export interface PeriodRange {
  readonly period: KpiPeriod
  readonly startNanos: bigint
  readonly endNanos: bigint
}

/** @internal reads a period given as text or as a parsed period (whose label is re-read). */
export function periodRange(input: unknown, field: string): PeriodRange {
  let text: unknown = input
  if (typeof input === 'object' && input !== null && 'label' in input) text = (input as { label: unknown }).label
  if (typeof text !== 'string') throw invalidPeriod(input, field)
  const match = PERIOD_PATTERN.exec(text)
  if (!match) throw invalidPeriod(input, field)
  const [, y, mo, q] = match
  const year = Number(y)
  if (year < KPI_PERIOD_YEARS.min || year > KPI_PERIOD_YEARS.max) throw invalidPeriod(input, field)
  let firstMonth: number
  let months: number
  let period: KpiPeriod
  const bounds = (first: number, count: number): { start: bigint; end: bigint } => {
    const endMonthIndex = first - 1 + count
    return {
      start: civilToEpochNanos(year, first, 1, SHANGHAI_OFFSET_MINUTES),
      end: civilToEpochNanos(year + Math.floor(endMonthIndex / 12), (endMonthIndex % 12) + 1, 1, SHANGHAI_OFFSET_MINUTES),
    }
  }
  if (mo !== undefined) {
    firstMonth = Number(mo)
    months = 1
    if (firstMonth < 1 || firstMonth > 12) throw invalidPeriod(input, field)
  } else if (q !== undefined) {
    const quarter = Number(q)
    if (quarter < 1 || quarter > 4) throw invalidPeriod(input, field)
    firstMonth = (quarter - 1) * 3 + 1
    months = 3
  } else {
    firstMonth = 1
    months = 12
  }
  const { start, end } = bounds(firstMonth, months)
  const common = { label: text, year, start: nanosToDate(start), end: nanosToDate(end) }
  if (mo !== undefined) period = Object.freeze({ ...common, kind: 'month', month: firstMonth })
  else if (q !== undefined) period = Object.freeze({ ...common, kind: 'quarter', quarter: Number(q) as 1 | 2 | 3 | 4 })
  else period = Object.freeze({ ...common, kind: 'year' })
  return { period, startNanos: start, endNanos: end }
}

function invalidPeriod(value: unknown, field: string): KpiInputError {
  return new KpiInputError({
    code: KpiErrorCode.INVALID_PERIOD,
    field,
    messageEn: `${field} must be a month "YYYY-MM", a quarter "YYYY-Qn" or a year "YYYY" between ${KPI_PERIOD_YEARS.min} and ${KPI_PERIOD_YEARS.max}, got ${describeValue(value)}`,
    messageZh: `${field}（考核周期）必须是月 "YYYY-MM"、季度 "YYYY-Qn" 或年 "YYYY"，年份在 ${KPI_PERIOD_YEARS.min}–${KPI_PERIOD_YEARS.max} 之间，实际为 ${describeValue(value)}`,
    details: { value: describeValue(value) },
  })
}
