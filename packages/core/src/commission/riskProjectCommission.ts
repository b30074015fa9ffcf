import { Decimal } from '../money/decimal.js'
import { Money, type MoneyInput } from '../money/money.js'
import { roundToFen } from '../money/round.js'
import { constantDecimal, readMoney } from './inputs.js'
import { type CommissionPolicy, defaultCommissionPolicy } from './policy.js'
import { type CommissionTrace, withTrace } from './trace.js'

/** Input of {@link riskProjectCommission}. */
export interface RiskProjectCommissionInput {
  /** Profit of the project (利润); may be zero or negative (a loss). */
  readonly profit: MoneyInput
}

/** Result of {@link riskProjectCommission}. */
export interface RiskProjectCommissionResult {
  /** `due` when the profit is positive; `noProfit` when it is zero or a loss (无利润不提成). */
  readonly outcome: 'due' | 'noProfit'
  readonly profit: Money
  readonly rate: Decimal
  /** profit × rate, or 0 without profit. */
  readonly unrounded: Decimal
  /** The commission rounded once to the fen; never negative. */
  readonly amount: Money
  /** How the amount came about (R-COM-5, R-COM-8). */
  readonly trace: CommissionTrace
}

/**
 * Commission of a risk project (风险性项目提成), R-COM-5: `policy.riskRate` (default 10%) of the
 * profit. No profit, no commission: a zero or negative profit gives zero — never a negative
 * amount — and the trace says why.
 *
 * @example
 * riskProjectCommission({ profit: '12345.67' }).amount.toString() //=> '1234.57'
 * riskProjectCommission({ profit: '-500' }).outcome //=> 'noProfit'
 * riskProjectCommission({ profit: '-500' }).amount.toString() //=> '0.00'
 */
export function riskProjectCommission(
  input: RiskProjectCommissionInput,
  policy: CommissionPolicy = defaultCommissionPolicy,
): RiskProjectCommissionResult {
  const profit = readMoney(input.profit, 'profit')
  const rate = constantDecimal(policy.riskRate)
  const due = profit.isPositive() // R-COM-5: never negative
  const unrounded = due ? profit.times(rate) : new Decimal(0)
  const amount = due ? roundToFen(unrounded, policy.rounding) : Money.ZERO
  const outcome = due ? 'due' : 'noProfit'
  return withTrace({ outcome, profit, rate, unrounded, amount }, () => ({
    kind: 'riskProject',
    rounding: policy.rounding,
    total: amount.toString(),
    steps: [
      due
        ? {
            ruleId: 'R-COM-5',
            description: { zh: '风险性项目提成 = 利润 × 提成比例', en: 'risk-project commission = profit × rate' },
            formula: 'profit × riskRate',
            inputs: { profit: profit.toString(), riskRate: policy.riskRate },
            unrounded: unrounded.toString(),
            amount: amount.toString(),
          }
        : {
            ruleId: 'R-COM-5',
            description: {
              zh: `利润为 ${profit.toString()}，无利润不提成，提成为 0`,
              en: `profit is ${profit.toString()}: no profit, no commission; commission is 0`,
            },
            formula: 'profit ≤ 0 ⇒ 0',
            inputs: { profit: profit.toString(), riskRate: policy.riskRate },
            unrounded: '0',
            amount: amount.toString(),
          },
    ],
  }))
}
