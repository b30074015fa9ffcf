import { Decimal } from '../money/decimal.js'
import type { CustomerBaseInput } from './churnRate.js'
import { customersAtStart } from './customerBase.js'
import { type KpiPeriodInput, periodRange } from './period.js'
import { type KpiRate, KpiUndefinedCode, kpiRate, undefinedReason } from './rate.js'
import { inPeriod, readCustomers, readInputObject } from './records.js'

/**
 * 客户新开发率 new development rate, a manager KPI (R-KPI-7) = customers whose `since` lies in the
 * period ÷ customers at the period start (see {@link churnRate} for "at the start").
 *
 * @returns the rate, or `undefined` with `KPI.NO_CUSTOMERS_AT_START`
 * @throws {@link KpiInputError} naming the record and field
 *
 * @example
 * const old = '2025-06-01T00:00:00+08:00'
 * newDevelopmentRate({ customers: [
 *   { id: 'a', tier: 'key', since: old }, { id: 'b', tier: 'general', since: old },
 *   { id: 'c', tier: 'general', since: old }, { id: 'd', tier: 'general', since: old },
 *   { id: 'n', tier: 'reserve', since: '2026-03-31T23:59:59+08:00' },
 * ] }, '2026-Q1').percent //=> '25.00'
 */
export function newDevelopmentRate(input: CustomerBaseInput, period: KpiPeriodInput): KpiRate {
  const range = periodRange(period, 'period')
  const customers = readCustomers(readInputObject(input, 'input')['customers'])
  const base = customersAtStart(customers.values(), range)
  const developed = [...customers.values()].filter((customer) => inPeriod(customer.since, range)).length
  return kpiRate(
    new Decimal(developed),
    new Decimal(base.length),
    undefinedReason(
      KpiUndefinedCode.NO_CUSTOMERS_AT_START,
      'R-KPI-7',
      `${range.period.label} 期初没有客户，新开发率无定义`,
      `there were no customers at the start of ${range.period.label}, so the new development rate is not defined`,
    ),
  )
}
