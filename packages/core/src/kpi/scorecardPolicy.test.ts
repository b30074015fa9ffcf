import { describe, expect, it } from 'vitest'

import { createScorecardPolicy, defaultDepartmentScorecardPolicy, defaultManagerScorecardPolicy } from './scorecardPolicy.js'

const twoKpis = [
  { kpi: 'salesPlanCompletion', weight: 70, direction: 'higher-is-better', target: 1 },
  { kpi: 'churnRate', weight: '30', direction: 'lower-is-better', target: '0.05', achievementCap: '1.2', whenUndefined: 'score-zero' },
]

describe('R-KPI-8 scorecard policy', () => {
  it('defaults: manager 40/20/20/20 and department 30/10/15/15/15/15, threshold 60, both valid', () => {
    expect(createScorecardPolicy()).toEqual(defaultManagerScorecardPolicy)
    expect(createScorecardPolicy({}, defaultDepartmentScorecardPolicy)).toEqual(defaultDepartmentScorecardPolicy)
    expect(defaultManagerScorecardPolicy.entries.map((e) => e.weight)).toEqual(['40', '20', '20', '20'])
    expect(defaultDepartmentScorecardPolicy.entries.map((e) => e.weight)).toEqual(['30', '10', '15', '15', '15', '15'])
    expect(defaultManagerScorecardPolicy.threshold).toBe('60')
  })

  it('entries replace the base list; omitted caps default to 1 and treatments to the policy-wide one', () => {
    const policy = createScorecardPolicy({ threshold: '70.5', whenUndefined: 'score-zero', entries: [twoKpis[0]] })
    expect(policy.threshold).toBe('70.5')
    expect(policy.whenUndefined).toBe('score-zero')
    expect(policy.entries).toEqual([
      { kpi: 'salesPlanCompletion', weight: '70', direction: 'higher-is-better', target: '1', achievementCap: '1' },
    ])
    expect(createScorecardPolicy({ entries: twoKpis }).entries[1]).toMatchObject({ achievementCap: '1.2', whenUndefined: 'score-zero' })
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy)
  })

  it('a lower-is-better target may be 0; zero weights are allowed while the sum is positive', () => {
    const policy = createScorecardPolicy({ entries: [{ ...twoKpis[1], target: 0 }, { ...twoKpis[0], weight: 0 }] })
    expect(policy.entries[0]?.target).toBe('0')
  })

  it.each([
    [{ threshold: 101 }, 'scorecard.threshold'],
    [{ threshold: -1 }, 'scorecard.threshold'],
    [{ threshold: '60.001' }, 'scorecard.threshold'],
    [{ whenUndefined: 'ignore' }, 'scorecard.whenUndefined'],
    [{ entries: [] }, 'scorecard.entries'],
    [{ entries: [{ ...twoKpis[0], weight: 0 }] }, 'scorecard.entries'],
    [{ entries: [{ ...twoKpis[0], weight: -1 }] }, 'scorecard.entries[0].weight'],
    [{ entries: [{ ...twoKpis[0], kpi: '' }] }, 'scorecard.entries[0].kpi'],
    [{ entries: [twoKpis[0], twoKpis[0]] }, 'scorecard.entries[1].kpi'],
    [{ entries: [{ ...twoKpis[0], direction: 'up' }] }, 'scorecard.entries[0].direction'],
    [{ entries: [{ ...twoKpis[0], target: 0 }] }, 'scorecard.entries[0].target'],
    [{ entries: [{ ...twoKpis[1], target: -0.1 }] }, 'scorecard.entries[0].target'],
    [{ entries: [{ ...twoKpis[0], achievementCap: 0 }] }, 'scorecard.entries[0].achievementCap'],
    [{ entries: [{ ...twoKpis[0], bonus: 1 }] }, 'scorecard.entries[0].bonus'],
    [{ entries: [{ ...twoKpis[0], whenUndefined: 'zero' }] }, 'scorecard.entries[0].whenUndefined'],
    [{ passMark: 60 }, 'scorecard.passMark'],
  ])('%o → POLICY.INVALID_FIELD at %s', (overrides, field) => {
    expect(() => createScorecardPolicy(overrides)).toThrow(expect.objectContaining({ code: 'POLICY.INVALID_FIELD', field }))
  })
})
