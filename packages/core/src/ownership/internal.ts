import { hasRole, readStaff, type Staff } from '../staff/staff.js'
import { OwnershipErrorCode } from './errors.js'
import type { OwnershipPolicy } from './policy.js'
import { invalid, readDate, readId, readOptionalText, readRecord } from './read.js'
import { type OwnershipRefusal, OwnershipRefusalCode, refusal } from './refusal.js'
import type { OwnershipEffect, OwnershipResult } from './result.js'
import type { OwnershipAction, OwnershipCustomer, OwnershipHistoryEntry, OwnershipState } from './state.js'

/**
 * Shared steps of the state operations.
 * @internal
 * @module
 */

const CODE = OwnershipErrorCode.INVALID_COMMAND

/** Reads a command object and its common fields. @internal */
export function readCommand(value: unknown): Readonly<Record<string, unknown>> {
  return readRecord(value, 'command', CODE)
}

/** @internal */
export function commandId(command: Readonly<Record<string, unknown>>, key: string): string {
  return readId(command[key], `command.${key}`, CODE)
}

/** @internal */
export function commandAt(command: Readonly<Record<string, unknown>>): Date {
  return readDate(command['at'], 'command.at')
}

/** @internal */
export function commandActor(command: Readonly<Record<string, unknown>>, key = 'by'): Staff {
  return readStaff(command[key], `command.${key}`)
}

/** @internal */
export function commandReason(command: Readonly<Record<string, unknown>>, key = 'reason'): string | undefined {
  return readOptionalText(command[key], `command.${key}`, CODE)
}

/** True when the reason is given and not blank. @internal */
export function hasReason(reason: string | undefined): reason is string {
  return reason !== undefined && reason.trim() !== ''
}

/** True when the person holds one of the policy's manager roles. @internal */
export function isManager(staff: Staff, policy: OwnershipPolicy): boolean {
  return policy.managerRoles.some((role) => hasRole(staff, role))
}

/** Refuses an inactive actor, and one without a manager role when `needManager`. @internal */
export function checkActor(actor: Staff, policy: OwnershipPolicy, ruleId: string, needManager: boolean): OwnershipRefusal | undefined {
  if (!actor.active) return refusal(OwnershipRefusalCode.ACTOR_INACTIVE, ruleId, `${actor.id} is no longer active`, `${actor.id} 已离职，不能操作`, { staffId: actor.id })
  if (needManager && !isManager(actor, policy)) {
    return refusal(OwnershipRefusalCode.NOT_A_MANAGER, ruleId, `only ${policy.managerRoles.join(' or ')} may do this`, '只有经理或总监可以执行此操作', {
      staffId: actor.id,
      requiredRoles: policy.managerRoles,
    })
  }
  return undefined
}

/** Finds a customer or refuses. @internal */
export function findCustomer(state: OwnershipState, customerId: string, ruleId: string): OwnershipCustomer | OwnershipRefusal {
  const customer = state.customers.find((item) => item.id === customerId)
  return customer ?? refusal(OwnershipRefusalCode.UNKNOWN_CUSTOMER, ruleId, `customer ${customerId} is not in the state`, `客户 ${customerId} 不存在`, { customerId })
}

/** Finds an active person of the state who may own customers, or refuses. @internal */
export function findActiveStaff(state: OwnershipState, staffId: string, ruleId: string): Staff | OwnershipRefusal {
  const staff = state.staff.find((person) => person.id === staffId)
  if (staff === undefined) return refusal(OwnershipRefusalCode.UNKNOWN_STAFF, ruleId, `staff ${staffId} is not in the state`, `员工 ${staffId} 不存在`, { staffId })
  if (!staff.active) {
    // R-OWN-5: nothing may be owned by an inactive staff member
    return refusal(OwnershipRefusalCode.STAFF_INACTIVE, 'R-OWN-5', `${staffId} is inactive and cannot own customers`, `${staffId} 已离职，不能负责客户`, { staffId })
  }
  return staff
}

/** True for a refusal (as opposed to a found record). @internal */
export function isRefusal(value: object): value is OwnershipRefusal {
  return 'code' in value && 'ruleId' in value && 'messageEn' in value
}

/** The latest instant recorded for a customer: its last history entry or pool release. @internal */
export function lastEventAt(state: OwnershipState, customer: OwnershipCustomer): number {
  let last = Number.NEGATIVE_INFINITY
  for (const entry of customer.history) last = Math.max(last, entry.at.getTime())
  const pooled = state.pool.find((entry) => entry.customerId === customer.id)
  if (pooled !== undefined) last = Math.max(last, pooled.releasedAt.getTime())
  return last
}

/** Refuses an operation dated before the customer's last recorded event. @internal */
export function checkNotBeforeLastEvent(state: OwnershipState, customer: OwnershipCustomer, at: Date, ruleId: string): OwnershipRefusal | undefined {
  const last = lastEventAt(state, customer)
  if (at.getTime() >= last) return undefined
  return refusal(OwnershipRefusalCode.BEFORE_LAST_EVENT, ruleId, `the operation is dated before the last change of ${customer.id}`, `操作时间早于客户 ${customer.id} 的上一条归属记录`, {
    customerId: customer.id,
    lastEventAt: new Date(last).toISOString(),
  })
}

/** Customers the person owns (co-owned ones do not count). @internal */
export function ownedCount(state: OwnershipState, staffId: string): number {
  return state.customers.filter((customer) => customer.ownerId === staffId).length
}

/** Refuses when `adding` more customers would take the person over the owner cap (R-OWN-6). @internal */
export function checkOwnerCap(state: OwnershipState, staffId: string, policy: OwnershipPolicy, adding = 1): OwnershipRefusal | undefined {
  const cap = policy.maxOwnedPerPerson
  if (cap === null) return undefined
  const owned = ownedCount(state, staffId)
  if (owned + adding <= cap) return undefined
  return refusal(OwnershipRefusalCode.OWNER_CAP_REACHED, 'R-OWN-6', `${staffId} owns ${owned} customers; the cap is ${cap}`, `${staffId} 已负责 ${owned} 个客户，上限为 ${cap}`, {
    staffId,
    owned,
    adding,
    cap,
  })
}

/** A history entry. @internal */
export function historyEntry(
  customerId: string,
  action: OwnershipAction,
  at: Date,
  by: string,
  fromOwnerId: string | null,
  toOwnerId: string | null,
  reason: string | null,
  ruleId: string,
): OwnershipHistoryEntry {
  return { customerId, action, at, by, fromOwnerId, toOwnerId, reason, ruleId }
}

/** The state with customers replaced (by id, order kept). @internal */
export function withCustomers(state: OwnershipState, changed: readonly OwnershipCustomer[], extra: Partial<Pick<OwnershipState, 'staff' | 'pool' | 'claims'>> = {}): OwnershipState {
  const byId = new Map(changed.map((customer) => [customer.id, customer]))
  return {
    customers: state.customers.map((customer) => byId.get(customer.id) ?? customer),
    staff: extra.staff ?? state.staff,
    pool: extra.pool ?? state.pool,
    claims: extra.claims ?? state.claims,
  }
}

/** A customer with a new owner: co-owners minus the new owner, fresh `assignedAt`, no first contact yet. @internal */
export function ownedBy(customer: OwnershipCustomer, ownerId: string, at: Date, entry: OwnershipHistoryEntry): OwnershipCustomer {
  const { firstContactAt: _contact, ...rest } = customer
  return { ...rest, ownerId, coOwnerIds: customer.coOwnerIds.filter((id) => id !== ownerId), assignedAt: at, history: [...customer.history, entry] }
}

/** A successful result. @internal */
export function success(state: OwnershipState, entries: readonly OwnershipHistoryEntry[], effects: readonly OwnershipEffect[] = []): OwnershipResult {
  return { ok: true, state, entries, effects }
}

/** A refused result. @internal */
export function refused(reason: OwnershipRefusal): OwnershipResult {
  return { ok: false, refusal: reason }
}

/** Throws for a command field that must not be there. @internal */
export function invalidCommand(field: string, en: string, zh: string, value: unknown): never {
  invalid(CODE, field, en, zh, value)
}
