import { type CivilDay, isCivilDay } from '../calendar/civilDay.js'
import * as input from '../input/index.js'
import { Money, type MoneyInput } from '../money/money.js'
import { ContractErrorCode, ContractInputError } from './errors.js'

/** Boundary readers of the contracts area. @internal @module */

/** Renders a bad value for a message; a `bigint` shows as `5n`. */
function describe(value: unknown): string {
  return typeof value === 'bigint' ? `${value}n` : input.describeValue(value)
}

/** @internal */
export function invalid(code: string, field: string, en: string, zh: string, value: unknown, ruleId?: string): ContractInputError {
  return input.inputError(ContractInputError, { code, field, expectedEn: en, expectedZh: zh, value, ruleId, describe })
}

function failure(code: string, ruleId: string): input.InputFailure {
  return ({ field, expectedEn, expectedZh, value }) => invalid(code, field, expectedEn, expectedZh, value, ruleId)
}

/** Reads a plain object. @internal */
export function readRecord(value: unknown, field: string, ruleId: string): Readonly<Record<string, unknown>> {
  return input.readRecord(value, field, failure(ContractErrorCode.INVALID_RECORD, ruleId))
}

/** Reads an array. @internal */
export function readArray(value: unknown, field: string, ruleId: string): readonly unknown[] {
  return input.readArray(value, field, failure(ContractErrorCode.INVALID_RECORD, ruleId))
}

/** Reads a non-empty string. @internal */
export function readText(value: unknown, field: string, ruleId: string): string {
  return input.readText(value, field, failure(ContractErrorCode.INVALID_RECORD, ruleId))
}

/** Reads a valid `Date` within the supported years 1992–9999 (Asia/Shanghai). @internal */
export function readInstant(value: unknown, field: string, ruleId: string): Date {
  return input.readInstant(value, field, failure(ContractErrorCode.INVALID_INSTANT, ruleId))
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
