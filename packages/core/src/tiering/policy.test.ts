import { describe, expect, it } from 'vitest'

import { createTieringPolicy, defaultTieringPolicy } from './policy.js'

describe('R-TIE-3 / R-TIE-4 / R-TIE-5 tiering policy', () => {
  it('defaults are the regulation numbers and createTieringPolicy() reproduces them', () => {
    expect(createTieringPolicy()).toEqual(defaultTieringPolicy)
    expect(defaultTieringPolicy).toMatchObject({
      keyMinAnnualVolume: '1000000.00',
      strategicProposalMinAnnualVolume: '5000000.00',
      bigCustomerTiers: ['strategic', 'key'],
      gradeAScales: ['large'],
    })
    expect(Object.isFrozen(createTieringPolicy())).toBe(true)
  })

  it('normalises amounts and keeps the policy JSON-serialisable', () => {
    const policy = createTieringPolicy({ keyMinAnnualVolume: 2_000_000, strategicProposalMinAnnualVolume: '2000000' })
    expect(policy.keyMinAnnualVolume).toBe('2000000.00')
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy)
  })

  it('accepts a list in any order and returns it ordered', () => {
    expect(createTieringPolicy({ bigCustomerTiers: ['general', 'strategic', 'key'] }).bigCustomerTiers).toEqual(['strategic', 'key', 'general'])
  })

  it.each([
    [{ keyMinAnnualVolume: 0 }, 'tiering.keyMinAnnualVolume'],
    [{ keyMinAnnualVolume: '-5' }, 'tiering.keyMinAnnualVolume'],
    [{ keyMinAnnualVolume: '1000000.001' }, 'tiering.keyMinAnnualVolume'],
    [{ keyMinAnnualVolume: 'a million' }, 'tiering.keyMinAnnualVolume'],
    [{ keyMinAnnualVolume: '6000000' }, 'tiering.strategicProposalMinAnnualVolume'],
    [{ strategicProposalMinAnnualVolume: '999999.99' }, 'tiering.strategicProposalMinAnnualVolume'],
    [{ capSmallPrivateAtGeneral: 'yes' }, 'tiering.capSmallPrivateAtGeneral'],
    [{ zeroVolumeWithHistory: 'key' }, 'tiering.zeroVolumeWithHistory'],
    [{ gradeAScales: [] }, 'tiering.gradeAScales'],
    [{ gradeAScales: ['medium'] }, 'tiering.gradeAScales'],
    [{ gradeAScales: ['huge'] }, 'tiering.gradeAScales[0]'],
    [{ bigCustomerTiers: ['key'] }, 'tiering.bigCustomerTiers'],
    [{ bigCustomerTiers: ['strategic', 'strategic'] }, 'tiering.bigCustomerTiers'],
    [{ bigCustomerTiers: 'strategic' }, 'tiering.bigCustomerTiers'],
    [{ approvalRequiresProposal: null }, 'tiering.approvalRequiresProposal'],
    [{ keyThreshold: 1 }, 'tiering.keyThreshold'],
  ])('%o → POLICY.INVALID_FIELD at %s', (overrides, field) => {
    expect(() => createTieringPolicy(overrides)).toThrow(expect.objectContaining({ code: 'POLICY.INVALID_FIELD', field }))
  })

  it('refuses a non-object', () => {
    expect(() => createTieringPolicy([])).toThrow(expect.objectContaining({ code: 'POLICY.INVALID_FIELD', field: 'tiering' }))
  })
})
