import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { amountArb, customersArb, instantArb } from '../../test/arbitraries/kpiArb.js'
import { bigCustomerDevelopmentPlanCompletion } from './bigCustomerDevelopmentPlanCompletion.js'
import { bigCustomerRevisitRate } from './bigCustomerRevisitRate.js'
import { bigCustomerSalesPlanCompletion } from './bigCustomerSalesPlanCompletion.js'
import { churnRate } from './churnRate.js'
import { feedbackTimeliness } from './feedbackTimeliness.js'
import { newDevelopmentRate } from './newDevelopmentRate.js'
import type { KpiRate } from './rate.js'
import { salesPlanCompletion } from './salesPlanCompletion.js'
import { serviceCostControl } from './serviceCostControl.js'

const periodArb = fc.constantFrom('2026-01', '2026-02', '2026-Q1', '2026-Q2', '2026-Q3', '2026', '2027-Q4')

/** Every customer list with a few records referring to it. */
const worldArb = customersArb
  .filter((customers) => customers.length > 0)
  .chain((customers) => {
    const idArb = fc.constantFrom(...customers.map((customer) => customer.id))
    return fc.record({
      customers: fc.constant(customers),
      sales: fc.array(fc.record({ customerId: idArb, amount: amountArb, at: instantArb }), { maxLength: 15 }),
      feedback: fc.array(
        fc.record({ customerId: idArb, receivedAt: instantArb, dueMs: fc.nat(10 * 86_400_000), answerMs: fc.option(fc.nat(20 * 86_400_000), { nil: undefined }) }),
        { maxLength: 15 },
      ),
      planned: fc.array(fc.record({ customerId: idArb, plannedAt: instantArb }), { maxLength: 10 }),
      revisits: fc.array(fc.record({ customerId: idArb, at: instantArb }), { maxLength: 10 }),
    })
  })
  .map((world) => ({
    ...world,
    feedback: world.feedback.map(({ customerId, receivedAt, dueMs, answerMs }) => ({
      customerId,
      receivedAt,
      dueAt: new Date(receivedAt.getTime() + dueMs),
      ...(answerMs === undefined ? {} : { answeredAt: new Date(receivedAt.getTime() + answerMs) }),
    })),
  }))

function expectWellFormed(rate: KpiRate): void {
  if (rate.status === 'undefined') {
    expect(rate.reason.code).toMatch(/^KPI\./)
    expect(rate.reason.messageZh.length).toBeGreaterThan(0)
    return
  }
  expect(rate.ratio.isFinite()).toBe(true)
  expect(rate.ratio.isNegative() && !rate.ratio.isZero()).toBe(false)
  expect(rate.denominator.greaterThan(0)).toBe(true)
  expect(rate.percent).toMatch(/^\d+\.\d{2}$/)
}

describe('R-KPI-1..7 properties of every rate', () => {
  it('ratios are never NaN, Infinity or negative; percent has two decimals', () => {
    fc.assert(
      fc.property(worldArb, periodArb, fc.array(amountArb, { maxLength: 3 }), (world, period, planAmounts) => {
        const plans = planAmounts.map((amount) => ({ period, amount }))
        expectWellFormed(bigCustomerSalesPlanCompletion({ ...world, plans }, period))
        expectWellFormed(salesPlanCompletion({ sales: world.sales, plans }, period))
        expectWellFormed(bigCustomerDevelopmentPlanCompletion({ customers: world.customers, plans: plans.map((_, i) => ({ period, count: i })) }, period))
        expectWellFormed(feedbackTimeliness(world, period))
        expectWellFormed(bigCustomerRevisitRate(world, period))
        expectWellFormed(bigCustomerRevisitRate(world, period, undefined, { count: 'all' }))
        expectWellFormed(serviceCostControl({ costs: world.sales, budgets: plans }, period))
        expectWellFormed(churnRate(world, period))
        expectWellFormed(newDevelopmentRate(world, period))
      }),
    )
  })

  it('zero denominators are always undefined, whatever the numerator', () => {
    fc.assert(
      fc.property(worldArb, periodArb, (world, period) => {
        const zeroPlans = [{ period, amount: '0.00' }]
        expect(bigCustomerSalesPlanCompletion({ ...world, plans: zeroPlans }, period).status).toBe('undefined')
        expect(salesPlanCompletion({ sales: world.sales, plans: [] }, period).status).toBe('undefined')
        expect(bigCustomerDevelopmentPlanCompletion({ customers: world.customers, plans: [{ period, count: 0 }] }, period).status).toBe('undefined')
        expect(feedbackTimeliness({ customers: world.customers, feedback: [] }, period).status).toBe('undefined')
        expect(bigCustomerRevisitRate({ ...world, planned: [] }, period, undefined, { count: 'all' }).status).toBe('undefined')
        expect(serviceCostControl({ costs: world.sales, budgets: zeroPlans }, period).status).toBe('undefined')
        // every customer starts after the period: nobody is a customer at its start
        const fresh = world.customers.map(({ id, tier }) => ({ id, tier, since: '2030-01-01T00:00:00+08:00' }))
        expect(churnRate({ customers: fresh }, period).status).toBe('undefined')
        expect(newDevelopmentRate({ customers: fresh }, period).status).toBe('undefined')
      }),
    )
  })

  it('bounded: timeliness, planned-only revisit rate and churn rate lie in [0, 1]', () => {
    fc.assert(
      fc.property(worldArb, periodArb, (world, period) => {
        for (const rate of [feedbackTimeliness(world, period), bigCustomerRevisitRate(world, period), churnRate(world, period)]) {
          if (rate.status === 'defined') expect(rate.ratio.lessThanOrEqualTo(1)).toBe(true)
        }
      }),
    )
  })

  it('monotone: one more in-period sale to a big customer never lowers R-KPI-1', () => {
    fc.assert(
      fc.property(worldArb, amountArb, (world, amount) => {
        const customers = [...world.customers, { id: 'big', tier: 'key' as const, since: new Date('2020-01-01T00:00:00Z') }]
        const input = { ...world, customers, plans: [{ period: '2026-Q3', amount: '1000000' }] }
        const before = bigCustomerSalesPlanCompletion(input, '2026-Q3')
        const after = bigCustomerSalesPlanCompletion({ ...input, sales: [...world.sales, { customerId: 'big', amount, at: '2026-08-01T12:00:00+08:00' }] }, '2026-Q3')
        if (before.status !== 'defined' || after.status !== 'defined') throw new Error('expected defined rates')
        expect(after.ratio.greaterThanOrEqualTo(before.ratio)).toBe(true)
      }),
    )
  })
})
