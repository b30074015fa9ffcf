import { calendarDaysDeadline } from '../calendar/deadline.js'
import { toShanghaiDay } from '../calendar/shanghaiTime.js'
import { readStaff, type Staff } from '../staff/staff.js'
import {
  checkNotBeforeLastEvent,
  checkOwnerCap,
  commandAt,
  commandId,
  findActiveStaff,
  findCustomer,
  historyEntry,
  isRefusal,
  ownedBy,
  readCommand,
  refused,
  success,
  withCustomers,
} from './internal.js'
import { defaultOwnershipPolicy, type OwnershipPolicy, readOwnershipPolicy } from './policy.js'
import { OwnershipRefusalCode, refusal } from './refusal.js'
import type { OwnershipResult } from './result.js'
import { type OwnershipState, type PoolEntry, readOwnershipState } from './state.js'

/** A claim from the pool (公海认领): who, which customer, when. */
export interface ClaimFromPoolCommand {
  /** The person claiming, acting for themselves. */
  readonly staff: Staff
  readonly customerId: string
  readonly at: Date
}

/**
 * A staff member claims a customer from the pool (从公海认领客户, R-OWN-6). Checks, in order —
 * the first that fails is the refusal:
 *
 * | check | refusal |
 * | --- | --- |
 * | the customer is in the state | `UNKNOWN_CUSTOMER` |
 * | the person is in `state.staff` | `UNKNOWN_STAFF` |
 * | the person is active (both the acting record and `state.staff`) | `STAFF_INACTIVE` (R-OWN-5) |
 * | the customer is in the pool | `NOT_IN_POOL` |
 * | `at` is not before its release or last history entry | `BEFORE_LAST_EVENT` |
 * | not its former owner within `formerOwnerLockDays` | `FORMER_OWNER_LOCKED` |
 * | owns fewer than `maxOwnedPerPerson` | `OWNER_CAP_REACHED` |
 * | fewer than `maxClaimsPerDay` claims on `at`'s Asia/Shanghai day | `DAILY_CLAIM_CAP_REACHED` |
 *
 * The lock follows R-CAL-4: the release day never counts, then `formerOwnerLockDays` whole
 * calendar days; the former owner may claim again from 00:00 +08:00 of the day after those.
 * On success the customer leaves the pool, is owned by the person from `at` (its contact deadline
 * starts, R-OWN-2), the claim is logged in `state.claims` and a `claimed` history entry is added.
 *
 * @throws {@link OwnershipInputError} for a malformed state or command; `STAFF.INVALID`
 *
 * @example
 * const result = claimFromPool(state, { staff: wang, customerId: 'c7', at: shanghaiInstant('2025-03-03', '09:30') }, policy)
 * result.ok && result.state.customers.find((c) => c.id === 'c7')?.ownerId //=> 'wang'
 * // wang released c7 on 03-01 and the policy locks former owners for 7 days:
 * result.ok === false && result.refusal.code //=> 'OWNERSHIP.FORMER_OWNER_LOCKED' (until 2025-03-09T00:00+08:00)
 */
export function claimFromPool(state: OwnershipState, command: ClaimFromPoolCommand, policy: OwnershipPolicy = defaultOwnershipPolicy): OwnershipResult {
  const current = readOwnershipState(state)
  const checkedPolicy = readOwnershipPolicy(policy)
  const input = readCommand(command)
  const actor = readStaff(input['staff'], 'command.staff')
  const customerId = commandId(input, 'customerId')
  const at = commandAt(input)

  const customer = findCustomer(current, customerId, 'R-OWN-6')
  if (isRefusal(customer)) return refused(customer)
  const staff = findActiveStaff(current, actor.id, 'R-OWN-6')
  if (isRefusal(staff)) return refused(staff)
  if (!actor.active) return refused(refusal(OwnershipRefusalCode.STAFF_INACTIVE, 'R-OWN-5', `${actor.id} is inactive`, `${actor.id} 已离职`, { staffId: actor.id }))
  const pooled = current.pool.find((entry) => entry.customerId === customerId)
  if (pooled === undefined) return refused(refusal(OwnershipRefusalCode.NOT_IN_POOL, 'R-OWN-6', `customer ${customerId} is not in the pool`, `客户 ${customerId} 不在公海中`, { customerId }))
  const early = checkNotBeforeLastEvent(current, customer, at, 'R-OWN-6')
  if (early !== undefined) return refused(early)

  const lockedUntil = formerOwnerLockEnd(pooled, checkedPolicy)
  if (pooled.formerOwnerId === staff.id && lockedUntil !== undefined && at.getTime() < lockedUntil.getTime()) {
    // R-OWN-6 former owner barred for N days
    return refused(
      refusal(OwnershipRefusalCode.FORMER_OWNER_LOCKED, 'R-OWN-6', `${staff.id} released ${customerId} and may claim it again from ${lockedUntil.toISOString()}`, `${staff.id} 是该客户原负责人，锁定期内不得重新认领（${lockedUntil.toISOString()} 起可认领）`, {
        staffId: staff.id,
        customerId,
        lockedUntil: lockedUntil.toISOString(),
        lockDays: checkedPolicy.formerOwnerLockDays,
      }),
    )
  }
  const capped = checkOwnerCap(current, staff.id, checkedPolicy)
  if (capped !== undefined) return refused(capped)
  const dailyCap = checkedPolicy.maxClaimsPerDay
  if (dailyCap !== null) {
    const day = toShanghaiDay(at)
    const today = current.claims.filter((claim) => claim.staffId === staff.id && toShanghaiDay(claim.at) === day).length
    if (today >= dailyCap) {
      // R-OWN-6 daily claim cap, counted per Asia/Shanghai civil day
      return refused(
        refusal(OwnershipRefusalCode.DAILY_CLAIM_CAP_REACHED, 'R-OWN-6', `${staff.id} has claimed ${today} customers on ${day}; the cap is ${dailyCap}`, `${staff.id} 在 ${day} 已认领 ${today} 个客户，每日上限为 ${dailyCap}`, {
          staffId: staff.id,
          day,
          claimed: today,
          cap: dailyCap,
        }),
      )
    }
  }

  const entry = historyEntry(customerId, 'claimed', at, staff.id, null, staff.id, null, 'R-OWN-6')
  const next = withCustomers(current, [ownedBy(customer, staff.id, at, entry)], {
    pool: current.pool.filter((item) => item.customerId !== customerId),
    claims: [...current.claims, { staffId: staff.id, customerId, at }],
  })
  return success(next, [entry])
}

/**
 * When the former owner's lock on a pool customer ends (exclusive), or `undefined` when there is
 * no lock (`formerOwnerLockDays` 0, or the customer had no owner). R-OWN-6 with R-CAL-4.
 *
 * @example
 * formerOwnerLockEnd({ customerId: 'c7', releasedAt: shanghaiInstant('2025-03-01', '15:00'), formerOwnerId: 'wang' }, createOwnershipPolicy({ formerOwnerLockDays: 7 }))
 * //=> 2025-03-09T00:00+08:00 (03-02 … 03-08 are the 7 days)
 */
export function formerOwnerLockEnd(entry: PoolEntry, policy: OwnershipPolicy = defaultOwnershipPolicy): Date | undefined {
  const checkedPolicy = readOwnershipPolicy(policy)
  if (checkedPolicy.formerOwnerLockDays === 0 || entry.formerOwnerId === null) return undefined
  return calendarDaysDeadline(entry.releasedAt, checkedPolicy.formerOwnerLockDays)
}
