import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { PolicyValidationError } from '../errors.js'
import { defaultEntertainmentChain, defaultPhoneAllowanceChain, defaultTripChain } from './chains.js'
import { createExpensePolicy, defaultExpensePolicy } from './policy.js'

describe('expense policy (R-EXP-2..6 defaults)', () => {
  it('has the documented defaults', () => {
    expect(defaultExpensePolicy).toEqual({
      claimWithinWorkingDays: 3,
      fareStandards: { 'rail.highSpeedSecondClass': '1000.00', 'rail.hardSleeper': '600.00', 'rail.hardSeat': '400.00', 'plane.economy': '2500.00', coach: '300.00' },
      taxisAllowed: false,
      publicLocalTransportModes: ['bus', 'minibus', 'rail'],
      phoneAllowancePerMonth: '200.00',
      sundryCategories: ['postage', 'copying', 'fax'],
      consecutiveNumberKinds: ['fare', 'localTransport'],
    })
    expect(createExpensePolicy()).toEqual(defaultExpensePolicy)
    expect(Object.isFrozen(createExpensePolicy())).toBe(true)
    expect(JSON.parse(JSON.stringify(defaultExpensePolicy))).toEqual(defaultExpensePolicy)
  })

  it('merges overrides, normalises amounts and replaces the fare table whole', () => {
    const policy = createExpensePolicy({ fareStandards: { 'ship.secondClass': '180.5' }, phoneAllowancePerMonth: 300, taxisAllowed: true })
    expect(policy.fareStandards).toEqual({ 'ship.secondClass': '180.50' })
    expect(policy.phoneAllowancePerMonth).toBe('300.00')
    expect(policy.taxisAllowed).toBe(true)
    expect(policy.claimWithinWorkingDays).toBe(3)
  })

  it.each([
    [{ claimWithinWorkingDays: -1 }, 'expenses.claimWithinWorkingDays'],
    [{ claimWithinWorkingDays: 2.5 }, 'expenses.claimWithinWorkingDays'],
    [{ fareStandards: { coach: '-1' } }, 'expenses.fareStandards.coach'],
    [{ fareStandards: { coach: '1.001' } }, 'expenses.fareStandards.coach'],
    [{ fareStandards: [] }, 'expenses.fareStandards'],
    [{ taxisAllowed: 'no' }, 'expenses.taxisAllowed'],
    [{ publicLocalTransportModes: ['bus', 'taxi'] }, 'expenses.publicLocalTransportModes[1]'],
    [{ publicLocalTransportModes: ['bus', 'bus'] }, 'expenses.publicLocalTransportModes'],
    [{ phoneAllowancePerMonth: 'lots' }, 'expenses.phoneAllowancePerMonth'],
    [{ sundryCategories: ['postage', ''] }, 'expenses.sundryCategories[1]'],
    [{ consecutiveNumberKinds: ['train'] }, 'expenses.consecutiveNumberKinds[0]'],
    [{ taxiAllowed: true }, 'expenses.taxiAllowed'],
  ])('refuses %j naming %s', (overrides, field) => {
    const error = thrown(() => createExpensePolicy(overrides), PolicyValidationError)
    expect(error.code).toBe('POLICY.INVALID_FIELD')
    expect(error.field).toBe(field)
  })

  it('ships the approval chains as data: department manager (role manager)', () => {
    for (const [chain, ruleId] of [
      [defaultTripChain, 'R-EXP-1'],
      [defaultEntertainmentChain, 'R-EXP-5'],
      [defaultPhoneAllowanceChain, 'R-EXP-6'],
    ] as const) {
      expect(chain.ruleId).toBe(ruleId)
      expect(chain.steps).toHaveLength(1)
      expect(chain.steps[0]?.approvers).toEqual([{ kind: 'role', role: 'manager' }])
      expect(Object.isFrozen(chain.steps[0])).toBe(true)
      expect(JSON.parse(JSON.stringify(chain))).toEqual(chain)
    }
  })
})
