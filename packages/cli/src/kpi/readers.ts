/**
 * Row readers of the KPI exports (考核数据行读取): each turns one row into a record of core's
 * KPI input types, or into the issues of the row.
 * @module
 */
import { CUSTOMER_TIER_NAMES, CUSTOMER_TIERS, type CustomerTier, isKehuError, type Money, parseKpiPeriod } from '@kehu/core'

import type { InputRow, RowIssue } from '../io/rows.js'
import { type CellChoice, readCells, type RowCells } from './cells.js'
import type { KpiSourceKind } from './sources.js'

/** Where a record came from: the file and its data row (for messages about several rows). */
export interface RowOrigin {
  readonly file: string
  readonly rowNumber: number
}

/** A customer row (客户). */
export interface CustomerRow extends RowOrigin {
  readonly id: string
  readonly tier: CustomerTier
  readonly since: Date
  readonly churnedAt?: Date
  readonly team?: string
  /** Archive completeness (档案完整率) in [0, 1] as exact text, when the export has it. */
  readonly completeness?: string
}

/** A sale (销售记录). */
export interface SaleRow extends RowOrigin {
  readonly customerId: string
  readonly amount: Money
  readonly at: Date
}

/**
 * Kinds of plan line (计划类型): 大客户销售计划 (R-KPI-1), 销售计划 (R-KPI-7), 大客户开发计划
 * (R-KPI-3, a count), 服务费用预算 (R-KPI-6).
 */
export type PlanType = 'bigCustomerSales' | 'sales' | 'development' | 'serviceBudget'

/** The accepted names of each plan type. */
export const PLAN_TYPES: readonly CellChoice<PlanType>[] = [
  { value: 'bigCustomerSales', aliases: ['大客户销售计划', '大客户销售', 'big-customer sales', 'big customer sales'] },
  { value: 'sales', aliases: ['销售计划', '销售', 'sales plan'] },
  { value: 'development', aliases: ['大客户开发计划', '开发计划', '大客户开发', 'big-customer development', 'development plan'] },
  { value: 'serviceBudget', aliases: ['服务费用预算', '服务预算', 'service budget', 'budget'] },
]

/** A plan or budget line (计划/预算). */
export interface PlanRow extends RowOrigin {
  readonly period: string
  readonly planType: PlanType
  /** For money plans and budgets. */
  readonly amount?: Money
  /** For the development plan. */
  readonly count?: number
  readonly team?: string
}

/** A revisit row (回访): planned, made, or both. */
export interface VisitRow extends RowOrigin {
  readonly customerId: string
  readonly plannedAt?: Date
  readonly visitedAt?: Date
}

/** A customer's feedback (客户意见). */
export interface FeedbackRow extends RowOrigin {
  readonly customerId: string
  readonly receivedAt: Date
  readonly dueAt: Date
  readonly answeredAt?: Date
}

/** A service cost (服务费用开支). */
export interface ServiceCostRow extends RowOrigin {
  readonly amount: Money
  readonly at: Date
  readonly customerId?: string
  readonly team?: string
}

/** The record type of each kind of export. */
export interface KpiRowOf {
  customers: CustomerRow
  sales: SaleRow
  plans: PlanRow
  visits: VisitRow
  feedback: FeedbackRow
  serviceCosts: ServiceCostRow
}

/** Customer tiers under their Chinese (重点客户, 重点) and English names. */
export const TIER_CHOICES: readonly CellChoice<CustomerTier>[] = CUSTOMER_TIERS.map((tier) => {
  const names = CUSTOMER_TIER_NAMES[tier]
  return { value: tier, aliases: [names.zh, names.zh.replace(/客户$/u, ''), names.en, ...(tier === 'strategic' ? ['战略'] : [])] }
})

/** Reads one row of a kind of export. */
export function readKpiRow<K extends KpiSourceKind>(kind: K, file: string, row: InputRow): KpiRowOf[K] | RowIssue[] {
  const reader = READERS[kind] as (cells: RowCells, origin: RowOrigin) => KpiRowOf[K]
  return readCells(row, (cells) => reader(cells, { file, rowNumber: row.rowNumber }))
}

const READERS: { readonly [K in KpiSourceKind]: (cells: RowCells, origin: RowOrigin) => KpiRowOf[K] } = {
  customers(cells, origin) {
    const since = cells.instant('since')
    const churnedAt = cells.optionalInstant('churnedAt')
    if (churnedAt !== undefined && churnedAt.getTime() < since.getTime()) {
      cells.fail('churnedAt', '流失时间早于成为客户时间', 'churned before the customer became one (since)')
    }
    return {
      ...origin,
      id: cells.text('customerId'),
      tier: cells.choice('tier', TIER_CHOICES),
      since,
      ...optional('churnedAt', churnedAt),
      ...optional('team', cells.optionalText('team')),
      ...optional('completeness', cells.has('completeness') ? cells.unitInterval('completeness') : undefined),
    }
  },
  sales(cells, origin) {
    return { ...origin, customerId: cells.text('customerId'), amount: cells.money('amount'), at: cells.instant('at') }
  },
  plans(cells, origin) {
    const period = cells.text('period')
    if (period !== '') {
      try {
        parseKpiPeriod(period, 'period')
      } catch (error) {
        if (!isKehuError(error)) throw error
        cells.fail('period', error.messageZh, error.messageEn)
      }
    }
    const planType = cells.choice('planType', PLAN_TYPES)
    const byCount = planType === 'development'
    const [needed, other] = byCount ? (['count', 'amount'] as const) : (['amount', 'count'] as const)
    if (cells.has(other)) {
      cells.fail(other, `${byCount ? '开发计划按数量填写' : '金额类计划不填数量'}，此列应为空`, `must be empty: ${byCount ? 'a development plan is a count' : 'a money plan has no count'}`)
    }
    if (!cells.has(needed)) cells.fail(needed, byCount ? '开发计划须填写数量' : '须填写金额', byCount ? 'a development plan needs its count' : 'the plan needs its amount')
    return {
      ...origin,
      period,
      planType,
      ...(byCount ? optional('count', cells.has('count') ? cells.count('count') : undefined) : optional('amount', cells.optionalMoney('amount'))),
      ...optional('team', cells.optionalText('team')),
    }
  },
  visits(cells, origin) {
    const plannedAt = cells.optionalInstant('plannedAt')
    const visitedAt = cells.optionalInstant('visitedAt')
    if (!cells.has('plannedAt') && !cells.has('visitedAt')) {
      cells.fail('plannedAt', '计划回访时间与实际回访时间至少填一项', 'give the planned or the actual revisit time (or both)')
    }
    return { ...origin, customerId: cells.text('customerId'), ...optional('plannedAt', plannedAt), ...optional('visitedAt', visitedAt) }
  },
  feedback(cells, origin) {
    const receivedAt = cells.instant('receivedAt')
    const dueAt = cells.instant('dueAt')
    const answeredAt = cells.optionalInstant('answeredAt')
    if (dueAt.getTime() < receivedAt.getTime()) cells.fail('dueAt', '反馈期限早于收到时间', 'the due time is before the feedback was received')
    if (answeredAt !== undefined && answeredAt.getTime() < receivedAt.getTime()) {
      cells.fail('answeredAt', '答复时间早于收到时间', 'answered before the feedback was received')
    }
    return { ...origin, customerId: cells.text('customerId'), receivedAt, dueAt, ...optional('answeredAt', answeredAt) }
  },
  serviceCosts(cells, origin) {
    return {
      ...origin,
      amount: cells.money('cost'),
      at: cells.instant('at'),
      ...optional('customerId', cells.optionalText('customerId')),
      ...optional('team', cells.optionalText('team')),
    }
  },
}

/** `{ [key]: value }`, or nothing for `undefined` (exact optional properties). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
