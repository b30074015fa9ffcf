import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { fenArb } from '../../test/arbitraries/moneyArb.js'
import { Money } from '../money/money.js'
import { createCommissionPolicy } from './policy.js'
import { riskProjectCommission } from './riskProjectCommission.js'

describe('R-COM-5 risk-project commission', () => {
  it('is 10% of the profit, rounded once half up', () => {
    const result = riskProjectCommission({ profit: '12345.67' })
    expect(result.outcome).toBe('due')
    expect(result.unrounded.toString()).toBe('1234.567')
    expect(result.amount.toString()).toBe('1234.57')
    expect(riskProjectCommission({ profit: '200000' }).amount.toString()).toBe('20000.00')
    expect(riskProjectCommission({ profit: '0.05' }).amount.toString()).toBe('0.01') // 0.005 → 0.01
  })

  it('no profit, no commission: zero or a loss gives 0 with the reason in the trace', () => {
    for (const profit of ['0', '-500', '-0.01']) {
      const result = riskProjectCommission({ profit })
      expect(result.outcome).toBe('noProfit')
      expect(result.amount.toString()).toBe('0.00')
      expect(result.trace.steps[0]?.ruleId).toBe('R-COM-5')
      expect(result.trace.steps[0]?.description.zh).toContain('无利润不提成')
      expect(result.trace.steps[0]?.description.en).toContain('no profit, no commission')
    }
  })

  it('follows the policy rate', () => {
    expect(riskProjectCommission({ profit: '1000' }, createCommissionPolicy({ riskRate: '0.15' })).amount.toString()).toBe('150.00')
  })

  it('R-COM-8 trace carries formula, inputs and amounts', () => {
    const { trace } = riskProjectCommission({ profit: '12345.67' })
    expect(trace).toMatchObject({ kind: 'riskProject', total: '1234.57', rulesApplied: ['R-COM-5'], margin: null, bonusSteps: null })
    expect(trace.steps[0]).toMatchObject({ formula: 'profit × riskRate', inputs: { profit: '12345.67', riskRate: '0.1' }, unrounded: '1234.567', amount: '1234.57' })
  })

  it('is never negative and never above the profit', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        const profit = Money.fromFen(fen)
        const { amount } = riskProjectCommission({ profit })
        expect(amount.isNegative()).toBe(false)
        if (profit.isPositive()) expect(amount.compare(profit)).toBeLessThanOrEqual(0)
        else expect(amount.isZero()).toBe(true)
      }),
    )
  })

  it('is exactly a tenth of a profit that is a multiple of 10 fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), (tenths) => {
        expect(riskProjectCommission({ profit: Money.fromFen(tenths * 10n) }).amount.fen).toBe(tenths)
      }),
    )
  })

  it('refuses a malformed profit with its field', () => {
    expect(() => riskProjectCommission({ profit: '1.001' })).toThrow(expect.objectContaining({ code: 'MONEY.SUB_FEN_PRECISION', field: 'profit' }))
  })
})
