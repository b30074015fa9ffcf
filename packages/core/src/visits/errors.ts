import { InvalidInputError } from '../errors.js'
import { type RecordIssue, invalidRecordOptions } from '../archive/recordIssues.js'
import { inputError, readDate } from '../input/index.js'

/**
 * Codes of the visits area (拜访与接待代码), R-VIS-1 … R-VIS-5.
 *
 * - issue codes, returned as data in a {@link RecordIssue} by the readers (`readVisitPlan`,
 *   `readVisitRecord`, `readGiftRequest`, `readReceptionRequest`, `draftMinutes`);
 * - refusal codes, returned as data in a {@link VisitRefusal} by `visitMayTakePlace` and the
 *   minutes workflow;
 * - thrown codes, for broken preconditions.
 *
 * @example
 * VisitErrorCode.PLAN_NOT_APPROVED //=> 'VISIT.PLAN_NOT_APPROVED'
 */
export const VisitErrorCode = {
  // — issues —
  /** The input (or a nested entry) is not an object (不是对象). */
  NOT_A_RECORD: 'VISIT.NOT_A_RECORD',
  /** A key the form does not have — a misspelt field (未知字段). */
  UNKNOWN_FIELD: 'VISIT.UNKNOWN_FIELD',
  /** A required field is missing (必填项缺失). */
  REQUIRED: 'VISIT.REQUIRED',
  /** A text field holds something else (不是文本). */
  NOT_TEXT: 'VISIT.NOT_TEXT',
  /** A required text is empty (为空). */
  BLANK: 'VISIT.BLANK',
  /** A list field holds something else (不是列表). */
  NOT_A_LIST: 'VISIT.NOT_A_LIST',
  /** A list that needs at least one entry is empty (列表为空). */
  EMPTY_LIST: 'VISIT.EMPTY_LIST',
  /** A value outside a fixed list (拜访方式 / 客户态度 / 费用类别 / 招待目的 / 档次 / 费用执行方式). */
  INVALID_CHOICE: 'VISIT.INVALID_CHOICE',
  /** Not money (金额无效). */
  INVALID_AMOUNT: 'VISIT.INVALID_AMOUNT',
  /** An amount that must be more than 0 is not (金额必须大于 0). */
  AMOUNT_NOT_POSITIVE: 'VISIT.AMOUNT_NOT_POSITIVE',
  /** A quantity or duration that is not a whole number ≥ 1 (必须是正整数). */
  NOT_POSITIVE_INTEGER: 'VISIT.NOT_POSITIVE_INTEGER',
  /** Not a valid instant (a `Date`, or ISO text with an offset) (时间无效). */
  INVALID_INSTANT: 'VISIT.INVALID_INSTANT',
  /** Not an existing `YYYY-MM-DD` date (日期无效). */
  INVALID_DAY: 'VISIT.INVALID_DAY',
  /** Minutes drafted before the meeting they record (纪要编写时间早于会谈). */
  DRAFTED_BEFORE_MEETING: 'VISIT.DRAFTED_BEFORE_MEETING',
  // — refusals —
  /** R-VIS-1: the visit plan is not approved (拜访计划未获批准). */
  PLAN_NOT_APPROVED: 'VISIT.PLAN_NOT_APPROVED',
  /** R-VIS-1: the plan was approved only after the visit time (批准时间晚于拜访时间). */
  APPROVED_AFTER_VISIT: 'VISIT.APPROVED_AFTER_VISIT',
  /** R-VIS-1: the approval given is not a visit-plan approval (不是拜访计划审批). */
  WRONG_APPROVAL_CHAIN: 'VISIT.WRONG_APPROVAL_CHAIN',
  /** R-VIS-4: only a draft can be reviewed (纪要已审阅). */
  MINUTES_NOT_DRAFT: 'VISIT.MINUTES_NOT_DRAFT',
  /** R-VIS-4: minutes cannot be sent before the manager's review (纪要未经审阅不得发送). */
  MINUTES_NOT_REVIEWED: 'VISIT.MINUTES_NOT_REVIEWED',
  /** R-VIS-4: the minutes were already sent (纪要已发送). */
  MINUTES_ALREADY_SENT: 'VISIT.MINUTES_ALREADY_SENT',
  /** R-VIS-4: receipt can only be confirmed for sent minutes (纪要尚未发送). */
  MINUTES_NOT_SENT: 'VISIT.MINUTES_NOT_SENT',
  /** R-VIS-4: receipt was already confirmed (已确认收到). */
  MINUTES_ALREADY_ACKNOWLEDGED: 'VISIT.MINUTES_ALREADY_ACKNOWLEDGED',
  /** R-VIS-4: the reviewer does not hold the manager role (审阅人不是经理). */
  REVIEWER_NOT_MANAGER: 'VISIT.REVIEWER_NOT_MANAGER',
  /** The acting person has left (操作人已离职). */
  ACTOR_INACTIVE: 'VISIT.ACTOR_INACTIVE',
  /** A step dated before the step it follows (时间早于上一步骤). */
  BEFORE_PREVIOUS_STEP: 'VISIT.BEFORE_PREVIOUS_STEP',
  // — thrown —
  /** Thrown by the asserting readers: the form has issues, all listed in `issues` (表单无效). */
  INVALID_RECORD: 'VISIT.INVALID_RECORD',
  /** Thrown: a malformed argument — an approval, a minutes state, an instant (参数无效). */
  INVALID_ARGUMENT: 'VISIT.INVALID_ARGUMENT',
  /** Thrown: information entered before it was collected (录入时间早于收集时间), R-VIS-3. */
  ENTERED_BEFORE_COLLECTED: 'VISIT.ENTERED_BEFORE_COLLECTED',
} as const

/** One of the {@link VisitErrorCode} values. */
export type VisitErrorCode = (typeof VisitErrorCode)[keyof typeof VisitErrorCode]

/**
 * A malformed input to a visits function (拜访输入无效).
 *
 * @example
 * try { dataEntryDeadline(new Date(NaN), calendar) } catch (e) { e instanceof InvalidVisitInputError //=> true; e.field //=> 'collectedAt' }
 */
export class InvalidVisitInputError extends InvalidInputError {}

/**
 * A visit form failed validation (拜访表单无效), thrown by the asserting readers. Code
 * `VISIT.INVALID_RECORD`; `field` is the first issue's field; `issues` (also in
 * `details.issues`) lists **every** issue.
 *
 * @example
 * try { assertVisitPlan({ customerId: 'C1' }) } catch (e) { e.issues.map((i) => i.field) //=> ['plannedAt', 'personToMeet', 'purpose', 'byStaffId'] }
 */
export class InvalidVisitRecordError extends InvalidVisitInputError {
  /** Every issue of the form. */
  readonly issues: readonly RecordIssue[]

  constructor(issues: readonly RecordIssue[], ruleId: string, whatEn: string, whatZh: string) {
    super(invalidRecordOptions(VisitErrorCode.INVALID_RECORD, issues, ruleId, whatEn, whatZh))
    this.issues = issues
  }
}

/** Why an action was refused — a business outcome, returned as data (both languages). */
export interface VisitRefusal {
  readonly code: VisitErrorCode
  readonly ruleId: string
  readonly messageZh: string
  readonly messageEn: string
}

/** @internal builds a frozen refusal. */
export function visitRefusal(code: VisitErrorCode, ruleId: string, messageZh: string, messageEn: string): VisitRefusal {
  return Object.freeze({ code, ruleId, messageZh, messageEn })
}

/** @internal builds the error for a malformed argument. */
export function invalidVisitArgument(field: string, en: string, zh: string, value: unknown, ruleId?: string): InvalidVisitInputError {
  return inputError(InvalidVisitInputError, { code: VisitErrorCode.INVALID_ARGUMENT, field, expectedEn: en, expectedZh: zh, value, ruleId })
}

/** @internal a valid `Date` argument, or the error. */
export function readDateArgument(value: unknown, field: string, ruleId?: string): Date {
  return readDate(value, field, (problem) => inputError(InvalidVisitInputError, { code: VisitErrorCode.INVALID_ARGUMENT, ...problem, ruleId }))
}
