import type { CivilDay } from '../calendar/civilDay.js'
import { Money, type MoneyInput, sumMoney } from '../money/money.js'
import { ContractErrorCode } from './errors.js'
import { type InstalmentSchedule, readSchedule } from './instalmentSchedule.js'
import { invalid, readAmount, readArray, readDay, readRecord, readText } from './readers.js'

const RULE = 'R-CON-2'

/** A payment received from the customer (客户回款), as confirmed by finance. */
export interface ContractPayment {
  /** The payment's identifier (回款单号), unique within the call. */
  readonly id: string
  /** Amount received, > 0. */
  readonly amount: MoneyInput
  /** Day received (到账日期). */
  readonly paidOn: CivilDay
}

/** Where one instalment stands after reconciliation. */
export interface InstalmentPosition {
  readonly number: number
  readonly dueDate: CivilDay
  readonly amount: Money
  /** Applied to this instalment; never more than `amount`. */
  readonly paid: Money
  /** `amount − paid`, ≥ 0. */
  readonly outstanding: Money
  /** `paid` (已付清), `partiallyPaid` (部分付款) or `unpaid` (未付). */
  readonly status: 'paid' | 'partiallyPaid' | 'unpaid'
  /** The day of the payment that completed it, when paid. */
  readonly settledOn?: CivilDay
  /** True when it was completed after its due date (逾期付清). */
  readonly settledLate?: boolean
}

/** One entry to post to the customer ledger (客户往来帐登记). */
export type LedgerEntry =
  | { readonly kind: 'instalment'; readonly paymentId: string; readonly postedOn: CivilDay; readonly instalmentNumber: number; readonly amount: Money }
  /** The part of a payment beyond the whole schedule (多收款), to be refunded or carried forward. */
  | { readonly kind: 'overpayment'; readonly paymentId: string; readonly postedOn: CivilDay; readonly amount: Money }

/** The result of reconciling payments with a schedule (回款核对结果). */
export interface PaymentReconciliation {
  readonly ruleId: 'R-CON-2'
  readonly instalments: readonly InstalmentPosition[]
  readonly total: Money
  /** Applied to instalments: `min(received, total)`. */
  readonly paid: Money
  readonly outstanding: Money
  /** Received beyond the total, ≥ 0. */
  readonly overpaid: Money
  /** Everything received. */
  readonly received: Money
  /** `open` (未结清), `settled` (已结清) or `overpaid` (多付). */
  readonly status: 'open' | 'settled' | 'overpaid'
  /** Entries to post, in posting order; they sum exactly to `received`. */
  readonly ledgerEntries: readonly LedgerEntry[]
}

/**
 * R-CON-2 Reconciles the payments received with an instalment schedule and says what to post to
 * the customer ledger ("及时与财务部进行核对，同时在本单位客户往来帐中登记"). Pure: nothing is
 * posted, the entries are returned.
 *
 * Payments are applied in order of `paidOn` (then input order) to the earliest instalment with
 * something outstanding (oldest due first); a payment may be split over several instalments; what
 * is left after the last instalment is an overpayment entry. Exact: for every instalment
 * `paid + outstanding = amount`, and the entries sum to the payments.
 *
 * @throws {@link ContractInputError} `CONTRACT.INVALID_SCHEDULE`, `CONTRACT.INVALID_RECORD`, `CONTRACT.INVALID_DAY`, `CONTRACT.INVALID_AMOUNT` (a payment ≤ 0), `CONTRACT.DUPLICATE_PAYMENT`
 *
 * @example
 * const schedule = instalmentSchedule({ amount: '10000', dueDates: ['2026-03-31', '2026-06-30'] })
 * const result = reconcilePayments(schedule, [{ id: 'P1', amount: '6000', paidOn: '2026-03-30' }])
 * result.instalments.map((i) => [i.status, i.outstanding.toString()]) //=> [['paid', '0.00'], ['partiallyPaid', '4000.00']]
 * result.ledgerEntries.map((e) => [e.kind, e.amount.toString()]) //=> [['instalment', '5000.00'], ['instalment', '1000.00']]
 */
export function reconcilePayments(schedule: InstalmentSchedule, payments: readonly ContractPayment[]): PaymentReconciliation {
  const plan = readSchedule(schedule)
  const seen = new Set<string>()
  const received = readArray(payments, 'payments', RULE).map((value, index) => {
    const field = `payments[${index}]`
    const payment = readRecord(value, field, RULE)
    const id = readText(payment['id'], `${field}.id`, RULE)
    if (seen.has(id)) {
      throw invalid(ContractErrorCode.DUPLICATE_PAYMENT, `${field}.id`, 'repeats an earlier payment id', '与之前的回款单号重复', id, RULE)
    }
    seen.add(id)
    return { id, index, amount: readAmount(payment['amount'], `${field}.amount`, RULE, true), paidOn: readDay(payment['paidOn'], `${field}.paidOn`, RULE) }
  })
  received.sort((a, b) => (a.paidOn === b.paidOn ? a.index - b.index : a.paidOn < b.paidOn ? -1 : 1))

  const paidFen = plan.instalments.map(() => 0n)
  const settledOn: (CivilDay | undefined)[] = plan.instalments.map(() => undefined)
  const entries: LedgerEntry[] = []
  let cursor = 0
  for (const payment of received) {
    let left = payment.amount.fen
    while (left > 0n && cursor < plan.instalments.length) {
      const instalment = plan.instalments[cursor]!
      const room = instalment.amount.fen - paidFen[cursor]!
      if (room === 0n) {
        // A zero instalment (a tiny amount split many ways) takes nothing.
        cursor += 1
        continue
      }
      const applied = left < room ? left : room
      paidFen[cursor] = paidFen[cursor]! + applied
      left -= applied
      entries.push({ kind: 'instalment', paymentId: payment.id, postedOn: payment.paidOn, instalmentNumber: instalment.number, amount: Money.fromFen(applied) })
      if (applied === room) {
        settledOn[cursor] = payment.paidOn
        cursor += 1
      }
    }
    if (left > 0n) entries.push({ kind: 'overpayment', paymentId: payment.id, postedOn: payment.paidOn, amount: Money.fromFen(left) })
  }
  // Zero-amount instalments count as paid from the start (no settledOn).
  const instalments: InstalmentPosition[] = plan.instalments.map((instalment, index) => {
    const paid = Money.fromFen(paidFen[index]!)
    const outstanding = instalment.amount.minus(paid)
    const day = settledOn[index]
    const base = { number: instalment.number, dueDate: instalment.dueDate, amount: instalment.amount, paid, outstanding }
    if (outstanding.isZero()) {
      return day === undefined ? { ...base, status: 'paid' as const } : { ...base, status: 'paid' as const, settledOn: day, settledLate: day > instalment.dueDate }
    }
    return { ...base, status: paid.isZero() ? ('unpaid' as const) : ('partiallyPaid' as const) }
  })
  const receivedTotal = sumMoney(received.map((payment) => payment.amount))
  const paid = sumMoney(instalments.map((instalment) => instalment.paid))
  const overpaid = receivedTotal.minus(paid)
  const outstanding = plan.total.minus(paid)
  return {
    ruleId: RULE,
    instalments,
    total: plan.total,
    paid,
    outstanding,
    overpaid,
    received: receivedTotal,
    status: overpaid.isPositive() ? 'overpaid' : outstanding.isZero() ? 'settled' : 'open',
    ledgerEntries: entries,
  }
}

/**
 * R-CON-2 The instalments still owed after their due date on `today` (逾期未付): due before `today`
 * with something outstanding.
 *
 * @example
 * overdueInstalments(reconcilePayments(schedule, []), '2026-04-01').map((i) => i.number) //=> [1]
 */
export function overdueInstalments(reconciliation: PaymentReconciliation, today: CivilDay): InstalmentPosition[] {
  const day = readDay(today, 'today', RULE)
  return reconciliation.instalments.filter((instalment) => instalment.dueDate < day && instalment.outstanding.isPositive())
}
