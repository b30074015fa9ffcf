import { defaultTieringPolicy, type BigCustomerPolicy } from '../tiering/policy.js'
import { type KpiPeriodInput, periodRange } from './period.js'
import { type KpiRate, KpiUndefinedCode, kpiRate, undefinedReason } from './rate.js'
import { bigTiers, type CustomerRecord, customerOf, readCustomers, readInputObject, type SaleRecord, type SalesPlanRecord } from './records.js'
import { salesAgainstPlan } from './salesPlan.js'

/** Input of {@link bigCustomerSalesPlanCompletion}. */
export interface BigCustomerSalesInput {
  /** All sales; only big customers' sales in the period count. Every `customerId` must be in `customers`. */
  readonly sales: readonly SaleRecord[]
  readonly customers: readonly CustomerRecord[]
  /** The big-customer sales plan lines (大客户销售计划); lines inside the period are summed. */
  readonly plans: readonly SalesPlanRecord[]
}

/**
 * 大客户销售计划完成率 big-customer sales plan completion (R-KPI-1) =
 * big customers' actual sales in the period ÷ the big-customer sales planned for the period.
 * A big customer is one whose tier is in `policy.bigCustomerTiers` (R-TIE-5, **default** strategic
 * or key). Plan lines for sub-periods are summed; a plan line for a longer period is an error.
 *
 * @returns the rate, or `undefined` with `KPI.NO_SALES_PLAN` when nothing was planned
 * @throws {@link KpiInputError} naming the record and field (e.g. `sales[3].amount`), `KPI.INVALID_PERIOD`
 *
 * @example
 * const customers = [{ id: 'c1', tier: 'key', since: '2020-01-01T00:00:00+08:00' }, { id: 'c2', tier: 'general', since: '2020-01-01T00:00:00+08:00' }]
 * const sales = [
 *   { customerId: 'c1', amount: '700000.00', at: '2026-07-15T10:00:00+08:00' },
 *   { customerId: 'c2', amount: '500000.00', at: '2026-07-15T10:00:00+08:00' },
 * ]
 * bigCustomerSalesPlanCompletion({ sales, customers, plans: [{ period: '2026-Q3', amount: '800000' }] }, '2026-Q3').percent //=> '87.50'
 */
export function bigCustomerSalesPlanCompletion(
  input: BigCustomerSalesInput,
  period: KpiPeriodInput,
  policy: BigCustomerPolicy = defaultTieringPolicy,
): KpiRate {
  const range = periodRange(period, 'period')
  const tiers = bigTiers(policy)
  const fields = readInputObject(input, 'input')
  const customers = readCustomers(fields['customers'])
  const { actual, planned } = salesAgainstPlan(fields, range, (id, field) => tiers.includes(customerOf(customers, id, field).tier))
  return kpiRate(
    actual,
    planned,
    undefinedReason(
      KpiUndefinedCode.NO_SALES_PLAN,
      'R-KPI-1',
      `${range.period.label} 未制定大客户销售计划（计划额为零），完成率无定义`,
      `no big-customer sales were planned for ${range.period.label}, so the completion rate is not defined`,
    ),
  )
}
