import DecimalJs from 'decimal.js'

import { Decimal, type DecimalInput, toDecimal } from './decimal.js'
import { InvalidAmountError, MoneyErrorCode } from './errors.js'
import { parseAmountToFen } from './parse.js'

/**
 * What a public function accepts as money (金额): a {@link Money}, a text amount in yuan
 * (`"1,234.50"`, `"¥1234.5"`), a decimal.js value with at most 2 decimals, or a JS number that
 * is a whole number of yuan. Non-integer JS numbers are refused: binary floats are never money.
 */
export type MoneyInput = Money | string | number | DecimalJs

/**
 * An exact amount of 人民币, held as a whole number of fen (分). Immutable: every operation
 * returns a new value.
 *
 * Arithmetic that stays on the fen grid (plus, minus, negate, sum) returns `Money`.
 * Multiplying by a rate leaves the grid, so {@link Money.times} returns an unrounded
 * {@link Decimal} of yuan; round it once, at the final amount, with {@link roundToFen}.
 *
 * @example
 * const a = Money.parse('¥1,234.50')
 * a.plus(Money.parse('0.50')).toString() //=> '1235.00'
 * roundToFen(a.times('0.05')).toString() //=> '61.73'
 */
export class Money {
  /** The amount in fen (分), exact. */
  readonly fen: bigint

  private constructor(fen: bigint) {
    this.fen = fen
  }

  /** Zero yuan. */
  static readonly ZERO: Money = new Money(0n)

  /**
   * Money from a whole number of fen.
   * @throws {@link InvalidAmountError} `MONEY.FLOAT_NOT_ACCEPTED` for a non-integer number
   */
  static fromFen(fen: bigint | number, field = 'amount'): Money {
    if (typeof fen === 'bigint') return new Money(fen)
    if (!Number.isSafeInteger(fen)) throw floatNotAccepted(fen, field)
    return new Money(BigInt(fen))
  }

  /**
   * Parses a text amount in yuan. See {@link parseAmountToFen} for what is accepted.
   * @throws {@link InvalidAmountError} `MONEY.MALFORMED_AMOUNT`, `MONEY.SUB_FEN_PRECISION`
   */
  static parse(text: string, field = 'amount'): Money {
    return new Money(parseAmountToFen(text, field))
  }

  /**
   * Money from any {@link MoneyInput}; the form every public function uses at its boundary.
   * @throws {@link InvalidAmountError} when the input is malformed, below the fen, or a float
   */
  static of(input: MoneyInput, field = 'amount'): Money {
    if (input instanceof Money) return input
    if (typeof input === 'string') return Money.parse(input, field)
    if (typeof input === 'number') {
      if (!Number.isSafeInteger(input)) throw floatNotAccepted(input, field)
      return new Money(BigInt(input) * 100n)
    }
    if (DecimalJs.isDecimal(input)) {
      const yuan = toDecimal(input, field)
      const fen = yuan.times(100)
      if (!fen.isInteger()) {
        throw new InvalidAmountError({
          code: MoneyErrorCode.SUB_FEN_PRECISION,
          field,
          messageEn: `${field} ${yuan.toString()} has digits below the fen (0.01 yuan); round it with roundToFen first`,
          messageZh: `${field} ${yuan.toString()} 的精度超过分（0.01 元），请先用 roundToFen 舍入`,
          details: { value: yuan.toString() },
        })
      }
      return new Money(BigInt(fen.toFixed(0)))
    }
    throw new InvalidAmountError({
      code: MoneyErrorCode.MALFORMED_AMOUNT,
      field,
      messageEn: `${field} must be money (a Money, a text amount such as "1234.50", or a whole number of yuan), got ${typeof input}`,
      messageZh: `${field} 必须是金额（Money、文本金额如 "1234.50"、或整数元），实际类型为 ${typeof input}`,
    })
  }

  #yuan: Decimal | undefined

  /** The amount in yuan as an exact {@link Decimal}. */
  get yuan(): Decimal {
    // Read once per amount: several rates often apply to the same profit.
    return (this.#yuan ??= new Decimal(`${this.fen.toString()}e-2`))
  }

  /** This plus `other`. */
  plus(other: Money): Money {
    return new Money(this.fen + other.fen)
  }

  /** This minus `other`. */
  minus(other: Money): Money {
    return new Money(this.fen - other.fen)
  }

  /** The amount with its sign flipped. */
  negate(): Money {
    return new Money(-this.fen)
  }

  /**
   * This amount times `factor` (a rate, a share), **unrounded**, in yuan.
   * @example Money.parse('100.00').times('0.333').toString() //=> '33.3'
   */
  times(factor: DecimalInput, field = 'factor'): Decimal {
    return this.yuan.times(toDecimal(factor, field))
  }

  /** -1, 0 or 1 as this is less than, equal to, or greater than `other`. */
  compare(other: Money): -1 | 0 | 1 {
    return this.fen < other.fen ? -1 : this.fen > other.fen ? 1 : 0
  }

  /** True when both amounts are the same number of fen. */
  equals(other: Money): boolean {
    return this.fen === other.fen
  }

  /** True for exactly zero. */
  isZero(): boolean {
    return this.fen === 0n
  }

  /** True for an amount below zero. */
  isNegative(): boolean {
    return this.fen < 0n
  }

  /** True for an amount above zero. */
  isPositive(): boolean {
    return this.fen > 0n
  }

  /** Plain yuan with exactly two decimals: `"-1234.50"`. Round-trips through {@link Money.parse}. */
  toString(): string {
    const negative = this.fen < 0n
    // The digits of the fen, the point put before the last two: no bigint division.
    const digits = (negative ? -this.fen : this.fen).toString().padStart(3, '0')
    return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`
  }

  /** Display form with the yuan sign and thousands separators: `"¥1,234.50"`, `"-¥12.00"`. */
  format(): string {
    const plain = this.toString()
    const negative = plain.startsWith('-')
    const [whole = '0', cents = '00'] = (negative ? plain.slice(1) : plain).split('.')
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
    return `${negative ? '-' : ''}¥${grouped}.${cents}`
  }

  /** JSON form: the same as {@link Money.toString}, a string so no precision is lost. */
  toJSON(): string {
    return this.toString()
  }
}

/**
 * Adds amounts exactly.
 * @example sumMoney([Money.parse('0.10'), Money.parse('0.20')]).toString() //=> '0.30'
 */
export function sumMoney(amounts: Iterable<Money>): Money {
  let fen = 0n
  for (const amount of amounts) fen += amount.fen
  return Money.fromFen(fen)
}

function floatNotAccepted(value: number, field: string): InvalidAmountError {
  return new InvalidAmountError({
    code: MoneyErrorCode.FLOAT_NOT_ACCEPTED,
    field,
    messageEn: `${field} ${String(value)} is a non-integer JS number; pass money as text ("${String(value)}") so no binary rounding creeps in`,
    messageZh: `${field} ${String(value)} 是非整数的 JS 数字；请以文本（"${String(value)}"）传入金额，避免二进制浮点误差`,
    details: { value },
  })
}
