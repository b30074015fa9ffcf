/**
 * Money (金额): exact 人民币 amounts to the fen, parsing from text, half-up rounding at final
 * amounts, and allocation that always sums exactly.
 * @module
 */
export { Decimal, type DecimalInput, toDecimal } from './decimal.js'
export { InvalidAmountError, MoneyErrorCode } from './errors.js'
export { Money, type MoneyInput, sumMoney } from './money.js'
export { parseAmountToFen } from './parse.js'
export { type RoundingMode, roundToFen } from './round.js'
export { allocate } from './allocate.js'
