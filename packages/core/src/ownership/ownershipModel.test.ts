import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calendar, manager, person, sh, unowned } from '../../test/arbitraries/ownershipArb.js'
import { assignCustomer } from './assignCustomer.js'
import { claimFromPool } from './claimFromPool.js'
import { handOver } from './handOver.js'
import { createOwnershipPolicy, type OwnershipPolicy } from './policy.js'
import { reassignCustomer } from './reassignCustomer.js'
import { recordFirstContact } from './recordFirstContact.js'
import { releaseToPool } from './releaseToPool.js'
import type { OwnershipResult } from './result.js'
import { inactiveOwnerViolations, type OwnershipState } from './state.js'

/**
 * Model-based test of the ownership/pool state machine (R-OWN-2, R-OWN-3, R-OWN-5, R-OWN-6):
 * random sequences of claim, assign, reassign, release, first contact, handover and the passing of
 * time, with the invariants checked after every command. The oracle for days is independent of
 * the calendar module: Shanghai day = UTC date of the instant shifted by +8 h.
 */

const HOUR = 3_600_000
const DAY = 24 * HOUR
const STAFF_IDS = ['s1', 's2', 's3', 's4'] as const
const CUSTOMER_IDS = ['c1', 'c2', 'c3', 'c4'] as const

interface Model {
  now: number
}
interface Real {
  state: OwnershipState
  readonly policy: OwnershipPolicy
}

const shanghaiDayKey = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10)
const startOfShanghaiDayMs = (ms: number): number => Date.parse(`${shanghaiDayKey(ms)}T00:00:00+08:00`)

function initialState(): OwnershipState {
  return {
    staff: STAFF_IDS.map((id) => person(id)),
    customers: CUSTOMER_IDS.map((id, index) => unowned(id, index % 3 === 0 ? 'key' : 'general')),
    pool: CUSTOMER_IDS.slice(0, 3).map((customerId) => ({ customerId, releasedAt: sh('2025-03-01'), formerOwnerId: null })),
    claims: [],
  }
}

/** Outcomes seen across all runs (`claim:ok`, `claim:OWNERSHIP.NOT_IN_POOL` …), to check the test reaches both paths. */
const outcomes = new Map<string, number>()

/** Applies an operation: checks purity (same input → same output) and that a refusal changes nothing. */
function apply(real: Real, name: string, operation: (state: OwnershipState) => OwnershipResult): OwnershipResult {
  const before = structuredClone(real.state)
  const result = operation(real.state)
  const outcome = `${name}:${result.ok ? 'ok' : result.refusal.code}`
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
  expect(operation(real.state)).toEqual(result) // deterministic
  expect(real.state).toEqual(before) // the input is never mutated
  if (result.ok) real.state = result.state
  checkInvariants(real)
  return result
}

function checkInvariants(real: Real): void {
  const { state, policy } = real
  // R-OWN-5: no customer is ever owned (or co-owned) by an inactive person
  expect(inactiveOwnerViolations(state)).toEqual([])
  // R-OWN-6: an owner never exceeds the cap
  if (policy.maxOwnedPerPerson !== null) {
    for (const id of STAFF_IDS) expect(state.customers.filter((c) => c.ownerId === id).length).toBeLessThanOrEqual(policy.maxOwnedPerPerson)
  }
  // R-OWN-6: claims per person per Shanghai day never exceed the daily cap
  if (policy.maxClaimsPerDay !== null) {
    const perDay = new Map<string, number>()
    for (const claim of state.claims) {
      const key = `${claim.staffId}@${shanghaiDayKey(claim.at.getTime())}`
      perDay.set(key, (perDay.get(key) ?? 0) + 1)
    }
    for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(policy.maxClaimsPerDay)
  }
  // pool customers have no owner; owners come with assignedAt
  for (const entry of state.pool) expect(state.customers.find((c) => c.id === entry.customerId)?.ownerId).toBeUndefined()
  for (const customer of state.customers) expect(customer.ownerId === undefined).toBe(customer.assignedAt === undefined)
}

/** The customer a command acts on: mostly one with an owner (so that release, contact and reassign get past "not owned"). */
function ownedPick(state: OwnershipState, pick: number): string {
  const ownedIds = state.customers.filter((c) => c.ownerId !== undefined).map((c) => c.id)
  if (pick % 5 === 0 || ownedIds.length === 0) return CUSTOMER_IDS[pick % CUSTOMER_IDS.length] ?? 'c1'
  return ownedIds[pick % ownedIds.length] ?? 'c1'
}

class Claim implements fc.Command<Model, Real> {
  constructor(readonly staffId: string, readonly customerId: string) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    const staff = real.state.staff.find((s) => s.id === this.staffId) ?? person(this.staffId)
    const pooled = real.state.pool.find((entry) => entry.customerId === this.customerId)
    const result = apply(real, 'claim', (state) => claimFromPool(state, { staff, customerId: this.customerId, at: new Date(model.now) }, real.policy))
    if (result.ok && pooled?.formerOwnerId === this.staffId && real.policy.formerOwnerLockDays > 0) {
      // R-OWN-6: a former owner never re-claims within the lock (release day + N whole days)
      expect(model.now).toBeGreaterThanOrEqual(startOfShanghaiDayMs(pooled.releasedAt.getTime()) + (real.policy.formerOwnerLockDays + 1) * DAY)
    }
    if (result.ok) expect(real.state.customers.find((c) => c.id === this.customerId)?.ownerId).toBe(this.staffId)
  }
  toString(): string {
    return `claim(${this.staffId}, ${this.customerId})`
  }
}

/** The former owner of a pool customer tries to claim it back (exercises the lock). */
class ClaimBack implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    const candidates = real.state.pool.filter((entry) => entry.formerOwnerId !== null)
    const entry = candidates[this.pick % Math.max(1, candidates.length)]
    if (entry?.formerOwnerId == null) return
    new Claim(entry.formerOwnerId, entry.customerId).run(model, real)
  }
  toString(): string {
    return `claimBack(#${this.pick})`
  }
}

class Assign implements fc.Command<Model, Real> {
  constructor(readonly staffId: string, readonly customerId: string) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    apply(real, 'assign', (state) => assignCustomer(state, { customerId: this.customerId, staffId: this.staffId, at: new Date(model.now), by: manager }, real.policy))
  }
  toString(): string {
    return `assign(${this.customerId} → ${this.staffId})`
  }
}

class Reassign implements fc.Command<Model, Real> {
  constructor(readonly pick: number, readonly staffId: string, readonly override: boolean) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    const reason = this.override ? { overrideReason: '经理决定' } : {}
    const customerId = ownedPick(real.state, this.pick)
    apply(real, 'reassign', (state) => reassignCustomer(state, { customerId, toStaffId: this.staffId, at: new Date(model.now), by: manager, ...reason }, calendar, real.policy))
  }
  toString(): string {
    return `reassign(#${this.pick} → ${this.staffId}${this.override ? ', override' : ''})`
  }
}

class Release implements fc.Command<Model, Real> {
  constructor(readonly pick: number, readonly byOwner: boolean) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    const customerId = ownedPick(real.state, this.pick)
    const ownerId = real.state.customers.find((c) => c.id === customerId)?.ownerId
    const by = this.byOwner && ownerId !== undefined ? (real.state.staff.find((s) => s.id === ownerId) ?? manager) : manager
    const result = apply(real, 'release', (state) => releaseToPool(state, { customerId, at: new Date(model.now), by }, calendar, real.policy))
    if (result.ok) expect(real.state.pool.some((entry) => entry.customerId === customerId)).toBe(true)
  }
  toString(): string {
    return `release(#${this.pick}${this.byOwner ? ', by owner' : ''})`
  }
}

class Contact implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    const customerId = ownedPick(real.state, this.pick)
    const ownerId = real.state.customers.find((c) => c.id === customerId)?.ownerId ?? 's1'
    apply(real, 'contact', (state) => recordFirstContact(state, { customerId, staffId: ownerId, at: new Date(model.now) }))
  }
  toString(): string {
    return `contact(#${this.pick})`
  }
}

class HandOver implements fc.Command<Model, Real> {
  constructor(readonly leaverId: string, readonly successorId: string) {}
  check(): boolean {
    return true
  }
  run(model: Model, real: Real): void {
    const result = apply(real, 'handOver', (state) => handOver(state, { leaverId: this.leaverId, successorId: this.successorId, at: new Date(model.now), by: manager }, real.policy))
    if (result.ok) {
      expect(real.state.staff.find((s) => s.id === this.leaverId)?.active).toBe(false)
      expect(real.state.customers.some((c) => c.ownerId === this.leaverId || c.coOwnerIds.includes(this.leaverId))).toBe(false)
    }
  }
  toString(): string {
    return `handOver(${this.leaverId} → ${this.successorId})`
  }
}

class Advance implements fc.Command<Model, Real> {
  constructor(readonly minutes: number) {}
  check(): boolean {
    return true
  }
  run(model: Model): void {
    model.now += this.minutes * 60_000
  }
  toString(): string {
    return `advance(${this.minutes} min)`
  }
}

const staffArb = fc.constantFrom(...STAFF_IDS)
const customerArb = fc.constantFrom(...CUSTOMER_IDS)
const pickArb = fc.nat({ max: 99 })
const commandsArb = fc.commands(
  [
    fc.tuple(staffArb, customerArb).map(([s, c]) => new Claim(s, c)),
    fc.tuple(fc.constant('s1'), customerArb).map(([s, c]) => new Claim(s, c)),
    fc.tuple(staffArb, customerArb).map(([s, c]) => new Assign(s, c)),
    fc.tuple(pickArb, staffArb, fc.boolean()).map(([p, s, o]) => new Reassign(p, s, o)),
    fc.tuple(pickArb, fc.boolean()).map(([p, o]) => new Release(p, o)),
    pickArb.map((p) => new ClaimBack(p)),
    pickArb.map((p) => new Contact(p)),
    // handovers deactivate people for good: one draw in three, otherwise an hour passes
    fc.tuple(staffArb, staffArb, fc.integer({ min: 0, max: 2 })).map(([l, s, n]) => (n === 0 ? new HandOver(l, s) : new Advance(60))),
    fc.oneof(fc.integer({ min: 1, max: 6 * 60 }), fc.integer({ min: 1, max: 4 * 24 * 60 })).map((m) => new Advance(m)),
  ],
  { maxCommands: 40 },
)

const policyArb = fc
  .record({
    maxOwnedPerPerson: fc.constantFrom(null, 1, 2, 3, 3),
    maxClaimsPerDay: fc.constantFrom(null, 1, 1, 2),
    formerOwnerLockDays: fc.integer({ min: 0, max: 3 }),
    unit: fc.constantFrom('calendarDays', 'workingDays'),
    days: fc.integer({ min: 1, max: 7 }),
  })
  .map(({ unit, days, ...rest }) => createOwnershipPolicy({ ...rest, contactDeadline: { general: { days, unit }, key: { days, unit } } }))

function checkModel(parameters: fc.Parameters<[OwnershipPolicy, Iterable<fc.Command<Model, Real>>]>): void {
  fc.assert(
    fc.property(policyArb, commandsArb, (policy, commands) => {
      const runOnce = (): OwnershipState => {
        const real: Real = { state: initialState(), policy }
        fc.modelRun(() => ({ model: { now: sh('2025-03-01', '09:00').getTime() }, real }), commands)
        return real.state
      }
      const first = runOnce()
      expect(runOnce()).toEqual(first)
    }),
    parameters,
  )
}

describe('R-OWN-2/3/5/6 ownership and pool state machine (model-based)', () => {
  it('R-OWN-5/R-OWN-6 invariants hold after every command; refusals change nothing; the same commands give the same state', () => {
    checkModel({ numRuns: 120 })
  }, 60_000)

  // Whether random runs reach a given outcome is chance; with a fixed seed the check is repeatable.
  it('the command mix reaches every operation and the main refusals (fixed seed)', () => {
    outcomes.clear()
    checkModel({ numRuns: 120, seed: 1 })
    if (process.env['SHOW_OUTCOMES']) console.log([...outcomes].sort())
    for (const name of ['claim', 'assign', 'reassign', 'release', 'contact', 'handOver']) expect(outcomes.get(`${name}:ok`) ?? 0).toBeGreaterThan(0)
    // the rarer DAILY_CLAIM_CAP_REACHED and FORMER_OWNER_LOCKED are pinned by pool.test.ts
    for (const code of ['OWNER_CAP_REACHED', 'NOT_RECLAIMABLE', 'STAFF_INACTIVE', 'NOT_IN_POOL']) {
      expect([...outcomes.keys()].some((key) => key.endsWith(`OWNERSHIP.${code}`)), code).toBe(true)
    }
  }, 60_000)
})
