import { addCalendarDays } from '../calendar/civilDay.js'
import { startOfShanghaiDay, toShanghaiDay } from '../calendar/shanghaiTime.js'
import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import { type ReclaimStatus, statusOf } from './contactDeadline.js'
import { compareIds } from './balancedAssignment.js'
import { OwnershipErrorCode } from './errors.js'
import { defaultOwnershipPolicy, type OwnershipPolicy, readOwnershipPolicy } from './policy.js'
import { readDate, readId } from './read.js'
import { type OwnershipState, readOwnershipState } from './state.js'

/** A customer whose owner should be warned (回收预警), R-OWN-6. */
export interface ReclaimWarning {
  readonly customerId: string
  readonly ownerId: string
  /** The contact deadline: reclaimable from this instant. */
  readonly deadline: Date
  /** Warned from this instant on (`warnDaysBeforeReclaim` calendar days before the deadline). */
  readonly warnFrom: Date
  readonly timeLeftMs: number
}

/**
 * Owned customers not yet contacted whose reclaim is near (即将回收提醒, R-OWN-6): `now` is at or
 * after `warnFrom` — 00:00 +08:00 of the day `warnDaysBeforeReclaim` calendar days before the
 * deadline's day (deadlines are midnights, so this is exactly that many days before) — and
 * before the deadline. **default** 1 day: warned during the last day. `0` disables warnings.
 * Sorted by deadline, then customer id.
 *
 * @throws {@link OwnershipInputError} for a malformed state or instant; calendar errors
 *
 * @example
 * // c1 assigned 2025-03-03 10:00 to wang, not contacted; deadline 2025-03-11T00:00+08:00
 * reclaimWarnings(state, shanghaiInstant('2025-03-10', '08:00'), calendar)
 * //=> [{ customerId: 'c1', ownerId: 'wang', deadline: 2025-03-11T00:00+08:00, warnFrom: 2025-03-10T00:00+08:00, timeLeftMs: 57600000 }]
 * reclaimWarnings(state, shanghaiInstant('2025-03-09', '23:59'), calendar) //=> []
 */
export function reclaimWarnings(
  state: OwnershipState,
  now: Date,
  calendar: WorkingCalendar,
  policy: OwnershipPolicy = defaultOwnershipPolicy,
): readonly ReclaimWarning[] {
  const current = readOwnershipState(state)
  const checkedPolicy = readOwnershipPolicy(policy)
  const at = readDate(now, 'now')
  const days = checkedPolicy.warnDaysBeforeReclaim
  if (days === 0) return []
  const warnings: ReclaimWarning[] = []
  for (const customer of current.customers) {
    if (customer.ownerId === undefined || customer.assignedAt === undefined) continue
    const status = statusOf(customer.assignedAt, customer.tier, customer.firstContactAt, at, calendar, checkedPolicy)
    if (status.status !== 'within-deadline') continue
    const warnFrom = startOfShanghaiDay(addCalendarDays(toShanghaiDay(status.deadline), -days)) // R-OWN-6
    if (at.getTime() < warnFrom.getTime()) continue
    warnings.push({ customerId: customer.id, ownerId: customer.ownerId, deadline: status.deadline, warnFrom, timeLeftMs: status.timeLeftMs })
  }
  return warnings.sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || compareIds(a.customerId, b.customerId))
}

/** How long a customer's current owner has left (负责人剩余时间), R-OWN-6. */
export type OwnerTimeLeft =
  | ({ readonly ownerId: string } & ReclaimStatus)
  | { readonly status: 'unowned'; readonly inPool: boolean }
  | { readonly status: 'unknown-customer' }

/**
 * How long the current owner has left before the customer becomes reclaimable (每个客户显示当前
 * 负责人剩余时间, R-OWN-6): the owner with the {@link reclaimStatus} at `now` — `timeLeftMs` while
 * within the deadline, `contacted` once kept, `reclaimable` (since when) after it.
 *
 * @throws {@link OwnershipInputError} for a malformed state, id or instant; calendar errors
 *
 * @example
 * timeLeft(state, 'c1', shanghaiInstant('2025-03-10', '23:00'), calendar)
 * //=> { ownerId: 'wang', status: 'within-deadline', deadline: 2025-03-11T00:00+08:00, timeLeftMs: 3600000 }
 * timeLeft(state, 'c9', now, calendar) //=> { status: 'unowned', inPool: true }
 */
export function timeLeft(
  state: OwnershipState,
  customerId: string,
  now: Date,
  calendar: WorkingCalendar,
  policy: OwnershipPolicy = defaultOwnershipPolicy,
): OwnerTimeLeft {
  const current = readOwnershipState(state)
  const checkedPolicy = readOwnershipPolicy(policy)
  const id = readId(customerId, 'customerId', OwnershipErrorCode.INVALID_COMMAND)
  const at = readDate(now, 'now')
  const customer = current.customers.find((item) => item.id === id)
  if (customer === undefined) return { status: 'unknown-customer' }
  if (customer.ownerId === undefined || customer.assignedAt === undefined) return { status: 'unowned', inPool: current.pool.some((entry) => entry.customerId === id) }
  return { ownerId: customer.ownerId, ...statusOf(customer.assignedAt, customer.tier, customer.firstContactAt, at, calendar, checkedPolicy) }
}

/**
 * Owned customers that are reclaimable at `now` (可回收客户), R-OWN-2 — the list a manager works
 * through with {@link reassignCustomer} or {@link releaseToPool}. Sorted by deadline, then id.
 *
 * @example
 * reclaimableCustomers(state, shanghaiInstant('2025-03-11', '09:00'), calendar)
 * //=> [{ customerId: 'c1', ownerId: 'wang', since: 2025-03-11T00:00+08:00 }]
 */
export function reclaimableCustomers(
  state: OwnershipState,
  now: Date,
  calendar: WorkingCalendar,
  policy: OwnershipPolicy = defaultOwnershipPolicy,
): readonly { readonly customerId: string; readonly ownerId: string; readonly since: Date }[] {
  const current = readOwnershipState(state)
  const checkedPolicy = readOwnershipPolicy(policy)
  const at = readDate(now, 'now')
  const found: { customerId: string; ownerId: string; since: Date }[] = []
  for (const customer of current.customers) {
    if (customer.ownerId === undefined || customer.assignedAt === undefined) continue
    const status = statusOf(customer.assignedAt, customer.tier, customer.firstContactAt, at, calendar, checkedPolicy)
    if (status.status === 'reclaimable') found.push({ customerId: customer.id, ownerId: customer.ownerId, since: status.since })
  }
  return found.sort((a, b) => a.since.getTime() - b.since.getTime() || compareIds(a.customerId, b.customerId))
}
