import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { Decimal } from './decimal.js'
import { roundToFen } from './round.js'

describe('roundToFen — half-up (四舍五入) at final amounts', () => {
  it.each([
    ['0.125', '0.13'],
    ['0.124999', '0.12'],
    ['-0.125', '-0.13'],
    ['2.675', '2.68'],
    ['1.005', '1.01'],
    ['0', '0.00'],
  ])('rounds %s to %s', (input, expected) => {
    expect(roundToFen(input).toString()).toBe(expected)
  })

  it('offers half-even, down and up for companies that use them', () => {
    expect(roundToFen('0.125', 'halfEven').toString()).toBe('0.12')
    expect(roundToFen('0.135', 'halfEven').toString()).toBe('0.14')
    expect(roundToFen('0.129', 'down').toString()).toBe('0.12')
    expect(roundToFen('0.121', 'up').toString()).toBe('0.13')
  })

  it('is within half a fen of the exact value and idempotent', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.nat({ max: 9999 }), (fen, tenThousandths) => {
        const exact = new Decimal(fen.toString()).plus(new Decimal(tenThousandths).dividedBy(10000)).dividedBy(100)
        const rounded = roundToFen(exact)
        expect(rounded.yuan.minus(exact).abs().lessThanOrEqualTo('0.005')).toBe(true)
        expect(roundToFen(rounded.yuan).equals(rounded)).toBe(true)
      }),
    )
  })

  it('is monotone: a larger exact value never rounds to a smaller amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        const lowRounded = roundToFen(new Decimal(low).dividedBy(1000))
        const highRounded = roundToFen(new Decimal(high).dividedBy(1000))
        expect(lowRounded.compare(highRounded)).toBeLessThanOrEqual(0)
      }),
    )
  })
})
