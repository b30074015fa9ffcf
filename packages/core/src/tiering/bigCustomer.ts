import { defaultTieringPolicy, type BigCustomerPolicy, readBigCustomerTiers } from './policy.js'
import { TieringErrorCode, TieringInputError } from './errors.js'
import { type CustomerTier, isCustomerTier } from './tier.js'

/**
 * Whether a tier counts as 大客户 "big customer" for the KPIs (R-TIE-5): by **default**
 * strategic partner or key.
 *
 * @param tier - the customer's tier
 * @param policy - which tiers are big; a whole {@link TieringPolicy} may be passed
 * @throws {@link TieringInputError} `TIERING.INVALID_FIGURES` when `tier` is not a tier; `POLICY.INVALID_FIELD` for a bad policy
 *
 * @example
 * isBigCustomer('strategic') //=> true
 * isBigCustomer('key') //=> true
 * isBigCustomer('general') //=> false
 * isBigCustomer('general', { bigCustomerTiers: ['strategic', 'key', 'general'] }) //=> true
 */
export function isBigCustomer(tier: CustomerTier, policy: BigCustomerPolicy = defaultTieringPolicy): boolean {
  if (!isCustomerTier(tier)) {
    throw new TieringInputError({
      code: TieringErrorCode.INVALID_FIGURES,
      field: 'tier',
      ruleId: 'R-TIE-5',
      messageEn: `tier must be one of strategic, key, general, reserve, got ${JSON.stringify(String(tier))}`,
      messageZh: `tier（客户层级）必须是 strategic、key、general、reserve 之一，实际为 ${JSON.stringify(String(tier))}`,
      details: { value: String(tier) },
    })
  }
  const tiers = policy === defaultTieringPolicy ? policy.bigCustomerTiers : readBigCustomerTiers(policy)
  return tiers.includes(tier)
}
