import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { VISIT_RECORD_CORRUPTIONS, visitRecordInputArb } from '../../test/arbitraries/visitArb.js'
import { InvalidVisitRecordError, VisitErrorCode } from './errors.js'
import { assertVisitRecord, readVisitRecord } from './visitRecord.js'

const example = {
  customerId: 'C1',
  startAt: '2026-09-28T10:00:00+08:00',
  durationMinutes: 90,
  peopleMet: [' 张经理 ', '李工'],
  method: '产品说明',
  progress: '已报价',
  attitude: '热',
  summary: '介绍新产品线，客户要求下周提供建议书',
  outcomeReasons: '演示充分',
  byStaffId: 'u7',
}

describe('R-VIS-2 visit record', () => {
  it('reads the 客户拜访记录表 fields, Chinese labels mapped to keys', () => {
    const verdict = readVisitRecord(example)
    expect(verdict).toEqual({
      ok: true,
      record: {
        customerId: 'C1',
        startAt: new Date('2026-09-28T02:00:00Z'),
        durationMinutes: 90,
        peopleMet: ['张经理', '李工'],
        method: 'productExplanation',
        progress: '已报价',
        attitude: 'warm',
        summary: '介绍新产品线，客户要求下周提供建议书',
        outcomeReasons: '演示充分',
        byStaffId: 'u7',
      },
    })
  })

  it('lists every issue at once, with field paths and both languages', () => {
    const verdict = readVisitRecord({ customerId: 'C1', durationMinutes: 0, method: 'chat', peopleMet: ['张', ' '], colour: 'red' })
    expect(verdict.ok).toBe(false)
    if (verdict.ok) return
    expect(verdict.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['colour', VisitErrorCode.UNKNOWN_FIELD],
      ['startAt', VisitErrorCode.REQUIRED],
      ['durationMinutes', VisitErrorCode.NOT_POSITIVE_INTEGER],
      ['peopleMet[1]', VisitErrorCode.BLANK],
      ['method', VisitErrorCode.INVALID_CHOICE],
      ['progress', VisitErrorCode.REQUIRED],
      ['attitude', VisitErrorCode.REQUIRED],
      ['summary', VisitErrorCode.REQUIRED],
    ])
    for (const issue of verdict.issues) {
      expect(issue.messageZh).toMatch(/\p{Script=Han}/u)
      expect(issue.messageEn).toContain(issue.field)
    }
  })

  it.each([
    [null, ''],
    [[1], ''],
  ])('refuses %j as not a record', (input, field) => {
    const verdict = readVisitRecord(input)
    expect(verdict).toMatchObject({ ok: false, issues: [{ field, code: VisitErrorCode.NOT_A_RECORD }] })
  })

  it.each([
    ['durationMinutes', 1.5, VisitErrorCode.NOT_POSITIVE_INTEGER],
    ['durationMinutes', -5, VisitErrorCode.NOT_POSITIVE_INTEGER],
    ['durationMinutes', '90', VisitErrorCode.NOT_POSITIVE_INTEGER],
    ['startAt', '2026-09-28', VisitErrorCode.INVALID_INSTANT],
    ['startAt', new Date(Number.NaN), VisitErrorCode.INVALID_INSTANT],
    ['peopleMet', '张经理', VisitErrorCode.NOT_A_LIST],
    ['peopleMet', [], VisitErrorCode.EMPTY_LIST],
    ['attitude', 'hot', VisitErrorCode.INVALID_CHOICE],
    ['summary', '   ', VisitErrorCode.BLANK],
    ['outcomeReasons', 7, VisitErrorCode.NOT_TEXT],
  ])('reports %s = %j as %s', (field, value, code) => {
    const verdict = readVisitRecord({ ...example, [field]: value })
    expect(verdict).toMatchObject({ ok: false, issues: [{ field, code }] })
  })

  it('assertVisitRecord throws VISIT.INVALID_RECORD listing the issues', () => {
    const error = thrown(() => assertVisitRecord({ ...example, durationMinutes: 0, attitude: 'x' }), InvalidVisitRecordError)
    expect(error.code).toBe('VISIT.INVALID_RECORD')
    expect(error.field).toBe('durationMinutes')
    expect(error.ruleId).toBe('R-VIS-2')
    expect(error.issues.map((issue) => issue.field)).toEqual(['durationMinutes', 'attitude'])
    expect(assertVisitRecord(example).method).toBe('productExplanation')
  })

  it('property: a record with N corrupted fields reports exactly those N fields', () => {
    const fields = Object.keys(VISIT_RECORD_CORRUPTIONS)
    fc.assert(
      fc.property(visitRecordInputArb(), fc.subarray(fields), (input, corrupted) => {
        const bad = { ...input, ...Object.fromEntries(corrupted.map((field) => [field, VISIT_RECORD_CORRUPTIONS[field]])) }
        const verdict = readVisitRecord(bad)
        if (corrupted.length === 0) return verdict.ok
        return !verdict.ok && verdict.issues.length === corrupted.length && new Set(verdict.issues.map((issue) => issue.field)).size === corrupted.length && verdict.issues.every((issue) => corrupted.includes(issue.field))
      }),
    )
  })
})
