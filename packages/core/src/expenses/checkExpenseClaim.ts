import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import { Money, sumMoney } from '../money/money.js'
import { type ExpenseCheckContext, type ExpenseClaimInput, readExpenseClaim, readHistory } from './claim.js'
import { checkConsecutiveNumbers, checkDuplicateInvoices, checkInvoicesAttached } from './checkInvoices.js'
import { checkEntertainment, checkPhone, checkSundries } from './checkOther.js'
import { checkFareStandard, checkLocalTransport } from './checkTransport.js'
import { checkFiling, checkTripApproval } from './checkTrip.js'
import { ExpenseErrorCode, expenseInputError } from './errors.js'
import type { ExpenseItemKind } from './items.js'
import { defaultExpensePolicy, type ExpensePolicy, readExpensePolicy } from './policy.js'
import { type ExpenseViolation, ExpenseViolationCode, type Finding } from './violation.js'

/** The money of one item after the check (报销明细核定金额). */
export interface ExpenseItemAmounts {
  readonly id: string
  readonly kind: ExpenseItemKind
  /** Amount claimed (申报金额). */
  readonly claimed: Money
  /** Amount not reimbursed because of the item's violations (核减金额). */
  readonly withheld: Money
  /** `claimed − withheld` (核定金额). */
  readonly reimbursable: Money
}

/** The verdict on a claim (报销审核结果), R-EXP-7. */
export interface ExpenseCheckResult {
  /** True iff there is no violation at all. */
  readonly ok: boolean
  /** Every violation, claim-level ones first (R-EXP-1, R-EXP-2), then by item, each item's in code order. */
  readonly violations: readonly ExpenseViolation[]
  /** Totals over the items, exact to the fen: `reimbursable = claimed − withheld`. */
  readonly totals: { readonly claimed: Money; readonly withheld: Money; readonly reimbursable: Money }
  /** Per item, in claim order. */
  readonly items: readonly ExpenseItemAmounts[]
}

const CODE_ORDER: readonly string[] = Object.values(ExpenseViolationCode)

/**
 * Checks an expense claim (费用报销审核) against R-EXP-1..6 and returns **every** violation at
 * once (R-EXP-7), with the exact reimbursable amount.
 *
 * - R-EXP-1 trip approved (status `approved`) and decided no later than the trip start.
 * - R-EXP-2 filed before the end of the 3rd working day after the trip's last day; trip
 *   application attached; an invoice on every item.
 * - R-EXP-3 车票连号 (see {@link areConsecutiveTicketNumbers}); an invoice claimed twice in the
 *   claim or in `context.history`; fares not in or above the fare standard.
 * - R-EXP-4 local transport public (bus/minibus/rail) and ticketed; taxis unless allowed.
 * - R-EXP-5 sundries at cost and of the listed categories; entertainment with the signed form.
 * - R-EXP-6 phone costs above the monthly allowance without approval.
 *
 * Amounts: each violation on an item withholds a part of it (the excess over a standard or an
 * allowance, the amount above the receipt, or the whole item); an item's withheld amount is the
 * largest of its violations' parts (never above the item), and `reimbursable = claimed − withheld`,
 * exact to the fen. Claim-level violations (R-EXP-1, R-EXP-2 lateness and application) and 连号
 * withhold nothing — they make `ok` false and leave the decision to the reviewer.
 *
 * Malformed input is thrown, naming the field: `EXPENSE.INVALID_CLAIM`, `EXPENSE.INVALID_ITEM`,
 * `EXPENSE.INVALID_APPROVAL`, `EXPENSE.TRIP_REQUIRED`, `EXPENSE.INVALID_HISTORY`, `MONEY.*`,
 * `POLICY.INVALID_FIELD`, `CALENDAR.YEAR_NOT_COVERED`.
 *
 * @param claim - the claim as submitted
 * @param context - past claims, for duplicate invoices and the phone allowance
 * @param calendar - the working calendar (R-CAL) counting the 3 working days
 * @param policy - the expense policy, {@link defaultExpensePolicy} by default
 *
 * @example
 * const result = checkExpenseClaim(
 *   {
 *     id: 'BX-1', claimantId: 'u1', filedAt: new Date('2026-10-08T10:00:00+08:00'),
 *     trip: { startDay: '2026-09-22', endDay: '2026-09-25' },
 *     tripApproval: { status: 'approved', decidedAt: new Date('2026-09-21T15:00:00+08:00') },
 *     tripApplicationAttached: true,
 *     items: [{ id: 'f1', kind: 'fare', fareCategory: 'plane.economy', amount: '2800.00', invoice: { number: '1234567890' } }],
 *   },
 *   {},
 *   createWorkingCalendar(),
 * )
 * result.violations.map((v) => v.code) //=> ['EXPENSE.CLAIM_FILED_LATE', 'EXPENSE.FARE_ABOVE_STANDARD']
 * result.totals.reimbursable.toString() //=> '2500.00'
 */
export function checkExpenseClaim(
  claim: ExpenseClaimInput,
  context: ExpenseCheckContext,
  calendar: WorkingCalendar,
  policy: ExpensePolicy = defaultExpensePolicy,
): ExpenseCheckResult {
  const read = readExpenseClaim(claim)
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw expenseInputError(ExpenseErrorCode.INVALID_HISTORY, 'context', 'must be an object ({ history? })', '必须是对象（{ history? }）', context)
  }
  const history = readHistory(context.history)
  const rules = readExpensePolicy(policy)

  const findings: Finding[] = [
    ...checkTripApproval(read),
    ...checkFiling(read, calendar, rules),
    ...checkInvoicesAttached(read),
    ...checkDuplicateInvoices(read, history),
    ...checkConsecutiveNumbers(read, rules),
    ...checkFareStandard(read, rules),
    ...checkLocalTransport(read, rules),
    ...checkSundries(read, rules),
    ...checkEntertainment(read),
    ...checkPhone(read, history, rules),
  ]

  const claimLevel = findings.filter((finding) => finding.itemIndex === undefined)
  const itemLevel = findings
    .filter((finding) => finding.itemIndex !== undefined)
    .sort((a, b) => (a.itemIndex ?? 0) - (b.itemIndex ?? 0) || CODE_ORDER.indexOf(a.violation.code) - CODE_ORDER.indexOf(b.violation.code))

  const items = read.items.map((item): ExpenseItemAmounts => {
    let withheld = Money.ZERO
    for (const finding of itemLevel) {
      if (finding.itemIndex === item.index && finding.withheld.compare(withheld) > 0) withheld = finding.withheld
    }
    if (withheld.compare(item.amount) > 0) withheld = item.amount
    return Object.freeze({ id: item.id, kind: item.kind, claimed: item.amount, withheld, reimbursable: item.amount.minus(withheld) })
  })
  const claimed = sumMoney(items.map((item) => item.claimed))
  const withheld = sumMoney(items.map((item) => item.withheld))
  const violations = [...claimLevel, ...itemLevel].map((finding) => finding.violation)
  return Object.freeze({
    ok: violations.length === 0,
    violations: Object.freeze(violations),
    totals: Object.freeze({ claimed, withheld, reimbursable: claimed.minus(withheld) }),
    items: Object.freeze(items),
  })
}
