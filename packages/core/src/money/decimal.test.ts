import DecimalJs from 'decimal.js'
import { describe, expect, it } from 'vitest'

import { InvalidInputError } from '../errors.js'
import { Decimal, toDecimal } from './decimal.js'

describe('toDecimal', () => {
  it('reads numbers through their shortest decimal form, so 0.1 + 0.2 is exactly 0.3', () => {
    expect(toDecimal(0.1).plus(toDecimal(0.2)).toString()).toBe('0.3')
  })

  it('reads strings, decimal.js values of any clone, and exponents', () => {
    expect(toDecimal(' 0.05 ').toString()).toBe('0.05')
    expect(toDecimal(new DecimalJs('1.5')).toString()).toBe('1.5')
    expect(toDecimal('5e-2').toString()).toBe('0.05')
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '', 'abc', '1,000', '0x10'])('refuses %j with DECIMAL.MALFORMED', (value) => {
    let caught: unknown
    try {
      toDecimal(value, 'rate')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InvalidInputError)
    expect((caught as InvalidInputError).code).toBe('DECIMAL.MALFORMED')
    expect((caught as InvalidInputError).field).toBe('rate')
  })

  it('does not touch the global decimal.js configuration', () => {
    expect(DecimalJs.precision).toBe(20)
    expect(Decimal.precision).toBe(40)
  })
})
