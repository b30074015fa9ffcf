import DecimalJs from 'decimal.js'

import { Decimal } from '../money/decimal.js'
import { Money } from '../money/money.js'
import { type ArchiveCompletenessPolicy, createArchiveCompletenessPolicy, defaultArchiveCompletenessPolicy } from './completenessPolicy.js'
import { ArchiveErrorCode, InvalidArchiveInputError } from './errors.js'
import { ARCHIVE_FIELDS, ARCHIVE_FIELD_LABELS_ZH, type ArchiveFieldName, type CustomerArchiveDraft } from './fields.js'
import { describeValue } from './verdict.js'

/** A field that is still empty and counts towards the score (待补充字段). */
export interface MissingArchiveField {
  readonly field: ArchiveFieldName
  /** Chinese label, e.g. 统一社会信用代码. */
  readonly labelZh: string
  /** Its weight: what filling it adds to the filled weight. */
  readonly weight: Decimal
}

/** The completeness of one customer archive (客户档案完整率, R-ARC-3). */
export interface ArchiveCompleteness {
  readonly ruleId: 'R-ARC-3'
  /**
   * filledWeight ÷ totalWeight, in [0, 1]. Exact whenever the ratio has a finite decimal
   * expansion; otherwise to 40 significant digits (the exact ratio is `filledWeight / totalWeight`).
   */
  readonly score: Decimal
  /** The score as a percentage rounded half-up to 2 decimals, e.g. `'28.57%'`. */
  readonly percent: string
  /** Sum of the weights of the filled fields. */
  readonly filledWeight: Decimal
  /** Sum of all weights (> 0 for a valid policy). */
  readonly totalWeight: Decimal
  /** Filled fields with a positive weight, in archive order. */
  readonly filledFields: readonly ArchiveFieldName[]
  /** Empty fields with a positive weight, heaviest first (then archive order): what to fill next. */
  readonly missingFields: readonly MissingArchiveField[]
}

/**
 * Whether one archive value counts as filled (已填写) for R-ARC-3:
 * - `undefined` / `null`: no;
 * - a string: when it is not blank after trimming (full-width spaces are whitespace too);
 * - an array: when at least one element is filled (so `['']` is empty);
 * - a finite number, a bigint, a boolean, a {@link Money}, a finite decimal.js value: yes;
 *   NaN / ±Infinity are refused (they are never a value);
 * - a plain object (a competitor, a year's sales): when at least one of its values is filled;
 * - any other object (a Date…): yes.
 *
 * @param field - path used in the error
 * @throws {@link InvalidArchiveInputError} `ARCHIVE.NON_FINITE_NUMBER` for NaN or ±Infinity
 *
 * @example
 * isArchiveValueFilled('  ') //=> false
 * isArchiveValueFilled(['', '张总']) //=> true
 * isArchiveValueFilled(0) //=> true
 */
export function isArchiveValueFilled(value: unknown, field = 'value'): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw nonFinite(value, field)
    return true
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') return true
  // Every element is visited (no short-circuit), so that a NaN anywhere is refused.
  if (Array.isArray(value)) return value.map((item, i) => isArchiveValueFilled(item, `${field}[${i}]`)).includes(true)
  if (value instanceof Money) return true
  if (DecimalJs.isDecimal(value)) {
    if (!value.isFinite()) throw nonFinite(value, field)
    return true
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value)
      .map(([key, item]) => isArchiveValueFilled(item, `${field}.${key}`))
      .includes(true)
  }
  return true
}

function nonFinite(value: unknown, field: string): InvalidArchiveInputError {
  return new InvalidArchiveInputError({
    code: ArchiveErrorCode.NON_FINITE_NUMBER,
    field,
    ruleId: 'R-ARC-3',
    messageEn: `${field} is ${String(value)}, which is never a valid value`,
    messageZh: `${field} 的值为 ${String(value)}，不是有效数值`,
    details: { value: String(value) },
  })
}

/**
 * R-ARC-3 Archive completeness (客户档案完整率): the weighted share of filled fields,
 * `Σ weight(filled fields) ÷ Σ weight(all fields)`, with the fields still missing, heaviest
 * first. Properties not in {@link ARCHIVE_FIELDS} (an id, contacts…) are ignored. The score is
 * in [0, 1], all-filled gives 1, empty gives 0, and filling a field never lowers it.
 *
 * @param record - the archive record (any object; see {@link isArchiveValueFilled} for "filled")
 * @param policy - the weights, **default** {@link defaultArchiveCompletenessPolicy}
 *   (validated again here, so a hand-written policy is checked too)
 * @throws {@link InvalidArchiveInputError} `ARCHIVE.NOT_A_RECORD` (field `record`) when the record is
 *   not an object, `ARCHIVE.NON_FINITE_NUMBER` (field `record.<field>`) for NaN / ±Infinity
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` for a bad policy
 *
 * @example
 * const result = archiveCompleteness({ name: '华东精密机械有限公司', phone: '021-12345678', address: '上海市浦东新区', postalCode: '200120', email: 'info@example.cn' })
 * result.filledWeight.toString() //=> '8'
 * result.totalWeight.toString() //=> '28'
 * result.percent //=> '28.57%'
 * result.missingFields[0]?.field //=> 'creditCode'
 */
export function archiveCompleteness(record: CustomerArchiveDraft, policy: ArchiveCompletenessPolicy = defaultArchiveCompletenessPolicy): ArchiveCompleteness {
  const checked = policy === defaultArchiveCompletenessPolicy ? policy : createArchiveCompletenessPolicy(policy)
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new InvalidArchiveInputError({
      code: ArchiveErrorCode.NOT_A_RECORD,
      field: 'record',
      ruleId: 'R-ARC-3',
      messageEn: `record must be an archive record object, got ${describeValue(record)}`,
      messageZh: `record 必须是客户档案对象，实际为 ${describeValue(record)}`,
      details: { value: describeValue(record) },
    })
  }
  const values = record as Readonly<Record<string, unknown>>
  let filledWeight = new Decimal(0)
  let totalWeight = new Decimal(0)
  const filledFields: ArchiveFieldName[] = []
  const missingFields: MissingArchiveField[] = []
  for (const field of ARCHIVE_FIELDS) {
    const weight = new Decimal(checked.weights[field])
    const filled = isArchiveValueFilled(values[field], `record.${field}`)
    if (weight.isZero()) continue
    totalWeight = totalWeight.plus(weight)
    if (filled) {
      filledWeight = filledWeight.plus(weight)
      filledFields.push(field)
    } else missingFields.push({ field, labelZh: ARCHIVE_FIELD_LABELS_ZH[field], weight })
  }
  // Stable sort: equal weights keep archive order.
  missingFields.sort((a, b) => b.weight.comparedTo(a.weight))
  const score = filledWeight.dividedBy(totalWeight)
  const percent = `${score.times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%`
  return { ruleId: 'R-ARC-3', score, percent, filledWeight, totalWeight, filledFields, missingFields }
}
