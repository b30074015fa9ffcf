import { Decimal } from '../money/decimal.js'
import { defaultTieringPolicy, type BigCustomerPolicy } from '../tiering/policy.js'
import { type KpiPeriodInput, periodRange } from './period.js'
import { type KpiRate, KpiUndefinedCode, kpiRate, undefinedReason } from './rate.js'
import { bigTiers, type CustomerRecord, type DevelopmentPlanRecord, inPeriod, planCounts, readCount, readCustomers, readInputObject, readList } from './records.js'

/** Input of {@link bigCustomerDevelopmentPlanCompletion}. */
export interface BigCustomerDevelopmentInput {
  /** Customers; the big ones whose `since` lies in the period were developed in it. */
  readonly customers: readonly CustomerRecord[]
  /** The development plan lines (大客户开发计划); lines inside the period are summed. */
  readonly plans: readonly DevelopmentPlanRecord[]
}

/**
 * 大客户开发计划完成率 big-customer development plan completion (R-KPI-3) = big customers
 * developed in the period (tier big per R-TIE-5, `since` in the period) ÷ big customers planned.
 *
 * @returns the rate, or `undefined` with `KPI.NO_DEVELOPMENT_PLAN` when the plan is zero
 * @throws {@link KpiInputError} naming the record and field (e.g. `plans[1].count`)
 *
 * @example
 * bigCustomerDevelopmentPlanCompletion({
 *   customers: [
 *     { id: 'n1', tier: 'key', since: '2026-08-03T09:00:00+08:00' },
 *     { id: 'n2', tier: 'key', since: '2026-09-30T23:59:59+08:00' },
 *     { id: 'n3', tier: 'general', since: '2026-08-05T09:00:00+08:00' },
 *   ],
 *   plans: [{ period: '2026-Q3', count: 4 }],
 * }, '2026-Q3').percent //=> '50.00'
 */
export function bigCustomerDevelopmentPlanCompletion(
  input: BigCustomerDevelopmentInput,
  period: KpiPeriodInput,
  policy: BigCustomerPolicy = defaultTieringPolicy,
): KpiRate {
  const range = periodRange(period, 'period')
  const tiers = bigTiers(policy)
  const fields = readInputObject(input, 'input')
  const customers = readCustomers(fields['customers'])
  let planned = new Decimal(0)
  readList(fields['plans'], 'plans').forEach((plan, index) => {
    const count = readCount(plan['count'], `plans[${index}].count`)
    if (planCounts(plan['period'], `plans[${index}].period`, range)) planned = planned.plus(count)
  })
  const developed = [...customers.values()].filter((customer) => tiers.includes(customer.tier) && inPeriod(customer.since, range)).length
  return kpiRate(
    new Decimal(developed),
    planned,
    undefinedReason(
      KpiUndefinedCode.NO_DEVELOPMENT_PLAN,
      'R-KPI-3',
      `${range.period.label} 未计划开发大客户（计划数为零），完成率无定义`,
      `no big customers were planned to be developed in ${range.period.label}, so the completion rate is not defined`,
    ),
  )
}
