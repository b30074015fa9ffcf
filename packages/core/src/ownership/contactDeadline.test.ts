import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calendar, instantArb, sh, tierArb } from '../../test/arbitraries/ownershipArb.js'
import { thrown } from '../../test/thrown.js'
import { contactDeadline, reclaimStatus } from './contactDeadline.js'
import { OwnershipInputError } from './errors.js'
import { createOwnershipPolicy } from './policy.js'

const DAY = 86_400_000

describe('R-OWN-2 contact deadline', () => {
  it('R-OWN-2 default: 7 calendar days, the National Day holiday counts', () => {
    const deadline = contactDeadline({ assignedAt: sh('2025-09-30', '16:00'), tier: 'general' }, calendar)
    expect(deadline).toEqual(sh('2025-10-08'))
  })

  it('R-OWN-2 policy: 5 working days for general customers skips the holiday and counts the make-up Saturday', () => {
    const policy = createOwnershipPolicy({ contactDeadline: { general: { days: 5, unit: 'workingDays' } } })
    // 10-09, 10-10, 10-11 (Saturday make-up day), 10-13, 10-14
    expect(contactDeadline({ assignedAt: sh('2025-09-30', '16:00'), tier: 'general' }, calendar, policy)).toEqual(sh('2025-10-15'))
    // other tiers keep the default
    expect(contactDeadline({ assignedAt: sh('2025-09-30', '16:00'), tier: 'key' }, calendar, policy)).toEqual(sh('2025-10-08'))
  })

  it('R-OWN-2 property: the deadline is a Shanghai midnight more than N days and at most N+1 days after the assignment', () => {
    fc.assert(
      fc.property(instantArb, tierArb, fc.integer({ min: 1, max: 30 }), (assignedAt, tier, days) => {
        const policy = createOwnershipPolicy({ contactDeadline: { [tier]: { days } } })
        const deadline = contactDeadline({ assignedAt, tier }, calendar, policy)
        expect((deadline.getTime() + 8 * 3_600_000) % DAY).toBe(0)
        expect(deadline.getTime() - assignedAt.getTime()).toBeGreaterThan(days * DAY)
        expect(deadline.getTime() - assignedAt.getTime()).toBeLessThanOrEqual((days + 1) * DAY)
      }),
    )
  })

  it('R-OWN-2 property: working days never give an earlier deadline than the same number of calendar days', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 20 }), (assignedAt, days) => {
        const working = createOwnershipPolicy({ contactDeadline: { key: { days, unit: 'workingDays' } } })
        const plain = createOwnershipPolicy({ contactDeadline: { key: { days } } })
        expect(contactDeadline({ assignedAt, tier: 'key' }, calendar, working).getTime()).toBeGreaterThanOrEqual(contactDeadline({ assignedAt, tier: 'key' }, calendar, plain).getTime())
      }),
    )
  })
})

describe('R-OWN-2 reclaim status', () => {
  const assignment = { assignedAt: sh('2025-03-03', '10:00'), tier: 'general' as const }

  it('R-OWN-2 worked example: assigned Monday 03-03 10:00, deadline 03-11 00:00', () => {
    expect(reclaimStatus(assignment, {}, sh('2025-03-10', '23:00'), calendar)).toEqual({ status: 'within-deadline', deadline: sh('2025-03-11'), timeLeftMs: 3_600_000 })
    expect(reclaimStatus(assignment, {}, sh('2025-03-11'), calendar)).toEqual({ status: 'reclaimable', deadline: sh('2025-03-11'), since: sh('2025-03-11'), overdueMs: 0 })
    expect(reclaimStatus(assignment, { firstContactAt: sh('2025-03-05', '09:00') }, sh('2025-03-20'), calendar)).toEqual({
      status: 'contacted',
      contactedAt: sh('2025-03-05', '09:00'),
      deadline: sh('2025-03-11'),
    })
  })

  it('R-OWN-2 a contact at the deadline instant is late: the customer stays reclaimable', () => {
    const late = reclaimStatus(assignment, { firstContactAt: sh('2025-03-11') }, sh('2025-03-12'), calendar)
    expect(late).toEqual({ status: 'reclaimable', deadline: sh('2025-03-11'), since: sh('2025-03-11'), overdueMs: DAY, contactedLateAt: sh('2025-03-11') })
    const lastMinute = reclaimStatus(assignment, { firstContactAt: sh('2025-03-10', '23:59') }, sh('2025-03-12'), calendar)
    expect(lastMinute.status).toBe('contacted')
  })

  it('R-OWN-2 a contact dated after now has not happened yet', () => {
    expect(reclaimStatus(assignment, { firstContactAt: sh('2025-03-06') }, sh('2025-03-05'), calendar).status).toBe('within-deadline')
  })

  it('R-OWN-2 property: without contact the status switches exactly once, at the deadline', () => {
    fc.assert(
      fc.property(instantArb, tierArb, fc.integer({ min: -3 * DAY, max: 3 * DAY }), (assignedAt, tier, offset) => {
        const deadline = contactDeadline({ assignedAt, tier }, calendar)
        const now = new Date(deadline.getTime() + offset)
        const status = reclaimStatus({ assignedAt, tier }, {}, now, calendar)
        expect(status.status).toBe(offset < 0 ? 'within-deadline' : 'reclaimable')
        if (status.status === 'within-deadline') expect(status.timeLeftMs).toBe(-offset)
        if (status.status === 'reclaimable') expect(status.overdueMs).toBe(offset)
      }),
    )
  })

  it('R-OWN-2 property: a contact before the deadline is never reclaimable afterwards', () => {
    fc.assert(
      fc.property(instantArb, tierArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 60 * DAY }), (assignedAt, tier, share, later) => {
        const deadline = contactDeadline({ assignedAt, tier }, calendar)
        const contact = new Date(assignedAt.getTime() + Math.floor((deadline.getTime() - 1 - assignedAt.getTime()) * share))
        const now = new Date(contact.getTime() + later)
        expect(reclaimStatus({ assignedAt, tier }, { firstContactAt: contact }, now, calendar).status).toBe('contacted')
      }),
    )
  })

  it.each([
    [() => contactDeadline({ assignedAt: sh('2025-03-03'), tier: 'vip' as never }, calendar), 'OWNERSHIP.INVALID_ASSIGNMENT', 'assignment.tier'],
    [() => contactDeadline({ assignedAt: 'today' as never, tier: 'key' }, calendar), 'OWNERSHIP.INVALID_INSTANT', 'assignment.assignedAt'],
    [() => contactDeadline(null as never, calendar), 'OWNERSHIP.INVALID_ASSIGNMENT', 'assignment'],
    [() => reclaimStatus(assignment, { firstContactAt: new Date(Number.NaN) }, sh('2025-03-04'), calendar), 'OWNERSHIP.INVALID_INSTANT', 'contact.firstContactAt'],
    [() => reclaimStatus(assignment, null as never, sh('2025-03-04'), calendar), 'OWNERSHIP.INVALID_ASSIGNMENT', 'contact'],
    [() => reclaimStatus(assignment, {}, 5 as never, calendar), 'OWNERSHIP.INVALID_INSTANT', 'now'],
  ])('refuses malformed input %# with %s naming %s', (run, code, field) => {
    const error = thrown(run, OwnershipInputError)
    expect([error.code, error.field]).toEqual([code, field])
  })

  it('working days in a year without holiday data are a calendar error, never a guess', () => {
    const policy = createOwnershipPolicy({ contactDeadline: { key: { unit: 'workingDays' } } })
    expect(thrown(() => contactDeadline({ assignedAt: sh('2027-03-01'), tier: 'key' }, calendar, policy)).code).toBe('CALENDAR.YEAR_NOT_COVERED')
  })
})
