import { InvalidInputError } from '../errors.js'
import { inputError, type InputFailure } from '../input/index.js'

/**
 * Error codes of the expenses area (费用报销错误代码), thrown for malformed input only. Business
 * findings about a claim (late, above the fare standard, duplicate invoice …) are returned as
 * data, see {@link ExpenseViolationCode}.
 *
 * @example
 * ExpenseErrorCode.INVALID_CLAIM //=> 'EXPENSE.INVALID_CLAIM'
 */
export const ExpenseErrorCode = {
  /** The claim is not an object, or a claim-level field is missing or of the wrong kind (报销单无效). */
  INVALID_CLAIM: 'EXPENSE.INVALID_CLAIM',
  /** An expense item is malformed: unknown kind, non-positive amount, repeated id (费用明细无效). */
  INVALID_ITEM: 'EXPENSE.INVALID_ITEM',
  /** An approval referenced by the claim is malformed (审批记录无效). */
  INVALID_APPROVAL: 'EXPENSE.INVALID_APPROVAL',
  /** Travel items (fares, local transport, lodging) without the trip they belong to (缺少出差信息). */
  TRIP_REQUIRED: 'EXPENSE.TRIP_REQUIRED',
  /** The history of past claims is malformed (历史报销记录无效). */
  INVALID_HISTORY: 'EXPENSE.INVALID_HISTORY',
} as const

/** One of the {@link ExpenseErrorCode} values. */
export type ExpenseErrorCode = (typeof ExpenseErrorCode)[keyof typeof ExpenseErrorCode]

/** A malformed input of the expenses area (费用报销输入无效); `field` names the bad input. */
export class ExpenseInputError extends InvalidInputError {}

/** @internal */
export function expenseInputError(code: ExpenseErrorCode, field: string, expectedEn: string, expectedZh: string, value: unknown, ruleId?: string): ExpenseInputError {
  return inputError(ExpenseInputError, { code, field, expectedEn, expectedZh, value, ruleId })
}

/** The `fail` of the shared input readers, raising an {@link ExpenseInputError} with `code`. @internal */
export function expenseFailure(code: ExpenseErrorCode): InputFailure {
  return (problem) => inputError(ExpenseInputError, { code, ...problem })
}
