import { invalidPolicyField } from '../policy/validate.js'
import { LifecycleErrorCode, lifecycleInputError } from './errors.js'

/** A parsed customer-code format (新客代码格式). @internal */
export interface CustomerCodeFormat {
  readonly parts: readonly ({ readonly kind: 'literal'; readonly text: string } | { readonly kind: 'year' } | { readonly kind: 'seq'; readonly width: number })[]
  readonly width: number
}

const TOKEN = /\{(year|seq:(\d+))\}/g
const LITERAL = /^[A-Za-z0-9\-_/.]*$/

/**
 * Parses and validates a customer-code format (R-LIF-4): literal characters (`A–Z a–z 0–9 - _ / .`),
 * at most one `{year}` (the Asia/Shanghai year of signing, 4 digits) and exactly one `{seq:N}`
 * (the sequence number, zero-padded to N digits, 1 ≤ N ≤ 9). **default** `'C{year}-{seq:5}'`.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming `field`
 * @internal
 */
export function parseCustomerCodeFormat(format: unknown, field: string): CustomerCodeFormat {
  if (typeof format !== 'string' || format === '') invalidPolicyField(field, 'must be a non-empty format text such as C{year}-{seq:5}', '必须是非空的格式文本，如 C{year}-{seq:5}', format)
  const parts: CustomerCodeFormat['parts'][number][] = []
  let last = 0
  let years = 0
  let seqs = 0
  let width = 0
  for (const match of format.matchAll(TOKEN)) {
    const literal = format.slice(last, match.index)
    if (literal !== '') parts.push({ kind: 'literal', text: literal })
    if (match[1] === 'year') {
      years += 1
      parts.push({ kind: 'year' })
    } else {
      width = Number(match[2])
      seqs += 1
      if (!Number.isSafeInteger(width) || width < 1 || width > 9) invalidPolicyField(field, 'must pad the sequence to 1–9 digits ({seq:5})', '序号位数必须为 1–9（如 {seq:5}）', format)
      parts.push({ kind: 'seq', width })
    }
    last = match.index + match[0].length
  }
  const tail = format.slice(last)
  if (tail !== '') parts.push({ kind: 'literal', text: tail })
  if (seqs !== 1) invalidPolicyField(field, 'must contain {seq:N} exactly once', '必须且只能包含一个 {seq:N}', format)
  if (years > 1) invalidPolicyField(field, 'must contain {year} at most once', '最多包含一个 {year}', format)
  for (const part of parts) {
    if (part.kind === 'literal' && !LITERAL.test(part.text)) {
      invalidPolicyField(field, 'may only hold letters, digits, - _ / . besides {year} and {seq:N}', '除 {year} 与 {seq:N} 外只能包含字母、数字和 - _ / .', format)
    }
  }
  return Object.freeze({ parts: Object.freeze(parts), width })
}

/**
 * Formats the customer code (新客代码) for a year and a sequence number (R-LIF-4).
 *
 * @throws {@link LifecycleInputError} `LIFECYCLE.SEQUENCE_OUT_OF_RANGE` when the sequence is not
 *   1 … 10^N − 1; `POLICY.INVALID_FIELD` for a bad format
 *
 * @example
 * formatCustomerCode('C{year}-{seq:5}', 2026, 42) //=> 'C2026-00042'
 * formatCustomerCode('KH{seq:4}', 2026, 7) //=> 'KH0007'
 */
export function formatCustomerCode(format: string, year: number, sequence: number, field = 'sequence'): string {
  const parsed = parseCustomerCodeFormat(format, 'customerCodeFormat')
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) throw lifecycleInputError(LifecycleErrorCode.INVALID_CONTEXT, 'year', 'must be a 4-digit year', '必须是四位年份', year, 'R-LIF-4')
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= 10 ** parsed.width) {
    throw lifecycleInputError(
      LifecycleErrorCode.SEQUENCE_OUT_OF_RANGE,
      field,
      `must be a whole number from 1 to ${10 ** parsed.width - 1} (the format has ${parsed.width} digits)`,
      `必须是 1 到 ${10 ** parsed.width - 1} 的整数（格式为 ${parsed.width} 位序号）`,
      sequence,
      'R-LIF-4',
    )
  }
  return parsed.parts.map((part) => (part.kind === 'literal' ? part.text : part.kind === 'year' ? String(year) : String(sequence).padStart(part.width, '0'))).join('')
}

/**
 * The sequence number following the highest one among `existingCodes` of the same format and
 * year (1 when there is none). Codes of another format or year are ignored.
 *
 * @example
 * nextCustomerCodeSequence('C{year}-{seq:5}', 2026, ['C2026-00041', 'C2025-00090', 'X-1']) //=> 42
 */
export function nextCustomerCodeSequence(format: string, year: number, existingCodes: readonly string[]): number {
  const parsed = parseCustomerCodeFormat(format, 'customerCodeFormat')
  const pattern = new RegExp(
    `^${parsed.parts.map((part) => (part.kind === 'literal' ? part.text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&') : part.kind === 'year' ? String(year) : `(\\d{${part.width}})`)).join('')}$`,
  )
  let highest = 0
  for (const code of existingCodes) {
    const match = pattern.exec(code)
    if (match?.[1] !== undefined) highest = Math.max(highest, Number(match[1]))
  }
  return highest + 1
}
