import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { baseCustomerNameArb, creditCodeArb, legalSuffixArb, toFullWidth } from '../../test/arbitraries/archiveArb.js'
import { createCustomerNamePolicy } from './customerNamePolicy.js'
import { createDuplicateIndex, type ExistingCustomer, findDuplicates, findDuplicatesInBatch } from './duplicates.js'
import { ArchiveErrorCode, InvalidArchiveInputError } from './errors.js'

const existing: readonly ExistingCustomer[] = [
  { id: 'C1', name: '上海华东精密机械有限公司' },
  { id: 'C2', name: '北京星河贸易有限公司', creditCode: '91350100M000100Y43' },
  { id: 'C3', name: 'ABC Trading Co., Ltd.', creditCode: '9144030071526726XG' },
  { id: 'C4', name: '上海华东精密机械（集团）', creditCode: '91330100799655058B' },
]

describe('R-ARC-5 duplicate check 查重', () => {
  describe('worked examples', () => {
    it('a unique customer gets no match', () => {
      expect(findDuplicates({ name: '广州南方物流有限公司', creditCode: '911100007109339484' }, existing)).toEqual([])
    })

    it('the same name with a different legal form, width and spacing matches every such record', () => {
      const matches = findDuplicates({ name: '上海 华东精密机械 股份有限公司' }, existing)
      expect(matches.map((m) => [m.id, m.by])).toEqual([
        ['C1', 'name'],
        ['C4', 'name'],
      ])
      expect(matches[0]).toEqual({
        id: 'C1',
        by: 'name',
        matchedOn: ['name'],
        name: '上海华东精密机械有限公司',
        normalisedName: '上海华东精密机械',
        creditCode: undefined,
        creditCodesDiffer: false,
      })
    })

    it('the same credit code matches whatever the name, after normalising the code', () => {
      expect(findDuplicates({ name: '星河', creditCode: ' ９１３５０１００ｍ０００１００ｙ４３ ' }, existing)).toEqual([
        { id: 'C2', by: 'creditCode', matchedOn: ['creditCode'], name: '北京星河贸易有限公司', normalisedName: '北京星河贸易', creditCode: '91350100M000100Y43', creditCodesDiffer: false },
      ])
    })

    it('code and name both matching give one match on both; code matches come first', () => {
      const matches = findDuplicates({ name: '上海华东精密机械有限公司', creditCode: '91330100799655058B' }, existing)
      expect(matches.map((m) => [m.id, m.by, m.matchedOn])).toEqual([
        ['C4', 'creditCode', ['creditCode', 'name']],
        ['C1', 'name', ['name']],
      ])
    })

    it('a different credit code does not hide a name duplicate: it is reported and flagged', () => {
      const matches = findDuplicates({ name: 'abc trading limited', creditCode: '911100007109339484' }, existing)
      expect(matches).toHaveLength(1)
      expect(matches[0]).toMatchObject({ id: 'C3', by: 'name', creditCodesDiffer: true })
    })

    it('an empty key never matches (a name that is only a legal form, a blank code)', () => {
      const records = [{ id: 1, name: '有限公司', creditCode: '  ' }]
      expect(findDuplicates({ name: '公司', creditCode: '' }, records)).toEqual([])
    })

    it('uses the name policy', () => {
      const records = [{ id: 1, name: '星河贸易（香港）有限公司' }]
      expect(findDuplicates({ name: '星河贸易有限公司' }, records)).toEqual([])
      const policy = createCustomerNamePolicy({ bracketMarkers: ['中国', '香港'] })
      expect(findDuplicates({ name: '星河贸易有限公司' }, records, policy).map((m) => m.id)).toEqual([1])
    })

    it('finds duplicates inside one import batch, each against the records before it', () => {
      const batch = [
        { id: 'a', name: '星河贸易有限公司' },
        { id: 'b', name: '南方物流', creditCode: '91350100M000100Y43' },
        { id: 'c', name: '星河贸易' },
        { id: 'd', name: '另一家', creditCode: '91350100m000100y43' },
      ]
      expect(findDuplicatesInBatch(batch).map((d) => [d.index, d.id, d.matches.map((m) => [m.id, m.by])])).toEqual([
        [2, 'c', [['a', 'name']]],
        [3, 'd', [['b', 'creditCode']]],
      ])
    })
  })

  describe('errors', () => {
    it.each([
      [[null], 'existing[0]'],
      [[{ name: 'A' }], 'existing[0].id'],
      [[{ id: '', name: 'A' }], 'existing[0].id'],
      [[{ id: 1.5, name: 'A' }], 'existing[0].id'],
      [[{ id: 1, name: 'A' }, { id: 2 }], 'existing[1].name'],
      [[{ id: 1, name: 'A', creditCode: 91 }], 'existing[0].creditCode'],
    ])('existing %j is refused with ARCHIVE.INVALID_CUSTOMER_REFERENCE on %s', (records, field) => {
      expect(() => createDuplicateIndex(records as unknown as ExistingCustomer[])).toThrow(InvalidArchiveInputError)
      expect(() => createDuplicateIndex(records as unknown as ExistingCustomer[])).toThrow(expect.objectContaining({ code: ArchiveErrorCode.INVALID_CUSTOMER_REFERENCE, field, ruleId: 'R-ARC-5' }))
    })

    it('a list that is not an array is refused on existing / records', () => {
      expect(() => createDuplicateIndex({} as unknown as ExistingCustomer[])).toThrow(expect.objectContaining({ code: ArchiveErrorCode.INVALID_CUSTOMER_REFERENCE, field: 'existing' }))
      expect(() => findDuplicatesInBatch('x' as unknown as ExistingCustomer[])).toThrow(expect.objectContaining({ code: ArchiveErrorCode.INVALID_CUSTOMER_REFERENCE, field: 'records' }))
    })

    it('a malformed candidate is refused on candidate.*', () => {
      const index = createDuplicateIndex(existing)
      expect(() => index.find({ name: null } as unknown as { name: string })).toThrow(expect.objectContaining({ code: ArchiveErrorCode.INVALID_CUSTOMER_REFERENCE, field: 'candidate.name' }))
      expect(() => index.find('x' as unknown as { name: string })).toThrow(expect.objectContaining({ field: 'candidate' }))
    })

    it('two existing records with the same id are refused with ARCHIVE.DUPLICATE_RECORD_ID', () => {
      const records = [
        { id: 'C1', name: 'A' },
        { id: 'C1', name: 'B' },
      ]
      expect(() => createDuplicateIndex(records)).toThrow(expect.objectContaining({ code: ArchiveErrorCode.DUPLICATE_RECORD_ID, field: 'existing[1].id' }))
      expect(() => findDuplicatesInBatch(records)).toThrow(expect.objectContaining({ code: ArchiveErrorCode.DUPLICATE_RECORD_ID, field: 'records[1].id' }))
    })
  })

  describe('properties', () => {
    // A small pool of names and codes, so that collisions are frequent.
    const nameArb = fc.oneof(
      baseCustomerNameArb,
      fc.tuple(fc.constantFrom('星河贸易', '华东精密', 'Alpha Tech'), fc.option(legalSuffixArb, { nil: '' }), fc.boolean()).map(([base, suffix, wide]) => (wide ? toFullWidth(base + suffix) : base + suffix)),
    )
    const codeArb = fc.option(fc.oneof(fc.constantFrom('91350100M000100Y43', '9144030071526726xg', ' 911100007109339484 '), creditCodeArb), { nil: undefined })
    const customerArb = fc.record({ name: nameArb, creditCode: codeArb })

    it('is symmetric: a duplicates b exactly when b duplicates a, on the same bases', () => {
      fc.assert(
        fc.property(customerArb, customerArb, (a, b) => {
          const ab = findDuplicates(a, [{ id: 'b', ...b }])
          const ba = findDuplicates(b, [{ id: 'a', ...a }])
          expect(ab.map((m) => m.matchedOn)).toEqual(ba.map((m) => m.matchedOn))
          expect(ab.map((m) => m.creditCodesDiffer)).toEqual(ba.map((m) => m.creditCodesDiffer))
        }),
      )
    })

    it('a customer always duplicates itself with a legal suffix, in full width, with any other code', () => {
      fc.assert(
        fc.property(baseCustomerNameArb, legalSuffixArb, codeArb, codeArb, (base, suffix, code, otherCode) => {
          const matches = findDuplicates({ name: toFullWidth(base) + suffix, creditCode: otherCode }, [{ id: 1, name: base, creditCode: code }])
          expect(matches.map((m) => m.id)).toEqual([1])
        }),
      )
    })

    it('the index returns exactly the records that match one by one, credit-code matches first, in list order', () => {
      fc.assert(
        fc.property(fc.array(customerArb, { maxLength: 12 }), customerArb, (records, candidate) => {
          const list = records.map((record, i) => ({ id: i, ...record }))
          const matches = createDuplicateIndex(list).find(candidate)
          const single = list.map((record) => findDuplicates(candidate, [record])[0])
          const expected = [...single.filter((m) => m?.by === 'creditCode'), ...single.filter((m) => m?.by === 'name')]
          expect(matches).toEqual(expected)
        }),
      )
    })

    it('the batch check agrees with an index of the records before each one', () => {
      fc.assert(
        fc.property(fc.array(customerArb, { maxLength: 10 }), (records) => {
          const list = records.map((record, i) => ({ id: i, ...record }))
          const expected = list
            .map((record, i) => ({ index: i, id: record.id, matches: createDuplicateIndex(list.slice(0, i)).find(record) }))
            .filter((d) => d.matches.length > 0)
          expect(findDuplicatesInBatch(list)).toEqual(expected)
        }),
      )
    })
  })

  it('indexes 100,000 customers and looks them up without pairwise comparison', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `客户${i}号有限公司`, creditCode: i % 2 === 0 ? `CODE${i}` : undefined }))
    const index = createDuplicateIndex(many)
    expect(index.size).toBe(100_000)
    expect(index.find({ name: '客户99999号' }).map((m) => m.id)).toEqual([99_999])
    expect(index.find({ name: '无关', creditCode: 'code50000' }).map((m) => m.id)).toEqual([50_000])
    expect(index.find({ name: '客户100000号' })).toEqual([])
  })
})
