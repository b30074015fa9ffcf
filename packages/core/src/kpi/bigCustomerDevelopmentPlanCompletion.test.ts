import { describe, expect, it } from 'vitest'

import { bigCustomerDevelopmentPlanCompletion } from './bigCustomerDevelopmentPlanCompletion.js'

describe('R-KPI-3 big-customer development plan completion', () => {
  const customers = [
    { id: 'n1', tier: 'key', since: '2026-08-03T09:00:00+08:00' },
    { id: 'n2', tier: 'strategic', since: '2026-09-30T23:59:59+08:00' },
    { id: 'n3', tier: 'general', since: '2026-08-05T09:00:00+08:00' }, // not big
    { id: 'o1', tier: 'key', since: '2026-06-30T23:59:59+08:00' }, // before Q3
  ] as const

  it('worked example: 2 developed ÷ 4 planned = 50.00%', () => {
    const rate = bigCustomerDevelopmentPlanCompletion({ customers, plans: [{ period: '2026-Q3', count: 4 }] }, '2026-Q3')
    expect(rate).toMatchObject({ status: 'defined', percent: '50.00' })
    if (rate.status === 'defined') expect([rate.numerator.toNumber(), rate.denominator.toNumber()]).toEqual([2, 4])
  })

  it('monthly plan lines add up; over-achievement is above 100%', () => {
    const rate = bigCustomerDevelopmentPlanCompletion({ customers, plans: [{ period: '2026-08', count: 1 }, { period: '2026-09', count: 0 }] }, '2026-Q3')
    expect(rate.status === 'defined' && rate.percent).toBe('200.00')
  })

  it('a zero plan → undefined with KPI.NO_DEVELOPMENT_PLAN', () => {
    expect(bigCustomerDevelopmentPlanCompletion({ customers, plans: [] }, '2026-Q3')).toMatchObject({
      status: 'undefined',
      reason: { code: 'KPI.NO_DEVELOPMENT_PLAN', ruleId: 'R-KPI-3' },
    })
  })

  it.each([-1, 1.5, '2'])('refuses a plan count of %j', (count) => {
    expect(() => bigCustomerDevelopmentPlanCompletion({ customers, plans: [{ period: '2026-Q3', count: count as number }] }, '2026-Q3')).toThrow(
      expect.objectContaining({ code: 'KPI.INVALID_RECORD', field: 'plans[0].count' }),
    )
  })
})
