import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tierArb } from '../../test/arbitraries/ownershipArb.js'
import { thrown } from '../../test/thrown.js'
import { contactCoverage } from './contactCoverage.js'
import { OwnershipInputError } from './errors.js'
import { createOwnershipPolicy } from './policy.js'

describe('R-OWN-4 important customers have at least two staff in contact', () => {
  it('R-OWN-4 worked examples', () => {
    expect(contactCoverage({ tier: 'key', contacts: ['wang'] })).toEqual({ important: true, because: 'tier', ok: false, required: 2, distinctContacts: 1, missing: 1 })
    expect(contactCoverage({ tier: 'strategic', contacts: [] })).toEqual({ important: true, because: 'tier', ok: false, required: 2, distinctContacts: 0, missing: 2 })
    expect(contactCoverage({ tier: 'general', flaggedImportant: true, contacts: ['wang', 'li', 'wang'] })).toEqual({
      important: true,
      because: 'flagged',
      ok: true,
      required: 2,
      distinctContacts: 2,
      missing: 0,
    })
    expect(contactCoverage({ tier: 'general', contacts: [] })).toEqual({ important: false, ok: true, distinctContacts: 0 })
    expect(contactCoverage({ tier: 'reserve', flaggedImportant: false, contacts: ['a'] }).ok).toBe(true)
  })

  it('R-OWN-4 policy: three contacts for strategic partners only', () => {
    const policy = createOwnershipPolicy({ importantTiers: ['strategic'], minContactsForImportant: 3 })
    expect(contactCoverage({ tier: 'key', contacts: [] }, policy).important).toBe(false)
    expect(contactCoverage({ tier: 'strategic', contacts: ['a', 'b'] }, policy)).toMatchObject({ ok: false, missing: 1, required: 3 })
  })

  it('R-OWN-4 property: adding a contact never increases what is missing; non-important customers are always ok', () => {
    fc.assert(
      fc.property(tierArb, fc.boolean(), fc.array(fc.constantFrom('a', 'b', 'c', 'd')), fc.constantFrom('a', 'b', 'e'), (tier, flagged, contacts, extra) => {
        const before = contactCoverage({ tier, flaggedImportant: flagged, contacts })
        const after = contactCoverage({ tier, flaggedImportant: flagged, contacts: [...contacts, extra] })
        if (!before.important) expect(before.ok).toBe(true)
        if (before.important && after.important) {
          expect(after.missing).toBeLessThanOrEqual(before.missing)
          expect(after.ok).toBe(after.missing === 0)
        }
        if (before.ok) expect(after.ok).toBe(true)
      }),
    )
  })

  it.each([
    [{ tier: 'vip', contacts: [] }, 'customer.tier'],
    [{ tier: 'key', contacts: 'wang' }, 'customer.contacts'],
    [{ tier: 'key', contacts: ['wang', ''] }, 'customer.contacts[1]'],
    [{ tier: 'key', flaggedImportant: 'yes', contacts: [] }, 'customer.flaggedImportant'],
    [null, 'customer'],
  ])('refuses %j naming %s', (customer, field) => {
    const error = thrown(() => contactCoverage(customer as never), OwnershipInputError)
    expect([error.code, error.field]).toEqual(['OWNERSHIP.INVALID_CUSTOMER', field])
  })
})
