import { Money } from '../money/money.js'
import { invalidPolicyField, policyDecimal, policyEnum, policyInteger, policyObject, rejectUnknownKeys } from '../policy/validate.js'

/**
 * Over which contracts the R-CON-1 cumulative amount (合同金额累计) is summed:
 *
 * - `calendarYear` — contracts signed in the same Asia/Shanghai calendar year (自然年), up to this one;
 * - `rolling12Months` — contracts signed in the 12 months ending with this one;
 * - `lifetime` — every earlier contract of the customer.
 */
export type AccumulationWindow = 'calendarYear' | 'rolling12Months' | 'lifetime'

/**
 * The accumulation windows, in the order they are documented.
 * @example
 * ACCUMULATION_WINDOWS //=> ['calendarYear', 'rolling12Months', 'lifetime']
 */
export const ACCUMULATION_WINDOWS: readonly AccumulationWindow[] = Object.freeze(['calendarYear', 'rolling12Months', 'lifetime'])

/**
 * How the cumulative amount is compared with the threshold: `atLeast` (≥, "达到…以上" includes
 * the number itself) or `above` (>).
 */
export type ThresholdComparison = 'atLeast' | 'above'

/**
 * The contracts and receivables policy (合同与回款政策参数, R-CON-1..3). Plain JSON data; amounts are
 * yuan strings with two decimals. Create one with {@link createContractPolicy}.
 */
export interface ContractPolicy {
  /** R-CON-1 cumulative amount at which the contract approval procedure applies; **default** `'4000.00'` ("累计达到4000元以上"). Money ≥ 0. */
  readonly approvalThreshold: string
  /** R-CON-1 `atLeast` (≥) or `above` (>); **default** `atLeast`: in Chinese regulations "以上" includes the number (《民法典》第一千二百五十九条). */
  readonly thresholdComparison: ThresholdComparison
  /** R-CON-1 the window the amount accumulates over; **default** `calendarYear` (Asia/Shanghai). */
  readonly accumulationWindow: AccumulationWindow
  /** R-CON-2 calendar days before a due date that the customer is reminded (付款提醒); **default** 3; 0–366. */
  readonly reminderDaysBeforeDue: number
  /** R-CON-3 working days to reply to a contract in arrears confirming the delivery date (拖欠合同答复); **default** 2; 0–366. */
  readonly arrearsReplyWorkingDays: number
  /** R-CON-3 calendar days to complete a late delivery (拖欠产品交付); **default** 7 (一周); 0–366. */
  readonly lateDeliveryCalendarDays: number
}

const KNOWN_KEYS = [
  'approvalThreshold',
  'thresholdComparison',
  'accumulationWindow',
  'reminderDaysBeforeDue',
  'arrearsReplyWorkingDays',
  'lateDeliveryCalendarDays',
] as const

/**
 * The regulation's numbers (R-CON-1..3): approval at a cumulative ¥4,000 or more within the
 * calendar year, reminders 3 days before each due date, arrears replied within 2 working days, a
 * late delivery completed within 1 week.
 *
 * @example
 * defaultContractPolicy.approvalThreshold //=> '4000.00'
 * defaultContractPolicy.accumulationWindow //=> 'calendarYear'
 */
export const defaultContractPolicy: ContractPolicy = Object.freeze({
  approvalThreshold: '4000.00',
  thresholdComparison: 'atLeast',
  accumulationWindow: 'calendarYear',
  reminderDaysBeforeDue: 3,
  arrearsReplyWorkingDays: 2,
  lateDeliveryCalendarDays: 7,
})

/**
 * Creates a validated, frozen contracts policy: `overrides` are merged onto
 * {@link defaultContractPolicy}, every field is validated, unknown fields are refused.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g. `contracts.approvalThreshold`
 *
 * @example
 * createContractPolicy({ approvalThreshold: '10000', accumulationWindow: 'lifetime' }).approvalThreshold //=> '10000.00'
 * createContractPolicy({ reminderDays: 3 }) // throws POLICY.INVALID_FIELD, field 'contracts.reminderDays'
 */
export function createContractPolicy(overrides: unknown = {}, field = 'contracts'): ContractPolicy {
  const given = policyObject(overrides, field)
  rejectUnknownKeys(given, field, KNOWN_KEYS)
  const merged: Record<string, unknown> = { ...defaultContractPolicy, ...given }
  return Object.freeze({
    approvalThreshold: policyMoney(merged['approvalThreshold'], `${field}.approvalThreshold`).toString(),
    thresholdComparison: policyEnum(merged['thresholdComparison'], `${field}.thresholdComparison`, ['atLeast', 'above']),
    accumulationWindow: policyEnum(merged['accumulationWindow'], `${field}.accumulationWindow`, ACCUMULATION_WINDOWS),
    reminderDaysBeforeDue: policyInteger(merged['reminderDaysBeforeDue'], `${field}.reminderDaysBeforeDue`, { min: 0, max: 366 }),
    arrearsReplyWorkingDays: policyInteger(merged['arrearsReplyWorkingDays'], `${field}.arrearsReplyWorkingDays`, { min: 0, max: 366 }),
    lateDeliveryCalendarDays: policyInteger(merged['lateDeliveryCalendarDays'], `${field}.lateDeliveryCalendarDays`, { min: 0, max: 366 }),
  })
}

/**
 * Reads a policy passed to a function (it may be a hand-built object): validates it the same way.
 * @internal
 */
export function readContractPolicy(policy: ContractPolicy, field = 'policy'): ContractPolicy {
  if (policy === defaultContractPolicy) return policy
  return createContractPolicy(policy, field)
}

function policyMoney(value: unknown, field: string): Money {
  const yuan = policyDecimal(value, field, { min: 0 })
  if (yuan.decimalPlaces() > 2) invalidPolicyField(field, 'must be whole fen (at most 2 decimals)', '精度不能超过分（最多两位小数）', value)
  return Money.fromFen(BigInt(yuan.times(100).toFixed(0)))
}
