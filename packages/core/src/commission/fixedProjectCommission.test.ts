import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { scaledDecimal, rateInRangeArb, rateOutOfRangeArb } from '../../test/arbitraries/commissionArb.js'
import { nonNegativeFenArb } from '../../test/arbitraries/moneyArb.js'
import { Decimal } from '../money/decimal.js'
import { Money } from '../money/money.js'
import { CommissionErrorCode, CommissionInputError } from './errors.js'
import { fixedProjectCommission } from './fixedProjectCommission.js'
import { createCommissionPolicy, defaultCommissionPolicy } from './policy.js'
import { thrown } from '../../test/thrown.js'

const commissionError = (run: () => unknown): CommissionInputError => thrown(run, CommissionInputError)


describe('R-COM-1 fixed-project commission', () => {
  it('is turnover × rate, rounded once half-up', () => {
    const result = fixedProjectCommission({ turnover: '123,456.78', rate: '0.08' })
    expect(result.unrounded.toString()).toBe('9876.5424')
    expect(result.amount.toString()).toBe('9876.54')
    expect(fixedProjectCommission({ turnover: '100000', rate: '0.05' }).amount.toString()).toBe('5000.00')
    expect(fixedProjectCommission({ turnover: '100000', rate: 0.1 }).amount.toString()).toBe('10000.00')
    // 0.05 × 0.10 = 0.005 → 0.01 half up
    expect(fixedProjectCommission({ turnover: '0.10', rate: '0.05' }).amount.toString()).toBe('0.01')
    expect(fixedProjectCommission({ turnover: 0, rate: '0.07' }).amount.toString()).toBe('0.00')
  })

  it('uses the rounding mode of the policy', () => {
    const down = createCommissionPolicy({ rounding: 'down' })
    expect(fixedProjectCommission({ turnover: '0.10', rate: '0.05' }, down).amount.toString()).toBe('0.00')
  })

  it('R-COM-8 trace: range check, formula, inputs, unrounded and rounded amount', () => {
    const { trace } = fixedProjectCommission({ turnover: '123456.78', rate: '0.08' })
    expect(trace.kind).toBe('fixedProject')
    expect(trace.rulesApplied).toEqual(['R-COM-6', 'R-COM-1'])
    expect(trace.steps[1]).toMatchObject({
      ruleId: 'R-COM-1',
      formula: 'turnover × rate',
      inputs: { turnover: '123456.78', rate: '0.08' },
      unrounded: '9876.5424',
      amount: '9876.54',
    })
    expect(trace.steps[1]?.description.zh).toContain('流水')
    expect(trace.rounding.mode).toBe('halfUp')
    expect(trace.total).toBe('9876.54')
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace)
  })

  it('is exact for a turnover in whole yuan and a whole-percent rate', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 5, max: 10 }), (yuan, percent) => {
        const result = fixedProjectCommission({ turnover: Money.fromFen(yuan * 100n), rate: scaledDecimal(BigInt(percent), 2) })
        expect(result.amount.fen).toBe(yuan * BigInt(percent))
      }),
    )
  })

  it('is monotone in the rate and never above turnover × max rate', () => {
    fc.assert(
      fc.property(nonNegativeFenArb, rateInRangeArb(defaultCommissionPolicy.fixedRateRange), rateInRangeArb(defaultCommissionPolicy.fixedRateRange), (fen, a, b) => {
        const [low, high] = new Decimal(a).lessThanOrEqualTo(b) ? [a, b] : [b, a]
        const turnover = Money.fromFen(fen)
        const lowAmount = fixedProjectCommission({ turnover, rate: low }).amount
        const highAmount = fixedProjectCommission({ turnover, rate: high }).amount
        expect(lowAmount.compare(highAmount)).toBeLessThanOrEqual(0)
        expect(highAmount.compare(fixedProjectCommission({ turnover, rate: '0.1' }).amount)).toBeLessThanOrEqual(0)
        expect(lowAmount.isNegative()).toBe(false)
      }),
    )
  })
})

describe('R-COM-6 fixed-project rate out of range', () => {
  it('refuses 0.12 and 0.04 naming the field, the rate and the range; never clamps', () => {
    const error = commissionError(() => fixedProjectCommission({ turnover: '100000', rate: '0.12' }))
    expect(error.code).toBe(CommissionErrorCode.RATE_OUT_OF_RANGE)
    expect(error.field).toBe('rate')
    expect(error.ruleId).toBe('R-COM-6')
    expect(error.details).toEqual({ rate: '0.12', min: '0.05', max: '0.1' })
    expect(error.messageZh).toContain('超出允许范围')
    expect(commissionError(() => fixedProjectCommission({ turnover: '100000', rate: 0.04 })).details).toMatchObject({ rate: '0.04' })
  })

  it('refuses every rate outside the range', () => {
    fc.assert(
      fc.property(rateOutOfRangeArb(defaultCommissionPolicy.fixedRateRange), (rate) => {
        const error = commissionError(() => fixedProjectCommission({ turnover: '1000', rate }))
        expect(error.code).toBe(CommissionErrorCode.RATE_OUT_OF_RANGE)
        expect(error.field).toBe('rate')
      }),
    )
  })

  it('follows a company range', () => {
    const policy = createCommissionPolicy({ fixedRateRange: { min: 0.03, max: 0.04 } })
    expect(fixedProjectCommission({ turnover: '1000', rate: '0.03' }, policy).amount.toString()).toBe('30.00')
    expect(commissionError(() => fixedProjectCommission({ turnover: '1000', rate: '0.05' }, policy)).code).toBe(CommissionErrorCode.RATE_OUT_OF_RANGE)
  })
})

describe('fixed-project input errors', () => {
  it('refuses a negative turnover', () => {
    const error = commissionError(() => fixedProjectCommission({ turnover: '-1.00', rate: '0.05' }))
    expect(error.code).toBe(CommissionErrorCode.NEGATIVE_AMOUNT)
    expect(error.field).toBe('turnover')
  })

  it('refuses a malformed turnover or rate with the field', () => {
    expect(() => fixedProjectCommission({ turnover: '12.345', rate: '0.05' })).toThrow(expect.objectContaining({ code: 'MONEY.SUB_FEN_PRECISION', field: 'turnover' }))
    expect(() => fixedProjectCommission({ turnover: 12.5, rate: '0.05' })).toThrow(expect.objectContaining({ code: 'MONEY.FLOAT_NOT_ACCEPTED', field: 'turnover' }))
    expect(() => fixedProjectCommission({ turnover: '100', rate: 'abc' })).toThrow(expect.objectContaining({ code: 'DECIMAL.MALFORMED', field: 'rate' }))
    expect(() => fixedProjectCommission({ turnover: '100', rate: Number.NaN })).toThrow(expect.objectContaining({ code: 'DECIMAL.MALFORMED', field: 'rate' }))
  })
})
