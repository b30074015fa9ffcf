import { ArchiveErrorCode, InvalidArchiveInputError } from './errors.js'
import { type FieldVerdict, describeValue, fail, pass, readText, toHalfWidth, unwrapVerdict } from './verdict.js'

/**
 * The 31 characters of a unified social credit code (统一社会信用代码字符集), GB 32100-2015
 * table 1, in the order of their values 0–30. The letters I, O, Z, S and V are not used.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** Weights of positions 1–17 for the check character (GB 32100-2015): 3^(i−1) mod 31. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Object.freeze([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])

/** Weights of the 8 body characters of an organisation code (组织机构代码, GB 11714-1997). */
export const ORGANISATION_CODE_WEIGHTS: readonly number[] = Object.freeze([3, 7, 9, 10, 5, 8, 4, 2])

/** Options of {@link validateCreditCode}. */
export interface CreditCodeOptions {
  /**
   * Also verify position 17, the GB 11714 check digit of the organisation code in positions
   * 9–17 (组织机构代码校验码). **default** `true`.
   */
  readonly verifyOrganisationCode?: boolean
}

/**
 * Normalises a unified social credit code for checking and comparing: full-width to
 * half-width (NFKC), all whitespace removed, upper case.
 *
 * @example
 * normaliseCreditCode(' ９１３５０１００ｍ０００１００ｙ４３ ') //=> '91350100M000100Y43'
 */
export function normaliseCreditCode(code: string): string {
  return toHalfWidth(code).replace(/\s+/gu, '').toUpperCase()
}

/**
 * The GB 32100-2015 check character (校验码, position 18) of the first 17 characters:
 * `C18 = CHARSET[(31 − Σ value(Ci) × Wi mod 31) mod 31]` with weights
 * 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28.
 *
 * @param first17 - the first 17 characters (normalised first: full-width and lower case accepted)
 * @throws {@link InvalidArchiveInputError} `ARCHIVE.CREDIT_CODE_BODY_INVALID` (field `first17`)
 *   unless it is 17 characters of {@link CREDIT_CODE_CHARSET}
 *
 * @example
 * computeCreditCodeCheckCharacter('91350100M000100Y4') //=> '3'
 */
export function computeCreditCodeCheckCharacter(first17: string): string {
  const body = typeof first17 === 'string' ? normaliseCreditCode(first17) : undefined
  if (body === undefined || body.length !== 17 || [...body].some((ch) => !CREDIT_CODE_CHARSET.includes(ch))) {
    throw new InvalidArchiveInputError({
      code: ArchiveErrorCode.CREDIT_CODE_BODY_INVALID,
      field: 'first17',
      ruleId: 'R-ARC-4',
      messageEn: `first17 must be 17 characters of ${CREDIT_CODE_CHARSET}, got ${describeValue(first17)}`,
      messageZh: `first17 必须是 17 位统一社会信用代码字符（${CREDIT_CODE_CHARSET}），实际为 ${describeValue(first17)}`,
      details: { value: describeValue(first17) },
    })
  }
  let sum = 0
  for (let i = 0; i < 17; i += 1) {
    sum += CREDIT_CODE_CHARSET.indexOf(body.charAt(i)) * (CREDIT_CODE_WEIGHTS[i] ?? 0)
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31)
}

/**
 * The GB 11714-1997 check digit of an organisation code (组织机构代码校验码) from its 8 body
 * characters: `C9 = 11 − Σ value(Ci) × Wi mod 11` with weights 3, 7, 9, 10, 5, 8, 4, 2,
 * digits worth 0–9 and letters A–Z worth 10–35; 10 is written `X` and 11 is written `0`.
 *
 * @param first8 - 8 characters of 0-9 A-Z (normalised first)
 * @throws {@link InvalidArchiveInputError} `ARCHIVE.CREDIT_CODE_BODY_INVALID` (field `first8`)
 *
 * @example
 * computeOrganisationCodeCheckCharacter('M000100Y') //=> '4'
 */
export function computeOrganisationCodeCheckCharacter(first8: string): string {
  const body = typeof first8 === 'string' ? normaliseCreditCode(first8) : undefined
  if (body === undefined || !/^[0-9A-Z]{8}$/.test(body)) {
    throw new InvalidArchiveInputError({
      code: ArchiveErrorCode.CREDIT_CODE_BODY_INVALID,
      field: 'first8',
      ruleId: 'R-ARC-4',
      messageEn: `first8 must be 8 characters of 0-9 A-Z, got ${describeValue(first8)}`,
      messageZh: `first8 必须是 8 位数字或大写字母，实际为 ${describeValue(first8)}`,
      details: { value: describeValue(first8) },
    })
  }
  let sum = 0
  for (let i = 0; i < 8; i += 1) {
    sum += organisationCharValue(body.charAt(i)) * (ORGANISATION_CODE_WEIGHTS[i] ?? 0)
  }
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

function organisationCharValue(ch: string): number {
  const code = ch.charCodeAt(0)
  return code <= 57 ? code - 48 : code - 55
}

/**
 * R-ARC-4 Validates a unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * After normalisation ({@link normaliseCreditCode}) the code must be 18 characters of
 * {@link CREDIT_CODE_CHARSET}: position 1 the registration authority (登记管理部门代码),
 * 2 the entity type (机构类别代码), 3–8 the administrative division (行政区划码, 6 digits),
 * 9–17 the organisation code (组织机构代码, whose 9th character is its own GB 11714 check
 * digit), 18 the check character. Positions 1 and 2 are only checked against the charset: the
 * table of authorities has been extended since 2015 (e.g. `A`, `N`), so a closed list would
 * reject valid codes.
 *
 * @param value - the input (any type: a non-string is an issue, not an exception)
 * @param field - the field name used in the issue, **default** `creditCode`
 * @returns the normalised code, or the issue with one of the `ARCHIVE.CREDIT_CODE_*` /
 *   `ARCHIVE.ORGANISATION_CODE_CHECK_MISMATCH` / `ARCHIVE.NOT_TEXT` / `ARCHIVE.BLANK` codes
 *
 * @example
 * validateCreditCode('91350100m000100y43') //=> { ok: true, value: '91350100M000100Y43' }
 * validateCreditCode('91350100M000100Y44').ok //=> false (ARCHIVE.CREDIT_CODE_CHECK_MISMATCH)
 */
export function validateCreditCode(value: unknown, field = 'creditCode', options: CreditCodeOptions = {}): FieldVerdict<string> {
  const text = readText(value, field, 'the unified social credit code', '统一社会信用代码')
  if (!text.ok) return text
  const code = normaliseCreditCode(text.value)
  if (code.length !== 18) {
    return fail(
      ArchiveErrorCode.CREDIT_CODE_LENGTH,
      field,
      `${field}: a unified social credit code has 18 characters, got ${code.length} (${JSON.stringify(code)})`,
      `${field}：统一社会信用代码应为 18 位，实际为 ${code.length} 位（${JSON.stringify(code)}）`,
    )
  }
  for (let i = 0; i < 18; i += 1) {
    const ch = code.charAt(i)
    if (!CREDIT_CODE_CHARSET.includes(ch)) {
      return fail(
        ArchiveErrorCode.CREDIT_CODE_INVALID_CHARACTER,
        field,
        `${field}: character ${JSON.stringify(ch)} at position ${i + 1} is not allowed (allowed: 0-9 A-H J-N P-R T-U W-Y; no I, O, Z, S, V)`,
        `${field}：第 ${i + 1} 位字符 ${JSON.stringify(ch)} 不允许（允许 0-9 A-H J-N P-R T-U W-Y，不含 I、O、Z、S、V）`,
      )
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return fail(
      ArchiveErrorCode.CREDIT_CODE_DIVISION_NOT_DIGITS,
      field,
      `${field}: positions 3–8 (administrative division code) must be 6 digits, got ${JSON.stringify(code.slice(2, 8))}`,
      `${field}：第 3–8 位（登记管理机关行政区划码）必须是 6 位数字，实际为 ${JSON.stringify(code.slice(2, 8))}`,
    )
  }
  const expectedCheck = computeCreditCodeCheckCharacter(code.slice(0, 17))
  if (code.charAt(17) !== expectedCheck) {
    return fail(
      ArchiveErrorCode.CREDIT_CODE_CHECK_MISMATCH,
      field,
      `${field}: check character (position 18) should be ${expectedCheck}, got ${code.charAt(17)}`,
      `${field}：校验码（第 18 位）应为 ${expectedCheck}，实际为 ${code.charAt(17)}`,
    )
  }
  if (options.verifyOrganisationCode !== false) {
    const expectedOrg = computeOrganisationCodeCheckCharacter(code.slice(8, 16))
    if (code.charAt(16) !== expectedOrg) {
      return fail(
        ArchiveErrorCode.ORGANISATION_CODE_CHECK_MISMATCH,
        field,
        `${field}: organisation code ${code.slice(8, 17)} (positions 9–17) has check digit ${code.charAt(16)}, GB 11714 requires ${expectedOrg}`,
        `${field}：组织机构代码 ${code.slice(8, 17)}（第 9–17 位）的校验码为 ${code.charAt(16)}，按 GB 11714 应为 ${expectedOrg}`,
      )
    }
  }
  return pass(code)
}

/**
 * R-ARC-4 Like {@link validateCreditCode}, but returns the normalised code or throws.
 * @throws {@link InvalidArchiveFieldError} with the code and `field`
 *
 * @example
 * assertCreditCode('９１３５０１００Ｍ０００１００Ｙ４３') //=> '91350100M000100Y43'
 */
export function assertCreditCode(value: unknown, field = 'creditCode', options: CreditCodeOptions = {}): string {
  return unwrapVerdict(validateCreditCode(value, field, options), value)
}
