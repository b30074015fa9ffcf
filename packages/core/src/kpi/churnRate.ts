import { Decimal } from '../money/decimal.js'
import { customersAtStart } from './customerBase.js'
import { type KpiPeriodInput, periodRange } from './period.js'
import { type KpiRate, KpiUndefinedCode, kpiRate, undefinedReason } from './rate.js'
import { type CustomerRecord, inPeriod, readCustomers, readInputObject } from './records.js'

/** Input of {@link churnRate} and {@link newDevelopmentRate}. */
export interface CustomerBaseInput {
  /** All customers of the unit (every tier). */
  readonly customers: readonly CustomerRecord[]
}

/**
 * 客户流失率 churn rate, a manager KPI (R-KPI-7) = customers at the period start that churned in
 * the period ÷ customers at the period start. Customers at the start: `since` before the start
 * and not churned before it. A customer gained and lost within the period is in neither count.
 *
 * @returns the rate, or `undefined` with `KPI.NO_CUSTOMERS_AT_START`
 * @throws {@link KpiInputError} naming the record and field (e.g. `customers[0].churnedAt` before `since`)
 *
 * @example
 * const since = '2025-06-01T00:00:00+08:00'
 * churnRate({ customers: [
 *   { id: 'a', tier: 'key', since, churnedAt: '2026-02-01T00:00:00+08:00' },
 *   { id: 'b', tier: 'general', since },
 *   { id: 'c', tier: 'general', since },
 *   { id: 'd', tier: 'reserve', since },
 * ] }, '2026-Q1').percent //=> '25.00'
 */
export function churnRate(input: CustomerBaseInput, period: KpiPeriodInput): KpiRate {
  const range = periodRange(period, 'period')
  const base = customersAtStart(readCustomers(readInputObject(input, 'input')['customers']).values(), range)
  const churned = base.filter((customer) => customer.churnedAt !== undefined && inPeriod(customer.churnedAt, range)).length
  return kpiRate(
    new Decimal(churned),
    new Decimal(base.length),
    undefinedReason(
      KpiUndefinedCode.NO_CUSTOMERS_AT_START,
      'R-KPI-7',
      `${range.period.label} 期初没有客户，流失率无定义`,
      `there were no customers at the start of ${range.period.label}, so the churn rate is not defined`,
    ),
  )
}
