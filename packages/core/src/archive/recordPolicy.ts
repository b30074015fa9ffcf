import { invalidPolicyField, policyBoolean, policyInteger, policyObject, rejectUnknownKeys } from '../policy/validate.js'
import { ARCHIVE_FIELDS, type ArchiveFieldName } from './fields.js'

/**
 * Policy of the archive record (客户档案记录参数), R-ARC-1 and R-ARC-6: plain JSON data.
 */
export interface CustomerArchivePolicy {
  /** Also check the organisation-code check digit inside the credit code (R-ARC-4); **default** `true`. */
  readonly verifyOrganisationCode: boolean
  /** How many yearly sales figures the archive keeps (近 N 年销售业绩); **default** `3`. */
  readonly maxSalesYears: number
  /**
   * Fields whose change is a major change (重大变动, R-ARC-6) to be recorded on the timeline;
   * **default** name, creditCode, legalRepresentative, address, registeredCapital, companyNature, status.
   */
  readonly majorChangeFields: readonly ArchiveFieldName[]
}

/**
 * The **default** archive record policy.
 *
 * @example
 * defaultCustomerArchivePolicy.majorChangeFields //=> ['name', 'creditCode', 'legalRepresentative', 'address', 'registeredCapital', 'companyNature', 'status']
 */
export const defaultCustomerArchivePolicy: CustomerArchivePolicy = Object.freeze({
  verifyOrganisationCode: true,
  maxSalesYears: 3,
  majorChangeFields: Object.freeze(['name', 'creditCode', 'legalRepresentative', 'address', 'registeredCapital', 'companyNature', 'status'] as const),
})

const KEYS = ['verifyOrganisationCode', 'maxSalesYears', 'majorChangeFields'] as const

/**
 * Creates a validated, frozen archive record policy from overrides deep-merged onto
 * {@link defaultCustomerArchivePolicy}. Unknown keys and unknown or repeated field names are refused.
 *
 * @param overrides - e.g. `{ majorChangeFields: ['name', 'creditCode'] }`
 * @param field - path used in errors, **default** `customerArchive`
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g. `customerArchive.majorChangeFields[1]`
 *
 * @example
 * createCustomerArchivePolicy({ maxSalesYears: 5 }).maxSalesYears //=> 5
 * createCustomerArchivePolicy({ majorChangeFields: ['nmae'] }) // throws, field 'customerArchive.majorChangeFields[0]'
 */
export function createCustomerArchivePolicy(overrides?: unknown, field = 'customerArchive'): CustomerArchivePolicy {
  if (overrides === undefined || overrides === defaultCustomerArchivePolicy) return defaultCustomerArchivePolicy
  const root = policyObject(overrides, field)
  rejectUnknownKeys(root, field, KEYS)
  const pick = (key: (typeof KEYS)[number]): unknown => (Object.hasOwn(root, key) ? root[key] : defaultCustomerArchivePolicy[key])
  const verifyOrganisationCode = policyBoolean(pick('verifyOrganisationCode'), `${field}.verifyOrganisationCode`)
  const maxSalesYears = policyInteger(pick('maxSalesYears'), `${field}.maxSalesYears`, { min: 1, max: 100 })
  const rawFields = pick('majorChangeFields')
  if (!Array.isArray(rawFields)) invalidPolicyField(`${field}.majorChangeFields`, 'must be a list of archive field names', '必须是档案字段名列表', rawFields)
  const majorChangeFields: ArchiveFieldName[] = []
  rawFields.forEach((name: unknown, index: number) => {
    const path = `${field}.majorChangeFields[${index}]`
    if (typeof name !== 'string' || !(ARCHIVE_FIELDS as readonly string[]).includes(name)) {
      invalidPolicyField(path, `must be an archive field name (${ARCHIVE_FIELDS.join(', ')})`, `必须是档案字段名（${ARCHIVE_FIELDS.join('、')}）`, name)
    }
    if (majorChangeFields.includes(name as ArchiveFieldName)) invalidPolicyField(path, 'is listed twice', '重复出现', name)
    majorChangeFields.push(name as ArchiveFieldName)
  })
  return Object.freeze({ verifyOrganisationCode, maxSalesYears, majorChangeFields: Object.freeze(majorChangeFields) })
}
