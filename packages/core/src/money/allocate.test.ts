import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { moneyArb, ratiosArb } from '../../test/arbitraries/moneyArb.js'
import { allocate } from './allocate.js'
import { Decimal } from './decimal.js'
import { InvalidAmountError, MoneyErrorCode } from './errors.js'
import { Money } from './money.js'

describe('allocate — largest-remainder split (R-COM-7)', () => {
  it('splits ¥100.00 three ways as 33.34 / 33.33 / 33.33', () => {
    expect(allocate(Money.parse('100.00'), [1, 1, 1]).map(String)).toEqual(['33.34', '33.33', '33.33'])
  })

  it('gives the leftover fen to the largest remainders, not to the first part', () => {
    // exact shares: 0.0333…, 0.0666… → the second part has the larger remainder
    expect(allocate(Money.parse('0.10'), [1, 2]).map(String)).toEqual(['0.03', '0.07'])
  })

  it('accepts decimal ratios as text', () => {
    expect(allocate(Money.parse('1000.01'), ['0.25', '0.75']).map(String)).toEqual(['250.00', '750.01'])
  })

  it('splits negative amounts symmetrically', () => {
    expect(allocate(Money.parse('-100.00'), [1, 1, 1]).map(String)).toEqual(['-33.34', '-33.33', '-33.33'])
  })

  it('always sums exactly to the whole (R-COM-7)', () => {
    fc.assert(
      fc.property(moneyArb, ratiosArb, (total, ratios) => {
        const parts = allocate(total, ratios)
        expect(parts).toHaveLength(ratios.length)
        expect(parts.reduce((sum, part) => sum + part.fen, 0n)).toBe(total.fen)
      }),
    )
  })

  it('keeps every part within one fen of its exact share; zero ratios get zero', () => {
    fc.assert(
      fc.property(moneyArb, ratiosArb, (total, ratios) => {
        const parts = allocate(total, ratios)
        const weightSum = ratios.reduce((a, b) => a + b, 0)
        parts.forEach((part, index) => {
          const ratio = ratios[index] ?? 0
          const exactFen = new Decimal(total.fen.toString()).times(ratio).dividedBy(weightSum)
          expect(new Decimal(part.fen.toString()).minus(exactFen).abs().lessThan(1)).toBe(true)
          if (ratio === 0) expect(part.isZero()).toBe(true)
        })
      }),
    )
  })

  it('depends only on its input (same call, same parts) and scaling the ratios changes nothing', () => {
    fc.assert(
      fc.property(moneyArb, ratiosArb, fc.integer({ min: 2, max: 50 }), (total, ratios, factor) => {
        const parts = allocate(total, ratios).map(String)
        expect(allocate(total, ratios).map(String)).toEqual(parts)
        expect(allocate(total, ratios.map((ratio) => ratio * factor)).map(String)).toEqual(parts)
      }),
    )
  })

  it.each([
    [[], 'no ratios'],
    [[0, 0], 'all zero'],
    [[1, -1], 'negative'],
  ])('refuses ratios %j (%s) with MONEY.INVALID_RATIOS', (ratios) => {
    let caught: unknown
    try {
      allocate(Money.parse('1'), ratios)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InvalidAmountError)
    expect((caught as InvalidAmountError).code).toBe(MoneyErrorCode.INVALID_RATIOS)
    expect((caught as InvalidAmountError).ruleId).toBe('R-COM-7')
  })

  it('refuses a malformed ratio naming its index', () => {
    expect(() => allocate(Money.parse('1'), [1, 'x'])).toThrow(/ratios\[1\]/)
  })
})
