import { IssueList, joinPath, readChoice, readInstantField, readPositiveInteger, readRecord, type RecordIssue, readText, readTextList } from '../archive/recordIssues.js'
import { InvalidVisitRecordError } from './errors.js'

/**
 * Visit methods (开发方式) of the 客户拜访记录表, R-VIS-2.
 * @example
 * VISIT_METHODS.proposal //=> '建议书'
 */
export const VISIT_METHODS = {
  relationship: '建立关系',
  productExplanation: '产品说明',
  demonstration: '产品展示',
  proposal: '建议书',
  contract: '缔约',
} as const

/** One of the {@link VISIT_METHODS} keys. */
export type VisitMethod = keyof typeof VISIT_METHODS

/**
 * Customer attitudes (客户态度) of the 客户拜访记录表, R-VIS-2.
 * @example
 * CUSTOMER_ATTITUDES.cold //=> '冷淡'
 */
export const CUSTOMER_ATTITUDES = {
  warm: '热',
  neutral: '一般',
  cold: '冷淡',
} as const

/** One of the {@link CUSTOMER_ATTITUDES} keys. */
export type CustomerAttitude = keyof typeof CUSTOMER_ATTITUDES

/** A validated visit record (客户拜访记录, R-VIS-2). */
export interface VisitRecord {
  /** Identifier chosen by the application, when given. */
  readonly id?: string
  /** 客户名称 / customer id. */
  readonly customerId: string
  /** 日期和时间: when the visit started. */
  readonly startAt: Date
  /** 滞留时间: how long it lasted, whole minutes ≥ 1. */
  readonly durationMinutes: number
  /** 访问对象: the people met, at least one. */
  readonly peopleMet: readonly string[]
  /** 开发方式. */
  readonly method: VisitMethod
  /** 业务进度. */
  readonly progress: string
  /** 客户态度. */
  readonly attitude: CustomerAttitude
  /** 拜访概述: what was discussed. */
  readonly summary: string
  /** 拜访成功/失败原因总结, when given. */
  readonly outcomeReasons?: string
  /** 拜访人, when given. */
  readonly byStaffId?: string
}

/** The verdict of {@link readVisitRecord}. */
export type VisitRecordVerdict = { readonly ok: true; readonly record: VisitRecord } | { readonly ok: false; readonly issues: readonly RecordIssue[] }

/**
 * Fields of a visit record, in the order of the form.
 * @example
 * VISIT_RECORD_FIELDS.includes('durationMinutes') //=> true
 */
export const VISIT_RECORD_FIELDS = [
  'id',
  'customerId',
  'startAt',
  'durationMinutes',
  'peopleMet',
  'method',
  'progress',
  'attitude',
  'summary',
  'outcomeReasons',
  'byStaffId',
] as const

/** @internal reads a record into `issues`, paths prefixed by `path`. */
export function readVisitRecordInto(input: unknown, path: string, issues: IssueList): VisitRecord | undefined {
  const before = issues.count
  const record = readRecord(input, path, issues, VISIT_RECORD_FIELDS, 'a visit record', '拜访记录')
  if (record === undefined) return undefined
  const f = (key: string, labelEn: string, labelZh: string) => ({ field: joinPath(path, key), labelEn, labelZh })
  const id = readText(record['id'], f('id', 'the record id', '记录编号'), issues, false)
  const customerId = readText(record['customerId'], f('customerId', 'the customer', '客户'), issues, true)
  const startAt = readInstantField(record['startAt'], f('startAt', 'the start time', '拜访日期和时间'), issues, true)
  const durationMinutes = readPositiveInteger(record['durationMinutes'], f('durationMinutes', 'the duration in minutes', '滞留时间（分钟）'), issues, true)
  const peopleMet = readTextList(record['peopleMet'], f('peopleMet', 'the people met', '访问对象'), issues, true, true)
  const method = readChoice(record['method'], f('method', 'the visit method', '开发方式'), issues, true, VISIT_METHODS)
  const progress = readText(record['progress'], f('progress', 'the progress', '业务进度'), issues, true)
  const attitude = readChoice(record['attitude'], f('attitude', 'the customer attitude', '客户态度'), issues, true, CUSTOMER_ATTITUDES)
  const summary = readText(record['summary'], f('summary', 'the summary', '拜访概述'), issues, true)
  const outcomeReasons = readText(record['outcomeReasons'], f('outcomeReasons', 'the success or failure reasons', '拜访成功/失败原因'), issues, false)
  const byStaffId = readText(record['byStaffId'], f('byStaffId', 'the visiting staff', '拜访人'), issues, false)
  if (
    issues.count !== before ||
    customerId === undefined ||
    startAt === undefined ||
    durationMinutes === undefined ||
    peopleMet === undefined ||
    method === undefined ||
    progress === undefined ||
    attitude === undefined ||
    summary === undefined
  ) {
    return undefined
  }
  return Object.freeze({
    ...(id === undefined ? {} : { id }),
    customerId,
    startAt,
    durationMinutes,
    peopleMet,
    method,
    progress,
    attitude,
    summary,
    ...(outcomeReasons === undefined ? {} : { outcomeReasons }),
    ...(byStaffId === undefined ? {} : { byStaffId }),
  })
}

/**
 * R-VIS-2 Reads a visit record (客户拜访记录) and reports **every** issue at once. Required:
 * customer, start time (a `Date` or ISO text with an offset), duration (whole minutes ≥ 1),
 * people met (at least one), method ({@link VISIT_METHODS}, by key or Chinese label), progress,
 * attitude ({@link CUSTOMER_ATTITUDES}), summary. Optional: id, success/failure reasons, the
 * visiting staff. Unknown keys are issues.
 *
 * @example
 * readVisitRecord({ customerId: 'C1', startAt: '2026-09-28T10:00:00+08:00', durationMinutes: 90, peopleMet: ['张经理'],
 *   method: '产品说明', progress: '已报价', attitude: '热', summary: '介绍新产品线' }).ok //=> true
 * readVisitRecord({ customerId: 'C1', durationMinutes: 0, method: 'chat' }).ok //=> false (startAt, durationMinutes, peopleMet, method, progress, attitude, summary)
 */
export function readVisitRecord(input: unknown): VisitRecordVerdict {
  const issues = new IssueList('VISIT')
  const record = readVisitRecordInto(input, '', issues)
  return record === undefined ? Object.freeze({ ok: false, issues: issues.frozen() }) : Object.freeze({ ok: true, record })
}

/**
 * R-VIS-2 Like {@link readVisitRecord}, but returns the record or throws.
 * @throws {@link InvalidVisitRecordError} `VISIT.INVALID_RECORD` listing every issue
 *
 * @example
 * assertVisitRecord({ customerId: 'C1', startAt: '2026-09-28T10:00:00+08:00', durationMinutes: 45, peopleMet: ['李总'],
 *   method: 'relationship', progress: '初次接触', attitude: 'neutral', summary: '互相介绍' }).method //=> 'relationship'
 */
export function assertVisitRecord(input: unknown): VisitRecord {
  const verdict = readVisitRecord(input)
  if (verdict.ok) return verdict.record
  throw new InvalidVisitRecordError(verdict.issues, 'R-VIS-2', 'the visit record', '拜访记录')
}
