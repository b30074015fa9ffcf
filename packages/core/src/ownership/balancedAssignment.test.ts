import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { person } from '../../test/arbitraries/ownershipArb.js'
import { thrown } from '../../test/thrown.js'
import { Decimal } from '../money/decimal.js'
import { balancedAssignment, type StaffWorkload } from './balancedAssignment.js'
import { OwnershipInputError } from './errors.js'
import { createOwnershipPolicy } from './policy.js'

const wang = person('wang')
const li = person('li')
const zhao = person('zhao')

/** Staff with loads and capacities (some inactive), and distinct customer ids. */
const workloadArb = fc.record({
  people: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'),
      load: fc.integer({ min: 0, max: 8 }),
      capacity: fc.constantFrom(undefined, 1, 2, '0.5', '1.5', 3),
      active: fc.boolean(),
    }),
    { selector: (p) => p.id, minLength: 0, maxLength: 6 },
  ),
  customers: fc.uniqueArray(fc.integer({ min: 1, max: 99 }).map((n) => `c${n}`), { maxLength: 25 }),
  cap: fc.constantFrom(null, 3, 6, 10),
})

function workloads(people: readonly { id: string; load: number; capacity: number | string | undefined; active: boolean }[]): StaffWorkload[] {
  return people.map((p) => ({ staff: person(p.id, ['specialist'], p.active), currentLoad: p.load, ...(p.capacity === undefined ? {} : { capacity: p.capacity }) }))
}

describe('R-OWN-3 balanced assignment', () => {
  it('R-OWN-3 worked example: loads 4, 1, 2 (capacity 2)', () => {
    const result = balancedAssignment(['c3', 'c1', 'c2'], [
      { staff: wang, currentLoad: 4 },
      { staff: li, currentLoad: 1 },
      { staff: zhao, currentLoad: 2, capacity: 2 },
    ])
    expect(result.assignments).toEqual([
      { customerId: 'c1', staffId: 'zhao', loadAfter: 3 },
      { customerId: 'c2', staffId: 'li', loadAfter: 2 },
      { customerId: 'c3', staffId: 'zhao', loadAfter: 4 },
    ])
    expect(result.unassigned).toEqual([])
    expect(result.loads).toEqual([
      { staffId: 'li', load: 2, capacity: '1', normalisedLoad: '2', active: true },
      { staffId: 'wang', load: 4, capacity: '1', normalisedLoad: '4', active: true },
      { staffId: 'zhao', load: 4, capacity: '2', normalisedLoad: '2', active: true },
    ])
  })

  it('R-OWN-3 capacity comes from the person, else the policy per id, else the policy default', () => {
    const policy = createOwnershipPolicy({ capacityWeights: { li: 3 } })
    const result = balancedAssignment(['c1', 'c2', 'c3'], [{ staff: wang, currentLoad: 0 }, { staff: li, currentLoad: 1 }], policy)
    // c1: wang 1/1 vs li 2/3 → li; c2: li 3/3 = wang 1/1 → lower id li; c3: li 4/3 vs wang 1 → wang
    expect(result.assignments.map((a) => a.staffId)).toEqual(['li', 'li', 'wang'])
    expect(result.loads.find((l) => l.staffId === 'li')?.capacity).toBe('3')
  })

  it('R-OWN-3/R-OWN-5/R-OWN-6 never assigns to inactive staff nor over the owner cap', () => {
    const policy = createOwnershipPolicy({ maxOwnedPerPerson: 2 })
    const result = balancedAssignment(['c1', 'c2', 'c3', 'c4'], [{ staff: wang, currentLoad: 1 }, { staff: person('old', ['specialist'], false), currentLoad: 0 }, { staff: li, currentLoad: 1 }], policy)
    expect(result.assignments.map((a) => a.staffId)).toEqual(['li', 'wang'])
    expect(result.unassigned).toEqual([
      { customerId: 'c3', reason: 'all-at-cap' },
      { customerId: 'c4', reason: 'all-at-cap' },
    ])
    expect(balancedAssignment(['c1'], [{ staff: person('old', ['specialist'], false), currentLoad: 0 }]).unassigned).toEqual([{ customerId: 'c1', reason: 'no-active-staff' }])
  })

  it('R-OWN-3 property: deterministic, also under any permutation of customers and staff', () => {
    fc.assert(
      fc.property(
        workloadArb.chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.shuffledSubarray(w.people, { minLength: w.people.length, maxLength: w.people.length }),
            fc.shuffledSubarray(w.customers, { minLength: w.customers.length, maxLength: w.customers.length }),
          ),
        ),
        ([w, people, customers]) => {
          const policy = createOwnershipPolicy({ maxOwnedPerPerson: w.cap })
          expect(balancedAssignment(customers, workloads(people), policy)).toEqual(balancedAssignment(w.customers, workloads(w.people), policy))
        },
      ),
    )
  })

  it('R-OWN-3 property: each customer went to an eligible active person with minimal (load + 1) / capacity at that moment', () => {
    fc.assert(
      fc.property(workloadArb, (w) => {
        const policy = createOwnershipPolicy({ maxOwnedPerPerson: w.cap })
        const result = balancedAssignment(w.customers, workloads(w.people), policy)
        const loads = new Map(w.people.map((p) => [p.id, p.load]))
        const capacity = (p: (typeof w.people)[number]): Decimal => new Decimal(p.capacity ?? 1)
        const eligible = (): typeof w.people => w.people.filter((p) => p.active && (w.cap === null || (loads.get(p.id) ?? 0) < w.cap))
        for (const assignment of result.assignments) {
          const chosen = w.people.find((p) => p.id === assignment.staffId)
          expect(chosen?.active).toBe(true)
          if (chosen === undefined) return
          expect(eligible()).toContain(chosen)
          const chosenAfter = new Decimal((loads.get(chosen.id) ?? 0) + 1).dividedBy(capacity(chosen))
          for (const other of eligible()) {
            expect(chosenAfter.lessThanOrEqualTo(new Decimal((loads.get(other.id) ?? 0) + 1).dividedBy(capacity(other)))).toBe(true)
          }
          loads.set(chosen.id, (loads.get(chosen.id) ?? 0) + 1)
          expect(assignment.loadAfter).toBe(loads.get(chosen.id))
        }
        // everything is placed unless nobody eligible is left
        if (result.unassigned.length > 0) expect(eligible()).toEqual([])
        expect(result.assignments.length + result.unassigned.length).toBe(w.customers.length)
        expect(new Set([...result.assignments.map((a) => a.customerId), ...result.unassigned.map((u) => u.customerId)])).toEqual(new Set(w.customers))
      }),
    )
  })

  it('R-OWN-3 property: with equal capacities, everyone who received a customer ends at most one above the lowest final load', () => {
    fc.assert(
      fc.property(workloadArb, (w) => {
        const people = w.people.map((p) => ({ ...p, capacity: undefined, active: true }))
        const result = balancedAssignment(w.customers, workloads(people))
        if (people.length === 0) return
        const lowest = Math.min(...result.loads.map((l) => l.load))
        for (const staffId of new Set(result.assignments.map((a) => a.staffId))) {
          expect(result.loads.find((l) => l.staffId === staffId)?.load).toBeLessThanOrEqual(lowest + 1)
        }
      }),
    )
  })

  it.each([
    [['c1', 'c1'], [{ staff: wang, currentLoad: 0 }], 'OWNERSHIP.INVALID_WORKLOAD', 'customerIds[1]'],
    [['c1', ''], [{ staff: wang, currentLoad: 0 }], 'OWNERSHIP.INVALID_WORKLOAD', 'customerIds[1]'],
    [['c1'], [{ staff: wang, currentLoad: 0 }, { staff: wang, currentLoad: 1 }], 'OWNERSHIP.INVALID_WORKLOAD', 'people[1].staff.id'],
    [['c1'], [{ staff: wang, currentLoad: -1 }], 'OWNERSHIP.INVALID_WORKLOAD', 'people[0].currentLoad'],
    [['c1'], [{ staff: wang, currentLoad: 1.5 }], 'OWNERSHIP.INVALID_WORKLOAD', 'people[0].currentLoad'],
    [['c1'], [{ staff: wang, currentLoad: 0, capacity: 0 }], 'OWNERSHIP.INVALID_WORKLOAD', 'people[0].capacity'],
    [['c1'], [{ staff: wang, currentLoad: 0, capacity: 'lots' }], 'DECIMAL.MALFORMED', 'people[0].capacity'],
    [['c1'], [{ staff: { id: 'x', roles: [], active: true }, currentLoad: 0 }], 'STAFF.INVALID', 'people[0].staff.roles'],
    ['c1', [], 'OWNERSHIP.INVALID_WORKLOAD', 'customerIds'],
  ])('refuses malformed input #%#', (customers, people, code, field) => {
    const error = thrown(() => balancedAssignment(customers as never, people as never))
    expect([error.code, error.field]).toEqual([code, field])
    if (code.startsWith('OWNERSHIP')) expect(error).toBeInstanceOf(OwnershipInputError)
  })
})
