import { inputError, type InputProblem, readArray, readRecord } from '../input/index.js'
import { Decimal, type DecimalInput, toDecimal } from '../money/decimal.js'
import { Money, type MoneyInput } from '../money/money.js'
import { readBigCustomerTiers, type BigCustomerPolicy } from '../tiering/policy.js'
import { type CustomerTier, isCustomerTier } from '../tiering/tier.js'
import { KpiErrorCode, KpiInputError } from './errors.js'
import type { InstantInput } from './instant.js'
import { readInstant } from './instant.js'
import { periodRange, type PeriodRange } from './period.js'

/** A sale (销售记录): amount booked to a customer at an instant. Returns are netted upstream; amounts are ≥ 0. */
export interface SaleRecord {
  readonly customerId: string
  readonly amount: MoneyInput
  readonly at: InstantInput
}

/** A customer (客户) as the KPIs see it. */
export interface CustomerRecord {
  readonly id: string
  /** Current tier (客户层级, R-TIE-1). */
  readonly tier: CustomerTier
  /** When the customer became a customer (开发成功 / 正式合作起始). */
  readonly since: InstantInput
  /** When the customer churned (流失时间), if it did; not before `since`. */
  readonly churnedAt?: InstantInput
}

/** A sales plan line (销售计划): the amount planned for a month, quarter or year. */
export interface SalesPlanRecord {
  /** The plan's period, `'2026-07'`, `'2026-Q3'` or `'2026'`. */
  readonly period: string
  readonly amount: MoneyInput
}

/** A development plan line (开发计划): how many big customers to develop in a period. */
export interface DevelopmentPlanRecord {
  readonly period: string
  /** Whole number ≥ 0. */
  readonly count: number
}

/** A customer's feedback (客户意见) that needs an answer by `dueAt` (the standard time). */
export interface FeedbackRecord {
  readonly customerId: string
  readonly receivedAt: InstantInput
  /** The instant by which it must be answered (标准反馈时限); not before `receivedAt`. */
  readonly dueAt: InstantInput
  /** When it was answered (反馈时间), if it was; not before `receivedAt`. */
  readonly answeredAt?: InstantInput
}

/** A planned revisit (计划回访) of a customer. */
export interface PlannedRevisitRecord {
  readonly customerId: string
  readonly plannedAt: InstantInput
}

/** An actual revisit (实际回访) of a customer. */
export interface RevisitRecord {
  readonly customerId: string
  readonly at: InstantInput
}

/** A service cost (服务费用开支) at an instant; ≥ 0. */
export interface ServiceCostRecord {
  readonly amount: MoneyInput
  readonly at: InstantInput
  readonly customerId?: string
}

/** A service budget line (服务费用预算) for a period. */
export interface ServiceBudgetRecord {
  readonly period: string
  readonly amount: MoneyInput
}

/** A customer's archive completeness score (客户档案完整率, R-ARC-3) in [0, 1]. */
export interface ArchiveCompletenessRecord {
  readonly customerId: string
  readonly completeness: DecimalInput
}

// ---- readers (internal) ----------------------------------------------------------------------

/** @internal */
export type Fields = Readonly<Record<string, unknown>>

/** @internal a list of records, each checked to be an object. */
export function readList(value: unknown, field: string): Fields[] {
  return readArray(value, field, failRecord).map((item, index) => readRecord(item, `${field}[${index}]`, failRecord, { acceptDate: true }))
}

/** @internal the input object of a KPI function. */
export function readInputObject(value: unknown, field: string): Fields {
  return readRecord(value, field, failRecord, { acceptDate: true })
}

/** @internal */
export function readId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidRecord(field, 'must be a non-empty text id', '必须是非空文本编号', value)
  return value
}

/** @internal money ≥ 0 in yuan as an exact Decimal. */
export function readAmount(value: unknown, field: string): Money {
  if (value === undefined) throw invalidRecord(field, 'is required', '为必填项', value)
  const amount = Money.of(value as MoneyInput, field)
  if (amount.isNegative()) {
    throw new KpiInputError({
      code: KpiErrorCode.NEGATIVE_AMOUNT,
      field,
      messageEn: `${field} must not be negative, got ${amount.toString()} (net returns before passing sales)`,
      messageZh: `${field} 不能为负数，实际为 ${amount.toString()}（退货请先冲抵）`,
      details: { value: amount.toString() },
    })
  }
  return amount
}

/** @internal */
export function readCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidRecord(field, 'must be a whole number ≥ 0', '必须是不小于 0 的整数', value)
  }
  return value
}

/** @internal */
export function readTier(value: unknown, field: string): CustomerTier {
  if (!isCustomerTier(value)) throw invalidRecord(field, 'must be one of strategic, key, general, reserve', '必须是 strategic、key、general、reserve 之一', value)
  return value
}

/** @internal a completeness score or bar in [0, 1]. */
export function readUnitInterval(value: unknown, field: string): Decimal {
  const decimal = toDecimal(value as DecimalInput, field)
  if (decimal.isNegative() && !decimal.isZero()) throw scoreOutOfRange(field, value)
  if (decimal.greaterThan(1)) throw scoreOutOfRange(field, value)
  return decimal
}

/** @internal */
export function readOptionalInstant(value: unknown, field: string): bigint | undefined {
  return value === undefined ? undefined : readInstant(value, field)
}

/** @internal a validated customer. */
export interface ValidCustomer {
  readonly id: string
  readonly tier: CustomerTier
  readonly since: bigint
  readonly churnedAt: bigint | undefined
}

/** @internal reads the customer list; ids must be unique and churnedAt ≥ since. */
export function readCustomers(value: unknown, field = 'customers'): Map<string, ValidCustomer> {
  const customers = new Map<string, ValidCustomer>()
  readList(value, field).forEach((record, index) => {
    const at = `${field}[${index}]`
    const id = readId(record['id'], `${at}.id`)
    if (customers.has(id)) {
      throw new KpiInputError({
        code: KpiErrorCode.DUPLICATE_CUSTOMER,
        field: `${at}.id`,
        messageEn: `${at}.id ${JSON.stringify(id)} appears twice in ${field}`,
        messageZh: `${at}.id ${JSON.stringify(id)} 在 ${field} 中重复出现`,
        details: { id },
      })
    }
    const since = readInstant(record['since'], `${at}.since`)
    const churnedAt = readOptionalInstant(record['churnedAt'], `${at}.churnedAt`)
    if (churnedAt !== undefined && churnedAt < since) throw inconsistentDates(`${at}.churnedAt`, 'is before since', '早于 since（成为客户的时间）')
    customers.set(id, { id, tier: readTier(record['tier'], `${at}.tier`), since, churnedAt })
  })
  return customers
}

/** @internal looks a customer up, or throws naming the referring field. */
export function customerOf(customers: ReadonlyMap<string, ValidCustomer>, id: string, field: string): ValidCustomer {
  const customer = customers.get(id)
  if (customer === undefined) {
    throw new KpiInputError({
      code: KpiErrorCode.UNKNOWN_CUSTOMER,
      field,
      messageEn: `${field} ${JSON.stringify(id)} is not in customers`,
      messageZh: `${field} ${JSON.stringify(id)} 不在客户列表 customers 中`,
      details: { id },
    })
  }
  return customer
}

/** @internal the tiers that count as big (R-TIE-5), validated. */
export function bigTiers(policy: BigCustomerPolicy): readonly CustomerTier[] {
  return readBigCustomerTiers(policy, 'policy')
}

/**
 * @internal Whether a plan/budget line of `planField` counts for `period`: inside → yes,
 * disjoint → no, covering more than the period → error (it cannot be attributed).
 */
export function planCounts(planPeriod: unknown, planField: string, period: PeriodRange): boolean {
  const plan = periodRange(planPeriod, planField)
  if (plan.endNanos <= period.startNanos || plan.startNanos >= period.endNanos) return false
  if (plan.startNanos >= period.startNanos && plan.endNanos <= period.endNanos) return true
  throw new KpiInputError({
    code: KpiErrorCode.PLAN_PERIOD_STRADDLES,
    field: planField,
    messageEn: `${planField} ${plan.period.label} covers more than the period ${period.period.label}; give plan lines per ${period.period.kind} or shorter`,
    messageZh: `${planField} ${plan.period.label} 的期间长于考核期间 ${period.period.label}，无法归属；请按考核期间或更短期间提供计划`,
    details: { plan: plan.period.label, period: period.period.label },
  })
}

/** @internal */
export function inPeriod(at: bigint, period: PeriodRange): boolean {
  return at >= period.startNanos && at < period.endNanos
}

/** @internal */
export function inconsistentDates(field: string, en: string, zh: string): KpiInputError {
  return new KpiInputError({
    code: KpiErrorCode.INCONSISTENT_DATES,
    field,
    messageEn: `${field} ${en}`,
    messageZh: `${field} ${zh}`,
  })
}

/** @internal */
export function invalidRecord(field: string, en: string, zh: string, value: unknown): KpiInputError {
  return inputError(KpiInputError, { code: KpiErrorCode.INVALID_RECORD, field, expectedEn: en, expectedZh: zh, value })
}

/** The `fail` of the shared input readers: a `KPI.INVALID_RECORD` error. */
function failRecord(problem: InputProblem): KpiInputError {
  return inputError(KpiInputError, { code: KpiErrorCode.INVALID_RECORD, ...problem })
}

function scoreOutOfRange(field: string, value: unknown): KpiInputError {
  return inputError(KpiInputError, { code: KpiErrorCode.SCORE_OUT_OF_RANGE, field, expectedEn: 'must be between 0 and 1', expectedZh: '必须在 0 到 1 之间', value })
}
