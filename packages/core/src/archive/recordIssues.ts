import { type KehuError, type KehuErrorOptions, isKehuError } from '../errors.js'
import { nanosToDate, readInstantInput } from '../calendar/isoInstant.js'
import { Money } from '../money/money.js'
import { isCivilDay, type CivilDay } from '../calendar/civilDay.js'
import type { FieldVerdict } from './verdict.js'
import { describeValue } from './verdict.js'

/**
 * Record readers that collect **every** issue of an input at once (逐项校验，一次列出全部问题),
 * shared by the archive records (R-ARC-1, R-ARC-2, R-ARC-6) and the visit forms (R-VIS-1…5).
 * A reader never throws for a bad value: it adds a {@link RecordIssue} naming the field path
 * (`contacts[0].phone`, `costLines[2].amount`) and goes on with the next field.
 * @module
 */

/** One problem of a record input (记录校验问题): the field path, a stable code, both languages. */
export interface RecordIssue {
  /** Path of the bad value, e.g. `name`, `competitors[1].price`. */
  readonly field: string
  /** Stable code, `AREA.REASON`, e.g. `ARCHIVE.REQUIRED`, `VISIT.INVALID_CHOICE`. */
  readonly code: string
  /** Explanation in Chinese. */
  readonly messageZh: string
  /** Explanation in English. */
  readonly messageEn: string
}

/** The area whose codes an {@link IssueList} emits. @internal */
export type IssueArea = 'ARCHIVE' | 'VISIT'

/** The structural reasons every record reader may report, as `AREA.REASON` suffixes. @internal */
export const RECORD_REASONS = {
  NOT_A_RECORD: 'NOT_A_RECORD',
  UNKNOWN_FIELD: 'UNKNOWN_FIELD',
  REQUIRED: 'REQUIRED',
  NOT_TEXT: 'NOT_TEXT',
  BLANK: 'BLANK',
  NOT_A_LIST: 'NOT_A_LIST',
  EMPTY_LIST: 'EMPTY_LIST',
  INVALID_CHOICE: 'INVALID_CHOICE',
  NOT_BOOLEAN: 'NOT_BOOLEAN',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  AMOUNT_NOT_POSITIVE: 'AMOUNT_NOT_POSITIVE',
  NEGATIVE_AMOUNT: 'NEGATIVE_AMOUNT',
  NOT_POSITIVE_INTEGER: 'NOT_POSITIVE_INTEGER',
  INVALID_INSTANT: 'INVALID_INSTANT',
  INVALID_DAY: 'INVALID_DAY',
} as const

/** Joins a field path: `join('contacts[0]', 'phone')` is `contacts[0].phone`. @internal */
export function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

/** A growing list of issues for one area (问题清单). @internal */
export class IssueList {
  readonly issues: RecordIssue[] = []

  constructor(readonly area: IssueArea) {}

  /** Adds an issue with code `AREA.reason`. */
  add(field: string, reason: string, messageEn: string, messageZh: string): void {
    this.issues.push(Object.freeze({ field, code: `${this.area}.${reason}`, messageEn, messageZh }))
  }

  /** Adds a ready-made issue (e.g. from a field validator of R-ARC-4). */
  push(issue: RecordIssue): void {
    this.issues.push(Object.freeze({ field: issue.field, code: issue.code, messageEn: issue.messageEn, messageZh: issue.messageZh }))
  }

  /** Number of issues so far, to tell whether a sub-reader added any. */
  get count(): number {
    return this.issues.length
  }

  /** The frozen list. */
  frozen(): readonly RecordIssue[] {
    return Object.freeze([...this.issues])
  }
}

/** A value that counts as "not given": undefined or null. @internal */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null
}

/** Absent, or a string that is only whitespace: "not given" for an optional field. @internal */
export function isBlankOrAbsent(value: unknown): boolean {
  return isAbsent(value) || (typeof value === 'string' && value.trim() === '')
}

/**
 * Reads a plain object; anything else is a `NOT_A_RECORD` issue and `undefined`. Keys not in
 * `known` are `UNKNOWN_FIELD` issues (a misspelt field is never silently dropped). @internal
 */
export function readRecord(
  value: unknown,
  path: string,
  issues: IssueList,
  known: readonly string[],
  labelEn: string,
  labelZh: string,
): Readonly<Record<string, unknown>> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    const where = path === '' ? 'input' : path
    issues.add(path, RECORD_REASONS.NOT_A_RECORD, `${where}: ${labelEn} must be an object, got ${describeValue(value)}`, `${where}：${labelZh}必须是对象，实际为 ${describeValue(value)}`)
    return undefined
  }
  const record = value as Readonly<Record<string, unknown>>
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      const field = joinPath(path, key)
      issues.add(field, RECORD_REASONS.UNKNOWN_FIELD, `${field} is not a field of ${labelEn} (known: ${known.join(', ')})`, `${field} 不是${labelZh}的字段（已知字段：${known.join('、')}）`)
    }
  }
  return record
}

/** A field to read: the path used in issues and its labels in both languages. @internal */
export interface FieldSpec {
  readonly field: string
  readonly labelEn: string
  readonly labelZh: string
}

function requiredIssue(issues: IssueList, spec: FieldSpec): undefined {
  issues.add(spec.field, RECORD_REASONS.REQUIRED, `${spec.field}: ${spec.labelEn} is required`, `${spec.field}：${spec.labelZh}为必填项`)
  return undefined
}

/**
 * Reads free text, trimmed (kept as written otherwise: Chinese punctuation is not folded).
 * Absent or blank is `undefined` when optional; a `REQUIRED` / `BLANK` issue when required. @internal
 */
export function readText(value: unknown, spec: FieldSpec, issues: IssueList, required: boolean): string | undefined {
  if (isAbsent(value)) return required ? requiredIssue(issues, spec) : undefined
  if (typeof value !== 'string') {
    issues.add(spec.field, RECORD_REASONS.NOT_TEXT, `${spec.field}: ${spec.labelEn} must be text, got ${describeValue(value)}`, `${spec.field}：${spec.labelZh}必须是文本，实际为 ${describeValue(value)}`)
    return undefined
  }
  const text = value.trim()
  if (text === '') {
    if (!required) return undefined
    issues.add(spec.field, RECORD_REASONS.BLANK, `${spec.field}: ${spec.labelEn} is empty`, `${spec.field}：${spec.labelZh}为空`)
    return undefined
  }
  return text
}

/** Reads a list; absent is `undefined` (an `REQUIRED` issue when required). @internal */
export function readList(value: unknown, spec: FieldSpec, issues: IssueList, required: boolean, nonEmpty = false): readonly unknown[] | undefined {
  if (isAbsent(value)) return required ? requiredIssue(issues, spec) : undefined
  if (!Array.isArray(value)) {
    issues.add(spec.field, RECORD_REASONS.NOT_A_LIST, `${spec.field}: ${spec.labelEn} must be a list, got ${describeValue(value)}`, `${spec.field}：${spec.labelZh}必须是列表，实际为 ${describeValue(value)}`)
    return undefined
  }
  if (nonEmpty && value.length === 0) {
    issues.add(spec.field, RECORD_REASONS.EMPTY_LIST, `${spec.field}: ${spec.labelEn} needs at least one entry`, `${spec.field}：${spec.labelZh}至少需要一项`)
    return undefined
  }
  return value
}

/** Reads a list of non-blank texts (each entry checked, path `field[i]`). @internal */
export function readTextList(value: unknown, spec: FieldSpec, issues: IssueList, required: boolean, nonEmpty = false): readonly string[] | undefined {
  const list = readList(value, spec, issues, required, nonEmpty)
  if (list === undefined) return undefined
  const before = issues.count
  const texts = list.map((entry, index) => readText(entry, { ...spec, field: `${spec.field}[${index}]` }, issues, true))
  return issues.count === before ? Object.freeze(texts as string[]) : undefined
}

/**
 * Reads one of a fixed set of choices, given either as its English key or as its Chinese label
 * (`'stateOwned'` or `'国营'`); the key is returned. @internal
 */
export function readChoice<K extends string>(
  value: unknown,
  spec: FieldSpec,
  issues: IssueList,
  required: boolean,
  choices: Readonly<Record<K, string>>,
): K | undefined {
  if (isAbsent(value)) return required ? requiredIssue(issues, spec) : undefined
  const keys = Object.keys(choices) as K[]
  if (typeof value === 'string') {
    const text = value.trim()
    const byKey = keys.find((key) => key === text)
    if (byKey !== undefined) return byKey
    const byLabel = keys.find((key) => choices[key] === text)
    if (byLabel !== undefined) return byLabel
  }
  const listed = keys.map((key) => `${key} (${choices[key]})`).join(', ')
  const listedZh = keys.map((key) => `${choices[key]}（${key}）`).join('、')
  issues.add(spec.field, RECORD_REASONS.INVALID_CHOICE, `${spec.field}: ${spec.labelEn} must be one of ${listed}, got ${describeValue(value)}`, `${spec.field}：${spec.labelZh}必须是 ${listedZh} 之一，实际为 ${describeValue(value)}`)
  return undefined
}

/** Reads a boolean; absent is `undefined`. @internal */
export function readBoolean(value: unknown, spec: FieldSpec, issues: IssueList): boolean | undefined {
  if (isAbsent(value)) return undefined
  if (typeof value !== 'boolean') {
    issues.add(spec.field, RECORD_REASONS.NOT_BOOLEAN, `${spec.field}: ${spec.labelEn} must be true or false, got ${describeValue(value)}`, `${spec.field}：${spec.labelZh}必须是 true 或 false，实际为 ${describeValue(value)}`)
    return undefined
  }
  return value
}

/** Sign constraint of an amount. @internal */
export type AmountSign = 'positive' | 'nonNegative'

/**
 * Reads money (`Money`, a text amount such as `"1234.50"`, or a whole number of yuan; never a
 * fractional JS number) and checks its sign. @internal
 */
export function readAmount(value: unknown, spec: FieldSpec, issues: IssueList, required: boolean, sign: AmountSign): Money | undefined {
  if (isAbsent(value)) return required ? requiredIssue(issues, spec) : undefined
  let amount: Money
  try {
    amount = Money.of(value as never, spec.field)
  } catch (error) {
    if (!isKehuError(error)) throw error
    const cause = error as KehuError
    issues.add(spec.field, RECORD_REASONS.INVALID_AMOUNT, `${spec.field}: ${spec.labelEn} is not a valid amount — ${cause.messageEn}`, `${spec.field}：${spec.labelZh}不是有效金额——${cause.messageZh}`)
    return undefined
  }
  if (sign === 'positive' && !amount.isPositive()) {
    issues.add(spec.field, RECORD_REASONS.AMOUNT_NOT_POSITIVE, `${spec.field}: ${spec.labelEn} must be more than 0, got ${amount.toString()}`, `${spec.field}：${spec.labelZh}必须大于 0，实际为 ${amount.toString()}`)
    return undefined
  }
  if (sign === 'nonNegative' && amount.isNegative()) {
    issues.add(spec.field, RECORD_REASONS.NEGATIVE_AMOUNT, `${spec.field}: ${spec.labelEn} must not be negative, got ${amount.toString()}`, `${spec.field}：${spec.labelZh}不能为负数，实际为 ${amount.toString()}`)
    return undefined
  }
  return amount
}

/** Reads a whole number ≥ 1 (a quantity, a duration in minutes). @internal */
export function readPositiveInteger(value: unknown, spec: FieldSpec, issues: IssueList, required: boolean): number | undefined {
  if (isAbsent(value)) return required ? requiredIssue(issues, spec) : undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    issues.add(spec.field, RECORD_REASONS.NOT_POSITIVE_INTEGER, `${spec.field}: ${spec.labelEn} must be a whole number ≥ 1, got ${describeValue(value)}`, `${spec.field}：${spec.labelZh}必须是不小于 1 的整数，实际为 ${describeValue(value)}`)
    return undefined
  }
  return value
}

/**
 * Reads an instant: a valid `Date`, or ISO-8601 text with an explicit offset
 * (`'2026-09-25T15:00:00+08:00'`). Text without an offset is refused. @internal
 */
export function readInstantField(value: unknown, spec: FieldSpec, issues: IssueList, required: boolean): Date | undefined {
  if (isAbsent(value)) return required ? requiredIssue(issues, spec) : undefined
  const reading = readInstantInput(value, spec.field)
  if (reading.ok) return nanosToDate(reading.nanos)
  issues.add(spec.field, RECORD_REASONS.INVALID_INSTANT, reading.messageEn, reading.messageZh)
  return undefined
}

/** Reads a civil day `YYYY-MM-DD` (an existing date). @internal */
export function readCivilDayField(value: unknown, spec: FieldSpec, issues: IssueList, required: boolean): CivilDay | undefined {
  if (isAbsent(value)) return required ? requiredIssue(issues, spec) : undefined
  const text = typeof value === 'string' ? value.trim() : value
  if (!isCivilDay(text)) {
    issues.add(spec.field, RECORD_REASONS.INVALID_DAY, `${spec.field}: ${spec.labelEn} must be an existing date written YYYY-MM-DD, got ${describeValue(value)}`, `${spec.field}：${spec.labelZh}必须是 YYYY-MM-DD 格式的有效日期，实际为 ${describeValue(value)}`)
    return undefined
  }
  return text
}

/** Takes the value of a field-validator verdict (R-ARC-4), or records its issue. @internal */
export function takeVerdict<T>(verdict: FieldVerdict<T>, issues: IssueList): T | undefined {
  if (verdict.ok) return verdict.value
  issues.push(verdict.issue)
  return undefined
}

/**
 * The options of a thrown "invalid record" error: `field` is the first issue's field, the
 * messages count the issues and list each as `field: code`, `details.issues` holds them all.
 * @internal
 */
export function invalidRecordOptions(
  code: string,
  issues: readonly RecordIssue[],
  ruleId: string,
  whatEn: string,
  whatZh: string,
): KehuErrorOptions {
  return {
    code,
    ...(issues[0] === undefined ? {} : { field: issues[0].field }),
    ruleId,
    messageEn: `${whatEn} has ${issues.length} problem(s): ${issues.map((issue) => `${issue.field}: ${issue.code}`).join('; ')}`,
    messageZh: `${whatZh}有 ${issues.length} 处问题：${issues.map((issue) => `${issue.field}：${issue.code}`).join('；')}`,
    details: { issues },
  }
}
