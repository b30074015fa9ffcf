import { policyInteger, policyObject, rejectUnknownKeys } from '../policy/validate.js'

/** Policy of the visits area (拜访参数), R-VIS-3 and R-VIS-4: plain JSON data. */
export interface VisitPolicy {
  /** Working days to enter collected customer information (信息录入期限, R-VIS-3); **default** `2`. */
  readonly dataEntryWorkingDays: number
  /** Working days to write the minutes of a meeting (会谈纪要期限, R-VIS-4); **default** `2`. */
  readonly minutesWorkingDays: number
}

/**
 * The **default** visits policy: 2 working days for both deadlines.
 *
 * @example
 * defaultVisitPolicy.dataEntryWorkingDays //=> 2
 */
export const defaultVisitPolicy: VisitPolicy = Object.freeze({ dataEntryWorkingDays: 2, minutesWorkingDays: 2 })

const KEYS = ['dataEntryWorkingDays', 'minutesWorkingDays'] as const

/**
 * Creates a validated, frozen visits policy from overrides merged onto {@link defaultVisitPolicy}.
 * Each count is a whole number 0–366 (0: by the end of the same day).
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g. `visits.minutesWorkingDays`
 *
 * @example
 * createVisitPolicy({ minutesWorkingDays: 3 }).minutesWorkingDays //=> 3
 * createVisitPolicy({ minutesWorkingDays: 1.5 }) // throws, field 'visits.minutesWorkingDays'
 */
export function createVisitPolicy(overrides?: unknown, field = 'visits'): VisitPolicy {
  if (overrides === undefined || overrides === defaultVisitPolicy) return defaultVisitPolicy
  const root = policyObject(overrides, field)
  rejectUnknownKeys(root, field, KEYS)
  const pick = (key: (typeof KEYS)[number]): unknown => (Object.hasOwn(root, key) ? root[key] : defaultVisitPolicy[key])
  return Object.freeze({
    dataEntryWorkingDays: policyInteger(pick('dataEntryWorkingDays'), `${field}.dataEntryWorkingDays`, { min: 0, max: 366 }),
    minutesWorkingDays: policyInteger(pick('minutesWorkingDays'), `${field}.minutesWorkingDays`, { min: 0, max: 366 }),
  })
}
