import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { Decimal } from '../money/decimal.js'
import { type KpiRate, undefinedReason } from './rate.js'
import { kpiScorecard, type ScorecardValue } from './scorecard.js'
import { createScorecardPolicy, defaultDepartmentScorecardPolicy, type ScorecardPolicy } from './scorecardPolicy.js'

const rate = (ratio: string): ScorecardValue => ({ status: 'defined', ratio })
const notDefined: KpiRate = { status: 'undefined', reason: undefinedReason('KPI.NO_ARCHIVES', 'R-KPI-7', '没有客户档案', 'no archives') }
const ratioArb = fc.integer({ min: 0, max: 3000 }).map((n) => new Decimal(n).dividedBy(1000))

describe('R-KPI-8 scorecard — worked examples', () => {
  it('manager defaults: 36 + 16 + 10 + 20 = 82.00, no warning', () => {
    const result = kpiScorecard({
      salesPlanCompletion: rate('0.9'), // 0.9 × 40 = 36
      archiveCompleteness: rate('0.8'), // 0.8 × 20 = 16
      churnRate: rate('0.1'), // target 5%: 0.05 ÷ 0.1 = 0.5 → 10
      newDevelopmentRate: rate('0.12'), // 1.2 capped at 1 → 20
    })
    expect(result.status).toBe('scored')
    if (result.status !== 'scored') return
    expect(result.totalText).toBe('82.00')
    expect(result.total.toString()).toBe('82')
    expect(result.belowThreshold).toBe(false)
    expect(result.warning).toBeUndefined()
    expect(result.lines.map((line) => line.pointsText)).toEqual(['36.00', '16.00', '10.00', '20.00'])
    expect(result.lines[3]).toMatchObject({ capped: true })
    expect(result.lines[3]?.achievement?.toString()).toBe('1')
  })

  it('below the threshold carries the warning: 20 + 10 + 1 + 10 = 41.00', () => {
    const result = kpiScorecard({ salesPlanCompletion: rate('0.5'), archiveCompleteness: rate('0.5'), churnRate: rate('1'), newDevelopmentRate: rate('0.05') })
    if (result.status !== 'scored') throw new Error('expected a score')
    // 0.5 × 40 = 20; 0.5 × 20 = 10; churn 100% vs target 5%: 0.05 × 20 = 1; 5% vs target 10%: 0.5 × 20 = 10
    expect(result.totalText).toBe('41.00')
    expect(result.belowThreshold).toBe(true)
    expect(result.warning).toMatchObject({ code: 'KPI.SCORE_BELOW_THRESHOLD', ruleId: 'R-KPI-8' })
    expect(result.warning?.messageZh).toContain('口头警告')
  })

  it('an undefined KPI is excluded and its weight shared (default): 40 × 0.9 + 20 × 0.5 + 20 × 1 over 80 = 82.50', () => {
    const result = kpiScorecard({ salesPlanCompletion: rate('0.9'), archiveCompleteness: notDefined, churnRate: rate('0.1'), newDevelopmentRate: rate('0.1') })
    if (result.status !== 'scored') throw new Error('expected a score')
    expect(result.totalText).toBe('82.50')
    expect(result.undefinedKpis).toEqual(['archiveCompleteness'])
    expect(result.lines[1]).toMatchObject({ treatment: 'excluded', achievement: undefined, pointsText: '0.00', undefinedReason: { code: 'KPI.NO_ARCHIVES' } })
  })

  it("'score-zero' counts the undefined KPI as 0 instead: 36 + 0 + 10 + 20 = 66.00", () => {
    const policy = createScorecardPolicy({ whenUndefined: 'score-zero' })
    const result = kpiScorecard({ salesPlanCompletion: rate('0.9'), archiveCompleteness: notDefined, churnRate: rate('0.1'), newDevelopmentRate: rate('0.1') }, policy)
    if (result.status !== 'scored') throw new Error('expected a score')
    expect(result.totalText).toBe('66.00')
    expect(result.lines[1]).toMatchObject({ treatment: 'scored-zero', pointsText: '0.00' })
    expect(result.undefinedKpis).toEqual(['archiveCompleteness'])
  })

  it('all weighted KPIs undefined and excluded → not-scorable, listing them', () => {
    const result = kpiScorecard({ salesPlanCompletion: notDefined, archiveCompleteness: notDefined, churnRate: notDefined, newDevelopmentRate: notDefined })
    expect(result).toMatchObject({ status: 'not-scorable', reason: { code: 'KPI.NO_SCORABLE_KPI' } })
    expect(result.undefinedKpis).toHaveLength(4)
  })

  it('the department scorecard takes counts (R-KPI-2) and lower-is-better cost control (R-KPI-6)', () => {
    const result = kpiScorecard(
      {
        bigCustomerSalesPlanCompletion: rate('1'), // 30
        bigCustomerChurnCount: { status: 'defined', count: 2, customerIds: ['a', 'b'] }, // target 1: 0.5 → 5
        bigCustomerDevelopmentPlanCompletion: rate('0.6'), // 9
        feedbackTimeliness: rate('1'), // 15
        bigCustomerRevisitRate: rate('0.8'), // 12
        serviceCostControl: rate('1.25'), // 1 ÷ 1.25 = 0.8 → 12
      },
      defaultDepartmentScorecardPolicy,
    )
    if (result.status !== 'scored') throw new Error('expected a score')
    expect(result.lines.map((line) => line.pointsText)).toEqual(['30.00', '5.00', '9.00', '15.00', '12.00', '12.00'])
    expect(result.totalText).toBe('83.00')
  })

  it('lower-is-better with value 0 earns the cap; churn count 0 with target 0 too', () => {
    const policy = createScorecardPolicy({ entries: [{ kpi: 'churn', weight: 1, direction: 'lower-is-better', target: 0 }] })
    const zero = kpiScorecard({ churn: { status: 'defined', count: 0, customerIds: [] } }, policy)
    const one = kpiScorecard({ churn: { status: 'defined', count: 1, customerIds: ['x'] } }, policy)
    expect(zero.status === 'scored' && zero.totalText).toBe('100.00')
    expect(one.status === 'scored' && one.totalText).toBe('0.00')
  })

  it('a cap above 1 is an explicit policy choice that lets the score exceed 100', () => {
    const policy = createScorecardPolicy({ entries: [{ kpi: 'sales', weight: 1, direction: 'higher-is-better', target: 1, achievementCap: '1.2' }] })
    const result = kpiScorecard({ sales: rate('1.5') }, policy)
    expect(result.status === 'scored' && result.totalText).toBe('120.00')
  })

  it('the threshold is compared with the reported 2-decimal score: 59.995 reports 60.00, no warning', () => {
    const policy = createScorecardPolicy({ entries: [{ kpi: 'x', weight: 1, direction: 'higher-is-better', target: 1 }] })
    const at = kpiScorecard({ x: rate('0.59995') }, policy)
    const below = kpiScorecard({ x: rate('0.59994') }, policy)
    expect(at.status === 'scored' && [at.totalText, at.belowThreshold]).toEqual(['60.00', false])
    expect(below.status === 'scored' && [below.totalText, below.belowThreshold]).toEqual(['59.99', true])
  })

  it('weights need not sum to 100, and equal thirds give exactly 100 at full achievement', () => {
    const policy = createScorecardPolicy({
      entries: ['a', 'b', 'c'].map((kpi) => ({ kpi, weight: 1, direction: 'higher-is-better', target: 1 })),
    })
    const result = kpiScorecard({ a: rate('1'), b: rate('1'), c: rate('1') }, policy)
    expect(result.status === 'scored' && result.total.toString()).toBe('100')
  })
})

describe('R-KPI-8 scorecard — properties', () => {
  const policyArb: fc.Arbitrary<ScorecardPolicy> = fc
    .array(
      fc.record({
        weight: fc.integer({ min: 0, max: 50 }),
        direction: fc.constantFrom('higher-is-better', 'lower-is-better'),
        target: fc.integer({ min: 1, max: 200 }).map((n) => new Decimal(n).dividedBy(100).toString()),
        whenUndefined: fc.constantFrom('exclude-and-reweight', 'score-zero'),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .filter((entries) => entries.some((entry) => entry.weight > 0))
    .map((entries) => createScorecardPolicy({ entries: entries.map((entry, i) => ({ ...entry, kpi: `k${i}` })) }))
  const valuesFor = (policy: ScorecardPolicy): fc.Arbitrary<Record<string, ScorecardValue>> =>
    fc
      .tuple(...policy.entries.map(() => fc.option(ratioArb, { nil: undefined, freq: 5 })))
      .map((ratios) => Object.fromEntries(policy.entries.map((entry, i) => [entry.kpi, ratios[i] === undefined ? notDefined : { status: 'defined' as const, ratio: ratios[i] }])))
  const caseArb = policyArb.chain((policy) => fc.tuple(fc.constant(policy), valuesFor(policy)))

  it('the total lies in [0, 100] with the default caps, and the warning appears iff the reported score < threshold', () => {
    fc.assert(
      fc.property(caseArb, ([policy, values]) => {
        const result = kpiScorecard(values, policy)
        if (result.status === 'not-scorable') {
          expect(result.undefinedKpis.length).toBeGreaterThan(0)
          return
        }
        expect(result.total.greaterThanOrEqualTo(0) && result.total.lessThanOrEqualTo(100)).toBe(true)
        expect(result.warning !== undefined).toBe(new Decimal(result.totalText).lessThan(60))
        expect(result.belowThreshold).toBe(result.warning !== undefined)
      }),
    )
  })

  it('monotone: raising one higher-is-better KPI (or lowering a lower-is-better one) never lowers the score', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ratioArb, ([policy, values], pick, delta) => {
        const entry = policy.entries[pick % policy.entries.length]
        if (entry === undefined) throw new Error('no entry')
        const current = values[entry.kpi]
        if (current === undefined || current.status !== 'defined' || !('ratio' in current)) return
        const value = new Decimal(current.ratio as Decimal)
        const better = entry.direction === 'higher-is-better' ? value.plus(delta) : Decimal.max(0, value.minus(delta))
        const before = kpiScorecard(values, policy)
        const after = kpiScorecard({ ...values, [entry.kpi]: { status: 'defined', ratio: better } }, policy)
        if (before.status !== 'scored' || after.status !== 'scored') {
          // only possible when every other weighted KPI is excluded and this one weighs 0
          expect([before.status, after.status, entry.weight]).toEqual(['not-scorable', 'not-scorable', '0'])
          return
        }
        expect(after.total.greaterThanOrEqualTo(before.total)).toBe(true)
      }),
    )
  })

  it('an undefined KPI never silently becomes 0: it is always listed', () => {
    fc.assert(
      fc.property(caseArb, ([policy, values]) => {
        const result = kpiScorecard(values, policy)
        const expected = policy.entries.filter((entry) => values[entry.kpi]?.status === 'undefined').map((entry) => entry.kpi)
        expect(result.undefinedKpis).toEqual(expected)
      }),
    )
  })
})

describe('R-KPI-8 scorecard — input validation', () => {
  const full = { salesPlanCompletion: rate('1'), archiveCompleteness: rate('1'), churnRate: rate('0'), newDevelopmentRate: rate('0.1') }
  it.each([
    [{ ...full, churnRate: undefined }, 'KPI.INVALID_KPI_VALUE', 'values.churnRate'],
    [{ salesPlanCompletion: rate('1'), archiveCompleteness: rate('1'), newDevelopmentRate: rate('1') }, 'KPI.SCORECARD_MISSING_VALUE', 'values.churnRate'],
    [{ ...full, bonus: rate('1') }, 'KPI.SCORECARD_UNKNOWN_KPI', 'values.bonus'],
    [{ ...full, churnRate: rate('-0.1') }, 'KPI.INVALID_KPI_VALUE', 'values.churnRate.ratio'],
    [{ ...full, churnRate: rate('NaN') }, 'DECIMAL.MALFORMED', 'values.churnRate.ratio'],
    [{ ...full, churnRate: { status: 'maybe' } }, 'KPI.INVALID_KPI_VALUE', 'values.churnRate.status'],
    [{ ...full, churnRate: { status: 'undefined' } }, 'KPI.INVALID_KPI_VALUE', 'values.churnRate.reason'],
    [{ ...full, churnRate: { status: 'defined', count: -1 } }, 'KPI.INVALID_KPI_VALUE', 'values.churnRate.count'],
  ])('%# → %s at %s', (values, code, field) => {
    expect(() => kpiScorecard(values as never)).toThrow(expect.objectContaining({ code, field }))
  })

  it('refuses a non-object and validates a custom policy', () => {
    expect(() => kpiScorecard(null as never)).toThrow(expect.objectContaining({ code: 'KPI.INVALID_KPI_VALUE', field: 'values' }))
    expect(() => kpiScorecard(full, { ...createScorecardPolicy(), threshold: '200' })).toThrow(
      expect.objectContaining({ code: 'POLICY.INVALID_FIELD', field: 'policy.threshold' }),
    )
  })
})
