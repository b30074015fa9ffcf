import { Money } from '../money/money.js'
import {
  invalidPolicyField,
  policyBoolean,
  policyDecimal,
  policyEnum,
  policyObject,
  rejectUnknownKeys,
} from '../policy/validate.js'
import { CUSTOMER_SCALES, type CustomerScale } from './figures.js'
import { CUSTOMER_TIERS, type CustomerTier } from './tier.js'

/**
 * Which tiers count as 大客户 "big customer" (R-TIE-5). The KPI functions take this (or a whole
 * {@link TieringPolicy}, which includes it).
 */
export interface BigCustomerPolicy {
  /** **default** `['strategic', 'key']`; must be non-empty and closed upwards (if a tier is big, every higher tier is). */
  readonly bigCustomerTiers: readonly CustomerTier[]
}

/**
 * The tiering policy (客户分级政策, R-TIE-1..5). Plain, JSON-serialisable data; amounts are yuan
 * strings with two decimals. Create one with {@link createTieringPolicy}.
 */
export interface TieringPolicy extends BigCustomerPolicy {
  /** R-TIE-3 annual volume at or above which a customer is key (重点); **default** `'1000000.00'`. Must be > 0. */
  readonly keyMinAnnualVolume: string
  /** R-TIE-4 annual volume at or above which strategic partner is proposed; **default** `'5000000.00'`. Must be ≥ the key threshold. */
  readonly strategicProposalMinAnnualVolume: string
  /** R-TIE-1 small private companies (小型民营公司) and sole traders (个体经营者) are at most general; **default** `true`. */
  readonly capSmallPrivateAtGeneral: boolean
  /** R-TIE-1 tier of a customer with zero annual volume but past business; **default** `'general'` (储备 means "no business yet"). */
  readonly zeroVolumeWithHistory: 'general' | 'reserve'
  /** R-TIE-2 scales that count as 规模较大 for grade A; **default** `['large']`; non-empty and closed upwards. */
  readonly gradeAScales: readonly CustomerScale[]
  /** R-TIE-4 whether the general-manager office may only approve a classification that proposed strategic; **default** `true`. */
  readonly approvalRequiresProposal: boolean
}

const KNOWN_KEYS = [
  'keyMinAnnualVolume',
  'strategicProposalMinAnnualVolume',
  'capSmallPrivateAtGeneral',
  'zeroVolumeWithHistory',
  'gradeAScales',
  'bigCustomerTiers',
  'approvalRequiresProposal',
] as const

/**
 * The regulations' tiering numbers (R-TIE-1..5): key ≥ ¥1,000,000, strategic proposed at ≥
 * ¥5,000,000, general > 0, reserve = no business; big customers are strategic and key.
 *
 * @example
 * defaultTieringPolicy.keyMinAnnualVolume //=> '1000000.00'
 * defaultTieringPolicy.bigCustomerTiers //=> ['strategic', 'key']
 */
export const defaultTieringPolicy: TieringPolicy = Object.freeze({
  keyMinAnnualVolume: '1000000.00',
  strategicProposalMinAnnualVolume: '5000000.00',
  capSmallPrivateAtGeneral: true,
  zeroVolumeWithHistory: 'general',
  gradeAScales: Object.freeze(['large'] as CustomerScale[]),
  bigCustomerTiers: Object.freeze(['strategic', 'key'] as CustomerTier[]),
  approvalRequiresProposal: true,
})

/**
 * Creates a validated, frozen tiering policy: `overrides` are merged onto
 * {@link defaultTieringPolicy} (arrays replace, they are not merged), every field is validated,
 * and unknown fields are refused.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g.
 *   `tiering.strategicProposalMinAnnualVolume` when it is below the key threshold
 *
 * @example
 * createTieringPolicy({ keyMinAnnualVolume: '2000000' }).keyMinAnnualVolume //=> '2000000.00'
 * createTieringPolicy({ keyMinAnnualVolume: '9000000' }) // throws: strategic threshold below key threshold
 */
export function createTieringPolicy(overrides: unknown = {}, field = 'tiering'): TieringPolicy {
  const given = policyObject(overrides, field)
  rejectUnknownKeys(given, field, KNOWN_KEYS)
  const merged: Record<string, unknown> = { ...defaultTieringPolicy, ...given }
  const key = policyMoney(merged['keyMinAnnualVolume'], `${field}.keyMinAnnualVolume`)
  if (!key.isPositive()) {
    invalidPolicyField(`${field}.keyMinAnnualVolume`, 'must be above zero (general means volume > 0)', '必须大于零（一般客户为业务量大于零）', merged['keyMinAnnualVolume'])
  }
  const strategic = policyMoney(merged['strategicProposalMinAnnualVolume'], `${field}.strategicProposalMinAnnualVolume`)
  if (strategic.compare(key) < 0) {
    invalidPolicyField(
      `${field}.strategicProposalMinAnnualVolume`,
      `must be ≥ keyMinAnnualVolume (${key.toString()})`,
      `必须不小于重点客户门槛 keyMinAnnualVolume（${key.toString()}）`,
      merged['strategicProposalMinAnnualVolume'],
    )
  }
  return Object.freeze({
    keyMinAnnualVolume: key.toString(),
    strategicProposalMinAnnualVolume: strategic.toString(),
    capSmallPrivateAtGeneral: policyBoolean(merged['capSmallPrivateAtGeneral'], `${field}.capSmallPrivateAtGeneral`),
    zeroVolumeWithHistory: policyEnum(merged['zeroVolumeWithHistory'], `${field}.zeroVolumeWithHistory`, ['general', 'reserve']),
    gradeAScales: upwardClosedList(merged['gradeAScales'], `${field}.gradeAScales`, CUSTOMER_SCALES),
    bigCustomerTiers: upwardClosedList(merged['bigCustomerTiers'], `${field}.bigCustomerTiers`, CUSTOMER_TIERS),
    approvalRequiresProposal: policyBoolean(merged['approvalRequiresProposal'], `${field}.approvalRequiresProposal`),
  })
}

/**
 * Reads a {@link BigCustomerPolicy} (R-TIE-5); a whole {@link TieringPolicy} is accepted and only
 * its `bigCustomerTiers` is read.
 * @internal
 */
export function readBigCustomerTiers(policy: BigCustomerPolicy, field = 'policy'): readonly CustomerTier[] {
  const record = policyObject(policy, field)
  return upwardClosedList(record['bigCustomerTiers'], `${field}.bigCustomerTiers`, CUSTOMER_TIERS)
}

function policyMoney(value: unknown, field: string): Money {
  const yuan = policyDecimal(value, field, { min: 0 })
  if (yuan.decimalPlaces() > 2) invalidPolicyField(field, 'must be whole fen (at most 2 decimals)', '精度不能超过分（最多两位小数）', value)
  return Money.fromFen(BigInt(yuan.times(100).toFixed(0)))
}

/** A non-empty list without duplicates that, in the given highest-first order, has no gaps from the top. */
function upwardClosedList<const T extends string>(value: unknown, field: string, ordered: readonly T[]): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) {
    invalidPolicyField(field, `must be a non-empty list of ${ordered.join(', ')}`, `必须是非空列表（${ordered.join('、')}）`, value)
  }
  const items = value.map((item, index) => policyEnum(item, `${field}[${index}]`, ordered))
  if (new Set(items).size !== items.length) invalidPolicyField(field, 'must not repeat an entry', '不能有重复项', value)
  const lowest = Math.max(...items.map((item) => ordered.indexOf(item)))
  const expected = ordered.slice(0, lowest + 1)
  if (expected.length !== items.length) {
    invalidPolicyField(
      field,
      `must include every entry above its lowest one (expected ${expected.join(', ')})`,
      `必须包含其最低项之上的全部项（应为 ${expected.join('、')}）`,
      value,
    )
  }
  return Object.freeze(expected)
}
