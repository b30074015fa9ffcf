/**
 * Readers for commission inputs (internal). Every public function validates its inputs at the
 * boundary with these, so errors name the exact field (`assistants[1].rate`).
 * @internal
 * @module
 */
import { Decimal, type DecimalInput, toDecimal } from '../money/decimal.js'
import { Money, type MoneyInput } from '../money/money.js'
import { CommissionErrorCode, CommissionInputError } from './errors.js'
import type { RateRange } from './policy.js'

/** Who receives a commission: an employee ID or name (人员). */
export type Person = string

// Policy figures are a handful of exact strings read on every call; each is parsed once.
const CONSTANTS = new Map<string, Decimal>()
const MAX_CONSTANTS = 1024

/**
 * The Decimal of a policy figure (`'0.05'`), parsed once and shared: Decimals are immutable.
 * Policy strings were validated when the policy was created.
 */
export function constantDecimal(text: string): Decimal {
  let value = CONSTANTS.get(text)
  if (value === undefined) {
    if (CONSTANTS.size >= MAX_CONSTANTS) CONSTANTS.clear()
    value = new Decimal(text)
    CONSTANTS.set(text, value)
  }
  return value
}

/**
 * Reads a rate and refuses it — never clamps it — when it lies outside `range` (R-COM-6).
 * @throws {@link CommissionInputError} `COMMISSION.RATE_OUT_OF_RANGE`
 */
export function readRateInRange(value: DecimalInput, field: string, range: RateRange, kindZh = '提成比例', kindEn = 'rate'): Decimal {
  const rate = toDecimal(value, field)
  const min = constantDecimal(range.min)
  const max = constantDecimal(range.max)
  if (rate.lessThan(min) || rate.greaterThan(max)) {
    // R-COM-6
    throw new CommissionInputError({
      code: CommissionErrorCode.RATE_OUT_OF_RANGE,
      field,
      ruleId: 'R-COM-6',
      messageEn: `${field}: ${kindEn} ${rate.toString()} is outside the allowed range [${range.min}, ${range.max}]; it is refused, not clamped`,
      messageZh: `${field}：${kindZh} ${rate.toString()} 超出允许范围 [${range.min}, ${range.max}]，不予接受（不会自动截断）`,
      details: { rate: rate.toString(), min: range.min, max: range.max },
    })
  }
  return rate
}

/** Reads any money amount. */
export function readMoney(value: MoneyInput, field: string): Money {
  return Money.of(value, field)
}

/**
 * Reads a money amount that must not be negative (turnover, revenue, hourly wage).
 * @throws {@link CommissionInputError} `COMMISSION.NEGATIVE_AMOUNT`
 */
export function readNonNegativeMoney(value: MoneyInput, field: string): Money {
  const amount = Money.of(value, field)
  if (amount.isNegative()) {
    throw new CommissionInputError({
      code: CommissionErrorCode.NEGATIVE_AMOUNT,
      field,
      messageEn: `${field} must not be negative, got ${amount.toString()}`,
      messageZh: `${field} 不能为负数，实际为 ${amount.toString()}`,
      details: { value: amount.toString() },
    })
  }
  return amount
}

/**
 * Reads hours worked (工时): a finite decimal ≥ 0.
 * @throws {@link CommissionInputError} `COMMISSION.INVALID_HOURS`
 */
export function readHours(value: DecimalInput, field: string): Decimal {
  let hours: Decimal
  try {
    hours = toDecimal(value, field)
  } catch (cause) {
    throw invalidHours(String(value), field, cause)
  }
  if (hours.isNegative() && !hours.isZero()) throw invalidHours(hours.toString(), field)
  return hours
}

function invalidHours(value: string, field: string, cause?: unknown): CommissionInputError {
  return new CommissionInputError({
    code: CommissionErrorCode.INVALID_HOURS,
    field,
    messageEn: `${field} must be a number of hours ≥ 0, got ${JSON.stringify(value)}`,
    messageZh: `${field} 必须是不小于 0 的工时数，实际为 ${JSON.stringify(value)}`,
    details: { value },
    cause,
  })
}

/**
 * Reads a person (人员): a non-empty string, trimmed.
 * @throws {@link CommissionInputError} `COMMISSION.INVALID_PERSON`
 */
export function readPerson(value: unknown, field: string): Person {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CommissionInputError({
      code: CommissionErrorCode.INVALID_PERSON,
      field,
      messageEn: `${field} must name a person (a non-empty employee ID or name)`,
      messageZh: `${field} 必须指明人员（非空的员工编号或姓名）`,
      details: { value: typeof value === 'string' ? value : typeof value },
    })
  }
  return value.trim()
}

/**
 * Checks that a value is an object (an input record).
 * @throws {@link CommissionInputError} `COMMISSION.INVALID_INPUT`
 */
export function readRecord(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidInput(field, 'must be an object', '必须是对象')
  }
  return value as Readonly<Record<string, unknown>>
}

/**
 * Checks that a value is an array (a list input).
 * @throws {@link CommissionInputError} `COMMISSION.INVALID_INPUT`
 */
export function readList(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalidInput(field, 'must be a list', '必须是列表')
  return value
}

function invalidInput(field: string, en: string, zh: string): CommissionInputError {
  return new CommissionInputError({
    code: CommissionErrorCode.INVALID_INPUT,
    field,
    messageEn: `${field} ${en}`,
    messageZh: `${field} ${zh}`,
  })
}

/**
 * Refuses a person that was already seen.
 * @throws {@link CommissionInputError} `COMMISSION.DUPLICATE_PERSON`
 */
export function refuseDuplicate(seen: Map<Person, string>, person: Person, field: string): void {
  const previous = seen.get(person)
  if (previous !== undefined) {
    throw new CommissionInputError({
      code: CommissionErrorCode.DUPLICATE_PERSON,
      field,
      messageEn: `${field}: ${JSON.stringify(person)} already appears as ${previous}`,
      messageZh: `${field}：${JSON.stringify(person)} 已出现在 ${previous}`,
      details: { person, previous },
    })
  }
  seen.set(person, field)
}

/** A share of a split (分配份额): who, and their ratio (any non-negative weight). */
export interface ShareInput {
  readonly person: Person
  readonly ratio: DecimalInput
}

/** A validated share. */
export interface Share {
  readonly person: Person
  readonly ratio: Decimal
}

/**
 * Reads split shares: a non-empty list, each with a person (no duplicates) and a ratio ≥ 0,
 * at least one ratio above zero (R-COM-7).
 * @throws {@link CommissionInputError} `COMMISSION.INVALID_SHARES`, `COMMISSION.INVALID_PERSON`, `COMMISSION.DUPLICATE_PERSON`
 */
export function readShares(value: unknown, field: string): Share[] {
  const list = readList(value, field)
  if (list.length === 0) throw invalidShares(field, 'is empty', '为空')
  const seen = new Map<Person, string>()
  const shares = list.map((item, index) => {
    const itemField = `${field}[${index}]`
    const record = readRecord(item, itemField)
    const person = readPerson(record['person'], `${itemField}.person`)
    refuseDuplicate(seen, person, `${itemField}.person`)
    const ratio = toDecimal(record['ratio'] as DecimalInput, `${itemField}.ratio`)
    if (ratio.isNegative() && !ratio.isZero()) throw invalidShares(`${itemField}.ratio`, `must not be negative, got ${ratio.toString()}`, `不能为负数，实际为 ${ratio.toString()}`)
    return { person, ratio }
  })
  if (shares.every((share) => share.ratio.isZero())) throw invalidShares(field, 'has no ratio above zero', '没有大于零的比例')
  return shares
}

function invalidShares(field: string, en: string, zh: string): CommissionInputError {
  return new CommissionInputError({
    code: CommissionErrorCode.INVALID_SHARES,
    field,
    ruleId: 'R-COM-7',
    messageEn: `${field} ${en}; shares need a person and a ratio ≥ 0, at least one above zero`,
    messageZh: `${field} ${zh}；每个份额须有人员和不小于 0 的比例，且至少一个大于零`,
  })
}

/** Formats a range for traces: `[0.05, 0.1]`. */
export function rangeText(range: RateRange): string {
  return `[${range.min}, ${range.max}]`
}
