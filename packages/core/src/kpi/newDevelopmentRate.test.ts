import { describe, expect, it } from 'vitest'

import { newDevelopmentRate } from './newDevelopmentRate.js'

const old = '2025-06-01T00:00:00+08:00'

describe('R-KPI-7 new development rate (manager KPI): new ÷ customers at period start', () => {
  it('worked example: 1 new customer ÷ 4 at the start of Q1 = 25.00%', () => {
    const rate = newDevelopmentRate(
      {
        customers: [
          { id: 'a', tier: 'key', since: old },
          { id: 'b', tier: 'general', since: old },
          { id: 'c', tier: 'general', since: old },
          { id: 'd', tier: 'general', since: old },
          { id: 'n', tier: 'reserve', since: '2026-03-31T23:59:59+08:00' }, // new in Q1
          { id: 'm', tier: 'reserve', since: '2026-03-31T16:00:00Z' }, // 2026-04-01 in Shanghai: Q2
        ],
      },
      '2026-Q1',
    )
    expect(rate).toMatchObject({ status: 'defined', percent: '25.00' })
  })

  it('a customer whose since is exactly the period start is new, not at the start', () => {
    const rate = newDevelopmentRate({ customers: [{ id: 'a', tier: 'key', since: old }, { id: 'n', tier: 'key', since: '2026-01-01T00:00:00+08:00' }] }, '2026-Q1')
    expect(rate).toMatchObject({ status: 'defined', percent: '100.00' })
  })

  it('no customers at the start → undefined with KPI.NO_CUSTOMERS_AT_START', () => {
    expect(newDevelopmentRate({ customers: [] }, '2026')).toMatchObject({ status: 'undefined', reason: { code: 'KPI.NO_CUSTOMERS_AT_START' } })
  })

  it('validates the customers', () => {
    expect(() => newDevelopmentRate({ customers: [{ id: 'a', tier: 'key', since: old, churnedAt: 'never' }] }, '2026')).toThrow(
      expect.objectContaining({ code: 'KPI.INVALID_INSTANT', field: 'customers[0].churnedAt' }),
    )
  })
})
