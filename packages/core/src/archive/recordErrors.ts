import { InvalidArchiveInputError } from './errors.js'
import { type RecordIssue, invalidRecordOptions } from './recordIssues.js'

/**
 * Codes of the archive record readers (客户档案记录校验代码), R-ARC-1, R-ARC-2, R-ARC-6. They
 * complete {@link ArchiveErrorCode} (whose R-ARC-4 codes — `ARCHIVE.CREDIT_CODE_CHECK_MISMATCH`,
 * `ARCHIVE.PHONE_FORMAT` … — the readers also report, unchanged).
 *
 * Issue codes are returned as data in a {@link RecordIssue}; the last group is thrown.
 *
 * @example
 * ArchiveRecordErrorCode.BIRTH_DATE_IN_FUTURE //=> 'ARCHIVE.BIRTH_DATE_IN_FUTURE'
 */
export const ArchiveRecordErrorCode = {
  /** The input (or a nested entry) is not an object (不是对象). */
  NOT_A_RECORD: 'ARCHIVE.NOT_A_RECORD',
  /** A key the record does not have — a misspelt field (未知字段). */
  UNKNOWN_FIELD: 'ARCHIVE.UNKNOWN_FIELD',
  /** A required field is missing (必填项缺失). */
  REQUIRED: 'ARCHIVE.REQUIRED',
  /** A text field holds something else (不是文本). */
  NOT_TEXT: 'ARCHIVE.NOT_TEXT',
  /** A required text is empty (为空). */
  BLANK: 'ARCHIVE.BLANK',
  /** A list field holds something else (不是列表). */
  NOT_A_LIST: 'ARCHIVE.NOT_A_LIST',
  /** A value outside a fixed list (公司性质 / 同业地位 / 事件类型) (不在可选范围内). */
  INVALID_CHOICE: 'ARCHIVE.INVALID_CHOICE',
  /** A flag that is not true/false (不是布尔值). */
  NOT_BOOLEAN: 'ARCHIVE.NOT_BOOLEAN',
  /** Not money: a fractional JS number, malformed text, sub-fen digits (金额无效). */
  INVALID_AMOUNT: 'ARCHIVE.INVALID_AMOUNT',
  /** A negative registered capital, sales figure or price (金额为负). */
  NEGATIVE_AMOUNT: 'ARCHIVE.NEGATIVE_AMOUNT',
  /** Not a valid instant (Date, or ISO text with an offset) (时间无效). */
  INVALID_INSTANT: 'ARCHIVE.INVALID_INSTANT',
  /** Not an existing `YYYY-MM-DD` date (日期无效). */
  INVALID_DAY: 'ARCHIVE.INVALID_DAY',
  /** A birth date after the `asOf` day (出生日期晚于当前日期). */
  BIRTH_DATE_IN_FUTURE: 'ARCHIVE.BIRTH_DATE_IN_FUTURE',
  /** A sales year that is not a whole number 1000–9999 (年份无效). */
  INVALID_YEAR: 'ARCHIVE.INVALID_YEAR',
  /** Two sales figures for the same year (年份重复). */
  DUPLICATE_YEAR: 'ARCHIVE.DUPLICATE_YEAR',
  /** More yearly sales figures than the policy keeps (**default** 3) (销售业绩年数过多). */
  TOO_MANY_YEARS: 'ARCHIVE.TOO_MANY_YEARS',
  /** A timeline event whose id is already on the timeline — returned as a refusal (事件编号重复). */
  DUPLICATE_EVENT_ID: 'ARCHIVE.DUPLICATE_EVENT_ID',
  /** A timeline event of another customer — returned as a refusal (不是该客户的事件). */
  EVENT_OF_ANOTHER_CUSTOMER: 'ARCHIVE.EVENT_OF_ANOTHER_CUSTOMER',
  /** Thrown by the asserting readers: the record has issues, all listed in `details.issues` (档案记录无效). */
  INVALID_RECORD: 'ARCHIVE.INVALID_RECORD',
  /** Thrown: a malformed timeline, or a malformed argument such as `asOf` (参数无效). */
  INVALID_ARGUMENT: 'ARCHIVE.INVALID_ARGUMENT',
} as const

/** One of the {@link ArchiveRecordErrorCode} values. */
export type ArchiveRecordErrorCode = (typeof ArchiveRecordErrorCode)[keyof typeof ArchiveRecordErrorCode]

/**
 * An archive record, contact or timeline event failed validation (档案记录无效), thrown by the
 * asserting readers (`assertCustomerArchive`, `assertContact`, `assertTimelineEvent`). Code
 * `ARCHIVE.INVALID_RECORD`; `field` is the first issue's field; `issues` (also in
 * `details.issues`) lists **every** issue.
 *
 * @example
 * try { assertCustomerArchive({ postalCode: '1' }) } catch (e) { e.issues.map((i) => i.field) //=> ['name', 'postalCode'] }
 */
export class InvalidArchiveRecordError extends InvalidArchiveInputError {
  /** Every issue of the record, in input order. */
  readonly issues: readonly RecordIssue[]

  constructor(issues: readonly RecordIssue[], ruleId: string, whatEn: string, whatZh: string) {
    super(invalidRecordOptions(ArchiveRecordErrorCode.INVALID_RECORD, issues, ruleId, whatEn, whatZh))
    this.issues = issues
  }
}
