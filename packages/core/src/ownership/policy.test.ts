import { describe, expect, it } from 'vitest'
import { thrown } from '../../test/thrown.js'
import { PolicyValidationError } from '../errors.js'
import { createOwnershipPolicy, defaultOwnershipPolicy } from './policy.js'

describe('ownership policy (R-OWN-2, R-OWN-3, R-OWN-4, R-OWN-6 defaults)', () => {
  it('R-OWN-2/3/4/6 has the documented defaults', () => {
    for (const tier of ['strategic', 'key', 'general', 'reserve'] as const) {
      expect(defaultOwnershipPolicy.contactDeadline[tier]).toEqual({ days: 7, unit: 'calendarDays' })
    }
    expect(defaultOwnershipPolicy.maxOwnedPerPerson).toBeNull()
    expect(defaultOwnershipPolicy.maxClaimsPerDay).toBeNull()
    expect(defaultOwnershipPolicy.formerOwnerLockDays).toBe(0)
    expect(defaultOwnershipPolicy.warnDaysBeforeReclaim).toBe(1)
    expect(defaultOwnershipPolicy.importantTiers).toEqual(['strategic', 'key'])
    expect(defaultOwnershipPolicy.minContactsForImportant).toBe(2)
    expect(defaultOwnershipPolicy.defaultCapacityWeight).toBe('1')
    expect(defaultOwnershipPolicy.capacityWeights).toEqual({})
    expect(defaultOwnershipPolicy.managerRoles).toEqual(['manager', 'director'])
    expect(createOwnershipPolicy()).toEqual(defaultOwnershipPolicy)
    expect(JSON.parse(JSON.stringify(defaultOwnershipPolicy))).toEqual(defaultOwnershipPolicy)
  })

  it('R-OWN-2 merges a tier deadline field by field and keeps the other tiers', () => {
    const policy = createOwnershipPolicy({ contactDeadline: { key: { unit: 'workingDays' }, strategic: { days: 3 } }, maxClaimsPerDay: 3, capacityWeights: { li: 1.5 } })
    expect(policy.contactDeadline.key).toEqual({ days: 7, unit: 'workingDays' })
    expect(policy.contactDeadline.strategic).toEqual({ days: 3, unit: 'calendarDays' })
    expect(policy.contactDeadline.general).toEqual({ days: 7, unit: 'calendarDays' })
    expect(policy.maxClaimsPerDay).toBe(3)
    expect(policy.capacityWeights).toEqual({ li: '1.5' })
    expect(Object.isFrozen(policy)).toBe(true)
    expect(Object.isFrozen(policy.contactDeadline.key)).toBe(true)
    expect(createOwnershipPolicy({ maxOwnedPerPerson: 30 }).maxOwnedPerPerson).toBe(30)
    expect(createOwnershipPolicy({ maxOwnedPerPerson: null }).maxOwnedPerPerson).toBeNull()
  })

  it.each([
    [{ maxOwnedPerPerson: 0 }, 'ownership.maxOwnedPerPerson'],
    [{ maxClaimsPerDay: 1.5 }, 'ownership.maxClaimsPerDay'],
    [{ formerOwnerLockDays: -1 }, 'ownership.formerOwnerLockDays'],
    [{ warnDaysBeforeReclaim: 'one' }, 'ownership.warnDaysBeforeReclaim'],
    [{ contactDeadline: { key: { days: 0 } } }, 'ownership.contactDeadline.key.days'],
    [{ contactDeadline: { key: { unit: 'hours' } } }, 'ownership.contactDeadline.key.unit'],
    [{ contactDeadline: { vip: { days: 3 } } }, 'ownership.contactDeadline.vip'],
    [{ contactDeadline: { key: { days: 3, within: true } } }, 'ownership.contactDeadline.key.within'],
    [{ contactDeadline: 7 }, 'ownership.contactDeadline'],
    [{ importantTiers: ['key', 'vip'] }, 'ownership.importantTiers[1]'],
    [{ importantTiers: ['key', 'key'] }, 'ownership.importantTiers'],
    [{ minContactsForImportant: 0 }, 'ownership.minContactsForImportant'],
    [{ defaultCapacityWeight: 0 }, 'ownership.defaultCapacityWeight'],
    [{ capacityWeights: { li: '-1' } }, 'ownership.capacityWeights.li'],
    [{ capacityWeights: { ' ': 1 } }, 'ownership.capacityWeights'],
    [{ managerRoles: [] }, 'ownership.managerRoles'],
    [{ managerRoles: ['boss'] }, 'ownership.managerRoles[0]'],
    [{ maxOwnedPerPeople: 3 }, 'ownership.maxOwnedPerPeople'],
  ])('refuses %j naming %s', (overrides, field) => {
    const error = thrown(() => createOwnershipPolicy(overrides), PolicyValidationError)
    expect(error.code).toBe('POLICY.INVALID_FIELD')
    expect(error.field).toBe(field)
  })

  it('refuses a policy that is not an object', () => {
    expect(thrown(() => createOwnershipPolicy([]), PolicyValidationError).field).toBe('ownership')
  })
})
