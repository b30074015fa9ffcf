import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { serviceInstantArb, workingSpanArb, zoneArb } from '../../test/arbitraries/serviceArb.js'
import { thrown } from '../../test/thrown.js'
import { shanghaiInstant } from '../calendar/shanghaiTime.js'
import { createWorkingCalendar } from '../calendar/workingCalendar.js'
import { workingMillisecondsBetween } from '../calendar/workingHoursBetween.js'
import { breachStatus, dispatchDeadline, type DispatchSlaState } from './dispatchSla.js'
import { createServicePolicy } from './policy.js'

const calendar = createWorkingCalendar()
const HOUR = 3_600_000
const RANK: Record<DispatchSlaState, number> = { 'on-track': 0, 'at-risk': 1, met: 2, breached: 2 }

describe('R-SVC-3 dispatch SLA: 6 working hours in the city, 7 in the suburbs (市区6小时、郊区7小时派工制)', () => {
  it('urban call at 2026-09-30 16:30 → 2026-10-08 14:30 (across 国庆节)', () => {
    expect(dispatchDeadline({ callAt: shanghaiInstant('2026-09-30', '16:30'), zone: 'urban' }, calendar)).toEqual(shanghaiInstant('2026-10-08', '14:30'))
  })

  it('Friday 17:00 (2026-03-13): suburban → Monday 16:00, urban → Monday 15:00', () => {
    const callAt = shanghaiInstant('2026-03-13', '17:00')
    expect(dispatchDeadline({ callAt, zone: 'suburban' }, calendar)).toEqual(shanghaiInstant('2026-03-16', '16:00'))
    expect(dispatchDeadline({ callAt, zone: 'urban' }, calendar)).toEqual(shanghaiInstant('2026-03-16', '15:00'))
  })

  it('a call outside working hours starts the clock at the next window', () => {
    expect(dispatchDeadline({ callAt: shanghaiInstant('2026-03-14', '10:00'), zone: 'urban' }, calendar)).toEqual(shanghaiInstant('2026-03-16', '16:00'))
    expect(dispatchDeadline({ callAt: shanghaiInstant('2026-03-16', '07:00'), zone: 'suburban' }, calendar)).toEqual(shanghaiInstant('2026-03-16', '17:00'))
  })

  it('hours per zone are policy', () => {
    const policy = createServicePolicy({ dispatchWorkingHours: { urban: 4 } })
    expect(dispatchDeadline({ callAt: shanghaiInstant('2026-03-16', '09:00'), zone: 'urban' }, calendar, policy)).toEqual(shanghaiInstant('2026-03-16', '14:00'))
  })

  it('status at an instant: on-track, at-risk, met, breached with the working time lost', () => {
    const call = { callAt: shanghaiInstant('2026-09-30', '16:30'), zone: 'urban' as const }
    expect(breachStatus(call, shanghaiInstant('2026-10-08', '10:00'), calendar)).toEqual({
      ruleId: 'R-SVC-3',
      status: 'on-track',
      deadline: shanghaiInstant('2026-10-08', '14:30'),
      allowedWorkingHours: 6,
      remainingWorkingMs: 3.5 * HOUR,
    })
    expect(breachStatus(call, shanghaiInstant('2026-10-08', '13:30'), calendar).status).toBe('at-risk')
    expect(breachStatus(call, shanghaiInstant('2026-10-08', '14:30'), calendar)).toMatchObject({ status: 'at-risk', remainingWorkingMs: 0 })
    expect(breachStatus(call, shanghaiInstant('2026-10-08', '15:00'), calendar)).toMatchObject({ status: 'breached', overdueWorkingMs: 0.5 * HOUR })
    expect(breachStatus({ ...call, arrivedAt: shanghaiInstant('2026-10-08', '14:30') }, shanghaiInstant('2026-10-09'), calendar).status).toBe('met')
    expect(breachStatus({ ...call, arrivedAt: shanghaiInstant('2026-10-08', '14:30:00.001') }, shanghaiInstant('2026-10-09'), calendar)).toMatchObject({
      status: 'breached',
      overdueWorkingMs: 1,
    })
    // Arrival after `now` is not known yet at `now`.
    expect(breachStatus({ ...call, arrivedAt: shanghaiInstant('2026-10-08', '14:00') }, shanghaiInstant('2026-10-08', '10:00'), calendar).status).toBe('on-track')
  })

  it('a deadline at 18:00 is breached after 18:00 even though no working time is lost until the next morning', () => {
    const call = { callAt: shanghaiInstant('2026-03-16', '11:00'), zone: 'urban' as const }
    expect(dispatchDeadline(call, calendar)).toEqual(shanghaiInstant('2026-03-16', '18:00'))
    expect(breachStatus(call, shanghaiInstant('2026-03-16', '18:30'), calendar)).toMatchObject({ status: 'breached', overdueWorkingMs: 0 })
    expect(breachStatus(call, shanghaiInstant('2026-03-17', '09:30'), calendar)).toMatchObject({ status: 'breached', overdueWorkingMs: 0.5 * HOUR })
  })

  it('property: the deadline is exactly the zone hours of working time after the call; suburban never earlier than urban', () => {
    fc.assert(
      fc.property(serviceInstantArb, zoneArb, (callAt, zone) => {
        const deadline = dispatchDeadline({ callAt, zone }, calendar)
        expect(workingMillisecondsBetween(calendar, deadline, callAt)).toBe((zone === 'urban' ? 6 : 7) * HOUR)
        expect(dispatchDeadline({ callAt, zone: 'suburban' }, calendar).getTime()).toBeGreaterThanOrEqual(dispatchDeadline({ callAt, zone: 'urban' }, calendar).getTime())
      }),
    )
  })

  it('property: arriving within the allowance meets the SLA, beyond it breaches', () => {
    fc.assert(
      fc.property(serviceInstantArb, zoneArb, workingSpanArb, (callAt, zone, span) => {
        const deadline = dispatchDeadline({ callAt, zone }, calendar)
        const arrivedAt = new Date(deadline.getTime() + (span === 0 ? 0 : span - 20 * HOUR))
        if (arrivedAt.getTime() < callAt.getTime()) return
        const status = breachStatus({ callAt, zone, arrivedAt }, new Date(arrivedAt.getTime() + HOUR), calendar).status
        expect(status).toBe(arrivedAt.getTime() <= deadline.getTime() ? 'met' : 'breached')
      }),
    )
  })

  it('property: monotone in now — once breached always breached, once met always met, never back to on-track', () => {
    fc.assert(
      fc.property(
        serviceInstantArb,
        zoneArb,
        fc.option(fc.integer({ min: 0, max: 100 * HOUR }), { nil: undefined }),
        fc.integer({ min: 0, max: 120 * HOUR }),
        fc.integer({ min: 0, max: 120 * HOUR }),
        (callAt, zone, arrival, a, b) => {
          const subject = arrival === undefined ? { callAt, zone } : { callAt, zone, arrivedAt: new Date(callAt.getTime() + arrival) }
          const early = breachStatus(subject, new Date(callAt.getTime() + Math.min(a, b)), calendar).status
          const later = breachStatus(subject, new Date(callAt.getTime() + Math.max(a, b)), calendar).status
          expect(RANK[later]).toBeGreaterThanOrEqual(RANK[early])
          if (early === 'breached' || early === 'met') expect(later).toBe(early)
        },
      ),
    )
  })

  it.each([
    [() => dispatchDeadline(null as never, calendar), 'SERVICE.INVALID_RECORD', 'ticket'],
    [() => dispatchDeadline({ callAt: new Date(Number.NaN), zone: 'urban' }, calendar), 'SERVICE.INVALID_INSTANT', 'ticket.callAt'],
    [() => dispatchDeadline({ callAt: shanghaiInstant('2026-03-16'), zone: 'rural' as never }, calendar), 'SERVICE.INVALID_TICKET', 'ticket.zone'],
    [() => breachStatus({ callAt: shanghaiInstant('2026-03-16'), zone: 'urban', arrivedAt: shanghaiInstant('2026-03-15') }, shanghaiInstant('2026-03-17'), calendar), 'SERVICE.INVALID_TICKET', 'ticket.arrivedAt'],
    [() => breachStatus({ callAt: shanghaiInstant('2026-03-16'), zone: 'urban' }, 'now' as never, calendar), 'SERVICE.INVALID_INSTANT', 'now'],
    [() => dispatchDeadline({ callAt: shanghaiInstant('2030-03-16'), zone: 'urban' }, calendar), 'CALENDAR.YEAR_NOT_COVERED', undefined],
  ])('error path %#: %s', (run, code, field) => {
    const error = thrown(run)
    expect(error.code).toBe(code)
    if (field !== undefined) expect(error.field).toBe(field)
  })
})
