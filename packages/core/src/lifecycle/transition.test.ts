import { describe, expect, it } from 'vitest'

import { allSelectionPassed } from '../../test/arbitraries/lifecycleArb.js'
import { thrown } from '../../test/thrown.js'
import { decideApproval } from '../approval/decide.js'
import { defaultNewCustomerChain } from '../approval/defaultChains.js'
import { submitApproval } from '../approval/submit.js'
import type { ApprovalRequest } from '../approval/types.js'
import { withdrawApproval } from '../approval/withdraw.js'
import type { Staff } from '../staff/staff.js'
import type { LifecycleContext, LifecycleEvent } from './events.js'
import { createLifecyclePolicy } from './policy.js'
import { type CustomerLifecycle, startCustomerLifecycle } from './state.js'
import { type LifecycleResult, transitionCustomer } from './transition.js'

const t = (iso: string): Date => new Date(`${iso}+08:00`)
const li: Staff = { id: 'li', roles: ['specialist'], active: true }
const zhao: Staff = { id: 'zhao', roles: ['customs'], active: true }
const sun: Staff = { id: 'sun', roles: ['commerce'], active: true }
const qian: Staff = { id: 'qian', roles: ['finance'], active: true }
const wang: Staff = { id: 'wang', roles: ['generalManager'], active: true }

const allPassed = allSelectionPassed
const documents = ['营业执照', '最新决算表']

function ok(result: LifecycleResult): CustomerLifecycle {
  if (!result.ok) throw new Error(`expected ok, got ${result.refusal.code}: ${result.refusal.messageEn}`)
  return result.state
}
function refusal(result: LifecycleResult): { code: string; ruleId: string; guard: string; details?: unknown } {
  if (result.ok) throw new Error(`expected a refusal, got stage ${result.state.stage}`)
  return result.refusal
}
function signed(result: ReturnType<typeof decideApproval>): ApprovalRequest {
  if (!result.ok) throw new Error(result.refusal.code)
  return result.request
}

/** The worked example of docs/rules-lifecycle.md, step by step. */
function workedExample() {
  const prospect = startCustomerLifecycle('cust-17', t('2026-03-01T09:00:00'))
  const developing = ok(transitionCustomer(prospect, { type: 'startDevelopment' }, { at: t('2026-03-02T09:00:00') }))
  const request = submitApproval({ id: 'NC-2026-001', chain: defaultNewCustomerChain, subject: { kind: 'customer', id: 'cust-17' }, submittedBy: li, at: t('2026-03-05T09:00:00') })
  const pending = ok(transitionCustomer(developing, { type: 'submitForApproval', qualificationDocuments: documents, selection: allPassed }, { at: t('2026-03-05T09:00:00'), approval: request }))
  const r1 = signed(decideApproval(request, { actor: zhao, decision: 'approve', at: t('2026-03-05T10:00:00') }))
  const r2 = signed(decideApproval(r1, { actor: sun, decision: 'approve', at: t('2026-03-05T14:00:00') }))
  const r3 = signed(decideApproval(r2, { actor: qian, decision: 'approve', at: t('2026-03-06T10:00:00') }))
  const approvedRequest = signed(decideApproval(r3, { actor: wang, decision: 'approve', at: t('2026-03-06T16:00:00') }))
  const approved = ok(transitionCustomer(pending, { type: 'approve' }, { at: t('2026-03-06T17:00:00'), approval: approvedRequest }))
  const sent = ok(transitionCustomer(approved, { type: 'sendAgreement' }, { at: t('2026-03-09T10:00:00') }))
  const signing = transitionCustomer(sent, { type: 'sign', supplyContractSigned: true, qualityContractSigned: true }, { at: t('2026-03-20T15:00:00'), existingCustomerCodes: ['C2026-00041', 'C2025-00107'] })
  const signedState = ok(signing)
  const active = ok(transitionCustomer(signedState, { type: 'activate', commerceStaff: sun }, { at: t('2026-03-21T09:00:00') }))
  const maintained = ok(transitionCustomer(active, { type: 'enterMaintenance' }, { at: t('2026-06-01T09:00:00') }))
  return { prospect, developing, request, r1, r2, r3, approvedRequest, pending, approved, sent, signing, signedState, active, maintained }
}

describe('R-LIF-1..5 worked example: cust-17 from prospect to maintenance', () => {
  const example = workedExample()

  it('walks every stage in order', () => {
    expect([example.prospect, example.developing, example.pending, example.approved, example.sent, example.signedState, example.active].map((s) => s.stage)).toEqual([
      'prospect',
      'developing',
      'pendingApproval',
      'approved',
      'approved',
      'signed',
      'active',
    ])
    expect(example.pending).toMatchObject({ approvalRequestId: 'NC-2026-001', qualificationDocuments: documents })
    expect(example.approved.approvedAt?.toISOString()).toBe('2026-03-06T08:00:00.000Z')
    expect(example.active).toMatchObject({ activePhase: 'cooperation', commerceStaffId: 'sun' })
    expect(example.maintained).toMatchObject({ stage: 'active', activePhase: 'maintenance' })
  })

  it('R-LIF-4 assigns C2026-00042 after the highest 2026 code, with the effects to carry out', () => {
    expect(example.signedState.customerCode).toBe('C2026-00042')
    expect(example.signing.ok && example.signing.effects).toEqual([
      { type: 'stageChanged', from: 'approved', to: 'signed' },
      { type: 'customerCodeAssigned', customerCode: 'C2026-00042' },
    ])
  })

  it('R-LIF-2 finance before commerce is refused OUT_OF_ORDER by the approval engine', () => {
    const early = decideApproval(example.r1, { actor: qian, decision: 'approve', at: t('2026-03-05T11:00:00') })
    expect(early.ok ? 'ok' : early.refusal.code).toBe('APPROVAL.OUT_OF_ORDER')
  })

  it('R-LIF-2 approve only once the linked request is approved, and not before its decision time', () => {
    expect(refusal(transitionCustomer(example.pending, { type: 'approve' }, { at: t('2026-03-06T17:00:00'), approval: example.r3 }))).toMatchObject({ code: 'LIFECYCLE.APPROVAL_NOT_APPROVED', ruleId: 'R-LIF-2', guard: 'approvalApproved' })
    expect(refusal(transitionCustomer(example.pending, { type: 'approve' }, { at: t('2026-03-06T15:00:00'), approval: example.approvedRequest })).code).toBe('LIFECYCLE.APPROVAL_NOT_APPROVED')
    expect(refusal(transitionCustomer(example.pending, { type: 'approve' }, { at: t('2026-03-06T17:00:00') }))).toMatchObject({ code: 'LIFECYCLE.APPROVAL_NOT_LINKED', guard: 'approvalLinked' })
    const otherCustomer = submitApproval({ id: 'NC-2026-009', chain: defaultNewCustomerChain, subject: { kind: 'customer', id: 'cust-99' }, submittedBy: li, at: t('2026-03-05T09:00:00') })
    expect(refusal(transitionCustomer(example.pending, { type: 'approve' }, { at: t('2026-03-06T17:00:00'), approval: { ...example.approvedRequest, id: otherCustomer.id } })).code).toBe('LIFECYCLE.APPROVAL_NOT_LINKED')
  })

  it('R-LIF-4 the agreement goes out only after approval, once', () => {
    expect(refusal(transitionCustomer(example.pending, { type: 'sendAgreement' }, { at: t('2026-03-06T09:00:00') }))).toMatchObject({ code: 'LIFECYCLE.AGREEMENT_BEFORE_APPROVAL', ruleId: 'R-LIF-4', guard: 'agreementAfterApproval' })
    expect(refusal(transitionCustomer(example.sent, { type: 'sendAgreement' }, { at: t('2026-03-10T09:00:00') })).code).toBe('LIFECYCLE.AGREEMENT_ALREADY_SENT')
    expect(refusal(transitionCustomer(example.signedState, { type: 'sendAgreement' }, { at: t('2026-03-21T09:00:00') })).code).toBe('LIFECYCLE.TRANSITION_NOT_ALLOWED')
  })

  it('R-LIF-4 signing needs the agreement sent and both contracts', () => {
    const both = { type: 'sign', supplyContractSigned: true, qualityContractSigned: true } as const
    expect(refusal(transitionCustomer(example.approved, both, { at: t('2026-03-20T15:00:00') }))).toMatchObject({ code: 'LIFECYCLE.AGREEMENT_NOT_SENT', guard: 'agreementSent' })
    const lenient = createLifecyclePolicy({ signingRequiresAgreementSent: false })
    expect(ok(transitionCustomer(example.approved, both, { at: t('2026-03-20T15:00:00') }, lenient)).customerCode).toBe('C2026-00001')
    expect(refusal(transitionCustomer(example.sent, { ...both, qualityContractSigned: false }, { at: t('2026-03-20T15:00:00') }))).toMatchObject({ code: 'LIFECYCLE.CONTRACTS_NOT_SIGNED', ruleId: 'R-LIF-4', details: { missing: ['qualityContract'] } })
    expect(refusal(transitionCustomer(example.sent, { ...both, supplyContractSigned: false }, { at: t('2026-03-20T15:00:00') })).code).toBe('LIFECYCLE.CONTRACTS_NOT_SIGNED')
  })

  it('R-LIF-4 customer codes: given sequence, duplicates refused, Shanghai year, policy format', () => {
    const both = { type: 'sign', supplyContractSigned: true, qualityContractSigned: true } as const
    expect(ok(transitionCustomer(example.sent, both, { at: t('2026-03-20T15:00:00'), nextSequence: 7 })).customerCode).toBe('C2026-00007')
    expect(refusal(transitionCustomer(example.sent, both, { at: t('2026-03-20T15:00:00'), nextSequence: 41, existingCustomerCodes: ['C2026-00041'] }))).toMatchObject({
      code: 'LIFECYCLE.DUPLICATE_CUSTOMER_CODE',
      guard: 'customerCodeUnique',
      details: { customerCode: 'C2026-00041' },
    })
    // 2027-01-01 00:30 in Shanghai is still 2026 in UTC: the Shanghai year counts.
    expect(ok(transitionCustomer(example.sent, both, { at: new Date('2026-12-31T16:30:00Z'), existingCustomerCodes: ['C2026-00041'] })).customerCode).toBe('C2027-00001')
    const policy = createLifecyclePolicy({ customerCodeFormat: 'KH{seq:4}' })
    expect(ok(transitionCustomer(example.sent, both, { at: t('2026-03-20T15:00:00'), existingCustomerCodes: ['KH0009'] }, policy)).customerCode).toBe('KH0010')
    const error = thrown(() => transitionCustomer(example.sent, both, { at: t('2026-03-20T15:00:00'), nextSequence: 100_000 }))
    expect([error.code, error.field]).toEqual(['LIFECYCLE.SEQUENCE_OUT_OF_RANGE', 'context.nextSequence'])
  })

  it('R-LIF-5 activation needs an active commerce staff member', () => {
    expect(refusal(transitionCustomer(example.signedState, { type: 'activate', commerceStaff: qian }, { at: t('2026-03-21T09:00:00') }))).toMatchObject({ code: 'LIFECYCLE.COMMERCE_STAFF_NOT_COMMERCE', ruleId: 'R-LIF-5', guard: 'commerceStaff' })
    expect(refusal(transitionCustomer(example.signedState, { type: 'activate', commerceStaff: { ...sun, active: false } }, { at: t('2026-03-21T09:00:00') })).code).toBe('LIFECYCLE.COMMERCE_STAFF_INACTIVE')
    expect(ok(transitionCustomer(example.signedState, { type: 'activate', commerceStaff: sun }, { at: t('2026-03-21T09:00:00') })).stage).toBe('active')
  })

  it('R-LIF-1 maintenance is a phase of active, entered once', () => {
    expect(refusal(transitionCustomer(example.maintained, { type: 'enterMaintenance' }, { at: t('2026-06-02T09:00:00') })).code).toBe('LIFECYCLE.ALREADY_MAINTAINED')
    expect(refusal(transitionCustomer(example.signedState, { type: 'enterMaintenance' }, { at: t('2026-06-02T09:00:00') })).code).toBe('LIFECYCLE.TRANSITION_NOT_ALLOWED')
  })

  it('R-LIF-1 churn from any stage, and win-back keeps the customer code but needs a new approval', () => {
    const churned = ok(transitionCustomer(example.maintained, { type: 'churn', reason: '转向竞争对手' }, { at: t('2026-09-01T09:00:00') }))
    expect(churned).toMatchObject({ stage: 'churned', churnReason: '转向竞争对手', customerCode: 'C2026-00042' })
    expect(churned.activePhase).toBeUndefined()
    expect(refusal(transitionCustomer(churned, { type: 'churn' }, { at: t('2026-09-02T09:00:00') })).code).toBe('LIFECYCLE.TRANSITION_NOT_ALLOWED')
    const back = ok(transitionCustomer(churned, { type: 'winBack' }, { at: t('2027-01-10T09:00:00') }))
    expect(back).toEqual({ customerId: 'cust-17', stage: 'developing', updatedAt: t('2027-01-10T09:00:00'), customerCode: 'C2026-00042' })
    expect(ok(transitionCustomer(example.prospect, { type: 'churn' }, { at: t('2026-03-02T09:00:00') })).stage).toBe('churned')
  })

  it('R-LIF-1 refuses moves that are not edges and events earlier than the last change', () => {
    const sign = { type: 'sign', supplyContractSigned: true, qualityContractSigned: true } as const
    expect(refusal(transitionCustomer(example.developing, sign, { at: t('2026-03-20T09:00:00') }))).toMatchObject({ code: 'LIFECYCLE.TRANSITION_NOT_ALLOWED', ruleId: 'R-LIF-1', guard: 'allowedTransition', details: { from: 'developing', to: 'signed' } })
    expect(refusal(transitionCustomer(example.developing, { type: 'winBack' }, { at: t('2026-03-20T09:00:00') })).code).toBe('LIFECYCLE.TRANSITION_NOT_ALLOWED')
    expect(refusal(transitionCustomer(example.prospect, { type: 'approve' }, { at: t('2026-03-20T09:00:00') })).code).toBe('LIFECYCLE.TRANSITION_NOT_ALLOWED')
    expect(refusal(transitionCustomer(example.developing, { type: 'churn' }, { at: t('2026-03-01T09:00:00') }))).toMatchObject({ code: 'LIFECYCLE.BEFORE_LAST_CHANGE', guard: 'timeOrder' })
  })
})

describe('R-LIF-2/R-LIF-3 submitting for approval', () => {
  const example = workedExample()
  const at = t('2026-03-05T09:00:00')
  const submit = (overrides: Partial<Extract<LifecycleEvent, { type: 'submitForApproval' }>>, context: Partial<LifecycleContext> = {}) =>
    transitionCustomer(example.developing, { type: 'submitForApproval', qualificationDocuments: documents, selection: allPassed, ...overrides }, { at, approval: example.request, ...context })

  it('needs qualification documents 资质文件', () => {
    expect(refusal(submit({ qualificationDocuments: [] }))).toMatchObject({ code: 'LIFECYCLE.QUALIFICATION_DOCUMENTS_MISSING', ruleId: 'R-LIF-2', guard: 'qualificationDocuments' })
    expect(refusal(transitionCustomer(example.developing, { type: 'submitForApproval', qualificationDocuments: ['营业执照'], selection: allPassed }, { at, approval: example.request }, createLifecyclePolicy({ minQualificationDocuments: 2 }))).code).toBe(
      'LIFECYCLE.QUALIFICATION_DOCUMENTS_MISSING',
    )
  })

  it('needs all six criteria assessed, and (default) passed', () => {
    const { costLevel: _omitted, ...fiveOnly } = allPassed
    expect(refusal(submit({ selection: fiveOnly }))).toMatchObject({ code: 'LIFECYCLE.SELECTION_NOT_ASSESSED', ruleId: 'R-LIF-3', details: { missing: ['costLevel'] } })
    const failing = { ...allPassed, confidentiality: { passed: false, note: '拒签保密协议' } }
    expect(refusal(submit({ selection: failing }))).toMatchObject({ code: 'LIFECYCLE.SELECTION_CRITERIA_FAILED', ruleId: 'R-LIF-3', guard: 'selectionPassed', details: { failed: ['confidentiality'] } })
    const lenient = createLifecyclePolicy({ requireAllSelectionCriteriaPassed: false })
    expect(ok(transitionCustomer(example.developing, { type: 'submitForApproval', qualificationDocuments: documents, selection: failing }, { at, approval: example.request }, lenient)).selection?.confidentiality?.passed).toBe(false)
  })

  it('needs a pending new-customer request about this customer', () => {
    expect(refusal(submit({}, { approval: undefined as never })).code).toBe('LIFECYCLE.APPROVAL_NOT_LINKED')
    expect(refusal(submit({}, { approval: { ...example.request, subject: { kind: 'customer', id: 'cust-99' } } })).code).toBe('LIFECYCLE.APPROVAL_NOT_LINKED')
    expect(refusal(submit({}, { approval: { ...example.request, chain: { ...defaultNewCustomerChain, id: 'visitPlan' } } })).code).toBe('LIFECYCLE.APPROVAL_NOT_LINKED')
    expect(refusal(submit({}, { approval: example.approvedRequest })).code).toBe('LIFECYCLE.APPROVAL_NOT_PENDING')
  })

  it('returns to development when the request is rejected or withdrawn, not while pending', () => {
    const rejected = signed(decideApproval(example.r1, { actor: sun, decision: 'reject', at: t('2026-03-05T15:00:00'), comment: '资质不全' }))
    const back = ok(transitionCustomer(example.pending, { type: 'returnToDevelopment' }, { at: t('2026-03-05T16:00:00'), approval: rejected }))
    expect(back).toEqual({ customerId: 'cust-17', stage: 'developing', updatedAt: t('2026-03-05T16:00:00') })
    const withdrawn = signed(withdrawApproval(example.request, { actor: li, at: t('2026-03-05T09:30:00') }))
    expect(ok(transitionCustomer(example.pending, { type: 'returnToDevelopment' }, { at: t('2026-03-05T10:00:00'), approval: withdrawn })).stage).toBe('developing')
    expect(refusal(transitionCustomer(example.pending, { type: 'returnToDevelopment' }, { at: t('2026-03-05T10:00:00'), approval: example.r1 }))).toMatchObject({ code: 'LIFECYCLE.APPROVAL_NOT_REJECTED', guard: 'approvalRejected' })
  })
})

describe('R-LIF-1 malformed inputs throw with the field named', () => {
  const { developing } = workedExample()
  const at = t('2026-03-05T09:00:00')
  it.each([
    [{ type: 'explode' }, {}, 'LIFECYCLE.INVALID_EVENT', 'event.type'],
    [null, {}, 'LIFECYCLE.INVALID_EVENT', 'event'],
    [{ type: 'submitForApproval', qualificationDocuments: 'x', selection: allPassed }, {}, 'LIFECYCLE.INVALID_EVENT', 'event.qualificationDocuments'],
    [{ type: 'submitForApproval', qualificationDocuments: [''], selection: allPassed }, {}, 'LIFECYCLE.INVALID_EVENT', 'event.qualificationDocuments[0]'],
    [{ type: 'submitForApproval', qualificationDocuments: [], selection: { costLevel: { passed: 'yes', note: 'x' } } }, {}, 'LIFECYCLE.INVALID_EVENT', 'event.selection.costLevel.passed'],
    [{ type: 'submitForApproval', qualificationDocuments: [], selection: { costLevel: { passed: true, note: '' } } }, {}, 'LIFECYCLE.INVALID_EVENT', 'event.selection.costLevel.note'],
    [{ type: 'submitForApproval', qualificationDocuments: [], selection: { price: { passed: true, note: 'x' } } }, {}, 'LIFECYCLE.INVALID_EVENT', 'event.selection.price'],
    [{ type: 'sign', supplyContractSigned: 'yes', qualityContractSigned: true }, {}, 'LIFECYCLE.INVALID_EVENT', 'event.supplyContractSigned'],
    [{ type: 'activate', commerceStaff: { id: 'x' } }, {}, 'STAFF.INVALID', 'event.commerceStaff.roles'],
    [{ type: 'churn', reason: 3 }, {}, 'LIFECYCLE.INVALID_EVENT', 'event.reason'],
    [{ type: 'churn' }, { at: 'now' }, 'LIFECYCLE.INVALID_CONTEXT', 'context.at'],
    [{ type: 'churn' }, { nextSequence: 0 }, 'LIFECYCLE.INVALID_CONTEXT', 'context.nextSequence'],
    [{ type: 'churn' }, { existingCustomerCodes: [1] }, 'LIFECYCLE.INVALID_CONTEXT', 'context.existingCustomerCodes'],
    [{ type: 'churn' }, { approval: { id: 'a', status: 'done' } }, 'LIFECYCLE.INVALID_CONTEXT', 'context.approval.status'],
    [{ type: 'churn' }, { approval: { id: 'a', status: 'approved', chain: {}, subject: { id: 'c' } } }, 'LIFECYCLE.INVALID_CONTEXT', 'context.approval.chain.id'],
    [{ type: 'churn' }, { approval: { id: 'a', status: 'approved', chain: { id: 'x' }, subject: { id: 'c' }, decidedAt: 'today' } }, 'LIFECYCLE.INVALID_CONTEXT', 'context.approval.decidedAt'],
  ])('event %# throws %s', (event, context, code, field) => {
    const error = thrown(() => transitionCustomer(developing, event as never, { at, ...context } as never))
    expect([error.code, error.field]).toEqual([code, field])
  })

  it.each([
    [{ stage: 'won' }, 'state.stage'],
    [{ customerId: '' }, 'state.customerId'],
    [{ updatedAt: 'x' }, 'state.updatedAt'],
    [{ activePhase: 'maintenance' }, 'state.activePhase'],
    [{ customerCode: 5 }, 'state.customerCode'],
  ])('a malformed state %# throws LIFECYCLE.INVALID_STATE', (patch, field) => {
    const error = thrown(() => transitionCustomer({ ...developing, ...patch } as never, { type: 'churn' }, { at }))
    expect([error.code, error.field]).toEqual(['LIFECYCLE.INVALID_STATE', field])
  })

  it('startCustomerLifecycle validates its inputs', () => {
    expect(thrown(() => startCustomerLifecycle('', at)).field).toBe('customerId')
    expect(thrown(() => startCustomerLifecycle('c', new Date(Number.NaN))).field).toBe('at')
  })
})
