import { ArchiveErrorCode } from './errors.js'
import { type FieldVerdict, fail, pass, readText, unwrapVerdict } from './verdict.js'

/** A valid mainland landline number with its area code (固定电话). */
export interface LandlineNumber {
  readonly kind: 'landline'
  /** `area-number` or `area-number-extension`, e.g. `0755-1234567`, `010-12345678-123`. */
  readonly normalised: string
  /** Area code with its leading 0 (区号), e.g. `010`, `0755`. */
  readonly areaCode: string
  /** Local number (号码), 7–8 digits. */
  readonly localNumber: string
  /** Extension (分机号), when given. */
  readonly extension: string | undefined
}

const AREA_CODE = /^0(?:10|2\d|[3-9]\d{2})$/u
const LOCAL_NUMBER = /^[1-9]\d{6,7}$/u
const EXTENSION_SUFFIX = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d+)$/iu

/**
 * R-ARC-4 Validates a mainland landline with area code (带区号的固定电话).
 *
 * The area code is `0` followed by 2 digits (`010`, `020`–`029`) or by 3 digits starting with
 * 3–9 (`0755`, `0571`); the local number is 7–8 digits not starting with 0; an optional extension
 * of 1–6 digits follows `转`, `分机`, `ext`, `x`, `#` or a second dash. Accepted forms include
 * `010-12345678`, `0755 1234567`, `(021)12345678`, `02112345678` (split by the area-code rule),
 * `+86 21 1234 5678`, `010-12345678-123`, `010-12345678转123`. The area code table is
 * structural, not a list of the codes in use.
 *
 * @param field - the field named in the issue, **default** `phone` (use `fax` for a fax)
 *
 * @example
 * validateLandline('(021)12345678')
 * //=> { ok: true, value: { kind: 'landline', normalised: '021-12345678', areaCode: '021', localNumber: '12345678', extension: undefined } }
 * validateLandline('12345678').ok //=> false (ARCHIVE.LANDLINE_AREA_CODE: no area code)
 */
export function validateLandline(value: unknown, field = 'phone'): FieldVerdict<LandlineNumber> {
  const text = readText(value, field, 'the landline number', '固定电话')
  if (!text.ok) return text
  const formatIssue = (): FieldVerdict<LandlineNumber> =>
    fail(
      ArchiveErrorCode.LANDLINE_FORMAT,
      field,
      `${field}: expected a landline such as 010-12345678 or (0755)1234567, got ${JSON.stringify(text.value)}`,
      `${field}：固定电话格式应如 010-12345678 或 (0755)1234567，实际为 ${JSON.stringify(text.value)}`,
    )
  let main = text.value
  let extension: string | undefined
  const ext = EXTENSION_SUFFIX.exec(main)
  if (ext !== null) {
    main = ext[1] ?? ''
    extension = ext[2]
  }
  let international = false
  const country = /^(?:\+|00)86/u.exec(main)
  if (country !== null) {
    international = true
    main = main.slice(country[0].length)
  }
  main = main.trim()
  if (!/^[\d\s\-()]+$/u.test(main)) return formatIssue()
  if (/[()]/u.test(main) && !/^\(\s*\d+\s*\)[^()]*$/u.test(main)) return formatIssue()
  const groups = main.split(/[\s\-()]+/u).filter((group) => group !== '')
  let areaCode: string
  let localNumber: string
  if (groups.length === 1) {
    let digits = groups[0] ?? ''
    if (international && !digits.startsWith('0')) digits = `0${digits}`
    const areaLength = digits.charAt(1) === '1' || digits.charAt(1) === '2' ? 3 : 4
    areaCode = digits.slice(0, areaLength)
    localNumber = digits.slice(areaLength)
  } else if (groups.length === 2 || groups.length === 3) {
    areaCode = groups[0] ?? ''
    if (international && !areaCode.startsWith('0')) areaCode = `0${areaCode}`
    const first = groups[1] ?? ''
    const second = groups[2]
    if (second === undefined) localNumber = first
    else if (first.length >= 7 && extension === undefined) {
      localNumber = first
      extension = second
    } else localNumber = first + second
  } else return formatIssue()
  if (!AREA_CODE.test(areaCode)) {
    return fail(
      ArchiveErrorCode.LANDLINE_AREA_CODE,
      field,
      `${field}: area code ${JSON.stringify(areaCode)} is not 010, 02x or 0 followed by 3 digits starting with 3–9`,
      `${field}：区号 ${JSON.stringify(areaCode)} 无效（应为 010、02x 或 0 加以 3–9 开头的 3 位数字）`,
    )
  }
  if (!LOCAL_NUMBER.test(localNumber)) {
    return fail(
      ArchiveErrorCode.LANDLINE_NUMBER,
      field,
      `${field}: local number ${JSON.stringify(localNumber)} must be 7–8 digits not starting with 0`,
      `${field}：电话号码 ${JSON.stringify(localNumber)} 应为不以 0 开头的 7–8 位数字`,
    )
  }
  if (extension !== undefined && !/^\d{1,6}$/u.test(extension)) {
    return fail(
      ArchiveErrorCode.LANDLINE_EXTENSION,
      field,
      `${field}: extension ${JSON.stringify(extension)} must be 1–6 digits`,
      `${field}：分机号 ${JSON.stringify(extension)} 应为 1–6 位数字`,
    )
  }
  const normalised = extension === undefined ? `${areaCode}-${localNumber}` : `${areaCode}-${localNumber}-${extension}`
  return pass({ kind: 'landline', normalised, areaCode, localNumber, extension })
}

/**
 * R-ARC-4 Like {@link validateLandline}, but returns the normalised number or throws.
 * @throws {@link InvalidArchiveFieldError} with the issue's code and `field`
 *
 * @example
 * assertLandline('0755 1234567', 'fax') //=> '0755-1234567'
 */
export function assertLandline(value: unknown, field = 'phone'): string {
  return unwrapVerdict(validateLandline(value, field), value).normalised
}
