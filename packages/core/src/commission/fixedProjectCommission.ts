import type { Decimal, DecimalInput } from '../money/decimal.js'
import type { Money, MoneyInput } from '../money/money.js'
import { roundToFen } from '../money/round.js'
import { rangeText, readNonNegativeMoney, readRateInRange } from './inputs.js'
import { type CommissionPolicy, defaultCommissionPolicy } from './policy.js'
import { type CommissionTrace, withTrace } from './trace.js'

/** Input of {@link fixedProjectCommission}. */
export interface FixedProjectCommissionInput {
  /** Turnover of the project (流水), ≥ 0. */
  readonly turnover: MoneyInput
  /** Commission rate on turnover (提成比例), within `policy.fixedRateRange` (default [0.05, 0.1]). */
  readonly rate: DecimalInput
}

/** Result of {@link fixedProjectCommission}. */
export interface FixedProjectCommissionResult {
  readonly turnover: Money
  readonly rate: Decimal
  /** turnover × rate, exact. */
  readonly unrounded: Decimal
  /** The commission, rounded once to the fen. */
  readonly amount: Money
  /** How the amount came about (R-COM-8). */
  readonly trace: CommissionTrace
}

/**
 * Commission of a fixed project (公司固定项目提成: fixed meeting sponsorship, credit purchases and
 * other company-built platforms), R-COM-1: turnover (流水) × rate, the rate within
 * `policy.fixedRateRange` (default 5–10%).
 *
 * @throws {@link CommissionInputError} `COMMISSION.RATE_OUT_OF_RANGE` (R-COM-6) for a rate outside
 *   the range (field `rate`), `COMMISSION.NEGATIVE_AMOUNT` for a negative turnover
 *
 * @example
 * fixedProjectCommission({ turnover: '123,456.78', rate: '0.08' }).amount.toString() //=> '9876.54'
 * fixedProjectCommission({ turnover: '100000', rate: '0.12' }) //=> throws COMMISSION.RATE_OUT_OF_RANGE
 */
export function fixedProjectCommission(
  input: FixedProjectCommissionInput,
  policy: CommissionPolicy = defaultCommissionPolicy,
): FixedProjectCommissionResult {
  const turnover = readNonNegativeMoney(input.turnover, 'turnover')
  const rate = readRateInRange(input.rate, 'rate', policy.fixedRateRange) // R-COM-6
  const unrounded = turnover.times(rate) // R-COM-1
  const amount = roundToFen(unrounded, policy.rounding)
  return withTrace({ turnover, rate, unrounded, amount }, () => ({
    kind: 'fixedProject',
    rounding: policy.rounding,
    total: amount.toString(),
    steps: [
      {
        ruleId: 'R-COM-6',
        description: { zh: '提成比例在允许范围内', en: 'rate within its allowed range' },
        formula: 'min ≤ rate ≤ max',
        inputs: { rate: rate.toString(), range: rangeText(policy.fixedRateRange) },
        unrounded: null,
        amount: null,
      },
      {
        ruleId: 'R-COM-1',
        description: { zh: '公司固定项目提成 = 流水 × 提成比例', en: 'fixed-project commission = turnover × rate' },
        formula: 'turnover × rate',
        inputs: { turnover: turnover.toString(), rate: rate.toString() },
        unrounded: unrounded.toString(),
        amount: amount.toString(),
      },
    ],
  }))
}
