import { ArchiveErrorCode } from './errors.js'
import { type LandlineNumber, validateLandline } from './landline.js'
import { type MobileNumber, validateMobile } from './mobile.js'
import { type FieldVerdict, fail, readText, unwrapVerdict } from './verdict.js'

/** A valid phone number of either kind; `kind` says which (手机 / 固话). */
export type PhoneNumber = MobileNumber | LandlineNumber

/**
 * R-ARC-4 Validates a phone number that may be a mobile or a landline (联系电话), and says
 * which kind it is. When it is neither, the issue is the mobile one for input that looks like
 * a mobile (its digits, after any +86, start with 1), the landline one for input that looks like
 * a landline (starts with 0 or an opening parenthesis), and `ARCHIVE.PHONE_FORMAT` otherwise.
 *
 * @param field - the field named in the issue, **default** `phone`
 *
 * @example
 * validatePhone('13812345678') //=> { ok: true, value: { kind: 'mobile', normalised: '13812345678' } }
 * validatePhone('0755-1234567').ok && validatePhone('0755-1234567').value.kind //=> 'landline'
 */
export function validatePhone(value: unknown, field = 'phone'): FieldVerdict<PhoneNumber> {
  const text = readText(value, field, 'the phone number', '电话号码')
  if (!text.ok) return text
  const mobile = validateMobile(value, field)
  if (mobile.ok) return mobile
  const landline = validateLandline(value, field)
  if (landline.ok) return landline
  const stripped = text.value.replace(/[\s-]+/gu, '').replace(/^(?:\+86|0086)/u, '')
  if (stripped.startsWith('1')) return mobile
  if (stripped.startsWith('0') || stripped.startsWith('(') || /^(?:\+|00)86/u.test(text.value)) return landline
  return fail(
    ArchiveErrorCode.PHONE_FORMAT,
    field,
    `${field}: ${JSON.stringify(text.value)} is neither a mobile number (1[3-9] + 9 digits) nor a landline with area code (e.g. 010-12345678)`,
    `${field}：${JSON.stringify(text.value)} 既不是手机号码（1[3-9] 开头的 11 位）也不是带区号的固定电话（如 010-12345678）`,
  )
}

/**
 * R-ARC-4 Like {@link validatePhone}, but returns the number or throws.
 * @throws {@link InvalidArchiveFieldError} with the code and `field`
 *
 * @example
 * assertPhone('(021)12345678') //=> { kind: 'landline', normalised: '021-12345678', areaCode: '021', localNumber: '12345678', extension: undefined }
 */
export function assertPhone(value: unknown, field = 'phone'): PhoneNumber {
  return unwrapVerdict(validatePhone(value, field), value)
}
