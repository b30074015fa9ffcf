import { InvalidInputError } from '../errors.js'

/** Money-specific error codes (金额错误代码). */
export const MoneyErrorCode = {
  /** The text is not a recognisable amount (金额格式错误). */
  MALFORMED_AMOUNT: 'MONEY.MALFORMED_AMOUNT',
  /** The amount has non-zero digits below the fen (精度超过分). */
  SUB_FEN_PRECISION: 'MONEY.SUB_FEN_PRECISION',
  /** A non-integer JS number was passed as money (金额不接受浮点数). */
  FLOAT_NOT_ACCEPTED: 'MONEY.FLOAT_NOT_ACCEPTED',
  /** Allocation ratios are empty, negative, or all zero (分配比例无效). */
  INVALID_RATIOS: 'MONEY.INVALID_RATIOS',
} as const

/** A malformed or imprecise money amount (金额无效). */
export class InvalidAmountError extends InvalidInputError {}
