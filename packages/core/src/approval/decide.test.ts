import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import type { Staff } from '../staff/staff.js'
import { createApprovalChain } from './chain.js'
import { decideApproval } from './decide.js'
import { defaultNewCustomerChain } from './defaultChains.js'
import { ApprovalInputError } from './errors.js'
import { awaitedApprovers, canDecide, formatApprovalHistory, isApproved } from './queries.js'
import { submitApproval } from './submit.js'
import type { ApprovalActionResult, ApprovalRequest } from './types.js'
import { withdrawApproval } from './withdraw.js'

const li: Staff = { id: 'li', roles: ['specialist'], active: true }
const zhao: Staff = { id: 'zhao', roles: ['customs'], active: true }
const sun: Staff = { id: 'sun', roles: ['commerce'], active: true }
const qian: Staff = { id: 'qian', roles: ['finance'], active: true }
const wang: Staff = { id: 'wang', roles: ['generalManager'], active: true }
const t = (hhmm: string, day = '02'): Date => new Date(`2026-03-${day}T${hhmm}:00+08:00`)

const submitted = submitApproval({ id: 'NC-2026-001', chain: defaultNewCustomerChain, subject: { kind: 'customer', id: 'cust-17' }, submittedBy: li, at: t('09:00') })

function ok(result: ApprovalActionResult): ApprovalRequest {
  if (!result.ok) throw new Error(`expected ok, got ${result.refusal.code}`)
  return result.request
}
function refusal(result: ApprovalActionResult): { code: string; ruleId: string; stepId?: string } {
  if (result.ok) throw new Error('expected a refusal')
  return result.refusal
}

describe('R-LIF-2 new-customer approval signed in order 按顺序审批', () => {
  it('customs → commerce → finance → general manager approves, decidedAt = last signature', () => {
    const r1 = ok(decideApproval(submitted, { actor: zhao, decision: 'approve', at: t('10:00') }))
    expect(r1.currentStep).toBe(1)
    const r2 = ok(decideApproval(r1, { actor: sun, decision: 'approve', at: t('11:00') }))
    const r3 = ok(decideApproval(r2, { actor: qian, decision: 'approve', at: t('14:00'), comment: '信用良好' }))
    expect(isApproved(r3)).toBe(false)
    const r4 = ok(decideApproval(r3, { actor: wang, decision: 'approve', at: t('09:30', '03') }))
    expect(r4.status).toBe('approved')
    expect(isApproved(r4)).toBe(true)
    expect(r4.currentStep).toBe(4)
    expect(r4.decidedAt?.toISOString()).toBe('2026-03-03T01:30:00.000Z')
    expect(r4.history.map((event) => [event.type, event.actorId])).toEqual([
      ['submitted', 'li'],
      ['approved', 'zhao'],
      ['approved', 'sun'],
      ['approved', 'qian'],
      ['approved', 'wang'],
    ])
    expect(formatApprovalHistory(r4)[3]).toEqual({ zh: '2026-03-02T06:00:00.000Z qian 同意（财务部审批）：信用良好', en: '2026-03-02T06:00:00.000Z qian approved (Finance department): 信用良好' })
    expect(awaitedApprovers(r4)).toEqual([])
    // The inputs were never changed.
    expect(submitted.status).toBe('pending')
    expect(submitted.history).toHaveLength(1)
  })

  it('finance signing before commerce is refused OUT_OF_ORDER', () => {
    const r1 = ok(decideApproval(submitted, { actor: zhao, decision: 'approve', at: t('10:00') }))
    expect(refusal(decideApproval(r1, { actor: qian, decision: 'approve', at: t('10:30') }))).toMatchObject({ code: 'APPROVAL.OUT_OF_ORDER', ruleId: 'R-LIF-2', stepId: 'commerce' })
    expect(canDecide(r1, qian)).toMatchObject({ ok: false, refusal: { code: 'APPROVAL.OUT_OF_ORDER' } })
    expect(canDecide(r1, sun)).toEqual({ ok: true, stepId: 'commerce', approverIndex: 0 })
  })

  it('customs signing twice is refused ALREADY_SIGNED', () => {
    const r1 = ok(decideApproval(submitted, { actor: zhao, decision: 'approve', at: t('10:00') }))
    const again = refusal(decideApproval(r1, { actor: zhao, decision: 'approve', at: t('10:05') }))
    expect(again.code).toBe('APPROVAL.ALREADY_SIGNED')
  })

  it('a rejection at any step ends the request 驳回即终止', () => {
    const r1 = ok(decideApproval(submitted, { actor: zhao, decision: 'approve', at: t('10:00') }))
    const rejected = ok(decideApproval(r1, { actor: sun, decision: 'reject', at: t('11:00'), comment: '资质不全' }))
    expect(rejected).toMatchObject({ status: 'rejected', currentStep: 1 })
    expect(rejected.decidedAt?.toISOString()).toBe('2026-03-02T03:00:00.000Z')
    expect(refusal(decideApproval(rejected, { actor: qian, decision: 'approve', at: t('12:00') })).code).toBe('APPROVAL.NOT_PENDING')
    expect(refusal(withdrawApproval(rejected, { actor: li, at: t('12:00') })).code).toBe('APPROVAL.NOT_PENDING')
  })

  it('refuses people who are not approvers, who have left, and actions earlier than the last event', () => {
    expect(refusal(decideApproval(submitted, { actor: li, decision: 'approve', at: t('10:00') })).code).toBe('APPROVAL.NOT_AN_APPROVER')
    expect(refusal(decideApproval(submitted, { actor: { ...zhao, active: false }, decision: 'approve', at: t('10:00') })).code).toBe('APPROVAL.INACTIVE_APPROVER')
    expect(refusal(decideApproval(submitted, { actor: zhao, decision: 'approve', at: t('08:59') })).code).toBe('APPROVAL.BEFORE_LAST_EVENT')
    // The same instant as the last event is fine.
    expect(decideApproval(submitted, { actor: zhao, decision: 'approve', at: t('09:00') }).ok).toBe(true)
  })

  it('awaitedApprovers lists the current step', () => {
    expect(awaitedApprovers(submitted)).toEqual([{ stepId: 'customs', approverIndex: 0, approver: { kind: 'role', role: 'customs' } }])
  })
})

describe('R-LIF-2 countersign step 会签 (mode all)', () => {
  const chain = createApprovalChain({
    id: 'reception',
    nameZh: '客户接待申请',
    nameEn: 'Reception request',
    ruleId: 'R-VIS-5',
    steps: [
      { id: 'heads', nameZh: '部门会签', nameEn: 'Departments countersign', mode: 'all', approvers: [{ kind: 'role', role: 'finance' }, { kind: 'role', role: 'commerce' }] },
      { id: 'vgm', nameZh: '副总经理', nameEn: 'Vice general manager', mode: 'any', approvers: [{ kind: 'role', role: 'viceGeneralManager' }] },
    ],
  })
  const request = submitApproval({ id: 'RC-1', chain, subject: { kind: 'reception', id: 'r1' }, submittedBy: li, at: t('09:00') })
  const both: Staff = { id: 'zhou', roles: ['finance', 'commerce'], active: true }

  it('needs one person per entry; the step completes when the last entry signs', () => {
    const first = ok(decideApproval(request, { actor: qian, decision: 'approve', at: t('10:00') }))
    expect(first.currentStep).toBe(0)
    expect(awaitedApprovers(first)).toEqual([{ stepId: 'heads', approverIndex: 1, approver: { kind: 'role', role: 'commerce' } }])
    const second = ok(decideApproval(first, { actor: sun, decision: 'approve', at: t('10:30') }))
    expect(second.currentStep).toBe(1)
    expect(awaitedApprovers(second).map((entry) => entry.stepId)).toEqual(['vgm'])
  })

  it('a person holding both listed roles still signs once: countersign needs distinct people', () => {
    const first = ok(decideApproval(request, { actor: both, decision: 'approve', at: t('10:00') }))
    const event = first.history.at(-1)
    expect(event).toMatchObject({ type: 'approved', stepId: 'heads', approverIndex: 0 })
    expect(refusal(decideApproval(first, { actor: both, decision: 'approve', at: t('10:05') })).code).toBe('APPROVAL.ALREADY_SIGNED')
    // Another finance person cannot fill the finance entry again …
    expect(refusal(decideApproval(first, { actor: qian, decision: 'approve', at: t('10:05') })).code).toBe('APPROVAL.ENTRY_ALREADY_SATISFIED')
    // … but a commerce person completes the step.
    expect(ok(decideApproval(first, { actor: sun, decision: 'approve', at: t('10:10') })).currentStep).toBe(1)
  })

  it('asEntry chooses which entry a multi-role signer fills', () => {
    const first = ok(decideApproval(request, { actor: both, decision: 'approve', at: t('10:00'), asEntry: 1 }))
    expect(first.history.at(-1)).toMatchObject({ approverIndex: 1 })
    expect(ok(decideApproval(first, { actor: qian, decision: 'approve', at: t('10:05') })).currentStep).toBe(1)
    expect(refusal(decideApproval(request, { actor: qian, decision: 'approve', at: t('10:00'), asEntry: 1 })).code).toBe('APPROVAL.ENTRY_NOT_AVAILABLE')
  })

  it('named-person entries are filled before role entries', () => {
    const named = createApprovalChain({ ...chain, steps: [{ id: 'pair', nameZh: '会签', nameEn: 'Pair', mode: 'all', approvers: [{ kind: 'role', role: 'finance' }, { kind: 'person', personId: 'qian' }] }] })
    const pending = submitApproval({ id: 'RC-2', chain: named, subject: { kind: 'reception', id: 'r2' }, submittedBy: li, at: t('09:00') })
    const byQian = ok(decideApproval(pending, { actor: qian, decision: 'approve', at: t('10:00') }))
    expect(byQian.history.at(-1)).toMatchObject({ approverIndex: 1 })
    const other: Staff = { id: 'zheng', roles: ['finance'], active: true }
    expect(ok(decideApproval(byQian, { actor: other, decision: 'approve', at: t('10:01') })).status).toBe('approved')
  })
})

describe('R-LIF-2 withdrawal 撤回', () => {
  it('only the active submitter withdraws a pending request', () => {
    const withdrawn = ok(withdrawApproval(submitted, { actor: li, at: t('09:10'), comment: '补充资料' }))
    expect(withdrawn).toMatchObject({ status: 'withdrawn' })
    expect(withdrawn.decidedAt?.toISOString()).toBe('2026-03-02T01:10:00.000Z')
    expect(formatApprovalHistory(withdrawn)[1]?.en).toBe('2026-03-02T01:10:00.000Z li withdrew: 补充资料')
    expect(refusal(withdrawApproval(submitted, { actor: zhao, at: t('09:10') })).code).toBe('APPROVAL.NOT_SUBMITTER')
    expect(refusal(withdrawApproval(submitted, { actor: { ...li, active: false }, at: t('09:10') })).code).toBe('APPROVAL.INACTIVE_SUBMITTER')
    expect(refusal(withdrawApproval(submitted, { actor: li, at: t('08:00') })).code).toBe('APPROVAL.BEFORE_LAST_EVENT')
    expect(refusal(decideApproval(withdrawn, { actor: zhao, decision: 'approve', at: t('10:00') })).code).toBe('APPROVAL.NOT_PENDING')
  })
})

describe('R-LIF-2 malformed actions throw', () => {
  it.each([
    [{ actor: zhao, decision: 'maybe', at: t('10:00') }, 'APPROVAL.INVALID_ACTION', 'decision.decision'],
    [{ actor: zhao, decision: 'approve', at: new Date(Number.NaN) }, 'APPROVAL.INVALID_ACTION', 'decision.at'],
    [{ actor: zhao, decision: 'approve', at: '2026-03-02T10:00:00+08:00' }, 'APPROVAL.INVALID_ACTION', 'decision.at'],
    [{ actor: zhao, decision: 'approve', at: t('10:00'), comment: 1 }, 'APPROVAL.INVALID_ACTION', 'decision.comment'],
    [{ actor: zhao, decision: 'approve', at: t('10:00'), asEntry: -1 }, 'APPROVAL.INVALID_ACTION', 'decision.asEntry'],
    [{ actor: { id: 'x', roles: [], active: true }, decision: 'approve', at: t('10:00') }, 'STAFF.INVALID', 'decision.actor.roles'],
    [null, 'APPROVAL.INVALID_ACTION', 'decision'],
  ])('decision %# throws %s', (decision, code, field) => {
    const error = thrown(() => decideApproval(submitted, decision as never))
    expect([error.code, error.field]).toEqual([code, field])
  })

  it('withdrawal input is validated', () => {
    const error = thrown(() => withdrawApproval(submitted, { actor: li, at: 'soon' } as never), ApprovalInputError)
    expect([error.code, error.field]).toEqual(['APPROVAL.INVALID_ACTION', 'withdrawal.at'])
  })

  it('canDecide validates the actor', () => {
    expect(thrown(() => canDecide(submitted, { id: '', roles: ['customs'], active: true })).field).toBe('actor.id')
    expect(thrown(() => canDecide(submitted, zhao, new Date(Number.NaN))).field).toBe('at')
    expect(canDecide(submitted, zhao, t('08:00'))).toMatchObject({ ok: false, refusal: { code: 'APPROVAL.BEFORE_LAST_EVENT' } })
  })
})
