import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { creditCodeArb, mobileArb, toFullWidth } from '../../test/arbitraries/archiveArb.js'
import { ARCHIVE_CORRUPTIONS, FULL_ARCHIVE_INPUT } from '../../test/arbitraries/visitArb.js'
import { Money } from '../money/money.js'
import { archiveCompleteness } from './completeness.js'
import { computeCreditCodeCheckCharacter } from './creditCode.js'
import { ArchiveErrorCode, InvalidArchiveInputError } from './errors.js'
import { ArchiveRecordErrorCode, InvalidArchiveRecordError } from './recordErrors.js'
import { createCustomerArchivePolicy, defaultCustomerArchivePolicy } from './recordPolicy.js'
import { assertCustomerArchive, readCustomerArchive } from './records.js'

describe('R-ARC-1 customer archive record', () => {
  it('worked example: reads the 客户档案表, storing normalised values', () => {
    const archive = assertCustomerArchive(FULL_ARCHIVE_INPUT)
    expect(archive).toMatchObject({
      id: 'C1',
      name: '宁波诺博特机械有限公司',
      creditCode: '91350100M000100Y43',
      postalCode: '315000',
      phone: '0574-87654321',
      fax: '0574-87654322',
      email: 'Sales@nobot.com',
      companyNature: 'sinoForeignJointVenture',
      industryPosition: 'influential',
      decisionMakers: ['陈明'],
      status: '开发中',
      contacts: [{ name: '张伟', position: '采购经理', phone: '13812345678', isDecisionMaker: true, isInfluencer: false }],
    })
    expect(archive.registeredCapital?.equals(Money.of('5000000'))).toBe(true)
    expect(archive.salesLastThreeYears?.map((sales) => [sales.year, sales.amount.toString()])).toEqual([
      [2025, '35000000.00'],
      [2024, '32000000.00'],
    ])
    expect(archive.competitors?.map((c) => [c.company, c.price?.toString(), c.solution])).toEqual([['甲机械', '118000.00', '进口整机']])
    expect(Object.isFrozen(archive)).toBe(true)
  })

  it('only the name is required; empty strings and empty lists count as not given', () => {
    expect(readCustomerArchive({ name: ' 华东贸易有限公司 ', fax: '', email: '  ', competitors: [], decisionMakers: [] })).toEqual({ ok: true, archive: { name: '华东贸易有限公司' } })
  })

  it('a read archive is scored by the completeness rule (R-ARC-3) as it is', () => {
    expect(archiveCompleteness(assertCustomerArchive(FULL_ARCHIVE_INPUT)).percent).toBe('100.00%')
  })

  it('lists every issue at once, each with field path, code and both languages', () => {
    const verdict = readCustomerArchive({ postalCode: '1000', email: 'x@', registeredCapital: '-1', competitors: [{ price: '10' }], colour: 'red' })
    expect(verdict.ok).toBe(false)
    if (verdict.ok) return
    expect(verdict.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['colour', ArchiveRecordErrorCode.UNKNOWN_FIELD],
      ['name', ArchiveRecordErrorCode.REQUIRED],
      ['postalCode', ArchiveErrorCode.POSTAL_CODE_FORMAT],
      ['email', ArchiveErrorCode.EMAIL_DOMAIN],
      ['registeredCapital', ArchiveRecordErrorCode.NEGATIVE_AMOUNT],
      ['competitors[0].company', ArchiveRecordErrorCode.REQUIRED],
    ])
    for (const issue of verdict.issues) {
      expect(issue.messageEn).toContain(issue.field)
      expect(issue.messageZh).toMatch(/\p{Script=Han}/u)
    }
  })

  it('refuses a non-object input', () => {
    expect(readCustomerArchive('宁波诺博特')).toMatchObject({ ok: false, issues: [{ field: '', code: ArchiveRecordErrorCode.NOT_A_RECORD }] })
  })

  it.each([
    [{ salesLastThreeYears: [{ year: 2023, amount: '1' }, { year: 2024, amount: '1' }, { year: 2025, amount: '1' }, { year: 2026, amount: '1' }] }, 'salesLastThreeYears', ArchiveRecordErrorCode.TOO_MANY_YEARS],
    [{ salesLastThreeYears: [{ year: 2025, amount: '1' }, { year: 2025, amount: '2' }] }, 'salesLastThreeYears[1].year', ArchiveRecordErrorCode.DUPLICATE_YEAR],
    [{ salesLastThreeYears: [{ year: 25, amount: '1' }] }, 'salesLastThreeYears[0].year', ArchiveRecordErrorCode.INVALID_YEAR],
    [{ salesLastThreeYears: [{ year: 2025, amount: 1.5 }] }, 'salesLastThreeYears[0].amount', ArchiveRecordErrorCode.INVALID_AMOUNT],
    [{ salesLastThreeYears: [{ year: 2025, amount: '1', note: 'x' }] }, 'salesLastThreeYears[0].note', ArchiveRecordErrorCode.UNKNOWN_FIELD],
    [{ competitors: [{ company: '甲', price: '-1' }] }, 'competitors[0].price', ArchiveRecordErrorCode.NEGATIVE_AMOUNT],
    [{ decisionMakers: ['陈明', ''] }, 'decisionMakers[1]', ArchiveRecordErrorCode.BLANK],
    [{ contacts: [{ name: '张伟' }, { phone: '13812345678' }] }, 'contacts[1].name', ArchiveRecordErrorCode.REQUIRED],
    [{ companyNature: '合作社' }, 'companyNature', ArchiveRecordErrorCode.INVALID_CHOICE],
    [{ registeredCapital: '12.345' }, 'registeredCapital', ArchiveRecordErrorCode.INVALID_AMOUNT],
    [{ creditCode: '91350100M000100Y4' }, 'creditCode', ArchiveErrorCode.CREDIT_CODE_LENGTH],
  ])('%j → issue on %s (%s)', (extra, field, code) => {
    expect(readCustomerArchive({ name: '甲公司', ...extra })).toMatchObject({ ok: false, issues: [{ field, code }] })
  })

  it('checks contacts’ birth dates against asOf', () => {
    const input = { name: '甲公司', contacts: [{ name: '张伟', birthDate: '2026-09-26' }] }
    expect(readCustomerArchive(input, defaultCustomerArchivePolicy, '2026-09-25')).toMatchObject({ ok: false, issues: [{ field: 'contacts[0].birthDate', code: ArchiveRecordErrorCode.BIRTH_DATE_IN_FUTURE }] })
    expect(readCustomerArchive(input).ok).toBe(true)
    expect(thrown(() => readCustomerArchive(input, defaultCustomerArchivePolicy, '2026-9-25'), InvalidArchiveInputError).field).toBe('asOf')
  })

  it('assertCustomerArchive throws ARCHIVE.INVALID_RECORD carrying every issue', () => {
    const error = thrown(() => assertCustomerArchive({ postalCode: '1' }), InvalidArchiveRecordError)
    expect([error.code, error.field, error.ruleId]).toEqual(['ARCHIVE.INVALID_RECORD', 'name', 'R-ARC-1'])
    expect(error.issues.map((issue) => issue.field)).toEqual(['name', 'postalCode'])
    expect(error.details['issues']).toBe(error.issues)
  })

  it('property: N corrupted fields give exactly N issues, on exactly those fields', () => {
    const fields = Object.keys(ARCHIVE_CORRUPTIONS)
    fc.assert(
      fc.property(fc.subarray(fields), (corrupted) => {
        const input = { ...FULL_ARCHIVE_INPUT, ...Object.fromEntries(corrupted.map((field) => [field, ARCHIVE_CORRUPTIONS[field]])) }
        const verdict = readCustomerArchive(input)
        if (corrupted.length === 0) return verdict.ok
        return !verdict.ok && verdict.issues.length === corrupted.length && [...verdict.issues.map((issue) => issue.field)].sort().join() === [...corrupted].sort().join()
      }),
    )
  })

  it('property: valid identity values are stored normalised, full-width or not', () => {
    fc.assert(
      fc.property(creditCodeArb, mobileArb, fc.boolean(), (code, mobile, fullWidth) => {
        const write = (text: string): string => (fullWidth ? toFullWidth(text) : text)
        const archive = assertCustomerArchive({ name: '甲公司', creditCode: write(code.toLowerCase()), phone: write(mobile) })
        return archive.creditCode === code && archive.phone === mobile
      }),
    )
  })

  it('property: reading is idempotent (a read archive reads back to itself)', () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(FULL_ARCHIVE_INPUT), { minLength: 0 }), (keys) => {
        const input = Object.fromEntries([['name', '甲公司'], ...keys.map((key) => [key, FULL_ARCHIVE_INPUT[key]])])
        const once = assertCustomerArchive(input)
        expect(assertCustomerArchive(once)).toEqual(once)
      }),
    )
  })
})

describe('R-ARC-1 archive record policy', () => {
  it('keeps more sales years, or skips the organisation-code check, when the company says so', () => {
    const four = { name: '甲', salesLastThreeYears: [2022, 2023, 2024, 2025].map((year) => ({ year, amount: '1' })) }
    expect(readCustomerArchive(four, createCustomerArchivePolicy({ maxSalesYears: 4 })).ok).toBe(true)
    // 91350100M000100Y43 with the GB 11714 digit (position 17) changed and position 18 recomputed
    const first17 = '91350100M000100Y5'
    const code = first17 + computeCreditCodeCheckCharacter(first17)
    expect(readCustomerArchive({ name: '甲', creditCode: code })).toMatchObject({ ok: false, issues: [{ field: 'creditCode', code: ArchiveErrorCode.ORGANISATION_CODE_CHECK_MISMATCH }] })
    expect(readCustomerArchive({ name: '甲', creditCode: code }, createCustomerArchivePolicy({ verifyOrganisationCode: false }))).toMatchObject({ ok: true, archive: { creditCode: code } })
  })

  it.each([
    [{ maxSalesYears: 0 }, 'customerArchive.maxSalesYears'],
    [{ verifyOrganisationCode: 'yes' }, 'customerArchive.verifyOrganisationCode'],
    [{ majorChangeFields: ['nmae'] }, 'customerArchive.majorChangeFields[0]'],
    [{ majorChangeFields: ['name', 'name'] }, 'customerArchive.majorChangeFields[1]'],
    [{ majorChangeFields: 'name' }, 'customerArchive.majorChangeFields'],
    [{ majorChanges: [] }, 'customerArchive.majorChanges'],
  ])('refuses %j naming %s', (overrides, field) => {
    const error = thrown(() => createCustomerArchivePolicy(overrides))
    expect([error.code, error.field]).toEqual(['POLICY.INVALID_FIELD', field])
  })

  it('validates a policy passed directly', () => {
    expect(thrown(() => readCustomerArchive({ name: '甲' }, { ...defaultCustomerArchivePolicy, maxSalesYears: -1 })).field).toBe('policy.maxSalesYears')
  })
})
