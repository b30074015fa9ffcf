import { Decimal } from '../money/decimal.js'
import type { PeriodRange } from './period.js'
import { readInstant } from './instant.js'
import { inPeriod, type Fields, planCounts, readAmount, readId, readList } from './records.js'

/** @internal validated sales in the period and the plan total, for R-KPI-1 and R-KPI-7. */
export function salesAgainstPlan(
  input: Fields,
  period: PeriodRange,
  counts: (customerId: string, field: string) => boolean,
): { actual: Decimal; planned: Decimal } {
  let actual = new Decimal(0)
  readList(input['sales'], 'sales').forEach((sale, index) => {
    const at = `sales[${index}]`
    const customerId = readId(sale['customerId'], `${at}.customerId`)
    const amount = readAmount(sale['amount'], `${at}.amount`)
    const when = readInstant(sale['at'], `${at}.at`)
    if (counts(customerId, `${at}.customerId`) && inPeriod(when, period)) actual = actual.plus(amount.yuan)
  })
  let planned = new Decimal(0)
  readList(input['plans'], 'plans').forEach((plan, index) => {
    const at = `plans[${index}]`
    const amount = readAmount(plan['amount'], `${at}.amount`)
    if (planCounts(plan['period'], `${at}.period`, period)) planned = planned.plus(amount.yuan)
  })
  return { actual, planned }
}
