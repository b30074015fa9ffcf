import { type CivilDay, isCivilDay } from '../calendar/civilDay.js'
import * as input from '../input/index.js'
import { ServiceErrorCode, ServiceInputError } from './errors.js'

/** Boundary readers of the service area. @internal @module */

/** Renders a bad value for a message; a `bigint` shows as `5n`. */
function describe(value: unknown): string {
  return typeof value === 'bigint' ? `${value}n` : input.describeValue(value)
}

/** @internal */
export function invalid(code: string, field: string, en: string, zh: string, value: unknown, ruleId: string): ServiceInputError {
  return input.inputError(ServiceInputError, { code, field, expectedEn: en, expectedZh: zh, value, ruleId, describe })
}

function failure(code: string, ruleId: string): input.InputFailure {
  return ({ field, expectedEn, expectedZh, value }) => invalid(code, field, expectedEn, expectedZh, value, ruleId)
}

/** @internal */
export function readRecord(value: unknown, field: string, ruleId: string): Readonly<Record<string, unknown>> {
  return input.readRecord(value, field, failure(ServiceErrorCode.INVALID_RECORD, ruleId))
}

/** @internal */
export function readArray(value: unknown, field: string, ruleId: string): readonly unknown[] {
  return input.readArray(value, field, failure(ServiceErrorCode.INVALID_RECORD, ruleId))
}

/** A non-empty string. @internal */
export function readText(value: unknown, field: string, ruleId: string): string {
  return input.readText(value, field, failure(ServiceErrorCode.INVALID_RECORD, ruleId))
}

/** A valid `Date` within 1992–9999. @internal */
export function readInstant(value: unknown, field: string, ruleId: string): Date {
  return input.readInstant(value, field, failure(ServiceErrorCode.INVALID_INSTANT, ruleId))
}

/** An optional instant. @internal */
export function readOptionalInstant(value: unknown, field: string, ruleId: string): Date | undefined {
  return value === undefined ? undefined : readInstant(value, field, ruleId)
}

/** A strict `YYYY-MM-DD` civil day, 1992 or later. @internal */
export function readDay(value: unknown, field: string, ruleId: string): CivilDay {
  if (!isCivilDay(value) || value < '1992-01-01') {
    throw invalid(ServiceErrorCode.INVALID_DAY, field, 'must be an existing day written YYYY-MM-DD (1992 or later)', '必须是实际存在的 YYYY-MM-DD 日期（1992 年及以后）', value, ruleId)
  }
  return value
}
