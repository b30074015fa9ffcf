import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { fenToText, GIFT_REQUEST_CORRUPTIONS, giftRequestInputArb } from '../../test/arbitraries/visitArb.js'
import { Money } from '../money/money.js'
import { InvalidVisitRecordError, VisitErrorCode } from './errors.js'
import { assertGiftRequest, defaultGiftChain, readGiftRequest } from './gift.js'

describe('R-VIS-5 gift request (礼品馈赠申请)', () => {
  it('reads recipient, item, quantity, value (Money) and date', () => {
    const verdict = readGiftRequest({ customerId: 'C1', recipient: '王采购', item: '茶叶礼盒', quantity: 2, value: '680.00', date: '2026-09-24', department: '客户部' })
    expect(verdict.ok).toBe(true)
    if (!verdict.ok) return
    expect(verdict.request).toMatchObject({ customerId: 'C1', recipient: '王采购', item: '茶叶礼盒', quantity: 2, date: '2026-09-24', department: '客户部' })
    expect(verdict.request.value.equals(Money.parse('680.00'))).toBe(true)
    expect(assertGiftRequest({ recipient: '王采购', item: '茶叶礼盒', quantity: 1, value: 300, date: '2026-09-24' }).value.toString()).toBe('300.00')
  })

  it('lists every issue: quantity 0, value 0, 30 February, a float amount', () => {
    const verdict = readGiftRequest({ recipient: '王采购', item: '茶叶', quantity: 0, value: '0', date: '2026-02-30' })
    expect(verdict.ok).toBe(false)
    if (verdict.ok) return
    expect(verdict.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['quantity', VisitErrorCode.NOT_POSITIVE_INTEGER],
      ['value', VisitErrorCode.AMOUNT_NOT_POSITIVE],
      ['date', VisitErrorCode.INVALID_DAY],
    ])
    expect(readGiftRequest({ recipient: '王', item: '茶', quantity: 1, value: 99.9, date: '2026-09-24' })).toMatchObject({ ok: false, issues: [{ field: 'value', code: VisitErrorCode.INVALID_AMOUNT }] })
    expect(readGiftRequest({ recipient: '王', item: '茶', quantity: 1, value: '-5', date: '2026-09-24' })).toMatchObject({ ok: false, issues: [{ field: 'value', code: VisitErrorCode.AMOUNT_NOT_POSITIVE }] })
  })

  it('assertGiftRequest throws every issue', () => {
    const error = thrown(() => assertGiftRequest({ item: '茶' }), InvalidVisitRecordError)
    expect([error.code, error.ruleId]).toEqual(['VISIT.INVALID_RECORD', 'R-VIS-5'])
    expect(error.issues.map((issue) => issue.field)).toEqual(['recipient', 'quantity', 'value', 'date'])
  })

  it('property: N corrupted fields give exactly N issues on those fields; a valid value reads back exactly', () => {
    const fields = Object.keys(GIFT_REQUEST_CORRUPTIONS)
    fc.assert(
      fc.property(giftRequestInputArb, fc.subarray(fields), ({ valueFen, ...rest }, corrupted) => {
        const input: Record<string, unknown> = { ...rest, value: fenToText(valueFen) }
        for (const field of corrupted) input[field] = GIFT_REQUEST_CORRUPTIONS[field]
        const verdict = readGiftRequest(input)
        if (corrupted.length === 0) {
          expect(verdict.ok && verdict.request.value.fen).toBe(valueFen)
        } else {
          expect(verdict.ok).toBe(false)
          if (!verdict.ok) expect(verdict.issues.map((issue) => issue.field).sort()).toEqual([...corrupted].sort())
        }
      }),
    )
  })

  it('default chain: department head → marketing director', () => {
    expect(defaultGiftChain).toMatchObject({
      id: 'gift',
      ruleId: 'R-VIS-5',
      steps: [
        { id: 'departmentHead', approvers: [{ kind: 'role', role: 'departmentHead' }] },
        { id: 'marketingDirector', approvers: [{ kind: 'role', role: 'marketingDirector' }] },
      ],
    })
  })
})
