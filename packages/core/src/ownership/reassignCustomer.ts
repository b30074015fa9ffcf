import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import type { Staff } from '../staff/staff.js'
import { statusOf } from './contactDeadline.js'
import {
  checkActor,
  checkNotBeforeLastEvent,
  checkOwnerCap,
  commandActor,
  commandAt,
  commandId,
  commandReason,
  findActiveStaff,
  findCustomer,
  hasReason,
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
import { type OwnershipState, readOwnershipState } from './state.js'

/** A manager moves an owned customer to another staff member (经理转交客户). */
export interface ReassignCustomerCommand {
  readonly customerId: string
  readonly toStaffId: string
  readonly at: Date
  /** The manager (经理/总监). */
  readonly by: Staff
  /** Required, non-empty, to reassign a customer that is not reclaimable (manager override). */
  readonly overrideReason?: string
}

/**
 * A manager reassigns an owned customer (R-OWN-2): allowed when the customer is reclaimable at
 * `at` — not contacted before its contact deadline — or, at any time, as a manager override with
 * a non-empty reason (业务经理有最终决定权, R-OWN-1). Checks, in order:
 *
 * | check | refusal |
 * | --- | --- |
 * | the actor is active and holds a manager role | `ACTOR_INACTIVE`, `NOT_A_MANAGER` |
 * | the customer is in the state and owned | `UNKNOWN_CUSTOMER`, `NOT_OWNED` |
 * | the new owner is in `state.staff`, active, and not the current owner | `UNKNOWN_STAFF`, `STAFF_INACTIVE`, `SAME_OWNER` |
 * | `at` is not before its last event | `BEFORE_LAST_EVENT` |
 * | reclaimable at `at`, or `overrideReason` given | `NOT_RECLAIMABLE` |
 * | the new owner owns fewer than `maxOwnedPerPerson` | `OWNER_CAP_REACHED` |
 *
 * The new owner's contact deadline starts at `at`; co-owners stay (minus the new owner).
 *
 * @throws {@link OwnershipInputError} for a malformed state or command; `STAFF.INVALID`; calendar errors
 *
 * @example
 * // c1 assigned to wang on 2025-03-03, never contacted; default 7 calendar days → reclaimable from 03-11 00:00
 * reassignCustomer(state, { customerId: 'c1', toStaffId: 'li', at: shanghaiInstant('2025-03-10', '17:00'), by: manager }, calendar).refusal.code
 * //=> 'OWNERSHIP.NOT_RECLAIMABLE'
 * reassignCustomer(state, { customerId: 'c1', toStaffId: 'li', at: shanghaiInstant('2025-03-11', '09:00'), by: manager }, calendar).ok
 * //=> true
 */
export function reassignCustomer(
  state: OwnershipState,
  command: ReassignCustomerCommand,
  calendar: WorkingCalendar,
  policy: OwnershipPolicy = defaultOwnershipPolicy,
): OwnershipResult {
  const current = readOwnershipState(state)
  const checkedPolicy = readOwnershipPolicy(policy)
  const input = readCommand(command)
  const customerId = commandId(input, 'customerId')
  const toStaffId = commandId(input, 'toStaffId')
  const at = commandAt(input)
  const by = commandActor(input)
  const overrideReason = commandReason(input, 'overrideReason')

  const notAllowed = checkActor(by, checkedPolicy, 'R-OWN-2', true)
  if (notAllowed !== undefined) return refused(notAllowed)
  const customer = findCustomer(current, customerId, 'R-OWN-2')
  if (isRefusal(customer)) return refused(customer)
  const owner = customer.ownerId
  if (owner === undefined || customer.assignedAt === undefined) {
    return refused(refusal(OwnershipRefusalCode.NOT_OWNED, 'R-OWN-2', `customer ${customerId} has no owner; assign it instead`, `客户 ${customerId} 无负责人，请改用分配`, { customerId }))
  }
  const staff = findActiveStaff(current, toStaffId, 'R-OWN-2')
  if (isRefusal(staff)) return refused(staff)
  if (owner === toStaffId) return refused(refusal(OwnershipRefusalCode.SAME_OWNER, 'R-OWN-2', `customer ${customerId} already belongs to ${toStaffId}`, `客户 ${customerId} 已由 ${toStaffId} 负责`, { customerId, staffId: toStaffId }))
  const early = checkNotBeforeLastEvent(current, customer, at, 'R-OWN-2')
  if (early !== undefined) return refused(early)
  const status = statusOf(customer.assignedAt, customer.tier, customer.firstContactAt, at, calendar, checkedPolicy)
  const override = hasReason(overrideReason)
  if (status.status !== 'reclaimable' && !override) {
    // R-OWN-2: only after the contact deadline, unless the manager overrides with a reason
    return refused(
      refusal(OwnershipRefusalCode.NOT_RECLAIMABLE, 'R-OWN-2', `customer ${customerId} is not reclaimable (${status.status}); give an override reason to reassign it anyway`, `客户 ${customerId} 未到回收条件（${status.status === 'contacted' ? '已按期联系' : '仍在联系期限内'}），如需强制转交请填写理由`, {
        customerId,
        status: status.status,
        deadline: status.deadline.toISOString(),
      }),
    )
  }
  const capped = checkOwnerCap(current, toStaffId, checkedPolicy)
  if (capped !== undefined) return refused(capped)

  const why = override ? overrideReason : `not contacted before ${status.deadline.toISOString()} (逾期未联系)`
  const entry = historyEntry(customerId, 'reassigned', at, by.id, owner, toStaffId, why, override ? 'R-OWN-1' : 'R-OWN-2')
  return success(withCustomers(current, [ownedBy(customer, toStaffId, at, entry)]), [entry])
}
