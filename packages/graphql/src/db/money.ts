import { Money, type MoneyInput } from '@kehu/core/money'

/**
 * Money is stored as a whole number of fen (分) in an INTEGER column (Prisma `BigInt`): exact (no
 * binary fractions, no rounding), sortable and summable by SQL itself (`ORDER BY amountFen`,
 * `SUM(amountFen)`), and the same representation as core's {@link Money} (`money.fen`).
 * SQLite's INTEGER holds ±9.2 × 10^18 fen, about ±92 quadrillion yuan.
 */

/**
 * A stored fen amount as core's {@link Money}.
 * @example
 * fenToMoney(123456n).toString() //=> '1234.56'
 */
export function fenToMoney(fen: bigint): Money {
  return Money.fromFen(fen)
}

/**
 * Any money input (a `Money`, a yuan text such as `'1,234.56'`) as the fen to store.
 * @throws core's InvalidAmountError for a malformed amount, digits below the fen or a float
 * @example
 * moneyToFen('1,234.56') //=> 123456n
 */
export function moneyToFen(money: MoneyInput): bigint {
  return Money.of(money).fen
}

/** {@link fenToMoney} for an optional column: `null` stays `null`. */
export function optionalFenToMoney(fen: bigint | null): Money | null {
  return fen === null ? null : fenToMoney(fen)
}
