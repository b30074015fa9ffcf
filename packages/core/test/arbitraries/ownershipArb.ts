/**
 * Shared fixtures and fast-check arbitraries for the ownership area (R-OWN-1..6).
 */
import fc from 'fast-check'
import { createWorkingCalendar } from '../../src/calendar/index.js'
import type { CustomerClaim, OwnershipCustomer, OwnershipState } from '../../src/ownership/index.js'
import type { Staff, StaffRole } from '../../src/staff/index.js'
import { CUSTOMER_TIERS, type CustomerTier } from '../../src/tiering/index.js'

/** The default China working calendar (2015–2026 schedules). */
export const calendar = createWorkingCalendar()

const HOUR = 3_600_000

/** Wall-clock Asia/Shanghai, via an explicit +08:00 offset (independent of the calendar module). */
export function sh(day: string, time = '00:00'): Date {
  return new Date(`${day}T${time}:00.000+08:00`)
}

/** A staff member. */
export function person(id: string, roles: readonly StaffRole[] = ['specialist'], active = true): Staff {
  return { id, roles: [...roles], active }
}

export const manager = person('boss', ['manager'])
export const director = person('zhao', ['director'])

/** An unowned customer. */
export function unowned(id: string, tier: CustomerTier = 'general'): OwnershipCustomer {
  return { id, tier, coOwnerIds: [], history: [] }
}

/** An owned customer assigned at `assignedAt`. */
export function owned(id: string, ownerId: string, assignedAt: Date, extra: Partial<OwnershipCustomer> = {}): OwnershipCustomer {
  return { id, tier: 'general', ownerId, coOwnerIds: [], assignedAt, history: [], ...extra }
}

/** A state from parts. */
export function stateOf(parts: Partial<OwnershipState>): OwnershipState {
  return { customers: [], staff: [], pool: [], claims: [], ...parts }
}

/** A tier. */
export const tierArb = fc.constantFrom<CustomerTier>(...CUSTOMER_TIERS)

/** An instant between 2025-01-01 and 2026-06-30, to the minute. */
export const instantArb = fc
  .integer({ min: 0, max: 545 * 24 * 60 })
  .map((minutes) => new Date(sh('2025-01-01').getTime() + minutes * 60_000))

/** Claims to one customer by up to 5 staff, recorded within a few hours, some sharing instants, some with sequences. */
export const claimsArb: fc.Arbitrary<CustomerClaim[]> = fc.array(
  fc.record(
    {
      staffId: fc.constantFrom('s1', 's2', 's3', 's4', 's5'),
      recordedAt: fc.integer({ min: 0, max: 5 }).map((h) => new Date(sh('2025-03-03', '09:00').getTime() + h * HOUR)),
      sequence: fc.integer({ min: 0, max: 3 }),
    },
    { requiredKeys: ['staffId', 'recordedAt'] },
  ).map((claim) => ({ ...claim, customerRef: 'c1' })),
  { minLength: 1, maxLength: 8 },
)
