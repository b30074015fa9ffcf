import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import type { Staff } from '../staff/staff.js'
import { decideApproval } from './decide.js'
import { defaultNewCustomerChain } from './defaultChains.js'
import { ApprovalInputError } from './errors.js'
import { readApprovalRequest } from './request.js'
import { submitApproval } from './submit.js'
import type { ApprovalRequest } from './types.js'

const li: Staff = { id: 'li', roles: ['specialist'], active: true }
const zhao: Staff = { id: 'zhao', roles: ['customs'], active: true }
const submitted = submitApproval({ id: 'NC-1', chain: defaultNewCustomerChain, subject: { kind: 'customer', id: 'c1' }, submittedBy: li, at: new Date('2026-03-02T09:00:00+08:00') })
const signed = (() => {
  const result = decideApproval(submitted, { actor: zhao, decision: 'approve', at: new Date('2026-03-02T10:00:00+08:00') })
  if (!result.ok) throw new Error('setup')
  return result.request
})()
const stored = (request: ApprovalRequest): Record<string, unknown> => JSON.parse(JSON.stringify(request)) as Record<string, unknown>

describe('R-LIF-2 submitApproval opens a request', () => {
  it('starts pending at the first step with the submission in the history', () => {
    expect(submitted).toMatchObject({ id: 'NC-1', status: 'pending', currentStep: 0, submittedBy: 'li', subject: { kind: 'customer', id: 'c1' } })
    expect(submitted.history).toEqual([{ type: 'submitted', actorId: 'li', at: new Date('2026-03-02T01:00:00Z') }])
    expect(submitted.decidedAt).toBeUndefined()
    expect(Object.isFrozen(submitted)).toBe(true)
  })

  it('refuses a submitter who has left', () => {
    const error = thrown(() => submitApproval({ id: 'x', chain: defaultNewCustomerChain, subject: { kind: 'customer', id: 'c1' }, submittedBy: { ...li, active: false }, at: new Date(0) }), ApprovalInputError)
    expect([error.code, error.field, error.ruleId]).toEqual(['APPROVAL.INACTIVE_SUBMITTER', 'submission.submittedBy.active', 'R-LIF-2'])
  })

  const base = { id: 'x', chain: defaultNewCustomerChain, subject: { kind: 'customer', id: 'c1' }, submittedBy: li, at: new Date(0) }
  it.each([
    [{ ...base, id: '' }, 'APPROVAL.INVALID_SUBMISSION', 'submission.id'],
    [{ ...base, subject: null }, 'APPROVAL.INVALID_SUBMISSION', 'submission.subject'],
    [{ ...base, subject: { kind: 'customer' } }, 'APPROVAL.INVALID_SUBMISSION', 'submission.subject.id'],
    [{ ...base, at: new Date(Number.NaN) }, 'APPROVAL.INVALID_SUBMISSION', 'submission.at'],
    [{ ...base, comment: 5 }, 'APPROVAL.INVALID_SUBMISSION', 'submission.comment'],
    [{ ...base, chain: { ...defaultNewCustomerChain, steps: [] } }, 'POLICY.INVALID_FIELD', 'submission.chain.steps'],
    [{ ...base, submittedBy: { id: 'li', roles: ['boss'], active: true } }, 'STAFF.INVALID', 'submission.submittedBy.roles[0]'],
    [null, 'APPROVAL.INVALID_SUBMISSION', 'submission'],
  ])('a malformed submission %# throws %s', (submission, code, field) => {
    const error = thrown(() => submitApproval(submission as never))
    expect([error.code, error.field]).toEqual([code, field])
  })
})

describe('R-LIF-2 readApprovalRequest (stored requests)', () => {
  it('reads a request back from JSON storage, equal to the original', () => {
    expect(readApprovalRequest(stored(signed))).toEqual(signed)
    const next = decideApproval(stored(signed) as never, { actor: { id: 'sun', roles: ['commerce'], active: true }, decision: 'approve', at: new Date('2026-03-02T11:00:00+08:00') })
    expect(next.ok && next.request.currentStep).toBe(2)
  })

  it.each([
    [(r: Record<string, unknown>) => ({ ...r, status: 'approved' }), 'request.status'],
    [(r: Record<string, unknown>) => ({ ...r, status: 'done' }), 'request.status'],
    [(r: Record<string, unknown>) => ({ ...r, currentStep: 2 }), 'request.currentStep'],
    [(r: Record<string, unknown>) => ({ ...r, currentStep: 9 }), 'request.currentStep'],
    [(r: Record<string, unknown>) => ({ ...r, decidedAt: '2026-03-02T10:00:00+08:00' }), 'request.decidedAt'],
    [(r: Record<string, unknown>) => ({ ...r, id: '' }), 'request.id'],
    [(r: Record<string, unknown>) => ({ ...r, subject: { kind: 'customer' } }), 'request.subject.id'],
    [(r: Record<string, unknown>) => ({ ...r, submittedAt: '2026-03-02T09:00:00' }), 'request.submittedAt'],
    [(r: Record<string, unknown>) => ({ ...r, history: [] }), 'request.history'],
    [(r: Record<string, unknown>) => ({ ...r, submittedBy: 'zhao' }), 'request.history[0]'],
    [(r: Record<string, unknown>) => ({ ...r, history: [...(r['history'] as unknown[]), { type: 'approved', stepId: 'finance', actorId: 'q', approverIndex: 0, at: '2026-03-02T12:00:00Z' }] }), 'request.history[2]'],
    [(r: Record<string, unknown>) => ({ ...r, history: [...(r['history'] as unknown[]), { type: 'approved', stepId: 'commerce', actorId: 'q', approverIndex: 0, at: '2026-03-02T00:00:00Z' }] }), 'request.history[2].at'],
    [(r: Record<string, unknown>) => ({ ...r, history: [...(r['history'] as unknown[]), { type: 'signed', actorId: 'q', at: '2026-03-02T12:00:00Z' }] }), 'request.history[2].type'],
    [(r: Record<string, unknown>) => ({ ...r, history: [...(r['history'] as unknown[]), { type: 'approved', stepId: 'commerce', actorId: 'q', approverIndex: 1.5, at: '2026-03-02T12:00:00Z' }] }), 'request.history[2].approverIndex'],
    [(r: Record<string, unknown>) => ({ ...r, history: [...(r['history'] as unknown[]), { type: 'approved', stepId: 'commerce', actorId: 'q', approverIndex: 3, at: '2026-03-02T12:00:00Z' }] }), 'request.history[2]'],
    [(r: Record<string, unknown>) => ({ ...r, history: [...(r['history'] as unknown[]), { type: 'withdrawn', actorId: 'li', at: '2026-03-02T12:00:00Z', comment: 7 }] }), 'request.history[2].comment'],
  ])('an inconsistent stored request %# throws APPROVAL.INVALID_REQUEST', (mutate, field) => {
    const error = thrown(() => readApprovalRequest(mutate(stored(signed))), ApprovalInputError)
    expect([error.code, error.field]).toEqual(['APPROVAL.INVALID_REQUEST', field])
  })

  it('a request that is not an object throws', () => {
    expect(thrown(() => readApprovalRequest('NC-1')).field).toBe('request')
  })
})
