import { defaultTieringPolicy, type BigCustomerPolicy } from '../tiering/policy.js'
import { type KpiPeriodInput, periodRange } from './period.js'
import type { KpiCount } from './rate.js'
import { bigTiers, type CustomerRecord, inPeriod, readCustomers, readInputObject } from './records.js'

/** Input of {@link bigCustomerChurnCount}. */
export interface BigCustomerChurnInput {
  readonly customers: readonly CustomerRecord[]
}

/**
 * 大客户流失数 big-customer churn count (R-KPI-2): the big customers (R-TIE-5) whose `churnedAt`
 * lies in the period. The tier is the customer record's tier (its tier when it churned).
 *
 * @throws {@link KpiInputError} naming the record and field (e.g. `customers[2].churnedAt`)
 *
 * @example
 * bigCustomerChurnCount({ customers: [
 *   { id: 'c1', tier: 'key', since: '2020-01-01T00:00:00+08:00', churnedAt: '2026-05-20T12:00:00+08:00' },
 *   { id: 'c2', tier: 'general', since: '2020-01-01T00:00:00+08:00', churnedAt: '2026-05-21T12:00:00+08:00' },
 * ] }, '2026-05').count //=> 1
 */
export function bigCustomerChurnCount(
  input: BigCustomerChurnInput,
  period: KpiPeriodInput,
  policy: BigCustomerPolicy = defaultTieringPolicy,
): KpiCount {
  const range = periodRange(period, 'period')
  const tiers = bigTiers(policy)
  const customers = readCustomers(readInputObject(input, 'input')['customers'])
  const customerIds = [...customers.values()]
    .filter((customer) => tiers.includes(customer.tier) && customer.churnedAt !== undefined && inPeriod(customer.churnedAt, range))
    .map((customer) => customer.id)
  return Object.freeze({ status: 'defined', count: customerIds.length, customerIds: Object.freeze(customerIds) })
}
