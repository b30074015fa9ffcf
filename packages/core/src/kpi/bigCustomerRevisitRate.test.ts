import { describe, expect, it } from 'vitest'

import { bigCustomerRevisitRate } from './bigCustomerRevisitRate.js'

const since = '2020-01-01T00:00:00+08:00'
const customers = [...['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, tier: 'key' as const, since })), { id: 'g', tier: 'general' as const, since }]
const inJuly = '2026-07-10T10:00:00+08:00'

describe('R-KPI-5 big-customer revisit rate', () => {
  const input = {
    customers,
    planned: ['a', 'b', 'c', 'd', 'g'].map((customerId) => ({ customerId, plannedAt: inJuly })),
    revisits: [
      ...['a', 'a', 'b', 'c', 'e', 'g'].map((customerId) => ({ customerId, at: inJuly })),
      { customerId: 'd', at: '2026-08-01T00:00:00+08:00' }, // August: does not count for July
    ],
  }

  it('worked example: 3 of the 4 planned big customers revisited = 75.00% (customers counted once)', () => {
    const rate = bigCustomerRevisitRate(input, '2026-07')
    expect(rate).toMatchObject({ status: 'defined', percent: '75.00' })
  })

  it("option count: 'all' also counts the unplanned revisit of e (4 ÷ 4 = 100.00%)", () => {
    expect(bigCustomerRevisitRate(input, '2026-07', undefined, { count: 'all' })).toMatchObject({ status: 'defined', percent: '100.00' })
  })

  it('nothing planned → undefined with KPI.NO_REVISITS_PLANNED', () => {
    expect(bigCustomerRevisitRate(input, '2026-08')).toMatchObject({ status: 'undefined', reason: { code: 'KPI.NO_REVISITS_PLANNED', ruleId: 'R-KPI-5' } })
  })

  it('names bad records and options', () => {
    expect(() => bigCustomerRevisitRate({ ...input, revisits: [{ customerId: 'zz', at: inJuly }] }, '2026-07')).toThrow(
      expect.objectContaining({ code: 'KPI.UNKNOWN_CUSTOMER', field: 'revisits[0].customerId' }),
    )
    expect(() => bigCustomerRevisitRate({ ...input, planned: [{ customerId: 'a', plannedAt: 'July' }] }, '2026-07')).toThrow(
      expect.objectContaining({ code: 'KPI.INVALID_INSTANT', field: 'planned[0].plannedAt' }),
    )
    expect(() => bigCustomerRevisitRate(input, '2026-07', undefined, { count: 'some' as 'all' })).toThrow(
      expect.objectContaining({ code: 'KPI.INVALID_RECORD', field: 'options.count' }),
    )
  })
})
