import fc from 'fast-check'

import { Money } from '../../src/money/money.js'

/** Any amount of fen in ±10^15 yuan (well beyond any real contract). */
export const fenArb = fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n })

/** Non-negative amounts of fen. */
export const nonNegativeFenArb = fc.bigInt({ min: 0n, max: 10n ** 17n })

/** Any Money value. */
export const moneyArb = fenArb.map((fen) => Money.fromFen(fen))

/** Non-negative Money values. */
export const nonNegativeMoneyArb = nonNegativeFenArb.map((fen) => Money.fromFen(fen))

/** Allocation ratios: 1–12 non-negative integers, at least one positive. */
export const ratiosArb = fc
  .array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 })
  .filter((ratios) => ratios.some((ratio) => ratio > 0))
