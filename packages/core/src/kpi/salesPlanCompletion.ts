import { type KpiPeriodInput, periodRange } from './period.js'
import { type KpiRate, KpiUndefinedCode, kpiRate, undefinedReason } from './rate.js'
import { readInputObject, type SaleRecord, type SalesPlanRecord } from './records.js'
import { salesAgainstPlan } from './salesPlan.js'

/** Input of {@link salesPlanCompletion}. */
export interface SalesPlanInput {
  /** All sales of the unit; those in the period count. */
  readonly sales: readonly SaleRecord[]
  /** The sales plan lines (销售计划); lines inside the period are summed. */
  readonly plans: readonly SalesPlanRecord[]
}

/**
 * 销售计划完成率 sales plan completion, a manager KPI (R-KPI-7) = all sales in the period ÷ the
 * sales planned for the period.
 *
 * @returns the rate, or `undefined` with `KPI.NO_SALES_PLAN` when nothing was planned
 * @throws {@link KpiInputError} naming the record and field (e.g. `plans[0].period`)
 *
 * @example
 * salesPlanCompletion({
 *   sales: [{ customerId: 'c1', amount: '1200000.00', at: '2026-02-10T09:00:00+08:00' }],
 *   plans: [{ period: '2026-01', amount: '400000' }, { period: '2026-02', amount: '400000' }, { period: '2026-03', amount: '400000' }],
 * }, '2026-Q1').percent //=> '100.00'
 */
export function salesPlanCompletion(input: SalesPlanInput, period: KpiPeriodInput): KpiRate {
  const range = periodRange(period, 'period')
  const { actual, planned } = salesAgainstPlan(readInputObject(input, 'input'), range, () => true)
  return kpiRate(
    actual,
    planned,
    undefinedReason(
      KpiUndefinedCode.NO_SALES_PLAN,
      'R-KPI-7',
      `${range.period.label} 未制定销售计划（计划额为零），完成率无定义`,
      `no sales were planned for ${range.period.label}, so the completion rate is not defined`,
    ),
  )
}
