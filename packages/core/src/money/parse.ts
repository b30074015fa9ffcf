import { InvalidAmountError, MoneyErrorCode } from './errors.js'

// An amount body: plain digits or comma-grouped thousands, then an optional fraction.
const AMOUNT_BODY = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/
const PLAIN_AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/
const CURRENCY_PREFIX = /^(?:¥|RMB|CNY)\s*/i
const CURRENCY_SUFFIX = /\s*(?:元|RMB|CNY)$/i

/**
 * The fen of an amount written plainly — ASCII digits, an optional `-`, at most two decimals
 * (`"-1234.5"`) — or undefined for any other text. The quick path of {@link parseAmountToFen},
 * for callers that handle the other forms themselves.
 * @internal
 */
export function parsePlainAmountToFen(text: string): bigint | undefined {
  const plain = PLAIN_AMOUNT.exec(text)
  if (plain === null) return undefined
  const whole = plain[2] ?? '0'
  const cents = (plain[3] ?? '').padEnd(2, '0')
  // Up to 13 whole digits the fen fit a double exactly: one conversion instead of three.
  const fen = whole.length <= 13 ? BigInt(Number(whole) * 100 + Number(cents)) : BigInt(whole) * 100n + BigInt(cents)
  return plain[1] === '-' ? -fen : fen
}

/**
 * Parses a yuan amount written as text into an exact number of fen (分).
 *
 * Accepted: `"1234.5"`, `"1,234.50"`, `"¥1234.50"`, `"￥1,234.5"`, `"RMB 12"`, `"12元"`,
 * `"-¥12.30"`, `"¥-12.30"`, full-width digits (`"１２３"`), surrounding whitespace, and
 * trailing zeros below the fen (`"1.500"`).
 * Refused: empty text, `"12.3.4"`, misplaced commas (`"1,23"`), `"1."`, `".5"`,
 * exponents, and any non-zero digit below the fen (`"1.234"`).
 *
 * @param text - the amount as text
 * @param field - name of the input field, used in the error
 * @returns the amount in fen
 * @throws {@link InvalidAmountError} `MONEY.MALFORMED_AMOUNT` or `MONEY.SUB_FEN_PRECISION`
 */
export function parseAmountToFen(text: string, field = 'amount'): bigint {
  if (typeof text !== 'string') throw malformed(String(text), field)
  // The common case, plain ASCII yuan with at most two decimals, without normalising.
  const plain = parsePlainAmountToFen(text)
  if (plain !== undefined) return plain
  // NFKC folds full-width digits, comma, period and ￥ into their ASCII forms.
  let rest = text.normalize('NFKC').trim()
  let negative = false
  const takeSign = (): void => {
    if (rest.startsWith('-') || rest.startsWith('−')) {
      negative = true
      rest = rest.slice(1).trimStart()
    } else if (rest.startsWith('+')) {
      rest = rest.slice(1).trimStart()
    }
  }
  takeSign()
  const prefix = CURRENCY_PREFIX.exec(rest)
  if (prefix) {
    rest = rest.slice(prefix[0].length)
    if (!negative) takeSign()
  }
  rest = rest.replace(CURRENCY_SUFFIX, '')
  const match = AMOUNT_BODY.exec(rest)
  if (!match) throw malformed(text, field)
  const whole = (match[1] ?? '').replaceAll(',', '')
  const fraction = match[2] ?? ''
  const significantFraction = fraction.replace(/0+$/, '')
  if (significantFraction.length > 2) {
    throw new InvalidAmountError({
      code: MoneyErrorCode.SUB_FEN_PRECISION,
      field,
      messageEn: `${field} ${JSON.stringify(text)} has digits below the fen (0.01 yuan); round it explicitly first`,
      messageZh: `${field} ${JSON.stringify(text)} 的精度超过分（0.01 元），请先明确舍入`,
      details: { value: text },
    })
  }
  const fen = BigInt(whole) * 100n + BigInt(significantFraction.padEnd(2, '0'))
  return negative ? -fen : fen
}

function malformed(text: string, field: string): InvalidAmountError {
  return new InvalidAmountError({
    code: MoneyErrorCode.MALFORMED_AMOUNT,
    field,
    messageEn: `${field} ${JSON.stringify(text)} is not a valid amount in yuan (examples: "1234.50", "1,234.5", "¥1234.50")`,
    messageZh: `${field} ${JSON.stringify(text)} 不是有效的人民币金额（示例："1234.50"、"1,234.5"、"¥1234.50"）`,
    details: { value: text },
  })
}
