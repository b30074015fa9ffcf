import { describe, expect, it } from 'vitest'

import { InvalidInputError, isKehuError, KehuError } from './errors.js'

describe('KehuError', () => {
  it('carries a stable code, both languages, the field and the rule', () => {
    const error = new InvalidInputError({
      code: 'COMMISSION.RATE_OUT_OF_RANGE',
      messageEn: 'rate 0.3 is outside [0.05, 0.10]',
      messageZh: '提成比例 0.3 超出范围 [0.05, 0.10]',
      field: 'rate',
      ruleId: 'R-COM-6',
      details: { rate: '0.3' },
    })
    expect(error).toBeInstanceOf(KehuError)
    expect(error).toBeInstanceOf(Error)
    expect(isKehuError(error)).toBe(true)
    expect(isKehuError(new Error('x'))).toBe(false)
    expect(error.name).toBe('InvalidInputError')
    expect(error.message).toBe('rate 0.3 is outside [0.05, 0.10] (提成比例 0.3 超出范围 [0.05, 0.10])')
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'InvalidInputError',
      code: 'COMMISSION.RATE_OUT_OF_RANGE',
      message: error.message,
      messageEn: 'rate 0.3 is outside [0.05, 0.10]',
      messageZh: '提成比例 0.3 超出范围 [0.05, 0.10]',
      field: 'rate',
      ruleId: 'R-COM-6',
      details: { rate: '0.3' },
    })
  })
})
