import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { projectFiguresArb, projectWithTwoProfitsArb, revenueFenArb } from '../../test/arbitraries/commissionArb.js'
import { Money } from '../money/money.js'
import { CommissionErrorCode } from './errors.js'
import { overProfitBonus } from './overProfitBonus.js'
import { createCommissionPolicy } from './policy.js'

const continuous = createCommissionPolicy({ overProfitBonus: { mode: 'continuous' } })

describe('R-COM-4 over-profit bonus, worked examples', () => {
  it('margin exactly 45% gives exactly one step: 0.20 × 1 × 0.05 × 1,000,000 = 10,000.00', () => {
    const bonus = overProfitBonus({ revenue: '1000000', profit: '450000' })
    expect(bonus.margin?.toString()).toBe('0.45')
    expect(bonus.aboveThreshold).toBe(true)
    expect(bonus.steps).toBe(1)
    expect(bonus.amount.toString()).toBe('10000.00')
    expect(bonus.mode).toBe('stepwise')
  })

  it('one fen below 45% gives no full step', () => {
    const bonus = overProfitBonus({ revenue: '1000000', profit: '449999.99' })
    expect(bonus.steps).toBe(0)
    expect(bonus.aboveThreshold).toBe(true)
    expect(bonus.amount.toString()).toBe('0.00')
  })

  it('counts several steps: margin 57.3% → 3 steps', () => {
    const bonus = overProfitBonus({ revenue: '1000000', profit: '573000' })
    expect(bonus.steps).toBe(3)
    expect(bonus.amount.toString()).toBe('30000.00') // 0.2 × 3 × 0.05 × 1,000,000
  })

  it('is zero at or below the threshold, and for zero revenue', () => {
    expect(overProfitBonus({ revenue: '1000000', profit: '400000' }).amount.isZero()).toBe(true)
    expect(overProfitBonus({ revenue: '1000000', profit: '400000' }).aboveThreshold).toBe(false)
    expect(overProfitBonus({ revenue: '1000000', profit: '-5000' }).amount.isZero()).toBe(true)
    const none = overProfitBonus({ revenue: 0, profit: 0 })
    expect(none.margin).toBeNull()
    expect(none.amount.isZero()).toBe(true)
    expect(none.trace.margin).toBeNull()
  })

  it('is exact on revenues whose step boundary is not a round number: 3.00 yuan at 45% = 1.35', () => {
    expect(overProfitBonus({ revenue: '3.00', profit: '1.35' }).steps).toBe(1)
    expect(overProfitBonus({ revenue: '3.00', profit: '1.34' }).steps).toBe(0)
    // 0.2 × 0.05 × 3 = 0.03
    expect(overProfitBonus({ revenue: '3.00', profit: '1.35' }).amount.toString()).toBe('0.03')
    // revenue 0.07: the 55% boundary is 0.0385 and the 60% one 0.042 — profit 0.04 has 3 steps; 0.03 (42.9%) none
    expect(overProfitBonus({ revenue: '0.07', profit: '0.04' }).steps).toBe(3)
    expect(overProfitBonus({ revenue: '0.07', profit: '0.03' }).steps).toBe(0)
  })

  it('continuous mode pays share × (profit − threshold × revenue)', () => {
    const bonus = overProfitBonus({ revenue: '1000000', profit: '449999.99' }, continuous)
    expect(bonus.unrounded.toString()).toBe('9999.998')
    expect(bonus.amount.toString()).toBe('10000.00')
    expect(bonus.steps).toBe(0)
    expect(overProfitBonus({ revenue: '1000000', profit: '573000' }, continuous).amount.toString()).toBe('34600.00')
    expect(overProfitBonus({ revenue: '1000000', profit: '400000' }, continuous).amount.toString()).toBe('0.00')
    expect(overProfitBonus({ revenue: '1000000', profit: '100000' }, continuous).amount.toString()).toBe('0.00')
  })

  it('R-COM-8 trace: the rule, the margin, the steps and the rounding', () => {
    const { trace } = overProfitBonus({ revenue: '1000000', profit: '450000' })
    expect(trace.kind).toBe('overProfitBonus')
    expect(trace.margin).toBe('0.45')
    expect(trace.bonusSteps).toBe(1)
    expect(trace.rulesApplied).toEqual(['R-COM-4'])
    expect(trace.steps[0]).toMatchObject({ ruleId: 'R-COM-4', unrounded: '10000', amount: '10000.00' })
    expect(trace.steps[0]?.inputs).toMatchObject({ threshold: '0.4', step: '0.05', share: '0.2', steps: '1', margin: '0.45' })
    expect(trace.steps[0]?.description.zh).toContain('共 1 档')
    expect(trace.rounding).toMatchObject({ mode: 'halfUp', unit: '0.01' })
    expect(overProfitBonus({ revenue: '1000000', profit: '450000' }, continuous).trace.steps[0]?.formula).toContain('profit − threshold × revenue')
  })

  it('shows a non-terminating margin truncated', () => {
    expect(overProfitBonus({ revenue: '3.00', profit: '1.00' }).trace.margin).toBe('0.333333333333…')
  })
})

describe('R-COM-4 over-profit bonus, properties', () => {
  it('steps are exact at every boundary: profit = (0.40 + k × 0.05) × revenue gives k, one fen less gives k − 1', () => {
    // revenue = 20m fen makes (0.40 + 0.05k) × revenue = (8 + k) m fen a whole number of fen.
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 11n }), fc.integer({ min: 0, max: 12 }), (m, k) => {
        const revenue = Money.fromFen(20n * m)
        const atBoundary = overProfitBonus({ revenue, profit: Money.fromFen((8n + BigInt(k)) * m) })
        expect(atBoundary.steps).toBe(k)
        expect(atBoundary.aboveThreshold).toBe(k > 0)
        // 0.2 × k × 0.05 × 20m fen = k·m/5 fen, i.e. k·m/500 yuan
        expect(atBoundary.unrounded.times(500).toString()).toBe((BigInt(k) * m).toString())
        const below = overProfitBonus({ revenue, profit: Money.fromFen((8n + BigInt(k)) * m - 1n) })
        expect(below.steps).toBe(Math.max(k - 1, 0))
      }),
    )
  })

  it('steps are exact for any policy threshold and step (whole percents)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 50 }),
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        fc.nat({ max: 100 }),
        (thresholdPercent, stepPercent, m, kSeed) => {
          const maxK = Math.floor((100 - thresholdPercent) / stepPercent)
          const k = kSeed % (maxK + 1)
          const policy = createCommissionPolicy({ overProfitBonus: { threshold: thresholdPercent / 100, step: stepPercent / 100 } })
          const revenue = Money.fromFen(100n * m)
          const boundaryFen = BigInt(thresholdPercent + k * stepPercent) * m
          expect(overProfitBonus({ revenue, profit: Money.fromFen(boundaryFen) }, policy).steps).toBe(k)
          if (boundaryFen > -revenue.fen) {
            expect(overProfitBonus({ revenue, profit: Money.fromFen(boundaryFen - 1n) }, policy).steps).toBe(Math.max(k - 1, 0))
          }
        },
      ),
    )
  })

  it('is never negative, in either mode', () => {
    fc.assert(
      fc.property(projectFiguresArb, (figures) => {
        expect(overProfitBonus(figures).amount.isNegative()).toBe(false)
        expect(overProfitBonus(figures, continuous).amount.isNegative()).toBe(false)
      }),
    )
  })

  it('is monotone non-decreasing in profit for a fixed revenue, in either mode', () => {
    fc.assert(
      fc.property(projectWithTwoProfitsArb, ({ revenue, lower, higher }) => {
        for (const policy of [undefined, continuous]) {
          const low = overProfitBonus({ revenue, profit: lower }, policy)
          const high = overProfitBonus({ revenue, profit: higher }, policy)
          expect(low.amount.compare(high.amount)).toBeLessThanOrEqual(0)
          expect(low.steps).toBeLessThanOrEqual(high.steps)
        }
      }),
    )
  })

  it('stepwise never pays more than continuous', () => {
    fc.assert(
      fc.property(projectFiguresArb, (figures) => {
        const stepwise = overProfitBonus(figures)
        const smooth = overProfitBonus(figures, continuous)
        expect(stepwise.unrounded.lessThanOrEqualTo(smooth.unrounded)).toBe(true)
        expect(stepwise.amount.compare(smooth.amount)).toBeLessThanOrEqual(0)
        expect(stepwise.steps).toBe(smooth.steps)
      }),
    )
  })

  it('is zero whenever the margin is at or below 40%', () => {
    fc.assert(
      fc.property(revenueFenArb, fc.bigInt({ min: 0n, max: 10n ** 13n }), (revenueFen, seed) => {
        // the largest profit with margin ≤ 40% is floor(0.4 × revenue) fen
        const ceiling = (revenueFen * 2n) / 5n
        const profit = Money.fromFen(ceiling - (seed % (ceiling + revenueFen + 1n)))
        const figures = { revenue: Money.fromFen(revenueFen), profit }
        expect(overProfitBonus(figures).amount.isZero()).toBe(true)
        expect(overProfitBonus(figures, continuous).amount.isZero()).toBe(true)
        expect(overProfitBonus(figures).aboveThreshold).toBe(false)
      }),
    )
  })
})

describe('over-profit bonus input errors', () => {
  it('refuses a negative revenue', () => {
    expect(() => overProfitBonus({ revenue: '-1', profit: '-2' })).toThrow(expect.objectContaining({ code: CommissionErrorCode.NEGATIVE_AMOUNT, field: 'revenue' }))
  })

  it('refuses a profit above the revenue', () => {
    expect(() => overProfitBonus({ revenue: '100', profit: '100.01' })).toThrow(
      expect.objectContaining({ code: CommissionErrorCode.PROFIT_EXCEEDS_REVENUE, field: 'profit' }),
    )
  })

  it('refuses a malformed profit with its field', () => {
    expect(() => overProfitBonus({ revenue: '100', profit: 'lots' })).toThrow(expect.objectContaining({ code: 'MONEY.MALFORMED_AMOUNT', field: 'profit' }))
  })
})
