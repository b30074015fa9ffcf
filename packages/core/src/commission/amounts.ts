/**
 * Commission amounts without the trace (提成金额，批量计算): the same figures as
 * {@link fixedProjectCommission}, {@link riskProjectCommission} and
 * {@link strategicProjectCommission}, for statements over many projects.
 *
 * Inputs written as plain text (`'123456.78'`, `'0.22'`) are read straight into whole numbers
 * and every amount is computed in integer arithmetic, exact, rounded once to the fen as the
 * policy says — an order of magnitude faster than the traced functions. Anything else (other
 * input types, a value the traced function refuses, an unusual form) is handed to the traced
 * function, so a refusal is always the traced function's own error, field and rule ID included.
 * Agreement with the traced functions, figure for figure, is property-tested.
 * @module
 */
import { allocate } from '../money/allocate.js'
import { Decimal } from '../money/decimal.js'
import { Money, type MoneyInput, sumMoney } from '../money/money.js'
import { parsePlainAmountToFen } from '../money/parse.js'
import type { RoundingMode } from '../money/round.js'
import { fixedProjectCommission, type FixedProjectCommissionInput } from './fixedProjectCommission.js'
import { constantDecimal, type Person, type ShareInput } from './inputs.js'
import { compareMargin, fullStepsAbove, powerOfTen, profitMargin } from './margin.js'
import type { CommissionPolicy, RateRange } from './policy.js'
import { defaultCommissionPolicy } from './policy.js'
import { riskProjectCommission, type RiskProjectCommissionInput } from './riskProjectCommission.js'
import { type CommissionPart, splitCommission } from './splitCommission.js'
import { strategicProjectCommission } from './strategicProjectCommission.js'
import type { StrategicCommissionLine, StrategicProjectCommissionInput, StrategicProjectCommissionResult } from './strategicTypes.js'

/** Amounts of a fixed project (R-COM-1): as {@link FixedProjectCommissionResult} without unrounded value and trace. */
export interface FixedProjectAmounts {
  readonly turnover: Money
  readonly rate: Decimal
  readonly amount: Money
}

/** Amounts of a risk project (R-COM-5): as {@link RiskProjectCommissionResult} without unrounded value and trace. */
export interface RiskProjectAmounts {
  readonly outcome: 'due' | 'noProfit'
  readonly profit: Money
  readonly rate: Decimal
  readonly amount: Money
}

/** A line of a strategic project without its unrounded value. */
export type StrategicAmountLine = Omit<StrategicCommissionLine, 'unrounded'>

/** Amounts of a strategic project (R-COM-2/3/4): the lines and outcome of {@link strategicProjectCommission}, without the trace. */
export interface StrategicProjectAmounts {
  readonly qualified: boolean
  /** Why the project does not qualify, or null when it does (R-COM-3). */
  readonly reason: 'marginBelowGate' | 'revenueZero' | null
  readonly revenue: Money
  readonly profit: Money
  readonly gate: Decimal
  /** profit ÷ revenue when the project does not qualify (null for zero revenue); null when it qualifies. */
  readonly marginBelowGate: Decimal | null
  /** The lines paid, in the order of {@link strategicProjectCommission}. */
  readonly lines: readonly StrategicAmountLine[]
  /** Who shares the over-profit bonus and their ratios; empty without a bonus (R-COM-4, R-COM-7). */
  readonly bonusRecipients: readonly CommissionPart[]
  readonly total: Money
}

/**
 * The commission of a fixed project (R-COM-1, R-COM-6) without its trace.
 * @throws the errors of {@link fixedProjectCommission}
 * @example fixedProjectCommissionAmounts({ turnover: '123456.78', rate: '0.08' }).amount.toString() //=> '9876.54'
 */
export function fixedProjectCommissionAmounts(input: FixedProjectCommissionInput, policy: CommissionPolicy = defaultCommissionPolicy): FixedProjectAmounts {
  const turnover = plainMoney(input.turnover)
  const rate = plainRate(input.rate)
  if (turnover === undefined || turnover.fen < 0n || rate === undefined || !inRange(rate, policy.fixedRateRange)) return fixedProjectCommission(input, policy)
  return { turnover, rate: rate.decimal, amount: Money.fromFen(product(turnover.fen, rate, policy.rounding)) } // R-COM-1
}

/**
 * The commission of a risk project (R-COM-5) without its trace.
 * @throws the errors of {@link riskProjectCommission}
 * @example riskProjectCommissionAmounts({ profit: '12345.67' }).amount.toString() //=> '1234.57'
 */
export function riskProjectCommissionAmounts(input: RiskProjectCommissionInput, policy: CommissionPolicy = defaultCommissionPolicy): RiskProjectAmounts {
  const profit = plainMoney(input.profit)
  if (profit === undefined) return riskProjectCommission(input, policy)
  const rate = constantScaled(policy.riskRate)
  const due = profit.fen > 0n // R-COM-5: no profit, no commission
  return { outcome: due ? 'due' : 'noProfit', profit, rate: rate.decimal, amount: due ? Money.fromFen(product(profit.fen, rate, policy.rounding)) : Money.ZERO }
}

/** A commission split among people (R-COM-7): as {@link SplitCommissionResult} without the trace. */
export interface SplitAmounts {
  readonly total: Money
  readonly parts: readonly CommissionPart[]
}

/**
 * Splits a commission by ratios (R-COM-7) without the trace: the parts of {@link splitCommission},
 * summing exactly to the whole.
 * @throws the errors of {@link splitCommission}
 * @example splitCommissionAmounts('100.00', [{ person: '张三', ratio: '60' }, { person: '李四', ratio: '40' }]).parts.map((part) => part.amount.toString()) //=> ['60.00', '40.00']
 */
export function splitCommissionAmounts(amount: MoneyInput, shares: readonly ShareInput[], policy: CommissionPolicy = defaultCommissionPolicy): SplitAmounts {
  const total = plainMoney(amount)
  if (total === undefined || !Array.isArray(shares) || shares.length === 0) return splitCommission(amount, shares, policy)
  const people = new Set<Person>()
  const valid: { person: Person; ratio: Decimal }[] = []
  let positive = false
  for (const share of shares) {
    const person = personOf((share as { person?: unknown } | null)?.person)
    const ratio = plainRate((share as { ratio?: unknown } | null)?.ratio)
    if (person === undefined || ratio === undefined || people.has(person)) return splitCommission(amount, shares, policy)
    people.add(person)
    if (ratio.numerator > 0n) positive = true
    valid.push({ person, ratio: ratio.decimal })
  }
  if (!positive) return splitCommission(amount, shares, policy)
  const amounts = allocate(
    total,
    valid.map((share) => share.ratio),
  ) // R-COM-7: largest remainder, sums exactly
  return { total, parts: valid.map((share, index) => ({ person: share.person, ratio: share.ratio, amount: amounts[index] ?? Money.ZERO })) }
}

/**
 * The commissions of a strategic project (R-COM-2, R-COM-3, R-COM-4, R-COM-6, R-COM-7) without
 * the trace.
 * @throws the errors of {@link strategicProjectCommission}
 * @example
 * strategicProjectCommissionAmounts({ revenue: '1000000', profit: '450000', lead: { person: '张三', rate: '0.2' } })
 *   .lines.map((line) => `${line.role} ${line.amount.toString()}`) //=> ['lead 90000.00', 'overProfitBonus 10000.00']
 */
export function strategicProjectCommissionAmounts(
  input: StrategicProjectCommissionInput,
  policy: CommissionPolicy = defaultCommissionPolicy,
): StrategicProjectAmounts {
  return strategicFast(input, policy) ?? fromTraced(strategicProjectCommission(input, policy))
}

function fromTraced(result: StrategicProjectCommissionResult): StrategicProjectAmounts {
  return {
    qualified: result.qualified,
    reason: result.qualified ? null : result.reason,
    revenue: result.revenue,
    profit: result.profit,
    gate: result.gate,
    marginBelowGate: result.qualified ? null : result.margin,
    lines: result.lines.map(({ unrounded: _unrounded, ...line }) => line),
    bonusRecipients: result.qualified ? result.overProfitBonus.recipients : [],
    total: result.total,
  }
}

/** The amounts in integers, or undefined when anything needs the traced function (an error, an unusual input). */
function strategicFast(input: StrategicProjectCommissionInput, policy: CommissionPolicy): StrategicProjectAmounts | undefined {
  if (typeof input !== 'object' || input === null) return undefined
  const revenue = plainMoney(input.revenue)
  const profit = plainMoney(input.profit)
  if (revenue === undefined || profit === undefined || revenue.fen < 0n || profit.fen > revenue.fen) return undefined
  const seen = new Set<Person>()
  const lead = member(input.lead, policy.leadRateRange, seen)
  if (lead === undefined) return undefined
  const assistants: Member[] = []
  if (input.assistants !== undefined) {
    if (!Array.isArray(input.assistants)) return undefined
    for (const item of input.assistants) {
      const assistant = member(item, policy.assistantRateRange, seen)
      if (assistant === undefined) return undefined
      assistants.push(assistant)
    }
  }
  let medical: Member | undefined
  if (input.medicalStrategy !== undefined) {
    const person = personOf((input.medicalStrategy as { person?: unknown } | null)?.person)
    if (person === undefined) return undefined
    medical = { person, rate: constantScaled(policy.medicalStrategyRate) }
  }
  const execution: StrategicAmountLine[] = []
  if (input.execution !== undefined) {
    if (!Array.isArray(input.execution)) return undefined
    for (const item of input.execution) {
      const line = executionLine(item, policy)
      if (line === undefined) return undefined
      execution.push(line)
    }
  }
  let shares: { person: Person; ratio: Scaled }[] | undefined
  if (input.bonusShares !== undefined) {
    if (!Array.isArray(input.bonusShares) || input.bonusShares.length === 0) return undefined
    const sharePeople = new Set<Person>()
    shares = []
    let positive = false
    for (const item of input.bonusShares) {
      const record = item as { person?: unknown; ratio?: unknown } | null
      const person = personOf(record?.person)
      const ratio = plainRate(record?.ratio)
      if (person === undefined || ratio === undefined || sharePeople.has(person)) return undefined
      sharePeople.add(person)
      if (ratio.numerator > 0n) positive = true
      shares.push({ person, ratio })
    }
    if (!positive) return undefined
  }

  const gate = constantScaled(policy.marginGate)
  // R-COM-3: margin ≥ gate, compared exactly as the traced function does.
  const reason = revenue.fen === 0n ? 'revenueZero' : compareMargin({ revenue, profit }, gate.decimal) < 0 ? 'marginBelowGate' : null
  if (reason !== null) {
    const lines = policy.executionBonusRequiresMarginGate ? [] : execution
    const margin = profitMargin({ revenue, profit })
    return { qualified: false, reason, revenue, profit, gate: gate.decimal, marginBelowGate: margin, lines, bonusRecipients: [], total: sum(lines) }
  }
  // R-COM-2: the roles on profit, then execution.
  const lines: StrategicAmountLine[] = [profitLine(lead, 'lead', profit, policy.rounding)]
  for (const assistant of assistants) lines.push(profitLine(assistant, 'assistant', profit, policy.rounding))
  if (medical !== undefined) lines.push(profitLine(medical, 'medicalStrategy', profit, policy.rounding))
  for (const line of execution) lines.push(line)
  // R-COM-4: the over-profit bonus, to the lead or split by the shares (R-COM-7).
  const bonus = Money.fromFen(bonusFen({ revenue, profit }, policy))
  let bonusRecipients: CommissionPart[] = []
  if (bonus.fen > 0n) {
    if (shares === undefined) {
      bonusRecipients = [{ person: lead.person, ratio: ONE, amount: bonus }]
      lines.push(amountLine(lead.person, 'overProfitBonus', bonus.yuan, ONE, bonus))
    } else {
      const ratios = shares.map((share) => share.ratio.decimal)
      const amounts = allocate(bonus, ratios)
      const ratioSum = ratios.reduce((total, ratio) => total.plus(ratio), new Decimal(0))
      bonusRecipients = shares.map((share, index) => ({ person: share.person, ratio: share.ratio.decimal, amount: amounts[index] ?? Money.ZERO }))
      for (const part of bonusRecipients) {
        const rate = shares.length === 1 ? ONE : part.ratio.dividedBy(ratioSum)
        lines.push(amountLine(part.person, 'overProfitBonus', bonus.yuan, rate, part.amount))
      }
    }
  }
  const total = sum(lines)
  return { qualified: true, reason: null, revenue, profit, gate: gate.decimal, marginBelowGate: null, lines, bonusRecipients, total }
}

const ONE = new Decimal(1)

/** A non-negative decimal written as plain text, as a whole-number fraction. */
interface Scaled {
  /** The value × 10^places. */
  readonly numerator: bigint
  /** 10^places. */
  readonly scale: bigint
  readonly places: number
  /** The same value as a Decimal, for results. */
  readonly decimal: Decimal
}

interface Member {
  readonly person: Person
  readonly rate: Scaled
}

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/u
// Rates repeat across a statement (every lead at 0.22): each text is read once.
const SCALED = new Map<string, Scaled>()

/** A rate written as plain non-negative decimal text, or undefined for anything else. */
function plainRate(value: unknown): Scaled | undefined {
  if (typeof value !== 'string') return undefined
  const known = SCALED.get(value)
  if (known !== undefined) return known
  const match = PLAIN_DECIMAL.exec(value)
  if (match === null) return undefined
  const fraction = (match[2] ?? '').replace(/0+$/u, '')
  const scaled: Scaled = {
    numerator: BigInt(`${match[1] ?? '0'}${fraction}`),
    scale: powerOfTen(fraction.length),
    places: fraction.length,
    decimal: constantDecimal(value),
  }
  if (SCALED.size >= 1024) SCALED.clear()
  SCALED.set(value, scaled)
  return scaled
}

/** A policy figure (validated plain decimal text) as a fraction. */
function constantScaled(text: string): Scaled {
  const scaled = plainRate(text)
  if (scaled === undefined) throw new Error(`policy figure ${JSON.stringify(text)} is not plain decimal text`)
  return scaled
}

/** Money written as plain yuan text or given as Money, or undefined for anything else. */
function plainMoney(value: MoneyInput | undefined): Money | undefined {
  if (value instanceof Money) return value
  if (typeof value !== 'string') return undefined
  const fen = parsePlainAmountToFen(value)
  return fen === undefined ? undefined : Money.fromFen(fen)
}

/** A person named by non-blank text, trimmed as the traced functions do. */
function personOf(value: unknown): Person | undefined {
  if (typeof value !== 'string') return undefined
  const person = value.trim()
  return person === '' ? undefined : person
}

/** R-COM-6: min ≤ rate ≤ max, compared exactly. */
function inRange(rate: Scaled, range: RateRange): boolean {
  const min = constantScaled(range.min)
  const max = constantScaled(range.max)
  return rate.numerator * min.scale >= min.numerator * rate.scale && rate.numerator * max.scale <= max.numerator * rate.scale
}

function member(value: unknown, range: RateRange, seen: Set<Person>): Member | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as { person?: unknown; rate?: unknown }
  const person = personOf(record.person)
  const rate = plainRate(record.rate)
  if (person === undefined || rate === undefined || seen.has(person) || !inRange(rate, range)) return undefined
  seen.add(person)
  return { person, rate }
}

function executionLine(value: unknown, policy: CommissionPolicy): StrategicAmountLine | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as { person?: unknown; hours?: unknown; hourlyWage?: unknown; multiplier?: unknown }
  const person = personOf(record.person)
  const hours = plainRate(record.hours)
  const wage = plainMoney(record.hourlyWage as MoneyInput | undefined)
  const multiplier = plainRate(record.multiplier)
  if (person === undefined || hours === undefined || wage === undefined || wage.fen < 0n || multiplier === undefined) return undefined
  if (!inRange(multiplier, policy.executionMultiplierRange)) return undefined
  // hours × hourlyWage × multiplier: in fen, hours.numerator × wage.fen × multiplier.numerator / 10^(places).
  const baseFen = hours.numerator * wage.fen
  const amount = Money.fromFen(roundQuotient(baseFen * multiplier.numerator, hours.scale * multiplier.scale, policy.rounding))
  return amountLine(person, 'execution', new Decimal(`${baseFen.toString()}e-${hours.places + 2}`), multiplier.decimal, amount)
}

function profitLine(member: Member, role: 'lead' | 'assistant' | 'medicalStrategy', profit: Money, rounding: RoundingMode): StrategicAmountLine {
  return amountLine(member.person, role, profit.yuan, member.rate.decimal, Money.fromFen(product(profit.fen, member.rate, rounding)))
}

function amountLine(person: Person, role: StrategicAmountLine['role'], base: Decimal, rate: Decimal, amount: Money): StrategicAmountLine {
  return { person, role, ruleId: role === 'overProfitBonus' ? 'R-COM-4' : 'R-COM-2', base, rate, amount }
}

/** fen × rate rounded once to the fen. */
function product(fen: bigint, rate: Scaled, rounding: RoundingMode): bigint {
  return roundQuotient(fen * rate.numerator, rate.scale, rounding)
}

/**
 * The over-profit bonus in fen (R-COM-4): stepwise `share × steps × step × revenue`, with steps
 * the largest k where `profit ≥ (threshold + k × step) × revenue`; continuous
 * `share × (profit − threshold × revenue)`; zero unless the margin is above the threshold.
 */
function bonusFen(figures: { readonly revenue: Money; readonly profit: Money }, policy: CommissionPolicy): bigint {
  const bonus = policy.overProfitBonus
  const threshold = constantScaled(bonus.threshold)
  const share = constantScaled(bonus.share)
  // The threshold and step boundaries are margin.ts's, the same the traced functions decide by.
  if (figures.revenue.isZero() || compareMargin(figures, threshold.decimal) <= 0) return 0n
  const revenue = figures.revenue.fen
  if (bonus.mode === 'continuous') {
    const above = figures.profit.fen * threshold.scale - threshold.numerator * revenue
    return roundQuotient(share.numerator * above, share.scale * threshold.scale, policy.rounding)
  }
  const step = constantScaled(bonus.step)
  const k = BigInt(fullStepsAbove(figures, threshold.decimal, step.decimal))
  return roundQuotient(share.numerator * k * step.numerator * revenue, share.scale * step.scale, policy.rounding)
}

/** numerator ÷ denominator (denominator > 0) rounded to a whole number by the policy's mode. */
function roundQuotient(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n
  const magnitude = negative ? -numerator : numerator
  let quotient = magnitude / denominator
  const twice = (magnitude % denominator) * 2n
  if (twice !== 0n) {
    const up =
      mode === 'up' || (mode === 'halfUp' && twice >= denominator) || (mode === 'halfEven' && (twice > denominator || (twice === denominator && quotient % 2n === 1n)))
    if (up) quotient += 1n
  }
  return negative ? -quotient : quotient
}

function sum(lines: readonly StrategicAmountLine[]): Money {
  return sumMoney(lines.map((line) => line.amount))
}
