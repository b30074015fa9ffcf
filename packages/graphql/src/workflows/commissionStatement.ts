import {
  type CommissionPolicy,
  type CommissionTrace,
  defaultCommissionPolicy,
  fixedProjectCommission,
  KehuError,
  Money,
  startOfNextShanghaiDay,
  startOfShanghaiDay,
  type ProfitShareInput,
  riskProjectCommission,
  roundToFen,
  type ShareInput,
  splitCommission,
  strategicProjectCommission,
  type StrategicProjectCommissionInput,
  sumMoney,
} from '@kehu/core'

import type { Prisma } from '../generated/prisma/client.js'
import { InputRefusal } from '../refusals.js'

/**
 * Commission statements (提成结算单) computed from stored commission projects with core's
 * commission functions (R-COM-1..8). This module maps rows to core's inputs and core's results to
 * statement lines; every figure comes from core. It reads no database and no clock.
 */

/** The kinds of commission project (提成项目类型). */
export const COMMISSION_PROJECT_KINDS = ['fixed', 'strategic', 'risk'] as const
/** One of {@link COMMISSION_PROJECT_KINDS}. */
export type CommissionProjectKind = (typeof COMMISSION_PROJECT_KINDS)[number]

/** A member row of a commission project (项目人员). */
export interface CommissionMemberRow {
  readonly staffId: string
  /** `earner` (fixed, risk) or `lead` / `assistant` / `medicalStrategy` / `execution` (strategic, R-COM-2). */
  readonly role: string
  readonly rate: string | null
  readonly hours: string | null
  readonly hourlyWageFen: bigint | null
  readonly multiplier: string | null
  /** Ratio of a split (R-COM-7) or of the over-profit bonus (R-COM-4). */
  readonly share: string | null
}

/** A commission project row with its members and, for a fixed project, the payments of the period. */
export interface CommissionProjectInput {
  readonly id: string
  readonly kind: string
  readonly name: string
  readonly customerId: string | null
  readonly contractId: string | null
  readonly rate: string | null
  readonly revenueFen: bigint | null
  readonly profitFen: bigint | null
  readonly members: readonly CommissionMemberRow[]
  /** Fixed projects: the payments (回款) received on the contract in the statement's period; its turnover (流水). */
  readonly payments?: readonly { readonly amountFen: bigint }[]
}

/** What a statement line is paid for (明细类型). */
export type CommissionLineKind = 'fixed' | 'strategic' | 'overProfit' | 'risk'

/** One line of a statement, ready to store (提成明细). */
export interface CommissionLineDraft {
  readonly kind: CommissionLineKind
  readonly projectId: string
  readonly projectName: string
  /** The member role the line pays (`earner`, `lead`, `assistant`, `medicalStrategy`, `execution`, `overProfitBonus`). */
  readonly role: string
  readonly customerId: string | null
  readonly contractId: string | null
  /** What the rate applies to, rounded to the fen for the column; the traces hold the exact figure. */
  readonly base: Money
  /** The rate, multiplier or bonus fraction as decimal text; `null` when none applies (no commission due). */
  readonly rate: string | null
  readonly amount: Money
  /** How the amount came about (R-COM-8): the project's trace, then the split's when it was shared (R-COM-7). */
  readonly traces: readonly CommissionTrace[]
}

/** The lines of one person's statement and their total. */
export interface ComputedStatement {
  readonly lines: readonly CommissionLineDraft[]
  /** Exact sum of the lines (R-COM-7: nothing is rounded twice). */
  readonly total: Money
}

/**
 * Computes the lines of `staffId`'s statement from the projects they are a member of:
 *
 * - fixed (公司固定项目, R-COM-1): turnover = the payments received in the period on the project's
 *   contract; `fixedProjectCommission(turnover, rate)`; shared among several earners with
 *   `splitCommission` (R-COM-7). A project without payments in the period has no line.
 * - strategic (策略性项目, R-COM-2/3/4): `strategicProjectCommission` with the members' roles; one
 *   line per role the person is paid for, and one per over-profit bonus part. Below the margin
 *   gate (R-COM-3) the person gets a zero line whose trace says why.
 * - risk (风险性项目, R-COM-5): `riskProjectCommission(profit)`, shared like a fixed project; no
 *   profit gives a zero line whose trace says why.
 *
 * Rates outside their range are refused, never clamped (R-COM-6).
 *
 * @throws {@link InputRefusal} naming `projects[<id>].<field>` for a malformed project or an input core refuses
 */
export function computeCommissionStatement(staffId: string, projects: readonly CommissionProjectInput[], policy: CommissionPolicy = defaultCommissionPolicy): ComputedStatement {
  const lines: CommissionLineDraft[] = []
  for (const project of projects) {
    if (!project.members.some((member) => member.staffId === staffId)) continue
    lines.push(...withCoreErrors(project, () => projectLines(staffId, project, policy)))
  }
  return { lines, total: sumMoney(lines.map((line) => line.amount)) }
}

function projectLines(staffId: string, project: CommissionProjectInput, policy: CommissionPolicy): CommissionLineDraft[] {
  const common = { projectId: project.id, projectName: project.name, customerId: project.customerId, contractId: project.contractId }
  switch (project.kind) {
    case 'fixed': {
      if (project.contractId === null) throw malformed(project, 'contractId', '公司固定项目必须关联合同（其回款即流水）', 'a fixed project needs the contract whose payments are its turnover')
      const rate = required(project, 'rate', project.rate)
      const payments = project.payments ?? []
      if (payments.length === 0) return []
      const turnover = sumMoney(payments.map((payment) => Money.fromFen(payment.amountFen)))
      const result = fixedProjectCommission({ turnover, rate }, policy) // R-COM-1, R-COM-6
      const part = earnerPart(staffId, project, result.amount, policy)
      return [{ ...common, kind: 'fixed', role: 'earner', base: turnover, rate: result.rate.toString(), amount: part.amount, traces: [result.trace, ...part.traces] }]
    }
    case 'risk': {
      const profit = Money.fromFen(required(project, 'profitFen', project.profitFen))
      const result = riskProjectCommission({ profit }, policy) // R-COM-5
      const part = result.amount.isPositive() ? earnerPart(staffId, project, result.amount, policy) : { amount: result.amount, traces: [] }
      return [{ ...common, kind: 'risk', role: 'earner', base: profit, rate: result.rate.toString(), amount: part.amount, traces: [result.trace, ...part.traces] }]
    }
    case 'strategic': {
      const result = strategicProjectCommission(strategicInput(project), policy) // R-COM-2/3/4/6/7
      const own = result.lines.filter((line) => line.person === staffId)
      if (own.length === 0) {
        // R-COM-3: nothing is due to this member (below the gate); the trace says why.
        const role = project.members.find((member) => member.staffId === staffId)?.role ?? 'lead'
        return [{ ...common, kind: 'strategic', role, base: result.profit, rate: null, amount: Money.ZERO, traces: [result.trace] }]
      }
      return own.map((line) => ({
        ...common,
        kind: line.role === 'overProfitBonus' ? ('overProfit' as const) : ('strategic' as const),
        role: line.role,
        base: roundToFen(line.base, policy.rounding),
        rate: line.rate.toString(),
        amount: line.amount,
        traces: [result.trace],
      }))
    }
    default:
      throw malformed(project, 'kind', `项目类型 ${JSON.stringify(project.kind)} 无效，应为 fixed、strategic 或 risk`, `kind ${JSON.stringify(project.kind)} must be fixed, strategic or risk`)
  }
}

/** The person's part of a fixed or risk commission: all of it for a single earner, else an exact split (R-COM-7). */
function earnerPart(staffId: string, project: CommissionProjectInput, amount: Money, policy: CommissionPolicy): { amount: Money; traces: CommissionTrace[] } {
  const earners = project.members.filter((member) => member.role === 'earner')
  const unknown = project.members.find((member) => member.role !== 'earner')
  if (unknown !== undefined) throw malformed(project, 'members', `${project.kind} 项目的人员角色只能是 earner，实际有 ${unknown.role}`, `members of a ${project.kind} project are earners, got role ${unknown.role}`)
  if (earners.length === 1) return { amount, traces: [] }
  const shares: ShareInput[] = earners.map((member) => ({ person: member.staffId, ratio: required(project, `members[${member.staffId}].share`, member.share) }))
  const split = splitCommission(amount, shares, policy)
  const part = split.parts.find((p) => p.person === staffId)
  return { amount: part?.amount ?? Money.ZERO, traces: [split.trace] }
}

function strategicInput(project: CommissionProjectInput): StrategicProjectCommissionInput {
  const revenue = Money.fromFen(required(project, 'revenueFen', project.revenueFen))
  const profit = Money.fromFen(required(project, 'profitFen', project.profitFen))
  const byRole = (role: string): CommissionMemberRow[] => project.members.filter((member) => member.role === role)
  const stray = project.members.find((member) => !['lead', 'assistant', 'medicalStrategy', 'execution'].includes(member.role))
  if (stray !== undefined) {
    throw malformed(project, 'members', `策略性项目人员角色应为 lead、assistant、medicalStrategy 或 execution，实际有 ${stray.role}`, `members of a strategic project are lead, assistant, medicalStrategy or execution, got ${stray.role}`)
  }
  const leads = byRole('lead')
  const medical = byRole('medicalStrategy')
  if (leads.length !== 1) throw malformed(project, 'members', `策略性项目须恰有一名客户人员（lead），实际 ${leads.length} 名`, `a strategic project needs exactly one lead, got ${leads.length}`)
  if (medical.length > 1) throw malformed(project, 'members', `策略性项目至多一名医学策略人员，实际 ${medical.length} 名`, `a strategic project has at most one medical-strategy member, got ${medical.length}`)
  const lead = leads[0]!
  const rateOf = (member: CommissionMemberRow): ProfitShareInput => ({ person: member.staffId, rate: required(project, `members[${member.staffId}].rate`, member.rate) })
  const bonusShares = project.members.filter((member) => member.share !== null).map((member) => ({ person: member.staffId, ratio: member.share! }))
  return {
    revenue,
    profit,
    lead: rateOf(lead),
    assistants: byRole('assistant').map(rateOf),
    ...(medical[0] === undefined ? {} : { medicalStrategy: { person: medical[0].staffId } }),
    execution: byRole('execution').map((member) => ({
      person: member.staffId,
      hours: required(project, `members[${member.staffId}].hours`, member.hours),
      hourlyWage: Money.fromFen(required(project, `members[${member.staffId}].hourlyWageFen`, member.hourlyWageFen)),
      multiplier: required(project, `members[${member.staffId}].multiplier`, member.multiplier),
    })),
    ...(bonusShares.length === 0 ? {} : { bonusShares }),
  }
}

function required<T>(project: CommissionProjectInput, field: string, value: T | null): T {
  if (value === null) throw malformed(project, field, `${field} 未填写`, `${field} is missing`)
  return value
}

function malformed(project: CommissionProjectInput, field: string, zh: string, en: string): InputRefusal {
  return new InputRefusal([{ field: `projects[${project.id}].${field}`, code: 'COMMISSION.INVALID_PROJECT', messageZh: `提成项目 ${project.id}：${zh}`, messageEn: `commission project ${project.id}: ${en}` }], 'R-COM-8')
}

/** Core's refusal of an input (a rate out of range, R-COM-6 …) as an {@link InputRefusal} naming the project. */
function withCoreErrors<T>(project: CommissionProjectInput, compute: () => T): T {
  try {
    return compute()
  } catch (error) {
    if (error instanceof KehuError) {
      throw new InputRefusal(
        [{ field: `projects[${project.id}].${error.field ?? 'input'}`, code: error.code, messageZh: `提成项目 ${project.id}：${error.messageZh}`, messageEn: `commission project ${project.id}: ${error.messageEn}` }],
        error.ruleId ?? 'R-COM-8',
      )
    }
    throw error
  }
}

/**
 * The instants of a statement period given as civil days (inclusive, Asia/Shanghai): payments
 * received in `[from, to)` are the turnover of fixed projects.
 */
export function statementWindow(periodStart: string, periodEnd: string): { readonly from: Date; readonly to: Date } {
  return { from: startOfShanghaiDay(periodStart), to: startOfNextShanghaiDay(periodEnd) }
}

/** The JSON kept in a line's `trace` column: the project, the role and core's traces (R-COM-8). */
export interface StoredLineTrace {
  readonly projectId: string
  readonly projectName: string
  readonly role: string
  readonly traces: readonly CommissionTrace[]
}

/** The rows of a computed statement: the statement's trace and its lines, numbered from 0. */
export function statementRows(statementId: string, computed: ComputedStatement): {
  readonly trace: Prisma.InputJsonValue
  readonly lines: readonly Omit<Prisma.CommissionLineCreateManyInput, 'statementId'>[]
} {
  const lines = computed.lines.map((line, seq) => {
    const stored: StoredLineTrace = { projectId: line.projectId, projectName: line.projectName, role: line.role, traces: line.traces }
    return {
      id: `${statementId}-line-${seq + 1}`,
      seq,
      kind: line.kind,
      customerId: line.customerId,
      contractId: line.contractId,
      baseFen: line.base.fen,
      rate: line.rate,
      amountFen: line.amount.fen,
      trace: JSON.parse(JSON.stringify(stored)) as Prisma.InputJsonValue,
    }
  })
  const rulesApplied: string[] = []
  for (const line of computed.lines) for (const trace of line.traces) for (const rule of trace.rulesApplied) if (!rulesApplied.includes(rule)) rulesApplied.push(rule)
  const projects = [...new Set(computed.lines.map((line) => line.projectId))]
  return { trace: { projects, lines: lines.map((line) => line.id), rulesApplied, total: computed.total.toString() }, lines }
}

/** A stored line trace read back: the structured form above, or a bare core trace (older rows). */
export function readStoredLineTrace(value: unknown): { readonly projectId: string | null; readonly projectName: string | null; readonly role: string | null; readonly traces: readonly CommissionTrace[] } {
  if (typeof value === 'object' && value !== null && Array.isArray((value as { traces?: unknown }).traces)) {
    const stored = value as StoredLineTrace
    return { projectId: stored.projectId, projectName: stored.projectName, role: stored.role, traces: stored.traces }
  }
  if (typeof value === 'object' && value !== null && Array.isArray((value as { steps?: unknown }).steps)) return { projectId: null, projectName: null, role: null, traces: [value as CommissionTrace] }
  return { projectId: null, projectName: null, role: null, traces: [] }
}
