import DecimalJs from 'decimal.js'

import { PolicyValidationError } from '../errors.js'
import { Decimal, type DecimalInput } from '../money/decimal.js'

/**
 * Small readers used by every area to validate its policy (公司政策参数) when it is loaded.
 * Each reader checks one field and throws a {@link PolicyValidationError} with code
 * `POLICY.INVALID_FIELD` naming the field's full path, so that a company's policy file with a
 * bad number is answered with exactly which number is bad.
 * @module
 */

/** Bounds for a decimal policy field; each bound is inclusive unless marked exclusive. */
export interface DecimalBounds {
  readonly min?: DecimalInput
  readonly max?: DecimalInput
  readonly exclusiveMin?: boolean
  readonly exclusiveMax?: boolean
}

/** Throws the standard error for a bad policy field. */
export function invalidPolicyField(field: string, expectedEn: string, expectedZh: string, value: unknown): never {
  throw new PolicyValidationError({
    code: 'POLICY.INVALID_FIELD',
    field,
    messageEn: `policy field ${field} ${expectedEn}, got ${describe(value)}`,
    messageZh: `政策参数 ${field} ${expectedZh}，实际为 ${describe(value)}`,
    details: { value: describe(value) },
  })
}

/** Reads a finite decimal (a rate, a ratio, an amount threshold) within optional bounds. */
export function policyDecimal(value: unknown, field: string, bounds: DecimalBounds = {}): Decimal {
  let decimal: Decimal | undefined
  if (typeof value === 'number' && Number.isFinite(value)) decimal = new Decimal(String(value))
  else if (typeof value === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) decimal = new Decimal(value.trim())
  else if (DecimalJs.isDecimal(value) && value.isFinite()) decimal = new Decimal(value)
  if (decimal === undefined) invalidPolicyField(field, 'must be a finite decimal number', '必须是有限的十进制数', value)
  const { min, max, exclusiveMin = false, exclusiveMax = false } = bounds
  if (min !== undefined) {
    const cmp = decimal.comparedTo(new Decimal(String(min)))
    if (cmp < 0 || (exclusiveMin && cmp === 0)) {
      invalidPolicyField(field, `must be ${exclusiveMin ? '>' : '≥'} ${String(min)}`, `必须${exclusiveMin ? '大于' : '不小于'} ${String(min)}`, value)
    }
  }
  if (max !== undefined) {
    const cmp = decimal.comparedTo(new Decimal(String(max)))
    if (cmp > 0 || (exclusiveMax && cmp === 0)) {
      invalidPolicyField(field, `must be ${exclusiveMax ? '<' : '≤'} ${String(max)}`, `必须${exclusiveMax ? '小于' : '不大于'} ${String(max)}`, value)
    }
  }
  return decimal
}

/** Reads an integer within optional inclusive bounds. */
export function policyInteger(value: unknown, field: string, bounds: { min?: number; max?: number } = {}): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    invalidPolicyField(field, 'must be a whole number', '必须是整数', value)
  }
  if (bounds.min !== undefined && value < bounds.min) {
    invalidPolicyField(field, `must be ≥ ${bounds.min}`, `必须不小于 ${bounds.min}`, value)
  }
  if (bounds.max !== undefined && value > bounds.max) {
    invalidPolicyField(field, `must be ≤ ${bounds.max}`, `必须不大于 ${bounds.max}`, value)
  }
  return value
}

/** Reads one of a fixed set of string values. */
export function policyEnum<const T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    invalidPolicyField(field, `must be one of ${allowed.join(', ')}`, `必须是 ${allowed.join('、')} 之一`, value)
  }
  return value as T
}

/** Reads a boolean. */
export function policyBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') invalidPolicyField(field, 'must be true or false', '必须是 true 或 false', value)
  return value
}

/** Checks that a value is a plain object and returns it as a record. */
export function policyObject(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalidPolicyField(field, 'must be an object', '必须是对象', value)
  }
  return value as Readonly<Record<string, unknown>>
}

/**
 * Refuses keys that the policy does not know, so that a misspelt field (`bonusTreshold`)
 * is an error instead of being silently ignored.
 */
export function rejectUnknownKeys(value: Readonly<Record<string, unknown>>, field: string, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      invalidPolicyField(`${field}.${key}`, `is not a known field (known: ${known.join(', ')})`, `不是已知字段（已知字段：${known.join('、')}）`, value[key])
    }
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (DecimalJs.isDecimal(value)) return value.toString()
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
