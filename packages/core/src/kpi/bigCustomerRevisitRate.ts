import { Decimal } from '../money/decimal.js'
import { defaultTieringPolicy, type BigCustomerPolicy } from '../tiering/policy.js'
import { readInstant } from './instant.js'
import { type KpiPeriodInput, periodRange } from './period.js'
import { type KpiRate, KpiUndefinedCode, kpiRate, undefinedReason } from './rate.js'
import {
  bigTiers,
  type CustomerRecord,
  customerOf,
  inPeriod,
  invalidRecord,
  type PlannedRevisitRecord,
  readCustomers,
  readId,
  readInputObject,
  readList,
  type RevisitRecord,
} from './records.js'

/** Input of {@link bigCustomerRevisitRate}. */
export interface RevisitRateInput {
  /** Planned revisits (回访计划); those planned in the period, of big customers, count. */
  readonly planned: readonly PlannedRevisitRecord[]
  /** Revisits actually made (实际回访). */
  readonly revisits: readonly RevisitRecord[]
  readonly customers: readonly CustomerRecord[]
}

/** Options of {@link bigCustomerRevisitRate}. */
export interface RevisitRateOptions {
  /**
   * `'planned-only'` (**default**): the numerator counts only customers that were planned and
   * revisited, so the rate is at most 100%. `'all'`: every big customer revisited in the period
   * counts (the regulation's literal 实际回访客户数, which may exceed 100%).
   */
  readonly count?: 'planned-only' | 'all'
}

/**
 * 大客户回访率 big-customer revisit rate (R-KPI-5) = distinct big customers actually revisited in
 * the period ÷ distinct big customers whose revisit was planned in the period. Customers are
 * counted once however many revisits they had.
 *
 * @returns the rate, or `undefined` with `KPI.NO_REVISITS_PLANNED`
 * @throws {@link KpiInputError} naming the record and field (e.g. `revisits[2].customerId`)
 *
 * @example
 * const since = '2020-01-01T00:00:00+08:00'
 * const customers = ['a', 'b', 'c', 'd'].map((id) => ({ id, tier: 'key' as const, since }))
 * const inJuly = '2026-07-10T10:00:00+08:00'
 * bigCustomerRevisitRate({
 *   customers,
 *   planned: ['a', 'b', 'c', 'd'].map((customerId) => ({ customerId, plannedAt: inJuly })),
 *   revisits: ['a', 'a', 'b', 'c'].map((customerId) => ({ customerId, at: inJuly })),
 * }, '2026-07').percent //=> '75.00'
 */
export function bigCustomerRevisitRate(
  input: RevisitRateInput,
  period: KpiPeriodInput,
  policy: BigCustomerPolicy = defaultTieringPolicy,
  options: RevisitRateOptions = {},
): KpiRate {
  const range = periodRange(period, 'period')
  const tiers = bigTiers(policy)
  const mode = options.count ?? 'planned-only'
  if (mode !== 'planned-only' && mode !== 'all') throw invalidRecord('options.count', "must be 'planned-only' or 'all'", "必须是 'planned-only' 或 'all'", mode)
  const fields = readInputObject(input, 'input')
  const customers = readCustomers(fields['customers'])
  const collect = (list: unknown, name: string, instantKey: string): Set<string> => {
    const ids = new Set<string>()
    readList(list, name).forEach((record, index) => {
      const at = `${name}[${index}]`
      const customer = customerOf(customers, readId(record['customerId'], `${at}.customerId`), `${at}.customerId`)
      const when = readInstant(record[instantKey], `${at}.${instantKey}`)
      if (tiers.includes(customer.tier) && inPeriod(when, range)) ids.add(customer.id)
    })
    return ids
  }
  const planned = collect(fields['planned'], 'planned', 'plannedAt')
  const revisited = collect(fields['revisits'], 'revisits', 'at')
  const counted = mode === 'all' ? revisited.size : [...revisited].filter((id) => planned.has(id)).length
  return kpiRate(
    new Decimal(counted),
    new Decimal(planned.size),
    undefinedReason(
      KpiUndefinedCode.NO_REVISITS_PLANNED,
      'R-KPI-5',
      `${range.period.label} 没有计划回访的大客户，回访率无定义`,
      `no big-customer revisits were planned in ${range.period.label}, so the revisit rate is not defined`,
    ),
  )
}
