import { ArchiveErrorCode } from './errors.js'
import { type FieldVerdict, fail, pass, readText, unwrapVerdict } from './verdict.js'

/** A valid mainland mobile number (中国大陆手机号码). */
export interface MobileNumber {
  readonly kind: 'mobile'
  /** The 11 digits, without country code or separators, e.g. `13812345678`. */
  readonly normalised: string
}

/**
 * R-ARC-4 Validates a mainland mobile number (手机号码): 11 digits starting with 13–19.
 *
 * Accepted around the digits: full-width digits, spaces and dashes anywhere, and a country
 * prefix `+86`, `0086` or `86` (the bare `86` only when 13 digits remain, so that it can never eat
 * the start of a number). Nothing else (no letters, no parentheses).
 *
 * @param field - the field named in the issue, **default** `phone`
 *
 * @example
 * validateMobile('+86 138-1234-5678') //=> { ok: true, value: { kind: 'mobile', normalised: '13812345678' } }
 * validateMobile('12812345678').ok //=> false (ARCHIVE.MOBILE_PREFIX)
 */
export function validateMobile(value: unknown, field = 'phone'): FieldVerdict<MobileNumber> {
  const text = readText(value, field, 'the mobile number', '手机号码')
  if (!text.ok) return text
  let digits = text.value.replace(/[\s-]+/gu, '')
  if (digits.startsWith('+86')) digits = digits.slice(3)
  else if (digits.startsWith('0086')) digits = digits.slice(4)
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2)
  if (!/^\d+$/.test(digits)) {
    return fail(
      ArchiveErrorCode.MOBILE_INVALID_CHARACTER,
      field,
      `${field}: a mobile number may contain only digits, spaces, dashes and a +86 prefix, got ${JSON.stringify(text.value)}`,
      `${field}：手机号码只能包含数字、空格、短横线和 +86 前缀，实际为 ${JSON.stringify(text.value)}`,
    )
  }
  if (digits.length !== 11) {
    return fail(
      ArchiveErrorCode.MOBILE_LENGTH,
      field,
      `${field}: a mobile number has 11 digits, got ${digits.length} (${digits})`,
      `${field}：手机号码应为 11 位数字，实际为 ${digits.length} 位（${digits}）`,
    )
  }
  if (!/^1[3-9]/.test(digits)) {
    return fail(
      ArchiveErrorCode.MOBILE_PREFIX,
      field,
      `${field}: a mobile number starts with 13–19, got ${digits.slice(0, 2)}`,
      `${field}：手机号码应以 13–19 开头，实际为 ${digits.slice(0, 2)}`,
    )
  }
  return pass({ kind: 'mobile', normalised: digits })
}

/**
 * R-ARC-4 Like {@link validateMobile}, but returns the 11 digits or throws.
 * @throws {@link InvalidArchiveFieldError} with the code and `field`
 *
 * @example
 * assertMobile('138 1234 5678') //=> '13812345678'
 */
export function assertMobile(value: unknown, field = 'phone'): string {
  return unwrapVerdict(validateMobile(value, field), value).normalised
}
