import { describe, expect, it } from 'vitest'

import { PolicyValidationError } from '../errors.js'
import { createCustomerNamePolicy, defaultCustomerNamePolicy } from './customerNamePolicy.js'

describe('R-ARC-5 customer-name policy 客户名称规范化参数', () => {
  it('has the documented defaults, frozen and JSON-serialisable', () => {
    expect(defaultCustomerNamePolicy.legalFormSuffixes).toEqual(expect.arrayContaining(['股份有限公司', '有限责任公司', '有限公司', '公司', '集团', 'Co., Ltd.', 'Inc.']))
    expect(defaultCustomerNamePolicy.legalFormSuffixes).not.toContain('Co')
    expect(defaultCustomerNamePolicy.bracketMarkers).toEqual(['中国', 'China', 'PRC'])
    expect(defaultCustomerNamePolicy.branchSuffixes).toEqual(['分公司', '办事处', '代表处'])
    expect(Object.isFrozen(defaultCustomerNamePolicy.legalFormSuffixes)).toBe(true)
    expect(JSON.parse(JSON.stringify(defaultCustomerNamePolicy))).toEqual(defaultCustomerNamePolicy)
  })

  it('a list given replaces the default list; the others keep their defaults', () => {
    expect(createCustomerNamePolicy()).toBe(defaultCustomerNamePolicy)
    const policy = createCustomerNamePolicy({ bracketMarkers: ['中国', '香港'] })
    expect(policy.bracketMarkers).toEqual(['中国', '香港'])
    expect(policy.legalFormSuffixes).toEqual(defaultCustomerNamePolicy.legalFormSuffixes)
    expect(Object.isFrozen(policy) && Object.isFrozen(policy.bracketMarkers)).toBe(true)
  })

  it.each([
    ['not an object', 'customerName', 'x'],
    ['unknown key', 'customerName.bracketMarker', { bracketMarker: [] }],
    ['not a list', 'customerName.legalFormSuffixes', { legalFormSuffixes: '有限公司' }],
    ['a non-string entry', 'customerName.legalFormSuffixes[1]', { legalFormSuffixes: ['有限公司', 3] }],
    ['an entry empty after normalisation', 'customerName.branchSuffixes[0]', { branchSuffixes: [' .,'] }],
  ])('refuses %s with POLICY.INVALID_FIELD on %s', (_label, field, overrides) => {
    expect(() => createCustomerNamePolicy(overrides)).toThrow(PolicyValidationError)
    expect(() => createCustomerNamePolicy(overrides)).toThrow(expect.objectContaining({ code: 'POLICY.INVALID_FIELD', field }))
  })
})
