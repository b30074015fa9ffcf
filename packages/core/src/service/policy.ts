import { invalidPolicyField, policyBoolean, policyDecimal, policyEnum, policyInteger, policyObject, rejectUnknownKeys } from '../policy/validate.js'
import { STAFF_ROLES, type StaffRole } from '../staff/roles.js'

/** Service zone of a call (服务区域): 市区 `urban` or 郊区 `suburban`. */
export type ServiceZone = 'urban' | 'suburban'

/**
 * The zones, in the regulation's order.
 * @example
 * SERVICE_ZONES //=> ['urban', 'suburban']
 */
export const SERVICE_ZONES: readonly ServiceZone[] = Object.freeze(['urban', 'suburban'])

/**
 * Which coverage decides the service type when a product is both under warranty and under a
 * maintenance contract at the call time: `warrantyFirst` (free, C) or `contractFirst` (B).
 */
export type CoveragePrecedence = 'warrantyFirst' | 'contractFirst'

/**
 * The after-sales service policy (售后服务政策参数, R-SVC-1..6). Plain JSON data; create one with
 * {@link createServicePolicy}.
 */
export interface ServicePolicy {
  /** R-SVC-3 working hours from call to arrival per zone (派工制); **default** `{ urban: 6, suburban: 7 }`; each > 0 and ≤ 1000. */
  readonly dispatchWorkingHours: Readonly<Record<ServiceZone, number>>
  /** R-SVC-3 a call still waiting with at most this many working hours left is `at-risk`; **default** 1; 0 = only at the deadline itself. */
  readonly atRiskWorkingHours: number
  /** R-SVC-1 **default** `warrantyFirst`: the customer is never charged for what the warranty covers. */
  readonly coveragePrecedence: CoveragePrecedence
  /** R-SVC-2 paid service (A) cannot be closed before it is charged; **default** `true`. */
  readonly requireChargeBeforeClose: boolean
  /** R-SVC-5 role that accepts a workshop repair (主任验收) and receives escalations; **default** `serviceSupervisor`. */
  readonly supervisorRole: StaffRole
  /** R-SVC-6 months before a maintenance contract ends that the renewal notice goes out (保养到期通知书); **default** 1; 0–24. */
  readonly renewalNoticeMonthsBefore: number
}

const KNOWN_KEYS = [
  'dispatchWorkingHours',
  'atRiskWorkingHours',
  'coveragePrecedence',
  'requireChargeBeforeClose',
  'supervisorRole',
  'renewalNoticeMonthsBefore',
] as const

/**
 * The regulation's numbers: 6 working hours in the city, 7 in the suburbs (第十八条), renewal
 * notice one month before expiry (第十九条); warranty wins over a contract; paid work is charged
 * before closing; the service supervisor (服务主任) accepts repairs and gets escalations.
 *
 * @example
 * defaultServicePolicy.dispatchWorkingHours //=> { urban: 6, suburban: 7 }
 */
export const defaultServicePolicy: ServicePolicy = Object.freeze({
  dispatchWorkingHours: Object.freeze({ urban: 6, suburban: 7 }),
  atRiskWorkingHours: 1,
  coveragePrecedence: 'warrantyFirst',
  requireChargeBeforeClose: true,
  supervisorRole: 'serviceSupervisor',
  renewalNoticeMonthsBefore: 1,
})

/**
 * Creates a validated, frozen service policy: `overrides` are merged onto
 * {@link defaultServicePolicy} (`dispatchWorkingHours` merged per zone), every field is validated,
 * unknown fields are refused.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g. `service.dispatchWorkingHours.urban`
 *
 * @example
 * createServicePolicy({ dispatchWorkingHours: { suburban: 8 } }).dispatchWorkingHours //=> { urban: 6, suburban: 8 }
 */
export function createServicePolicy(overrides: unknown = {}, field = 'service'): ServicePolicy {
  const given = policyObject(overrides, field)
  rejectUnknownKeys(given, field, KNOWN_KEYS)
  const hoursField = `${field}.dispatchWorkingHours`
  const givenHours = given['dispatchWorkingHours'] === undefined ? {} : policyObject(given['dispatchWorkingHours'], hoursField)
  rejectUnknownKeys(givenHours, hoursField, SERVICE_ZONES)
  const hours = { ...defaultServicePolicy.dispatchWorkingHours, ...givenHours }
  const merged: Record<string, unknown> = { ...defaultServicePolicy, ...given }
  return Object.freeze({
    dispatchWorkingHours: Object.freeze({
      urban: readHours(hours.urban, `${hoursField}.urban`),
      suburban: readHours(hours.suburban, `${hoursField}.suburban`),
    }),
    atRiskWorkingHours: policyDecimal(merged['atRiskWorkingHours'], `${field}.atRiskWorkingHours`, { min: 0, max: 1000 }).toNumber(),
    coveragePrecedence: policyEnum(merged['coveragePrecedence'], `${field}.coveragePrecedence`, ['warrantyFirst', 'contractFirst']),
    requireChargeBeforeClose: policyBoolean(merged['requireChargeBeforeClose'], `${field}.requireChargeBeforeClose`),
    supervisorRole: policyEnum(merged['supervisorRole'], `${field}.supervisorRole`, STAFF_ROLES),
    renewalNoticeMonthsBefore: policyInteger(merged['renewalNoticeMonthsBefore'], `${field}.renewalNoticeMonthsBefore`, { min: 0, max: 24 }),
  })
}

/** Validates a policy passed to a function the same way. @internal */
export function readServicePolicy(policy: ServicePolicy, field = 'policy'): ServicePolicy {
  if (policy === defaultServicePolicy) return policy
  return createServicePolicy(policy, field)
}

function readHours(value: unknown, field: string): number {
  const hours = policyDecimal(value, field, { min: 0, max: 1000, exclusiveMin: true })
  // Working-time arithmetic is in whole milliseconds.
  if (!hours.times(3_600_000).isInteger()) invalidPolicyField(field, 'must be a whole number of milliseconds', '必须精确到毫秒', value)
  return hours.toNumber()
}
