import { describe, expect, it } from 'vitest'

import { PolicyValidationError } from '../errors.js'
import { createCommissionPolicy, defaultCommissionPolicy } from './policy.js'

function policyError(overrides: unknown): PolicyValidationError {
  try {
    createCommissionPolicy(overrides)
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError)
    return error as PolicyValidationError
  }
  throw new Error('expected a PolicyValidationError')
}

describe('commission policy defaults (R-COM-1..5)', () => {
  it('holds the regulations numbers', () => {
    expect(defaultCommissionPolicy).toEqual({
      fixedRateRange: { min: '0.05', max: '0.1' },
      leadRateRange: { min: '0.2', max: '0.25' },
      assistantRateRange: { min: '0.01', max: '0.05' },
      medicalStrategyRate: '0.05',
      executionMultiplierRange: { min: '2', max: '3' },
      executionBonusRequiresMarginGate: true,
      marginGate: '0.3',
      overProfitBonus: { threshold: '0.4', step: '0.05', share: '0.2', mode: 'stepwise' },
      riskRate: '0.1',
      rounding: 'halfUp',
    })
  })

  it('is frozen and JSON round-trips', () => {
    expect(Object.isFrozen(defaultCommissionPolicy)).toBe(true)
    expect(Object.isFrozen(defaultCommissionPolicy.overProfitBonus)).toBe(true)
    expect(Object.isFrozen(defaultCommissionPolicy.leadRateRange)).toBe(true)
    expect(createCommissionPolicy(JSON.parse(JSON.stringify(defaultCommissionPolicy)))).toEqual(defaultCommissionPolicy)
    expect(createCommissionPolicy()).toEqual(defaultCommissionPolicy)
    expect(createCommissionPolicy({})).toEqual(defaultCommissionPolicy)
  })
})

describe('createCommissionPolicy', () => {
  it('deep-merges overrides onto the defaults, numbers or strings', () => {
    const policy = createCommissionPolicy({ overProfitBonus: { mode: 'continuous', share: 0.25 }, fixedRateRange: { max: '0.08' }, riskRate: 0.12 })
    expect(policy.overProfitBonus).toEqual({ threshold: '0.4', step: '0.05', share: '0.25', mode: 'continuous' })
    expect(policy.fixedRateRange).toEqual({ min: '0.05', max: '0.08' })
    expect(policy.riskRate).toBe('0.12')
    expect(policy.leadRateRange).toEqual(defaultCommissionPolicy.leadRateRange)
  })

  it('accepts a multiplier range above 1 and other rounding modes', () => {
    const policy = createCommissionPolicy({ executionMultiplierRange: { min: 1.5, max: 4 }, rounding: 'halfEven', executionBonusRequiresMarginGate: false })
    expect(policy.executionMultiplierRange).toEqual({ min: '1.5', max: '4' })
    expect(policy.rounding).toBe('halfEven')
    expect(policy.executionBonusRequiresMarginGate).toBe(false)
  })

  it.each([
    [{ fixedRateRange: { min: 0.2 } }, 'commission.fixedRateRange.max'],
    [{ leadRateRange: { min: '0.3', max: '0.2' } }, 'commission.leadRateRange.max'],
    [{ assistantRateRange: { max: 1.5 } }, 'commission.assistantRateRange.max'],
    [{ assistantRateRange: { min: -0.01 } }, 'commission.assistantRateRange.min'],
    [{ executionMultiplierRange: { min: -1 } }, 'commission.executionMultiplierRange.min'],
    [{ executionMultiplierRange: { max: 1 } }, 'commission.executionMultiplierRange.max'],
    [{ medicalStrategyRate: 'five percent' }, 'commission.medicalStrategyRate'],
    [{ marginGate: 1.01 }, 'commission.marginGate'],
    [{ riskRate: -0.1 }, 'commission.riskRate'],
    [{ overProfitBonus: { step: 0 } }, 'commission.overProfitBonus.step'],
    [{ overProfitBonus: { step: '0.00001' } }, 'commission.overProfitBonus.step'],
    [{ overProfitBonus: { threshold: 2 } }, 'commission.overProfitBonus.threshold'],
    [{ overProfitBonus: { share: Number.NaN } }, 'commission.overProfitBonus.share'],
    [{ overProfitBonus: { mode: 'linear' } }, 'commission.overProfitBonus.mode'],
    [{ overProfitBonus: { treshold: 0.5 } }, 'commission.overProfitBonus.treshold'],
    [{ overProfitBonus: 'stepwise' }, 'commission.overProfitBonus'],
    [{ fixedRateRange: { min: 0.05, max: 0.1, mid: 0.07 } }, 'commission.fixedRateRange.mid'],
    [{ bonusThreshold: 0.4 }, 'commission.bonusThreshold'],
    [{ rounding: 'ceiling' }, 'commission.rounding'],
    [{ executionBonusRequiresMarginGate: 'yes' }, 'commission.executionBonusRequiresMarginGate'],
    [[], 'commission'],
    ['0.05', 'commission'],
  ])('refuses %j naming %s', (overrides, field) => {
    const error = policyError(overrides)
    expect(error.code).toBe('POLICY.INVALID_FIELD')
    expect(error.field).toBe(field)
    expect(error.messageZh).toContain(field)
  })

  it('prefixes fields with the given path', () => {
    try {
      createCommissionPolicy({ marginGate: 3 }, 'policy.commission')
      expect.unreachable()
    } catch (error) {
      expect((error as PolicyValidationError).field).toBe('policy.commission.marginGate')
    }
  })
})
