import { Money } from '../money/money.js'

/**
 * Codes of the business findings of an expense check (报销检查问题代码), returned as data by
 * {@link checkExpenseClaim}. Each belongs to one rule (see `ruleId` on the violation).
 *
 * @example
 * ExpenseViolationCode.CLAIM_FILED_LATE //=> 'EXPENSE.CLAIM_FILED_LATE'
 */
export const ExpenseViolationCode = {
  /** R-EXP-1 the claim references no trip approval (未附出差申请审批). */
  TRIP_APPROVAL_MISSING: 'EXPENSE.TRIP_APPROVAL_MISSING',
  /** R-EXP-1 the trip approval is pending, rejected or withdrawn (出差申请未获批准). */
  TRIP_NOT_APPROVED: 'EXPENSE.TRIP_NOT_APPROVED',
  /** R-EXP-1 the trip was approved only after it started (出差申请在出发后才批准). */
  TRIP_APPROVED_AFTER_START: 'EXPENSE.TRIP_APPROVED_AFTER_START',
  /** R-EXP-2 filed after the end of the 3rd working day after the trip (逾期报销). */
  CLAIM_FILED_LATE: 'EXPENSE.CLAIM_FILED_LATE',
  /** R-EXP-2 the trip application is not attached (未附出差申请单). */
  APPLICATION_NOT_ATTACHED: 'EXPENSE.APPLICATION_NOT_ATTACHED',
  /** R-EXP-2 an item has no invoice (未附发票). */
  INVOICE_MISSING: 'EXPENSE.INVOICE_MISSING',
  /** R-EXP-3 two tickets of the claim have consecutive numbers (车票连号). */
  CONSECUTIVE_TICKET_NUMBERS: 'EXPENSE.CONSECUTIVE_TICKET_NUMBERS',
  /** R-EXP-3 the same invoice appears twice in the claim (同一发票重复报销). */
  DUPLICATE_INVOICE_IN_CLAIM: 'EXPENSE.DUPLICATE_INVOICE_IN_CLAIM',
  /** R-EXP-3 the invoice was already claimed in a past claim (发票已在以往报销单中报销). */
  DUPLICATE_INVOICE_IN_HISTORY: 'EXPENSE.DUPLICATE_INVOICE_IN_HISTORY',
  /** R-EXP-3 the fare category is not in the fare standard (交通工具等级不在报销标准内). */
  FARE_CATEGORY_NOT_IN_STANDARD: 'EXPENSE.FARE_CATEGORY_NOT_IN_STANDARD',
  /** R-EXP-3 the fare is above the standard (交通费超标准). */
  FARE_ABOVE_STANDARD: 'EXPENSE.FARE_ABOVE_STANDARD',
  /** R-EXP-4 local transport that is not public transport (市内交通未使用公共交通). */
  LOCAL_TRANSPORT_NOT_PUBLIC: 'EXPENSE.LOCAL_TRANSPORT_NOT_PUBLIC',
  /** R-EXP-4 a taxi or ride-hailing fare the policy does not allow (出租车费不予报销). */
  TAXI_NOT_ALLOWED: 'EXPENSE.TAXI_NOT_ALLOWED',
  /** R-EXP-4 local transport without a ticket (市内交通无票). */
  LOCAL_TRANSPORT_WITHOUT_TICKET: 'EXPENSE.LOCAL_TRANSPORT_WITHOUT_TICKET',
  /** R-EXP-5 a sundry category the policy does not reimburse (非公务杂费类别). */
  SUNDRY_CATEGORY_NOT_ALLOWED: 'EXPENSE.SUNDRY_CATEGORY_NOT_ALLOWED',
  /** R-EXP-5 a sundry claimed at an amount other than its receipt (公务杂费未实报实销). */
  SUNDRY_NOT_AT_COST: 'EXPENSE.SUNDRY_NOT_AT_COST',
  /** R-EXP-5 entertainment without the expense form signed by the department manager (招待费未经部门经理签批). */
  ENTERTAINMENT_FORM_NOT_SIGNED: 'EXPENSE.ENTERTAINMENT_FORM_NOT_SIGNED',
  /** R-EXP-6 phone cost above the monthly allowance without the manager's approval (手机费超标未审批). */
  PHONE_ABOVE_ALLOWANCE: 'EXPENSE.PHONE_ABOVE_ALLOWANCE',
} as const

/** One of the {@link ExpenseViolationCode} values. */
export type ExpenseViolationCode = (typeof ExpenseViolationCode)[keyof typeof ExpenseViolationCode]

/**
 * One finding of an expense check (报销问题), R-EXP-7. `field` is the path of the input it is
 * about (`claim.filedAt`, `claim.items[2].amount`); `details` are JSON-serialisable: for item
 * findings `itemId`, `itemIndex` and `withheld` (the amount of the item not reimbursed because
 * of this finding, yuan text), plus finding-specific values.
 */
export interface ExpenseViolation {
  readonly code: ExpenseViolationCode
  readonly ruleId: string
  readonly field: string
  readonly messageZh: string
  readonly messageEn: string
  readonly details: Readonly<Record<string, unknown>>
}

/** A violation and the money it withholds from its item. @internal */
export interface Finding {
  readonly violation: ExpenseViolation
  readonly itemIndex: number | undefined
  readonly withheld: Money
}

/** Builds a claim-level finding (withholds nothing from the items). @internal */
export function claimFinding(
  code: ExpenseViolationCode,
  ruleId: string,
  field: string,
  messageZh: string,
  messageEn: string,
  details: Readonly<Record<string, unknown>> = {},
): Finding {
  return { violation: Object.freeze({ code, ruleId, field, messageZh, messageEn, details: Object.freeze({ ...details }) }), itemIndex: undefined, withheld: Money.ZERO }
}

/** Builds an item finding that withholds `withheld` of the item. @internal */
export function itemFinding(
  item: { readonly index: number; readonly id: string },
  withheld: Money,
  code: ExpenseViolationCode,
  ruleId: string,
  field: string,
  messageZh: string,
  messageEn: string,
  details: Readonly<Record<string, unknown>> = {},
): Finding {
  return {
    violation: Object.freeze({
      code,
      ruleId,
      field,
      messageZh,
      messageEn,
      details: Object.freeze({ itemId: item.id, itemIndex: item.index, withheld: withheld.toString(), ...details }),
    }),
    itemIndex: item.index,
    withheld,
  }
}
