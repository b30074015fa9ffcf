import { Decimal } from '../money/decimal.js'
import { defaultTieringPolicy, type BigCustomerPolicy } from '../tiering/policy.js'
import { readInstant } from './instant.js'
import { type KpiPeriodInput, periodRange } from './period.js'
import { type KpiRate, KpiUndefinedCode, kpiRate, undefinedReason } from './rate.js'
import {
  bigTiers,
  type CustomerRecord,
  customerOf,
  type FeedbackRecord,
  inconsistentDates,
  inPeriod,
  readCustomers,
  readId,
  readInputObject,
  readList,
  readOptionalInstant,
} from './records.js'

/** Input of {@link feedbackTimeliness}. */
export interface FeedbackTimelinessInput {
  /** Customer feedback; only big customers' feedback counts. Every `customerId` must be in `customers`. */
  readonly feedback: readonly FeedbackRecord[]
  readonly customers: readonly CustomerRecord[]
}

/**
 * 大客户意见反馈及时率 feedback timeliness (R-KPI-4) = big customers' feedback due in the period
 * (`dueAt` in the period) and answered by its due instant (`answeredAt ≤ dueAt`) ÷ all big
 * customers' feedback due in the period. Unanswered feedback counts as late.
 *
 * @returns the rate, or `undefined` with `KPI.NO_FEEDBACK_DUE` when none fell due
 * @throws {@link KpiInputError} naming the record and field (e.g. `feedback[0].answeredAt` before `receivedAt`)
 *
 * @example
 * const customers = [{ id: 'c1', tier: 'key', since: '2020-01-01T00:00:00+08:00' }]
 * feedbackTimeliness({ customers, feedback: [
 *   { customerId: 'c1', receivedAt: '2026-07-01T09:00:00+08:00', dueAt: '2026-07-02T09:00:00+08:00', answeredAt: '2026-07-02T09:00:00+08:00' },
 *   { customerId: 'c1', receivedAt: '2026-07-03T09:00:00+08:00', dueAt: '2026-07-04T09:00:00+08:00', answeredAt: '2026-07-04T09:00:01+08:00' },
 *   { customerId: 'c1', receivedAt: '2026-07-05T09:00:00+08:00', dueAt: '2026-07-06T09:00:00+08:00' },
 *   { customerId: 'c1', receivedAt: '2026-07-07T09:00:00+08:00', dueAt: '2026-07-08T09:00:00+08:00', answeredAt: '2026-07-07T15:00:00+08:00' },
 * ] }, '2026-07').percent //=> '50.00'
 */
export function feedbackTimeliness(
  input: FeedbackTimelinessInput,
  period: KpiPeriodInput,
  policy: BigCustomerPolicy = defaultTieringPolicy,
): KpiRate {
  const range = periodRange(period, 'period')
  const tiers = bigTiers(policy)
  const fields = readInputObject(input, 'input')
  const customers = readCustomers(fields['customers'])
  let due = new Decimal(0)
  let onTime = new Decimal(0)
  readList(fields['feedback'], 'feedback').forEach((record, index) => {
    const at = `feedback[${index}]`
    const customer = customerOf(customers, readId(record['customerId'], `${at}.customerId`), `${at}.customerId`)
    const receivedAt = readInstant(record['receivedAt'], `${at}.receivedAt`)
    const dueAt = readInstant(record['dueAt'], `${at}.dueAt`)
    const answeredAt = readOptionalInstant(record['answeredAt'], `${at}.answeredAt`)
    if (dueAt < receivedAt) throw inconsistentDates(`${at}.dueAt`, 'is before receivedAt', '早于 receivedAt（收到时间）')
    if (answeredAt !== undefined && answeredAt < receivedAt) {
      throw inconsistentDates(`${at}.answeredAt`, 'is before receivedAt', '早于 receivedAt（收到时间）')
    }
    if (!tiers.includes(customer.tier) || !inPeriod(dueAt, range)) return
    due = due.plus(1)
    if (answeredAt !== undefined && answeredAt <= dueAt) onTime = onTime.plus(1)
  })
  return kpiRate(
    onTime,
    due,
    undefinedReason(
      KpiUndefinedCode.NO_FEEDBACK_DUE,
      'R-KPI-4',
      `${range.period.label} 没有到期需反馈的大客户意见，及时率无定义`,
      `no big-customer feedback fell due in ${range.period.label}, so timeliness is not defined`,
    ),
  )
}
