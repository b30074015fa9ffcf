import { describe, expect, it } from 'vitest'

import { PolicyValidationError } from '../errors.js'
import { policyBoolean, policyDecimal, policyEnum, policyInteger, policyObject, rejectUnknownKeys } from './validate.js'

function fieldOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError)
    expect((error as PolicyValidationError).code).toBe('POLICY.INVALID_FIELD')
    return (error as PolicyValidationError).field
  }
  throw new Error('expected a PolicyValidationError')
}

describe('policy field readers', () => {
  it('read valid decimals from numbers and strings', () => {
    expect(policyDecimal(0.05, 'rate').toString()).toBe('0.05')
    expect(policyDecimal('0.40', 'threshold', { min: 0, max: 1 }).toString()).toBe('0.4')
  })

  it('name the field of a bad decimal, bound or exclusive bound', () => {
    expect(fieldOf(() => policyDecimal('abc', 'bonus.share'))).toBe('bonus.share')
    expect(fieldOf(() => policyDecimal(Number.NaN, 'bonus.share'))).toBe('bonus.share')
    expect(fieldOf(() => policyDecimal(1.5, 'bonus.share', { max: 1 }))).toBe('bonus.share')
    expect(fieldOf(() => policyDecimal(0, 'bonus.step', { min: 0, exclusiveMin: true }))).toBe('bonus.step')
    expect(fieldOf(() => policyDecimal(1, 'x', { max: 1, exclusiveMax: true }))).toBe('x')
  })

  it('check integers, enums, booleans and objects', () => {
    expect(policyInteger(3, 'days', { min: 0 })).toBe(3)
    expect(fieldOf(() => policyInteger(2.5, 'days'))).toBe('days')
    expect(fieldOf(() => policyInteger(-1, 'days', { min: 0 }))).toBe('days')
    expect(fieldOf(() => policyInteger(8, 'days', { max: 7 }))).toBe('days')
    expect(policyEnum('stepwise', 'mode', ['stepwise', 'continuous'])).toBe('stepwise')
    expect(fieldOf(() => policyEnum('linear', 'mode', ['stepwise', 'continuous']))).toBe('mode')
    expect(policyBoolean(true, 'flag')).toBe(true)
    expect(fieldOf(() => policyBoolean('yes', 'flag'))).toBe('flag')
    expect(fieldOf(() => policyObject([], 'policy'))).toBe('policy')
    expect(fieldOf(() => policyObject(null, 'policy'))).toBe('policy')
  })

  it('refuse unknown keys, naming the misspelt field', () => {
    expect(fieldOf(() => rejectUnknownKeys({ treshold: 1 }, 'bonus', ['threshold']))).toBe('bonus.treshold')
    expect(() => rejectUnknownKeys({ threshold: 1 }, 'bonus', ['threshold'])).not.toThrow()
  })

  it('say what was expected in both languages', () => {
    try {
      policyDecimal(2, 'commission.risk.rate', { max: 1 })
    } catch (error) {
      const policyError = error as PolicyValidationError
      expect(policyError.messageEn).toBe('policy field commission.risk.rate must be ≤ 1, got 2')
      expect(policyError.messageZh).toBe('政策参数 commission.risk.rate 必须不大于 1，实际为 2')
    }
  })
})
