import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import type { Staff } from '../staff/staff.js'
import { statusOf } from './contactDeadline.js'
import {
  checkActor,
  checkNotBeforeLastEvent,
  commandActor,
  commandAt,
  commandId,
  commandReason,
  findCustomer,
  hasReason,
  historyEntry,
  isManager,
  isRefusal,
  readCommand,
  refused,
  success,
  withCustomers,
} from './internal.js'
import { defaultOwnershipPolicy, type OwnershipPolicy, readOwnershipPolicy } from './policy.js'
import { OwnershipRefusalCode, refusal } from './refusal.js'
import type { OwnershipResult } from './result.js'
import { type OwnershipCustomer, type OwnershipState, readOwnershipState } from './state.js'

/** Put a customer into the pool (放入公海 / 回收). */
export interface ReleaseToPoolCommand {
  readonly customerId: string
  readonly at: Date
  /** The owner giving it up, or a manager reclaiming it. */
  readonly by: Staff
  /** Why; required (non-empty) for a manager releasing a customer that is not reclaimable. */
  readonly reason?: string
}

/**
 * A reclaimed or unowned customer goes to the pool (回收至公海, R-OWN-6). Who may release:
 *
 * | customer | actor | allowed when | else |
 * | --- | --- | --- | --- |
 * | unowned | manager | always | `NOT_A_MANAGER` for others |
 * | owned | its owner | always (gives it up, 主动放弃) | — |
 * | owned | a manager | reclaimable at `at` (R-OWN-2), or with a `reason` | `NOT_RECLAIMABLE` |
 * | owned | anyone else | never | `NOT_PERMITTED` |
 *
 * Before that: `ACTOR_INACTIVE`, `UNKNOWN_CUSTOMER`, `ALREADY_IN_POOL`, `BEFORE_LAST_EVENT`.
 * The customer loses its owner and co-owners; the pool entry records `releasedAt = at` and the
 * former owner (for the re-claim lock).
 *
 * @throws {@link OwnershipInputError} for a malformed state or command; `STAFF.INVALID`; calendar errors
 *
 * @example
 * const result = releaseToPool(state, { customerId: 'c1', at: shanghaiInstant('2025-03-11', '09:00'), by: manager }, calendar)
 * result.ok && result.state.pool //=> [{ customerId: 'c1', releasedAt: 2025-03-11T09:00+08:00, formerOwnerId: 'wang' }]
 */
export function releaseToPool(
  state: OwnershipState,
  command: ReleaseToPoolCommand,
  calendar: WorkingCalendar,
  policy: OwnershipPolicy = defaultOwnershipPolicy,
): OwnershipResult {
  const current = readOwnershipState(state)
  const checkedPolicy = readOwnershipPolicy(policy)
  const input = readCommand(command)
  const customerId = commandId(input, 'customerId')
  const at = commandAt(input)
  const by = commandActor(input)
  const reason = commandReason(input)

  const inactive = checkActor(by, checkedPolicy, 'R-OWN-6', false)
  if (inactive !== undefined) return refused(inactive)
  const customer = findCustomer(current, customerId, 'R-OWN-6')
  if (isRefusal(customer)) return refused(customer)
  if (current.pool.some((entry) => entry.customerId === customerId)) {
    return refused(refusal(OwnershipRefusalCode.ALREADY_IN_POOL, 'R-OWN-6', `customer ${customerId} is already in the pool`, `客户 ${customerId} 已在公海中`, { customerId }))
  }
  const early = checkNotBeforeLastEvent(current, customer, at, 'R-OWN-6')
  if (early !== undefined) return refused(early)

  const owner = customer.ownerId
  let why: string | null = hasReason(reason) ? reason : null
  if (owner === undefined || customer.assignedAt === undefined) {
    const notManager = checkActor(by, checkedPolicy, 'R-OWN-6', true)
    if (notManager !== undefined) return refused(notManager)
  } else if (owner !== by.id) {
    if (!isManager(by, checkedPolicy)) {
      return refused(refusal(OwnershipRefusalCode.NOT_PERMITTED, 'R-OWN-6', `only the owner or a manager may release ${customerId}`, `只有负责人本人或经理可以将客户 ${customerId} 放入公海`, { customerId, staffId: by.id }))
    }
    const status = statusOf(customer.assignedAt, customer.tier, customer.firstContactAt, at, calendar, checkedPolicy)
    if (status.status !== 'reclaimable' && why === null) {
      // R-OWN-2: a manager reclaims only after the contact deadline, unless a reason is given
      return refused(
        refusal(OwnershipRefusalCode.NOT_RECLAIMABLE, 'R-OWN-2', `customer ${customerId} is not reclaimable (${status.status}); give a reason to release it anyway`, `客户 ${customerId} 未到回收条件，如需强制回收请填写理由`, {
          customerId,
          status: status.status,
          deadline: status.deadline.toISOString(),
        }),
      )
    }
    if (why === null) why = `not contacted before ${status.deadline.toISOString()} (逾期未联系，回收)`
  }

  const entry = historyEntry(customerId, 'released', at, by.id, owner ?? null, null, why, 'R-OWN-6')
  const { ownerId: _owner, assignedAt: _assigned, firstContactAt: _contact, ...rest } = customer
  const released: OwnershipCustomer = { ...rest, coOwnerIds: [], history: [...customer.history, entry] }
  const next = withCustomers(current, [released], { pool: [...current.pool, { customerId, releasedAt: at, formerOwnerId: owner ?? null }] })
  return success(next, [entry])
}
