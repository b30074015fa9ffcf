import { describe, expect, it } from 'vitest'

import type { CustomerTier } from './tier.js'
import { isBigCustomer } from './bigCustomer.js'
import { createTieringPolicy } from './policy.js'
import { compareTiers, CUSTOMER_TIER_NAMES, isCustomerTier } from './tier.js'

describe('R-TIE-5 big customer', () => {
  it('is strategic or key by default', () => {
    expect(isBigCustomer('strategic')).toBe(true)
    expect(isBigCustomer('key')).toBe(true)
    expect(isBigCustomer('general')).toBe(false)
    expect(isBigCustomer('reserve')).toBe(false)
  })

  it('follows the policy (a whole tiering policy or just the list)', () => {
    expect(isBigCustomer('key', createTieringPolicy({ bigCustomerTiers: ['strategic'] }))).toBe(false)
    expect(isBigCustomer('general', { bigCustomerTiers: ['strategic', 'key', 'general'] })).toBe(true)
  })

  it('refuses an unknown tier and a bad policy', () => {
    expect(() => isBigCustomer('vip' as CustomerTier)).toThrow(expect.objectContaining({ code: 'TIERING.INVALID_FIGURES', field: 'tier' }))
    expect(() => isBigCustomer('key', { bigCustomerTiers: ['general'] })).toThrow(
      expect.objectContaining({ code: 'POLICY.INVALID_FIELD', field: 'policy.bigCustomerTiers' }),
    )
  })
})

describe('R-TIE-1 tiers', () => {
  it('are ordered strategic > key > general > reserve and named in Chinese', () => {
    expect(compareTiers('strategic', 'key')).toBe(1)
    expect(compareTiers('general', 'general')).toBe(0)
    expect(compareTiers('reserve', 'general')).toBe(-1)
    expect(CUSTOMER_TIER_NAMES.strategic.zh).toBe('战略合作伙伴客户')
    expect(isCustomerTier('reserve')).toBe(true)
    expect(isCustomerTier(3)).toBe(false)
  })
})
