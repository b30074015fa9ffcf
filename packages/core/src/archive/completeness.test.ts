import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { archiveRecordArb, emptyValueArb, filledValueArb } from '../../test/arbitraries/archiveArb.js'
import { PolicyValidationError } from '../errors.js'
import { Decimal } from '../money/decimal.js'
import { Money } from '../money/money.js'
import { archiveCompleteness, isArchiveValueFilled } from './completeness.js'
import { type ArchiveCompletenessPolicy, createArchiveCompletenessPolicy } from './completenessPolicy.js'
import { ArchiveErrorCode, InvalidArchiveInputError } from './errors.js'
import { ARCHIVE_FIELDS, type ArchiveFieldName, type CustomerArchiveDraft } from './fields.js'

const fullRecord: CustomerArchiveDraft = {
  name: '上海华东精密机械有限公司',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '王建国',
  address: '上海市浦东新区张江路 100 号',
  postalCode: '201203',
  phone: '021-12345678',
  fax: '021-12345679',
  email: 'info@example.cn',
  businessScope: '精密机械制造',
  registeredCapital: '5000000.00',
  companyNature: 'privateLimited',
  industryPosition: 'influential',
  mainBusiness: '数控机床',
  additionalBusiness: '维修服务',
  salesLastThreeYears: [{ year: 2025, amount: '12000000.00' }],
  creditRating: 'A',
  ourStrengths: '交期短',
  ourWeaknessesAndCountermeasures: '价格偏高；以服务补足',
  organisationStructure: '总经理—采购部—生产部',
  decisionProcess: '采购部提议，总经理批准',
  decisionMakers: ['王建国'],
  competitors: [{ company: '竞争对手甲', price: '98000.00', solution: '标准机型' }],
  status: 'developing',
}

describe('R-ARC-3 archive completeness 客户档案完整率', () => {
  describe('worked examples', () => {
    it('name, phone, address, postal code, email: (2+2+2+1+1) / 28 = 8/28 = 28.57%, missing credit code first', () => {
      const result = archiveCompleteness({ name: '华东精密机械有限公司', phone: '021-12345678', address: '上海市浦东新区', postalCode: '200120', email: 'info@example.cn' })
      expect(result.ruleId).toBe('R-ARC-3')
      expect(result.filledWeight.toString()).toBe('8')
      expect(result.totalWeight.toString()).toBe('28')
      expect(result.score.equals(new Decimal(8).dividedBy(28))).toBe(true)
      expect(result.percent).toBe('28.57%')
      expect(result.filledFields).toEqual(['name', 'address', 'postalCode', 'phone', 'email'])
      expect(result.missingFields.map((m) => m.field).slice(0, 3)).toEqual(['creditCode', 'legalRepresentative', 'fax'])
      expect(result.missingFields[0]).toMatchObject({ field: 'creditCode', labelZh: '统一社会信用代码' })
      expect(result.missingFields[0]?.weight.toString()).toBe('2')
      expect(result.missingFields).toHaveLength(18)
    })

    it('all five identity fields and four others: 14/28 = exactly 0.5 = 50.00%', () => {
      const result = archiveCompleteness({
        name: 'A',
        creditCode: '91350100M000100Y43',
        legalRepresentative: '王建国',
        address: '上海',
        phone: '13812345678',
        fax: '021-12345679',
        email: 'a@b.cn',
        status: 'prospect',
        decisionMakers: ['王建国'],
      })
      expect(result.score.toString()).toBe('0.5')
      expect(result.percent).toBe('50.00%')
    })

    it('all filled = 1 (100.00%), nothing missing; empty = 0 (0.00%), all missing heaviest first', () => {
      const full = archiveCompleteness(fullRecord)
      expect(full.score.toString()).toBe('1')
      expect(full.percent).toBe('100.00%')
      expect(full.missingFields).toEqual([])
      const empty = archiveCompleteness({})
      expect(empty.score.toString()).toBe('0')
      expect(empty.percent).toBe('0.00%')
      expect(empty.missingFields.map((m) => m.field).slice(0, 6)).toEqual(['name', 'creditCode', 'legalRepresentative', 'address', 'phone', 'postalCode'])
    })

    it('follows the policy: fax weight 0 leaves it out; email 3 moves it up', () => {
      const policy = createArchiveCompletenessPolicy({ weights: { fax: 0, email: 3 } })
      const result = archiveCompleteness({ name: 'A', fax: '021-12345679' }, policy)
      expect(result.totalWeight.toString()).toBe('29') // 28 − 1 (fax) + 2 (email 1 → 3)
      expect(result.filledWeight.toString()).toBe('2')
      expect(result.filledFields).toEqual(['name'])
      expect(result.missingFields[0]?.field).toBe('email')
      expect(result.missingFields.some((m) => m.field === 'fax')).toBe(false)
    })

    it('ignores properties that are not archive fields (id, contacts…)', () => {
      const record = { name: 'A', id: 'C1', contacts: [{ name: '张三' }] } as CustomerArchiveDraft
      expect(archiveCompleteness(record).filledWeight.toString()).toBe('2')
    })
  })

  describe('what counts as filled', () => {
    it.each([
      [undefined, false],
      [null, false],
      ['', false],
      ['  \t', false],
      ['\u3000', false],
      ['x', true],
      [[], false],
      [[''], false],
      [['', '张总'], true],
      [0, true],
      [false, true],
      [Money.of('0.00'), true],
      [new Decimal('0'), true],
      [{ company: '' }, false],
      [{ company: '竞争对手甲' }, true],
      [[{ company: ' ', price: null }], false],
    ])('%j → %s', (value, filled) => {
      expect(isArchiveValueFilled(value)).toBe(filled)
    })
  })

  describe('errors', () => {
    it.each([[null], [[]], ['name'], [7]])('a record %j is refused with ARCHIVE.NOT_A_RECORD on record', (record) => {
      expect(() => archiveCompleteness(record as unknown as CustomerArchiveDraft)).toThrow(InvalidArchiveInputError)
      expect(() => archiveCompleteness(record as unknown as CustomerArchiveDraft)).toThrow(expect.objectContaining({ code: ArchiveErrorCode.NOT_A_RECORD, field: 'record', ruleId: 'R-ARC-3' }))
    })

    it.each([
      [{ registeredCapital: Number.NaN }, 'record.registeredCapital'],
      [{ registeredCapital: new Decimal(Number.POSITIVE_INFINITY) }, 'record.registeredCapital'],
      [{ salesLastThreeYears: [{ year: 2025, amount: Number.NaN }] }, 'record.salesLastThreeYears[0].amount'],
    ])('NaN / Infinity is refused with ARCHIVE.NON_FINITE_NUMBER on %s', (record, field) => {
      expect(() => archiveCompleteness(record as unknown as CustomerArchiveDraft)).toThrow(expect.objectContaining({ code: ArchiveErrorCode.NON_FINITE_NUMBER, field }))
    })

    it('a hand-written invalid policy is refused naming the field', () => {
      const bad = { weights: { ...createArchiveCompletenessPolicy().weights, fax: '-1' } } as ArchiveCompletenessPolicy
      expect(() => archiveCompleteness({}, bad)).toThrow(PolicyValidationError)
      expect(() => archiveCompleteness({}, bad)).toThrow(expect.objectContaining({ field: 'archiveCompleteness.weights.fax' }))
    })
  })

  describe('properties', () => {
    const weightsArb = fc.dictionary(fc.constantFrom(...ARCHIVE_FIELDS), fc.oneof(fc.nat({ max: 5 }), fc.constantFrom('0.5', '1.25', '0.001')))
    const policyArb = weightsArb.filter((weights) => Object.values(weights).some((w) => Number(w) > 0) || Object.keys(weights).length < ARCHIVE_FIELDS.length).map((weights) => createArchiveCompletenessPolicy({ weights }))

    it('the score is in [0, 1] and the percent agrees with it', () => {
      fc.assert(
        fc.property(archiveRecordArb, policyArb, (record, policy) => {
          const { score, percent, filledWeight, totalWeight } = archiveCompleteness(record, policy)
          expect(score.greaterThanOrEqualTo(0) && score.lessThanOrEqualTo(1)).toBe(true)
          expect(filledWeight.lessThanOrEqualTo(totalWeight)).toBe(true)
          expect(percent).toBe(`${score.times(100).toFixed(2)}%`)
        }),
      )
    })

    it('filling any empty field never lowers the score (monotone)', () => {
      fc.assert(
        fc.property(
          archiveRecordArb,
          policyArb,
          fc.constantFrom(...ARCHIVE_FIELDS).chain((field) => fc.tuple(fc.constant(field), filledValueArb(field))),
          (record, policy, [field, value]) => {
            const before = archiveCompleteness(record, policy).score
            const after = archiveCompleteness({ ...record, [field]: value }, policy).score
            expect(after.greaterThanOrEqualTo(before)).toBe(true)
            if (!isArchiveValueFilled(record[field]) && policy.weights[field] !== '0') expect(after.greaterThan(before)).toBe(true)
          },
        ),
      )
    })

    it('all filled = 1 and all empty = 0, for every policy', () => {
      fc.assert(
        fc.property(policyArb, fc.tuple(...ARCHIVE_FIELDS.map(() => emptyValueArb)), (policy, empties) => {
          expect(archiveCompleteness(fullRecord, policy).score.toString()).toBe('1')
          const empty = Object.fromEntries(ARCHIVE_FIELDS.map((field, i) => [field, empties[i]]))
          expect(archiveCompleteness(empty, policy).score.toString()).toBe('0')
        }),
      )
    })

    it('the missing fields are exactly the empty weighted fields, heaviest first', () => {
      fc.assert(
        fc.property(archiveRecordArb, policyArb, (record, policy) => {
          const { missingFields, filledFields } = archiveCompleteness(record, policy)
          const weighted = ARCHIVE_FIELDS.filter((field) => policy.weights[field] !== '0')
          expect(new Set([...missingFields.map((m) => m.field), ...filledFields])).toEqual(new Set<ArchiveFieldName>(weighted))
          for (let i = 1; i < missingFields.length; i += 1) {
            expect(missingFields[i - 1]?.weight.greaterThanOrEqualTo(missingFields[i]?.weight ?? 0)).toBe(true)
          }
        }),
      )
    })
  })
})
