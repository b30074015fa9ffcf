import type { Staff } from '../staff/staff.js'
import {
  checkActor,
  checkNotBeforeLastEvent,
  checkOwnerCap,
  commandActor,
  commandAt,
  commandId,
  commandReason,
  hasReason,
  historyEntry,
  readCommand,
  refused,
  success,
  withCustomers,
} from './internal.js'
import { defaultOwnershipPolicy, type OwnershipPolicy, readOwnershipPolicy } from './policy.js'
import { OwnershipRefusalCode, refusal } from './refusal.js'
import type { OwnershipEffect, OwnershipResult } from './result.js'
import { type OwnershipCustomer, type OwnershipHistoryEntry, type OwnershipState, readOwnershipState } from './state.js'

/** A leaver's customers go to a named successor (离职移交). */
export interface HandOverCommand {
  readonly leaverId: string
  readonly successorId: string
  readonly at: Date
  /** The manager carrying out the handover (经理/总监). */
  readonly by: Staff
  /** Why; **default** "staff <leaver> left (离职移交)". */
  readonly reason?: string
}

/**
 * Hands every customer of a leaver to a named successor in one step (离职移交客户花名册, R-OWN-5):
 *
 * - each customer the leaver **owns** gets the successor as owner (the successor drops out of its
 *   co-owners), a fresh `assignedAt = at` and no first contact yet — the successor's own contact
 *   deadline (R-OWN-2) starts, which is when the customer should hear from them;
 * - where the leaver is a **co-owner**, the successor takes that place (unless already owner or co-owner);
 * - every such customer is marked `notifyCustomer: true` and gets a `handedOver` history entry,
 *   and a `notifyCustomer` effect is returned;
 * - the leaver becomes inactive in `state.staff` and a `revokeAccess` effect is returned: access
 *   to customer data goes at once.
 *
 * Refused (as data), in order: `ACTOR_INACTIVE` / `NOT_A_MANAGER`; `UNKNOWN_STAFF` (leaver or
 * successor not in the state); `SUCCESSOR_IS_LEAVER`; `STAFF_INACTIVE` (inactive successor);
 * `BEFORE_LAST_EVENT` (any moved customer); `OWNER_CAP_REACHED` (the successor would own more
 * than `maxOwnedPerPerson` — choose another successor, or reassign some customers first).
 * Property: from a state where no inactive person owns a customer, none does after the handover.
 *
 * @throws {@link OwnershipInputError} for a malformed state or command; `STAFF.INVALID`
 *
 * @example
 * const result = handOver(state, { leaverId: 'wang', successorId: 'li', at, by: manager })
 * result.ok && result.state.staff.find((s) => s.id === 'wang')?.active //=> false
 * result.ok && result.effects[0] //=> { type: 'revokeAccess', staffId: 'wang', at, ruleId: 'R-OWN-5' }
 */
export function handOver(state: OwnershipState, command: HandOverCommand, policy: OwnershipPolicy = defaultOwnershipPolicy): OwnershipResult {
  const current = readOwnershipState(state)
  const checkedPolicy = readOwnershipPolicy(policy)
  const input = readCommand(command)
  const leaverId = commandId(input, 'leaverId')
  const successorId = commandId(input, 'successorId')
  const at = commandAt(input)
  const by = commandActor(input)
  const reason = commandReason(input)

  const notAllowed = checkActor(by, checkedPolicy, 'R-OWN-5', true)
  if (notAllowed !== undefined) return refused(notAllowed)
  for (const id of [leaverId, successorId]) {
    if (!current.staff.some((person) => person.id === id)) {
      return refused(refusal(OwnershipRefusalCode.UNKNOWN_STAFF, 'R-OWN-5', `staff ${id} is not in the state`, `员工 ${id} 不存在`, { staffId: id }))
    }
  }
  if (successorId === leaverId) {
    return refused(refusal(OwnershipRefusalCode.SUCCESSOR_IS_LEAVER, 'R-OWN-5', 'the successor must be someone other than the leaver', '接手人不能是离职人本人', { staffId: leaverId }))
  }
  if (current.staff.some((person) => person.id === successorId && !person.active)) {
    return refused(refusal(OwnershipRefusalCode.STAFF_INACTIVE, 'R-OWN-5', `the successor ${successorId} is inactive`, `接手人 ${successorId} 已离职`, { staffId: successorId }))
  }
  const moving = current.customers.filter((customer) => customer.ownerId === leaverId || customer.coOwnerIds.includes(leaverId))
  for (const customer of moving) {
    const early = checkNotBeforeLastEvent(current, customer, at, 'R-OWN-5')
    if (early !== undefined) return refused(early)
  }
  const owning = moving.filter((customer) => customer.ownerId === leaverId).length
  const capped = owning === 0 ? undefined : checkOwnerCap(current, successorId, checkedPolicy, owning)
  if (capped !== undefined) return refused(capped)

  const why = hasReason(reason) ? reason : `staff ${leaverId} left (离职移交)`
  const entries: OwnershipHistoryEntry[] = []
  const effects: OwnershipEffect[] = [{ type: 'revokeAccess', staffId: leaverId, at, ruleId: 'R-OWN-5' }]
  const changed = moving.map((customer): OwnershipCustomer => {
    const owner = customer.ownerId ?? leaverId
    const newOwner = owner === leaverId ? successorId : owner
    const entry = historyEntry(customer.id, 'handedOver', at, by.id, owner, newOwner, why, 'R-OWN-5')
    entries.push(entry)
    effects.push({ type: 'notifyCustomer', customerId: customer.id, ownerId: newOwner, at, ruleId: 'R-OWN-5' })
    const history = [...customer.history, entry]
    if (owner === leaverId) {
      const { firstContactAt: _contact, ...rest } = customer
      return { ...rest, ownerId: successorId, coOwnerIds: customer.coOwnerIds.filter((id) => id !== successorId), assignedAt: at, notifyCustomer: true, history }
    }
    const coOwnerIds = customer.coOwnerIds.flatMap((id) => (id !== leaverId ? [id] : newOwner === successorId || customer.coOwnerIds.includes(successorId) ? [] : [successorId]))
    return { ...customer, coOwnerIds, notifyCustomer: true, history }
  })
  const staff = current.staff.map((person) => (person.id === leaverId ? { ...person, active: false } : person))
  return success(withCustomers(current, changed, { staff }), entries, effects)
}
