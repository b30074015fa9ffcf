import { describe, expect, it } from 'vitest'

import { churnRate } from './churnRate.js'

const old = '2025-06-01T00:00:00+08:00'

describe('R-KPI-7 churn rate (manager KPI): churned ÷ customers at period start', () => {
  it('worked example: 1 of 4 customers at the start of Q1 churned = 25.00%', () => {
    const rate = churnRate(
      {
        customers: [
          { id: 'a', tier: 'key', since: old, churnedAt: '2026-02-01T00:00:00+08:00' },
          { id: 'b', tier: 'general', since: old },
          { id: 'c', tier: 'general', since: old },
          { id: 'd', tier: 'reserve', since: old, churnedAt: '2026-04-01T00:00:00+08:00' }, // churned in Q2
          { id: 'x', tier: 'general', since: old, churnedAt: '2025-12-31T23:59:59+08:00' }, // gone before the start
          { id: 'n', tier: 'general', since: '2026-01-15T00:00:00+08:00', churnedAt: '2026-03-01T00:00:00+08:00' }, // gained and lost in Q1
        ],
      },
      '2026-Q1',
    )
    expect(rate).toMatchObject({ status: 'defined', percent: '25.00' })
    if (rate.status === 'defined') expect([rate.numerator.toNumber(), rate.denominator.toNumber()]).toEqual([1, 4])
  })

  it('a customer that churns at the first instant of the period was at the start and churned in it', () => {
    const rate = churnRate({ customers: [{ id: 'a', tier: 'key', since: old, churnedAt: '2026-01-01T00:00:00+08:00' }] }, '2026-Q1')
    expect(rate).toMatchObject({ status: 'defined', percent: '100.00' })
  })

  it('no customers at the start → undefined with KPI.NO_CUSTOMERS_AT_START', () => {
    const rate = churnRate({ customers: [{ id: 'n', tier: 'key', since: '2026-01-01T00:00:00+08:00' }] }, '2026-Q1')
    expect(rate).toMatchObject({ status: 'undefined', reason: { code: 'KPI.NO_CUSTOMERS_AT_START', ruleId: 'R-KPI-7' } })
  })
})
