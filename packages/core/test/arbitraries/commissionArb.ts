import fc from 'fast-check'

import { Money } from '../../src/money/money.js'

/** Writes `value / 10^places` as an exact decimal string (`scaledDecimal(-5n, 2)` → `'-0.05'`). */
export function scaledDecimal(value: bigint, places: number): string {
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0')
  const whole = digits.slice(0, digits.length - places)
  const fraction = digits.slice(digits.length - places)
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`
}

const PLACES = 6
const SCALE = 10n ** BigInt(PLACES)

function toScaled(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.')
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(PLACES, '0').slice(0, PLACES))
}

/** Decimal strings (6 places) inside the inclusive range [min, max]. */
export function rateInRangeArb(range: { readonly min: string; readonly max: string }): fc.Arbitrary<string> {
  return fc.bigInt({ min: toScaled(range.min), max: toScaled(range.max) }).map((value) => scaledDecimal(value, PLACES))
}

/** Decimal strings (6 places) outside the range: below min (down to −1) or above max (up to max + 10). */
export function rateOutOfRangeArb(range: { readonly min: string; readonly max: string }): fc.Arbitrary<string> {
  const min = toScaled(range.min)
  const max = toScaled(range.max)
  return fc
    .oneof(fc.bigInt({ min: -SCALE, max: min - 1n }), fc.bigInt({ min: max + 1n, max: max + 10n * SCALE }))
    .map((value) => scaledDecimal(value, PLACES))
}

/** A person: an employee ID such as `E0042`. */
export const personArb = fc.nat({ max: 9999 }).map((n) => `E${String(n).padStart(4, '0')}`)

/** Positive revenues in fen, up to 10^11 yuan. */
export const revenueFenArb = fc.bigInt({ min: 1n, max: 10n ** 13n })

/** A project's revenue > 0 and a profit in [−revenue, revenue], as Money. */
export const projectFiguresArb = revenueFenArb.chain((revenue) =>
  fc.bigInt({ min: -revenue, max: revenue }).map((profit) => ({ revenue: Money.fromFen(revenue), profit: Money.fromFen(profit) })),
)

/** Revenue > 0 and two profits p1 ≤ p2 in [−revenue, revenue], as Money. */
export const projectWithTwoProfitsArb = revenueFenArb.chain((revenue) =>
  fc
    .tuple(fc.bigInt({ min: -revenue, max: revenue }), fc.bigInt({ min: -revenue, max: revenue }))
    .map(([a, b]) => ({
      revenue: Money.fromFen(revenue),
      lower: Money.fromFen(a < b ? a : b),
      higher: Money.fromFen(a < b ? b : a),
    })),
)
