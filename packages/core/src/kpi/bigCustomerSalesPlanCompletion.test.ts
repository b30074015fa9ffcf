import { describe, expect, it } from 'vitest'

import type { BigCustomerSalesInput } from './bigCustomerSalesPlanCompletion.js'
import { bigCustomerSalesPlanCompletion } from './bigCustomerSalesPlanCompletion.js'

const since = '2020-01-01T00:00:00+08:00'
const customers = [
  { id: 'S', tier: 'strategic', since },
  { id: 'K', tier: 'key', since },
  { id: 'G', tier: 'general', since },
] as const

describe('R-KPI-1 big-customer sales plan completion', () => {
  const input: BigCustomerSalesInput = {
    customers,
    sales: [
      { customerId: 'S', amount: '300000.00', at: '2026-07-01T00:00:00+08:00' }, // first instant of Q3: in
      { customerId: 'K', amount: '400000.00', at: '2026-09-30T23:59:59+08:00' }, // last second of Q3: in
      { customerId: 'G', amount: '500000.00', at: '2026-08-15T10:00:00+08:00' }, // not a big customer
      { customerId: 'K', amount: '999999.00', at: '2026-10-01T00:00:00+08:00' }, // Q4: out
      { customerId: 'K', amount: '999999.00', at: '2026-06-30T15:59:59Z' }, // 23:59:59 on 30 June in Shanghai: out
    ],
    plans: [
      { period: '2026-07', amount: '300000' },
      { period: '2026-08', amount: '250000' },
      { period: '2026-09', amount: '250000' },
      { period: '2026-Q4', amount: '1000000' }, // outside: ignored
    ],
  }

  it('worked example: (300,000 + 400,000) ÷ 800,000 = 87.50%', () => {
    const rate = bigCustomerSalesPlanCompletion(input, '2026-Q3')
    expect(rate.status).toBe('defined')
    if (rate.status !== 'defined') return
    expect(rate.numerator.toString()).toBe('700000')
    expect(rate.denominator.toString()).toBe('800000')
    expect(rate.ratio.toString()).toBe('0.875')
    expect(rate.percent).toBe('87.50')
  })

  it('R-TIE-5: the big-customer policy decides whose sales count', () => {
    const rate = bigCustomerSalesPlanCompletion(input, '2026-Q3', { bigCustomerTiers: ['strategic', 'key', 'general'] })
    expect(rate.status === 'defined' && rate.percent).toBe('150.00')
  })

  it('a month measured against a monthly plan line, and money stays exact', () => {
    const rate = bigCustomerSalesPlanCompletion(
      { customers, sales: [{ customerId: 'S', amount: '0.10', at: '2026-07-02T00:00:00+08:00' }, { customerId: 'S', amount: '0.20', at: '2026-07-03T00:00:00+08:00' }], plans: [{ period: '2026-07', amount: '0.30' }] },
      '2026-07',
    )
    expect(rate.status === 'defined' && rate.ratio.toString()).toBe('1')
  })

  it('nothing planned → undefined with KPI.NO_SALES_PLAN', () => {
    const rate = bigCustomerSalesPlanCompletion({ ...input, plans: [{ period: '2026-Q3', amount: '0' }] }, '2026-Q3')
    expect(rate).toMatchObject({ status: 'undefined', reason: { code: 'KPI.NO_SALES_PLAN', ruleId: 'R-KPI-1' } })
  })

  it('a plan line longer than the period cannot be attributed', () => {
    expect(() => bigCustomerSalesPlanCompletion({ ...input, plans: [{ period: '2026', amount: '1' }] }, '2026-Q3')).toThrow(
      expect.objectContaining({ code: 'KPI.PLAN_PERIOD_STRADDLES', field: 'plans[0].period' }),
    )
  })

  it.each([
    [{ sales: [{ customerId: 'K', amount: '-1.00', at: '2026-07-01T00:00:00+08:00' }] }, 'KPI.NEGATIVE_AMOUNT', 'sales[0].amount'],
    [{ sales: [{ customerId: 'K', amount: 'x', at: '2026-07-01T00:00:00+08:00' }] }, 'MONEY.MALFORMED_AMOUNT', 'sales[0].amount'],
    [{ sales: [{ customerId: 'K', amount: 10.5, at: '2026-07-01T00:00:00+08:00' }] }, 'MONEY.FLOAT_NOT_ACCEPTED', 'sales[0].amount'],
    [{ sales: [{ customerId: 'K', at: '2026-07-01T00:00:00+08:00' }] }, 'KPI.INVALID_RECORD', 'sales[0].amount'],
    [{ sales: [{ customerId: 'K', amount: '1', at: '2026-07-01T00:00:00' }] }, 'KPI.INSTANT_WITHOUT_OFFSET', 'sales[0].at'],
    [{ sales: [{ customerId: 'X', amount: '1', at: '2026-07-01T00:00:00+08:00' }] }, 'KPI.UNKNOWN_CUSTOMER', 'sales[0].customerId'],
    [{ sales: [{ customerId: '', amount: '1', at: '2026-07-01T00:00:00+08:00' }] }, 'KPI.INVALID_RECORD', 'sales[0].customerId'],
    [{ sales: [null] }, 'KPI.INVALID_RECORD', 'sales[0]'],
    [{ sales: 'none' }, 'KPI.INVALID_RECORD', 'sales'],
    [{ plans: [{ period: '2026-7', amount: '1' }] }, 'KPI.INVALID_PERIOD', 'plans[0].period'],
    [{ plans: [{ period: '2026-07', amount: '-1' }] }, 'KPI.NEGATIVE_AMOUNT', 'plans[0].amount'],
    [{ customers: [{ id: 'K', tier: 'vip', since }] }, 'KPI.INVALID_RECORD', 'customers[0].tier'],
    [{ customers: [{ id: 'K', tier: 'key', since }, { id: 'K', tier: 'key', since }] }, 'KPI.DUPLICATE_CUSTOMER', 'customers[1].id'],
    [{ customers: [{ id: 'K', tier: 'key', since, churnedAt: '2019-01-01T00:00:00+08:00' }] }, 'KPI.INCONSISTENT_DATES', 'customers[0].churnedAt'],
  ])('validates records at the boundary: %# → %s at %s', (patch, code, field) => {
    expect(() => bigCustomerSalesPlanCompletion({ ...input, ...patch } as unknown as BigCustomerSalesInput, '2026-Q3')).toThrow(
      expect.objectContaining({ code, field }),
    )
  })

  it('validates the period and the policy', () => {
    expect(() => bigCustomerSalesPlanCompletion(input, '2026-Q7')).toThrow(expect.objectContaining({ code: 'KPI.INVALID_PERIOD', field: 'period' }))
    expect(() => bigCustomerSalesPlanCompletion(input, '2026-Q3', { bigCustomerTiers: [] })).toThrow(
      expect.objectContaining({ code: 'POLICY.INVALID_FIELD', field: 'policy.bigCustomerTiers' }),
    )
    expect(() => bigCustomerSalesPlanCompletion(null as unknown as BigCustomerSalesInput, '2026-Q3')).toThrow(
      expect.objectContaining({ code: 'KPI.INVALID_RECORD', field: 'input' }),
    )
  })
})
