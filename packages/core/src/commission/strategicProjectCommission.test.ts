import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { personArb, rateInRangeArb, rateOutOfRangeArb } from '../../test/arbitraries/commissionArb.js'
import { Money, sumMoney } from '../money/money.js'
import { CommissionErrorCode, CommissionInputError } from './errors.js'
import { createCommissionPolicy, defaultCommissionPolicy } from './policy.js'
import { strategicProjectCommission, type StrategicProjectCommissionInput } from './strategicProjectCommission.js'

const base: StrategicProjectCommissionInput = {
  revenue: '1000000',
  profit: '450000',
  lead: { person: '张三', rate: '0.2' },
  assistants: [{ person: '李四', rate: '0.05' }],
}

function thrown(input: StrategicProjectCommissionInput, policy = defaultCommissionPolicy): CommissionInputError {
  try {
    strategicProjectCommission(input, policy)
  } catch (error) {
    expect(error).toBeInstanceOf(CommissionInputError)
    return error as CommissionInputError
  }
  throw new Error('expected a CommissionInputError')
}

function summary(result: ReturnType<typeof strategicProjectCommission>): string[] {
  return result.lines.map((line) => `${line.person} ${line.role} ${line.amount.toString()}`)
}

describe('R-COM-2 strategic project roles', () => {
  it('pays lead 20%, assistant 5%, medical strategy 5%, execution hours × wage × multiplier, plus the bonus to the lead', () => {
    const result = strategicProjectCommission({
      ...base,
      medicalStrategy: { person: '赵六' },
      execution: [{ person: '王五', hours: '7.5', hourlyWage: '80.33', multiplier: '2.5' }],
    })
    expect(result.qualified).toBe(true)
    expect(summary(result)).toEqual([
      '张三 lead 90000.00',
      '李四 assistant 22500.00',
      '赵六 medicalStrategy 22500.00',
      '王五 execution 1506.19', // 7.5 × 80.33 × 2.5 = 1506.1875
      '张三 overProfitBonus 10000.00',
    ])
    expect(result.lines[3]?.unrounded.toString()).toBe('1506.1875')
    expect(result.lines[3]?.base.toString()).toBe('602.475')
    expect(result.total.toString()).toBe('146506.19')
    expect(result.perPerson.map((entry) => `${entry.person} ${entry.amount.toString()}`)).toEqual([
      '张三 100000.00',
      '李四 22500.00',
      '赵六 22500.00',
      '王五 1506.19',
    ])
  })

  it('worked example of the docs: lead 25%, two assistants, margin 35% (no bonus)', () => {
    const result = strategicProjectCommission({
      revenue: '200000',
      profit: '70000',
      lead: { person: 'E001', rate: '0.25' },
      assistants: [
        { person: 'E002', rate: '0.03' },
        { person: 'E003', rate: '0.015' },
      ],
    })
    expect(result.qualified).toBe(true)
    expect(summary(result)).toEqual(['E001 lead 17500.00', 'E002 assistant 2100.00', 'E003 assistant 1050.00'])
    if (!result.qualified) throw new Error('qualified')
    expect(result.overProfitBonus.amount.isZero()).toBe(true)
    expect(result.overProfitBonus.recipients).toEqual([])
    expect(result.total.toString()).toBe('20650.00')
  })

  it('rounds each line once, half up', () => {
    // 1234.57 × 0.2 = 246.914 → 246.91; × 0.05 = 61.7285 → 61.73
    const result = strategicProjectCommission({ revenue: '3000', profit: '1234.57', lead: { person: 'A', rate: '0.2' }, medicalStrategy: { person: 'M' } })
    expect(summary(result)).toEqual(['A lead 246.91', 'M medicalStrategy 61.73'])
  })

  it('follows the policy medical-strategy rate', () => {
    const policy = createCommissionPolicy({ medicalStrategyRate: '0.04' })
    expect(summary(strategicProjectCommission({ revenue: '100', profit: '50', lead: { person: 'A', rate: '0.2' }, medicalStrategy: { person: 'M' } }, policy))).toEqual(
      ['A lead 10.00', 'M medicalStrategy 2.00', 'A overProfitBonus 2.00'],
    )
  })
})

describe('R-COM-3 strategic margin gate', () => {
  it('revenue 100, profit 30 qualifies; profit 29.99 does not, with reason, margin and gate', () => {
    expect(strategicProjectCommission({ revenue: '100', profit: '30', lead: { person: 'A', rate: '0.2' } }).qualified).toBe(true)
    const result = strategicProjectCommission({ revenue: '100', profit: '29.99', lead: { person: 'A', rate: '0.2' } })
    expect(result.qualified).toBe(false)
    if (result.qualified) throw new Error('not qualified')
    expect(result.reason).toBe('marginBelowGate')
    expect(result.margin?.toString()).toBe('0.2999')
    expect(result.gate.toString()).toBe('0.3')
    expect(result.lines).toEqual([])
    expect(result.total.toString()).toBe('0.00')
    expect(result.trace.steps.find((step) => step.ruleId === 'R-COM-3')?.description.en).toContain('below the gate of 30%')
  })

  it('zero revenue does not qualify, reason revenueZero', () => {
    const result = strategicProjectCommission({ revenue: 0, profit: '-10', lead: { person: 'A', rate: '0.2' } })
    expect(result).toMatchObject({ qualified: false, reason: 'revenueZero', margin: null })
    expect(result.trace.margin).toBeNull()
    expect(result.trace.steps[1]?.description.zh).toContain('项目收入为 0')
  })

  it('a loss does not qualify', () => {
    expect(strategicProjectCommission({ revenue: '100', profit: '-1', lead: { person: 'A', rate: '0.2' } })).toMatchObject({ qualified: false, reason: 'marginBelowGate' })
  })

  it('withholds the execution bonus below the gate by default', () => {
    const input = { revenue: '100', profit: '10', lead: { person: 'A', rate: '0.2' }, execution: [{ person: 'X', hours: 8, hourlyWage: 50, multiplier: 2 }] }
    expect(strategicProjectCommission(input).lines).toEqual([])
    const ungated = createCommissionPolicy({ executionBonusRequiresMarginGate: false })
    const result = strategicProjectCommission(input, ungated)
    expect(result.qualified).toBe(false)
    expect(summary(result)).toEqual(['X execution 800.00'])
    expect(result.total.toString()).toBe('800.00')
    expect(result.trace.steps.map((step) => step.ruleId)).toEqual(['R-COM-6', 'R-COM-3', 'R-COM-2'])
  })

  it('the gate is exact: profit = 0.3 × revenue qualifies, one fen less does not', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), (m) => {
        const revenue = Money.fromFen(10n * m)
        const lead = { person: 'A', rate: '0.2' }
        expect(strategicProjectCommission({ revenue, profit: Money.fromFen(3n * m), lead }).qualified).toBe(true)
        const below = strategicProjectCommission({ revenue, profit: Money.fromFen(3n * m - 1n), lead })
        expect(below).toMatchObject({ qualified: false, reason: 'marginBelowGate' })
        expect(below.total.isZero()).toBe(true)
      }),
    )
  })

  it('follows a company gate', () => {
    const policy = createCommissionPolicy({ marginGate: 0.25 })
    expect(strategicProjectCommission({ revenue: '100', profit: '25', lead: { person: 'A', rate: '0.2' } }, policy).qualified).toBe(true)
  })
})

describe('R-COM-4 over-profit bonus in a strategic project', () => {
  it('goes to the lead by default', () => {
    const result = strategicProjectCommission(base)
    if (!result.qualified) throw new Error('qualified')
    expect(result.overProfitBonus).toMatchObject({ mode: 'stepwise', steps: 1 })
    expect(result.overProfitBonus.amount.toString()).toBe('10000.00')
    expect(result.overProfitBonus.recipients.map((part) => [part.person, part.amount.toString()])).toEqual([['张三', '10000.00']])
    expect(summary(result)).toEqual(['张三 lead 90000.00', '李四 assistant 22500.00', '张三 overProfitBonus 10000.00'])
    expect(result.total.toString()).toBe('122500.00')
  })

  it('is split exactly by bonusShares (R-COM-7)', () => {
    const result = strategicProjectCommission({
      ...base,
      bonusShares: [
        { person: '张三', ratio: 2 },
        { person: '李四', ratio: 1 },
      ],
    })
    expect(summary(result).slice(2)).toEqual(['张三 overProfitBonus 6666.67', '李四 overProfitBonus 3333.33'])
    expect(result.trace.rulesApplied).toContain('R-COM-7')
  })

  it('pays nothing extra when the profit is one fen under 45%', () => {
    const result = strategicProjectCommission({ ...base, profit: '449999.99' })
    expect(summary(result)).toEqual(['张三 lead 90000.00', '李四 assistant 22500.00'])
    expect(result.trace.bonusSteps).toBe(0)
  })

  it('bonus parts always sum exactly to the bonus, and lines to the total and per-person sums', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.uniqueArray(personArb, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 6, maxLength: 6 }),
        rateInRangeArb(defaultCommissionPolicy.leadRateRange),
        (revenueFen, seed, people, ratios, leadRate) => {
          const revenue = Money.fromFen(revenueFen)
          const profit = Money.fromFen((revenueFen * 3n) / 10n + 1n + (seed % (revenueFen - (revenueFen * 3n) / 10n)))
          const result = strategicProjectCommission({
            revenue,
            profit: profit.compare(revenue) > 0 ? revenue : profit,
            lead: { person: 'LEAD', rate: leadRate },
            bonusShares: people.map((person, index) => ({ person, ratio: ratios[index] ?? 1 })),
          })
          if (!result.qualified) return
          expect(sumMoney(result.overProfitBonus.recipients.map((part) => part.amount)).equals(result.overProfitBonus.amount)).toBe(true)
          expect(sumMoney(result.lines.map((line) => line.amount)).equals(result.total)).toBe(true)
          expect(sumMoney(result.perPerson.map((entry) => entry.amount)).equals(result.total)).toBe(true)
          expect(result.lines.every((line) => !line.amount.isNegative())).toBe(true)
        },
      ),
    )
  })
})

describe('R-COM-6 strategic rates out of range', () => {
  it.each(([
    [{ ...base, lead: { person: '张三', rate: '0.26' } }, 'lead.rate', { rate: '0.26', min: '0.2', max: '0.25' }],
    [{ ...base, lead: { person: '张三', rate: '0.19' } }, 'lead.rate', { rate: '0.19', min: '0.2', max: '0.25' }],
    [
      { ...base, assistants: [{ person: '李四', rate: '0.05' }, { person: '钱七', rate: '0.06' }] },
      'assistants[1].rate',
      { rate: '0.06', min: '0.01', max: '0.05' },
    ],
    [
      { ...base, execution: [{ person: '王五', hours: 8, hourlyWage: 50, multiplier: '3.5' }] },
      'execution[0].multiplier',
      { rate: '3.5', min: '2', max: '3' },
    ],
  ] as [StrategicProjectCommissionInput, string, Record<string, string>][]).map(([input, field, details]) => ({ input, field, details })))('refuses $field out of range', ({ input, field, details }) => {
    const error = thrown(input)
    expect(error.code).toBe(CommissionErrorCode.RATE_OUT_OF_RANGE)
    expect(error.field).toBe(field)
    expect(error.ruleId).toBe('R-COM-6')
    expect(error.details).toEqual(details)
  })

  it('refuses out-of-range rates even when the project does not qualify', () => {
    expect(thrown({ revenue: '100', profit: '1', lead: { person: 'A', rate: '0.5' } }).code).toBe(CommissionErrorCode.RATE_OUT_OF_RANGE)
  })

  it('refuses every lead, assistant and multiplier outside its range', () => {
    const { leadRateRange, assistantRateRange, executionMultiplierRange } = defaultCommissionPolicy
    fc.assert(
      fc.property(rateOutOfRangeArb(leadRateRange), rateOutOfRangeArb(assistantRateRange), rateOutOfRangeArb(executionMultiplierRange), (lead, assistant, multiplier) => {
        expect(thrown({ ...base, lead: { person: 'A', rate: lead } }).field).toBe('lead.rate')
        expect(thrown({ ...base, assistants: [{ person: 'B', rate: assistant }] }).field).toBe('assistants[0].rate')
        expect(thrown({ ...base, execution: [{ person: 'C', hours: 1, hourlyWage: 1, multiplier }] }).field).toBe('execution[0].multiplier')
      }),
    )
  })

  it('accepts every rate inside its range', () => {
    const { leadRateRange, assistantRateRange, executionMultiplierRange } = defaultCommissionPolicy
    fc.assert(
      fc.property(rateInRangeArb(leadRateRange), rateInRangeArb(assistantRateRange), rateInRangeArb(executionMultiplierRange), (lead, assistant, multiplier) => {
        const result = strategicProjectCommission({
          ...base,
          lead: { person: 'A', rate: lead },
          assistants: [{ person: 'B', rate: assistant }],
          execution: [{ person: 'C', hours: 1, hourlyWage: 1, multiplier }],
        })
        expect(result.qualified).toBe(true)
      }),
    )
  })
})

describe('strategic project input errors', () => {
  it.each(([
    [{ ...base, revenue: '-1' }, CommissionErrorCode.NEGATIVE_AMOUNT, 'revenue'],
    [{ ...base, profit: '1000000.01' }, CommissionErrorCode.PROFIT_EXCEEDS_REVENUE, 'profit'],
    [{ ...base, lead: { person: ' ', rate: '0.2' } }, CommissionErrorCode.INVALID_PERSON, 'lead.person'],
    [{ ...base, assistants: [{ person: '张三', rate: '0.02' }] }, CommissionErrorCode.DUPLICATE_PERSON, 'assistants[0].person'],
    [
      { ...base, assistants: [{ person: '李四', rate: '0.02' }, { person: '李四', rate: '0.03' }] },
      CommissionErrorCode.DUPLICATE_PERSON,
      'assistants[1].person',
    ],
    [{ ...base, medicalStrategy: { person: '' } }, CommissionErrorCode.INVALID_PERSON, 'medicalStrategy.person'],
    [{ ...base, execution: [{ person: 'X', hours: '-1', hourlyWage: 50, multiplier: 2 }] }, CommissionErrorCode.INVALID_HOURS, 'execution[0].hours'],
    [{ ...base, execution: [{ person: 'X', hours: 'eight', hourlyWage: 50, multiplier: 2 }] }, CommissionErrorCode.INVALID_HOURS, 'execution[0].hours'],
    [{ ...base, execution: [{ person: 'X', hours: 8, hourlyWage: '-50', multiplier: 2 }] }, CommissionErrorCode.NEGATIVE_AMOUNT, 'execution[0].hourlyWage'],
    [{ ...base, bonusShares: [] }, CommissionErrorCode.INVALID_SHARES, 'bonusShares'],
    [{ ...base, bonusShares: [{ person: 'A', ratio: -1 }] }, CommissionErrorCode.INVALID_SHARES, 'bonusShares[0].ratio'],
    [{ ...base, assistants: 'E2' as unknown as [] }, CommissionErrorCode.INVALID_INPUT, 'assistants'],
    [{ ...base, lead: undefined as unknown as { person: string; rate: string } }, CommissionErrorCode.INVALID_INPUT, 'lead'],
  ] as [StrategicProjectCommissionInput, string, string][]).map(([input, code, field]) => ({ input, code, field })))('refuses $field with $code', ({ input, code, field }) => {
    const error = thrown(input)
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
    expect(error.messageZh.length).toBeGreaterThan(0)
    expect(error.messageEn).toContain(field)
  })

  it('reports a missing lead rate as malformed', () => {
    expect(() => strategicProjectCommission({ ...base, lead: { person: 'A' } as unknown as { person: string; rate: string } })).toThrow(
      expect.objectContaining({ code: 'DECIMAL.MALFORMED', field: 'lead.rate' }),
    )
  })
})

describe('R-COM-8 strategic trace', () => {
  it('mentions every rule applied, in order, with margin, steps and rounding', () => {
    const result = strategicProjectCommission({
      ...base,
      medicalStrategy: { person: '赵六' },
      execution: [{ person: '王五', hours: '7.5', hourlyWage: '80.33', multiplier: '2.5' }],
      bonusShares: [{ person: '张三', ratio: 1 }],
    })
    const { trace } = result
    expect(trace.kind).toBe('strategicProject')
    expect(trace.rulesApplied).toEqual(['R-COM-6', 'R-COM-3', 'R-COM-2', 'R-COM-4', 'R-COM-7'])
    expect(trace.margin).toBe('0.45')
    expect(trace.bonusSteps).toBe(1)
    expect(trace.total).toBe(result.total.toString())
    expect(trace.rounding.mode).toBe('halfUp')
    const lead = trace.steps.find((step) => step.person === '张三' && step.ruleId === 'R-COM-2')
    expect(lead).toMatchObject({ formula: 'profit × rate', inputs: { profit: '450000.00', rate: '0.2' }, unrounded: '90000', amount: '90000.00' })
    const execution = trace.steps.find((step) => step.person === '王五')
    expect(execution).toMatchObject({ unrounded: '1506.1875', amount: '1506.19' })
    expect(trace.steps[0]?.inputs).toMatchObject({ 'lead.rate': '0.2 ∈ [0.2, 0.25]', 'execution[0].multiplier': '2.5 ∈ [2, 3]' })
    for (const step of trace.steps) {
      expect(step.description.zh.length).toBeGreaterThan(0)
      expect(step.description.en.length).toBeGreaterThan(0)
    }
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace)
  })

  it('every amount-bearing step of a random qualified project names its rule and ends in a line amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 10n }), rateInRangeArb(defaultCommissionPolicy.leadRateRange), (m, rate) => {
        const result = strategicProjectCommission({ revenue: Money.fromFen(100n * m), profit: Money.fromFen(50n * m), lead: { person: 'A', rate } })
        const amounts = result.trace.steps.filter((step) => step.amount !== null).map((step) => step.amount)
        expect(amounts).toEqual(result.lines.map((line) => line.amount.toString()))
        expect(result.trace.rulesApplied).toEqual(expect.arrayContaining(['R-COM-2', 'R-COM-3', 'R-COM-4', 'R-COM-6']))
      }),
    )
  })
})
