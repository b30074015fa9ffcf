import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { fenArb, moneyArb } from '../../test/arbitraries/moneyArb.js'
import { Decimal } from './decimal.js'
import { InvalidAmountError, MoneyErrorCode } from './errors.js'
import { Money, sumMoney } from './money.js'
import { thrown } from '../../test/thrown.js'

const amountError = (run: () => unknown): InvalidAmountError => thrown(run, InvalidAmountError)

describe('Money.parse — amounts from text (R-COM-7: exact to the fen)', () => {
  it.each([
    ['1234.5', 123450n],
    ['1,234.5', 123450n],
    ['¥1234.50', 123450n],
    ['￥1,234.50', 123450n],
    ['  ¥ 1,234.50  ', 123450n],
    ['RMB 12', 1200n],
    ['CNY12.3', 1230n],
    ['12元', 1200n],
    ['-¥12.30', -1230n],
    ['¥-12.30', -1230n],
    ['+7', 700n],
    ['１２３．４５', 12345n],
    ['1.500', 150n],
    ['0', 0n],
    ['0.01', 1n],
    ['1,000,000.00', 100000000n],
    ['123456789012345678.99', 12345678901234567899n],
  ])('parses %j as %d fen', (text, fen) => {
    expect(Money.parse(text).fen).toBe(fen)
  })

  it.each(['', '   ', '12.3.4', '1,23', '12,34.5', '1.', '.5', '1e3', 'abc', '¥', '--1', '1 234', '12.3a', 'NaN', 'Infinity', '¥¥1'])(
    'refuses %j as malformed',
    (text) => {
      const error = amountError(() => Money.parse(text, 'revenue'))
      expect(error).toBeInstanceOf(InvalidAmountError)
      expect(error.code).toBe(MoneyErrorCode.MALFORMED_AMOUNT)
      expect(error.field).toBe('revenue')
      expect(error.messageEn).toContain(JSON.stringify(text))
      expect(error.messageZh).toContain('不是有效的人民币金额')
    },
  )

  it('refuses digits below the fen instead of rounding them away', () => {
    const error = amountError(() => Money.parse('1.234', 'turnover'))
    expect(error.code).toBe(MoneyErrorCode.SUB_FEN_PRECISION)
    expect(error.field).toBe('turnover')
  })

  it('round-trips through toString for every amount', () => {
    fc.assert(fc.property(moneyArb, (money) => Money.parse(money.toString()).equals(money)))
  })

  it('round-trips through format (¥ and thousands separators) for every amount', () => {
    fc.assert(fc.property(moneyArb, (money) => Money.parse(money.format()).equals(money)))
  })
})

describe('Money.of — the public boundary', () => {
  it('accepts whole-yuan numbers, text, decimals and Money', () => {
    expect(Money.of(12).toString()).toBe('12.00')
    expect(Money.of('12.5').toString()).toBe('12.50')
    expect(Money.of(new Decimal('12.34')).toString()).toBe('12.34')
    const money = Money.parse('1')
    expect(Money.of(money)).toBe(money)
  })

  it('refuses non-integer JS numbers: floats are never money', () => {
    const error = amountError(() => Money.of(0.1, 'price'))
    expect(error.code).toBe(MoneyErrorCode.FLOAT_NOT_ACCEPTED)
    expect(error.field).toBe('price')
    expect(amountError(() => Money.of(Number.NaN)).code).toBe(MoneyErrorCode.FLOAT_NOT_ACCEPTED)
    expect(amountError(() => Money.fromFen(1.5)).code).toBe(MoneyErrorCode.FLOAT_NOT_ACCEPTED)
  })

  it('refuses decimals with digits below the fen', () => {
    expect(amountError(() => Money.of(new Decimal('0.001'))).code).toBe(MoneyErrorCode.SUB_FEN_PRECISION)
  })

  it('refuses values that are not money at all', () => {
    expect(amountError(() => Money.of(null as unknown as string)).code).toBe(MoneyErrorCode.MALFORMED_AMOUNT)
  })
})

describe('Money arithmetic', () => {
  it('adds 0.10 and 0.20 to exactly 0.30', () => {
    expect(Money.parse('0.10').plus(Money.parse('0.20')).toString()).toBe('0.30')
  })

  it('formats with the yuan sign and thousands separators', () => {
    expect(Money.parse('1234567.8').format()).toBe('¥1,234,567.80')
    expect(Money.parse('-12').format()).toBe('-¥12.00')
    expect(Money.parse('0.05').format()).toBe('¥0.05')
  })

  it('serialises to JSON as a string', () => {
    expect(JSON.stringify({ amount: Money.parse('1.5') })).toBe('{"amount":"1.50"}')
  })

  it('times() leaves the fen grid unrounded', () => {
    expect(Money.parse('100.00').times('0.333').toString()).toBe('33.3')
    expect(Money.parse('0.01').times('0.5').toString()).toBe('0.005')
  })

  it('plus is commutative and associative, minus undoes plus', () => {
    fc.assert(
      fc.property(moneyArb, moneyArb, moneyArb, (a, b, c) => {
        expect(a.plus(b).equals(b.plus(a))).toBe(true)
        expect(a.plus(b).plus(c).equals(a.plus(b.plus(c)))).toBe(true)
        expect(a.plus(b).minus(b).equals(a)).toBe(true)
        expect(a.negate().negate().equals(a)).toBe(true)
      }),
    )
  })

  it('compare agrees with the fen order and the sign predicates', () => {
    fc.assert(
      fc.property(fenArb, fenArb, (x, y) => {
        const a = Money.fromFen(x)
        const b = Money.fromFen(y)
        expect(a.compare(b)).toBe(x < y ? -1 : x > y ? 1 : 0)
        expect(a.isNegative()).toBe(x < 0n)
        expect(a.isPositive()).toBe(x > 0n)
        expect(a.isZero()).toBe(x === 0n)
      }),
    )
  })

  it('sumMoney sums exactly (the sum of fen)', () => {
    fc.assert(
      fc.property(fc.array(fenArb), (fens) => {
        expect(sumMoney(fens.map((fen) => Money.fromFen(fen))).fen).toBe(fens.reduce((a, b) => a + b, 0n))
      }),
    )
  })
})

