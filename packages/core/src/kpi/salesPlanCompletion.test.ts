import { describe, expect, it } from 'vitest'

import { salesPlanCompletion } from './salesPlanCompletion.js'

describe('R-KPI-7 sales plan completion (manager KPI)', () => {
  it('worked example: 1,200,000 sold against three monthly lines of 400,000 → 100.00%', () => {
    const rate = salesPlanCompletion(
      {
        sales: [
          { customerId: 'c1', amount: '1200000.00', at: '2026-02-10T09:00:00+08:00' },
          { customerId: 'c2', amount: '50000.00', at: '2026-04-01T00:00:00+08:00' },
        ],
        plans: [
          { period: '2026-01', amount: '400000' },
          { period: '2026-02', amount: '400000' },
          { period: '2026-03', amount: '400000' },
        ],
      },
      '2026-Q1',
    )
    expect(rate).toMatchObject({ status: 'defined', percent: '100.00' })
  })

  it('counts every customer, with no customer list needed', () => {
    const rate = salesPlanCompletion({ sales: [{ customerId: 'anyone', amount: '1', at: '2026-01-01T00:00:00+08:00' }], plans: [{ period: '2026', amount: '3' }] }, '2026')
    expect(rate.status === 'defined' && rate.percent).toBe('33.33')
  })

  it('no plan → undefined with KPI.NO_SALES_PLAN (R-KPI-7)', () => {
    expect(salesPlanCompletion({ sales: [], plans: [] }, '2026-01')).toMatchObject({ status: 'undefined', reason: { code: 'KPI.NO_SALES_PLAN', ruleId: 'R-KPI-7' } })
  })

  it('names the bad record', () => {
    expect(() => salesPlanCompletion({ sales: [{ customerId: 'c', amount: '1', at: 'soon' }], plans: [] }, '2026-01')).toThrow(
      expect.objectContaining({ code: 'KPI.INVALID_INSTANT', field: 'sales[0].at' }),
    )
  })
})
