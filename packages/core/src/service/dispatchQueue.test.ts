import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { okTicket, registeredTicket, serviceInstantArb } from '../../test/arbitraries/serviceArb.js'
import { thrown } from '../../test/thrown.js'
import { shanghaiInstant, toShanghaiDay } from '../calendar/shanghaiTime.js'
import { createWorkingCalendar } from '../calendar/workingCalendar.js'
import { dispatchQueue } from './dispatchQueue.js'
import { dispatchTicket } from './transitions.js'

const calendar = createWorkingCalendar()

describe('R-SVC-4 calls not dispatched on their day go first the next working day (次日优先派工)', () => {
  it('orders carried-over calls first (oldest first), then today’s by call time', () => {
    const sept30 = registeredTicket({ id: 'sept30', callAt: shanghaiInstant('2026-09-30', '17:30') })
    const holiday = registeredTicket({ id: 'holiday1002', callAt: shanghaiInstant('2026-10-02', '10:00') })
    const today0900 = registeredTicket({ id: 'today0900', callAt: shanghaiInstant('2026-10-08', '09:00') })
    const today0800 = registeredTicket({ id: 'today0800', callAt: shanghaiInstant('2026-10-08', '08:00') })
    const later = registeredTicket({ id: 'later', callAt: shanghaiInstant('2026-10-08', '10:00') })
    const dispatched = okTicket(dispatchTicket(registeredTicket({ id: 'done', callAt: shanghaiInstant('2026-09-29', '10:00') }), { technician: { id: 'x', roles: ['specialist'], active: true }, at: shanghaiInstant('2026-09-29', '11:00') }))
    const queue = dispatchQueue([today0900, later, holiday, dispatched, sept30, today0800], shanghaiInstant('2026-10-08', '09:05'), calendar)
    expect(queue.map((entry) => [entry.position, entry.ticket.id, entry.priority])).toEqual([
      [1, 'sept30', 'carriedOver'],
      [2, 'holiday1002', 'carriedOver'],
      [3, 'today0800', 'today'],
      [4, 'today0900', 'today'],
    ])
    // 09-30's priority day was 10-08 (first working day after), the holiday call's too.
    expect(queue[0]).toMatchObject({ callDay: '2026-09-30', priorityDay: '2026-10-08', missedPriorityDay: false, ruleId: 'R-SVC-4' })
    expect(queue[1]).toMatchObject({ callDay: '2026-10-02', priorityDay: '2026-10-08', missedPriorityDay: false })
    expect(queue[2]?.priorityDay).toBeUndefined()
  })

  it('flags a carried-over call whose priority day has passed', () => {
    const old = registeredTicket({ id: 'old', callAt: shanghaiInstant('2026-03-13', '17:30') })
    const [entry] = dispatchQueue([old], shanghaiInstant('2026-03-17', '09:00'), calendar)
    expect(entry).toMatchObject({ priority: 'carriedOver', priorityDay: '2026-03-16', missedPriorityDay: true })
  })

  it('property: a permutation of the waiting calls, carried-over first, each group in call-time order', () => {
    fc.assert(
      fc.property(fc.array(serviceInstantArb, { maxLength: 15 }), serviceInstantArb, (calls, now) => {
        const tickets = calls.map((callAt, index) => registeredTicket({ id: `T${index}`, callAt }))
        const queue = dispatchQueue(tickets, now, calendar)
        const expectedIds = tickets.filter((ticket) => ticket.callAt <= now).map((ticket) => ticket.id)
        expect(queue.map((entry) => entry.ticket.id).sort()).toEqual(expectedIds.sort())
        const today = toShanghaiDay(now)
        queue.forEach((entry, index) => {
          expect(entry.priority).toBe(entry.callDay < today ? 'carriedOver' : 'today')
          const previous = queue[index - 1]
          if (previous === undefined) return
          if (previous.priority === entry.priority) expect(previous.ticket.callAt.getTime()).toBeLessThanOrEqual(entry.ticket.callAt.getTime())
          else expect([previous.priority, entry.priority]).toEqual(['carriedOver', 'today'])
        })
      }),
    )
  })

  it.each([
    [() => dispatchQueue('x' as never, shanghaiInstant('2026-03-17'), calendar), 'SERVICE.INVALID_RECORD', 'tickets'],
    [() => dispatchQueue([registeredTicket(), registeredTicket()], shanghaiInstant('2026-10-17'), calendar), 'SERVICE.DUPLICATE_TICKET', 'tickets[1].id'],
    [() => dispatchQueue([{ ...registeredTicket(), history: null } as never], shanghaiInstant('2026-10-17'), calendar), 'SERVICE.INVALID_RECORD', 'tickets[0].history'],
    [() => dispatchQueue([], new Date(Number.NaN), calendar), 'SERVICE.INVALID_INSTANT', 'now'],
  ])('error path %#: %s', (run, code, field) => {
    const error = thrown(run)
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })
})
