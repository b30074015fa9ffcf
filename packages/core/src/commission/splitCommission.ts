import { Decimal } from '../money/decimal.js'
import { allocate } from '../money/allocate.js'
import { Money, type MoneyInput } from '../money/money.js'
import { type Person, readMoney, readShares, type Share, type ShareInput } from './inputs.js'
import { type CommissionPolicy, defaultCommissionPolicy } from './policy.js'
import { type CommissionTrace, type LazyStep, withTrace } from './trace.js'

/** One person's part of a split commission (分配结果). */
export interface CommissionPart {
  readonly person: Person
  readonly ratio: Decimal
  readonly amount: Money
}

/** Result of {@link splitCommission}. */
export interface SplitCommissionResult {
  /** The amount split; the parts sum exactly to it. */
  readonly total: Money
  /** The parts, in the order of the shares. */
  readonly parts: readonly CommissionPart[]
  /** How the parts came about (R-COM-7, R-COM-8). */
  readonly trace: CommissionTrace
}

/** @internal Allocates validated shares and explains each part. */
export function allocateShares(total: Money, shares: readonly Share[], what: { zh: string; en: string }): { parts: CommissionPart[]; steps: LazyStep[] } {
  const amounts = allocate(
    total,
    shares.map((share) => share.ratio),
  ) // R-COM-7: largest remainder, sums exactly
  const parts = shares.map((share, index) => Object.freeze({ person: share.person, ratio: share.ratio, amount: amounts[index] ?? Money.ZERO }))
  const ratioSum = (): Decimal => shares.reduce((sum, share) => sum.plus(share.ratio), new Decimal(0))
  const steps = parts.map(
    (part): LazyStep =>
      () => ({
        ruleId: 'R-COM-7',
        description: {
          zh: `${what.zh}按比例分配（最大余额法，各份合计与总额分毫不差）`,
          en: `${what.en} split by ratio (largest remainder; the parts sum exactly to the whole)`,
        },
        formula: 'total × ratio ÷ Σratios, remainders to the largest fractions',
        inputs: { total: total.toString(), ratio: part.ratio.toString(), ratioSum: ratioSum().toString() },
        unrounded: total.yuan.times(part.ratio).dividedBy(ratioSum()).toString(),
        amount: part.amount.toString(),
        person: part.person,
      }),
  )
  return { parts, steps }
}

/**
 * Splits one commission among several people by ratios (提成分配), R-COM-7: largest-remainder
 * allocation through `allocate`, so the parts always sum exactly to the whole, to the fen.
 *
 * @param amount - the commission to split
 * @param shares - who gets a part and their ratio (any non-negative weights, at least one > 0; each person once)
 * @throws {@link CommissionInputError} `COMMISSION.INVALID_SHARES` (empty, negative or all-zero
 *   ratios), `COMMISSION.INVALID_PERSON`, `COMMISSION.DUPLICATE_PERSON`
 *
 * @example
 * splitCommission('100.00', [{ person: '张三', ratio: 1 }, { person: '李四', ratio: 1 }, { person: '王五', ratio: 1 }])
 *   .parts.map((part) => part.amount.toString()) //=> ['33.34', '33.33', '33.33']
 */
export function splitCommission(
  amount: MoneyInput,
  shares: readonly ShareInput[],
  policy: CommissionPolicy = defaultCommissionPolicy,
): SplitCommissionResult {
  const total = readMoney(amount, 'amount')
  const validShares = readShares(shares, 'shares')
  const { parts, steps } = allocateShares(total, validShares, { zh: '提成', en: 'commission' })
  return withTrace({ total, parts: Object.freeze(parts) }, () => ({
    kind: 'split',
    steps: steps.map((step) => step()),
    rounding: policy.rounding,
    total: total.toString(),
  }))
}
