import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { okTicket, registeredTicket, serviceDayArb } from '../../test/arbitraries/serviceArb.js'
import { thrown } from '../../test/thrown.js'
import { addCalendarDays, calendarDaysBetween } from '../calendar/civilDay.js'
import { shanghaiInstant } from '../calendar/shanghaiTime.js'
import type { Staff } from '../staff/staff.js'
import { createServicePolicy } from './policy.js'
import { renewalNoticeDate, renewalNoticeStatus } from './renewalNotice.js'
import { repairEscalations } from './repairEscalations.js'
import type { ServiceTicket } from './ticket.js'
import { dispatchTicket, recordArrival, recordRepair, takeToWorkshop } from './transitions.js'

const technician: Staff = { id: 'tech-1', roles: ['specialist'], active: true }

function inWorkshop(id: string, promisedDate: string): ServiceTicket {
  const registered = registeredTicket({ id, callAt: shanghaiInstant('2026-10-08', '09:00') })
  const dispatched = okTicket(dispatchTicket(registered, { technician, at: shanghaiInstant('2026-10-08', '09:10') }))
  const arrived = okTicket(recordArrival(dispatched, { at: shanghaiInstant('2026-10-08', '11:00') }))
  return okTicket(takeToWorkshop(arrived, { at: shanghaiInstant('2026-10-08', '11:30'), receiptNumber: `R-${id}`, repairCardNumber: `K-${id}`, promisedDate, customerSigned: true }))
}

describe('R-SVC-5 late workshop repairs are escalated to the service supervisor (报请服务主任协助)', () => {
  it('escalates repairs whose promised day has ended, most late first', () => {
    const a = inWorkshop('A', '2026-10-12')
    const b = inWorkshop('B', '2026-10-10')
    const c = inWorkshop('C', '2026-10-13')
    const done = okTicket(recordRepair(inWorkshop('D', '2026-10-09'), { at: shanghaiInstant('2026-10-09', '10:00'), acceptedBy: { id: 's', roles: ['serviceSupervisor'], active: true }, workHours: 1 }))
    const escalations = repairEscalations([a, b, c, done], shanghaiInstant('2026-10-13', '09:00'))
    expect(escalations.map((e) => [e.ticketId, e.daysLate, e.escalateTo])).toEqual([
      ['B', 3, 'serviceSupervisor'],
      ['A', 1, 'serviceSupervisor'],
    ])
    expect(escalations[0]).toMatchObject({ ruleId: 'R-SVC-5', technicianId: 'tech-1', promisedDate: '2026-10-10' })
    expect(escalations[0]?.messageZh).toContain('报请服务主任协助')
    expect(repairEscalations([a], shanghaiInstant('2026-10-12', '23:59'))).toEqual([])
    expect(repairEscalations([a], shanghaiInstant('2026-10-13', '00:00'), createServicePolicy({ supervisorRole: 'manager' }))[0]?.escalateTo).toBe('manager')
  })

  it('property: escalated iff the promised day is before today', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (promiseOffset, nowOffset) => {
        const promisedDate = addCalendarDays('2026-10-08', promiseOffset)
        const today = addCalendarDays('2026-10-08', nowOffset)
        const escalations = repairEscalations([inWorkshop('X', promisedDate)], shanghaiInstant(today, '12:00'))
        expect(escalations.length).toBe(today > promisedDate ? 1 : 0)
        if (escalations[0]) expect(escalations[0].daysLate).toBe(calendarDaysBetween(today, promisedDate))
      }),
    )
  })

  it.each([
    [() => repairEscalations(null as never, shanghaiInstant('2026-10-13')), 'SERVICE.INVALID_RECORD', 'tickets'],
    [() => repairEscalations([{ ...inWorkshop('A', '2026-10-12'), workshop: undefined } as never], shanghaiInstant('2026-10-13')), 'SERVICE.INVALID_TICKET', 'tickets[0].workshop'],
    [() => repairEscalations([], 'today' as never), 'SERVICE.INVALID_INSTANT', 'now'],
  ])('error path %#: %s', (run, code, field) => {
    const error = thrown(run)
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })
})

describe('R-SVC-6 maintenance-contract renewal notice 1 month before expiry (保养到期通知书)', () => {
  it.each([
    ['2026-12-31', '2026-11-30'],
    ['2026-03-31', '2026-02-28'],
    ['2028-03-31', '2028-02-29'],
    ['2028-03-30', '2028-02-29'],
    ['2026-07-31', '2026-06-30'],
    ['2026-01-15', '2025-12-15'],
  ])('contract ending %s → notice on %s', (end, notice) => {
    expect(renewalNoticeDate(end)).toBe(notice)
  })

  it('follows the policy and reports the status at an instant', () => {
    expect(renewalNoticeDate('2026-12-31', createServicePolicy({ renewalNoticeMonthsBefore: 2 }))).toBe('2026-10-31')
    expect(renewalNoticeStatus('2026-12-31', shanghaiInstant('2026-11-29', '23:59'))).toBe('notYet')
    expect(renewalNoticeStatus('2026-12-31', shanghaiInstant('2026-11-30', '09:00'))).toBe('due')
    expect(renewalNoticeStatus('2026-12-31', shanghaiInstant('2026-12-31', '23:59'))).toBe('due')
    expect(renewalNoticeStatus('2026-12-31', shanghaiInstant('2027-01-01'))).toBe('expired')
  })

  it('property: the notice is within one calendar month before the end, never after it', () => {
    fc.assert(
      fc.property(serviceDayArb, (end) => {
        const notice = renewalNoticeDate(end)
        const gap = calendarDaysBetween(end, notice)
        expect(gap).toBeGreaterThanOrEqual(28)
        expect(gap).toBeLessThanOrEqual(31)
        // Same day of month unless the earlier month is shorter (then its last day).
        if (notice.slice(8) !== end.slice(8)) expect(Number(notice.slice(8))).toBeLessThan(Number(end.slice(8)))
      }),
    )
  })

  it('refuses a bad day', () => {
    const error = thrown(() => renewalNoticeDate('2026-02-30'))
    expect(error.code).toBe('SERVICE.INVALID_DAY')
    expect(error.field).toBe('contractEndDay')
  })
})
