import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { dueDatesArb, positiveAmountArb, ratiosFor } from '../../test/arbitraries/contractArb.js'
import { thrown } from '../../test/thrown.js'
import { addCalendarDays, calendarDaysBetween } from '../calendar/civilDay.js'
import { sumMoney } from '../money/money.js'
import { instalmentSchedule } from './instalmentSchedule.js'
import { createContractPolicy } from './policy.js'
import { reminderDates } from './reminders.js'

describe('R-CON-2 instalment schedule (分期付款计划)', () => {
  it('splits ¥10,000 in three, the extra fen to the first', () => {
    const schedule = instalmentSchedule({ amount: '10000', dueDates: ['2026-03-31', '2026-06-30', '2026-09-30'] })
    expect(schedule.instalments.map((i) => [i.number, i.dueDate, i.amount.toString()])).toEqual([
      [1, '2026-03-31', '3333.34'],
      [2, '2026-06-30', '3333.33'],
      [3, '2026-09-30', '3333.33'],
    ])
    expect(schedule.total.toString()).toBe('10000.00')
    expect(schedule.ruleId).toBe('R-CON-2')
  })

  it('follows ratios: 30 % / 70 %', () => {
    const schedule = instalmentSchedule({ amount: '10000', dueDates: ['2026-03-31', '2026-06-30'], ratios: ['0.3', '0.7'] })
    expect(schedule.instalments.map((i) => i.amount.toString())).toEqual(['3000.00', '7000.00'])
  })

  it('property: the instalments always sum exactly to the amount, each within a fen of its share', () => {
    fc.assert(
      fc.property(positiveAmountArb, dueDatesArb.chain((days) => fc.tuple(fc.constant(days), ratiosFor(days.length))), (amount, [dueDates, ratios]) => {
        const schedule = instalmentSchedule({ amount, dueDates, ratios })
        expect(sumMoney(schedule.instalments.map((i) => i.amount)).equals(amount)).toBe(true)
        expect(schedule.instalments.map((i) => i.dueDate)).toEqual(dueDates)
        const weight = ratios.reduce((a, b) => a + b, 0)
        schedule.instalments.forEach((instalment, index) => {
          // |part × weight − amount × ratio| < weight (in fen): within one fen of the exact share.
          const gap = instalment.amount.fen * BigInt(weight) - amount.fen * BigInt(ratios[index]!)
          expect(gap < BigInt(weight) && gap > -BigInt(weight)).toBe(true)
        })
      }),
    )
  })

  it.each([
    [{ amount: '0', dueDates: ['2026-01-01'] }, 'CONTRACT.INVALID_AMOUNT', 'schedule.amount'],
    [{ amount: '100', dueDates: [] }, 'CONTRACT.INVALID_DUE_DATES', 'schedule.dueDates'],
    [{ amount: '100', dueDates: '2026-01-01' }, 'CONTRACT.INVALID_RECORD', 'schedule.dueDates'],
    [{ amount: '100', dueDates: ['2026-02-30'] }, 'CONTRACT.INVALID_DAY', 'schedule.dueDates[0]'],
    [{ amount: '100', dueDates: ['2026-03-01', '2026-03-01'] }, 'CONTRACT.INVALID_DUE_DATES', 'schedule.dueDates[1]'],
    [{ amount: '100', dueDates: ['2026-03-02', '2026-03-01'] }, 'CONTRACT.INVALID_DUE_DATES', 'schedule.dueDates[1]'],
    [{ amount: '100', dueDates: ['2026-03-01'], ratios: [1, 1] }, 'CONTRACT.INVALID_RATIOS', 'schedule.ratios'],
    [{ amount: '100', dueDates: ['2026-03-01', '2026-04-01'], ratios: [1, 0] }, 'CONTRACT.INVALID_RATIOS', 'schedule.ratios[1]'],
    [{ amount: '100', dueDates: ['2026-03-01'], ratios: ['x'] }, 'DECIMAL.MALFORMED', 'schedule.ratios[0]'],
  ])('refuses %j with %s at %s', (input, code, field) => {
    const error = thrown(() => instalmentSchedule(input as never))
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })
})

describe('R-CON-2 payment reminders (约定付款期前提醒)', () => {
  it('reminds 3 calendar days before each due date, holidays included', () => {
    const schedule = instalmentSchedule({ amount: '9000', dueDates: ['2026-03-31', '2026-06-30', '2026-10-08'] })
    expect(reminderDates(schedule).map((r) => [r.instalmentNumber, r.remindOn, r.amount.toString()])).toEqual([
      [1, '2026-03-28', '3000.00'],
      [2, '2026-06-27', '3000.00'],
      [3, '2026-10-05', '3000.00'],
    ])
  })

  it('follows the policy', () => {
    const schedule = instalmentSchedule({ amount: '100', dueDates: ['2026-03-01'] })
    expect(reminderDates(schedule, createContractPolicy({ reminderDaysBeforeDue: 7 }))[0]?.remindOn).toBe('2026-02-22')
    expect(reminderDates(schedule, createContractPolicy({ reminderDaysBeforeDue: 0 }))[0]?.remindOn).toBe('2026-03-01')
  })

  it('property: every reminder is exactly the policy days before its due date', () => {
    fc.assert(
      fc.property(dueDatesArb, fc.integer({ min: 0, max: 30 }), (dueDates, days) => {
        const reminders = reminderDates(instalmentSchedule({ amount: '1000', dueDates }), createContractPolicy({ reminderDaysBeforeDue: days }))
        reminders.forEach((reminder, index) => {
          expect(reminder.dueDate).toBe(dueDates[index])
          expect(calendarDaysBetween(reminder.dueDate, reminder.remindOn)).toBe(days)
          expect(addCalendarDays(reminder.remindOn, days)).toBe(reminder.dueDate)
        })
      }),
    )
  })

  it.each([
    [{ ruleId: 'R-CON-2', total: '100.00', instalments: [] }, 'CONTRACT.INVALID_SCHEDULE', 'schedule.instalments'],
    [{ ruleId: 'R-CON-2', total: '100.00', instalments: [{ number: 2, dueDate: '2026-01-01', amount: '100.00' }] }, 'CONTRACT.INVALID_SCHEDULE', 'schedule.instalments[0].number'],
    [{ ruleId: 'R-CON-2', total: '100.00', instalments: [{ number: 1, dueDate: '2026-01-01', amount: '99.99' }] }, 'CONTRACT.INVALID_SCHEDULE', 'schedule.instalments'],
    [
      { ruleId: 'R-CON-2', total: '100.00', instalments: [{ number: 1, dueDate: '2026-01-02', amount: '50' }, { number: 2, dueDate: '2026-01-01', amount: '50' }] },
      'CONTRACT.INVALID_SCHEDULE',
      'schedule.instalments[1].dueDate',
    ],
    [{ ruleId: 'R-CON-2', total: '100.00', instalments: [{ number: 1, dueDate: '2026-01-01', amount: '-1' }] }, 'CONTRACT.INVALID_AMOUNT', 'schedule.instalments[0].amount'],
  ])('refuses a malformed stored schedule %#', (schedule, code, field) => {
    const error = thrown(() => reminderDates(schedule as never))
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })
})
