import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { allSelectionPassed, COMMERCE_CANDIDATES, NEW_CUSTOMER_SIGNERS, selectionArb } from '../../test/arbitraries/lifecycleArb.js'
import { decideApproval } from '../approval/decide.js'
import { defaultNewCustomerChain } from '../approval/defaultChains.js'
import { submitApproval } from '../approval/submit.js'
import type { ApprovalRequest } from '../approval/types.js'
import { withdrawApproval } from '../approval/withdraw.js'
import type { Staff } from '../staff/staff.js'
import type { LifecycleEvent } from './events.js'
import type { SelectionAssessment } from './selectionCriteria.js'
import type { CustomerStage } from './stages.js'
import { type CustomerLifecycle, startCustomerLifecycle } from './state.js'
import { transitionCustomer } from './transition.js'

// Model-based test of the customer lifecycle (R-LIF-1..5) together with its new-customer
// approvals (R-LIF-2): two customers share one register of customer codes; commands are random
// lifecycle events with random context, signatures on the approval requests, and withdrawals.

/** R-LIF-1 written out independently of the implementation's table. */
const EDGES = new Set([
  'prospect>developing',
  'developing>pendingApproval',
  'pendingApproval>approved',
  'approved>signed',
  'signed>active',
  'pendingApproval>developing',
  'churned>developing',
  ...['prospect', 'developing', 'pendingApproval', 'approved', 'signed', 'active'].map((stage) => `${stage}>churned`),
])
const CUSTOMERS = ['c1', 'c2'] as const
const START = Date.parse('2026-03-01T09:00:00+08:00')
const SUBMITTER: Staff = { id: 'li', roles: ['specialist'], active: true }

interface CustomerModel {
  stage: CustomerStage
  phase: 'cooperation' | 'maintenance' | undefined
  agreementSent: boolean
  hasCode: boolean
}
interface Model {
  customers: CustomerModel[]
}
interface Real {
  states: CustomerLifecycle[]
  /** The linked (last successfully submitted) approval request per customer. */
  approvals: (ApprovalRequest | undefined)[]
  codes: string[]
  clock: number
  requestCounter: number
  log: string[]
}

type EventSpec =
  | { kind: 'startDevelopment' | 'approve' | 'returnToDevelopment' | 'sendAgreement' | 'enterMaintenance' | 'churn' | 'winBack' }
  | { kind: 'submitForApproval'; documents: number; selection: SelectionAssessment; outcome: 'passed' | 'missing' | 'failed' }
  | { kind: 'sign'; supply: boolean; quality: boolean; forceSequenceOne: boolean }
  | { kind: 'activate'; candidate: number }

class EventCommand implements fc.Command<Model, Real> {
  constructor(
    readonly customer: number,
    readonly spec: EventSpec,
    readonly minutes: number,
  ) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    real.clock += this.minutes * 60_000
    const at = new Date(real.clock)
    const customerId = CUSTOMERS[this.customer] as string
    const before = real.states[this.customer] as CustomerLifecycle
    const snapshot = structuredClone(before)
    const m = model.customers[this.customer] as CustomerModel
    const linked = real.approvals[this.customer]
    let event: LifecycleEvent
    let approval: ApprovalRequest | undefined = linked
    let expectedOk: boolean
    const spec = this.spec
    switch (spec.kind) {
      case 'submitForApproval': {
        real.requestCounter += 1
        approval = submitApproval({ id: `NC-${real.requestCounter}`, chain: defaultNewCustomerChain, subject: { kind: 'customer', id: customerId }, submittedBy: SUBMITTER, at })
        event = { type: 'submitForApproval', qualificationDocuments: ['营业执照', '最新决算表'].slice(0, spec.documents), selection: spec.selection }
        expectedOk = m.stage === 'developing' && spec.documents >= 1 && spec.outcome === 'passed'
        break
      }
      case 'sign':
        event = { type: 'sign', supplyContractSigned: spec.supply, qualityContractSigned: spec.quality }
        expectedOk = m.stage === 'approved' && m.agreementSent && spec.supply && spec.quality && (m.hasCode || !spec.forceSequenceOne || !real.codes.includes('C2026-00001'))
        break
      case 'activate': {
        const staff = COMMERCE_CANDIDATES[spec.candidate] as Staff
        event = { type: 'activate', commerceStaff: staff }
        expectedOk = m.stage === 'signed' && staff.active && staff.roles.includes('commerce')
        break
      }
      default:
        event = { type: spec.kind }
        expectedOk = {
          startDevelopment: m.stage === 'prospect',
          approve: m.stage === 'pendingApproval' && linked?.status === 'approved',
          returnToDevelopment: m.stage === 'pendingApproval' && (linked?.status === 'rejected' || linked?.status === 'withdrawn'),
          sendAgreement: m.stage === 'approved' && !m.agreementSent,
          enterMaintenance: m.stage === 'active' && m.phase === 'cooperation',
          churn: m.stage !== 'churned',
          winBack: m.stage === 'churned',
        }[spec.kind]
    }
    const context = {
      at,
      existingCustomerCodes: [...real.codes],
      ...(approval === undefined ? {} : { approval }),
      ...(spec.kind === 'sign' && spec.forceSequenceOne ? { nextSequence: 1 } : {}),
    }
    const result = transitionCustomer(before, event, context)
    real.log.push(`${customerId} ${event.type} → ${result.ok ? result.state.stage : result.refusal.code}`)

    expect(result.ok).toBe(expectedOk)
    if (!result.ok) {
      // A refused transition leaves the state unchanged, and names its rule.
      expect(before).toEqual(snapshot)
      expect(result.refusal.ruleId).toMatch(/^R-LIF-[1-5]$/)
      return
    }
    const after = result.state
    // The stage only changes along allowed edges.
    if (after.stage !== before.stage) expect(EDGES.has(`${before.stage}>${after.stage}`)).toBe(true)
    else expect(['sendAgreement', 'enterMaintenance']).toContain(event.type)
    // Signed only after an approved new-customer request and both contracts.
    if (after.stage === 'signed') {
      expect(linked?.status).toBe('approved')
      expect(linked?.chain.id).toBe('newCustomer')
      expect(linked?.subject.id).toBe(customerId)
      expect(event).toMatchObject({ supplyContractSigned: true, qualityContractSigned: true })
    }
    // Customer codes are unique across the run.
    for (const effect of result.effects) {
      if (effect.type === 'customerCodeAssigned') {
        expect(real.codes).not.toContain(effect.customerCode)
        real.codes.push(effect.customerCode)
      }
    }
    if (after.customerCode !== undefined) expect(real.codes).toContain(after.customerCode)

    real.states[this.customer] = after
    if (event.type === 'submitForApproval') real.approvals[this.customer] = approval
    if (event.type === 'returnToDevelopment' || event.type === 'winBack') real.approvals[this.customer] = undefined
    m.stage = after.stage
    m.phase = after.activePhase
    if (event.type === 'sendAgreement') m.agreementSent = true
    if (event.type === 'winBack') m.agreementSent = false
    if (after.customerCode !== undefined) m.hasCode = true
  }
  toString(): string {
    return `${CUSTOMERS[this.customer]}:${this.spec.kind}`
  }
}

class SignApprovalCommand implements fc.Command<Model, Real> {
  constructor(
    readonly customer: number,
    readonly person: number,
    readonly reject: boolean,
    readonly withdraw: boolean,
    /** Sign with the active approver the current step awaits, instead of person `person`. */
    readonly eager: boolean,
  ) {}
  check(_model: Readonly<Model>): boolean {
    return true
  }
  run(_model: Model, real: Real): void {
    const request = real.approvals[this.customer]
    if (request === undefined) return
    real.clock += 60_000
    const at = new Date(real.clock)
    const awaited = request.chain.steps[request.currentStep]?.approvers[0]
    const eagerSigner = NEW_CUSTOMER_SIGNERS.find((person) => person.active && awaited?.kind === 'role' && person.roles.includes(awaited.role))
    const actor = this.eager && eagerSigner !== undefined ? eagerSigner : (NEW_CUSTOMER_SIGNERS[this.person] as Staff)
    const result = this.withdraw
      ? withdrawApproval(request, { actor: SUBMITTER, at })
      : decideApproval(request, { actor, decision: this.reject ? 'reject' : 'approve', at })
    if (result.ok) real.approvals[this.customer] = result.request
  }
  toString(): string {
    return `${CUSTOMERS[this.customer]}:${this.withdraw ? 'withdraw' : this.reject ? 'reject' : 'approve'}(${this.eager ? 'eager' : NEW_CUSTOMER_SIGNERS[this.person]?.id})`
  }
}

/** The event that moves a customer forward from its current stage, with valid data (the happy path). */
class AdvanceCommand implements fc.Command<Model, Real> {
  constructor(
    readonly customer: number,
    readonly minutes: number,
  ) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    const m = model.customers[this.customer] as CustomerModel
    if (m.stage === 'pendingApproval' && real.approvals[this.customer]?.status === 'pending') {
      // Waiting for the approvers: the next one signs.
      new SignApprovalCommand(this.customer, 0, false, false, true).run(model, real)
      return
    }
    const spec: EventSpec = {
      prospect: { kind: 'startDevelopment' } as const,
      developing: { kind: 'submitForApproval', documents: 2, selection: allSelectionPassed, outcome: 'passed' } as const,
      pendingApproval: { kind: real.approvals[this.customer]?.status === 'approved' ? 'approve' : 'returnToDevelopment' } as const,
      approved: m.agreementSent ? ({ kind: 'sign', supply: true, quality: true, forceSequenceOne: false } as const) : ({ kind: 'sendAgreement' } as const),
      signed: { kind: 'activate', candidate: 0 } as const,
      active: { kind: m.phase === 'cooperation' ? 'enterMaintenance' : 'churn' } as const,
      churned: { kind: 'winBack' } as const,
    }[m.stage]
    new EventCommand(this.customer, spec, this.minutes).run(model, real)
  }
  toString(): string {
    return `${CUSTOMERS[this.customer]}:advance`
  }
}

const customerArb = fc.nat({ max: CUSTOMERS.length - 1 })
const minutesArb = fc.integer({ min: 0, max: 600 })
const eventSpecArb: fc.Arbitrary<EventSpec> = fc.oneof(
  fc.constantFrom<EventSpec>(
    { kind: 'startDevelopment' },
    { kind: 'approve' },
    { kind: 'returnToDevelopment' },
    { kind: 'sendAgreement' },
    { kind: 'enterMaintenance' },
    { kind: 'winBack' },
  ),
  fc.constant<EventSpec>({ kind: 'churn' }),
  fc.tuple(fc.constantFrom(0, 1, 2, 2), selectionArb).map(([documents, { selection, outcome }]): EventSpec => ({ kind: 'submitForApproval', documents, selection, outcome })),
  fc.record({ supply: fc.boolean(), quality: fc.boolean(), forceSequenceOne: fc.boolean() }).map((sign): EventSpec => ({ kind: 'sign', ...sign })),
  fc.nat({ max: COMMERCE_CANDIDATES.length - 1 }).map((candidate): EventSpec => ({ kind: 'activate', candidate })),
)
const eventCommandArb = fc.tuple(customerArb, eventSpecArb, minutesArb).map(([customer, spec, minutes]) => new EventCommand(customer, spec, minutes))
const signCommandArb = fc
  .tuple(customerArb, fc.nat({ max: NEW_CUSTOMER_SIGNERS.length - 1 }), fc.nat({ max: 99 }), fc.boolean())
  .map(([customer, person, roll, eager]) => new SignApprovalCommand(customer, person, roll < 8, roll >= 96, eager))
const advanceCommandArb = fc.tuple(customerArb, minutesArb).map(([customer, minutes]) => new AdvanceCommand(customer, minutes))
// Random events, happy-path steps and signatures equally often, so that customers regularly get
// through approval to signing and beyond, while random events probe every guard.
const commandsArb = fc.commands([eventCommandArb, advanceCommandArb, signCommandArb], { maxCommands: 60, size: 'medium' })

function freshWorld(): { model: Model; real: Real } {
  return {
    model: { customers: CUSTOMERS.map(() => ({ stage: 'prospect' as const, phase: undefined, agreementSent: false, hasCode: false })) },
    real: { states: CUSTOMERS.map((id) => startCustomerLifecycle(id, new Date(START))), approvals: CUSTOMERS.map(() => undefined), codes: [], clock: START, requestCounter: 0, log: [] },
  }
}

describe('R-LIF-1..5 customer lifecycle with its approvals, model-based (fc.commands)', () => {
  it('keeps the invariants: allowed edges, signed only after approval and both contracts, unique codes, refusals change nothing', () => {
    const reached = new Map<CustomerStage, number>()
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const world = freshWorld()
        fc.modelRun(() => world, commands)
        for (const line of world.real.log) {
          const stage = line.split(' → ')[1] as CustomerStage
          reached.set(stage, (reached.get(stage) ?? 0) + 1)
        }
        expect(new Set(world.real.codes).size).toBe(world.real.codes.length)
      }),
      { numRuns: 150 },
    )
    // Coverage of the generator: runs end in late stages too.
    expect(reached.get('signed') ?? 0).toBeGreaterThan(0)
  }, 60_000)

  it('is deterministic: the same command sequence gives the same final state', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const run = (): Real => {
          const { model, real } = freshWorld()
          for (const command of commands) if (command.check(model)) command.run(model, real)
          return real
        }
        const first = run()
        const second = run()
        expect(second.states).toEqual(first.states)
        expect(second.codes).toEqual(first.codes)
        expect(second.log).toEqual(first.log)
      }),
      { numRuns: 50 },
    )
  }, 60_000)
})
