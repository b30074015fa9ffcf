/**
 * Exact profit-margin arithmetic (利润率), internal. Every decision against a margin — the
 * strategic gate (R-COM-3), the bonus threshold and its steps (R-COM-4) — compares
 * `profit` with `rate × revenue` in whole fen and integers, never a rounded division.
 * @internal
 * @module
 */
import { Decimal } from '../money/decimal.js'
import { Money, type MoneyInput } from '../money/money.js'
import { CommissionErrorCode, CommissionInputError } from './errors.js'
import { readMoney, readNonNegativeMoney } from './inputs.js'

/** Revenue and profit of a project, validated. */
export interface ProjectFigures {
  readonly revenue: Money
  readonly profit: Money
}

/**
 * Reads revenue (≥ 0) and profit (any sign, ≤ revenue) of a project.
 * @throws {@link CommissionInputError} `COMMISSION.NEGATIVE_AMOUNT` (field `revenue`),
 *   `COMMISSION.PROFIT_EXCEEDS_REVENUE` (field `profit`)
 */
export function readProjectFigures(input: { readonly revenue: MoneyInput; readonly profit: MoneyInput }): ProjectFigures {
  const revenue = readNonNegativeMoney(input.revenue, 'revenue')
  const profit = readMoney(input.profit, 'profit')
  if (profit.compare(revenue) > 0) {
    throw new CommissionInputError({
      code: CommissionErrorCode.PROFIT_EXCEEDS_REVENUE,
      field: 'profit',
      messageEn: `profit ${profit.toString()} exceeds revenue ${revenue.toString()}, which would mean negative costs`,
      messageZh: `利润 ${profit.toString()} 大于收入 ${revenue.toString()}，意味着成本为负`,
      details: { profit: profit.toString(), revenue: revenue.toString() },
    })
  }
  return { revenue, profit }
}

/** A decimal as an exact fraction numerator / 10^scale. */
interface Scaled {
  readonly numerator: bigint
  readonly scale: bigint
  readonly places: number
}

const POWERS: bigint[] = []

/** 10^places as a bigint, each power made once. */
export function powerOfTen(places: number): bigint {
  return (POWERS[places] ??= 10n ** BigInt(places))
}

// Policy rates are shared Decimal instances (see constantDecimal), so their fractions are kept.
const SCALED = new WeakMap<Decimal, Scaled>()

function scaled(value: Decimal): Scaled {
  const known = SCALED.get(value)
  if (known !== undefined) return known
  const places = value.decimalPlaces()
  const result = { numerator: BigInt(value.toFixed(places).replace('.', '')), scale: powerOfTen(places), places }
  SCALED.set(value, result)
  return result
}

/**
 * Compares `profit` with `rate × revenue` exactly: -1, 0 or 1 as the margin is below, at, or
 * above `rate` (for revenue > 0).
 */
export function compareMargin(figures: ProjectFigures, rate: Decimal): -1 | 0 | 1 {
  const { numerator, scale } = scaled(rate)
  const left = figures.profit.fen * scale
  const right = numerator * figures.revenue.fen
  return left < right ? -1 : left > right ? 1 : 0
}

/**
 * The number of full steps above the threshold: the largest integer k ≥ 0 with
 * `profit ≥ (threshold + k·step) × revenue`, or 0 when the margin does not exceed the threshold.
 * An integer division gives the candidate; exact multiplications confirm or adjust it.
 */
export function fullStepsAbove(figures: ProjectFigures, threshold: Decimal, step: Decimal): number {
  if (figures.revenue.isZero() || compareMargin(figures, threshold) <= 0) return 0
  const t0 = scaled(threshold)
  const s0 = scaled(step)
  const places = Math.max(t0.places, s0.places)
  const scale = powerOfTen(places)
  const t = t0.numerator * powerOfTen(places - t0.places)
  const s = s0.numerator * powerOfTen(places - s0.places)
  const profit = figures.profit.fen * scale
  const revenue = figures.revenue.fen
  const reaches = (k: bigint): boolean => profit >= (t + k * s) * revenue
  let k = (profit - t * revenue) / (s * revenue) // candidate
  while (k > 0n && !reaches(k)) k -= 1n
  while (reaches(k + 1n)) k += 1n
  return Number(k)
}

/** The margin profit ÷ revenue for display (exact when it terminates), or null for zero revenue. */
export function profitMargin(figures: ProjectFigures): Decimal | null {
  if (figures.revenue.isZero()) return null
  return new Decimal(figures.profit.fen.toString()).dividedBy(new Decimal(figures.revenue.fen.toString()))
}

/** A margin as text for traces: exact when short, otherwise truncated to 12 places with `…`. */
export function marginText(margin: Decimal | null): string | null {
  if (margin === null) return null
  if (margin.decimalPlaces() <= 12) return margin.toString()
  return `${margin.toDecimalPlaces(12, Decimal.ROUND_DOWN).toString()}…`
}

/** A margin as a percentage for descriptions: `0.45` → `45%`, long ones truncated with `…`. */
export function marginPercentText(margin: Decimal | null): string {
  if (margin === null) return 'n/a'
  const percent = margin.times(100)
  if (percent.decimalPlaces() <= 10) return `${percent.toString()}%`
  return `${percent.toDecimalPlaces(10, Decimal.ROUND_DOWN).toString()}…%`
}
