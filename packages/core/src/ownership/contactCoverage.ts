import { type CustomerTier, isCustomerTier } from '../tiering/tier.js'
import { OwnershipErrorCode } from './errors.js'
import { defaultOwnershipPolicy, type OwnershipPolicy, readOwnershipPolicy } from './policy.js'
import { invalid, readArray, readId, readRecord } from './read.js'

/** What R-OWN-4 needs to know about a customer. */
export interface CoverageCustomer {
  readonly tier: CustomerTier
  /** Flagged important by hand (人工标记为重要), whatever its tier. */
  readonly flaggedImportant?: boolean
  /** Ids of the staff in contact with it (对接人员); repeats count once. */
  readonly contacts: readonly string[]
}

/** The verdict of {@link contactCoverage}. */
export type ContactCoverage =
  | { readonly important: false; readonly ok: true; readonly distinctContacts: number }
  | {
      readonly important: true
      /** Why it is important: its tier is in `policy.importantTiers`, or it is flagged. */
      readonly because: 'tier' | 'flagged'
      readonly ok: boolean
      readonly required: number
      readonly distinctContacts: number
      /** Staff still to add (还差几人); 0 when ok. */
      readonly missing: number
    }

/**
 * Whether an important customer has enough staff in contact with it (重要客户至少两人对接,
 * R-OWN-4). Important means tier in `policy.importantTiers` (**default** strategic and key, "key or
 * above") or `flaggedImportant`; it needs at least `policy.minContactsForImportant` (**default** 2)
 * distinct staff. Other customers are always ok. The caller passes the staff currently active.
 *
 * @throws {@link OwnershipInputError} `OWNERSHIP.INVALID_CUSTOMER` naming the field (`customer.contacts[1]`)
 *
 * @example
 * contactCoverage({ tier: 'key', contacts: ['wang'] })
 * //=> { important: true, because: 'tier', ok: false, required: 2, distinctContacts: 1, missing: 1 }
 * contactCoverage({ tier: 'general', flaggedImportant: true, contacts: ['wang', 'li', 'wang'] })
 * //=> { important: true, because: 'flagged', ok: true, required: 2, distinctContacts: 2, missing: 0 }
 * contactCoverage({ tier: 'general', contacts: [] })
 * //=> { important: false, ok: true, distinctContacts: 0 }
 */
export function contactCoverage(customer: CoverageCustomer, policy: OwnershipPolicy = defaultOwnershipPolicy): ContactCoverage {
  const checkedPolicy = readOwnershipPolicy(policy)
  const code = OwnershipErrorCode.INVALID_CUSTOMER
  const record = readRecord(customer, 'customer', code)
  const tier = record['tier']
  if (!isCustomerTier(tier)) invalid(code, 'customer.tier', 'must be one of strategic, key, general, reserve', '必须是 strategic、key、general、reserve 之一', tier, 'R-OWN-4')
  const flagged = record['flaggedImportant']
  if (flagged !== undefined && typeof flagged !== 'boolean') invalid(code, 'customer.flaggedImportant', 'must be true or false when given', '如提供则必须是 true 或 false', flagged, 'R-OWN-4')
  const contacts = readArray(record['contacts'], 'customer.contacts', code).map((id, index) => readId(id, `customer.contacts[${index}]`, code))
  const distinctContacts = new Set(contacts).size
  const byTier = checkedPolicy.importantTiers.includes(tier)
  if (!byTier && flagged !== true) return { important: false, ok: true, distinctContacts }
  const required = checkedPolicy.minContactsForImportant // R-OWN-4
  const missing = Math.max(0, required - distinctContacts)
  return { important: true, because: byTier ? 'tier' : 'flagged', ok: missing === 0, required, distinctContacts, missing }
}
