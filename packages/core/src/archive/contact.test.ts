import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { CONTACT_CORRUPTIONS, FULL_CONTACT_INPUT } from '../../test/arbitraries/visitArb.js'
import { assertContact, readContact } from './contact.js'
import { ArchiveErrorCode, InvalidArchiveInputError } from './errors.js'
import { ArchiveRecordErrorCode, InvalidArchiveRecordError } from './recordErrors.js'

describe('R-ARC-2 contact (联系人)', () => {
  it('worked example: reads every field, phone normalised, flags default to false', () => {
    expect(readContact({ name: '张伟', phone: '+86 138-1234-5678', isDecisionMaker: true })).toEqual({
      ok: true,
      contact: { name: '张伟', phone: '13812345678', isDecisionMaker: true, isInfluencer: false },
    })
    expect(assertContact(FULL_CONTACT_INPUT, '2026-09-25')).toEqual({
      name: '张伟',
      position: '采购经理',
      phone: '13812345678',
      email: 'zhang.wei@example.cn',
      education: '浙江大学 机械工程 本科',
      birthDate: '1985-06-15',
      interests: '围棋',
      family: '已婚，一女',
      isDecisionMaker: true,
      isInfluencer: false,
    })
  })

  it('lists every issue: no name, a bad phone, a birth date after asOf', () => {
    const verdict = readContact({ phone: '123', birthDate: '2030-01-01' }, '2026-09-25')
    expect(verdict.ok).toBe(false)
    if (verdict.ok) return
    expect(verdict.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['name', ArchiveRecordErrorCode.REQUIRED],
      ['phone', ArchiveErrorCode.MOBILE_LENGTH],
      ['birthDate', ArchiveRecordErrorCode.BIRTH_DATE_IN_FUTURE],
    ])
  })

  it('a birth date on the asOf day itself is accepted (boundary); without asOf no future check', () => {
    expect(readContact({ name: '李娜', birthDate: '2026-09-25' }, '2026-09-25').ok).toBe(true)
    expect(readContact({ name: '李娜', birthDate: '2026-09-26' }, '2026-09-25').ok).toBe(false)
    expect(readContact({ name: '李娜', birthDate: '2030-01-01' }).ok).toBe(true)
  })

  it('refuses a malformed asOf, and throws every issue from assertContact', () => {
    const bad = thrown(() => readContact({ name: '李娜' }, '25/09/2026'), InvalidArchiveInputError)
    expect([bad.code, bad.field]).toEqual(['ARCHIVE.INVALID_ARGUMENT', 'asOf'])
    const error = thrown(() => assertContact({ name: '', isInfluencer: 'no' }), InvalidArchiveRecordError)
    expect([error.code, error.ruleId]).toEqual(['ARCHIVE.INVALID_RECORD', 'R-ARC-2'])
    expect(error.issues.map((issue) => issue.field)).toEqual(['name', 'isInfluencer'])
  })

  it('property: N corrupted fields give exactly N issues, on exactly those fields', () => {
    const fields = Object.keys(CONTACT_CORRUPTIONS)
    fc.assert(
      fc.property(fc.subarray(fields), (corrupted) => {
        const input = { ...FULL_CONTACT_INPUT, ...Object.fromEntries(corrupted.map((field) => [field, CONTACT_CORRUPTIONS[field]])) }
        const verdict = readContact(input, '2026-09-25')
        if (corrupted.length === 0) return verdict.ok
        return !verdict.ok && [...verdict.issues.map((issue) => issue.field)].sort().join() === [...corrupted].sort().join()
      }),
    )
  })

  it('property: a birth date is refused iff it is after asOf', () => {
    const day = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    fc.assert(fc.property(day, day, (birthDate, asOf) => readContact({ name: '王', birthDate }, asOf).ok === birthDate <= asOf))
  })
})
