import { ExpenseErrorCode, expenseInputError } from './errors.js'
import { type InvoiceRef, normaliseInvoiceText } from './claim.js'

/** A ticket number split into its text prefix and its trailing serial digits. @internal */
export interface TicketSerial {
  /** Invoice code (发票代码), '' when none, normalised. */
  readonly code: string
  /** Everything before the trailing digits, normalised (e.g. `'Z12A'` of `'Z12A034567'`). */
  readonly prefix: string
  /** Number of trailing digits (leading zeros count). */
  readonly width: number
  /** The trailing digits as a number. */
  readonly serial: bigint
}

/**
 * Splits a normalised ticket number into prefix and trailing serial; `undefined` when it does
 * not end in a digit (then it can never be consecutive). @internal
 */
export function ticketSerial(code: string, number: string): TicketSerial | undefined {
  const match = /^(.*?)(\d+)$/.exec(number)
  if (!match) return undefined
  const [, prefix = '', digits = ''] = match
  return { code, prefix, width: digits.length, serial: BigInt(digits) }
}

/**
 * R-EXP-3 车票连号: two tickets/invoices are consecutive when they have the same invoice code (or
 * both none), the same prefix before their trailing digits, the same number of trailing digits,
 * and trailing serials that differ by exactly 1. Codes and numbers are compared without
 * whitespace, upper-cased. Equal numbers are a duplicate, not consecutive.
 *
 * @throws {@link ExpenseInputError} `EXPENSE.INVALID_ITEM` when a number is empty
 *
 * @example
 * areConsecutiveTicketNumbers({ number: 'Z12A034567' }, { number: 'z12a034568' }) //=> true
 * areConsecutiveTicketNumbers({ code: '3100231130', number: '00012345' }, { code: '3100231131', number: '00012346' }) //=> false (other code)
 * areConsecutiveTicketNumbers({ number: '0999' }, { number: '1000' }) //=> true
 * areConsecutiveTicketNumbers({ number: '999' }, { number: '1000' }) //=> false (other width)
 */
export function areConsecutiveTicketNumbers(a: InvoiceRef, b: InvoiceRef): boolean {
  const left = serialOf(a, 'a')
  const right = serialOf(b, 'b')
  if (left === undefined || right === undefined) return false
  if (left.code !== right.code || left.prefix !== right.prefix || left.width !== right.width) return false
  const difference = left.serial - right.serial
  return difference === 1n || difference === -1n
}

function serialOf(invoice: InvoiceRef, field: string): TicketSerial | undefined {
  const number = invoice?.number
  if (typeof number !== 'string' || number.trim() === '') {
    throw expenseInputError(ExpenseErrorCode.INVALID_ITEM, `${field}.number`, 'must be a non-empty string', '必须是非空字符串', number)
  }
  const code = invoice.code
  if (code !== undefined && (typeof code !== 'string' || code.trim() === '')) {
    throw expenseInputError(ExpenseErrorCode.INVALID_ITEM, `${field}.code`, 'must be a non-empty string when given', '如提供则必须是非空字符串', code)
  }
  return ticketSerial(normaliseInvoiceText(code ?? ''), normaliseInvoiceText(number))
}
