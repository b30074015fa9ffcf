/**
 * The four customer tiers (客户层级, R-TIE-1) and their order.
 * @module
 */

/**
 * All tiers, highest first: 战略合作伙伴 strategic partner, 重点 key, 一般 general, 储备 reserve.
 *
 * @example
 * CUSTOMER_TIERS //=> ['strategic', 'key', 'general', 'reserve']
 */
export const CUSTOMER_TIERS = ['strategic', 'key', 'general', 'reserve'] as const

/** A customer tier (客户层级, R-TIE-1). */
export type CustomerTier = (typeof CUSTOMER_TIERS)[number]

/**
 * A tier the classification formula may assign (R-TIE-4): every tier except `strategic`,
 * which needs a general-manager office approval ({@link applyStrategicApproval}).
 */
export type FormulaTier = Exclude<CustomerTier, 'strategic'>

/**
 * Chinese and English names of each tier.
 *
 * @example
 * CUSTOMER_TIER_NAMES.key.zh //=> '重点客户'
 */
export const CUSTOMER_TIER_NAMES: Readonly<Record<CustomerTier, { readonly zh: string; readonly en: string }>> = Object.freeze({
  strategic: Object.freeze({ zh: '战略合作伙伴客户', en: 'strategic partner' }),
  key: Object.freeze({ zh: '重点客户', en: 'key customer' }),
  general: Object.freeze({ zh: '一般客户', en: 'general customer' }),
  reserve: Object.freeze({ zh: '储备客户', en: 'reserve customer' }),
})

/**
 * True when `value` is one of the four tier names.
 *
 * @example
 * isCustomerTier('key') //=> true
 * isCustomerTier('vip') //=> false
 */
export function isCustomerTier(value: unknown): value is CustomerTier {
  return typeof value === 'string' && (CUSTOMER_TIERS as readonly string[]).includes(value)
}

/**
 * Compares two tiers by rank (层级高低): 1 when `a` is higher than `b`, -1 when lower, 0 when equal.
 *
 * @example
 * compareTiers('key', 'general') //=> 1
 * compareTiers('reserve', 'strategic') //=> -1
 */
export function compareTiers(a: CustomerTier, b: CustomerTier): -1 | 0 | 1 {
  const rankA = CUSTOMER_TIERS.indexOf(a)
  const rankB = CUSTOMER_TIERS.indexOf(b)
  return rankA === rankB ? 0 : rankA < rankB ? 1 : -1
}
