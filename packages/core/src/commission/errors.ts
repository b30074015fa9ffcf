import { InvalidInputError } from '../errors.js'

/**
 * Error codes of the commission area (提成错误代码). Business outcomes such as "margin below the
 * gate" are returned as data; these codes are only for broken preconditions.
 *
 * @example
 * CommissionErrorCode.RATE_OUT_OF_RANGE //=> 'COMMISSION.RATE_OUT_OF_RANGE'
 */
export const CommissionErrorCode = {
  /** A rate or multiplier lies outside its allowed range; never clamped (提成比例超出允许范围, R-COM-6). */
  RATE_OUT_OF_RANGE: 'COMMISSION.RATE_OUT_OF_RANGE',
  /** Turnover, revenue or an hourly wage is negative (金额为负). */
  NEGATIVE_AMOUNT: 'COMMISSION.NEGATIVE_AMOUNT',
  /** Hours worked are negative or not a number (工时无效). */
  INVALID_HOURS: 'COMMISSION.INVALID_HOURS',
  /** The profit is larger than the revenue, i.e. negative costs (利润大于收入). */
  PROFIT_EXCEEDS_REVENUE: 'COMMISSION.PROFIT_EXCEEDS_REVENUE',
  /** A person is missing or empty (人员缺失). */
  INVALID_PERSON: 'COMMISSION.INVALID_PERSON',
  /** The same person appears twice where each person may appear once (人员重复). */
  DUPLICATE_PERSON: 'COMMISSION.DUPLICATE_PERSON',
  /** Split shares are empty, negative, or all zero (分配比例无效, R-COM-7). */
  INVALID_SHARES: 'COMMISSION.INVALID_SHARES',
  /** An input has the wrong shape (e.g. a list that is not an array) (输入结构无效). */
  INVALID_INPUT: 'COMMISSION.INVALID_INPUT',
} as const

/** One of the {@link CommissionErrorCode} values. */
export type CommissionErrorCode = (typeof CommissionErrorCode)[keyof typeof CommissionErrorCode]

/**
 * A commission input violates a precondition (提成输入无效): a negative revenue, an empty person,
 * a rate outside its range (code `COMMISSION.RATE_OUT_OF_RANGE`, R-COM-6), …
 *
 * @example
 * try { fixedProjectCommission({ turnover: '1000.00', rate: '0.2' }) }
 * catch (error) { (error as CommissionInputError).field } //=> 'rate'
 */
export class CommissionInputError extends InvalidInputError {}
