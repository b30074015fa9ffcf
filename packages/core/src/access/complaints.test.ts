import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import type { Staff } from '../staff/staff.js'
import { type Complaint, responsibleUnitForComplaint } from './complaint.js'
import { answerComplaint, closeComplaint, type ComplaintResult, receiveComplaint, routeComplaint } from './complaintTransitions.js'
import { createComplaintPolicy } from './complaint.js'
import { unansweredComplaints } from './unansweredComplaints.js'

const sh = (text: string): Date => new Date(`${text}+08:00`)
const finance: Staff = { id: 'cai', roles: ['finance'], active: true } // the first receiver: finance took the call
const quality: Staff = { id: 'zhi', roles: ['quality'], active: true }
const commerce: Staff = { id: 'shang', roles: ['commerce'], active: true }
const teamMember: Staff = { id: 'wang', roles: ['specialist'], teamId: 't1', active: true }

function ok(result: ComplaintResult): Complaint {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}`)
  return result.complaint
}
function refusalOf(result: ComplaintResult): string {
  if (result.ok) throw new Error('expected a refusal')
  return result.refusal.code
}

const received = ok(
  receiveComplaint({ id: 'TS-1', customerId: 'C2026-00042', customerTeamId: 't1', category: 'quality', summary: '批次 B12 外观划伤', receivedBy: finance, at: sh('2026-03-02T10:00:00') }),
)

describe('R-ACC-4 complaint routing (worked example)', () => {
  it('the first receiver owns the complaint until it is handed over', () => {
    expect(received).toMatchObject({ status: 'received', receivedBy: 'cai', responsibleStaffId: 'cai' })
    expect(received.history).toHaveLength(1)
  })

  it('quality complaints go to the quality department; others to the customer’s department or commerce', () => {
    expect(responsibleUnitForComplaint({ category: 'quality', customerTeamId: 't1' })).toEqual({ kind: 'quality' })
    expect(responsibleUnitForComplaint({ category: 'delivery', customerTeamId: 't1' })).toEqual({ kind: 'customerDepartment', teamId: 't1' })
    expect(responsibleUnitForComplaint({ category: 'service' })).toEqual({ kind: 'commerce' })
    expect(responsibleUnitForComplaint({ category: 'delivery', customerTeamId: 't1' }, createComplaintPolicy({ otherComplaintsTo: 'commerce' }))).toEqual({ kind: 'commerce' })
  })

  it('received → routed → answered → closed', () => {
    const routed = ok(routeComplaint(received, { actor: finance, to: quality, at: sh('2026-03-02T10:30:00') }))
    expect(routed).toMatchObject({ status: 'routed', responsibleStaffId: 'zhi', responsibleUnit: { kind: 'quality' }, receivedBy: 'cai' })
    const answered = ok(answerComplaint(routed, { actor: quality, at: sh('2026-03-03T15:00:00'), answer: '已更换批次并补发' }))
    expect(answered).toMatchObject({ status: 'answered', answer: '已更换批次并补发' })
    const closed = ok(closeComplaint(answered, { actor: quality, at: sh('2026-03-04T09:00:00') }))
    expect(closed.status).toBe('closed')
    expect(closed.history.map((event) => event.type)).toEqual(['received', 'routed', 'answered', 'closed'])
    expect(received.status).toBe('received') // inputs are never mutated
  })

  it('routes a delivery complaint to a member of the customer’s department', () => {
    const delivery = ok(receiveComplaint({ id: 'TS-2', customerId: 'C1', customerTeamId: 't1', category: 'delivery', summary: '延迟交货', receivedBy: finance, at: sh('2026-03-02T10:00:00') }))
    expect(refusalOf(routeComplaint(delivery, { actor: finance, to: quality, at: sh('2026-03-02T11:00:00') }))).toBe('COMPLAINT.NOT_IN_RESPONSIBLE_UNIT')
    expect(ok(routeComplaint(delivery, { actor: finance, to: teamMember, at: sh('2026-03-02T11:00:00') })).responsibleUnit).toEqual({ kind: 'customerDepartment', teamId: 't1' })
  })

  it('refuses, as data, what first-contact responsibility forbids', () => {
    const later = sh('2026-03-02T11:00:00')
    expect(refusalOf(routeComplaint(received, { actor: commerce, to: quality, at: later }))).toBe('COMPLAINT.NOT_RESPONSIBLE')
    expect(refusalOf(routeComplaint(received, { actor: { ...finance, active: false }, to: quality, at: later }))).toBe('COMPLAINT.INACTIVE_STAFF')
    expect(refusalOf(routeComplaint(received, { actor: finance, to: { ...quality, active: false }, at: later }))).toBe('COMPLAINT.RECIPIENT_INACTIVE')
    expect(refusalOf(routeComplaint(received, { actor: finance, to: quality, at: sh('2026-03-02T09:59:59') }))).toBe('COMPLAINT.BEFORE_LAST_EVENT')
    expect(refusalOf(answerComplaint(received, { actor: finance, at: later, answer: '已处理' }))).toBe('COMPLAINT.INVALID_TRANSITION')
    const routed = ok(routeComplaint(received, { actor: finance, to: quality, at: later }))
    expect(refusalOf(answerComplaint(routed, { actor: finance, at: later, answer: '已处理' }))).toBe('COMPLAINT.NOT_RESPONSIBLE')
    expect(refusalOf(routeComplaint(routed, { actor: quality, to: quality, at: later }))).toBe('COMPLAINT.INVALID_TRANSITION')
    const refusal = closeComplaint(routed, { actor: quality, at: later })
    expect(refusal).toEqual({ ok: false, refusal: { code: 'COMPLAINT.NOT_ANSWERED', ruleId: 'R-ACC-4', messageZh: '投诉未答复，不得结案', messageEn: 'A complaint cannot be closed before it is answered' } })
    expect(refusalOf(closeComplaint(received, { actor: finance, at: later }))).toBe('COMPLAINT.NOT_ANSWERED')
    const closed = ok(closeComplaint(ok(answerComplaint(routed, { actor: quality, at: later, answer: '已处理' })), { actor: quality, at: later }))
    expect(refusalOf(closeComplaint(closed, { actor: quality, at: later }))).toBe('COMPLAINT.INVALID_TRANSITION')
  })

  it('refuses an inactive receiver', () => {
    expect(refusalOf(receiveComplaint({ id: 'TS-3', customerId: 'C1', category: 'other', summary: '态度', receivedBy: { ...finance, active: false }, at: sh('2026-03-02T10:00:00') }))).toBe('COMPLAINT.INACTIVE_STAFF')
  })
})

describe('R-ACC-4 unansweredComplaints', () => {
  it('lists received and routed complaints, oldest first, with who is responsible', () => {
    const second = ok(receiveComplaint({ id: 'TS-2', customerId: 'C1', category: 'service', summary: '维修慢', receivedBy: commerce, at: sh('2026-03-01T09:00:00') }))
    const routed = ok(routeComplaint(received, { actor: finance, to: quality, at: sh('2026-03-02T10:30:00') }))
    const answered = ok(answerComplaint(routed, { actor: quality, at: sh('2026-03-02T12:00:00'), answer: '已处理' }))
    const future = ok(receiveComplaint({ id: 'TS-9', customerId: 'C1', category: 'other', summary: '—', receivedBy: commerce, at: sh('2026-03-09T09:00:00') }))
    const now = sh('2026-03-03T10:00:00')
    expect(unansweredComplaints([answered, routed, second, future], now).map((open) => [open.complaint.id, open.responsibleStaffId, open.openForMs])).toEqual([
      ['TS-2', 'shang', 2 * 86_400_000 + 3_600_000],
      ['TS-1', 'zhi', 86_400_000],
    ])
    expect(unansweredComplaints([], now)).toEqual([])
  })

  it('refuses malformed input naming the field', () => {
    expect(thrown(() => unansweredComplaints([received], new Date(Number.NaN))).field).toBe('now')
    expect(thrown(() => unansweredComplaints([{ ...received, status: 'open' } as never], sh('2026-03-03T10:00:00'))).field).toBe('complaints[0].status')
  })
})

describe('R-ACC-4 complaint state machine properties', () => {
  const people: Staff[] = [finance, quality, commerce, teamMember, { id: 'gone', roles: ['quality'], active: false }]
  const stepArb = fc.record({ kind: fc.constantFrom('route', 'answer', 'close'), actor: fc.nat(people.length - 1), to: fc.nat(people.length - 1), minutes: fc.integer({ min: -30, max: 600 }) })
  const ORDER = ['received', 'routed', 'answered', 'closed']

  it('status only moves forward, refusals change nothing, a closed complaint was answered, the first receiver stays responsible until routed', () => {
    fc.assert(
      fc.property(fc.constantFrom('quality', 'delivery', 'other' as const), fc.array(stepArb, { maxLength: 12 }), (category, steps) => {
        let complaint = ok(receiveComplaint({ id: 'TS-P', customerId: 'C1', customerTeamId: 't1', category, summary: '投诉', receivedBy: finance, at: sh('2026-03-02T10:00:00') }))
        let clock = complaint.receivedAt.getTime()
        for (const step of steps) {
          const actor = people[step.actor] as Staff
          const at = new Date(clock + step.minutes * 60_000)
          const result =
            step.kind === 'route'
              ? routeComplaint(complaint, { actor, to: people[step.to] as Staff, at })
              : step.kind === 'answer'
                ? answerComplaint(complaint, { actor, at, answer: '答复' })
                : closeComplaint(complaint, { actor, at })
          if (!result.ok) {
            expect(result.refusal.ruleId).toBe('R-ACC-4')
            continue
          }
          const next = result.complaint
          expect(actor.id).toBe(complaint.responsibleStaffId)
          expect(actor.active).toBe(true)
          expect(ORDER.indexOf(next.status)).toBe(ORDER.indexOf(complaint.status) + 1)
          expect(next.history).toHaveLength(complaint.history.length + 1)
          complaint = next
          clock = Math.max(clock, at.getTime())
        }
        if (complaint.status === 'received') expect(complaint.responsibleStaffId).toBe(complaint.receivedBy)
        if (complaint.status === 'closed') expect(complaint.history.map((event) => event.type)).toContain('answered')
        if (complaint.responsibleUnit?.kind === 'quality') expect(category).toBe('quality')
        const times = complaint.history.map((event) => event.at.getTime())
        expect([...times].sort((a, b) => a - b)).toEqual(times)
      }),
    )
  })
})

describe('complaint input validation', () => {
  const valid = { id: 'TS-1', customerId: 'C1', category: 'quality', summary: 's', receivedBy: finance, at: sh('2026-03-02T10:00:00') }
  it.each([
    ['input.id', { ...valid, id: '' }],
    ['input.category', { ...valid, category: 'price' }],
    ['input.summary', { ...valid, summary: ' ' }],
    ['input.at', { ...valid, at: 'today' }],
    ['input.customerTeamId', { ...valid, customerTeamId: 5 }],
  ])('receiveComplaint refuses %s', (field, input) => {
    const error = thrown(() => receiveComplaint(input as never))
    expect([error.code, error.field]).toEqual(['COMPLAINT.INVALID_INPUT', field])
  })

  it('refuses an empty answer and a malformed complaint state', () => {
    const routed = ok(routeComplaint(received, { actor: finance, to: quality, at: sh('2026-03-02T10:30:00') }))
    expect(thrown(() => answerComplaint(routed, { actor: quality, at: sh('2026-03-02T11:00:00'), answer: '' })).field).toBe('action.answer')
    expect(thrown(() => closeComplaint({ ...routed, history: [] }, { actor: quality, at: sh('2026-03-02T11:00:00') })).field).toBe('complaint.history')
    expect(thrown(() => routeComplaint(received, { actor: finance, to: { id: 'x' } as never, at: sh('2026-03-02T11:00:00') })).field).toBe('action.to.roles')
  })
})
