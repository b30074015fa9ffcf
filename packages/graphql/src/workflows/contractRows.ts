import { type ContractPayment, type InstalmentSchedule, Money, type PaymentReconciliation, toShanghaiDay } from '@kehu/core'

import type { Instalment as InstalmentRow, Payment as PaymentRow, Prisma } from '../generated/prisma/client.js'

/**
 * Where a stored contract stands (合同状态):
 *
 * - `draft` — below the R-CON-1 threshold: no approval needed, may be signed;
 * - `pendingApproval` — its approval request is open (审批中);
 * - `approved` / `rejected` / `withdrawn` — the request ended so (the approval effect moves it);
 * - `signed` — signed (已签订), payments are recorded against it;
 * - `closed` — every instalment is paid (已结清, R-CON-2).
 */
export const CONTRACT_STATUSES = ['draft', 'pendingApproval', 'approved', 'rejected', 'withdrawn', 'signed', 'closed'] as const

/** One of {@link CONTRACT_STATUSES}. */
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

/** Core's schedule (R-CON-2) as the rows of its instalments. */
export function instalmentRows(contractId: string, schedule: InstalmentSchedule): Prisma.InstalmentCreateManyInput[] {
  return schedule.instalments.map((instalment) => ({ id: `${contractId}-i${instalment.number}`, contractId, number: instalment.number, dueDate: instalment.dueDate, amountFen: instalment.amount.fen }))
}

/**
 * A stored contract amount and its instalment rows (any order) as core's schedule. Core checks it
 * where it is used (numbering, order, and that the parts sum exactly to the total).
 */
export function scheduleFromRows(amountFen: bigint, rows: readonly Pick<InstalmentRow, 'number' | 'dueDate' | 'amountFen'>[]): InstalmentSchedule {
  return {
    ruleId: 'R-CON-2',
    total: Money.fromFen(amountFen),
    instalments: [...rows].sort((a, b) => a.number - b.number).map((row) => ({ number: row.number, dueDate: row.dueDate, amount: Money.fromFen(row.amountFen) })),
  }
}

/**
 * The order payments are given to core in (core applies them by day received, then in the order
 * given): the instant received, then when recorded, then id — the same order on every read, so
 * that what a payment settles never depends on how the rows came back.
 */
export const PAYMENT_ORDER = [{ receivedAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] as const satisfies Prisma.PaymentOrderByWithRelationInput[]

/** Sorts payment rows in {@link PAYMENT_ORDER}. */
export function inPaymentOrder<T extends Pick<PaymentRow, 'id' | 'receivedAt' | 'createdAt'>>(rows: readonly T[]): T[] {
  const key = (row: T): [number, number, string] => [row.receivedAt.getTime(), row.createdAt.getTime(), row.id]
  return [...rows].sort((a, b) => {
    const [ra, ca, ia] = key(a)
    const [rb, cb, ib] = key(b)
    return ra - rb || ca - cb || (ia < ib ? -1 : ia > ib ? 1 : 0)
  })
}

/** Stored payments as core's payments: the day received (到账日期) is the Shanghai day of `receivedAt`. */
export function paymentsFromRows(rows: readonly Pick<PaymentRow, 'id' | 'amountFen' | 'receivedAt'>[]): ContractPayment[] {
  return rows.map((row) => ({ id: row.id, amount: Money.fromFen(row.amountFen), paidOn: toShanghaiDay(row.receivedAt) }))
}

/**
 * The instalment each payment settles, by core's reconciliation (oldest instalment first): its
 * number when the whole payment went to one instalment; `null` when core split it over several or
 * part of it is an overpayment (the ledger entries say how).
 */
export function paymentInstalments(reconciliation: PaymentReconciliation): Map<string, number | null> {
  const numbers = new Map<string, number | null>()
  for (const entry of reconciliation.ledgerEntries) {
    const number = entry.kind === 'instalment' ? entry.instalmentNumber : null
    numbers.set(entry.paymentId, numbers.has(entry.paymentId) && numbers.get(entry.paymentId) !== number ? null : number)
  }
  return numbers
}
