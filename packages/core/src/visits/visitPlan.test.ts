import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { instant2026Arb, visitPlanInputArb } from '../../test/arbitraries/visitArb.js'
import type { ApprovalStatus } from '../approval/types.js'
import { defaultGiftChain } from './gift.js'
import { InvalidVisitInputError, InvalidVisitRecordError, VisitErrorCode } from './errors.js'
import { assertVisitPlan, defaultVisitPlanChain, readVisitPlan, type VisitPlanApproval, visitMayTakePlace } from './visitPlan.js'

const plan = assertVisitPlan({ id: 'P1', customerId: 'C1', plannedAt: '2026-09-28T10:00:00+08:00', personToMeet: '张经理', purpose: '产品说明', byStaffId: 'u7' })
const approvedAt = new Date('2026-09-25T01:00:00Z')
const approved: VisitPlanApproval = { status: 'approved', decidedAt: approvedAt, chain: defaultVisitPlanChain }

describe('R-VIS-1 visit plan', () => {
  it('reads a plan (客户拜访计划) with the time as an instant', () => {
    expect(plan).toEqual({ id: 'P1', customerId: 'C1', plannedAt: new Date('2026-09-28T02:00:00Z'), personToMeet: '张经理', purpose: '产品说明', byStaffId: 'u7' })
  })

  it('lists every missing field at once', () => {
    const verdict = readVisitPlan({ customerId: 'C1' })
    expect(verdict).toMatchObject({ ok: false })
    if (verdict.ok) return
    expect(verdict.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['plannedAt', 'VISIT.REQUIRED'],
      ['personToMeet', 'VISIT.REQUIRED'],
      ['purpose', 'VISIT.REQUIRED'],
      ['byStaffId', 'VISIT.REQUIRED'],
    ])
    const error = thrown(() => assertVisitPlan({ customerId: 'C1', plannedAt: 'tomorrow' }), InvalidVisitRecordError)
    expect([error.code, error.field, error.ruleId]).toEqual(['VISIT.INVALID_RECORD', 'plannedAt', 'R-VIS-1'])
  })

  it('property: every valid plan input reads back unchanged', () => {
    fc.assert(
      fc.property(visitPlanInputArb, (input) => {
        expect(readVisitPlan(input)).toEqual({ ok: true, plan: input })
      }),
    )
  })

  it('default chain: one step, the customer-department manager', () => {
    expect(defaultVisitPlanChain).toMatchObject({ id: 'visitPlan', ruleId: 'R-VIS-1', steps: [{ id: 'manager', mode: 'any', approvers: [{ kind: 'role', role: 'manager' }] }] })
    expect(Object.isFrozen(defaultVisitPlanChain.steps)).toBe(true)
  })
})

describe('R-VIS-1 a visit takes place only after the manager approved the plan', () => {
  const visitAt = new Date('2026-09-28T02:00:00Z')

  it('approved before the visit → ok', () => {
    expect(visitMayTakePlace(plan, approved, visitAt)).toEqual({ ok: true, ruleId: 'R-VIS-1', approvedAt })
  })

  it('approved at the very instant of the visit → ok (boundary)', () => {
    expect(visitMayTakePlace(plan, { ...approved, decidedAt: visitAt }, visitAt).ok).toBe(true)
  })

  it('approved one millisecond after the visit → refused', () => {
    const verdict = visitMayTakePlace(plan, { ...approved, decidedAt: new Date(visitAt.getTime() + 1) }, visitAt)
    expect(verdict).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.APPROVED_AFTER_VISIT, ruleId: 'R-VIS-1' } })
  })

  it.each(['pending', 'rejected', 'withdrawn'] as const)('%s → refused with the status named', (status) => {
    const verdict = visitMayTakePlace(plan, { status, chain: defaultVisitPlanChain }, visitAt)
    expect(verdict).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.PLAN_NOT_APPROVED } })
    if (!verdict.ok) {
      expect(verdict.refusal.messageEn).toContain(status)
      expect(verdict.refusal.messageZh).toContain('经理批准')
    }
  })

  it('an approval of another chain (a gift request) does not count', () => {
    expect(visitMayTakePlace(plan, { ...approved, chain: defaultGiftChain }, visitAt)).toMatchObject({ ok: false, refusal: { code: VisitErrorCode.WRONG_APPROVAL_CHAIN } })
  })

  it('property: ok iff approved and decidedAt ≤ visitAt', () => {
    fc.assert(
      fc.property(fc.constantFrom<ApprovalStatus>('pending', 'approved', 'rejected', 'withdrawn'), instant2026Arb, instant2026Arb, (status, decidedAt, at) => {
        const verdict = visitMayTakePlace(plan, { status, decidedAt, chain: defaultVisitPlanChain }, at)
        return verdict.ok === (status === 'approved' && decidedAt.getTime() <= at.getTime())
      }),
    )
  })

  it.each([
    [{ status: 'done', chain: defaultVisitPlanChain }, 'approval.status'],
    [{ status: 'approved', chain: defaultVisitPlanChain }, 'approval.decidedAt'],
    [{ status: 'approved', decidedAt: 'yesterday', chain: defaultVisitPlanChain }, 'approval.decidedAt'],
    [{ status: 'approved', decidedAt: approvedAt }, 'approval.chain'],
    [null, 'approval'],
  ])('refuses a malformed approval %j naming %s', (approval, field) => {
    const error = thrown(() => visitMayTakePlace(plan, approval as never, visitAt), InvalidVisitInputError)
    expect([error.code, error.field]).toEqual(['VISIT.INVALID_ARGUMENT', field])
  })

  it('refuses a malformed visit time or plan', () => {
    expect(thrown(() => visitMayTakePlace(plan, approved, new Date(Number.NaN)), InvalidVisitInputError).field).toBe('visitAt')
    expect(thrown(() => visitMayTakePlace({ ...plan, purpose: '' }, approved, visitAt), InvalidVisitRecordError).field).toBe('purpose')
  })
})
