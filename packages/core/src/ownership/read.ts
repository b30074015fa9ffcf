import { OwnershipErrorCode, type OwnershipErrorCodeValue, OwnershipInputError } from './errors.js'

/**
 * Small input readers of the ownership area; each throws an {@link OwnershipInputError} naming
 * the bad field.
 * @internal
 * @module
 */

/** Describes a value for an error message. @internal */
export function shown(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Throws an {@link OwnershipInputError}. @internal */
export function invalid(code: OwnershipErrorCodeValue, field: string, en: string, zh: string, value: unknown, ruleId?: string): never {
  throw new OwnershipInputError({
    code,
    field,
    messageEn: `${field} ${en}, got ${shown(value)}`,
    messageZh: `${field} ${zh}，实际为 ${shown(value)}`,
    details: { value: shown(value) },
    ...(ruleId === undefined ? {} : { ruleId }),
  })
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
  if (typeof value !== 'string' || value.trim() === '') invalid(code, field, 'must be a non-empty string', '必须是非空字符串', value)
  return value
}

/** Reads a plain object. @internal */
export function readRecord(value: unknown, field: string, code: OwnershipErrorCodeValue): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(code, field, 'must be an object', '必须是对象', value)
  return value as Readonly<Record<string, unknown>>
}

/** Reads an array. @internal */
export function readArray(value: unknown, field: string, code: OwnershipErrorCodeValue): readonly unknown[] {
  if (!Array.isArray(value)) invalid(code, field, 'must be a list', '必须是列表', value)
  return value
}

/** Reads an optional reason text (absent = `undefined`). @internal */
export function readOptionalText(value: unknown, field: string, code: OwnershipErrorCodeValue): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') invalid(code, field, 'must be a string when given', '如提供则必须是字符串', value)
  return value
}
