import { Decimal, type DecimalInput, toDecimal } from '../money/decimal.js'
import { readStaff, type Staff } from '../staff/staff.js'
import { OwnershipErrorCode } from './errors.js'
import { capacityOf, defaultOwnershipPolicy, type OwnershipPolicy, readOwnershipPolicy } from './policy.js'
import { invalid, readArray, readId, readRecord } from './read.js'

/** A person who may receive customers, with the load they carry now (R-OWN-3). */
export interface StaffWorkload {
  readonly staff: Staff
  /** Customers owned now (现有客户数), a whole number ≥ 0. */
  readonly currentLoad: number
  /** Capacity weight (承接能力) > 0; overrides `policy.capacityWeights[staff.id]` and the policy default. */
  readonly capacity?: DecimalInput
}

/** One customer given to one person. */
export interface BalancedAssignment {
  readonly customerId: string
  readonly staffId: string
  /** The person's load right after this assignment. */
  readonly loadAfter: number
}

/** Why a customer could not be given to anyone. */
export type UnassignedReason = 'no-active-staff' | 'all-at-cap'

/** The result of {@link balancedAssignment}. */
export interface BalancedAssignmentResult {
  /** In customer-id order. */
  readonly assignments: readonly BalancedAssignment[]
  /** Customers left unowned, in customer-id order. */
  readonly unassigned: readonly { readonly customerId: string; readonly reason: UnassignedReason }[]
  /** Every person's final load, capacity and normalised load (load ÷ capacity, a decimal string), by staff id. */
  readonly loads: readonly { readonly staffId: string; readonly load: number; readonly capacity: string; readonly normalisedLoad: string; readonly active: boolean }[]
}

/**
 * Distributes unowned customers so that loads stay balanced (按负责客户数量均衡、兼顧业务能力的原则分配,
 * R-OWN-3). Greedy and deterministic:
 *
 * 1. customers are taken in ascending id order and people in ascending staff-id order (code-unit
 *    order), so any permutation of either input gives the same result;
 * 2. each customer goes to the **active** person whose normalised load after taking it,
 *    `(load + 1) ÷ capacity`, is lowest; ties go to the lower staff id;
 * 3. nobody goes over `policy.maxOwnedPerPerson` (R-OWN-6); a customer nobody can take is listed
 *    in `unassigned` (`no-active-staff` or `all-at-cap`). Inactive people never receive one.
 *
 * Invariant (what the tests check): every assignment went to a person with the minimal
 * `(load + 1) ÷ capacity` among the eligible at that moment. Consequence with equal capacities:
 * everyone who received a customer ends at most one above the lowest final load among the
 * eligible. Normalised loads are compared exactly (cross-multiplied decimals, no floats).
 *
 * @throws {@link OwnershipInputError} `OWNERSHIP.INVALID_WORKLOAD` (duplicate or empty ids, a load
 *   that is not a whole number ≥ 0, a capacity ≤ 0), `DECIMAL.MALFORMED`, `STAFF.INVALID`
 *
 * @example
 * balancedAssignment(['c1', 'c2', 'c3'], [
 *   { staff: wang, currentLoad: 4 },
 *   { staff: li, currentLoad: 1 },
 *   { staff: zhao, currentLoad: 2, capacity: 2 },
 * ]).assignments
 * //=> [{ customerId: 'c1', staffId: 'zhao', loadAfter: 3 },  // after: wang 5, li 2, zhao 3/2 = 1.5
 * //    { customerId: 'c2', staffId: 'li', loadAfter: 2 },    // li 2 = zhao 4/2 = 2 → lower id
 * //    { customerId: 'c3', staffId: 'zhao', loadAfter: 4 }]  // li 3, zhao 4/2 = 2
 */
export function balancedAssignment(
  customerIds: readonly string[],
  people: readonly StaffWorkload[],
  policy: OwnershipPolicy = defaultOwnershipPolicy,
): BalancedAssignmentResult {
  const checkedPolicy = readOwnershipPolicy(policy)
  const code = OwnershipErrorCode.INVALID_WORKLOAD
  const customers = readArray(customerIds, 'customerIds', code).map((id, index) => readId(id, `customerIds[${index}]`, code))
  const seenCustomers = new Set<string>()
  customers.forEach((id, index) => {
    if (seenCustomers.has(id)) invalid(code, `customerIds[${index}]`, 'repeats a customer id', '客户编号重复', id, 'R-OWN-3')
    seenCustomers.add(id)
  })
  const seenStaff = new Set<string>()
  const workers = readArray(people, 'people', code).map((value, index) => {
    const field = `people[${index}]`
    const record = readRecord(value, field, code)
    const staff = readStaff(record['staff'], `${field}.staff`)
    if (seenStaff.has(staff.id)) invalid(code, `${field}.staff.id`, 'repeats a staff id', '员工编号重复', staff.id, 'R-OWN-3')
    seenStaff.add(staff.id)
    const load = record['currentLoad']
    if (typeof load !== 'number' || !Number.isSafeInteger(load) || load < 0) {
      invalid(code, `${field}.currentLoad`, 'must be a whole number ≥ 0', '必须是不小于 0 的整数', load, 'R-OWN-3')
    }
    const given = record['capacity']
    const capacity = given === undefined ? capacityOf(checkedPolicy, staff.id) : toDecimal(given as DecimalInput, `${field}.capacity`)
    if (!capacity.isPositive() || capacity.isZero()) invalid(code, `${field}.capacity`, 'must be above zero', '必须大于零', String(given), 'R-OWN-3')
    return { staff, load, capacity }
  })
  workers.sort((a, b) => compareIds(a.staff.id, b.staff.id))
  const cap = checkedPolicy.maxOwnedPerPerson
  const active = workers.filter((worker) => worker.staff.active)

  const assignments: BalancedAssignment[] = []
  const unassigned: { customerId: string; reason: UnassignedReason }[] = []
  for (const customerId of [...customers].sort(compareIds)) {
    let best: (typeof workers)[number] | undefined
    for (const worker of active) {
      if (cap !== null && worker.load >= cap) continue // R-OWN-6 owner cap
      // R-OWN-3: (load + 1) / capacity, compared exactly as (la + 1) · cb < (lb + 1) · ca
      if (best === undefined || new Decimal(worker.load + 1).times(best.capacity).lessThan(new Decimal(best.load + 1).times(worker.capacity))) best = worker
    }
    if (best === undefined) {
      unassigned.push({ customerId, reason: active.length === 0 ? 'no-active-staff' : 'all-at-cap' })
      continue
    }
    best.load += 1
    assignments.push({ customerId, staffId: best.staff.id, loadAfter: best.load })
  }
  return {
    assignments,
    unassigned,
    loads: workers.map((worker) => ({
      staffId: worker.staff.id,
      load: worker.load,
      capacity: worker.capacity.toString(),
      normalisedLoad: new Decimal(worker.load).dividedBy(worker.capacity).toString(),
      active: worker.staff.active,
    })),
  }
}

/** Code-unit order of ids (never locale-dependent). @internal */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
