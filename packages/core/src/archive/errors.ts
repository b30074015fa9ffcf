import { InvalidInputError } from '../errors.js'

/**
 * Error and issue codes of the customer archive area (客户档案错误代码).
 *
 * The validators of R-ARC-4 return these codes as data in an {@link ArchiveFieldIssue};
 * the `assertXxx` variants and the other functions of the area throw them in an
 * {@link InvalidArchiveFieldError} / {@link InvalidArchiveInputError}.
 */
export const ArchiveErrorCode = {
  /** The value is not a string (不是文本). */
  NOT_TEXT: 'ARCHIVE.NOT_TEXT',
  /** The value is empty or only whitespace (为空). */
  BLANK: 'ARCHIVE.BLANK',
  /** A credit code that is not 18 characters long (统一社会信用代码长度不是 18 位). */
  CREDIT_CODE_LENGTH: 'ARCHIVE.CREDIT_CODE_LENGTH',
  /** A character outside 0-9 A-H J-N P-R T-U W-Y (含有非法字符，I O Z S V 不可用). */
  CREDIT_CODE_INVALID_CHARACTER: 'ARCHIVE.CREDIT_CODE_INVALID_CHARACTER',
  /** Positions 3–8 (administrative division code 行政区划码) are not 6 digits. */
  CREDIT_CODE_DIVISION_NOT_DIGITS: 'ARCHIVE.CREDIT_CODE_DIVISION_NOT_DIGITS',
  /** Position 17, the GB 11714 check digit of the organisation code (组织机构代码校验码), is wrong. */
  ORGANISATION_CODE_CHECK_MISMATCH: 'ARCHIVE.ORGANISATION_CODE_CHECK_MISMATCH',
  /** Position 18, the GB 32100 check character (统一社会信用代码校验码), is wrong. */
  CREDIT_CODE_CHECK_MISMATCH: 'ARCHIVE.CREDIT_CODE_CHECK_MISMATCH',
  /** `computeCreditCodeCheckCharacter` was given something other than 17 valid characters. */
  CREDIT_CODE_BODY_INVALID: 'ARCHIVE.CREDIT_CODE_BODY_INVALID',
  /** A mobile number with characters other than digits, spaces, dashes and a +86 prefix. */
  MOBILE_INVALID_CHARACTER: 'ARCHIVE.MOBILE_INVALID_CHARACTER',
  /** A mobile number that is not 11 digits (手机号码不是 11 位). */
  MOBILE_LENGTH: 'ARCHIVE.MOBILE_LENGTH',
  /** A mobile number that does not start with 13–19 (手机号码号段无效). */
  MOBILE_PREFIX: 'ARCHIVE.MOBILE_PREFIX',
  /** A landline that cannot be read as area code + number (+ extension) (固定电话格式错误). */
  LANDLINE_FORMAT: 'ARCHIVE.LANDLINE_FORMAT',
  /** A landline area code that is not 010, 02x or 0[3-9]xx (区号无效). */
  LANDLINE_AREA_CODE: 'ARCHIVE.LANDLINE_AREA_CODE',
  /** A local number that is not 7–8 digits, or starts with 0 (号码无效). */
  LANDLINE_NUMBER: 'ARCHIVE.LANDLINE_NUMBER',
  /** An extension that is not 1–6 digits (分机号无效). */
  LANDLINE_EXTENSION: 'ARCHIVE.LANDLINE_EXTENSION',
  /** Neither a mobile nor a landline number (既不是手机号码也不是固定电话). */
  PHONE_FORMAT: 'ARCHIVE.PHONE_FORMAT',
  /** A postal code that is not 6 digits (邮政编码不是 6 位数字). */
  POSTAL_CODE_FORMAT: 'ARCHIVE.POSTAL_CODE_FORMAT',
  /** An email without exactly one @, or with whitespace (电子邮箱格式错误). */
  EMAIL_FORMAT: 'ARCHIVE.EMAIL_FORMAT',
  /** An email longer than 254 characters or a local part longer than 64 (电子邮箱过长). */
  EMAIL_TOO_LONG: 'ARCHIVE.EMAIL_TOO_LONG',
  /** An invalid local part (the part before @) (邮箱用户名无效). */
  EMAIL_LOCAL_PART: 'ARCHIVE.EMAIL_LOCAL_PART',
  /** An invalid domain (the part after @) (邮箱域名无效). */
  EMAIL_DOMAIN: 'ARCHIVE.EMAIL_DOMAIN',
  /** The archive record passed to the completeness score is not an object (档案记录不是对象). */
  NOT_A_RECORD: 'ARCHIVE.NOT_A_RECORD',
  /** A NaN or infinite number in an archive field (字段值为 NaN 或无穷大). */
  NON_FINITE_NUMBER: 'ARCHIVE.NON_FINITE_NUMBER',
  /** A customer passed to the duplicate check is malformed (查重输入的客户记录无效). */
  INVALID_CUSTOMER_REFERENCE: 'ARCHIVE.INVALID_CUSTOMER_REFERENCE',
  /** Two existing records given to the duplicate check share an id (已有客户记录编号重复). */
  DUPLICATE_RECORD_ID: 'ARCHIVE.DUPLICATE_RECORD_ID',
} as const

/** One of the {@link ArchiveErrorCode} values. */
export type ArchiveErrorCode = (typeof ArchiveErrorCode)[keyof typeof ArchiveErrorCode]

/**
 * An archive field value failed validation (客户档案字段无效); thrown by the `assertXxx`
 * validators of R-ARC-4. `field` names the field, `code` says what is wrong.
 */
export class InvalidArchiveFieldError extends InvalidInputError {}

/**
 * A malformed input to an archive function (客户档案输入无效): a record that is not an
 * object, a NaN, a customer reference without an id.
 */
export class InvalidArchiveInputError extends InvalidInputError {}
