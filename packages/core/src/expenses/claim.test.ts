import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { createWorkingCalendar } from '../calendar/workingCalendar.js'
import { checkExpenseClaim } from './checkExpenseClaim.js'
import { ExpenseInputError } from './errors.js'
import { createExpensePolicy } from './policy.js'

const calendar = createWorkingCalendar()
const valid = {
  id: 'BX-9',
  claimantId: 'u1',
  filedAt: new Date('2026-03-12T10:00:00+08:00'),
  trip: { startDay: '2026-03-10', endDay: '2026-03-11' },
  tripApproval: { status: 'approved', decidedAt: new Date('2026-03-09T10:00:00+08:00') },
  tripApplicationAttached: true,
  items: [{ id: 'h', kind: 'lodging', amount: '300.00', invoice: { number: 'H1' } }],
}
const check = (claim: unknown, context: unknown = {}): unknown => checkExpenseClaim(claim as never, context as never, calendar)

describe('expense claim validation (malformed input is thrown, naming the field)', () => {
  it('accepts the valid claim', () => {
    expect(check(valid)).toMatchObject({ ok: true })
  })

  it.each([
    ['EXPENSE.INVALID_CLAIM', 'claim', null],
    ['EXPENSE.INVALID_CLAIM', 'claim.id', { ...valid, id: '' }],
    ['EXPENSE.INVALID_CLAIM', 'claim.claimantId', { ...valid, claimantId: 7 }],
    ['EXPENSE.INVALID_CLAIM', 'claim.filedAt', { ...valid, filedAt: new Date(Number.NaN) }],
    ['EXPENSE.INVALID_CLAIM', 'claim.filedAt', { ...valid, filedAt: '2026-03-12' }],
    ['EXPENSE.INVALID_CLAIM', 'claim.items', { ...valid, items: [] }],
    ['EXPENSE.INVALID_CLAIM', 'claim.trip.startDay', { ...valid, trip: { startDay: '2026-3-10', endDay: '2026-03-11' } }],
    ['EXPENSE.INVALID_CLAIM', 'claim.trip.endDay', { ...valid, trip: { startDay: '2026-03-10', endDay: '2026-03-09' } }],
    ['EXPENSE.INVALID_CLAIM', 'claim.trip.departureAt', { ...valid, trip: { ...valid.trip, departureAt: 'soon' } }],
    ['EXPENSE.INVALID_CLAIM', 'claim.tripApplicationAttached', { ...valid, tripApplicationAttached: undefined }],
    ['EXPENSE.TRIP_REQUIRED', 'claim.trip', { ...valid, trip: undefined }],
    ['EXPENSE.INVALID_APPROVAL', 'claim.tripApproval.status', { ...valid, tripApproval: { status: 'ok' } }],
    ['EXPENSE.INVALID_APPROVAL', 'claim.tripApproval.decidedAt', { ...valid, tripApproval: { status: 'approved' } }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[0].kind', { ...valid, items: [{ id: 'x', kind: 'gift', amount: '1' }] }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[0].id', { ...valid, items: [{ kind: 'lodging', amount: '1' }] }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[1].id', { ...valid, items: [valid.items[0], valid.items[0]] }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[0].amount', { ...valid, items: [{ id: 'x', kind: 'lodging', amount: '0.00' }] }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[0].amount', { ...valid, items: [{ id: 'x', kind: 'lodging', amount: '-5' }] }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[0].invoice.number', { ...valid, items: [{ id: 'x', kind: 'lodging', amount: '5', invoice: { number: '' } }] }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[0].invoice.code', { ...valid, items: [{ id: 'x', kind: 'lodging', amount: '5', invoice: { number: '1', code: 5 } }] }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[0].fareCategory', { ...valid, items: [{ id: 'x', kind: 'fare', amount: '5' }] }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[0].mode', { ...valid, items: [{ id: 'x', kind: 'localTransport', mode: 'horse', amount: '5' }] }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[0].receiptAmount', { ...valid, items: [{ id: 'x', kind: 'sundry', category: 'fax', amount: '5', receiptAmount: '-1' }] }],
    ['EXPENSE.INVALID_ITEM', 'claim.items[0].month', { ...valid, items: [{ id: 'x', kind: 'phone', month: '2026-13', amount: '5' }] }],
    ['EXPENSE.INVALID_APPROVAL', 'claim.items[0].expenseForm', { ...valid, items: [{ id: 'x', kind: 'entertainment', amount: '5', expenseForm: 'yes' }] }],
    ['EXPENSE.INVALID_APPROVAL', 'claim.items[0].aboveAllowanceApproval.decidedAt', { ...valid, items: [{ id: 'x', kind: 'phone', month: '2026-01', amount: '5', aboveAllowanceApproval: { status: 'approved', decidedAt: 'now' } }] }],
  ])('%s at %s', (code, field, claim) => {
    const error = thrown(() => check(claim), ExpenseInputError)
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
    expect(error.messageZh).toMatch(/\p{Script=Han}/u)
  })

  it('passes money errors through with the field', () => {
    const error = thrown(() => check({ ...valid, items: [{ id: 'x', kind: 'lodging', amount: 12.5 }] }))
    expect(error.code).toBe('MONEY.FLOAT_NOT_ACCEPTED')
    expect(error.field).toBe('claim.items[0].amount')
    expect(thrown(() => check({ ...valid, items: [{ id: 'x', kind: 'lodging', amount: '1.234' }] })).code).toBe('MONEY.SUB_FEN_PRECISION')
  })

  it.each([
    ['context', null],
    ['context.history', { history: {} }],
    ['context.history[0].id', { history: [{ claimantId: 'u', items: [] }] }],
    ['context.history[0].items', { history: [{ id: 'a', claimantId: 'u' }] }],
    ['context.history[0].items[0].kind', { history: [{ id: 'a', claimantId: 'u', items: [{ kind: 'x', amount: '1' }] }] }],
    ['context.history[0].items[0].month', { history: [{ id: 'a', claimantId: 'u', items: [{ kind: 'phone', amount: '1', month: 'May' }] }] }],
  ])('refuses a malformed history at %s', (field, context) => {
    const error = thrown(() => check(valid, context), ExpenseInputError)
    expect(error.code).toBe('EXPENSE.INVALID_HISTORY')
    expect(error.field).toBe(field)
  })

  it('validates the policy argument', () => {
    const partial = thrown(() => checkExpenseClaim(valid as never, {}, calendar, { claimWithinWorkingDays: 3 } as never))
    expect([partial.code, partial.field]).toEqual(['POLICY.INVALID_FIELD', 'policy.fareStandards'])
    const bad = thrown(() => checkExpenseClaim(valid as never, {}, calendar, { ...createExpensePolicy(), phoneAllowancePerMonth: '-1' }))
    expect([bad.code, bad.field]).toEqual(['POLICY.INVALID_FIELD', 'policy.phoneAllowancePerMonth'])
  })
})
