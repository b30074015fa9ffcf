import * as input from '../input/index.js'
import { OwnershipErrorCode, type OwnershipErrorCodeValue, OwnershipInputError } from './errors.js'

/**
 * Small input readers of the ownership area; each throws an {@link OwnershipInputError} naming
 * the bad field.
 * @internal
 * @module
 */

/** Throws an {@link OwnershipInputError}. @internal */
export function invalid(code: OwnershipErrorCodeValue, field: string, en: string, zh: string, value: unknown, ruleId?: string): never {
  throw input.inputError(OwnershipInputError, { code, field, expectedEn: en, expectedZh: zh, value, ruleId })
}

function failure(code: OwnershipErrorCodeValue): input.InputFailure {
  return (problem) => input.inputError(OwnershipInputError, { code, ...problem })
}

/** Reads a valid `Date` instant. @internal */
export function readDate(value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    invalid(OwnershipErrorCode.INVALID_INSTANT, field, 'must be a valid Date instant', '必须是有效的 Date 时间点', value)
  }
  return value
}

/** Reads an optional `Date` (absent = `undefined`). @internal */
export function readOptionalDate(value: unknown, field: string): Date | undefined {
  return value === undefined ? undefined : readDate(value, field)
}

/** Reads a non-empty identifier. @internal */
export function readId(value: unknown, field: string, code: OwnershipErrorCodeValue): string {
  return input.readText(value, field, failure(code))
}

/** Reads a plain object. @internal */
export function readRecord(value: unknown, field: string, code: OwnershipErrorCodeValue): Readonly<Record<string, unknown>> {
  return input.readRecord(value, field, failure(code), { acceptDate: true })
}

/** Reads an array. @internal */
export function readArray(value: unknown, field: string, code: OwnershipErrorCodeValue): readonly unknown[] {
  return input.readArray(value, field, failure(code))
}

/** Reads an optional reason text (absent = `undefined`). @internal */
export function readOptionalText(value: unknown, field: string, code: OwnershipErrorCodeValue): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') invalid(code, field, 'must be a string when given', '如提供则必须是字符串', value)
  return value
}
