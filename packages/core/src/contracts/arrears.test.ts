import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { contractDayArb, contractInstantArb } from '../../test/arbitraries/contractArb.js'
import { thrown } from '../../test/thrown.js'
import { shanghaiInstant } from '../calendar/shanghaiTime.js'
import { createWorkingCalendar } from '../calendar/workingCalendar.js'
import { arrearsReplyDeadline, arrearsReplyStatus, lateDeliveryDeadline, lateDeliveryStatus } from './arrears.js'
import { createContractPolicy } from './policy.js'

const calendar = createWorkingCalendar()
const STATE_ORDER = { pending: 0, overdue: 1, onTime: 2, late: 2 } as const

describe('R-CON-3 arrears reply within 2 working days (拖欠合同两个工作日内答复)', () => {
  it('skips the National Day holiday', () => {
    expect(arrearsReplyDeadline(shanghaiInstant('2026-09-30', '15:00'), calendar)).toEqual({
      ruleId: 'R-CON-3',
      lastDay: '2026-10-09',
      dueBefore: shanghaiInstant('2026-10-10'),
    })
  })

  it('a Friday notice is due by the end of Tuesday', () => {
    expect(arrearsReplyDeadline(shanghaiInstant('2026-03-13', '17:00'), calendar).lastDay).toBe('2026-03-17')
  })

  it('follows the policy', () => {
    expect(arrearsReplyDeadline(shanghaiInstant('2026-03-13', '17:00'), calendar, createContractPolicy({ arrearsReplyWorkingDays: 1 })).lastDay).toBe('2026-03-16')
  })

  it('status at an instant', () => {
    const noticedAt = shanghaiInstant('2026-09-30', '15:00')
    expect(arrearsReplyStatus({ noticedAt }, shanghaiInstant('2026-10-09', '23:59'), calendar).state).toBe('pending')
    expect(arrearsReplyStatus({ noticedAt }, shanghaiInstant('2026-10-10', '00:00'), calendar).state).toBe('overdue')
    expect(arrearsReplyStatus({ noticedAt, repliedAt: shanghaiInstant('2026-10-09', '17:00') }, shanghaiInstant('2026-11-01'), calendar).state).toBe('onTime')
    expect(arrearsReplyStatus({ noticedAt, repliedAt: shanghaiInstant('2026-10-10', '09:00') }, shanghaiInstant('2026-11-01'), calendar).state).toBe('late')
    // A reply after `at` is not known at `at`.
    expect(arrearsReplyStatus({ noticedAt, repliedAt: shanghaiInstant('2026-10-09', '17:00') }, shanghaiInstant('2026-10-08'), calendar).state).toBe('pending')
  })

  it('property: status is monotone in the instant', () => {
    fc.assert(
      fc.property(contractInstantArb, fc.option(fc.integer({ min: 0, max: 20 * 86_400_000 }), { nil: undefined }), fc.integer({ min: 0, max: 30 * 86_400_000 }), fc.integer({ min: 0, max: 30 * 86_400_000 }), (noticedAt, replyAfter, a, b) => {
        if (noticedAt.getTime() > shanghaiInstant('2026-11-30').getTime()) return
        const arrears = replyAfter === undefined ? { noticedAt } : { noticedAt, repliedAt: new Date(noticedAt.getTime() + replyAfter) }
        const early = arrearsReplyStatus(arrears, new Date(noticedAt.getTime() + Math.min(a, b)), calendar).state
        const later = arrearsReplyStatus(arrears, new Date(noticedAt.getTime() + Math.max(a, b)), calendar).state
        expect(STATE_ORDER[later]).toBeGreaterThanOrEqual(STATE_ORDER[early])
        if (early === 'overdue') expect(['overdue', 'late']).toContain(later)
        if (early === 'onTime' || early === 'late') expect(later).toBe(early)
      }),
    )
  })

  it.each([
    [() => arrearsReplyDeadline(new Date('x'), calendar), 'CONTRACT.INVALID_INSTANT', 'arrearsNoticedAt'],
    [() => arrearsReplyStatus({ noticedAt: shanghaiInstant('2026-03-02'), repliedAt: shanghaiInstant('2026-03-01') }, shanghaiInstant('2026-03-05'), calendar), 'CONTRACT.INCONSISTENT_DATES', 'arrears.repliedAt'],
    [() => arrearsReplyStatus({ noticedAt: shanghaiInstant('2026-03-02') }, 'now' as never, calendar), 'CONTRACT.INVALID_INSTANT', 'at'],
    [() => arrearsReplyStatus(null as never, shanghaiInstant('2026-03-05'), calendar), 'CONTRACT.INVALID_RECORD', 'arrears'],
  ])('error path %#: %s', (run, code, field) => {
    const error = thrown(run)
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })
})

describe('R-CON-3 late delivery completed within 1 week (拖欠产品交付一周内完成)', () => {
  it('counts calendar days, holidays included', () => {
    expect(lateDeliveryDeadline('2026-09-28')).toEqual({ ruleId: 'R-CON-3', lastDay: '2026-10-05', dueBefore: shanghaiInstant('2026-10-06') })
    expect(lateDeliveryStatus({ promisedDay: '2026-09-28', deliveredAt: shanghaiInstant('2026-10-05', '17:00') }, shanghaiInstant('2026-10-20')).state).toBe('onTime')
    expect(lateDeliveryStatus({ promisedDay: '2026-09-28', deliveredAt: shanghaiInstant('2026-10-06', '08:00') }, shanghaiInstant('2026-10-20')).state).toBe('late')
    expect(lateDeliveryStatus({ promisedDay: '2026-09-28' }, shanghaiInstant('2026-10-05', '23:00')).state).toBe('pending')
    expect(lateDeliveryStatus({ promisedDay: '2026-09-28' }, shanghaiInstant('2026-10-06')).state).toBe('overdue')
    expect(lateDeliveryDeadline('2026-09-28', createContractPolicy({ lateDeliveryCalendarDays: 10 })).lastDay).toBe('2026-10-08')
  })

  it('property: the last day is exactly 7 days after the promised day', () => {
    fc.assert(
      fc.property(contractDayArb, (day) => {
        const deadline = lateDeliveryDeadline(day)
        expect(deadline.dueBefore.getTime() - shanghaiInstant(day).getTime()).toBe(8 * 86_400_000)
        expect(deadline.lastDay > day).toBe(true)
      }),
    )
  })

  it.each([
    [() => lateDeliveryDeadline('2026/09/28'), 'CONTRACT.INVALID_DAY', 'promisedDay'],
    [() => lateDeliveryStatus({ promisedDay: '2026-09-28', deliveredAt: 5 as never }, shanghaiInstant('2026-10-06')), 'CONTRACT.INVALID_INSTANT', 'delivery.deliveredAt'],
  ])('error path %#: %s', (run, code, field) => {
    const error = thrown(run)
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })
})
