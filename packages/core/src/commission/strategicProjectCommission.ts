import { Decimal, type DecimalInput } from '../money/decimal.js'
import { type MoneyInput, sumMoney } from '../money/money.js'
import { roundToFen } from '../money/round.js'
import {
  constantDecimal,
  type Person,
  readHours,
  readList,
  readNonNegativeMoney,
  readPerson,
  readRateInRange,
  readRecord,
  readShares,
  refuseDuplicate,
} from './inputs.js'
import { compareMargin, marginText, profitMargin, readProjectFigures } from './margin.js'
import { defineLazy, memo } from './lazy.js'
import { computeOverProfitBonus } from './overProfitBonus.js'
import { type CommissionPolicy, defaultCommissionPolicy } from './policy.js'
import { allocateShares, type CommissionPart } from './splitCommission.js'
import { executionStep, gateStep, profitStep, ratesStep, withRecipient } from './strategicTrace.js'
import type {
  StrategicCommissionLine,
  StrategicNotQualified,
  StrategicOverProfitBonus,
  StrategicProjectCommissionInput,
  StrategicProjectCommissionResult,
  StrategicQualified,
  ValidExecution,
  ValidRate,
} from './strategicTypes.js'
import { type LazyStep, withTrace } from './trace.js'

export type {
  ExecutionInput,
  PersonTotal,
  ProfitShareInput,
  StrategicCommissionLine,
  StrategicNotQualified,
  StrategicOverProfitBonus,
  StrategicProjectCommissionInput,
  StrategicProjectCommissionResult,
  StrategicQualified,
  StrategicRole,
} from './strategicTypes.js'

/**
 * Commissions of a strategic project (策略性项目提成: a customer need turned into a project),
 * R-COM-2/3/4.
 *
 * - R-COM-3: the project qualifies only when `profit ≥ gate × revenue` (margin ≥ 30% by default,
 *   compared exactly). Otherwise the result is `{ qualified: false, reason, margin, gate }`.
 * - R-COM-2: lead `profit × lead.rate`, each assistant `profit × rate`, medical strategy
 *   `profit × medicalStrategyRate`, each execution staff `hours × hourlyWage × multiplier`. The
 *   execution bonus is withheld below the gate too (policy `executionBonusRequiresMarginGate`, default true).
 * - R-COM-4: the over-profit bonus ({@link overProfitBonus}) goes to the lead, or is split by
 *   `bonusShares` with `allocate` (R-COM-7).
 *
 * Every amount is rounded once, per line; totals are exact sums of the lines. All inputs are
 * validated — rates out of range are refused (R-COM-6) — whether or not the project qualifies.
 *
 * @throws {@link CommissionInputError} `COMMISSION.RATE_OUT_OF_RANGE` (e.g. field `assistants[1].rate`),
 *   `COMMISSION.NEGATIVE_AMOUNT`, `COMMISSION.INVALID_HOURS`, `COMMISSION.PROFIT_EXCEEDS_REVENUE`,
 *   `COMMISSION.INVALID_PERSON`, `COMMISSION.DUPLICATE_PERSON`, `COMMISSION.INVALID_SHARES`
 *
 * @example
 * const result = strategicProjectCommission({
 *   revenue: '1000000', profit: '450000',
 *   lead: { person: '张三', rate: '0.2' },
 *   assistants: [{ person: '李四', rate: '0.05' }],
 * })
 * result.qualified //=> true
 * result.lines.map((line) => `${line.person} ${line.role} ${line.amount.toString()}`)
 * //=> ['张三 lead 90000.00', '李四 assistant 22500.00', '张三 overProfitBonus 10000.00']
 * result.total.toString() //=> '122500.00'
 * strategicProjectCommission({ revenue: '100', profit: '29.99', lead: { person: '张三', rate: '0.2' } })
 * //=> { qualified: false, reason: 'marginBelowGate', margin: 0.2999, gate: 0.3, total: 0.00, … }
 */
export function strategicProjectCommission(
  input: StrategicProjectCommissionInput,
  policy: CommissionPolicy = defaultCommissionPolicy,
): StrategicProjectCommissionResult {
  // Validate everything first, whatever the outcome.
  const figures = readProjectFigures(input)
  const { revenue, profit } = figures
  const seen = new Map<Person, string>()
  const leadRecord = readRecord(input.lead, 'lead')
  const lead: ValidRate = {
    person: readPerson(leadRecord['person'], 'lead.person'),
    rate: readRateInRange(leadRecord['rate'] as DecimalInput, 'lead.rate', policy.leadRateRange), // R-COM-6
  }
  refuseDuplicate(seen, lead.person, 'lead.person')
  const assistants: ValidRate[] = readList(input.assistants ?? [], 'assistants').map((item, index) => {
    const record = readRecord(item, `assistants[${index}]`)
    const person = readPerson(record['person'], `assistants[${index}].person`)
    refuseDuplicate(seen, person, `assistants[${index}].person`)
    const rate = readRateInRange(record['rate'] as DecimalInput, `assistants[${index}].rate`, policy.assistantRateRange) // R-COM-6
    return { person, rate }
  })
  const medical: ValidRate | undefined =
    input.medicalStrategy === undefined
      ? undefined
      : {
          person: readPerson(readRecord(input.medicalStrategy, 'medicalStrategy')['person'], 'medicalStrategy.person'),
          rate: constantDecimal(policy.medicalStrategyRate),
        }
  const execution: ValidExecution[] = readList(input.execution ?? [], 'execution').map((item, index) => {
    const field = `execution[${index}]`
    const record = readRecord(item, field)
    return {
      person: readPerson(record['person'], `${field}.person`),
      hours: readHours(record['hours'] as DecimalInput, `${field}.hours`),
      hourlyWage: readNonNegativeMoney(record['hourlyWage'] as MoneyInput, `${field}.hourlyWage`),
      multiplier: readRateInRange(record['multiplier'] as DecimalInput, `${field}.multiplier`, policy.executionMultiplierRange, '工时倍数', 'multiplier'), // R-COM-6
    }
  })
  const bonusShares = input.bonusShares === undefined ? undefined : readShares(input.bonusShares, 'bonusShares')

  const gate = constantDecimal(policy.marginGate)
  const margin = memo(() => profitMargin(figures))
  const steps: LazyStep[] = [() => ratesStep(policy, lead, assistants, medical, execution)]

  // R-COM-3: margin ≥ gate, compared exactly as profit ≥ gate × revenue.
  const reason = revenue.isZero() ? 'revenueZero' : compareMargin(figures, gate) < 0 ? 'marginBelowGate' : undefined
  steps.push(() => gateStep(figures.revenue, profit, margin(), gate, reason, policy))

  const executionLines = execution.map((member) => executionLine(member, policy))
  const executionSteps = executionLines.map((line) => () => executionStep(line))

  if (reason !== undefined) {
    const lines = policy.executionBonusRequiresMarginGate ? [] : executionLines
    if (!policy.executionBonusRequiresMarginGate) steps.push(...executionSteps)
    return finish({ qualified: false, reason, revenue, profit, gate }, margin, lines, steps, policy, null)
  }

  // R-COM-2: the roles.
  const profitLines: StrategicCommissionLine[] = [
    profitLine(lead, 'lead', profit.yuan, policy),
    ...assistants.map((assistant) => profitLine(assistant, 'assistant', profit.yuan, policy)),
    ...(medical === undefined ? [] : [profitLine(medical, 'medicalStrategy', profit.yuan, policy)]),
  ]
  steps.push(...profitLines.map((line) => () => profitStep(line)), ...executionSteps)

  // R-COM-4: the over-profit bonus, to the lead or split by bonusShares (R-COM-7).
  const bonus = computeOverProfitBonus(figures, policy, margin)
  const shares = bonusShares ?? [{ person: lead.person, ratio: ONE }]
  let recipients: CommissionPart[] = []
  let bonusLines: StrategicCommissionLine[] = []
  if (bonus.amount.isPositive()) {
    const allocation = allocateShares(bonus.amount, shares, { zh: '超额利润奖励', en: 'over-profit bonus' })
    recipients = allocation.parts
    const ratioSum = shares.length === 1 ? undefined : shares.reduce((sum, share) => sum.plus(share.ratio), new Decimal(0))
    bonusLines = recipients.map((part) => ({
      person: part.person,
      role: 'overProfitBonus',
      ruleId: 'R-COM-4',
      base: bonus.amount.yuan,
      // A single recipient takes the whole bonus: its share is exactly 1.
      rate: ratioSum === undefined ? ONE : part.ratio.dividedBy(ratioSum),
      unrounded: ratioSum === undefined ? bonus.amount.yuan : bonus.amount.yuan.times(part.ratio).dividedBy(ratioSum),
      amount: part.amount,
    }))
    const leadPerson = bonusShares === undefined ? lead.person : undefined
    steps.push(() => withRecipient(bonus.step(), leadPerson))
    if (bonusShares !== undefined) steps.push(...allocation.steps)
  } else {
    steps.push(bonus.step)
  }
  const overProfit: StrategicOverProfitBonus = Object.freeze({
    mode: bonus.mode,
    steps: bonus.steps,
    unrounded: bonus.unrounded,
    amount: bonus.amount,
    recipients: Object.freeze(recipients),
  })
  return finish(
    { qualified: true, revenue, profit, gate, overProfitBonus: overProfit },
    () => margin() ?? new Decimal(0),
    [...profitLines, ...executionLines, ...bonusLines],
    steps,
    policy,
    bonus.steps,
  )
}

const ONE = new Decimal(1)

type Head =
  | Omit<StrategicQualified, 'lines' | 'perPerson' | 'total' | 'trace' | 'margin'>
  | Omit<StrategicNotQualified, 'lines' | 'perPerson' | 'total' | 'trace' | 'margin'>

function finish(
  head: Head,
  margin: () => Decimal | null,
  lines: readonly StrategicCommissionLine[],
  steps: LazyStep[],
  policy: CommissionPolicy,
  bonusSteps: number | null,
): StrategicProjectCommissionResult {
  const total = sumMoney(lines.map((line) => line.amount))
  const people: Person[] = []
  for (const line of lines) if (!people.includes(line.person)) people.push(line.person)
  const perPerson = people.map((person) =>
    Object.freeze({ person, amount: sumMoney(lines.filter((line) => line.person === person).map((line) => line.amount)) }),
  )
  const result = defineLazy(
    {
      ...head,
      lines: Object.freeze(lines.map((line) => Object.freeze(line))),
      perPerson: Object.freeze(perPerson),
      total,
    },
    'margin',
    margin,
  )
  return withTrace(result, () => ({
    kind: 'strategicProject',
    steps: steps.map((step) => step()),
    margin: marginText(margin()),
    bonusSteps,
    rounding: policy.rounding,
    total: total.toString(),
  })) as StrategicProjectCommissionResult
}

function profitLine(member: ValidRate, role: 'lead' | 'assistant' | 'medicalStrategy', profit: Decimal, policy: CommissionPolicy): StrategicCommissionLine {
  const unrounded = profit.times(member.rate)
  return { person: member.person, role, ruleId: 'R-COM-2', base: profit, rate: member.rate, unrounded, amount: roundToFen(unrounded, policy.rounding) }
}

function executionLine(member: ValidExecution, policy: CommissionPolicy): StrategicCommissionLine {
  const base = member.hours.times(member.hourlyWage.yuan)
  const unrounded = base.times(member.multiplier)
  return {
    person: member.person,
    role: 'execution',
    ruleId: 'R-COM-2',
    base,
    rate: member.multiplier,
    unrounded,
    amount: roundToFen(unrounded, policy.rounding),
  }
}

