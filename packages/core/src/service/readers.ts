import { type CivilDay, isCivilDay } from '../calendar/civilDay.js'
import { MAX_SUPPORTED_INSTANT_MS, MIN_SUPPORTED_INSTANT_MS } from '../calendar/shanghaiTime.js'
import { ServiceErrorCode, ServiceInputError } from './errors.js'

/** Boundary readers of the service area. @internal @module */

/** @internal */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  if (typeof value === 'bigint') return `${value}n`
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** @internal */
export function invalid(code: string, field: string, en: string, zh: string, value: unknown, ruleId: string): ServiceInputError {
  return new ServiceInputError({
    code,
    field,
    ruleId,
    messageEn: `${field} ${en}, got ${describe(value)}`,
    messageZh: `${field} ${zh}，实际为 ${describe(value)}`,
    details: { value: describe(value) },
  })
}

/** @internal */
export function readRecord(value: unknown, field: string, ruleId: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    throw invalid(ServiceErrorCode.INVALID_RECORD, field, 'must be an object', '必须是对象', value, ruleId)
  }
  return value as Readonly<Record<string, unknown>>
}

/** @internal */
export function readArray(value: unknown, field: string, ruleId: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(ServiceErrorCode.INVALID_RECORD, field, 'must be a list', '必须是列表', value, ruleId)
  return value
}

/** A non-empty string. @internal */
export function readText(value: unknown, field: string, ruleId: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(ServiceErrorCode.INVALID_RECORD, field, 'must be a non-empty string', '必须是非空字符串', value, ruleId)
  }
  return value
}

/** A valid `Date` within 1992–9999. @internal */
export function readInstant(value: unknown, field: string, ruleId: string): Date {
  const ms = value instanceof Date ? value.getTime() : Number.NaN
  if (!(ms >= MIN_SUPPORTED_INSTANT_MS && ms <= MAX_SUPPORTED_INSTANT_MS)) {
    throw invalid(ServiceErrorCode.INVALID_INSTANT, field, 'must be a valid Date between 1992 and 9999', '必须是 1992 至 9999 年之间的有效 Date 时间点', value, ruleId)
  }
  return value as Date
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
