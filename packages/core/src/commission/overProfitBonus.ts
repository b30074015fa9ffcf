import { Decimal } from '../money/decimal.js'
import { constantDecimal } from './inputs.js'
import { defineLazy, memo } from './lazy.js'
import type { Money, MoneyInput } from '../money/money.js'
import { roundToFen } from '../money/round.js'
import { compareMargin, fullStepsAbove, marginText, type ProjectFigures, profitMargin, readProjectFigures } from './margin.js'
import { type CommissionPolicy, defaultCommissionPolicy, type OverProfitBonusMode } from './policy.js'
import { type CommissionTrace, type LazyStep, withTrace } from './trace.js'

/** Input of {@link overProfitBonus}: the project's revenue (收入, ≥ 0) and profit (利润, ≤ revenue). */
export interface OverProfitBonusInput {
  readonly revenue: MoneyInput
  readonly profit: MoneyInput
}

/** Result of {@link overProfitBonus}. */
export interface OverProfitBonusResult {
  readonly mode: OverProfitBonusMode
  readonly revenue: Money
  readonly profit: Money
  /** profit ÷ revenue (利润率), or null when revenue is zero. */
  readonly margin: Decimal | null
  /** True when the margin is strictly above the threshold. */
  readonly aboveThreshold: boolean
  /** Full steps above the threshold (超额档数), in either mode; what `stepwise` pays on. */
  readonly steps: number
  /** The exact bonus before rounding. */
  readonly unrounded: Decimal
  /** The bonus rounded once to the fen (超额利润奖励). */
  readonly amount: Money
  /** How the amount came about (R-COM-8). */
  readonly trace: CommissionTrace
}

/** @internal The bonus of validated figures, and its trace step (built when read). */
export function computeOverProfitBonus(
  figures: ProjectFigures,
  policy: CommissionPolicy,
  margin: () => Decimal | null = memo(() => profitMargin(figures)),
): Omit<OverProfitBonusResult, 'trace' | 'margin'> & { margin: () => Decimal | null; step: LazyStep } {
  const { threshold: thresholdText, step: stepText, share: shareText, mode } = policy.overProfitBonus
  const threshold = constantDecimal(thresholdText)
  const stepWidth = constantDecimal(stepText)
  const share = constantDecimal(shareText)
  const { revenue, profit } = figures
  const aboveThreshold = !revenue.isZero() && compareMargin(figures, threshold) > 0
  const steps = fullStepsAbove(figures, threshold, stepWidth) // R-COM-4, exact at every boundary
  const unrounded = !aboveThreshold
    ? new Decimal(0)
    : mode === 'stepwise'
      ? share.times(steps).times(stepWidth).times(revenue.yuan)
      : share.times(profit.yuan.minus(threshold.times(revenue.yuan)))
  const amount = roundToFen(unrounded, policy.rounding)
  const inputs = (): Record<string, string> => ({
    revenue: revenue.toString(),
    profit: profit.toString(),
    margin: marginText(margin()) ?? 'n/a',
    threshold: thresholdText,
    step: stepText,
    share: shareText,
    steps: String(steps),
  })
  const step: LazyStep = () =>
    mode === 'stepwise'
      ? {
          ruleId: 'R-COM-4',
          description: {
            zh: `超额利润奖励（按档）：利润率超过 ${percent(threshold)} 后每满 ${percent(stepWidth)} 为一档，共 ${steps} 档，按增加部分的 ${percent(share)} 奖励`,
            en: `over-profit bonus (stepwise): ${steps} full step(s) of ${percent(stepWidth)} above ${percent(threshold)}, ${percent(share)} of the added profit`,
          },
          formula: 'share × steps × step × revenue, steps = largest k with profit ≥ (threshold + k × step) × revenue',
          inputs: inputs(),
          unrounded: unrounded.toString(),
          amount: amount.toString(),
        }
      : {
          ruleId: 'R-COM-4',
          description: {
            zh: `超额利润奖励（连续）：利润超过收入 ${percent(threshold)} 的部分的 ${percent(share)}`,
            en: `over-profit bonus (continuous): ${percent(share)} of the profit above ${percent(threshold)} of revenue`,
          },
          formula: 'share × (profit − threshold × revenue), 0 when margin ≤ threshold',
          inputs: inputs(),
          unrounded: unrounded.toString(),
          amount: amount.toString(),
        }
  return { mode, revenue, profit, margin, aboveThreshold, steps, unrounded, amount, step }
}

/**
 * Over-profit bonus (超额利润奖励), R-COM-4: when the margin exceeds the threshold (default 40%),
 * for each full step (default 5 percentage points) above it, a share (default 20%) of that added
 * profit. `stepwise` (default): `share × steps × step × revenue`; `continuous`:
 * `share × (profit − threshold × revenue)`. Zero when the margin is at or below the threshold.
 *
 * The step count is exact at every boundary: it is the largest integer k with
 * `profit ≥ (threshold + k × step) × revenue`, confirmed by exact integer multiplication — at a
 * margin of exactly 45% there is exactly one step, one fen less gives none.
 *
 * @throws {@link CommissionInputError} `COMMISSION.NEGATIVE_AMOUNT` (revenue),
 *   `COMMISSION.PROFIT_EXCEEDS_REVENUE` (profit)
 *
 * @example
 * const bonus = overProfitBonus({ revenue: '1000000', profit: '450000' })
 * bonus.steps //=> 1
 * bonus.amount.toString() //=> '10000.00'
 * overProfitBonus({ revenue: '1000000', profit: '449999.99' }).steps //=> 0
 */
export function overProfitBonus(input: OverProfitBonusInput, policy: CommissionPolicy = defaultCommissionPolicy): OverProfitBonusResult {
  const figures = readProjectFigures(input)
  const { step, margin, ...result } = computeOverProfitBonus(figures, policy)
  const withMargin = defineLazy(result, 'margin', margin)
  return withTrace(withMargin, () => ({
    kind: 'overProfitBonus',
    steps: [step()],
    margin: marginText(withMargin.margin),
    bonusSteps: result.steps,
    rounding: policy.rounding,
    total: result.amount.toString(),
  }))
}

/** @internal A rate as a percentage for descriptions: `0.05` → `5%`. */
export function percent(rate: Decimal): string {
  return `${rate.times(100).toString()}%`
}
