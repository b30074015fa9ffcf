import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { costLineArb, fenToText } from '../../test/arbitraries/visitArb.js'
import { InvalidVisitRecordError, VisitErrorCode } from './errors.js'
import { assertReceptionRequest, defaultReceptionChain, RECEPTION_PURPOSES, readReceptionRequest, receptionTotals } from './reception.js'

const base = { customerId: 'C1', receptionAt: '2026-09-28T18:00:00+08:00', purpose: '客户来访时的招待', level: '中档', payment: 'full' }

describe('R-VIS-5 reception request (客户接待申请)', () => {
  it('reads cost lines, purpose, level and payment (Chinese labels or keys)', () => {
    const request = assertReceptionRequest({ ...base, purposeNote: '华东区采购总监来访', costLines: [{ category: '招待', amount: '1280.50' }, { category: 'gifts', amount: '399.90', note: '茶叶' }] })
    expect(request).toMatchObject({ customerId: 'C1', purpose: 'customerVisit', purposeNote: '华东区采购总监来访', level: 'medium', payment: 'full' })
    expect(request.costLines.map((line) => [line.category, line.amount.toString()])).toEqual([
      ['hospitality', '1280.50'],
      ['gifts', '399.90'],
    ])
  })

  it('knows the 8 purposes of the form', () => {
    expect(Object.keys(RECEPTION_PURPOSES)).toHaveLength(8)
    for (const [key, label] of Object.entries(RECEPTION_PURPOSES)) {
      expect(readReceptionRequest({ ...base, purpose: label, costLines: [{ category: 'other', amount: '1' }] })).toMatchObject({ ok: true, request: { purpose: key } })
    }
  })

  it('worked example: totals are exact to the fen (1280.50 + 399.90 + 19.60 = 1700.00)', () => {
    const request = assertReceptionRequest({
      ...base,
      costLines: [
        { category: 'hospitality', amount: '1280.50' },
        { category: 'gifts', amount: '399.90' },
        { category: 'hospitality', amount: '19.60' },
      ],
    })
    const totals = receptionTotals(request)
    expect(totals.total.toString()).toBe('1700.00')
    expect(totals.byCategory.hospitality.toString()).toBe('1300.10')
    expect(totals.byCategory.gifts.toString()).toBe('399.90')
    expect(totals.byCategory.seminar.toString()).toBe('0.00')
  })

  it('lists every issue, with the cost-line paths', () => {
    const verdict = readReceptionRequest({ receptionAt: '2026-09-28 18:00', purpose: 'party', level: '高', payment: 'free', costLines: [{ category: 'travel', amount: '10' }, { category: '招待', amount: '0' }, 'x'] })
    expect(verdict.ok).toBe(false)
    if (verdict.ok) return
    expect(verdict.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['customerId', VisitErrorCode.REQUIRED],
      ['receptionAt', VisitErrorCode.INVALID_INSTANT],
      ['costLines[0].category', VisitErrorCode.INVALID_CHOICE],
      ['costLines[1].amount', VisitErrorCode.AMOUNT_NOT_POSITIVE],
      ['costLines[2]', VisitErrorCode.NOT_A_RECORD],
      ['purpose', VisitErrorCode.INVALID_CHOICE],
      ['level', VisitErrorCode.INVALID_CHOICE],
      ['payment', VisitErrorCode.INVALID_CHOICE],
    ])
    expect(readReceptionRequest({ ...base, costLines: [] })).toMatchObject({ ok: false, issues: [{ field: 'costLines', code: VisitErrorCode.EMPTY_LIST }] })
    const error = thrown(() => assertReceptionRequest({ ...base, costLines: [{ category: 'meeting', amount: '1.005' }] }), InvalidVisitRecordError)
    expect([error.code, error.field]).toEqual(['VISIT.INVALID_RECORD', 'costLines[0].amount'])
  })

  it('property: the total is the exact sum of the lines, and equals the sum of the category totals', () => {
    fc.assert(
      fc.property(fc.array(costLineArb, { minLength: 1, maxLength: 12 }), (lines) => {
        const request = assertReceptionRequest({ ...base, costLines: lines.map((line) => ({ category: line.category, amount: fenToText(line.fen) })) })
        const totals = receptionTotals(request)
        const expected = lines.reduce((sum, line) => sum + line.fen, 0n)
        const ofCategories = Object.values(totals.byCategory).reduce((sum, money) => sum + money.fen, 0n)
        return totals.total.fen === expected && ofCategories === expected
      }),
    )
  })

  it('default chain: customer-department manager → vice general manager', () => {
    expect(defaultReceptionChain.steps.map((step) => step.approvers)).toEqual([[{ kind: 'role', role: 'manager' }], [{ kind: 'role', role: 'viceGeneralManager' }]])
    expect(defaultReceptionChain.ruleId).toBe('R-VIS-5')
  })
})
