import { instalmentSchedule, Money, reconcilePayments, sumMoney } from '@kehu/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { instalmentRows, paymentInstalments, paymentsFromRows, scheduleFromRows } from './contractRows.js'

/** Strictly increasing due days in 2026–2027, 1 to 12 of them. */
const dueDatesArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 729 }), { minLength: 1, maxLength: 12 })
  .map((offsets) => offsets.sort((a, b) => a - b).map((offset) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10)))

describe('instalment rows (R-CON-2)', () => {
  it('property: the stored instalments sum exactly to the contract and read back as the same schedule', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), dueDatesArb, fc.option(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 12, maxLength: 12 }), { nil: undefined }), (fen, dueDates, weights) => {
        const schedule = instalmentSchedule({ amount: Money.fromFen(fen), dueDates, ...(weights === undefined ? {} : { ratios: weights.slice(0, dueDates.length) }) })
        const rows = instalmentRows('contract-1', schedule)
        expect(rows.reduce((sum, row) => sum + BigInt(row.amountFen as bigint), 0n)).toBe(fen)
        expect(rows.map((row) => row.number)).toEqual(dueDates.map((_, index) => index + 1))
        const stored = rows.map((row) => ({ number: row.number, dueDate: row.dueDate, amountFen: BigInt(row.amountFen as bigint) })).reverse()
        const read = scheduleFromRows(fen, stored)
        expect(read.instalments.map((i) => [i.number, i.dueDate, i.amount.fen])).toEqual(schedule.instalments.map((i) => [i.number, i.dueDate, i.amount.fen]))
        // Core accepts what was read back: nothing is outstanding once the whole amount is paid.
        expect(reconcilePayments(read, [{ id: 'P1', amount: Money.fromFen(fen), paidOn: dueDates[0]! }]).status).toBe('settled')
      }),
    )
  })

  it('splits ¥10,000 into three as core does: 3333.34, 3333.33, 3333.33', () => {
    const rows = instalmentRows('c', instalmentSchedule({ amount: '10000', dueDates: ['2026-03-31', '2026-06-30', '2026-09-30'] }))
    expect(rows.map((row) => [row.id, row.amountFen])).toEqual([
      ['c-i1', 333334n],
      ['c-i2', 333333n],
      ['c-i3', 333333n],
    ])
  })
})

describe('payments as core reads them', () => {
  it('takes the Shanghai day of the instant received', () => {
    // 2026-03-31T17:00Z is 01:00 on 04-01 in Shanghai.
    expect(paymentsFromRows([{ id: 'P1', amountFen: 100n, receivedAt: new Date('2026-03-31T17:00:00Z') }])).toEqual([{ id: 'P1', amount: Money.fromFen(100n), paidOn: '2026-04-01' }])
  })

  it('names the instalment a payment settles only when the whole payment went to it', () => {
    const schedule = instalmentSchedule({ amount: '1000', dueDates: ['2026-03-31', '2026-04-30'] })
    const reconciliation = reconcilePayments(schedule, [
      { id: 'P1', amount: '400', paidOn: '2026-03-01' },
      { id: 'P2', amount: '300', paidOn: '2026-03-02' },
      { id: 'P3', amount: '200', paidOn: '2026-03-03' },
      { id: 'P4', amount: '200', paidOn: '2026-03-04' },
    ])
    expect(Object.fromEntries(paymentInstalments(reconciliation))).toEqual({ P1: 1, P2: null, P3: 2, P4: null })
  })

  it('property: every payment is named, and a named one is exactly one ledger entry of that instalment', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 8n }), dueDatesArb, fc.array(fc.bigInt({ min: 1n, max: 10n ** 8n }), { maxLength: 8 }), (fen, dueDates, paid) => {
        const payments = paid.map((amount, index) => ({ id: `P${index}`, amount: Money.fromFen(amount), paidOn: '2026-01-01' }))
        const reconciliation = reconcilePayments(instalmentSchedule({ amount: Money.fromFen(fen), dueDates }), payments)
        const named = paymentInstalments(reconciliation)
        expect([...named.keys()].sort()).toEqual(payments.map((p) => p.id).sort())
        for (const [id, number] of named) {
          const entries = reconciliation.ledgerEntries.filter((e) => e.paymentId === id)
          if (number !== null) expect(entries).toEqual([expect.objectContaining({ kind: 'instalment', instalmentNumber: number })])
          expect(sumMoney(entries.map((e) => e.amount)).equals(payments.find((p) => p.id === id)!.amount)).toBe(true)
        }
      }),
    )
  })
})
