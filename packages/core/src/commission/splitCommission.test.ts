import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { personArb } from '../../test/arbitraries/commissionArb.js'
import { moneyArb, ratiosArb } from '../../test/arbitraries/moneyArb.js'
import { Decimal } from '../money/decimal.js'
import { sumMoney } from '../money/money.js'
import { CommissionErrorCode, CommissionInputError } from './errors.js'
import { splitCommission } from './splitCommission.js'
import { thrown } from '../../test/thrown.js'

const commissionError = (run: () => unknown): CommissionInputError => thrown(run, CommissionInputError)


describe('R-COM-7 split commission', () => {
  it('splits 100.00 three ways as 33.34 / 33.33 / 33.33', () => {
    const result = splitCommission('100.00', [
      { person: '张三', ratio: 1 },
      { person: '李四', ratio: 1 },
      { person: '王五', ratio: 1 },
    ])
    expect(result.parts.map((part) => [part.person, part.amount.toString()])).toEqual([
      ['张三', '33.34'],
      ['李四', '33.33'],
      ['王五', '33.33'],
    ])
    expect(result.total.toString()).toBe('100.00')
  })

  it('splits 10,000.00 by 0.6 / 0.4 and a zero ratio gets nothing', () => {
    const result = splitCommission('10000', [
      { person: 'A', ratio: '0.6' },
      { person: 'B', ratio: '0.4' },
      { person: 'C', ratio: 0 },
    ])
    expect(result.parts.map((part) => part.amount.toString())).toEqual(['6000.00', '4000.00', '0.00'])
  })

  it('R-COM-8 trace: one R-COM-7 step per person', () => {
    const { trace } = splitCommission('0.10', [
      { person: 'A', ratio: 2 },
      { person: 'B', ratio: 1 },
    ])
    expect(trace.kind).toBe('split')
    expect(trace.rulesApplied).toEqual(['R-COM-7'])
    expect(trace.steps.map((step) => [step.person, step.amount])).toEqual([
      ['A', '0.07'],
      ['B', '0.03'],
    ])
    expect(trace.steps[0]?.inputs).toEqual({ total: '0.10', ratio: '2', ratioSum: '3' })
  })

  it('parts always sum exactly to the whole, each within one fen of its exact share', () => {
    fc.assert(
      fc.property(moneyArb, ratiosArb, (amount, ratios) => {
        const shares = ratios.map((ratio, index) => ({ person: `P${index}`, ratio }))
        const { parts } = splitCommission(amount, shares)
        expect(sumMoney(parts.map((part) => part.amount)).equals(amount)).toBe(true)
        const ratioSum = ratios.reduce((sum, ratio) => sum + ratio, 0)
        parts.forEach((part, index) => {
          expect(part.person).toBe(`P${index}`)
          const exact = amount.yuan.times(ratios[index] ?? 0).dividedBy(ratioSum)
          expect(part.amount.yuan.minus(exact).abs().lessThan(new Decimal('0.01'))).toBe(true)
        })
      }),
    )
  })

  it('keeps the order and names of the people', () => {
    fc.assert(
      fc.property(fc.uniqueArray(personArb, { minLength: 1, maxLength: 8 }), (people) => {
        const { parts } = splitCommission('999.99', people.map((person) => ({ person, ratio: 1 })))
        expect(parts.map((part) => part.person)).toEqual(people)
      }),
    )
  })
})

describe('split commission input errors', () => {
  it.each([
    { shares: [], code: CommissionErrorCode.INVALID_SHARES, field: 'shares' },
    { shares: [{ person: 'A', ratio: 0 }], code: CommissionErrorCode.INVALID_SHARES, field: 'shares' },
    { shares: [{ person: 'A', ratio: '-0.5' }], code: CommissionErrorCode.INVALID_SHARES, field: 'shares[0].ratio' },
    { shares: [{ person: 'A', ratio: 1 }, { person: 'A', ratio: 1 }], code: CommissionErrorCode.DUPLICATE_PERSON, field: 'shares[1].person' },
    { shares: [{ person: '', ratio: 1 }], code: CommissionErrorCode.INVALID_PERSON, field: 'shares[0].person' },
    { shares: 'A' as unknown as [], code: CommissionErrorCode.INVALID_INPUT, field: 'shares' },
    { shares: [null] as unknown as [], code: CommissionErrorCode.INVALID_INPUT, field: 'shares[0]' },
  ])('refuses $field with $code', ({ shares, code, field }) => {
    const error = commissionError(() => splitCommission('100', shares))
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })

  it('refuses a malformed ratio or amount with its field', () => {
    expect(() => splitCommission('100', [{ person: 'A', ratio: 'half' }])).toThrow(expect.objectContaining({ code: 'DECIMAL.MALFORMED', field: 'shares[0].ratio' }))
    expect(() => splitCommission(1.5, [{ person: 'A', ratio: 1 }])).toThrow(expect.objectContaining({ code: 'MONEY.FLOAT_NOT_ACCEPTED', field: 'amount' }))
  })
})
