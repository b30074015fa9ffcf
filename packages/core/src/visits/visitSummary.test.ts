import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { visitRecordInputArb } from '../../test/arbitraries/visitArb.js'
import { InvalidVisitInputError, InvalidVisitRecordError } from './errors.js'
import { assertVisitRecord, type VisitRecord } from './visitRecord.js'
import { visitSummary } from './visitSummary.js'

function visit(customerId: string, startAt: string, durationMinutes: number): VisitRecord {
  return assertVisitRecord({ customerId, startAt, durationMinutes, peopleMet: ['张经理'], method: 'relationship', progress: '接触中', attitude: 'neutral', summary: '拜访' })
}

describe('R-VIS-2 visit summary (累计接触次数, 拜访总时间)', () => {
  it('worked example: two visits of C1 (60 + 45 minutes) among others', () => {
    const records = [visit('C1', '2026-09-15T14:00:00+08:00', 45), visit('C2', '2026-09-10T09:00:00+08:00', 30), visit('C1', '2026-09-01T10:00:00+08:00', 60)]
    expect(visitSummary(records, 'C1')).toEqual({
      ruleId: 'R-VIS-2',
      customerId: 'C1',
      cumulativeContacts: 2,
      totalVisitMinutes: 105,
      firstVisitAt: new Date('2026-09-01T02:00:00Z'),
      lastVisitAt: new Date('2026-09-15T06:00:00Z'),
    })
  })

  it('a customer without visits has 0 contacts, 0 minutes and no first/last visit', () => {
    expect(visitSummary([visit('C2', '2026-09-10T09:00:00+08:00', 30)], 'C1')).toEqual({ ruleId: 'R-VIS-2', customerId: 'C1', cumulativeContacts: 0, totalVisitMinutes: 0 })
  })

  it('property: contacts = number of the customer’s records; total = exact sum; first ≤ every start ≤ last', () => {
    fc.assert(
      fc.property(fc.array(visitRecordInputArb(), { maxLength: 25 }), fc.constantFrom('C1', 'C2', 'C3'), (inputs, customerId) => {
        const records = inputs.map((input) => assertVisitRecord(input))
        const mine = inputs.filter((input) => input.customerId === customerId)
        const summary = visitSummary(records, customerId)
        expect(summary.cumulativeContacts).toBe(mine.length)
        expect(summary.totalVisitMinutes).toBe(mine.reduce((sum, input) => sum + input.durationMinutes, 0))
        for (const input of mine) {
          expect(summary.firstVisitAt!.getTime()).toBeLessThanOrEqual(input.startAt.getTime())
          expect(summary.lastVisitAt!.getTime()).toBeGreaterThanOrEqual(input.startAt.getTime())
        }
        if (mine.length === 0) expect(summary.firstVisitAt).toBeUndefined()
      }),
    )
  })

  it('property: adding a visit of the customer adds 1 contact and exactly its minutes', () => {
    fc.assert(
      fc.property(fc.array(visitRecordInputArb(), { maxLength: 10 }), visitRecordInputArb(fc.constant('C1')), (inputs, extra) => {
        const records = inputs.map((input) => assertVisitRecord(input))
        const before = visitSummary(records, 'C1')
        const after = visitSummary([...records, assertVisitRecord(extra)], 'C1')
        return after.cumulativeContacts === before.cumulativeContacts + 1 && after.totalVisitMinutes === before.totalVisitMinutes + extra.durationMinutes
      }),
    )
  })

  it('refuses malformed records listing every issue with its record path', () => {
    const good = visit('C1', '2026-09-01T10:00:00+08:00', 60)
    const error = thrown(() => visitSummary([good, { ...good, durationMinutes: -1 } as VisitRecord, { ...good, method: 'x' } as unknown as VisitRecord], 'C1'), InvalidVisitRecordError)
    expect(error.code).toBe('VISIT.INVALID_RECORD')
    expect(error.issues.map((issue) => issue.field)).toEqual(['records[1].durationMinutes', 'records[2].method'])
  })

  it('refuses a non-list and a blank customer id', () => {
    expect(thrown(() => visitSummary('x' as never, 'C1'), InvalidVisitInputError).field).toBe('records')
    const error = thrown(() => visitSummary([], ' '), InvalidVisitInputError)
    expect([error.code, error.field]).toEqual(['VISIT.INVALID_ARGUMENT', 'customerId'])
  })
})
