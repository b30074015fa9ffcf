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
  historyEntry,
  isRefusal,
  ownedBy,
  readCommand,
  refused,
  success,
  withCustomers,
} from './internal.js'
import type { Staff } from '../staff/staff.js'
import { defaultOwnershipPolicy, type OwnershipPolicy, readOwnershipPolicy } from './policy.js'
import { OwnershipRefusalCode, refusal } from './refusal.js'
import type { OwnershipResult } from './result.js'
import { type OwnershipState, readOwnershipState } from './state.js'

/** A manager gives an unowned customer to a staff member (经理分配客户). */
export interface AssignCustomerCommand {
  readonly customerId: string
  readonly staffId: string
  readonly at: Date
  /** The manager (经理/总监). */
  readonly by: Staff
  readonly reason?: string
}

/**
 * A manager assigns an unowned customer — in the pool or not — to an active staff member
 * (由经理决定分配, R-OWN-3/R-OWN-6; use {@link balancedAssignment} to choose whom). Checks, in order:
 *
 * | check | refusal |
 * | --- | --- |
 * | the actor is active and holds a manager role | `ACTOR_INACTIVE`, `NOT_A_MANAGER` |
 * | the customer is in the state | `UNKNOWN_CUSTOMER` |
 * | the assignee is in `state.staff` and active | `UNKNOWN_STAFF`, `STAFF_INACTIVE` |
 * | the customer has no owner (else use {@link reassignCustomer}) | `ALREADY_OWNED` |
 * | `at` is not before its last event | `BEFORE_LAST_EVENT` |
 * | the assignee owns fewer than `maxOwnedPerPerson` | `OWNER_CAP_REACHED` |
 *
 * The daily claim cap and the former-owner lock bind self-service claims only, not a manager.
 * The customer leaves the pool; its contact deadline starts at `at` (R-OWN-2).
 *
 * @throws {@link OwnershipInputError} for a malformed state or command; `STAFF.INVALID`
 *
 * @example
 * assignCustomer(state, { customerId: 'c1', staffId: 'li', at, by: manager }).ok //=> true
 * assignCustomer(state, { customerId: 'c1', staffId: 'li', at, by: specialist }).refusal.code //=> 'OWNERSHIP.NOT_A_MANAGER'
 */
export function assignCustomer(state: OwnershipState, command: AssignCustomerCommand, policy: OwnershipPolicy = defaultOwnershipPolicy): OwnershipResult {
  const current = readOwnershipState(state)
  const checkedPolicy = readOwnershipPolicy(policy)
  const input = readCommand(command)
  const customerId = commandId(input, 'customerId')
  const staffId = commandId(input, 'staffId')
  const at = commandAt(input)
  const by = commandActor(input)
  const reason = commandReason(input)

  const notAllowed = checkActor(by, checkedPolicy, 'R-OWN-3', true)
  if (notAllowed !== undefined) return refused(notAllowed)
  const customer = findCustomer(current, customerId, 'R-OWN-3')
  if (isRefusal(customer)) return refused(customer)
  const staff = findActiveStaff(current, staffId, 'R-OWN-3')
  if (isRefusal(staff)) return refused(staff)
  if (customer.ownerId !== undefined) {
    return refused(refusal(OwnershipRefusalCode.ALREADY_OWNED, 'R-OWN-3', `customer ${customerId} is owned by ${customer.ownerId}; reassign it instead`, `客户 ${customerId} 已由 ${customer.ownerId} 负责，请改用重新分配`, { customerId, ownerId: customer.ownerId }))
  }
  const early = checkNotBeforeLastEvent(current, customer, at, 'R-OWN-3')
  if (early !== undefined) return refused(early)
  const capped = checkOwnerCap(current, staffId, checkedPolicy)
  if (capped !== undefined) return refused(capped)

  const entry = historyEntry(customerId, 'assigned', at, by.id, null, staffId, reason ?? null, 'R-OWN-3')
  const next = withCustomers(current, [ownedBy(customer, staffId, at, entry)], { pool: current.pool.filter((item) => item.customerId !== customerId) })
  return success(next, [entry])
}
