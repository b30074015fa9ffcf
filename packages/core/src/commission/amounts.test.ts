import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { personArb, rateInRangeArb, rateOutOfRangeArb, scaledDecimal } from '../../test/arbitraries/commissionArb.js'
import { Money } from '../money/money.js'
import { fixedProjectCommissionAmounts, riskProjectCommissionAmounts, splitCommissionAmounts, strategicProjectCommissionAmounts } from './amounts.js'
import { fixedProjectCommission } from './fixedProjectCommission.js'
import { type CommissionPolicy, createCommissionPolicy, defaultCommissionPolicy } from './policy.js'
import { riskProjectCommission } from './riskProjectCommission.js'
import { splitCommission } from './splitCommission.js'
import { strategicProjectCommission, type StrategicProjectCommissionInput } from './strategicProjectCommission.js'

/** What a call gave: its figures as text, or the refusal's code and field. */
function outcome(call: () => unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(call(), (key, value: unknown) => (key === 'trace' || key === 'unrounded' || key === 'perPerson' ? undefined : value)))
  } catch (error) {
    const { code, field, ruleId } = error as { code?: string; field?: string; ruleId?: string }
    return { refused: code, field, ruleId }
  }
}

const yuanArb = (maxFen: bigint, minFen = 0n): fc.Arbitrary<string> => fc.bigInt({ min: minFen, max: maxFen }).map((fen) => scaledDecimal(fen, 2))
/** Rates as analysts write them: mostly in range, some out of range, some odd forms. */
const rateArb = (range: { min: string; max: string }): fc.Arbitrary<string> =>
  fc.oneof({ weight: 6, arbitrary: rateInRangeArb(range).map((text) => text.replace(/0+$/u, '').replace(/\.$/u, '')) }, rateOutOfRangeArb(range), fc.constantFrom(' 0.22', '0.2e0', '+0.03', 'abc', ''))
const policies: fc.Arbitrary<CommissionPolicy> = fc.constantFrom(
  defaultCommissionPolicy,
  createCommissionPolicy({ rounding: 'halfEven', overProfitBonus: { mode: 'continuous' } }),
  createCommissionPolicy({ rounding: 'down', executionBonusRequiresMarginGate: false, marginGate: '0.255', overProfitBonus: { step: '0.025', threshold: '0.375' } }),
  createCommissionPolicy({ rounding: 'up', riskRate: '0.125' }),
)

const strategicArb: fc.Arbitrary<StrategicProjectCommissionInput> = fc
  .record({
    revenueFen: fc.bigInt({ min: 0n, max: 10n ** 11n }),
    profitShare: fc.integer({ min: -20, max: 101 }),
    lead: fc.record({ person: personArb, rate: rateArb(defaultCommissionPolicy.leadRateRange) }),
    assistants: fc.array(fc.record({ person: personArb, rate: rateArb(defaultCommissionPolicy.assistantRateRange) }), { maxLength: 3 }),
    medical: fc.option(personArb, { nil: undefined }),
    execution: fc.array(
      fc.record({ person: personArb, hours: fc.constantFrom('0', '7.5', '40', '12.25', '-1'), hourlyWage: yuanArb(100_000n), multiplier: rateArb(defaultCommissionPolicy.executionMultiplierRange) }),
      { maxLength: 2 },
    ),
    bonusShares: fc.option(fc.array(fc.record({ person: personArb, ratio: fc.constantFrom('1', '2', '0', '0.5', '3') }), { minLength: 0, maxLength: 3 }), { nil: undefined }),
  })
  .map(({ revenueFen, profitShare, lead, assistants, medical, execution, bonusShares }) => ({
    revenue: scaledDecimal(revenueFen, 2),
    // Profits around the gate and bonus thresholds, a few above revenue.
    profit: scaledDecimal((revenueFen * BigInt(profitShare)) / 100n + BigInt(profitShare % 3), 2),
    lead,
    assistants,
    ...(medical === undefined ? {} : { medicalStrategy: { person: medical } }),
    execution,
    ...(bonusShares === undefined ? {} : { bonusShares }),
  }))

describe('commission amounts without the trace agree with the traced functions (R-COM-1..7)', () => {
  it('fixed projects: the same turnover, rate and amount, or the same refusal (R-COM-1, R-COM-6)', () => {
    fc.assert(
      fc.property(fc.oneof(yuanArb(10n ** 12n), yuanArb(0n, -10_000n), fc.constantFrom('1,234.50', '¥12', 'abc')), rateArb(defaultCommissionPolicy.fixedRateRange), policies, (turnover, rate, policy) => {
        expect(outcome(() => fixedProjectCommissionAmounts({ turnover, rate }, policy))).toEqual(outcome(() => fixedProjectCommission({ turnover, rate }, policy)))
      }),
      { numRuns: 500 },
    )
  })

  it('risk projects: the same amount for any profit, none without profit (R-COM-5)', () => {
    fc.assert(
      fc.property(fc.oneof(yuanArb(10n ** 12n, -(10n ** 12n)), fc.constantFrom('-0.00', '0', 'x', '1.234')), policies, (profit, policy) => {
        expect(outcome(() => riskProjectCommissionAmounts({ profit }, policy))).toEqual(outcome(() => riskProjectCommission({ profit }, policy)))
      }),
      { numRuns: 500 },
    )
  })

  it('splits: the same parts, summing exactly to the whole, or the same refusal (R-COM-7)', () => {
    const shareArb = fc.record({ person: fc.oneof(personArb, fc.constantFrom('', ' ', 'E0001')), ratio: fc.oneof(fc.constantFrom('60', '40', '1', '0', '0.5', '2.25', '-1', 'x', ' 3'), fc.nat(1000).map(String)) })
    fc.assert(
      fc.property(fc.oneof(yuanArb(10n ** 12n, -(10n ** 6n)), fc.constantFrom('¥100', '1.234', '')), fc.array(shareArb, { maxLength: 4 }), policies, (amount, shares, policy) => {
        expect(outcome(() => splitCommissionAmounts(amount, shares, policy))).toEqual(outcome(() => splitCommission(amount, shares, policy)))
      }),
      { numRuns: 500 },
    )
  })

  it('strategic projects: the same outcome and lines, or the same refusal (R-COM-2, R-COM-3, R-COM-4, R-COM-6, R-COM-7)', () => {
    fc.assert(
      fc.property(strategicArb, policies, (input, policy) => {
        const traced = outcome(() => strategicProjectCommission(input, policy)) as Record<string, unknown>
        const amounts = outcome(() => strategicProjectCommissionAmounts(input, policy)) as Record<string, unknown>
        if ('refused' in traced) {
          expect(amounts).toEqual(traced)
          return
        }
        expect(amounts['lines']).toEqual(traced['lines'])
        expect(amounts['total']).toEqual(traced['total'])
        expect(amounts['qualified']).toBe(traced['qualified'])
        expect(amounts['reason']).toEqual(traced['reason'] ?? null)
        expect(amounts['bonusRecipients']).toEqual(traced['qualified'] === true ? (traced['overProfitBonus'] as { recipients: unknown }).recipients : [])
        expect(amounts['marginBelowGate']).toEqual(traced['qualified'] === true ? null : traced['margin'])
      }),
      { numRuns: 1000 },
    )
  })

  it('worked example: lead, assistant, medical strategy, execution and the bonus', () => {
    const result = strategicProjectCommissionAmounts({
      revenue: '1000000',
      profit: '450000',
      lead: { person: '张三', rate: '0.2' },
      assistants: [{ person: '李四', rate: '0.05' }],
      medicalStrategy: { person: '赵六' },
      execution: [{ person: '王五', hours: '7.5', hourlyWage: '80.33', multiplier: '2.5' }],
    })
    expect(result.lines.map((line) => `${line.person} ${line.role} ${line.base.toString()} ${line.amount.toString()}`)).toEqual([
      '张三 lead 450000 90000.00',
      '李四 assistant 450000 22500.00',
      '赵六 medicalStrategy 450000 22500.00',
      '王五 execution 602.475 1506.19', // 7.5 × 80.33 × 2.5 = 1506.1875
      '张三 overProfitBonus 10000 10000.00',
    ])
    expect(result.total.toString()).toBe('146506.19')
    expect(fixedProjectCommissionAmounts({ turnover: Money.parse('123,456.78'), rate: '0.08' }).amount.toString()).toBe('9876.54')
  })
})
