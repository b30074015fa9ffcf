import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { archiveCompletenessRate, type ArchiveCompletenessRateMode } from './archiveCompletenessRate.js'

describe('R-KPI-7 archive completeness (manager KPI)', () => {
  const archives = [
    { customerId: 'a', completeness: '1' },
    { customerId: 'b', completeness: '0.75' },
    { customerId: 'c', completeness: 0.5 },
  ]

  it('worked example, mean: (1 + 0.75 + 0.5) ÷ 3 = 75.00%', () => {
    const rate = archiveCompletenessRate({ archives })
    expect(rate).toMatchObject({ status: 'defined', percent: '75.00' })
    if (rate.status === 'defined') expect(rate.ratio.toString()).toBe('0.75')
  })

  it('worked example, share at or above a bar of 0.75: 2 ÷ 3 = 66.67%', () => {
    expect(archiveCompletenessRate({ archives }, { kind: 'share-at-or-above', bar: '0.75' })).toMatchObject({ status: 'defined', percent: '66.67' })
    expect(archiveCompletenessRate({ archives }, { kind: 'share-at-or-above', bar: '0.7500001' })).toMatchObject({ status: 'defined', percent: '33.33' })
  })

  it('no archives → undefined with KPI.NO_ARCHIVES', () => {
    expect(archiveCompletenessRate({ archives: [] })).toMatchObject({ status: 'undefined', reason: { code: 'KPI.NO_ARCHIVES', ruleId: 'R-KPI-7' } })
  })

  it('property: the mean lies within [min score, max score] ⊆ [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }), (milli) => {
        const rate = archiveCompletenessRate({ archives: milli.map((m, i) => ({ customerId: `c${i}`, completeness: m / 1000 })) })
        if (rate.status !== 'defined') throw new Error('expected defined')
        expect(rate.ratio.greaterThanOrEqualTo(Math.min(...milli) / 1000)).toBe(true)
        expect(rate.ratio.lessThanOrEqualTo(Math.max(...milli) / 1000)).toBe(true)
      }),
    )
  })

  it.each([
    [{ archives: [{ customerId: 'a', completeness: '1.01' }] }, undefined, 'KPI.SCORE_OUT_OF_RANGE', 'archives[0].completeness'],
    [{ archives: [{ customerId: 'a', completeness: -0.1 }] }, undefined, 'KPI.SCORE_OUT_OF_RANGE', 'archives[0].completeness'],
    [{ archives: [{ customerId: 'a', completeness: 'full' }] }, undefined, 'DECIMAL.MALFORMED', 'archives[0].completeness'],
    [{ archives: [{ customerId: 'a', completeness: 1 }, { customerId: 'a', completeness: 1 }] }, undefined, 'KPI.DUPLICATE_CUSTOMER', 'archives[1].customerId'],
    [{ archives: [] }, { kind: 'share-at-or-above', bar: 2 }, 'KPI.SCORE_OUT_OF_RANGE', 'mode.bar'],
    [{ archives: [] }, { kind: 'median' }, 'KPI.INVALID_RECORD', 'mode.kind'],
  ])('validates input: %# → %s at %s', (input, mode, code, field) => {
    expect(() => archiveCompletenessRate(input as never, mode as ArchiveCompletenessRateMode | undefined)).toThrow(expect.objectContaining({ code, field }))
  })
})
