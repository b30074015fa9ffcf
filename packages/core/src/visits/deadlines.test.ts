import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { coveredInstantArb } from '../../test/arbitraries/visitArb.js'
import { createWorkingCalendar, isWorkingDay, shanghaiInstant, toShanghaiDay } from '../calendar/index.js'
import { dataEntryDeadline, isDataEntryLate, minutesDeadline } from './deadlines.js'
import { InvalidVisitInputError } from './errors.js'
import { createVisitPolicy } from './policy.js'

const calendar = createWorkingCalendar()
const DAY_MS = 86_400_000

describe('R-VIS-3 data-entry deadline (2 working days)', () => {
  it.each([
    // Friday 2026-09-25 is 中秋节 itself; Sat/Sun off; Mon 28 and Tue 29 count.
    ['2026-09-25', '15:00', '2026-09-29'],
    // Wed 2026-09-30: 10-01…10-07 National Day; Thu 10-08 and Fri 10-09 count.
    ['2026-09-30', '11:00', '2026-10-09'],
    // Sat 2026-09-19: Sun 09-20 is a make-up working day (调休上班), then Mon 09-21.
    ['2026-09-19', '10:00', '2026-09-21'],
    // Fri 2026-10-09: Sat 10-10 is a make-up working day, then Mon 10-12.
    ['2026-10-09', '17:30', '2026-10-12'],
    // Outside working hours on a working day: the collection day still never counts.
    ['2026-09-28', '23:30', '2026-09-30'],
  ])('collected %s %s → due by the end of %s', (day, time, dueDay) => {
    expect(dataEntryDeadline(shanghaiInstant(day, time), calendar)).toEqual(new Date(shanghaiInstant(dueDay).getTime() + DAY_MS))
  })

  it('is on time up to the last millisecond of the due day, late from 00:00 the next day', () => {
    const collected = shanghaiInstant('2026-09-25', '15:00')
    expect(isDataEntryLate(new Date(shanghaiInstant('2026-09-30').getTime() - 1), collected, calendar)).toBe(false)
    expect(isDataEntryLate(shanghaiInstant('2026-09-29', '17:59'), collected, calendar)).toBe(false)
    expect(isDataEntryLate(shanghaiInstant('2026-09-30'), collected, calendar)).toBe(true)
    expect(isDataEntryLate(collected, collected, calendar)).toBe(false)
  })

  it('follows the policy: 0 working days means by the end of the collection day', () => {
    const policy = createVisitPolicy({ dataEntryWorkingDays: 0 })
    expect(dataEntryDeadline(shanghaiInstant('2026-09-25', '15:00'), calendar, policy)).toEqual(shanghaiInstant('2026-09-26'))
    expect(dataEntryDeadline(shanghaiInstant('2026-09-30', '11:00'), calendar, createVisitPolicy({ dataEntryWorkingDays: 3 }))).toEqual(shanghaiInstant('2026-10-11'))
  })

  it('property: the deadline is after the collection instant, at 00:00 +08:00 ending a working day, and monotone in the instant', () => {
    fc.assert(
      fc.property(coveredInstantArb, coveredInstantArb, (a, b) => {
        const deadline = dataEntryDeadline(a, calendar)
        expect(deadline.getTime()).toBeGreaterThan(a.getTime())
        expect(shanghaiInstant(toShanghaiDay(deadline))).toEqual(deadline)
        const dueDay = toShanghaiDay(new Date(deadline.getTime() - 1))
        expect(isWorkingDay(calendar, dueDay)).toBe(true)
        expect(dueDay > toShanghaiDay(a)).toBe(true)
        const [early, late] = a.getTime() <= b.getTime() ? [a, b] : [b, a]
        expect(dataEntryDeadline(early, calendar).getTime()).toBeLessThanOrEqual(dataEntryDeadline(late, calendar).getTime())
      }),
    )
  })

  it('property: exactly 2 working days lie after the collection day up to and including the due day', () => {
    fc.assert(
      fc.property(coveredInstantArb, (collected) => {
        const deadline = dataEntryDeadline(collected, calendar)
        let count = 0
        for (let ms = shanghaiInstant(toShanghaiDay(collected)).getTime() + DAY_MS; ms < deadline.getTime(); ms += DAY_MS) {
          if (isWorkingDay(calendar, toShanghaiDay(new Date(ms)))) count += 1
        }
        return count === 2
      }),
    )
  })

  it('refuses an entry before the collection and a malformed instant', () => {
    const error = thrown(() => isDataEntryLate(shanghaiInstant('2026-09-24'), shanghaiInstant('2026-09-25'), calendar), InvalidVisitInputError)
    expect([error.code, error.field, error.ruleId]).toEqual(['VISIT.ENTERED_BEFORE_COLLECTED', 'enteredAt', 'R-VIS-3'])
    const bad = thrown(() => dataEntryDeadline(new Date(Number.NaN), calendar), InvalidVisitInputError)
    expect([bad.code, bad.field]).toEqual(['VISIT.INVALID_ARGUMENT', 'collectedAt'])
  })

  it('passes on the calendar’s refusal of an uncovered year', () => {
    expect(thrown(() => dataEntryDeadline(shanghaiInstant('2030-01-02'), calendar)).code).toBe('CALENDAR.YEAR_NOT_COVERED')
  })
})

describe('R-VIS-4 minutes deadline (2 working days)', () => {
  it('a meeting on Wed 2026-09-30 16:00 → minutes due by the end of Fri 2026-10-09', () => {
    expect(minutesDeadline(shanghaiInstant('2026-09-30', '16:00'), calendar)).toEqual(shanghaiInstant('2026-10-10'))
  })

  it('follows its own policy field', () => {
    expect(minutesDeadline(shanghaiInstant('2026-09-30', '16:00'), calendar, createVisitPolicy({ minutesWorkingDays: 1 }))).toEqual(shanghaiInstant('2026-10-09'))
    expect(thrown(() => minutesDeadline(new Date('x'), calendar)).field).toBe('meetingAt')
  })
})

describe('visits policy', () => {
  it.each([
    [{ minutesWorkingDays: 1.5 }, 'visits.minutesWorkingDays'],
    [{ dataEntryWorkingDays: -1 }, 'visits.dataEntryWorkingDays'],
    [{ dataEntryWorkingDay: 2 }, 'visits.dataEntryWorkingDay'],
    ['2', 'visits'],
  ])('refuses %j naming %s', (overrides, field) => {
    const error = thrown(() => createVisitPolicy(overrides))
    expect([error.code, error.field]).toEqual(['POLICY.INVALID_FIELD', field])
  })

  it('validates a policy passed directly to a deadline function', () => {
    expect(thrown(() => dataEntryDeadline(shanghaiInstant('2026-09-25'), calendar, { dataEntryWorkingDays: -2, minutesWorkingDays: 2 })).field).toBe('policy.dataEntryWorkingDays')
  })
})
