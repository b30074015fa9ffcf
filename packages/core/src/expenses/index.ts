/**
 * Expenses and reimbursement (费用报销), rules R-EXP-1 … R-EXP-7: the expense policy (fare
 * standards, taxis, phone allowance, sundries), the trip / entertainment / phone approval chains,
 * the claim deadline, and {@link checkExpenseClaim}, which lists every violation at once with the
 * exact reimbursable amount.
 * @module
 */
export { defaultEntertainmentChain, defaultPhoneAllowanceChain, defaultTripChain } from './chains.js'
export {
  type ApprovalEvidence,
  type EntertainmentItemInput,
  type ExpenseCheckContext,
  type ExpenseClaimInput,
  type ExpenseItemInput,
  type FareItemInput,
  type InvoiceRef,
  type LocalTransportItemInput,
  type LodgingItemInput,
  type PastExpenseClaim,
  type PhoneItemInput,
  type SundryItemInput,
  type TripInput,
} from './claim.js'
export { type ExpenseCheckResult, type ExpenseItemAmounts, checkExpenseClaim } from './checkExpenseClaim.js'
export { expenseClaimDeadline } from './claimDeadline.js'
export { ExpenseErrorCode, ExpenseInputError } from './errors.js'
export { EXPENSE_ITEM_KINDS, type ExpenseItemKind, LOCAL_TRANSPORT_MODES, type LocalTransportMode, TAXI_MODES, TRAVEL_ITEM_KINDS } from './items.js'
export { createExpensePolicy, defaultExpensePolicy, type ExpensePolicy } from './policy.js'
export { areConsecutiveTicketNumbers } from './ticketNumbers.js'
export { type ExpenseViolation, ExpenseViolationCode } from './violation.js'
