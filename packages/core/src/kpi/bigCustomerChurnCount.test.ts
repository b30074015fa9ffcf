import { describe, expect, it } from 'vitest'

import { bigCustomerChurnCount } from './bigCustomerChurnCount.js'

const since = '2020-01-01T00:00:00+08:00'

describe('R-KPI-2 big-customer churn count', () => {
  const customers = [
    { id: 'k1', tier: 'key', since, churnedAt: '2026-05-01T00:00:00+08:00' }, // first instant of May
    { id: 's1', tier: 'strategic', since, churnedAt: '2026-05-31T23:59:59+08:00' },
    { id: 'k2', tier: 'key', since, churnedAt: '2026-06-01T00:00:00+08:00' }, // June
    { id: 'g1', tier: 'general', since, churnedAt: '2026-05-20T00:00:00+08:00' }, // not big
    { id: 'k3', tier: 'key', since }, // still a customer
  ] as const

  it('worked example: 2 big customers churned in May 2026', () => {
    expect(bigCustomerChurnCount({ customers }, '2026-05')).toEqual({ status: 'defined', count: 2, customerIds: ['k1', 's1'] })
    expect(bigCustomerChurnCount({ customers }, '2026-Q2').count).toBe(3)
    expect(bigCustomerChurnCount({ customers }, '2026-04').count).toBe(0)
  })

  it('R-TIE-5 policy: counting general customers too', () => {
    expect(bigCustomerChurnCount({ customers }, '2026-05', { bigCustomerTiers: ['strategic', 'key', 'general'] }).count).toBe(3)
  })

  it('validates the customers', () => {
    expect(() => bigCustomerChurnCount({ customers: [{ id: 'x', tier: 'key', since: 'then' }] } as never, '2026-05')).toThrow(
      expect.objectContaining({ code: 'KPI.INVALID_INSTANT', field: 'customers[0].since' }),
    )
  })
})
