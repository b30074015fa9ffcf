import { describe, expect, it } from 'vitest'

import { serviceCostControl } from './serviceCostControl.js'

describe('R-KPI-6 service cost control', () => {
  const costs = [
    { amount: '12000.50', at: '2026-04-03T10:00:00+08:00' },
    { amount: '29999.50', at: '2026-06-30T23:59:59+08:00', customerId: 'c1' },
    { amount: '99999.00', at: '2026-07-01T00:00:00+08:00' }, // Q3
  ]

  it('worked example: 42,000.00 spent ÷ 50,000 budget = 84.00%, money exact', () => {
    const rate = serviceCostControl({ costs, budgets: [{ period: '2026-Q2', amount: '50000' }] }, '2026-Q2')
    expect(rate).toMatchObject({ status: 'defined', percent: '84.00' })
    if (rate.status === 'defined') expect(rate.numerator.toString()).toBe('42000')
  })

  it('overspending gives a ratio above 1', () => {
    const rate = serviceCostControl({ costs, budgets: [{ period: '2026-07', amount: '50000' }] }, '2026-07')
    expect(rate.status === 'defined' && rate.ratio.toString()).toBe('1.99998')
    expect(rate.status === 'defined' && rate.percent).toBe('200.00') // 199.998 rounded half-up
  })

  it('a zero budget → undefined with KPI.NO_SERVICE_BUDGET', () => {
    expect(serviceCostControl({ costs, budgets: [] }, '2026-Q2')).toMatchObject({ status: 'undefined', reason: { code: 'KPI.NO_SERVICE_BUDGET', ruleId: 'R-KPI-6' } })
  })

  it('names bad records', () => {
    expect(() => serviceCostControl({ costs: [{ amount: '-5', at: '2026-04-03T10:00:00+08:00' }], budgets: [] }, '2026-Q2')).toThrow(
      expect.objectContaining({ code: 'KPI.NEGATIVE_AMOUNT', field: 'costs[0].amount' }),
    )
    expect(() => serviceCostControl({ costs: [{ amount: '5', at: '2026-04-03T10:00:00+08:00', customerId: '' }], budgets: [] }, '2026-Q2')).toThrow(
      expect.objectContaining({ code: 'KPI.INVALID_RECORD', field: 'costs[0].customerId' }),
    )
    expect(() => serviceCostControl({ costs: [], budgets: [{ period: '2026', amount: '1' }] }, '2026-Q2')).toThrow(
      expect.objectContaining({ code: 'KPI.PLAN_PERIOD_STRADDLES', field: 'budgets[0].period' }),
    )
  })
})
