import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { type MinutesAction, minutesActionsArb } from '../../test/arbitraries/visitArb.js'
import { createWorkingCalendar, shanghaiInstant } from '../calendar/index.js'
import type { Staff } from '../staff/staff.js'
import { InvalidVisitInputError, VisitErrorCode } from './errors.js'
import { confirmMinutesReceived, draftMinutes, isMinutesLate, type MeetingMinutes, reviewMinutes, sendMinutesToCustomer } from './minutes.js'

const calendar = createWorkingCalendar()
const manager: Staff = { id: 'm1', roles: ['manager'], active: true }
const specialist: Staff = { id: 'u7', roles: ['specialist'], active: true }
const MINUTE = 60_000

function draft(draftedAt = '2026-10-08T10:00:00+08:00'): MeetingMinutes {
  const verdict = draftMinutes({ id: 'M1', customerId: 'C1', meetingAt: '2026-09-30T16:00:00+08:00', authorId: 'u7', draftedAt, content: '双方确认交货期' })
  if (!verdict.ok) throw new Error('bad fixture')
  return verdict.minutes
}

function ok(result: ReturnType<typeof reviewMinutes>): MeetingMinutes {
  if (!result.ok) throw new Error(result.refusal.code)
  return result.minutes
}

describe('R-VIS-4 meeting minutes workflow: draft → reviewed by a manager → sent → acknowledged', () => {
  it('runs the whole workflow', () => {
    const reviewed = ok(reviewMinutes(draft(), manager, shanghaiInstant('2026-10-08', '15:00')))
    expect(reviewed).toMatchObject({ status: 'reviewed', reviewedBy: 'm1', reviewedAt: shanghaiInstant('2026-10-08', '15:00') })
    const sent = ok(sendMinutesToCustomer(reviewed, specialist, shanghaiInstant('2026-10-08', '16:00')))
    expect(sent).toMatchObject({ status: 'sent', sentBy: 'u7' })
    const acknowledged = ok(confirmMinutesReceived(sent, shanghaiInstant('2026-10-09', '09:30')))
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedAt: shanghaiInstant('2026-10-09', '09:30') })
    expect(draft().status).toBe('draft')
  })

  it('cannot send before the review', () => {
    expect(sendMinutesToCustomer(draft(), specialist, shanghaiInstant('2026-10-08', '16:00'))).toMatchObject({
      ok: false,
      refusal: { code: VisitErrorCode.MINUTES_NOT_REVIEWED, ruleId: 'R-VIS-4' },
    })
  })

  it('the reviewer must hold the manager role and be active', () => {
    expect(reviewMinutes(draft(), specialist, shanghaiInstant('2026-10-08', '15:00'))).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.REVIEWER_NOT_MANAGER } })
    expect(reviewMinutes(draft(), { ...manager, active: false }, shanghaiInstant('2026-10-08', '15:00'))).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.ACTOR_INACTIVE } })
  })

  it('refuses steps out of order or dated before the previous step', () => {
    const reviewed = ok(reviewMinutes(draft(), manager, shanghaiInstant('2026-10-08', '15:00')))
    expect(reviewMinutes(reviewed, manager, shanghaiInstant('2026-10-08', '16:00'))).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.MINUTES_NOT_DRAFT } })
    expect(reviewMinutes(draft(), manager, shanghaiInstant('2026-10-08', '09:00'))).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.BEFORE_PREVIOUS_STEP } })
    expect(confirmMinutesReceived(reviewed, shanghaiInstant('2026-10-09'))).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.MINUTES_NOT_SENT } })
    expect(sendMinutesToCustomer(reviewed, specialist, shanghaiInstant('2026-10-08', '14:00'))).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.BEFORE_PREVIOUS_STEP } })
    expect(sendMinutesToCustomer(reviewed, { ...specialist, active: false }, shanghaiInstant('2026-10-08', '16:00'))).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.ACTOR_INACTIVE } })
    const sent = ok(sendMinutesToCustomer(reviewed, specialist, shanghaiInstant('2026-10-08', '16:00')))
    expect(sendMinutesToCustomer(sent, specialist, shanghaiInstant('2026-10-08', '17:00'))).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.MINUTES_ALREADY_SENT } })
    expect(confirmMinutesReceived(sent, shanghaiInstant('2026-10-08', '15:59'))).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.BEFORE_PREVIOUS_STEP } })
    const acknowledged = ok(confirmMinutesReceived(sent, shanghaiInstant('2026-10-09')))
    expect(confirmMinutesReceived(acknowledged, shanghaiInstant('2026-10-10'))).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.MINUTES_ALREADY_ACKNOWLEDGED } })
  })

  it('model: whatever actions are tried, a sent state always carries a manager review dated no later than sending', () => {
    fc.assert(
      fc.property(minutesActionsArb, (actions: MinutesAction[]) => {
        let state = draft()
        let clock = state.draftedAt.getTime()
        for (const action of actions) {
          const at = new Date(clock + action.offsetMinutes * MINUTE)
          const result =
            action.type === 'review'
              ? reviewMinutes(state, { id: 'r', roles: action.asManager ? ['manager'] : ['specialist'], active: action.active }, at)
              : action.type === 'send'
                ? sendMinutesToCustomer(state, specialist, at)
                : confirmMinutesReceived(state, at)
          if (result.ok) {
            const expectedFrom = { review: 'draft', send: 'reviewed', confirm: 'sent' }[action.type]
            expect(state.status).toBe(expectedFrom)
            if (action.type === 'review') expect(action.asManager && action.active).toBe(true)
            state = result.minutes
            clock = at.getTime()
          }
          if (state.status === 'sent' || state.status === 'acknowledged') {
            expect(state.reviewedBy).toBe('r')
            expect(state.reviewedAt!.getTime()).toBeLessThanOrEqual(state.sentAt!.getTime())
          }
        }
      }),
    )
  })

  it('draftMinutes lists every issue, including a draft dated before the meeting', () => {
    const verdict = draftMinutes({ id: 'M1', meetingAt: '2026-09-30T16:00:00+08:00', draftedAt: '2026-09-30T15:00:00+08:00', content: ' ' })
    expect(verdict.ok).toBe(false)
    if (verdict.ok) return
    expect(verdict.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['customerId', 'VISIT.REQUIRED'],
      ['authorId', 'VISIT.REQUIRED'],
      ['content', 'VISIT.BLANK'],
      ['draftedAt', 'VISIT.DRAFTED_BEFORE_MEETING'],
    ])
  })

  it('refuses a malformed or inconsistent minutes state and a malformed reviewer', () => {
    const d = draft()
    expect(thrown(() => reviewMinutes({ ...d, status: 'done' } as never, manager, shanghaiInstant('2026-10-09')), InvalidVisitInputError).field).toBe('minutes.status')
    expect(thrown(() => sendMinutesToCustomer({ ...d, status: 'reviewed' }, specialist, shanghaiInstant('2026-10-09')), InvalidVisitInputError).field).toBe('minutes.reviewedAt')
    expect(thrown(() => reviewMinutes({ ...d, sentAt: new Date() }, manager, shanghaiInstant('2026-10-09')), InvalidVisitInputError).field).toBe('minutes.sentAt')
    expect(thrown(() => reviewMinutes(d, { id: 'x', roles: [], active: true }, shanghaiInstant('2026-10-09'))).code).toBe('STAFF.INVALID')
    expect(thrown(() => reviewMinutes(d, manager, 'now' as never), InvalidVisitInputError).field).toBe('at')
  })
})

describe('R-VIS-4 minutes are due within 2 working days of the meeting', () => {
  it('meeting Wed 2026-09-30 16:00: on time until the end of Fri 2026-10-09', () => {
    expect(isMinutesLate(draft('2026-10-09T23:59:59+08:00'), calendar)).toBe(false)
    expect(isMinutesLate(draft('2026-10-10T00:00:00+08:00'), calendar)).toBe(true)
    expect(isMinutesLate(draft('2026-10-08T10:00:00+08:00'), calendar)).toBe(false)
  })
})
