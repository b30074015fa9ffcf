import {
  archiveCompletenessRate,
  bigCustomerChurnCount,
  bigCustomerDevelopmentPlanCompletion,
  bigCustomerRevisitRate,
  bigCustomerSalesPlanCompletion,
  churnRate,
  defaultDepartmentScorecardPolicy,
  defaultManagerScorecardPolicy,
  feedbackTimeliness,
  KehuError,
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

import { InputRefusal } from '../refusals.js'
import type { TeamKpiInputs } from './kpiInputs.js'

/** What one KPI is, in both languages, with the rule that defines it and the meaning of its figures. */
export interface KpiIndicatorInfo {
  readonly ruleId: string
  readonly nameZh: string
  readonly nameEn: string
  /** What the numerator (or the count) counts. */
  readonly numeratorZh: string
  readonly numeratorEn: string
  /** What the denominator counts; `null` for a count KPI. */
  readonly denominatorZh: string | null
  readonly denominatorEn: string | null
}

/** The KPIs of the two scorecards, keyed as core's scorecard policies key them (R-KPI-1..7). */
export const KPI_INDICATORS: Readonly<Record<string, KpiIndicatorInfo>> = Object.freeze({
  bigCustomerSalesPlanCompletion: info('R-KPI-1', '大客户销售计划完成率', 'big-customer sales plan completion', '大客户实际销售额（元）', "big customers' actual sales (yuan)", '大客户计划销售额（元）', 'big-customer sales planned (yuan)'),
  bigCustomerChurnCount: info('R-KPI-2', '大客户流失数', 'big-customer churn count', '本期流失的大客户数', 'big customers churned in the period', null, null),
  bigCustomerDevelopmentPlanCompletion: info('R-KPI-3', '大客户开发计划完成率', 'big-customer development plan completion', '本期开发的大客户数', 'big customers developed in the period', '计划开发的大客户数', 'big customers planned'),
  feedbackTimeliness: info('R-KPI-4', '大客户意见反馈及时率', 'big-customer feedback timeliness', '按时反馈的意见数', 'feedback answered within the standard time', '本期到期的意见数', 'feedback due in the period'),
  bigCustomerRevisitRate: info('R-KPI-5', '大客户回访率', 'big-customer revisit rate', '实际回访的大客户数', 'big customers actually revisited', '计划回访的大客户数', 'big customers whose revisit was planned'),
  serviceCostControl: info('R-KPI-6', '服务费用控制', 'service cost control', '服务费用开支（元）', 'service spending (yuan)', '服务费用预算（元）', 'service budget (yuan)'),
  salesPlanCompletion: info('R-KPI-7', '销售计划完成率', 'sales plan completion', '实际销售额（元）', 'actual sales (yuan)', '计划销售额（元）', 'sales planned (yuan)'),
  archiveCompleteness: info('R-KPI-7', '客户档案完整率', 'archive completeness', '各档案完整率之和', 'sum of the archives’ completeness scores', '档案数', 'archives'),
  churnRate: info('R-KPI-7', '客户流失率', 'churn rate', '本期流失的期初客户数', 'customers at the start who churned', '期初客户数', 'customers at the period start'),
  newDevelopmentRate: info('R-KPI-7', '客户新开发率', 'new development rate', '本期新开发客户数', 'new customers in the period', '期初客户数', 'customers at the period start'),
})

function info(ruleId: string, nameZh: string, nameEn: string, numeratorZh: string, numeratorEn: string, denominatorZh: string | null, denominatorEn: string | null): KpiIndicatorInfo {
  return Object.freeze({ ruleId, nameZh, nameEn, numeratorZh, numeratorEn, denominatorZh, denominatorEn })
}

/** One scorecard: core's result and the KPI values it was computed from. */
export interface TeamScorecard {
  /** `department`: 客户部 big-customer KPIs (R-KPI-1..6); `manager`: 客户部经理 KPIs (R-KPI-7). */
  readonly kind: 'department' | 'manager'
  readonly policy: ScorecardPolicy
  readonly result: ScorecardResult
  readonly values: Readonly<Record<string, KpiRate | KpiCount>>
}

/**
 * The two scorecards of a team for a period (R-KPI-8), each KPI computed by core from the team's
 * records and combined with core's default policy weights: the department's big-customer KPIs
 * (R-KPI-1..6) and the manager's KPIs (R-KPI-7). Archive completeness is the mean of the team's
 * archives' current R-ARC-3 scores.
 *
 * @throws {@link InputRefusal} naming the KPI and the stored row (e.g.
 *   `bigCustomerSalesPlanCompletion.plans[sales-plan-…].period`) when core refuses a record
 */
export function teamScorecards(inputs: TeamKpiInputs, period: KpiPeriod): { readonly department: TeamScorecard; readonly manager: TeamScorecard } {
  const { customers, sales } = inputs
  const department = {
    bigCustomerSalesPlanCompletion: measure('bigCustomerSalesPlanCompletion', { sales, customers, plans: inputs.bigCustomerSalesPlans }, (input) => bigCustomerSalesPlanCompletion(input, period)),
    bigCustomerChurnCount: measure('bigCustomerChurnCount', { customers }, (input) => bigCustomerChurnCount(input, period)),
    bigCustomerDevelopmentPlanCompletion: measure('bigCustomerDevelopmentPlanCompletion', { customers, plans: inputs.developmentPlans }, (input) => bigCustomerDevelopmentPlanCompletion(input, period)),
    feedbackTimeliness: measure('feedbackTimeliness', { feedback: inputs.feedback, customers }, (input) => feedbackTimeliness(input, period)),
    bigCustomerRevisitRate: measure('bigCustomerRevisitRate', { planned: inputs.plannedRevisits, revisits: inputs.revisits, customers }, (input) => bigCustomerRevisitRate(input, period)),
    serviceCostControl: measure('serviceCostControl', { costs: inputs.serviceCosts, budgets: inputs.serviceBudgets }, (input) => serviceCostControl(input, period)),
  }
  const manager = {
    salesPlanCompletion: measure('salesPlanCompletion', { sales, plans: inputs.salesPlans }, (input) => salesPlanCompletion(input, period)),
    archiveCompleteness: measure('archiveCompleteness', { archives: inputs.archives }, (input) => archiveCompletenessRate(input)),
    churnRate: measure('churnRate', { customers }, (input) => churnRate(input, period)),
    newDevelopmentRate: measure('newDevelopmentRate', { customers }, (input) => newDevelopmentRate(input, period)),
  }
  return {
    department: { kind: 'department', policy: defaultDepartmentScorecardPolicy, values: department, result: kpiScorecard(department, defaultDepartmentScorecardPolicy) },
    manager: { kind: 'manager', policy: defaultManagerScorecardPolicy, values: manager, result: kpiScorecard(manager, defaultManagerScorecardPolicy) },
  }
}

type Lists = Record<string, { readonly records: readonly unknown[]; readonly ids: readonly string[] }>
type Records<L extends Lists> = { [K in keyof L]: L[K]['records'] }

/** Runs one of core's KPI functions on the records of `lists`; core's refusal names the stored row it concerns. */
function measure<L extends Lists, R>(kpi: string, lists: L, compute: (input: Records<L>) => R): R {
  const input = Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.records])) as Records<L>
  try {
    return compute(input)
  } catch (error) {
    if (!(error instanceof KehuError)) throw error
    const field = (error.field ?? 'input').replace(/^(\w+)\[(\d+)\]/, (whole, name: string, index: string) => {
      const id = lists[name]?.ids[Number(index)]
      return id === undefined ? whole : `${name}[${id}]`
    })
    throw new InputRefusal([{ field: `${kpi}.${field}`, code: error.code, messageZh: `${KPI_INDICATORS[kpi]?.nameZh ?? kpi}：${error.messageZh}`, messageEn: `${kpi}: ${error.messageEn}` }], error.ruleId ?? KPI_INDICATORS[kpi]?.ruleId ?? 'R-KPI-8')
  }
}
