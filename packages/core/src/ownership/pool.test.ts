import { describe, expect, it } from 'vitest'
import { calendar, manager, owned, person, sh, stateOf, unowned } from '../../test/arbitraries/ownershipArb.js'
import { thrown } from '../../test/thrown.js'
import { assignCustomer } from './assignCustomer.js'
import { claimFromPool, formerOwnerLockEnd } from './claimFromPool.js'
import { OwnershipInputError } from './errors.js'
import { createOwnershipPolicy } from './policy.js'
import { reassignCustomer } from './reassignCustomer.js'
import { reclaimableCustomers, reclaimWarnings, timeLeft } from './reclaimWarnings.js'
import { recordFirstContact } from './recordFirstContact.js'
import { releaseToPool } from './releaseToPool.js'
import type { OwnershipResult } from './result.js'
import type { OwnershipState } from './state.js'

const wang = person('wang')
const li = person('li')
const gone = person('gone', ['specialist'], false)
const staff = [wang, li, gone, manager]

function expectRefused(result: OwnershipResult, code: string, ruleId?: string): void {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.refusal.code).toBe(code)
  if (ruleId !== undefined) expect(result.refusal.ruleId).toBe(ruleId)
  expect(result.refusal.messageZh).toMatch(/\p{Script=Han}/u)
  expect(result.refusal.messageEn.length).toBeGreaterThan(0)
}

function next(result: OwnershipResult): OwnershipState {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}`)
  return result.state
}

describe('R-OWN-6 claiming from the pool', () => {
  const pooled = stateOf({
    staff,
    customers: [unowned('c7'), unowned('c8'), unowned('c9'), owned('c1', 'li', sh('2025-03-01'))],
    pool: [
      { customerId: 'c7', releasedAt: sh('2025-03-01', '15:00'), formerOwnerId: 'wang' },
      { customerId: 'c8', releasedAt: sh('2025-03-01', '15:00'), formerOwnerId: null },
      { customerId: 'c9', releasedAt: sh('2025-03-01', '15:00'), formerOwnerId: 'li' },
    ],
  })

  it('R-OWN-6 worked example: wang claims c8; it leaves the pool, the claim is logged, history says who/what/when', () => {
    const at = sh('2025-03-03', '09:30')
    const result = claimFromPool(pooled, { staff: wang, customerId: 'c8', at })
    const state = next(result)
    expect(state.customers[1]).toEqual({ id: 'c8', tier: 'general', ownerId: 'wang', coOwnerIds: [], assignedAt: at, history: result.ok ? result.entries : [] })
    expect(state.pool.map((entry) => entry.customerId)).toEqual(['c7', 'c9'])
    expect(state.claims).toEqual([{ staffId: 'wang', customerId: 'c8', at }])
    expect(result.ok && result.entries).toEqual([{ customerId: 'c8', action: 'claimed', at, by: 'wang', fromOwnerId: null, toOwnerId: 'wang', reason: null, ruleId: 'R-OWN-6' }])
  })

  it('R-OWN-6 former owner lock: released 03-01 15:00, 7 days → claimable again from 03-09 00:00 +08:00', () => {
    const policy = createOwnershipPolicy({ formerOwnerLockDays: 7 })
    const entry = pooled.pool[0]
    if (entry === undefined) throw new Error('fixture')
    expect(formerOwnerLockEnd(entry, policy)).toEqual(sh('2025-03-09'))
    expect(formerOwnerLockEnd(entry)).toBeUndefined()
    expectRefused(claimFromPool(pooled, { staff: wang, customerId: 'c7', at: sh('2025-03-08', '23:59') }, policy), 'OWNERSHIP.FORMER_OWNER_LOCKED', 'R-OWN-6')
    expect(claimFromPool(pooled, { staff: wang, customerId: 'c7', at: sh('2025-03-09') }, policy).ok).toBe(true)
    expect(claimFromPool(pooled, { staff: li, customerId: 'c7', at: sh('2025-03-02') }, policy).ok).toBe(true) // others are not locked
    expect(claimFromPool(pooled, { staff: wang, customerId: 'c7', at: sh('2025-03-02') }).ok).toBe(true) // default: no lock
  })

  it('R-OWN-6 daily claim cap counts claims on the same Asia/Shanghai day', () => {
    const policy = createOwnershipPolicy({ maxClaimsPerDay: 1 })
    // 03-03 23:30 +08:00 and 03-04 00:10 +08:00 are different Shanghai days (both 03-03 in UTC)
    const first = next(claimFromPool(pooled, { staff: li, customerId: 'c7', at: sh('2025-03-03', '23:30') }, policy))
    expectRefused(claimFromPool(first, { staff: li, customerId: 'c8', at: sh('2025-03-03', '23:45') }, policy), 'OWNERSHIP.DAILY_CLAIM_CAP_REACHED', 'R-OWN-6')
    expect(claimFromPool(first, { staff: li, customerId: 'c8', at: sh('2025-03-04', '00:10') }, policy).ok).toBe(true)
    expect(claimFromPool(first, { staff: wang, customerId: 'c8', at: sh('2025-03-03', '23:45') }, policy).ok).toBe(true)
  })

  it('R-OWN-6 owner cap counts owned customers', () => {
    const policy = createOwnershipPolicy({ maxOwnedPerPerson: 1 })
    expectRefused(claimFromPool(pooled, { staff: li, customerId: 'c8', at: sh('2025-03-03') }, policy), 'OWNERSHIP.OWNER_CAP_REACHED', 'R-OWN-6')
    expect(claimFromPool(pooled, { staff: wang, customerId: 'c8', at: sh('2025-03-03') }, policy).ok).toBe(true)
  })

  it.each([
    [{ staff: wang, customerId: 'c1' }, 'OWNERSHIP.NOT_IN_POOL'],
    [{ staff: wang, customerId: 'nope' }, 'OWNERSHIP.UNKNOWN_CUSTOMER'],
    [{ staff: person('stranger'), customerId: 'c8' }, 'OWNERSHIP.UNKNOWN_STAFF'],
    [{ staff: gone, customerId: 'c8' }, 'OWNERSHIP.STAFF_INACTIVE'],
    [{ staff: { ...wang, active: false }, customerId: 'c8' }, 'OWNERSHIP.STAFF_INACTIVE'],
    [{ staff: wang, customerId: 'c8', at: sh('2025-03-01', '14:59') }, 'OWNERSHIP.BEFORE_LAST_EVENT'],
  ])('R-OWN-6 refuses claim %# as data (%s) and leaves the state unchanged', (command, code) => {
    const before = structuredClone(pooled)
    expectRefused(claimFromPool(pooled, { at: sh('2025-03-03'), ...command }), code)
    expect(pooled).toEqual(before)
  })

  it('refuses a malformed claim command', () => {
    expect(thrown(() => claimFromPool(pooled, { staff: wang, customerId: '', at: sh('2025-03-03') }), OwnershipInputError).field).toBe('command.customerId')
    expect(thrown(() => claimFromPool(pooled, { staff: wang, customerId: 'c8', at: null as never }), OwnershipInputError).field).toBe('command.at')
    expect(thrown(() => claimFromPool(pooled, { staff: null as never, customerId: 'c8', at: sh('2025-03-03') })).code).toBe('STAFF.INVALID')
    expect(thrown(() => claimFromPool(pooled, null as never), OwnershipInputError).code).toBe('OWNERSHIP.INVALID_COMMAND')
  })
})

describe('R-OWN-2 / R-OWN-6 assign, contact, reassign, release', () => {
  const assignedAt = sh('2025-03-03', '10:00')
  const start = stateOf({ staff, customers: [unowned('c1'), unowned('c2', 'key')] })
  const assigned = next(assignCustomer(start, { customerId: 'c1', staffId: 'wang', at: assignedAt, by: manager, reason: '按均衡分配' }))

  it('R-OWN-3 a manager assigns an unowned customer', () => {
    expect(assigned.customers[0]).toMatchObject({ ownerId: 'wang', assignedAt })
    expect(assigned.customers[0]?.history[0]).toEqual({ customerId: 'c1', action: 'assigned', at: assignedAt, by: 'boss', fromOwnerId: null, toOwnerId: 'wang', reason: '按均衡分配', ruleId: 'R-OWN-3' })
    expectRefused(assignCustomer(assigned, { customerId: 'c1', staffId: 'li', at: assignedAt, by: manager }), 'OWNERSHIP.ALREADY_OWNED')
    expectRefused(assignCustomer(start, { customerId: 'c1', staffId: 'li', at: assignedAt, by: wang }), 'OWNERSHIP.NOT_A_MANAGER')
    expectRefused(assignCustomer(start, { customerId: 'c1', staffId: 'gone', at: assignedAt, by: manager }), 'OWNERSHIP.STAFF_INACTIVE', 'R-OWN-5')
    expectRefused(assignCustomer(start, { customerId: 'c1', staffId: 'who', at: assignedAt, by: manager }), 'OWNERSHIP.UNKNOWN_STAFF')
    expectRefused(assignCustomer(assigned, { customerId: 'c2', staffId: 'wang', at: assignedAt, by: manager }, createOwnershipPolicy({ maxOwnedPerPerson: 1 })), 'OWNERSHIP.OWNER_CAP_REACHED')
  })

  it('R-OWN-2 reassign: refused before the deadline, allowed from it, or earlier with an override reason', () => {
    expectRefused(reassignCustomer(assigned, { customerId: 'c1', toStaffId: 'li', at: sh('2025-03-10', '17:00'), by: manager }, calendar), 'OWNERSHIP.NOT_RECLAIMABLE', 'R-OWN-2')
    const moved = reassignCustomer(assigned, { customerId: 'c1', toStaffId: 'li', at: sh('2025-03-11', '09:00'), by: manager }, calendar)
    expect(next(moved).customers[0]).toMatchObject({ ownerId: 'li', assignedAt: sh('2025-03-11', '09:00') })
    expect(moved.ok && moved.entries[0]).toMatchObject({ action: 'reassigned', fromOwnerId: 'wang', toOwnerId: 'li', ruleId: 'R-OWN-2', reason: 'not contacted before 2025-03-10T16:00:00.000Z (逾期未联系)' })
    const forced = reassignCustomer(assigned, { customerId: 'c1', toStaffId: 'li', at: sh('2025-03-04'), by: manager, overrideReason: '客户要求更换对接人' }, calendar)
    expect(forced.ok && forced.entries[0]).toMatchObject({ reason: '客户要求更换对接人', ruleId: 'R-OWN-1' })
    expectRefused(reassignCustomer(assigned, { customerId: 'c1', toStaffId: 'li', at: sh('2025-03-04'), by: manager, overrideReason: ' ' }, calendar), 'OWNERSHIP.NOT_RECLAIMABLE')
    expectRefused(reassignCustomer(assigned, { customerId: 'c1', toStaffId: 'wang', at: sh('2025-03-12'), by: manager }, calendar), 'OWNERSHIP.SAME_OWNER')
    expectRefused(reassignCustomer(assigned, { customerId: 'c2', toStaffId: 'li', at: sh('2025-03-12'), by: manager }, calendar), 'OWNERSHIP.NOT_OWNED')
    expectRefused(reassignCustomer(assigned, { customerId: 'c1', toStaffId: 'gone', at: sh('2025-03-12'), by: manager }, calendar), 'OWNERSHIP.STAFF_INACTIVE')
    expectRefused(reassignCustomer(assigned, { customerId: 'c1', toStaffId: 'li', at: sh('2025-03-12'), by: li }, calendar), 'OWNERSHIP.NOT_A_MANAGER')
    expectRefused(reassignCustomer(assigned, { customerId: 'c1', toStaffId: 'li', at: sh('2025-03-01'), by: manager }, calendar), 'OWNERSHIP.BEFORE_LAST_EVENT')
  })

  it('R-OWN-2 a contact before the deadline keeps the customer; the contact clears notifyCustomer', () => {
    const contacted = next(recordFirstContact({ ...assigned, customers: [{ ...assigned.customers[0]!, notifyCustomer: true }, assigned.customers[1]!] }, { customerId: 'c1', staffId: 'wang', at: sh('2025-03-05', '10:00') }))
    expect(contacted.customers[0]?.firstContactAt).toEqual(sh('2025-03-05', '10:00'))
    expect(contacted.customers[0]?.notifyCustomer).toBeUndefined()
    expectRefused(reassignCustomer(contacted, { customerId: 'c1', toStaffId: 'li', at: sh('2025-04-01'), by: manager }, calendar), 'OWNERSHIP.NOT_RECLAIMABLE')
    expectRefused(recordFirstContact(contacted, { customerId: 'c1', staffId: 'wang', at: sh('2025-03-06') }), 'OWNERSHIP.ALREADY_CONTACTED')
    expectRefused(recordFirstContact(assigned, { customerId: 'c1', staffId: 'li', at: sh('2025-03-06') }), 'OWNERSHIP.NOT_PERMITTED')
    expectRefused(recordFirstContact(assigned, { customerId: 'c2', staffId: 'li', at: sh('2025-03-06') }), 'OWNERSHIP.NOT_OWNED')
    expectRefused(recordFirstContact(assigned, { customerId: 'c3', staffId: 'li', at: sh('2025-03-06') }), 'OWNERSHIP.UNKNOWN_CUSTOMER')
    expectRefused(recordFirstContact(assigned, { customerId: 'c1', staffId: 'wang', at: sh('2025-03-02') }), 'OWNERSHIP.BEFORE_LAST_EVENT')
  })

  it('R-OWN-6 release: the owner gives up any time; a manager reclaims after the deadline or with a reason', () => {
    const byOwner = releaseToPool(assigned, { customerId: 'c1', at: sh('2025-03-04'), by: wang }, calendar)
    expect(next(byOwner).pool).toEqual([{ customerId: 'c1', releasedAt: sh('2025-03-04'), formerOwnerId: 'wang' }])
    expect(next(byOwner).customers[0]).toEqual({ id: 'c1', tier: 'general', coOwnerIds: [], history: [...assigned.customers[0]!.history, ...(byOwner.ok ? byOwner.entries : [])] })
    expectRefused(releaseToPool(assigned, { customerId: 'c1', at: sh('2025-03-04'), by: manager }, calendar), 'OWNERSHIP.NOT_RECLAIMABLE', 'R-OWN-2')
    const reclaimed = releaseToPool(assigned, { customerId: 'c1', at: sh('2025-03-11', '09:00'), by: manager }, calendar)
    expect(reclaimed.ok && reclaimed.entries[0]).toMatchObject({ action: 'released', fromOwnerId: 'wang', toOwnerId: null, by: 'boss' })
    expect(releaseToPool(assigned, { customerId: 'c1', at: sh('2025-03-04'), by: manager, reason: '客户投诉' }, calendar).ok).toBe(true)
    expectRefused(releaseToPool(assigned, { customerId: 'c1', at: sh('2025-03-12'), by: li }, calendar), 'OWNERSHIP.NOT_PERMITTED')
    expectRefused(releaseToPool(assigned, { customerId: 'c2', at: sh('2025-03-04'), by: li }, calendar), 'OWNERSHIP.NOT_A_MANAGER')
    const unownedReleased = next(releaseToPool(assigned, { customerId: 'c2', at: sh('2025-03-04'), by: manager }, calendar))
    expect(unownedReleased.pool).toEqual([{ customerId: 'c2', releasedAt: sh('2025-03-04'), formerOwnerId: null }])
    expectRefused(releaseToPool(unownedReleased, { customerId: 'c2', at: sh('2025-03-05'), by: manager }, calendar), 'OWNERSHIP.ALREADY_IN_POOL')
    expectRefused(releaseToPool(assigned, { customerId: 'c1', at: sh('2025-03-04'), by: gone }, calendar), 'OWNERSHIP.ACTOR_INACTIVE')
  })
})

describe('R-OWN-6 reclaim warnings and time left', () => {
  const state = stateOf({
    staff,
    customers: [
      owned('c1', 'wang', sh('2025-03-03', '10:00')),
      owned('c2', 'li', sh('2025-03-03', '11:00'), { firstContactAt: sh('2025-03-04') }),
      owned('c3', 'li', sh('2025-03-02', '08:00')),
      unowned('c9'),
    ],
    pool: [{ customerId: 'c9', releasedAt: sh('2025-03-01'), formerOwnerId: null }],
  })

  it('R-OWN-6 worked example: warned during the last day before the deadline (default 1 day)', () => {
    expect(reclaimWarnings(state, sh('2025-03-09', '08:00'), calendar)).toEqual([
      { customerId: 'c3', ownerId: 'li', deadline: sh('2025-03-10'), warnFrom: sh('2025-03-09'), timeLeftMs: 16 * 3_600_000 },
    ])
    expect(reclaimWarnings(state, sh('2025-03-10', '08:00'), calendar)).toEqual([
      { customerId: 'c1', ownerId: 'wang', deadline: sh('2025-03-11'), warnFrom: sh('2025-03-10'), timeLeftMs: 16 * 3_600_000 },
    ])
    expect(reclaimWarnings(state, sh('2025-03-08', '23:59'), calendar)).toEqual([])
    expect(reclaimWarnings(state, sh('2025-03-08', '08:00'), calendar, createOwnershipPolicy({ warnDaysBeforeReclaim: 3 })).map((w) => w.customerId)).toEqual(['c3', 'c1'])
    expect(reclaimWarnings(state, sh('2025-03-10', '08:00'), calendar, createOwnershipPolicy({ warnDaysBeforeReclaim: 0 }))).toEqual([])
  })

  it('R-OWN-6 each customer shows how long its owner has left', () => {
    expect(timeLeft(state, 'c1', sh('2025-03-10', '23:00'), calendar)).toEqual({ ownerId: 'wang', status: 'within-deadline', deadline: sh('2025-03-11'), timeLeftMs: 3_600_000 })
    expect(timeLeft(state, 'c2', sh('2025-03-20'), calendar)).toMatchObject({ ownerId: 'li', status: 'contacted' })
    expect(timeLeft(state, 'c3', sh('2025-03-11'), calendar)).toMatchObject({ ownerId: 'li', status: 'reclaimable', since: sh('2025-03-10'), overdueMs: 86_400_000 })
    expect(timeLeft(state, 'c9', sh('2025-03-11'), calendar)).toEqual({ status: 'unowned', inPool: true })
    expect(timeLeft(state, 'zz', sh('2025-03-11'), calendar)).toEqual({ status: 'unknown-customer' })
    expect(reclaimableCustomers(state, sh('2025-03-11', '09:00'), calendar)).toEqual([
      { customerId: 'c3', ownerId: 'li', since: sh('2025-03-10') },
      { customerId: 'c1', ownerId: 'wang', since: sh('2025-03-11') },
    ])
    expect(thrown(() => timeLeft(state, 'c1', new Date(Number.NaN), calendar), OwnershipInputError).field).toBe('now')
  })
})
