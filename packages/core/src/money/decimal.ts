import DecimalJs from 'decimal.js'

import { InvalidInputError } from '../errors.js'

/**
 * The Decimal constructor used throughout kehu core: a clone of decimal.js with its own
 * settings, so that nothing here changes (or depends on) the global `Decimal` configuration
 * of the host application.
 *
 * 40 significant digits keep every intermediate value of the rules exact for any realistic
 * amount; rounding to the fen happens once, explicitly, at final amounts (see {@link roundToFen}).
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
})

/** An exact decimal value (an instance of kehu's cloned decimal.js constructor). */
export type Decimal = InstanceType<typeof Decimal>

/**
 * A value accepted where a plain decimal number is expected (a rate, a ratio, a margin):
 * a decimal string (`"0.05"`), a finite JS number (`0.05`, read through its shortest
 * decimal representation, so `0.05` is exactly 0.05) or a decimal.js value.
 *
 * Money amounts are **not** `DecimalInput`: see {@link MoneyInput}.
 */
export type DecimalInput = string | number | DecimalJs

const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/**
 * Reads a {@link DecimalInput} into an exact {@link Decimal}.
 *
 * @param value - the input
 * @param field - name of the input field, used in the error
 * @throws {@link InvalidInputError} `DECIMAL.MALFORMED` for a non-numeric string, NaN or ±Infinity
 *
 * @example
 * toDecimal('0.05').toString() //=> '0.05'
 * toDecimal(0.1).plus(toDecimal(0.2)).toString() //=> '0.3'
 */
export function toDecimal(value: DecimalInput, field = 'value'): Decimal {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw malformedDecimal(value, field)
    return new Decimal(String(value))
  }
  if (typeof value === 'string') {
    const text = value.trim()
    if (!DECIMAL_PATTERN.test(text)) throw malformedDecimal(value, field)
    return new Decimal(text)
  }
  if (DecimalJs.isDecimal(value)) {
    if (!value.isFinite()) throw malformedDecimal(value.toString(), field)
    // Our own values are immutable and carry our settings: no copy needed.
    return value.constructor === Decimal ? (value as Decimal) : new Decimal(value)
  }
  throw malformedDecimal(value, field)
}

function malformedDecimal(value: unknown, field: string): InvalidInputError {
  return new InvalidInputError({
    code: 'DECIMAL.MALFORMED',
    field,
    messageEn: `${field} must be a finite decimal number, got ${JSON.stringify(String(value))}`,
    messageZh: `${field} 必须是有限的十进制数，实际为 ${JSON.stringify(String(value))}`,
    details: { value: String(value) },
  })
}
