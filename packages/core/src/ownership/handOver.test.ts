import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { manager, owned, person, sh, stateOf, unowned } from '../../test/arbitraries/ownershipArb.js'
import { handOver } from './handOver.js'
import { createOwnershipPolicy } from './policy.js'
import { inactiveOwnerViolations, type OwnershipCustomer } from './state.js'

const wang = person('wang')
const li = person('li')
const at = sh('2025-06-30', '17:00')

describe('R-OWN-5 handover when a staff member leaves', () => {
  const state = stateOf({
    staff: [wang, li, person('zhou'), manager],
    customers: [
      owned('c1', 'wang', sh('2025-03-03'), { firstContactAt: sh('2025-03-04') }),
      owned('c2', 'zhou', sh('2025-03-03'), { coOwnerIds: ['wang'] }),
      owned('c3', 'wang', sh('2025-03-03'), { coOwnerIds: ['li', 'zhou'] }),
      owned('c4', 'zhou', sh('2025-03-03')),
      unowned('c5'),
    ],
  })

  it('R-OWN-5 worked example: wang leaves, li takes over c1 and c3 and wang’s co-ownership of c2, in one step', () => {
    const result = handOver(state, { leaverId: 'wang', successorId: 'li', at, by: manager })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const byId = (id: string): OwnershipCustomer | undefined => result.state.customers.find((c) => c.id === id)
    expect(byId('c1')).toMatchObject({ ownerId: 'li', coOwnerIds: [], assignedAt: at, notifyCustomer: true })
    expect(byId('c1')?.firstContactAt).toBeUndefined() // li's own contact deadline starts (R-OWN-2)
    expect(byId('c2')).toMatchObject({ ownerId: 'zhou', coOwnerIds: ['li'], notifyCustomer: true })
    expect(byId('c3')).toMatchObject({ ownerId: 'li', coOwnerIds: ['zhou'], notifyCustomer: true })
    expect(byId('c4')).toEqual(state.customers[3])
    expect(result.state.staff.find((s) => s.id === 'wang')?.active).toBe(false)
    expect(result.effects).toEqual([
      { type: 'revokeAccess', staffId: 'wang', at, ruleId: 'R-OWN-5' },
      { type: 'notifyCustomer', customerId: 'c1', ownerId: 'li', at, ruleId: 'R-OWN-5' },
      { type: 'notifyCustomer', customerId: 'c2', ownerId: 'zhou', at, ruleId: 'R-OWN-5' },
      { type: 'notifyCustomer', customerId: 'c3', ownerId: 'li', at, ruleId: 'R-OWN-5' },
    ])
    expect(result.entries.map((e) => [e.customerId, e.action, e.fromOwnerId, e.toOwnerId, e.by, e.ruleId])).toEqual([
      ['c1', 'handedOver', 'wang', 'li', 'boss', 'R-OWN-5'],
      ['c2', 'handedOver', 'zhou', 'zhou', 'boss', 'R-OWN-5'],
      ['c3', 'handedOver', 'wang', 'li', 'boss', 'R-OWN-5'],
    ])
    expect(result.entries[0]?.reason).toBe('staff wang left (离职移交)')
    expect(byId('c1')?.history).toEqual([result.entries[0]])
    expect(inactiveOwnerViolations(result.state)).toEqual([])
  })

  it('R-OWN-5 a leaver who owns nothing is still deactivated with access revoked', () => {
    const result = handOver(state, { leaverId: 'li', successorId: 'wang', at, by: manager, reason: '合同到期' })
    expect(result.ok && result.effects).toEqual([{ type: 'revokeAccess', staffId: 'li', at, ruleId: 'R-OWN-5' }, { type: 'notifyCustomer', customerId: 'c3', ownerId: 'wang', at, ruleId: 'R-OWN-5' }])
    expect(result.ok && result.state.customers[2]?.coOwnerIds).toEqual(['zhou'])
    expect(result.ok && result.entries[0]?.reason).toBe('合同到期')
  })

  it.each([
    [{ leaverId: 'wang', successorId: 'wang', by: manager }, 'OWNERSHIP.SUCCESSOR_IS_LEAVER'],
    [{ leaverId: 'wang', successorId: 'ghost', by: manager }, 'OWNERSHIP.UNKNOWN_STAFF'],
    [{ leaverId: 'ghost', successorId: 'li', by: manager }, 'OWNERSHIP.UNKNOWN_STAFF'],
    [{ leaverId: 'wang', successorId: 'gone', by: manager }, 'OWNERSHIP.STAFF_INACTIVE'],
    [{ leaverId: 'wang', successorId: 'li', by: li }, 'OWNERSHIP.NOT_A_MANAGER'],
    [{ leaverId: 'wang', successorId: 'li', by: person('m2', ['manager'], false) }, 'OWNERSHIP.ACTOR_INACTIVE'],
  ])('R-OWN-5 refuses %# as data: %s', (command, code) => {
    const withGone = { ...state, staff: [...state.staff, person('gone', ['specialist'], false)] }
    const before = structuredClone(withGone)
    const result = handOver(withGone, { ...command, at })
    expect(!result.ok && result.refusal.code).toBe(code)
    expect(withGone).toEqual(before)
  })

  it('R-OWN-5/R-OWN-6 refuses a successor who would exceed the owner cap, and a handover dated before the last change', () => {
    const policy = createOwnershipPolicy({ maxOwnedPerPerson: 2 })
    const capped = handOver(state, { leaverId: 'wang', successorId: 'zhou', at, by: manager }, policy)
    expect(!capped.ok && capped.refusal.code).toBe('OWNERSHIP.OWNER_CAP_REACHED')
    expect(!capped.ok && capped.refusal.details).toMatchObject({ owned: 2, adding: 2, cap: 2 })
    expect(handOver(state, { leaverId: 'wang', successorId: 'li', at, by: manager }, policy).ok).toBe(true)
    const withHistory = stateOf({
      staff: [wang, li],
      customers: [{ ...owned('c1', 'wang', sh('2025-07-01')), history: [{ customerId: 'c1', action: 'assigned', at: sh('2025-07-01'), by: 'boss', fromOwnerId: null, toOwnerId: 'wang', reason: null, ruleId: 'R-OWN-3' }] }],
    })
    const early = handOver(withHistory, { leaverId: 'wang', successorId: 'li', at, by: manager })
    expect(!early.ok && early.refusal.code).toBe('OWNERSHIP.BEFORE_LAST_EVENT')
  })

  it('R-OWN-5 property: after a handover nobody inactive owns or co-owns a customer', () => {
    const ids = ['s1', 's2', 's3', 's4']
    fc.assert(
      fc.property(
        fc.array(fc.record({ owner: fc.option(fc.constantFrom(...ids), { nil: undefined }), co: fc.subarray(ids) }), { maxLength: 12 }),
        fc.constantFrom(...ids),
        fc.constantFrom(...ids),
        (rows, leaverId, successorId) => {
          const customers = rows.map((row, index): OwnershipCustomer =>
            row.owner === undefined ? unowned(`c${index}`) : owned(`c${index}`, row.owner, sh('2025-03-03'), { coOwnerIds: row.co.filter((id) => id !== row.owner) }),
          )
          const start = stateOf({ staff: ids.map((id) => person(id)), customers })
          const result = handOver(start, { leaverId, successorId, at, by: manager })
          if (leaverId === successorId) {
            expect(result.ok).toBe(false)
            return
          }
          expect(result.ok).toBe(true)
          if (!result.ok) return
          expect(inactiveOwnerViolations(result.state)).toEqual([])
          // every customer the leaver touched is marked, nothing else changed
          for (const [index, customer] of result.state.customers.entries()) {
            const touched = start.customers[index]?.ownerId === leaverId || start.customers[index]?.coOwnerIds.includes(leaverId)
            if (touched) expect(customer.notifyCustomer).toBe(true)
            else expect(customer).toEqual(start.customers[index])
          }
        },
      ),
    )
  })
})
