import { describe, expect, it } from 'vitest'

import { PolicyValidationError } from '../errors.js'
import { createArchiveCompletenessPolicy, defaultArchiveCompletenessPolicy } from './completenessPolicy.js'
import { ARCHIVE_FIELDS } from './fields.js'

describe('R-ARC-3 completeness policy 档案完整率权重', () => {
  it('default: identity fields weigh 2, the other 18 fields 1, total 28', () => {
    const { weights } = defaultArchiveCompletenessPolicy
    expect(ARCHIVE_FIELDS).toHaveLength(23)
    for (const field of ['name', 'creditCode', 'legalRepresentative', 'address', 'phone'] as const) expect(weights[field]).toBe('2')
    expect(ARCHIVE_FIELDS.filter((field) => weights[field] === '1')).toHaveLength(18)
    expect(Object.isFrozen(defaultArchiveCompletenessPolicy) && Object.isFrozen(weights)).toBe(true)
  })

  it('deep-merges overrides onto the defaults, accepting numbers and decimal strings', () => {
    expect(createArchiveCompletenessPolicy()).toBe(defaultArchiveCompletenessPolicy)
    const policy = createArchiveCompletenessPolicy({ weights: { fax: 0, email: '1.5', creditCode: 3 } })
    expect(policy.weights).toMatchObject({ fax: '0', email: '1.5', creditCode: '3', name: '2', status: '1' })
    expect(Object.isFrozen(policy.weights)).toBe(true)
    expect(createArchiveCompletenessPolicy({})).toEqual(defaultArchiveCompletenessPolicy)
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy)
  })

  it.each([
    ['not an object', 'archiveCompleteness', 42],
    ['unknown top-level key', 'archiveCompleteness.weight', { weight: {} }],
    ['weights not an object', 'archiveCompleteness.weights', { weights: [] }],
    ['unknown field name', 'archiveCompleteness.weights.faxx', { weights: { faxx: 1 } }],
    ['negative weight', 'archiveCompleteness.weights.fax', { weights: { fax: -1 } }],
    ['non-numeric weight', 'archiveCompleteness.weights.email', { weights: { email: 'heavy' } }],
    ['NaN weight', 'archiveCompleteness.weights.email', { weights: { email: Number.NaN } }],
    ['all zero', 'archiveCompleteness.weights', { weights: Object.fromEntries(ARCHIVE_FIELDS.map((field) => [field, 0])) }],
  ])('refuses %s with POLICY.INVALID_FIELD on %s', (_label, field, overrides) => {
    expect(() => createArchiveCompletenessPolicy(overrides)).toThrow(PolicyValidationError)
    expect(() => createArchiveCompletenessPolicy(overrides)).toThrow(expect.objectContaining({ code: 'POLICY.INVALID_FIELD', field }))
  })
})
