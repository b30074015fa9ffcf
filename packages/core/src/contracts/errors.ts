import { InvalidInputError } from '../errors.js'

/**
 * Error codes of the contracts area (合同与回款错误代码), R-CON-1..3. Business outcomes ("needs
 * approval", "overdue", "overpaid") are results, never these.
 */
export const ContractErrorCode = {
  /** A contract, past contract, schedule or payment is not an object, or a field has the wrong kind (合同数据无效). */
  INVALID_RECORD: 'CONTRACT.INVALID_RECORD',
  /** An instant is not a valid `Date` in 1992–9999 (时间点无效). */
  INVALID_INSTANT: 'CONTRACT.INVALID_INSTANT',
  /** A civil day is not a strict existing `YYYY-MM-DD` (日期无效). */
  INVALID_DAY: 'CONTRACT.INVALID_DAY',
  /** An amount that must not be negative is, or one that must be positive is not (金额无效). */
  INVALID_AMOUNT: 'CONTRACT.INVALID_AMOUNT',
  /** Due dates are empty or not strictly increasing (付款期限无效). */
  INVALID_DUE_DATES: 'CONTRACT.INVALID_DUE_DATES',
  /** Instalment ratios do not match the due dates or are not positive (分期比例无效). */
  INVALID_RATIOS: 'CONTRACT.INVALID_RATIOS',
  /** An instalment schedule is malformed: numbering, order, or its parts do not sum to its total (分期计划无效). */
  INVALID_SCHEDULE: 'CONTRACT.INVALID_SCHEDULE',
  /** Instants of one record are out of order, e.g. replied before the arrears were noticed (时间先后矛盾). */
  INCONSISTENT_DATES: 'CONTRACT.INCONSISTENT_DATES',
  /** Two payments share an id (付款编号重复). */
  DUPLICATE_PAYMENT: 'CONTRACT.DUPLICATE_PAYMENT',
} as const

/** One of the {@link ContractErrorCode} values. */
export type ContractErrorCode = (typeof ContractErrorCode)[keyof typeof ContractErrorCode]

/** A malformed input of the contracts area (合同与回款输入无效). */
export class ContractInputError extends InvalidInputError {}
