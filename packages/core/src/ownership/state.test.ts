import { describe, expect, it } from 'vitest'
import { owned, person, sh, stateOf, unowned } from '../../test/arbitraries/ownershipArb.js'
import { thrown } from '../../test/thrown.js'
import { OwnershipInputError } from './errors.js'
import { emptyOwnershipState, inactiveOwnerViolations, readOwnershipState } from './state.js'

const wang = person('wang')

describe('ownership state validation', () => {
  it('reads a valid state and an empty one', () => {
    const state = stateOf({ staff: [wang], customers: [owned('c1', 'wang', sh('2025-03-03'))] })
    expect(readOwnershipState(state)).toEqual(state)
    expect(emptyOwnershipState([wang])).toEqual({ customers: [], staff: [wang], pool: [], claims: [] })
  })

  const entry = { customerId: 'c1', action: 'assigned', at: sh('2025-03-03'), by: 'boss', fromOwnerId: null, toOwnerId: 'wang', reason: null, ruleId: 'R-OWN-3' }
  it.each([
    [{ staff: [wang, wang] }, 'state.staff[1].id', 'OWNERSHIP.INVALID_STATE'],
    [{ staff: [{ id: 'x' }] }, 'state.staff[0].roles', 'STAFF.INVALID'],
    [{ customers: [unowned('c1'), unowned('c1')] }, 'state.customers[1].id', 'OWNERSHIP.INVALID_STATE'],
    [{ customers: [{ ...unowned('c1'), tier: 'vip' }] }, 'state.customers[0].tier', 'OWNERSHIP.INVALID_STATE'],
    [{ customers: [owned('c1', 'ghost', sh('2025-03-03'))] }, 'state.customers[0].ownerId', 'OWNERSHIP.INVALID_STATE'],
    [{ staff: [wang], customers: [{ ...owned('c1', 'wang', sh('2025-03-03')), assignedAt: undefined }] }, 'state.customers[0].assignedAt', 'OWNERSHIP.INVALID_STATE'],
    [{ staff: [wang], customers: [{ ...unowned('c1'), coOwnerIds: ['wang'] }] }, 'state.customers[0].coOwnerIds', 'OWNERSHIP.INVALID_STATE'],
    [{ staff: [wang], customers: [owned('c1', 'wang', sh('2025-03-03'), { coOwnerIds: ['wang'] })] }, 'state.customers[0].coOwnerIds', 'OWNERSHIP.INVALID_STATE'],
    [{ staff: [wang], customers: [owned('c1', 'wang', new Date(Number.NaN))] }, 'state.customers[0].assignedAt', 'OWNERSHIP.INVALID_INSTANT'],
    [{ customers: [{ ...unowned('c1'), firstContactAt: sh('2025-03-03') }] }, 'state.customers[0].firstContactAt', 'OWNERSHIP.INVALID_STATE'],
    [{ customers: [{ ...unowned('c1'), notifyCustomer: 'yes' }] }, 'state.customers[0].notifyCustomer', 'OWNERSHIP.INVALID_STATE'],
    [{ customers: [{ ...unowned('c1'), history: [{ ...entry, customerId: 'c2' }] }] }, 'state.customers[0].history[0].customerId', 'OWNERSHIP.INVALID_STATE'],
    [{ customers: [{ ...unowned('c1'), history: [{ ...entry, action: 'stolen' }] }] }, 'state.customers[0].history[0].action', 'OWNERSHIP.INVALID_STATE'],
    [{ customers: [{ ...unowned('c1'), history: [{ ...entry, reason: 5 }] }] }, 'state.customers[0].history[0].reason', 'OWNERSHIP.INVALID_STATE'],
    [{ pool: [{ customerId: 'c9', releasedAt: sh('2025-03-03'), formerOwnerId: null }] }, 'state.pool[0].customerId', 'OWNERSHIP.INVALID_STATE'],
    [{ staff: [wang], customers: [owned('c1', 'wang', sh('2025-03-03'))], pool: [{ customerId: 'c1', releasedAt: sh('2025-03-03'), formerOwnerId: null }] }, 'state.pool[0].customerId', 'OWNERSHIP.INVALID_STATE'],
    [{ customers: [unowned('c1')], pool: [{ customerId: 'c1', releasedAt: 'yesterday', formerOwnerId: null }] }, 'state.pool[0].releasedAt', 'OWNERSHIP.INVALID_INSTANT'],
    [{ claims: [{ staffId: '', customerId: 'c1', at: sh('2025-03-03') }] }, 'state.claims[0].staffId', 'OWNERSHIP.INVALID_STATE'],
    [{ claims: 'none' }, 'state.claims', 'OWNERSHIP.INVALID_STATE'],
  ])('refuses a malformed state %# naming %s', (parts, field, code) => {
    const error = thrown(() => readOwnershipState(stateOf(parts as never)))
    expect([error.field, error.code]).toEqual([field, code])
    if (code.startsWith('OWNERSHIP')) expect(error).toBeInstanceOf(OwnershipInputError)
  })

  it('R-OWN-5 lists customers still owned by inactive staff', () => {
    const state = stateOf({
      staff: [wang, person('gone', ['specialist'], false)],
      customers: [owned('c1', 'gone', sh('2025-03-03')), owned('c2', 'wang', sh('2025-03-03'), { coOwnerIds: ['gone'] }), unowned('c3')],
    })
    expect(inactiveOwnerViolations(state)).toEqual([
      { customerId: 'c1', staffId: 'gone', as: 'owner' },
      { customerId: 'c2', staffId: 'gone', as: 'coOwner' },
    ])
  })
})
