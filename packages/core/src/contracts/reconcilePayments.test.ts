import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { dueDatesArb, paymentsArb, positiveAmountArb } from '../../test/arbitraries/contractArb.js'
import { thrown } from '../../test/thrown.js'
import { Money, sumMoney } from '../money/money.js'
import { instalmentSchedule } from './instalmentSchedule.js'
import { overdueInstalments, reconcilePayments } from './reconcilePayments.js'

const schedule = instalmentSchedule({ amount: '10000', dueDates: ['2026-03-31', '2026-06-30'] })

describe('R-CON-2 payment reconciliation and ledger entries (回款核对、客户往来帐登记)', () => {
  it('applies a payment to the oldest instalment first and splits it over instalments', () => {
    const result = reconcilePayments(schedule, [{ id: 'P1', amount: '6000', paidOn: '2026-03-30' }])
    expect(result.instalments.map((i) => [i.status, i.paid.toString(), i.outstanding.toString()])).toEqual([
      ['paid', '5000.00', '0.00'],
      ['partiallyPaid', '1000.00', '4000.00'],
    ])
    expect(result.instalments[0]?.settledOn).toBe('2026-03-30')
    expect(result.instalments[0]?.settledLate).toBe(false)
    expect(result.ledgerEntries).toEqual([
      { kind: 'instalment', paymentId: 'P1', postedOn: '2026-03-30', instalmentNumber: 1, amount: Money.parse('5000.00') },
      { kind: 'instalment', paymentId: 'P1', postedOn: '2026-03-30', instalmentNumber: 2, amount: Money.parse('1000.00') },
    ])
    expect(result.status).toBe('open')
    expect(result.outstanding.toString()).toBe('4000.00')
  })

  it('settles, marks late settlement, and posts an overpayment', () => {
    const result = reconcilePayments(schedule, [
      { id: 'P2', amount: '5000.50', paidOn: '2026-07-02' },
      { id: 'P1', amount: '5000', paidOn: '2026-03-31' },
    ])
    expect(result.instalments.map((i) => [i.status, i.settledOn, i.settledLate])).toEqual([
      ['paid', '2026-03-31', false],
      ['paid', '2026-07-02', true],
    ])
    expect(result.status).toBe('overpaid')
    expect(result.overpaid.toString()).toBe('0.50')
    expect(result.ledgerEntries.at(-1)).toEqual({ kind: 'overpayment', paymentId: 'P2', postedOn: '2026-07-02', amount: Money.parse('0.50') })
  })

  it('with no payments everything is unpaid; overdue after the due date', () => {
    const result = reconcilePayments(schedule, [])
    expect(result.instalments.map((i) => i.status)).toEqual(['unpaid', 'unpaid'])
    expect(result.ledgerEntries).toEqual([])
    expect(overdueInstalments(result, '2026-03-31')).toEqual([])
    expect(overdueInstalments(result, '2026-04-01').map((i) => i.number)).toEqual([1])
  })

  it('a zero instalment (¥0.01 in three) counts as paid', () => {
    const tiny = instalmentSchedule({ amount: '0.01', dueDates: ['2026-01-01', '2026-02-01', '2026-03-01'] })
    const result = reconcilePayments(tiny, [{ id: 'P1', amount: '0.02', paidOn: '2026-01-01' }])
    expect(result.instalments.map((i) => i.status)).toEqual(['paid', 'paid', 'paid'])
    expect(result.overpaid.toString()).toBe('0.01')
  })

  it('property: exact — paid + outstanding = amount, entries sum to payments, overpaid = max(0, received − total)', () => {
    fc.assert(
      fc.property(positiveAmountArb, dueDatesArb, paymentsArb, (amount, dueDates, payments) => {
        const plan = instalmentSchedule({ amount, dueDates })
        const result = reconcilePayments(plan, payments)
        const received = sumMoney(payments.map((p) => p.amount))
        for (const position of result.instalments) {
          expect(position.paid.plus(position.outstanding).equals(position.amount)).toBe(true)
          expect(position.outstanding.isNegative()).toBe(false)
          expect(position.paid.isNegative()).toBe(false)
        }
        expect(sumMoney(result.ledgerEntries.map((e) => e.amount)).equals(received)).toBe(true)
        expect(result.received.equals(received)).toBe(true)
        const excess = received.minus(amount)
        expect(result.overpaid.equals(excess.isPositive() ? excess : Money.ZERO)).toBe(true)
        expect(result.paid.plus(result.outstanding).equals(amount)).toBe(true)
        // Oldest first: an instalment has something paid only if every earlier one is fully paid.
        result.instalments.forEach((position, index) => {
          if (index > 0 && position.paid.isPositive()) expect(result.instalments[index - 1]?.status).toBe('paid')
        })
      }),
    )
  })

  it.each([
    [[{ id: 'P1', amount: '0', paidOn: '2026-01-01' }], 'CONTRACT.INVALID_AMOUNT', 'payments[0].amount'],
    [[{ id: '', amount: '1', paidOn: '2026-01-01' }], 'CONTRACT.INVALID_RECORD', 'payments[0].id'],
    [[{ id: 'P1', amount: '1', paidOn: '2026-13-01' }], 'CONTRACT.INVALID_DAY', 'payments[0].paidOn'],
    [
      [
        { id: 'P1', amount: '1', paidOn: '2026-01-01' },
        { id: 'P1', amount: '2', paidOn: '2026-01-02' },
      ],
      'CONTRACT.DUPLICATE_PAYMENT',
      'payments[1].id',
    ],
    ['nope', 'CONTRACT.INVALID_RECORD', 'payments'],
  ])('refuses bad payments %#', (payments, code, field) => {
    const error = thrown(() => reconcilePayments(schedule, payments as never))
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })

  it('refuses a bad day for overdue', () => {
    expect(thrown(() => overdueInstalments(reconcilePayments(schedule, []), '2026-4-1')).field).toBe('today')
  })
})
