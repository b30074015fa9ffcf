/**
 * Shared fast-check arbitraries for access decisions (R-ACC-1/2) and complaints (R-ACC-4).
 */
import fc from 'fast-check'

import type { AccessAction, AccessGrant, CustomerRecordRef } from '../../src/access/index.js'
import { ACCESS_ACTIONS } from '../../src/access/index.js'
import { STAFF_ROLES, type StaffRole } from '../../src/staff/roles.js'
import type { Staff } from '../../src/staff/staff.js'

export const STAFF_IDS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'] as const
export const TEAM_IDS = ['t1', 't2', 't3'] as const
export const CUSTOMER_IDS = ['C1', 'C2', 'C3'] as const

const BASE_MS = Date.parse('2026-01-01T00:00:00+08:00')
const YEAR_MS = 365 * 86_400_000

/** An instant in 2026. */
export const instantArb: fc.Arbitrary<Date> = fc.integer({ min: 0, max: YEAR_MS }).map((offset) => new Date(BASE_MS + offset))

/** Any action. */
export const actionArb: fc.Arbitrary<AccessAction> = fc.constantFrom(...ACCESS_ACTIONS)

/** Staff with any non-empty set of roles, maybe a team, active or not. */
export function staffArb(roles: fc.Arbitrary<StaffRole[]> = fc.subarray([...STAFF_ROLES], { minLength: 1, maxLength: 3 })): fc.Arbitrary<Staff> {
  return fc
    .record({ id: fc.constantFrom(...STAFF_IDS), roles, teamId: fc.option(fc.constantFrom(...TEAM_IDS), { nil: undefined }), active: fc.boolean() })
    .map(({ teamId, ...rest }) => (teamId === undefined ? rest : { ...rest, teamId }))
}

/** A customer record reference with any owner, co-owners, team, followers and confidentiality. */
export const recordArb: fc.Arbitrary<CustomerRecordRef> = fc
  .record({
    id: fc.constantFrom(...CUSTOMER_IDS),
    ownerId: fc.option(fc.constantFrom(...STAFF_IDS), { nil: undefined }),
    coOwnerIds: fc.subarray([...STAFF_IDS], { maxLength: 2 }),
    teamId: fc.option(fc.constantFrom(...TEAM_IDS), { nil: undefined }),
    followerIds: fc.subarray([...STAFF_IDS], { maxLength: 2 }),
    confidential: fc.boolean(),
  })
  .map(({ ownerId, teamId, ...rest }) => ({
    kind: 'customer' as const,
    ...rest,
    ...(ownerId === undefined ? {} : { ownerId }),
    ...(teamId === undefined ? {} : { teamId }),
  }))

/** A valid grant (names a customer, a team, or both). */
export const grantArb: fc.Arbitrary<AccessGrant> = fc
  .record({
    staffId: fc.constantFrom(...STAFF_IDS),
    scope: fc.oneof(
      fc.record({ customerId: fc.constantFrom(...CUSTOMER_IDS) }),
      fc.record({ teamId: fc.constantFrom(...TEAM_IDS) }),
      fc.record({ customerId: fc.constantFrom(...CUSTOMER_IDS), teamId: fc.constantFrom(...TEAM_IDS) }),
    ),
    actions: fc.subarray([...ACCESS_ACTIONS], { minLength: 1 }),
    from: instantArb,
    lengthMs: fc.option(fc.integer({ min: 1, max: YEAR_MS }), { nil: undefined }),
  })
  .map(({ staffId, scope, actions, from, lengthMs }) => ({
    staffId,
    ...scope,
    actions,
    from,
    ...(lengthMs === undefined ? {} : { until: new Date(from.getTime() + lengthMs) }),
  }))
