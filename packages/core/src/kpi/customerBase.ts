import type { ValidCustomer } from './records.js'
import type { PeriodRange } from './period.js'

/**
 * @internal Customers at the start of the period (期初客户): became customers before the start
 * and had not churned by it (churnedAt, if any, is at or after the start).
 */
export function customersAtStart(customers: Iterable<ValidCustomer>, period: PeriodRange): ValidCustomer[] {
  return [...customers].filter(
    (customer) => customer.since < period.startNanos && (customer.churnedAt === undefined || customer.churnedAt >= period.startNanos),
  )
}
