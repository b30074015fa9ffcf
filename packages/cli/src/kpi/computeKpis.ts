/**
 * The KPI run (考核计算): joins the exports' rows (customers, their team, the period), hands them
 * to core's KPI functions (R-KPI-1..7) and combines the results with core's scorecard (R-KPI-8).
 * Nothing is computed here that core computes; this module only selects and maps rows.
 * @module
 */
import {
  archiveCompletenessRate,
  bigCustomerChurnCount,
  bigCustomerDevelopmentPlanCompletion,
  bigCustomerRevisitRate,
  bigCustomerSalesPlanCompletion,
  churnRate,
  type CustomerRecord,
  defaultDepartmentScorecardPolicy,
  defaultManagerScorecardPolicy,
  feedbackTimeliness,
  isKehuError,
  type KpiCount,
  type KpiPeriod,
  type KpiRate,
  kpiScorecard,
  newDevelopmentRate,
  salesPlanCompletion,
  type ScorecardPolicy,
  type ScorecardResult,
  serviceCostControl,
} from '@kehu/core'

import { bilingual } from '../io/rows.js'
import type { CustomerRow, FeedbackRow, PlanRow, PlanType, RowOrigin, SaleRow, ServiceCostRow, VisitRow } from './readers.js'

/** The valid rows of every export of a run. */
export interface KpiInputs {
  readonly customers: readonly CustomerRow[]
  readonly sales: readonly SaleRow[]
  readonly plans: readonly PlanRow[]
  readonly visits: readonly VisitRow[]
  readonly feedback: readonly FeedbackRow[]
  readonly serviceCosts: readonly ServiceCostRow[]
}

/** An issue found across rows (an unknown customer, a plan line core cannot attribute …), with its file. */
export interface KpiRowIssue {
  readonly file: string
  readonly rowNumber: number
  /** The field of the row. */
  readonly column: string
  /** Bilingual reason, `'中文 / English'`. */
  readonly reason: string
}

/** The scorecard a KPI belongs to: the customer department's (R-KPI-1..6) or the manager's (R-KPI-7). */
export type KpiScorecardName = 'department' | 'manager'

/** A KPI of the report, as core computed it. */
export interface KpiLine {
  readonly key: string
  readonly ruleId: string
  readonly nameZh: string
  readonly nameEn: string
  readonly scorecard: KpiScorecardName
  /** How numerator and denominator read: yuan (two decimals) or plain numbers. */
  readonly unit: 'money' | 'number'
  readonly result: KpiRate | KpiCount
}

/** The result of a KPI run. */
export interface KpiReport {
  readonly period: string
  readonly team: string | undefined
  readonly lines: readonly KpiLine[]
  readonly scorecards: Readonly<Record<KpiScorecardName, ScorecardResult>>
  /** Remarks for the reader (sources not given, rows not attributable to the team). */
  readonly notes: readonly string[]
}

/** What a run needs besides the rows. */
export interface KpiRunOptions {
  /** The period, already checked with core's `parseKpiPeriod`. */
  readonly period: KpiPeriod
  /** Only customers of this team (and their records, and plan lines of this team). */
  readonly team?: string
  /** Which exports were given at all, for the notes. */
  readonly given?: ReadonlySet<string>
  readonly departmentPolicy?: ScorecardPolicy
  readonly managerPolicy?: ScorecardPolicy
}

/** The KPIs of the report, in order, with their rule and names. */
export const KPI_DEFINITIONS: readonly Omit<KpiLine, 'result'>[] = [
  { key: 'bigCustomerSalesPlanCompletion', ruleId: 'R-KPI-1', nameZh: '大客户销售计划完成率', nameEn: 'big-customer sales plan completion', scorecard: 'department', unit: 'money' },
  { key: 'bigCustomerChurnCount', ruleId: 'R-KPI-2', nameZh: '大客户流失数', nameEn: 'big-customer churn count', scorecard: 'department', unit: 'number' },
  { key: 'bigCustomerDevelopmentPlanCompletion', ruleId: 'R-KPI-3', nameZh: '大客户开发计划完成率', nameEn: 'big-customer development plan completion', scorecard: 'department', unit: 'number' },
  { key: 'feedbackTimeliness', ruleId: 'R-KPI-4', nameZh: '大客户意见反馈及时率', nameEn: 'feedback timeliness', scorecard: 'department', unit: 'number' },
  { key: 'bigCustomerRevisitRate', ruleId: 'R-KPI-5', nameZh: '大客户回访率', nameEn: 'big-customer revisit rate', scorecard: 'department', unit: 'number' },
  { key: 'serviceCostControl', ruleId: 'R-KPI-6', nameZh: '服务费用控制', nameEn: 'service cost control', scorecard: 'department', unit: 'money' },
  { key: 'salesPlanCompletion', ruleId: 'R-KPI-7', nameZh: '销售计划完成率', nameEn: 'sales plan completion', scorecard: 'manager', unit: 'money' },
  { key: 'archiveCompleteness', ruleId: 'R-KPI-7', nameZh: '客户档案完整率', nameEn: 'archive completeness', scorecard: 'manager', unit: 'number' },
  { key: 'churnRate', ruleId: 'R-KPI-7', nameZh: '客户流失率', nameEn: 'churn rate', scorecard: 'manager', unit: 'number' },
  { key: 'newDevelopmentRate', ruleId: 'R-KPI-7', nameZh: '客户新开发率', nameEn: 'new development rate', scorecard: 'manager', unit: 'number' },
]

/** Thrown by {@link computeKpis} when rows are inconsistent across the files; every issue is listed. */
export class KpiRowsError extends Error {
  readonly issues: readonly KpiRowIssue[]

  constructor(issues: readonly KpiRowIssue[]) {
    super(`${issues.length} 个数据行问题 / ${issues.length} row issue(s)`)
    this.name = 'KpiRowsError'
    this.issues = issues
  }
}

/**
 * Computes every KPI of R-KPI-1..7 for the period (and team) and both scorecards (R-KPI-8).
 *
 * @throws {@link KpiRowsError} listing every row that refers to an unknown customer, repeats a
 *   customer, or that core refuses (e.g. a yearly plan line in a quarterly run), with file and row
 */
export function computeKpis(inputs: KpiInputs, options: KpiRunOptions): KpiReport {
  const period = options.period.label
  const team = options.team
  const issues: KpiRowIssue[] = []
  const notes: string[] = []
  const sameTeam = (value: string | undefined): boolean => team === undefined || (value !== undefined && normaliseTeam(value) === normaliseTeam(team))

  const known = new Map<string, CustomerRow>()
  for (const customer of inputs.customers) {
    const first = known.get(customer.id)
    if (first !== undefined) {
      issues.push(issue(customer, 'customerId', `客户编号 ${customer.id} 重复（已见于 ${first.file} 第 ${first.rowNumber} 行）`, `customer ${customer.id} appears twice (also ${first.file} row ${first.rowNumber})`))
    } else known.set(customer.id, customer)
  }
  const customers = [...known.values()].filter((customer) => sameTeam(customer.team))
  const inScope = new Set(customers.map((customer) => customer.id))
  // Records of customers of other teams are left out; records of customers nobody knows are errors.
  const ofScope = <T extends RowOrigin & { readonly customerId: string }>(rows: readonly T[]): T[] =>
    rows.filter((row) => {
      if (!known.has(row.customerId)) {
        issues.push(issue(row, 'customerId', `客户编号 ${row.customerId} 不在客户数据中`, `customer ${row.customerId} is not in the customers export`))
        return false
      }
      return inScope.has(row.customerId)
    })
  const sales = ofScope(inputs.sales)
  const visits = ofScope(inputs.visits)
  const feedback = ofScope(inputs.feedback)
  const plansOf = (type: PlanType): PlanRow[] => inputs.plans.filter((plan) => plan.planType === type && sameTeam(plan.team))
  let unattributedCosts = 0
  const costs = inputs.serviceCosts.filter((cost) => {
    if (cost.customerId !== undefined && !known.has(cost.customerId)) {
      issues.push(issue(cost, 'customerId', `客户编号 ${cost.customerId} 不在客户数据中`, `customer ${cost.customerId} is not in the customers export`))
      return false
    }
    const costTeam = cost.team ?? (cost.customerId === undefined ? undefined : known.get(cost.customerId)?.team)
    if (team !== undefined && costTeam === undefined) unattributedCosts += 1
    return sameTeam(costTeam)
  })
  if (issues.length > 0) throw new KpiRowsError(issues)

  const customerRecords: CustomerRecord[] = customers.map((customer) => ({
    id: customer.id,
    tier: customer.tier,
    since: customer.since,
    ...(customer.churnedAt === undefined ? {} : { churnedAt: customer.churnedAt }),
  }))
  const salesRecords = sales.map((sale) => ({ customerId: sale.customerId, amount: sale.amount, at: sale.at }))
  const bigSalesPlans = plansOf('bigCustomerSales')
  const salesPlans = plansOf('sales')
  const developmentPlans = plansOf('development')
  const budgets = plansOf('serviceBudget')
  const planned = visits.filter((visit) => visit.plannedAt !== undefined)
  const revisited = visits.filter((visit) => visit.visitedAt !== undefined)
  const archives = customers.filter((customer) => customer.completeness !== undefined)

  // Core names records by list and index (`plans[2].period`): each call says which rows a list holds.
  const guard = <T>(lists: Readonly<Record<string, readonly RowOrigin[]>>, run: () => T): T | undefined => {
    try {
      return run()
    } catch (error) {
      const mapped = isKehuError(error) ? rowIssueOf(error.field, lists, error.messageZh, error.messageEn) : undefined
      if (mapped === undefined) throw error
      issues.push(mapped)
      return undefined
    }
  }
  const results: Record<string, KpiRate | KpiCount | undefined> = {
    bigCustomerSalesPlanCompletion: guard({ customers, sales, plans: bigSalesPlans }, () =>
      bigCustomerSalesPlanCompletion({ sales: salesRecords, customers: customerRecords, plans: bigSalesPlans.map(moneyPlan) }, period),
    ),
    bigCustomerChurnCount: guard({ customers }, () => bigCustomerChurnCount({ customers: customerRecords }, period)),
    bigCustomerDevelopmentPlanCompletion: guard({ customers, plans: developmentPlans }, () =>
      bigCustomerDevelopmentPlanCompletion({ customers: customerRecords, plans: developmentPlans.map((plan) => ({ period: plan.period, count: plan.count ?? 0 })) }, period),
    ),
    feedbackTimeliness: guard({ customers, feedback }, () =>
      feedbackTimeliness(
        {
          customers: customerRecords,
          feedback: feedback.map((row) => ({ customerId: row.customerId, receivedAt: row.receivedAt, dueAt: row.dueAt, ...(row.answeredAt === undefined ? {} : { answeredAt: row.answeredAt }) })),
        },
        period,
      ),
    ),
    bigCustomerRevisitRate: guard({ customers, planned, revisits: revisited }, () =>
      bigCustomerRevisitRate(
        {
          customers: customerRecords,
          planned: planned.map((visit) => ({ customerId: visit.customerId, plannedAt: visit.plannedAt as Date })),
          revisits: revisited.map((visit) => ({ customerId: visit.customerId, at: visit.visitedAt as Date })),
        },
        period,
      ),
    ),
    serviceCostControl: guard({ costs, budgets }, () =>
      serviceCostControl({ costs: costs.map((cost) => ({ amount: cost.amount, at: cost.at })), budgets: budgets.map(moneyPlan) }, period),
    ),
    salesPlanCompletion: guard({ sales, plans: salesPlans }, () => salesPlanCompletion({ sales: salesRecords, plans: salesPlans.map(moneyPlan) }, period)),
    archiveCompleteness: guard({ archives }, () =>
      archiveCompletenessRate({ archives: archives.map((customer) => ({ customerId: customer.id, completeness: customer.completeness ?? '0' })) }),
    ),
    churnRate: guard({ customers }, () => churnRate({ customers: customerRecords }, period)),
    newDevelopmentRate: guard({ customers }, () => newDevelopmentRate({ customers: customerRecords }, period)),
  }
  if (issues.length > 0) throw new KpiRowsError(issues.sort((a, b) => a.file.localeCompare(b.file) || a.rowNumber - b.rowNumber))

  const lines = KPI_DEFINITIONS.map((definition): KpiLine => ({ ...definition, result: results[definition.key] as KpiRate | KpiCount }))
  const valuesOf = (scorecard: KpiScorecardName): Record<string, KpiRate | KpiCount> =>
    Object.fromEntries(lines.filter((line) => line.scorecard === scorecard).map((line) => [line.key, line.result]))
  const scorecards = {
    department: kpiScorecard(valuesOf('department'), options.departmentPolicy ?? defaultDepartmentScorecardPolicy),
    manager: kpiScorecard(valuesOf('manager'), options.managerPolicy ?? defaultManagerScorecardPolicy),
  }

  if (team !== undefined && customers.length === 0) {
    notes.push(bilingual(`客户数据中没有团队 ${team} 的客户`, `no customer of the customers export is in team ${team}`))
  }
  const given = options.given
  if (given !== undefined) {
    for (const [kind, zh, en] of MISSING_SOURCE_NOTES) {
      if (!given.has(kind)) notes.push(bilingual(zh, en))
    }
  }
  if (archives.length < customers.length && archives.length > 0) {
    notes.push(bilingual(`${customers.length - archives.length} 个客户没有档案完整率，未计入客户档案完整率`, `${customers.length - archives.length} customer(s) have no completeness score and are left out of archive completeness`))
  }
  if (unattributedCosts > 0) {
    notes.push(bilingual(`${unattributedCosts} 条服务费用既无团队也无客户，未计入团队 ${team ?? ''}`, `${unattributedCosts} service cost row(s) have neither a team nor a customer and are not counted for team ${team ?? ''}`))
  }
  return { period, team, lines, scorecards, notes }
}

const MISSING_SOURCE_NOTES: readonly (readonly [string, string, string])[] = [
  ['sales', '未提供销售数据：销售额按零计', 'no sales export given: sales count as zero'],
  ['plans', '未提供计划与预算数据：计划类指标无定义', 'no plans export given: plan-based KPIs are not defined'],
  ['visits', '未提供回访数据：大客户回访率无定义', 'no revisits export given: the revisit rate is not defined'],
  ['feedback', '未提供客户意见数据：反馈及时率无定义', 'no feedback export given: feedback timeliness is not defined'],
  ['serviceCosts', '未提供服务费用数据：服务费用按零计', 'no service costs export given: service spending counts as zero'],
]

function moneyPlan(plan: PlanRow): { period: string; amount: string } {
  return { period: plan.period, amount: plan.amount?.toString() ?? '0' }
}

function normaliseTeam(team: string): string {
  return team.normalize('NFKC').trim().toLowerCase()
}

function issue(origin: RowOrigin, column: string, zh: string, en: string): KpiRowIssue {
  return { file: origin.file, rowNumber: origin.rowNumber, column, reason: bilingual(zh, en) }
}

// Core's record fields that the exports call otherwise.
const FIELD_OF: Readonly<Record<string, string>> = { 'customers.id': 'customerId', 'revisits.at': 'visitedAt', 'costs.amount': 'cost' }

/** The row a core error field (`sales[3].amount`) is about, or `undefined` when it names no row. */
function rowIssueOf(field: string | undefined, lists: Readonly<Record<string, readonly RowOrigin[]>>, zh: string, en: string): KpiRowIssue | undefined {
  const match = field === undefined ? null : /^(\w+)\[(\d+)\]\.?(\w*)/.exec(field)
  if (!match) return undefined
  const [, list = '', index = '', property = ''] = match
  const origin = lists[list]?.[Number(index)]
  if (origin === undefined) return undefined
  const column = FIELD_OF[`${list}.${property}`] ?? property
  // Core names its own list path (`plans[0].period`); the reader knows the row and the column.
  return issue(origin, column, zh.replaceAll(field ?? '', column), en.replaceAll(field ?? '', column))
}
