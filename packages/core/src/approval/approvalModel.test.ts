import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { approvalChainArb, approverPoolArb, SUBMITTER } from '../../test/arbitraries/approvalArb.js'
import type { Staff } from '../staff/staff.js'
import { decideApproval } from './decide.js'
import { ApprovalRefusalCode } from './errors.js'
import { submitApproval } from './submit.js'
import type { ApprovalActionResult, ApprovalChainPolicy, ApprovalRequest, ApproverSpec } from './types.js'
import { withdrawApproval } from './withdraw.js'

// Model-based test of the approval engine (R-LIF-2, the one mechanism behind every approval).
// The model is the simple expected state: status, current step, filled entries and signers per
// step, the time of the last event. Commands are signatures and withdrawals by random people —
// eligible, ineligible, inactive, repeating — at random times, some earlier than the last event.

interface Model {
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn'
  currentStep: number
  satisfied: number[][]
  signers: string[][]
  lastAt: number
}

interface Real {
  request: ApprovalRequest
  readonly chain: ApprovalChainPolicy
  readonly people: readonly Staff[]
}

const START = Date.UTC(2026, 2, 2, 1, 0)
const matches = (person: Staff, spec: ApproverSpec): boolean => (spec.kind === 'person' ? spec.personId === person.id : person.roles.includes(spec.role))
const stepIndexOf = (chain: ApprovalChainPolicy, stepId: string): number => chain.steps.findIndex((step) => step.id === stepId)

/** Invariants that hold between any request and the result of an action on it. */
function checkInvariants(before: ApprovalRequest, snapshot: unknown, result: ApprovalActionResult): void {
  // A refused action leaves the request unchanged.
  expect(before).toEqual(snapshot)
  if (!result.ok) return
  const after = result.request
  // Status only moves pending → approved | rejected | withdrawn, never back.
  expect(before.status).toBe('pending')
  if (after.status !== 'pending') expect(after.decidedAt?.getTime()).toBe(after.history.at(-1)?.at.getTime())
  // History only grows, by one event, and stays in time order.
  expect(after.history.slice(0, before.history.length)).toEqual(before.history)
  expect(after.history.length).toBe(before.history.length + 1)
  after.history.forEach((event, index) => {
    const previous = after.history[index - 1]
    if (previous !== undefined) expect(event.at.getTime()).toBeGreaterThanOrEqual(previous.at.getTime())
  })
  // No person twice in one step; steps are signed strictly in order.
  const signatures = after.history.flatMap((event) => (event.type === 'approved' || event.type === 'rejected' ? [event] : []))
  const seen = new Set<string>()
  let lastStep = 0
  for (const event of signatures) {
    const key = `${event.stepId}/${event.actorId}`
    expect(seen.has(key)).toBe(false)
    seen.add(key)
    const index = stepIndexOf(after.chain, event.stepId)
    expect(index).toBeGreaterThanOrEqual(lastStep)
    expect(index).toBeLessThanOrEqual(after.currentStep)
    lastStep = index
  }
  // Approved iff every step's entries are satisfied.
  const allSatisfied = after.chain.steps.every((step) => {
    const filled = new Set(signatures.filter((event) => event.type === 'approved' && event.stepId === step.id).map((event) => event.approverIndex))
    return step.mode === 'any' ? filled.size > 0 : step.approvers.every((_, index) => filled.has(index))
  })
  expect(after.status === 'approved').toBe(allSatisfied)
  expect(Object.isFrozen(after) && Object.isFrozen(after.history)).toBe(true)
}

class DecideCommand implements fc.Command<Model, Real> {
  constructor(
    readonly personIndex: number,
    readonly decision: 'approve' | 'reject',
    readonly minutes: number,
  ) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    const actor = real.people[this.personIndex] as Staff
    const at = new Date(model.lastAt + this.minutes * 60_000)
    const before = real.request
    const snapshot = structuredClone(before)
    const result = decideApproval(before, { actor, decision: this.decision, at })
    checkInvariants(before, snapshot, result)

    const step = real.chain.steps[model.currentStep]
    const expectRefusal = (code: string): void => {
      expect(result.ok ? 'ok' : result.refusal.code).toBe(code)
    }
    if (model.status !== 'pending') return expectRefusal(ApprovalRefusalCode.NOT_PENDING)
    if (at.getTime() < model.lastAt) return expectRefusal(ApprovalRefusalCode.BEFORE_LAST_EVENT)
    if (!actor.active) return expectRefusal(ApprovalRefusalCode.INACTIVE_APPROVER)
    if (step === undefined) throw new Error('a pending request always has a current step')
    if (model.signers[model.currentStep]?.includes(actor.id)) return expectRefusal(ApprovalRefusalCode.ALREADY_SIGNED)
    const matching = step.approvers.flatMap((spec, index) => (matches(actor, spec) ? [index] : []))
    if (matching.length === 0) {
      const laterMatch = real.chain.steps.slice(model.currentStep + 1).some((later) => later.approvers.some((spec) => matches(actor, spec)))
      expect(result.ok).toBe(false)
      if (!result.ok && laterMatch) expect(result.refusal.code).toBe(ApprovalRefusalCode.OUT_OF_ORDER)
      if (!result.ok && !laterMatch) expect([ApprovalRefusalCode.ALREADY_SIGNED, ApprovalRefusalCode.NOT_AN_APPROVER]).toContain(result.refusal.code)
      return
    }
    const satisfied = model.satisfied[model.currentStep] as number[]
    const open = matching.filter((index) => !satisfied.includes(index))
    if (open.length === 0) return expectRefusal(ApprovalRefusalCode.ENTRY_ALREADY_SATISFIED)

    // Accepted: the signature fills one open entry the actor matches.
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const event = result.request.history.at(-1)
    if (event === undefined || (event.type !== 'approved' && event.type !== 'rejected')) throw new Error('expected a signature event')
    expect(open).toContain(event.approverIndex)
    expect(event.stepId).toBe(step.id)
    ;(model.signers[model.currentStep] as string[]).push(actor.id)
    model.lastAt = at.getTime()
    if (this.decision === 'reject') {
      model.status = 'rejected'
    } else {
      satisfied.push(event.approverIndex)
      const complete = step.mode === 'any' || step.approvers.every((_, index) => satisfied.includes(index))
      if (complete) model.currentStep += 1
      if (model.currentStep === real.chain.steps.length) model.status = 'approved'
    }
    expect(result.request.status).toBe(model.status)
    expect(result.request.currentStep).toBe(model.currentStep)
    real.request = result.request
  }
  toString(): string {
    return `${this.decision}(p${this.personIndex}, +${this.minutes}min)`
  }
}

class WithdrawCommand implements fc.Command<Model, Real> {
  constructor(
    readonly bySubmitter: boolean,
    readonly personIndex: number,
    readonly minutes: number,
  ) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    const actor = this.bySubmitter ? SUBMITTER : (real.people[this.personIndex] as Staff)
    const at = new Date(model.lastAt + this.minutes * 60_000)
    const before = real.request
    const snapshot = structuredClone(before)
    const result = withdrawApproval(before, { actor, at })
    checkInvariants(before, snapshot, result)
    const expected =
      model.status !== 'pending'
        ? ApprovalRefusalCode.NOT_PENDING
        : at.getTime() < model.lastAt
          ? ApprovalRefusalCode.BEFORE_LAST_EVENT
          : !this.bySubmitter
            ? ApprovalRefusalCode.NOT_SUBMITTER
            : 'ok'
    expect(result.ok ? 'ok' : result.refusal.code).toBe(expected)
    if (!result.ok) return
    model.status = 'withdrawn'
    model.lastAt = at.getTime()
    real.request = result.request
  }
  toString(): string {
    return `withdraw(${this.bySubmitter ? 'submitter' : `p${this.personIndex}`}, +${this.minutes}min)`
  }
}

const minutesArb = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 600 }) }, { weight: 1, arbitrary: fc.integer({ min: -120, max: -1 }) })
const decideArb = fc
  .tuple(fc.nat({ max: 5 }), fc.oneof({ weight: 8, arbitrary: fc.constant<'approve'>('approve') }, { weight: 1, arbitrary: fc.constant<'reject'>('reject') }), minutesArb)
  .map(([person, decision, minutes]) => new DecideCommand(person, decision, minutes))
const withdrawArb = fc
  .tuple(fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 4, arbitrary: fc.constant(false) }), fc.nat({ max: 5 }), minutesArb)
  .map(([bySubmitter, person, minutes]) => new WithdrawCommand(bySubmitter, person, minutes))
// Signatures three times as often as withdrawals, so that many runs reach approval.
const commandsArb = fc.commands([decideArb, decideArb, decideArb, withdrawArb], { maxCommands: 40 })

describe('R-LIF-2 approval engine, model-based (fc.commands)', () => {
  it('keeps every invariant for random signatures and withdrawals on random chains', () => {
    const statuses = { pending: 0, approved: 0, rejected: 0, withdrawn: 0 }
    fc.assert(
      fc.property(approvalChainArb, approverPoolArb, commandsArb, (chain, people, commands) => {
        const request = submitApproval({ id: 'REQ-1', chain, subject: { kind: 'customer', id: 'c1' }, submittedBy: SUBMITTER, at: new Date(START) })
        const model: Model = { status: 'pending', currentStep: 0, satisfied: chain.steps.map(() => []), signers: chain.steps.map(() => []), lastAt: START }
        const real: Real = { request, chain: request.chain, people }
        fc.modelRun(() => ({ model, real }), commands)
        statuses[real.request.status] += 1
      }),
      { numRuns: 300 },
    )
    // Coverage of the generator: runs end in every outcome (about 10–15 % approved).
    expect(statuses.approved * statuses.rejected * statuses.withdrawn * statuses.pending).toBeGreaterThan(0)
  }, 60_000)

  it('reaches approval when enough distinct eligible people sign each step in order', () => {
    // A chain whose steps each name distinct roles, and one active person per role: signing each
    // step's entries in order always ends approved, with decidedAt the last signature's time.
    fc.assert(
      fc.property(approvalChainArb, (chain) => {
        let request = submitApproval({ id: 'REQ-2', chain, subject: { kind: 'customer', id: 'c2' }, submittedBy: SUBMITTER, at: new Date(START) })
        let minute = 0
        chain.steps.forEach((step) => {
          const entries = step.mode === 'any' ? step.approvers.slice(0, 1) : step.approvers
          entries.forEach((spec, index) => {
            minute += 1
            const actor: Staff =
              spec.kind === 'person' ? { id: spec.personId, roles: ['specialist'], active: true } : { id: `${step.id}-${index}-${spec.role}`, roles: [spec.role], active: true }
            const result = decideApproval(request, { actor, decision: 'approve', at: new Date(START + minute * 60_000) })
            expect(result.ok).toBe(true)
            if (result.ok) request = result.request
          })
        })
        expect(request.status).toBe('approved')
        expect(request.currentStep).toBe(chain.steps.length)
        expect(request.decidedAt?.getTime()).toBe(START + minute * 60_000)
      }),
    )
  })
})
