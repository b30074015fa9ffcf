import { readStaff, type Staff } from '../staff/staff.js'
import { CUSTOMER_TIERS, type CustomerTier, isCustomerTier } from '../tiering/tier.js'
import { OwnershipErrorCode } from './errors.js'
import { invalid, readArray, readDate, readId, readOptionalDate, readOptionalText, readRecord } from './read.js'

/** What happened to a customer's ownership (归属变更类型). */
export const OWNERSHIP_ACTIONS = ['claimed', 'assigned', 'reassigned', 'released', 'handedOver', 'contacted'] as const

/** One of {@link OWNERSHIP_ACTIONS}. */
export type OwnershipAction = (typeof OWNERSHIP_ACTIONS)[number]

/**
 * One entry of a customer's ownership history (归属变更记录): who did what, when and why.
 * Every state change appends one per customer it touches; the application persists them.
 */
export interface OwnershipHistoryEntry {
  readonly customerId: string
  readonly action: OwnershipAction
  readonly at: Date
  /** Who acted (操作人). */
  readonly by: string
  /** Owner before the change (`null`: none). */
  readonly fromOwnerId: string | null
  /** Owner after the change (`null`: none, e.g. released to the pool). */
  readonly toOwnerId: string | null
  /** Why (原因), when one was given or required. */
  readonly reason: string | null
  /** The rule the change follows, e.g. `R-OWN-6`. */
  readonly ruleId: string
}

/** A customer as the ownership rules see it (客户归属). */
export interface OwnershipCustomer {
  readonly id: string
  readonly tier: CustomerTier
  /** The owner (负责人); absent when unowned or in the pool. */
  readonly ownerId?: string
  /** Co-owners (协同负责人); empty when there is no owner. */
  readonly coOwnerIds: readonly string[]
  /** When the current owner got it; present iff `ownerId` is. */
  readonly assignedAt?: Date
  /** First contact by the current owner (首次联系), R-OWN-2; only with an owner. */
  readonly firstContactAt?: Date
  /** Set by a handover (R-OWN-5): the customer must be told who its new contact is. */
  readonly notifyCustomer?: boolean
  /** Ownership history, oldest first. */
  readonly history: readonly OwnershipHistoryEntry[]
}

/** A customer waiting in the pool (公海客户), R-OWN-6. */
export interface PoolEntry {
  readonly customerId: string
  readonly releasedAt: Date
  /** The owner it was released from (`null`: it had none). */
  readonly formerOwnerId: string | null
}

/** One claim from the pool (公海认领记录), kept to enforce the daily cap. Older days may be pruned. */
export interface PoolClaim {
  readonly staffId: string
  readonly customerId: string
  readonly at: Date
}

/**
 * The slice of data the ownership and pool rules work on (客户归属状态). Plain data: the
 * application loads it, calls an operation, and persists the new state and its history entries.
 */
export interface OwnershipState {
  readonly customers: readonly OwnershipCustomer[]
  /** Everyone who owns, co-owns or may receive a customer; ids unique. */
  readonly staff: readonly Staff[]
  readonly pool: readonly PoolEntry[]
  readonly claims: readonly PoolClaim[]
}

/**
 * An empty ownership state with the given staff.
 *
 * @example
 * emptyOwnershipState([{ id: 'u1', roles: ['specialist'], active: true }]).customers //=> []
 */
export function emptyOwnershipState(staff: readonly Staff[] = []): OwnershipState {
  return readOwnershipState({ customers: [], staff, pool: [], claims: [] })
}

const CODE = OwnershipErrorCode.INVALID_STATE

/**
 * Validates an ownership state at a public boundary and returns it (every operation calls this).
 * Checks shapes, unique ids, that every owner and co-owner is in the staff list, that an owner
 * comes with `assignedAt`, and that pool customers are unowned.
 *
 * @throws {@link OwnershipInputError} `OWNERSHIP.INVALID_STATE` naming the field (`state.customers[2].ownerId`),
 *   `OWNERSHIP.INVALID_INSTANT`, `STAFF.INVALID`
 *
 * @example
 * readOwnershipState({ customers: [], staff: [], pool: [], claims: [] }).pool //=> []
 * readOwnershipState({ customers: [{ id: 'c1', tier: 'vip', coOwnerIds: [], history: [] }], staff: [], pool: [], claims: [] })
 * // throws OWNERSHIP.INVALID_STATE (state.customers[0].tier)
 */
export function readOwnershipState(value: unknown, field = 'state'): OwnershipState {
  const record = readRecord(value, field, CODE)
  const staff = readArray(record['staff'], `${field}.staff`, CODE).map((item, index) => readStaff(item, `${field}.staff[${index}]`))
  const staffIds = new Set<string>()
  staff.forEach((person, index) => {
    if (staffIds.has(person.id)) invalid(CODE, `${field}.staff[${index}].id`, 'repeats a staff id', '员工编号重复', person.id)
    staffIds.add(person.id)
  })
  const knownStaff = (id: unknown, at: string): string => {
    const staffId = readId(id, at, CODE)
    if (!staffIds.has(staffId)) invalid(CODE, at, 'must name a person in state.staff', '必须是 state.staff 中的员工', staffId)
    return staffId
  }

  const customers = readArray(record['customers'], `${field}.customers`, CODE)
  const customerIds = new Map<string, OwnershipCustomer>()
  customers.forEach((item, index) => {
    const at = `${field}.customers[${index}]`
    const customer = readRecord(item, at, CODE)
    const id = readId(customer['id'], `${at}.id`, CODE)
    if (customerIds.has(id)) invalid(CODE, `${at}.id`, 'repeats a customer id', '客户编号重复', id)
    if (!isCustomerTier(customer['tier'])) invalid(CODE, `${at}.tier`, `must be one of ${CUSTOMER_TIERS.join(', ')}`, `必须是 ${CUSTOMER_TIERS.join('、')} 之一`, customer['tier'])
    const ownerId = customer['ownerId'] === undefined ? undefined : knownStaff(customer['ownerId'], `${at}.ownerId`)
    const coOwnerIds = readArray(customer['coOwnerIds'], `${at}.coOwnerIds`, CODE).map((co, coIndex) => knownStaff(co, `${at}.coOwnerIds[${coIndex}]`))
    if (new Set(coOwnerIds).size !== coOwnerIds.length) invalid(CODE, `${at}.coOwnerIds`, 'must not repeat a person', '不能重复', coOwnerIds)
    if (ownerId === undefined && coOwnerIds.length > 0) invalid(CODE, `${at}.coOwnerIds`, 'must be empty when there is no owner', '无负责人时必须为空', coOwnerIds)
    if (ownerId !== undefined && coOwnerIds.includes(ownerId)) invalid(CODE, `${at}.coOwnerIds`, 'must not include the owner', '不能包含负责人本人', coOwnerIds)
    const assignedAt = readOptionalDate(customer['assignedAt'], `${at}.assignedAt`)
    if ((ownerId === undefined) !== (assignedAt === undefined)) {
      invalid(CODE, `${at}.assignedAt`, 'must be given exactly when there is an owner', '有负责人时必须提供，无负责人时不得提供', customer['assignedAt'])
    }
    const firstContactAt = readOptionalDate(customer['firstContactAt'], `${at}.firstContactAt`)
    if (firstContactAt !== undefined && ownerId === undefined) invalid(CODE, `${at}.firstContactAt`, 'must be absent when there is no owner', '无负责人时不得提供', firstContactAt)
    const notify = customer['notifyCustomer']
    if (notify !== undefined && typeof notify !== 'boolean') invalid(CODE, `${at}.notifyCustomer`, 'must be true or false when given', '如提供则必须是 true 或 false', notify)
    const history = readArray(customer['history'], `${at}.history`, CODE).map((entry, entryIndex) => readHistoryEntry(entry, `${at}.history[${entryIndex}]`, id))
    customerIds.set(id, {
      id,
      tier: customer['tier'],
      ...(ownerId === undefined ? {} : { ownerId }),
      coOwnerIds,
      ...(assignedAt === undefined ? {} : { assignedAt }),
      ...(firstContactAt === undefined ? {} : { firstContactAt }),
      ...(notify === undefined ? {} : { notifyCustomer: notify }),
      history,
    })
  })

  const pooled = new Set<string>()
  const pool = readArray(record['pool'], `${field}.pool`, CODE).map((item, index): PoolEntry => {
    const at = `${field}.pool[${index}]`
    const entry = readRecord(item, at, CODE)
    const customerId = readId(entry['customerId'], `${at}.customerId`, CODE)
    const customer = customerIds.get(customerId)
    if (customer === undefined) invalid(CODE, `${at}.customerId`, 'must name a customer in state.customers', '必须是 state.customers 中的客户', customerId)
    if (pooled.has(customerId)) invalid(CODE, `${at}.customerId`, 'repeats a pool customer', '公海客户重复', customerId)
    if (customer.ownerId !== undefined) invalid(CODE, `${at}.customerId`, 'names a customer that has an owner', '对应客户已有负责人', customerId)
    pooled.add(customerId)
    const formerOwnerId = entry['formerOwnerId'] === null ? null : readId(entry['formerOwnerId'], `${at}.formerOwnerId`, CODE)
    return { customerId, releasedAt: readDate(entry['releasedAt'], `${at}.releasedAt`), formerOwnerId }
  })

  const claims = readArray(record['claims'], `${field}.claims`, CODE).map((item, index): PoolClaim => {
    const at = `${field}.claims[${index}]`
    const claim = readRecord(item, at, CODE)
    return {
      staffId: readId(claim['staffId'], `${at}.staffId`, CODE),
      customerId: readId(claim['customerId'], `${at}.customerId`, CODE),
      at: readDate(claim['at'], `${at}.at`),
    }
  })

  return { customers: [...customerIds.values()], staff, pool, claims }
}

function readHistoryEntry(value: unknown, field: string, customerId: string): OwnershipHistoryEntry {
  const entry = readRecord(value, field, CODE)
  if (entry['customerId'] !== customerId) invalid(CODE, `${field}.customerId`, `must be the customer's id ${customerId}`, `必须是该客户的编号 ${customerId}`, entry['customerId'])
  const action = entry['action']
  if (typeof action !== 'string' || !(OWNERSHIP_ACTIONS as readonly string[]).includes(action)) {
    invalid(CODE, `${field}.action`, `must be one of ${OWNERSHIP_ACTIONS.join(', ')}`, `必须是 ${OWNERSHIP_ACTIONS.join('、')} 之一`, action)
  }
  const ownerOrNull = (owner: unknown, at: string): string | null => (owner === null ? null : readId(owner, at, CODE))
  const reason = entry['reason'] === null ? null : readOptionalText(entry['reason'], `${field}.reason`, CODE)
  if (reason === undefined) invalid(CODE, `${field}.reason`, 'must be a string or null', '必须是字符串或 null', entry['reason'])
  return {
    customerId,
    action: action as OwnershipAction,
    at: readDate(entry['at'], `${field}.at`),
    by: readId(entry['by'], `${field}.by`, CODE),
    fromOwnerId: ownerOrNull(entry['fromOwnerId'], `${field}.fromOwnerId`),
    toOwnerId: ownerOrNull(entry['toOwnerId'], `${field}.toOwnerId`),
    reason,
    ruleId: readId(entry['ruleId'], `${field}.ruleId`, CODE),
  }
}

/**
 * Customers owned or co-owned by an inactive person (R-OWN-5: nothing may stay owned by an
 * inactive staff member). Empty for a healthy state.
 *
 * @example
 * inactiveOwnerViolations(stateWhereLeaverStillOwnsC1) //=> [{ customerId: 'c1', staffId: 'u9', as: 'owner' }]
 */
export function inactiveOwnerViolations(state: OwnershipState): readonly { customerId: string; staffId: string; as: 'owner' | 'coOwner' }[] {
  const checked = readOwnershipState(state)
  const inactive = new Set(checked.staff.filter((person) => !person.active).map((person) => person.id))
  const violations: { customerId: string; staffId: string; as: 'owner' | 'coOwner' }[] = []
  for (const customer of checked.customers) {
    if (customer.ownerId !== undefined && inactive.has(customer.ownerId)) violations.push({ customerId: customer.id, staffId: customer.ownerId, as: 'owner' })
    for (const co of customer.coOwnerIds) if (inactive.has(co)) violations.push({ customerId: customer.id, staffId: co, as: 'coOwner' })
  }
  return violations
}
