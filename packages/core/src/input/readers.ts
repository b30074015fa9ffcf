import { MAX_SUPPORTED_INSTANT_MS, MIN_SUPPORTED_INSTANT_MS } from '../calendar/shanghaiTime.js'
import type { InputProblem } from './inputError.js'

/**
 * Small input readers shared by the areas. Each takes the area's `fail`, which turns an
 * {@link InputProblem} into the area's own error (class, code, rule), and throws what it returns.
 * @internal
 * @module
 */

/** Builds the area's error for one bad input. @internal */
export type InputFailure = (problem: InputProblem) => Error

/** Options of {@link readRecord}. @internal */
export interface ReadRecordOptions {
  /** Let a `Date` pass as an object (some areas have always accepted one); default `false`. */
  readonly acceptDate?: boolean
}

/**
 * A plain object: not `null`, not an array and (unless `acceptDate`) not a `Date`.
 * @internal
 */
export function readRecord(value: unknown, field: string, fail: InputFailure, options: ReadRecordOptions = {}): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value instanceof Date && options.acceptDate !== true)) {
    throw fail({ field, expectedEn: 'must be an object', expectedZh: '必须是对象', value })
  }
  return value as Readonly<Record<string, unknown>>
}

/** An array. @internal */
export function readArray(value: unknown, field: string, fail: InputFailure): readonly unknown[] {
  if (!Array.isArray(value)) throw fail({ field, expectedEn: 'must be a list', expectedZh: '必须是列表', value })
  return value
}

/** A string that is not blank, returned as given (not trimmed). @internal */
export function readText(value: unknown, field: string, fail: InputFailure): string {
  if (typeof value !== 'string' || value.trim() === '') throw fail({ field, expectedEn: 'must be a non-empty string', expectedZh: '必须是非空字符串', value })
  return value
}

/** A valid `Date` (not `Invalid Date`), returned as given. @internal */
export function readDate(value: unknown, field: string, fail: InputFailure): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw fail({ field, expectedEn: 'must be a valid Date', expectedZh: '必须是有效的 Date', value })
  return value
}

/** A valid `Date` within the supported years 1992–9999 (Asia/Shanghai), returned as given. @internal */
export function readInstant(value: unknown, field: string, fail: InputFailure): Date {
  const ms = value instanceof Date ? value.getTime() : Number.NaN
  if (!(ms >= MIN_SUPPORTED_INSTANT_MS && ms <= MAX_SUPPORTED_INSTANT_MS)) {
    throw fail({ field, expectedEn: 'must be a valid Date between 1992 and 9999', expectedZh: '必须是 1992 至 9999 年之间的有效 Date 时间点', value })
  }
  return value as Date
}
