import { Decimal } from '../money/decimal.js'
import {
  invalidPolicyField,
  policyDecimal,
  policyEnum,
  policyInteger,
  policyObject,
  rejectUnknownKeys,
} from '../policy/validate.js'
import { STAFF_ROLES, type StaffRole } from '../staff/roles.js'
import { CUSTOMER_TIERS, type CustomerTier } from '../tiering/tier.js'

/** How a contact deadline is counted (R-OWN-2): calendar days (自然日) or working days (工作日). */
export type DeadlineUnit = 'calendarDays' | 'workingDays'

/** The contact deadline of one tier (首次联系期限, R-OWN-2). */
export interface ContactDeadlineRule {
  /** Whole days ≥ 1. */
  readonly days: number
  readonly unit: DeadlineUnit
}

/**
 * The ownership and pool policy (客户归属与公海政策, R-OWN-1..6). Plain, JSON-serialisable data;
 * create one with {@link createOwnershipPolicy}.
 */
export interface OwnershipPolicy {
  /** R-OWN-2 contact deadline per tier; **default** 7 calendar days (一周) for every tier. */
  readonly contactDeadline: Readonly<Record<CustomerTier, ContactDeadlineRule>>
  /** R-OWN-6 most customers one person may own (负责客户上限); **default** `null` = unlimited. Whole number ≥ 1 or `null`. */
  readonly maxOwnedPerPerson: number | null
  /** R-OWN-6 most pool claims per person per Asia/Shanghai day (每日认领上限); **default** `null` = unlimited. Whole number ≥ 1 or `null`. */
  readonly maxClaimsPerDay: number | null
  /** R-OWN-6 whole calendar days after the release day during which the former owner may not re-claim; **default** `0` = no lock. */
  readonly formerOwnerLockDays: number
  /** R-OWN-6 warn the owner from this many calendar days before the reclaim deadline; **default** `1`; `0` = no warnings. */
  readonly warnDaysBeforeReclaim: number
  /** R-OWN-4 tiers whose customers are important (重要客户); **default** `['strategic', 'key']` ("key or above"). */
  readonly importantTiers: readonly CustomerTier[]
  /** R-OWN-4 distinct staff in contact with an important customer; **default** `2`. Whole number ≥ 1. */
  readonly minContactsForImportant: number
  /** R-OWN-3 capacity weight (承接能力) of anyone not listed in `capacityWeights`; **default** `'1'`. Decimal > 0. */
  readonly defaultCapacityWeight: string
  /** R-OWN-3 capacity weight per staff id; **default** `{}` (everyone weighs `defaultCapacityWeight`). Decimals > 0. */
  readonly capacityWeights: Readonly<Record<string, string>>
  /** R-OWN-1/2/5 roles that may override claims, assign, reassign, reclaim and hand over; **default** `['manager', 'director']`. */
  readonly managerRoles: readonly StaffRole[]
}

const KNOWN_KEYS = [
  'contactDeadline',
  'maxOwnedPerPerson',
  'maxClaimsPerDay',
  'formerOwnerLockDays',
  'warnDaysBeforeReclaim',
  'importantTiers',
  'minContactsForImportant',
  'defaultCapacityWeight',
  'capacityWeights',
  'managerRoles',
] as const

const SEVEN_CALENDAR_DAYS: ContactDeadlineRule = Object.freeze({ days: 7, unit: 'calendarDays' })

/**
 * The regulations' numbers: contact within one week (7 calendar days) for every tier, no caps, no
 * former-owner lock, warn one day ahead, two contacts for strategic and key customers, every
 * capacity 1, managers and directors decide.
 *
 * @example
 * defaultOwnershipPolicy.contactDeadline.general //=> { days: 7, unit: 'calendarDays' }
 * defaultOwnershipPolicy.maxOwnedPerPerson //=> null (unlimited)
 */
export const defaultOwnershipPolicy: OwnershipPolicy = Object.freeze({
  contactDeadline: Object.freeze({
    strategic: SEVEN_CALENDAR_DAYS,
    key: SEVEN_CALENDAR_DAYS,
    general: SEVEN_CALENDAR_DAYS,
    reserve: SEVEN_CALENDAR_DAYS,
  }),
  maxOwnedPerPerson: null,
  maxClaimsPerDay: null,
  formerOwnerLockDays: 0,
  warnDaysBeforeReclaim: 1,
  importantTiers: Object.freeze(['strategic', 'key'] as CustomerTier[]),
  minContactsForImportant: 2,
  defaultCapacityWeight: '1',
  capacityWeights: Object.freeze({}),
  managerRoles: Object.freeze(['manager', 'director'] as StaffRole[]),
})

/**
 * Creates a validated, frozen ownership policy: `overrides` are merged onto
 * {@link defaultOwnershipPolicy} — `contactDeadline` per tier and per field, `capacityWeights` per
 * staff id, lists replace — every field is validated and unknown fields are refused.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g.
 *   `ownership.contactDeadline.key.unit`
 *
 * @example
 * const policy = createOwnershipPolicy({ contactDeadline: { key: { days: 5, unit: 'workingDays' } }, maxClaimsPerDay: 3 })
 * policy.contactDeadline.key //=> { days: 5, unit: 'workingDays' }
 * policy.contactDeadline.general //=> { days: 7, unit: 'calendarDays' }
 * createOwnershipPolicy({ maxOwnedPerPerson: 0 }) // throws POLICY.INVALID_FIELD (ownership.maxOwnedPerPerson)
 */
export function createOwnershipPolicy(overrides: unknown = {}, field = 'ownership'): OwnershipPolicy {
  const given = policyObject(overrides, field)
  rejectUnknownKeys(given, field, KNOWN_KEYS)
  const merged: Record<string, unknown> = { ...defaultOwnershipPolicy, ...given }

  const deadlineOverrides = policyObject(merged['contactDeadline'], `${field}.contactDeadline`)
  rejectUnknownKeys(deadlineOverrides, `${field}.contactDeadline`, CUSTOMER_TIERS)
  const contactDeadline = {} as Record<CustomerTier, ContactDeadlineRule>
  for (const tier of CUSTOMER_TIERS) {
    const tierField = `${field}.contactDeadline.${tier}`
    const override = deadlineOverrides[tier] === undefined ? {} : policyObject(deadlineOverrides[tier], tierField)
    rejectUnknownKeys(override, tierField, ['days', 'unit'])
    const rule = { ...defaultOwnershipPolicy.contactDeadline[tier], ...override }
    contactDeadline[tier] = Object.freeze({
      days: policyInteger(rule.days, `${tierField}.days`, { min: 1, max: 366 }),
      unit: policyEnum(rule.unit, `${tierField}.unit`, ['calendarDays', 'workingDays'] as const),
    })
  }

  const weightOverrides = policyObject(merged['capacityWeights'], `${field}.capacityWeights`)
  const capacityWeights: Record<string, string> = {}
  for (const [staffId, weight] of Object.entries(weightOverrides)) {
    if (staffId.trim() === '') invalidPolicyField(`${field}.capacityWeights`, 'must not have an empty staff id', '员工编号不能为空', staffId)
    capacityWeights[staffId] = positiveWeight(weight, `${field}.capacityWeights.${staffId}`)
  }

  return Object.freeze({
    contactDeadline: Object.freeze(contactDeadline),
    maxOwnedPerPerson: optionalCap(merged['maxOwnedPerPerson'], `${field}.maxOwnedPerPerson`),
    maxClaimsPerDay: optionalCap(merged['maxClaimsPerDay'], `${field}.maxClaimsPerDay`),
    formerOwnerLockDays: policyInteger(merged['formerOwnerLockDays'], `${field}.formerOwnerLockDays`, { min: 0, max: 3660 }),
    warnDaysBeforeReclaim: policyInteger(merged['warnDaysBeforeReclaim'], `${field}.warnDaysBeforeReclaim`, { min: 0, max: 366 }),
    importantTiers: tierSet(merged['importantTiers'], `${field}.importantTiers`),
    minContactsForImportant: policyInteger(merged['minContactsForImportant'], `${field}.minContactsForImportant`, { min: 1, max: 100 }),
    defaultCapacityWeight: positiveWeight(merged['defaultCapacityWeight'], `${field}.defaultCapacityWeight`),
    capacityWeights: Object.freeze(capacityWeights),
    managerRoles: roleSet(merged['managerRoles'], `${field}.managerRoles`),
  })
}

/**
 * Reads a policy passed to an operation: the frozen default as is, anything else through
 * {@link createOwnershipPolicy} (so a hand-built object is validated too).
 * @internal
 */
export function readOwnershipPolicy(policy: unknown): OwnershipPolicy {
  if (policy === defaultOwnershipPolicy) return defaultOwnershipPolicy
  return createOwnershipPolicy(policy, 'policy')
}

/** The capacity weight of one person (R-OWN-3). @internal */
export function capacityOf(policy: OwnershipPolicy, staffId: string): Decimal {
  return new Decimal(policy.capacityWeights[staffId] ?? policy.defaultCapacityWeight)
}

function optionalCap(value: unknown, field: string): number | null {
  if (value === null) return null
  return policyInteger(value, field, { min: 1 })
}

function positiveWeight(value: unknown, field: string): string {
  return policyDecimal(value, field, { min: 0, exclusiveMin: true, max: 1000 }).toString()
}

function tierSet(value: unknown, field: string): readonly CustomerTier[] {
  if (!Array.isArray(value)) invalidPolicyField(field, `must be a list of ${CUSTOMER_TIERS.join(', ')}`, `必须是列表（${CUSTOMER_TIERS.join('、')}）`, value)
  const tiers = value.map((item, index) => policyEnum(item, `${field}[${index}]`, CUSTOMER_TIERS))
  if (new Set(tiers).size !== tiers.length) invalidPolicyField(field, 'must not repeat an entry', '不能有重复项', value)
  return Object.freeze(CUSTOMER_TIERS.filter((tier) => tiers.includes(tier)))
}

function roleSet(value: unknown, field: string): readonly StaffRole[] {
  if (!Array.isArray(value) || value.length === 0) invalidPolicyField(field, 'must be a non-empty list of roles', '必须是非空的岗位列表', value)
  const roles = value.map((item, index) => policyEnum(item, `${field}[${index}]`, STAFF_ROLES))
  if (new Set(roles).size !== roles.length) invalidPolicyField(field, 'must not repeat an entry', '不能有重复项', value)
  return Object.freeze(roles)
}
