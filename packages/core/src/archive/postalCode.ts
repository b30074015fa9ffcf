import { ArchiveErrorCode } from './errors.js'
import { type FieldVerdict, fail, pass, readText, unwrapVerdict } from './verdict.js'

/**
 * R-ARC-4 Validates a postal code (邮政编码): exactly 6 digits after full-width to half-width and
 * trimming. Nothing else is inferred (the code is not checked against a list of post offices).
 *
 * @param field - the field named in the issue, **default** `postalCode`
 *
 * @example
 * validatePostalCode('１０００８０') //=> { ok: true, value: '100080' }
 * validatePostalCode('10008').ok //=> false (ARCHIVE.POSTAL_CODE_FORMAT)
 */
export function validatePostalCode(value: unknown, field = 'postalCode'): FieldVerdict<string> {
  const text = readText(value, field, 'the postal code', '邮政编码')
  if (!text.ok) return text
  if (!/^\d{6}$/u.test(text.value)) {
    return fail(
      ArchiveErrorCode.POSTAL_CODE_FORMAT,
      field,
      `${field}: a postal code is 6 digits, got ${JSON.stringify(text.value)}`,
      `${field}：邮政编码应为 6 位数字，实际为 ${JSON.stringify(text.value)}`,
    )
  }
  return pass(text.value)
}

/**
 * R-ARC-4 Like {@link validatePostalCode}, but returns the code or throws.
 * @throws {@link InvalidArchiveFieldError} with the code and `field`
 *
 * @example
 * assertPostalCode(' 518000 ') //=> '518000'
 */
export function assertPostalCode(value: unknown, field = 'postalCode'): string {
  return unwrapVerdict(validatePostalCode(value, field), value)
}
