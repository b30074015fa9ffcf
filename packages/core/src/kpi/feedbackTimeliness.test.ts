import { describe, expect, it } from 'vitest'

import { feedbackTimeliness } from './feedbackTimeliness.js'

const since = '2020-01-01T00:00:00+08:00'
const customers = [
  { id: 'k', tier: 'key', since },
  { id: 'g', tier: 'general', since },
] as const

describe('R-KPI-4 big-customer feedback timeliness', () => {
  const feedback = [
    // answered exactly at the due instant: on time
    { customerId: 'k', receivedAt: '2026-07-01T09:00:00+08:00', dueAt: '2026-07-02T09:00:00+08:00', answeredAt: '2026-07-02T09:00:00+08:00' },
    // one second late
    { customerId: 'k', receivedAt: '2026-07-03T09:00:00+08:00', dueAt: '2026-07-04T09:00:00+08:00', answeredAt: '2026-07-04T09:00:01+08:00' },
    // never answered: late
    { customerId: 'k', receivedAt: '2026-07-05T09:00:00+08:00', dueAt: '2026-07-06T09:00:00+08:00' },
    // early
    { customerId: 'k', receivedAt: '2026-07-07T09:00:00+08:00', dueAt: '2026-07-08T09:00:00+08:00', answeredAt: '2026-07-07T15:00:00+08:00' },
    // not a big customer
    { customerId: 'g', receivedAt: '2026-07-07T09:00:00+08:00', dueAt: '2026-07-08T09:00:00+08:00' },
    // received in July, due in August: belongs to August
    { customerId: 'k', receivedAt: '2026-07-31T20:00:00+08:00', dueAt: '2026-08-01T00:00:00+08:00', answeredAt: '2026-07-31T21:00:00+08:00' },
  ]

  it('worked example: 2 on time of 4 due in July = 50.00%', () => {
    const rate = feedbackTimeliness({ customers, feedback }, '2026-07')
    expect(rate).toMatchObject({ status: 'defined', percent: '50.00' })
  })

  it('feedback is counted in the period it falls due in', () => {
    expect(feedbackTimeliness({ customers, feedback }, '2026-08')).toMatchObject({ status: 'defined', percent: '100.00' })
  })

  it('no feedback due → undefined with KPI.NO_FEEDBACK_DUE', () => {
    expect(feedbackTimeliness({ customers, feedback }, '2026-09')).toMatchObject({ status: 'undefined', reason: { code: 'KPI.NO_FEEDBACK_DUE', ruleId: 'R-KPI-4' } })
  })

  it.each([
    [{ customerId: 'k', receivedAt: '2026-07-02T09:00:00+08:00', dueAt: '2026-07-01T09:00:00+08:00' }, 'KPI.INCONSISTENT_DATES', 'feedback[0].dueAt'],
    [{ customerId: 'k', receivedAt: '2026-07-02T09:00:00+08:00', dueAt: '2026-07-03T09:00:00+08:00', answeredAt: '2026-07-01T09:00:00+08:00' }, 'KPI.INCONSISTENT_DATES', 'feedback[0].answeredAt'],
    [{ customerId: 'k', receivedAt: '2026-07-02T09:00:00+08:00', dueAt: '2026-07-03' }, 'KPI.INSTANT_WITHOUT_OFFSET', 'feedback[0].dueAt'],
    [{ customerId: 'z', receivedAt: '2026-07-02T09:00:00+08:00', dueAt: '2026-07-03T09:00:00+08:00' }, 'KPI.UNKNOWN_CUSTOMER', 'feedback[0].customerId'],
  ])('validates feedback: %# → %s at %s', (record, code, field) => {
    expect(() => feedbackTimeliness({ customers, feedback: [record] }, '2026-07')).toThrow(expect.objectContaining({ code, field }))
  })
})
