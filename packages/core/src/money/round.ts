import type DecimalJs from 'decimal.js'

import { Decimal, type DecimalInput, toDecimal } from './decimal.js'
import { Money } from './money.js'

/**
 * How an amount is rounded to the fen. `halfUp` (四舍五入, away from zero at .5) is the
 * regulations' rule for final amounts; the others exist for companies whose finance
 * department uses them.
 */
export type RoundingMode = 'halfUp' | 'halfEven' | 'down' | 'up'

const MODES: Record<RoundingMode, DecimalJs.Rounding> = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
}

/**
 * Rounds an exact yuan value to the fen, once, at a final amount.
 *
 * @param yuan - the unrounded amount in yuan
 * @param mode - rounding mode; default `halfUp` (四舍五入)
 *
 * @example
 * roundToFen('0.125').toString() //=> '0.13'
 * roundToFen('-0.125').toString() //=> '-0.13'
 * roundToFen('0.125', 'halfEven').toString() //=> '0.12'
 */
export function roundToFen(yuan: DecimalInput, mode: RoundingMode = 'halfUp'): Money {
  // Rounded to two places in one step; the digits without the point are the fen.
  const text = toDecimal(yuan, 'yuan').toFixed(2, MODES[mode])
  return Money.fromFen(BigInt(text.replace('.', '')))
}
