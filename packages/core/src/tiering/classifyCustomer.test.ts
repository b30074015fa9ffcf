import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { annualVolumeArb, customerFiguresArb, figuresWithoutVolumeArb } from '../../test/arbitraries/tieringArb.js'
import { Money } from '../money/money.js'
import { classifyCustomer } from './classifyCustomer.js'
import type { CustomerFigures } from './figures.js'
import { createTieringPolicy } from './policy.js'
import { TieringReasonCode } from './reason.js'
import { compareTiers, CUSTOMER_TIERS } from './tier.js'

const base: CustomerFigures = {
  annualVolume: '0',
  scale: 'large',
  urgency: 'urgent',
  hasIntention: true,
  hasBusinessHistory: true,
  companyNature: 'listed',
}
const codes = (figures: Partial<CustomerFigures>): string[] => classifyCustomer({ ...base, ...figures }).reasons.map((reason) => reason.code)

describe('R-TIE-3 classification by annual volume — worked examples at the boundaries', () => {
  it('999,999.99 → general; 1,000,000.00 → key', () => {
    expect(classifyCustomer({ ...base, annualVolume: '999999.99' }).tier).toBe('general')
    expect(classifyCustomer({ ...base, annualVolume: '1000000.00' }).tier).toBe('key')
    expect(codes({ annualVolume: '999999.99' })).toContain(TieringReasonCode.VOLUME_BELOW_KEY_THRESHOLD)
    expect(codes({ annualVolume: '1000000.00' })).toContain(TieringReasonCode.VOLUME_AT_KEY_THRESHOLD)
  })

  it('0.01 → general (general > 0)', () => {
    expect(classifyCustomer({ ...base, annualVolume: '0.01' }).tier).toBe('general')
  })

  it('accepts money in every MoneyInput form', () => {
    expect(classifyCustomer({ ...base, annualVolume: 1_000_000 }).tier).toBe('key')
    expect(classifyCustomer({ ...base, annualVolume: '¥1,000,000.00' }).tier).toBe('key')
    expect(classifyCustomer({ ...base, annualVolume: Money.parse('999999.99') }).tier).toBe('general')
  })

  it('a policy moves the threshold', () => {
    const policy = createTieringPolicy({ keyMinAnnualVolume: '2000000', strategicProposalMinAnnualVolume: '8000000' })
    expect(classifyCustomer({ ...base, annualVolume: '1999999.99' }, policy).tier).toBe('general')
    expect(classifyCustomer({ ...base, annualVolume: '2000000' }, policy).tier).toBe('key')
    expect(classifyCustomer({ ...base, annualVolume: '5000000' }, policy).proposedStrategic).toBe(false)
  })
})

describe('R-TIE-1 reserve, and the general tier of small private companies and sole traders', () => {
  it('0 without business history → reserve', () => {
    const result = classifyCustomer({ ...base, annualVolume: '0', hasBusinessHistory: false })
    expect(result.tier).toBe('reserve')
    expect(result.reasons[0]?.code).toBe(TieringReasonCode.NO_BUSINESS)
    expect(result.reasons[0]?.ruleId).toBe('R-TIE-1')
  })

  it('0 with business history → general by default, reserve when the policy says so', () => {
    expect(classifyCustomer({ ...base, annualVolume: '0' }).tier).toBe('general')
    expect(codes({ annualVolume: '0' })).toContain(TieringReasonCode.NO_VOLUME_WITH_HISTORY)
    const policy = createTieringPolicy({ zeroVolumeWithHistory: 'reserve' })
    const result = classifyCustomer({ ...base, annualVolume: '0' }, policy)
    expect(result.tier).toBe('reserve')
    expect(result.reasons[0]?.code).toBe(TieringReasonCode.NO_VOLUME_WITH_HISTORY)
  })

  it('a sole trader or a small private limited company is at most general, and is not proposed', () => {
    for (const figures of [
      { scale: 'sole-trader', companyNature: 'other' },
      { scale: 'medium', companyNature: 'soleTrader' },
      { scale: 'small', companyNature: 'privateLimited' },
    ] as const) {
      const result = classifyCustomer({ ...base, ...figures, annualVolume: '6000000' })
      expect(result.tier).toBe('general')
      expect(result.proposedStrategic).toBe(false)
      expect(result.reasons.map((reason) => reason.code)).toContain(TieringReasonCode.SMALL_PRIVATE_OR_SOLE_TRADER)
    }
  })

  it('a small company of unknown or other nature, or a medium private company, is not capped', () => {
    const { companyNature: _omit, ...withoutNature } = base
    expect(classifyCustomer({ ...withoutNature, scale: 'small', annualVolume: '1000000' }).tier).toBe('key')
    expect(classifyCustomer({ ...base, scale: 'medium', companyNature: 'privateLimited', annualVolume: '1000000' }).tier).toBe('key')
  })

  it('the cap can be switched off', () => {
    const policy = createTieringPolicy({ capSmallPrivateAtGeneral: false })
    expect(classifyCustomer({ ...base, scale: 'sole-trader', annualVolume: '1000000' }, policy).tier).toBe('key')
  })
})

describe('R-TIE-4 strategic partner is only proposed by the formula', () => {
  it('5,000,000 → key + proposedStrategic; 4,999,999.99 → key, not proposed', () => {
    const at = classifyCustomer({ ...base, annualVolume: '5000000' })
    expect(at.tier).toBe('key')
    expect(at.proposedStrategic).toBe(true)
    expect(at.reasons.find((reason) => reason.code === TieringReasonCode.STRATEGIC_PROPOSED)?.ruleId).toBe('R-TIE-4')
    const below = classifyCustomer({ ...base, annualVolume: '4999999.99' })
    expect(below.tier).toBe('key')
    expect(below.proposedStrategic).toBe(false)
  })

  it('never assigns strategic, for any valid input', () => {
    fc.assert(
      fc.property(customerFiguresArb, (figures) => {
        const result = classifyCustomer(figures)
        expect(result.tier).not.toBe('strategic')
        if (result.proposedStrategic) expect(result.tier).toBe('key')
      }),
    )
  })
})

describe('R-TIE-3 properties', () => {
  it('total: every valid input gets exactly one tier and one grade, with reasons', () => {
    fc.assert(
      fc.property(customerFiguresArb, (figures) => {
        const result = classifyCustomer(figures)
        expect(CUSTOMER_TIERS).toContain(result.tier)
        expect(['A', 'B', 'C']).toContain(result.grade)
        expect(result.reasons.length).toBeGreaterThanOrEqual(2)
        for (const reason of result.reasons) {
          expect(reason.ruleId).toMatch(/^R-TIE-[1-4]$/)
          expect(reason.messageZh.length).toBeGreaterThan(0)
          expect(reason.messageEn.length).toBeGreaterThan(0)
        }
      }),
    )
  })

  it('monotone: more volume never gives a lower tier, nor withdraws a proposal', () => {
    fc.assert(
      fc.property(annualVolumeArb, annualVolumeArb, figuresWithoutVolumeArb, (a, b, rest) => {
        const [low, high] = Money.parse(a).compare(Money.parse(b)) <= 0 ? [a, b] : [b, a]
        const lower = classifyCustomer({ ...rest, annualVolume: low })
        const higher = classifyCustomer({ ...rest, annualVolume: high })
        expect(compareTiers(higher.tier, lower.tier)).toBeGreaterThanOrEqual(0)
        if (lower.proposedStrategic) expect(higher.proposedStrategic).toBe(true)
      }),
    )
  })

  it('the grade does not depend on the volume', () => {
    fc.assert(
      fc.property(annualVolumeArb, annualVolumeArb, figuresWithoutVolumeArb, (a, b, rest) => {
        expect(classifyCustomer({ ...rest, annualVolume: a }).grade).toBe(classifyCustomer({ ...rest, annualVolume: b }).grade)
      }),
    )
  })

  it('is pure: the same input gives the same result', () => {
    fc.assert(
      fc.property(customerFiguresArb, (figures) => {
        expect(classifyCustomer(figures)).toEqual(classifyCustomer(figures))
      }),
    )
  })
})

describe('R-TIE-3 input validation', () => {
  it.each([
    [{ annualVolume: '-0.01' }, 'TIERING.NEGATIVE_VOLUME', 'figures.annualVolume'],
    [{ annualVolume: 'lots' }, 'MONEY.MALFORMED_AMOUNT', 'figures.annualVolume'],
    [{ annualVolume: 1000.5 }, 'MONEY.FLOAT_NOT_ACCEPTED', 'figures.annualVolume'],
    [{ annualVolume: '1.001' }, 'MONEY.SUB_FEN_PRECISION', 'figures.annualVolume'],
    [{ annualVolume: undefined }, 'TIERING.INVALID_FIGURES', 'figures.annualVolume'],
    [{ scale: 'huge' }, 'TIERING.INVALID_FIGURES', 'figures.scale'],
    [{ urgency: 'now' }, 'TIERING.INVALID_FIGURES', 'figures.urgency'],
    [{ hasIntention: 'yes' }, 'TIERING.INVALID_FIGURES', 'figures.hasIntention'],
    [{ hasBusinessHistory: 1 }, 'TIERING.INVALID_FIGURES', 'figures.hasBusinessHistory'],
    [{ companyNature: 'cooperative' }, 'TIERING.INVALID_FIGURES', 'figures.companyNature'],
    [{ turnover: '1' }, 'TIERING.INVALID_FIGURES', 'figures.turnover'],
  ])('%o → %s at %s', (patch, code, field) => {
    expect(() => classifyCustomer({ ...base, ...patch } as unknown as CustomerFigures)).toThrow(expect.objectContaining({ code, field }))
  })

  it('refuses a non-object', () => {
    expect(() => classifyCustomer(null as unknown as CustomerFigures)).toThrow(expect.objectContaining({ code: 'TIERING.INVALID_FIGURES', field: 'figures' }))
  })

  it('validates a non-default policy', () => {
    expect(() => classifyCustomer(base, { ...createTieringPolicy(), keyMinAnnualVolume: '-1' })).toThrow(
      expect.objectContaining({ code: 'POLICY.INVALID_FIELD', field: 'policy.keyMinAnnualVolume' }),
    )
  })
})
