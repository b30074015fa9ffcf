import { type DecimalInput, toDecimal } from './decimal.js'
import { InvalidAmountError, MoneyErrorCode } from './errors.js'
import { Money } from './money.js'

/**
 * Splits an amount by ratios so that the parts always sum exactly to the whole (R-COM-7).
 *
 * Largest-remainder (Hamilton) allocation: each part first gets its exact share rounded
 * toward zero to the fen; the fen left over go one at a time to the parts with the largest
 * remainders, ties to the earlier part. So every part is within one fen of its exact share,
 * a zero ratio always gets zero, and the result depends only on the input.
 *
 * @param total - the amount to split
 * @param ratios - non-negative weights, at least one positive (`[1, 1, 1]`, `['0.25', '0.75']`)
 * @throws {@link InvalidAmountError} `MONEY.INVALID_RATIOS` for no ratios, a negative ratio or all zeros
 *
 * @example
 * allocate(Money.parse('100.00'), [1, 1, 1]).map(String) //=> ['33.34', '33.33', '33.33']
 */
export function allocate(total: Money, ratios: readonly DecimalInput[]): Money[] {
  const weights = ratios.map((ratio, index) => toDecimal(ratio, `ratios[${index}]`))
  if (weights.length === 0) throw invalidRatios('no ratios given', '未提供分配比例')
  const negativeIndex = weights.findIndex((weight) => weight.isNegative() && !weight.isZero())
  if (negativeIndex >= 0) {
    throw invalidRatios(`ratios[${negativeIndex}] is negative`, `ratios[${negativeIndex}] 为负数`)
  }
  if (weights.every((weight) => weight.isZero())) throw invalidRatios('all ratios are zero', '所有分配比例均为零')

  // Work in integers: scale every weight to a whole number, then each exact share is the
  // fraction (magnitude × weight) / weightSum, with no rounding anywhere.
  const scale = Math.max(...weights.map((weight) => weight.decimalPlaces()))
  const integerWeights = weights.map((weight) => BigInt(weight.toFixed(scale).replace('.', '')))
  const integerSum = integerWeights.reduce((sum, weight) => sum + weight, 0n)
  const sign = total.fen < 0n ? -1n : 1n
  const magnitude = total.fen * sign
  const shares = integerWeights.map((weight, index) => ({
    index,
    fen: (magnitude * weight) / integerSum,
    remainder: (magnitude * weight) % integerSum,
  }))
  let leftover = magnitude - shares.reduce((sum, share) => sum + share.fen, 0n)
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  )
  // leftover < number of parts with a non-zero remainder, so one pass hands it all out.
  for (const share of byRemainder) {
    if (leftover === 0n) break
    share.fen += 1n
    leftover -= 1n
  }
  return shares.map((share) => Money.fromFen(share.fen * sign))
}

function invalidRatios(en: string, zh: string): InvalidAmountError {
  return new InvalidAmountError({
    code: MoneyErrorCode.INVALID_RATIOS,
    field: 'ratios',
    ruleId: 'R-COM-7',
    messageEn: `cannot allocate: ${en}; ratios must be non-negative with at least one above zero`,
    messageZh: `无法分配：${zh}；分配比例须为非负数且至少一个大于零`,
  })
}
