import { invalidPolicyField, policyDecimal, policyObject, rejectUnknownKeys } from '../policy/validate.js'
import { ARCHIVE_FIELDS, ARCHIVE_IDENTITY_FIELDS, type ArchiveFieldName } from './fields.js'

/**
 * Policy of the archive completeness score (客户档案完整率参数, R-ARC-3): the weight of each
 * archive field, as a decimal string (JSON-serialisable and exact). A weight of 0 leaves the
 * field out of the score.
 */
export interface ArchiveCompletenessPolicy {
  readonly weights: Readonly<Record<ArchiveFieldName, string>>
}

const IDENTITY: readonly string[] = ARCHIVE_IDENTITY_FIELDS

/**
 * **default** weights (R-ARC-3): the identity fields name, creditCode, legalRepresentative,
 * address and phone weigh 2, the 18 other fields of R-ARC-1 weigh 1 (total 28).
 *
 * @example
 * defaultArchiveCompletenessPolicy.weights.creditCode //=> '2'
 * defaultArchiveCompletenessPolicy.weights.fax //=> '1'
 */
export const defaultArchiveCompletenessPolicy: ArchiveCompletenessPolicy = Object.freeze({
  weights: Object.freeze(Object.fromEntries(ARCHIVE_FIELDS.map((field) => [field, IDENTITY.includes(field) ? '2' : '1'])) as Record<ArchiveFieldName, string>),
})

/**
 * Creates a validated, frozen completeness policy (R-ARC-3) from overrides deep-merged onto
 * {@link defaultArchiveCompletenessPolicy}. Each weight is a decimal ≥ 0 (number or decimal
 * string); at least one must be positive; unknown keys and unknown field names are refused.
 *
 * @param overrides - e.g. `{ weights: { fax: 0, email: '1.5' } }`
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g.
 *   `archiveCompleteness.weights.fax` (negative), `archiveCompleteness.weights.faxx` (unknown), `archiveCompleteness.weights` (all zero)
 *
 * @example
 * createArchiveCompletenessPolicy({ weights: { fax: 0 } }).weights.fax //=> '0'
 * createArchiveCompletenessPolicy({ weights: { fax: -1 } }) // throws, field 'archiveCompleteness.weights.fax'
 */
export function createArchiveCompletenessPolicy(overrides?: unknown): ArchiveCompletenessPolicy {
  if (overrides === undefined) return defaultArchiveCompletenessPolicy
  const root = policyObject(overrides, 'archiveCompleteness')
  rejectUnknownKeys(root, 'archiveCompleteness', ['weights'])
  const given = root['weights'] === undefined ? {} : policyObject(root['weights'], 'archiveCompleteness.weights')
  rejectUnknownKeys(given, 'archiveCompleteness.weights', ARCHIVE_FIELDS)
  const weights = {} as Record<ArchiveFieldName, string>
  let anyPositive = false
  for (const field of ARCHIVE_FIELDS) {
    const raw = Object.hasOwn(given, field) ? given[field] : defaultArchiveCompletenessPolicy.weights[field]
    const weight = policyDecimal(raw, `archiveCompleteness.weights.${field}`, { min: 0 })
    if (weight.isPositive() && !weight.isZero()) anyPositive = true
    weights[field] = weight.toString()
  }
  if (!anyPositive) {
    invalidPolicyField('archiveCompleteness.weights', 'must give at least one field a positive weight', '至少要有一个字段的权重大于 0', given)
  }
  return Object.freeze({ weights: Object.freeze(weights) })
}
