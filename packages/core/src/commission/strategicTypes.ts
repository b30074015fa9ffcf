import type { Decimal, DecimalInput } from '../money/decimal.js'
import type { Money, MoneyInput } from '../money/money.js'
import type { Person, ShareInput } from './inputs.js'
import type { OverProfitBonusMode } from './policy.js'
import type { CommissionPart } from './splitCommission.js'
import type { CommissionTrace } from './trace.js'

/** A person paid a rate of the profit (按利润提成的人员). */
export interface ProfitShareInput {
  readonly person: Person
  readonly rate: DecimalInput
}

/** An execution staff member (执行人员): hours worked, hourly wage and the intensity multiplier. */
export interface ExecutionInput {
  readonly person: Person
  /** Hours worked (工时), ≥ 0, may be fractional (`'7.5'`). */
  readonly hours: DecimalInput
  /** Hourly wage (小时工资), ≥ 0. */
  readonly hourlyWage: MoneyInput
  /** Multiple of the hourly wage by work intensity (工作强度倍数), within `policy.executionMultiplierRange` (default [2, 3]). */
  readonly multiplier: DecimalInput
}

/** Input of {@link strategicProjectCommission}. */
export interface StrategicProjectCommissionInput {
  /** Project revenue (项目收入), ≥ 0. */
  readonly revenue: MoneyInput
  /** Project profit (项目利润), ≤ revenue; may be negative. */
  readonly profit: MoneyInput
  /** The lead customer staff (客户人员), rate within `policy.leadRateRange` (default [0.2, 0.25]). */
  readonly lead: ProfitShareInput
  /** Assisting customer staff (辅助性客户人员), each rate within `policy.assistantRateRange` (default [0.01, 0.05]). */
  readonly assistants?: readonly ProfitShareInput[]
  /** The medical-strategy role (医学策略), paid `policy.medicalStrategyRate` (default 5%). */
  readonly medicalStrategy?: { readonly person: Person }
  /** Execution staff (执行人员), paid hours × hourly wage × multiplier. */
  readonly execution?: readonly ExecutionInput[]
  /**
   * Who receives the over-profit bonus (超额利润奖励分配) and by which ratios; split exactly with
   * `allocate` (R-COM-7). Default: the whole bonus to the lead.
   */
  readonly bonusShares?: readonly ShareInput[]
}

/** The role a strategic commission line is paid for (角色). */
export type StrategicRole = 'lead' | 'assistant' | 'medicalStrategy' | 'execution' | 'overProfitBonus'

/** One person's amount for one role (提成明细). */
export interface StrategicCommissionLine {
  readonly person: Person
  readonly role: StrategicRole
  /** `R-COM-2` for the roles, `R-COM-4` for the over-profit bonus. */
  readonly ruleId: 'R-COM-2' | 'R-COM-4'
  /**
   * What the rate applies to, in yuan: the profit (lead, assistant, medical strategy),
   * hours × hourly wage (execution), or the rounded bonus (over-profit bonus).
   */
  readonly base: Decimal
  /** The rate, the multiplier (execution), or the person's fraction of the bonus. */
  readonly rate: Decimal
  /** base × rate, exact. */
  readonly unrounded: Decimal
  /** The amount, rounded once to the fen (a bonus part comes from an exact allocation). */
  readonly amount: Money
}

/** A person's total over all their lines (个人合计). */
export interface PersonTotal {
  readonly person: Person
  readonly amount: Money
}

/** The over-profit bonus of a qualified strategic project (R-COM-4). */
export interface StrategicOverProfitBonus {
  readonly mode: OverProfitBonusMode
  /** Full steps above the threshold. */
  readonly steps: number
  readonly unrounded: Decimal
  /** The bonus rounded once to the fen, before it is split. */
  readonly amount: Money
  /** Who receives it; parts sum exactly to `amount`. Empty when the bonus is zero. */
  readonly recipients: readonly CommissionPart[]
}

/** Fields shared by both outcomes. */
interface StrategicResultBase {
  readonly revenue: Money
  readonly profit: Money
  /** The margin gate applied (利润率门槛). */
  readonly gate: Decimal
  /** The lines paid, per person and role. */
  readonly lines: readonly StrategicCommissionLine[]
  /** Totals per person, in order of first appearance. */
  readonly perPerson: readonly PersonTotal[]
  /** Sum of all lines. */
  readonly total: Money
  /** How every figure came about (R-COM-8). */
  readonly trace: CommissionTrace
}

/** The project meets the margin gate: commissions are due (符合提成条件). */
export interface StrategicQualified extends StrategicResultBase {
  readonly qualified: true
  /** profit ÷ revenue. */
  readonly margin: Decimal
  readonly overProfitBonus: StrategicOverProfitBonus
}

/**
 * The project does not qualify (不符合提成条件): `marginBelowGate` (margin < gate) or
 * `revenueZero` (no margin can be computed). `lines` holds the execution bonuses only when
 * `policy.executionBonusRequiresMarginGate` is false; otherwise it is empty and `total` is 0.
 */
export interface StrategicNotQualified extends StrategicResultBase {
  readonly qualified: false
  readonly reason: 'marginBelowGate' | 'revenueZero'
  /** profit ÷ revenue, or null when revenue is zero. */
  readonly margin: Decimal | null
}

/** Result of {@link strategicProjectCommission}. */
export type StrategicProjectCommissionResult = StrategicQualified | StrategicNotQualified

/** @internal A validated profit-share member. */
export interface ValidRate {
  readonly person: Person
  readonly rate: Decimal
}
/** @internal A validated execution member. */
export interface ValidExecution {
  readonly person: Person
  readonly hours: Decimal
  readonly hourlyWage: Money
  readonly multiplier: Decimal
}

