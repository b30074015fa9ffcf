import {
  checkNotBeforeLastEvent,
  commandAt,
  commandId,
  findCustomer,
  historyEntry,
  isRefusal,
  readCommand,
  refused,
  success,
  withCustomers,
} from './internal.js'
import { OwnershipRefusalCode, refusal } from './refusal.js'
import type { OwnershipResult } from './result.js'
import { type OwnershipState, readOwnershipState } from './state.js'

/** The owner's first contact with a customer (首次联系). */
export interface RecordFirstContactCommand {
  readonly customerId: string
  /** Must be the current owner. */
  readonly staffId: string
  readonly at: Date
}

/**
 * Records the owner's first contact with a customer (R-OWN-2), which keeps the customer if it
 * happens before the contact deadline. It also clears `notifyCustomer` (R-OWN-5): the new owner's
 * first contact is how the customer learns who its contact is.
 *
 * Refused, in order: `UNKNOWN_CUSTOMER`, `NOT_OWNED`, `NOT_PERMITTED` (not the owner),
 * `ALREADY_CONTACTED`, `BEFORE_LAST_EVENT`. A late contact is recorded, but the customer stays
 * reclaimable ({@link reclaimStatus}).
 *
 * @throws {@link OwnershipInputError} for a malformed state or command
 *
 * @example
 * const result = recordFirstContact(state, { customerId: 'c1', staffId: 'wang', at: shanghaiInstant('2025-03-05', '10:00') })
 * result.ok && result.state.customers[0].firstContactAt //=> 2025-03-05T10:00+08:00
 */
export function recordFirstContact(state: OwnershipState, command: RecordFirstContactCommand): OwnershipResult {
  const current = readOwnershipState(state)
  const input = readCommand(command)
  const customerId = commandId(input, 'customerId')
  const staffId = commandId(input, 'staffId')
  const at = commandAt(input)

  const customer = findCustomer(current, customerId, 'R-OWN-2')
  if (isRefusal(customer)) return refused(customer)
  if (customer.ownerId === undefined) return refused(refusal(OwnershipRefusalCode.NOT_OWNED, 'R-OWN-2', `customer ${customerId} has no owner`, `客户 ${customerId} 无负责人`, { customerId }))
  if (customer.ownerId !== staffId) {
    return refused(refusal(OwnershipRefusalCode.NOT_PERMITTED, 'R-OWN-2', `${staffId} is not the owner of ${customerId}`, `${staffId} 不是客户 ${customerId} 的负责人`, { customerId, staffId }))
  }
  if (customer.firstContactAt !== undefined) {
    return refused(refusal(OwnershipRefusalCode.ALREADY_CONTACTED, 'R-OWN-2', `the first contact with ${customerId} is already recorded`, `客户 ${customerId} 的首次联系已记录`, { customerId, firstContactAt: customer.firstContactAt.toISOString() }))
  }
  const early = checkNotBeforeLastEvent(current, customer, at, 'R-OWN-2')
  if (early !== undefined) return refused(early)

  const entry = historyEntry(customerId, 'contacted', at, staffId, staffId, staffId, null, 'R-OWN-2')
  const { notifyCustomer: _notify, ...rest } = customer
  return success(withCustomers(current, [{ ...rest, firstContactAt: at, history: [...customer.history, entry] }]), [entry])
}
