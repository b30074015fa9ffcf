import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { PolicyValidationError } from '../errors.js'
import { formatCustomerCode, nextCustomerCodeSequence } from './customerCode.js'
import { createLifecyclePolicy, defaultLifecyclePolicy } from './policy.js'

describe('R-LIF-4 customer code 新客代码', () => {
  it('default format C{year}-{seq:5}: C2026-00042', () => {
    expect(defaultLifecyclePolicy.customerCodeFormat).toBe('C{year}-{seq:5}')
    expect(formatCustomerCode('C{year}-{seq:5}', 2026, 42)).toBe('C2026-00042')
    expect(formatCustomerCode('C{year}-{seq:5}', 2026, 99_999)).toBe('C2026-99999')
    expect(formatCustomerCode('KH/{seq:3}.{year}', 2027, 5)).toBe('KH/005.2027')
  })

  it('the next sequence follows the highest code of the same format and year', () => {
    expect(nextCustomerCodeSequence('C{year}-{seq:5}', 2026, [])).toBe(1)
    expect(nextCustomerCodeSequence('C{year}-{seq:5}', 2026, ['C2026-00041', 'C2026-00007', 'C2025-00107', 'C2026-0004', 'XC2026-00099'])).toBe(42)
    expect(nextCustomerCodeSequence('KH.{seq:2}', 2026, ['KH.09', 'KHx10'])).toBe(10)
  })

  it('property: codes of distinct sequences are distinct, and the next sequence never reuses a code', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 99_999 }), { maxLength: 30 }), fc.integer({ min: 2000, max: 2099 }), (sequences, year) => {
        const codes = sequences.map((seq) => formatCustomerCode('C{year}-{seq:5}', year, seq))
        expect(new Set(codes).size).toBe(codes.length)
        const next = nextCustomerCodeSequence('C{year}-{seq:5}', year, codes)
        expect(next).toBe(Math.max(0, ...sequences) + 1)
        if (next <= 99_999) expect(codes).not.toContain(formatCustomerCode('C{year}-{seq:5}', year, next))
      }),
    )
  })

  it.each([0, -1, 100_000, 1.5])('sequence %s outside 1…99999 throws LIFECYCLE.SEQUENCE_OUT_OF_RANGE', (sequence) => {
    const error = thrown(() => formatCustomerCode('C{year}-{seq:5}', 2026, sequence))
    expect([error.code, error.field, error.ruleId]).toEqual(['LIFECYCLE.SEQUENCE_OUT_OF_RANGE', 'sequence', 'R-LIF-4'])
  })

  it('a year outside 1000…9999 throws', () => {
    expect(thrown(() => formatCustomerCode('C{year}-{seq:5}', 99, 1)).code).toBe('LIFECYCLE.INVALID_CONTEXT')
  })
})

describe('R-LIF-1..5 lifecycle policy', () => {
  it('defaults and overrides', () => {
    expect(createLifecyclePolicy()).toEqual(defaultLifecyclePolicy)
    expect(createLifecyclePolicy({ customerCodeFormat: 'KH{year}{seq:4}', minQualificationDocuments: 3 })).toMatchObject({ customerCodeFormat: 'KH{year}{seq:4}', minQualificationDocuments: 3 })
    expect(Object.isFrozen(createLifecyclePolicy())).toBe(true)
  })

  it.each([
    [{ customerCodeFormat: 'C{year}' }, 'lifecycle.customerCodeFormat'],
    [{ customerCodeFormat: 'C{seq:5}{seq:2}' }, 'lifecycle.customerCodeFormat'],
    [{ customerCodeFormat: 'C{year}{year}{seq:5}' }, 'lifecycle.customerCodeFormat'],
    [{ customerCodeFormat: 'C{seq:0}' }, 'lifecycle.customerCodeFormat'],
    [{ customerCodeFormat: 'C{seq:10}' }, 'lifecycle.customerCodeFormat'],
    [{ customerCodeFormat: '客户{seq:5}' }, 'lifecycle.customerCodeFormat'],
    [{ customerCodeFormat: 'C {seq:5}' }, 'lifecycle.customerCodeFormat'],
    [{ customerCodeFormat: '' }, 'lifecycle.customerCodeFormat'],
    [{ newCustomerChainId: '' }, 'lifecycle.newCustomerChainId'],
    [{ requireAllSelectionCriteriaPassed: 'yes' }, 'lifecycle.requireAllSelectionCriteriaPassed'],
    [{ minQualificationDocuments: 0 }, 'lifecycle.minQualificationDocuments'],
    [{ signingRequiresAgreementSent: 1 }, 'lifecycle.signingRequiresAgreementSent'],
    [{ codeFormat: 'C{seq:5}' }, 'lifecycle.codeFormat'],
  ])('refuses %j with POLICY.INVALID_FIELD', (overrides, field) => {
    const error = thrown(() => createLifecyclePolicy(overrides), PolicyValidationError)
    expect([error.code, error.field]).toEqual(['POLICY.INVALID_FIELD', field])
  })
})
