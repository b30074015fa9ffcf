import { ArchiveErrorCode, InvalidArchiveFieldError } from './errors.js'

/**
 * What is wrong with one field value (字段校验问题), returned as data by the R-ARC-4 validators.
 */
export interface ArchiveFieldIssue {
  /** Stable code from {@link ArchiveErrorCode}, e.g. `ARCHIVE.CREDIT_CODE_CHECK_MISMATCH`. */
  readonly code: ArchiveErrorCode
  /** The field the value came from, e.g. `creditCode` or `contacts[0].phone`. */
  readonly field: string
  /** Explanation in Chinese. */
  readonly messageZh: string
  /** Explanation in English. */
  readonly messageEn: string
}

/**
 * The verdict of a field validator (字段校验结果): the normalised value, or the issue.
 *
 * @example
 * const verdict = validatePostalCode('１０００８０')
 * verdict.ok && verdict.value //=> '100080'
 */
export type FieldVerdict<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: ArchiveFieldIssue }

/** @internal builds a passing verdict. */
export function pass<T>(value: T): FieldVerdict<T> {
  return { ok: true, value }
}

/** @internal builds a failing verdict. */
export function fail<T>(code: ArchiveErrorCode, field: string, messageEn: string, messageZh: string): FieldVerdict<T> {
  return { ok: false, issue: { code, field, messageEn, messageZh } }
}

/**
 * Unwraps a verdict, throwing {@link InvalidArchiveFieldError} (rule R-ARC-4) for an issue.
 *
 * @example
 * unwrapVerdict(validatePostalCode('100080')) //=> '100080'
 * unwrapVerdict(validatePostalCode('1000')) // throws ARCHIVE.POSTAL_CODE_FORMAT, field 'postalCode'
 */
export function unwrapVerdict<T>(verdict: FieldVerdict<T>, value?: unknown): T {
  if (verdict.ok) return verdict.value
  const { code, field, messageEn, messageZh } = verdict.issue
  throw new InvalidArchiveFieldError({
    code,
    field,
    messageEn,
    messageZh,
    ruleId: 'R-ARC-4',
    details: { value: describeValue(value) },
  })
}

/** @internal the text of a value to be validated, or the NOT_TEXT / BLANK verdict. */
export function readText(value: unknown, field: string, labelEn: string, labelZh: string): FieldVerdict<string> {
  if (typeof value !== 'string') {
    return fail(ArchiveErrorCode.NOT_TEXT, field, `${field}: ${labelEn} must be text, got ${describeValue(value)}`, `${field}：${labelZh}必须是文本，实际为 ${describeValue(value)}`)
  }
  const text = toHalfWidth(value).trim()
  if (text === '') return fail(ArchiveErrorCode.BLANK, field, `${field}: ${labelEn} is empty`, `${field}：${labelZh}为空`)
  return pass(text)
}

/**
 * Full-width to half-width (全角转半角) and other compatibility forms, by Unicode NFKC:
 * `１２３ＡＢＣ（）` becomes `123ABC()`, the ideographic space U+3000 an ordinary space.
 *
 * @example
 * toHalfWidth('９１１１０１０８ＭＡ') //=> '91110108MA'
 */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC')
}

/**
 * @internal a short printable description of any value, for archive messages. Unlike the shared
 * `input/describeValue` it shows a `bigint` as `5n` and a `Date` as its JSON, as archive messages always have.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'bigint') return `${value}n`
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
