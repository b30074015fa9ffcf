import { type CivilDay, isCivilDay } from '../calendar/civilDay.js'
import { MAX_SUPPORTED_INSTANT_MS, MIN_SUPPORTED_INSTANT_MS } from '../calendar/shanghaiTime.js'
import { Money, type MoneyInput } from '../money/money.js'
import { ContractErrorCode, ContractInputError } from './errors.js'

/** Boundary readers of the contracts area. @internal @module */

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
export function invalid(code: string, field: string, en: string, zh: string, value: unknown, ruleId?: string): ContractInputError {
  return new ContractInputError({
    code,
    field,
    messageEn: `${field} ${en}, got ${describe(value)}`,
    messageZh: `${field} ${zh}，实际为 ${describe(value)}`,
    details: { value: describe(value) },
    ...(ruleId === undefined ? {} : { ruleId }),
  })
}

/** Reads a plain object. @internal */
export function readRecord(value: unknown, field: string, ruleId: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    throw invalid(ContractErrorCode.INVALID_RECORD, field, 'must be an object', '必须是对象', value, ruleId)
  }
  return value as Readonly<Record<string, unknown>>
}

/** Reads an array. @internal */
export function readArray(value: unknown, field: string, ruleId: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(ContractErrorCode.INVALID_RECORD, field, 'must be a list', '必须是列表', value, ruleId)
  return value
}

/** Reads a non-empty string. @internal */
export function readText(value: unknown, field: string, ruleId: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(ContractErrorCode.INVALID_RECORD, field, 'must be a non-empty string', '必须是非空字符串', value, ruleId)
  }
  return value
}

/** Reads a valid `Date` within the supported years 1992–9999 (Asia/Shanghai). @internal */
export function readInstant(value: unknown, field: string, ruleId: string): Date {
  const ms = value instanceof Date ? value.getTime() : Number.NaN
  if (!(ms >= MIN_SUPPORTED_INSTANT_MS && ms <= MAX_SUPPORTED_INSTANT_MS)) {
    throw invalid(
      ContractErrorCode.INVALID_INSTANT,
      field,
      'must be a valid Date between 1992 and 9999',
      '必须是 1992 至 9999 年之间的有效 Date 时间点',
      value,
      ruleId,
    )
  }
  return value as Date
}

/** Reads a strict `YYYY-MM-DD` civil day. @internal */
export function readDay(value: unknown, field: string, ruleId: string): CivilDay {
  if (!isCivilDay(value) || value < '1992-01-01') {
    throw invalid(ContractErrorCode.INVALID_DAY, field, 'must be an existing day written YYYY-MM-DD (1992 or later)', '必须是实际存在的 YYYY-MM-DD 日期（1992 年及以后）', value, ruleId)
  }
  return value
}

/** Reads money that must be ≥ 0 (or > 0 when `positive`). @internal */
export function readAmount(value: unknown, field: string, ruleId: string, positive = false): Money {
  const money = Money.of(value as MoneyInput, field)
  if (money.isNegative() || (positive && money.isZero())) {
    throw invalid(
      ContractErrorCode.INVALID_AMOUNT,
      field,
      positive ? 'must be above zero' : 'must not be negative',
      positive ? '必须大于零' : '不能为负数',
      money.toString(),
      ruleId,
    )
  }
  return money
}
