import { Money, type MoneyInput, sumMoney } from '../money/money.js'
import { type AccumulationPeriod, accumulationPeriod } from './accumulationWindow.js'
import { ContractErrorCode } from './errors.js'
import { type ContractPolicy, defaultContractPolicy, readContractPolicy } from './policy.js'
import { invalid, readAmount, readArray, readInstant, readRecord, readText } from './readers.js'

const RULE = 'R-CON-1'

/** A sales contract about to be signed (销售合同). */
export interface ContractToSign {
  readonly customerId: string
  /** Contract amount (合同金额), ≥ 0. */
  readonly amount: MoneyInput
  readonly signedAt: Date
}

/** An earlier contract of the same customer; `customerId`, when given, must match. */
export interface PastContract {
  readonly customerId?: string
  readonly amount: MoneyInput
  readonly signedAt: Date
}

/** Why the verdict is what it is, in both languages. */
export interface ContractApprovalReason {
  /** `CONTRACT.CUMULATIVE_REACHES_THRESHOLD` or `CONTRACT.CUMULATIVE_BELOW_THRESHOLD`. */
  readonly code: string
  readonly messageZh: string
  readonly messageEn: string
}

/** Whether a contract needs the contract approval procedure (合同审批判定), R-CON-1. */
export interface ContractApprovalVerdict {
  readonly ruleId: 'R-CON-1'
  readonly customerId: string
  readonly needsApproval: boolean
  /** Sum of the contracts in the period, this one included (exact). */
  readonly cumulativeAmount: Money
  readonly threshold: Money
  readonly window: AccumulationPeriod
  /** How many past contracts fell in the period (signed at or before this one). */
  readonly countedPastContracts: number
  readonly reason: ContractApprovalReason
}

/**
 * R-CON-1 Does this sales contract need the contract approval procedure (销售合同审批程序)?
 * "合同金额累计达到4000元以上的，履行销售合同审批程序": yes when the customer's cumulative contract
 * amount over the accumulation window — past contracts signed in the window at or before this
 * signing, plus this contract — reaches the threshold (**default** ≥ ¥4,000.00, calendar year).
 * Past contracts signed after this one are ignored. Adding past contracts never turns a "needs
 * approval" into "does not" (amounts are never negative).
 *
 * @param contract - the contract being signed
 * @param pastContracts - earlier contracts of the same customer (any order)
 * @param policy - **default** {@link defaultContractPolicy}
 * @throws {@link ContractInputError} `CONTRACT.INVALID_RECORD`, `CONTRACT.INVALID_INSTANT`, `CONTRACT.INVALID_AMOUNT`; `MONEY.*` for malformed amounts
 *
 * @example
 * const at = shanghaiInstant('2026-06-01', '10:00')
 * contractNeedsApproval({ customerId: 'C1', amount: '1500', signedAt: at },
 *   [{ amount: '2500', signedAt: shanghaiInstant('2026-03-02', '09:00') }])
 * //=> { needsApproval: true, cumulativeAmount: Money(4000.00), … } (达到 ¥4,000 includes ¥4,000)
 * contractNeedsApproval({ customerId: 'C1', amount: '1500', signedAt: at },
 *   [{ amount: '2500', signedAt: shanghaiInstant('2025-12-31', '09:00') }]).needsApproval
 * //=> false (last year's contract is outside the calendar-year window: ¥1,500.00)
 */
export function contractNeedsApproval(
  contract: ContractToSign,
  pastContracts: readonly PastContract[],
  policy: ContractPolicy = defaultContractPolicy,
): ContractApprovalVerdict {
  const rules = readContractPolicy(policy)
  const record = readRecord(contract, 'contract', RULE)
  const customerId = readText(record['customerId'], 'contract.customerId', RULE)
  const amount = readAmount(record['amount'], 'contract.amount', RULE)
  const signedAt = readInstant(record['signedAt'], 'contract.signedAt', RULE)
  const window = accumulationPeriod(signedAt, rules.accumulationWindow)
  const counted: Money[] = []
  readArray(pastContracts, 'pastContracts', RULE).forEach((value, index) => {
    const field = `pastContracts[${index}]`
    const past = readRecord(value, field, RULE)
    const pastAmount = readAmount(past['amount'], `${field}.amount`, RULE)
    const pastSignedAt = readInstant(past['signedAt'], `${field}.signedAt`, RULE)
    const pastCustomer = past['customerId']
    if (pastCustomer !== undefined && pastCustomer !== customerId) {
      throw invalid(ContractErrorCode.INVALID_RECORD, `${field}.customerId`, `must be the contract's customer ${customerId}`, `必须是本合同的客户 ${customerId}`, pastCustomer, RULE)
    }
    const ms = pastSignedAt.getTime()
    if (ms <= signedAt.getTime() && (window.from === null || ms >= window.from.getTime())) counted.push(pastAmount)
  })
  const cumulativeAmount = sumMoney([...counted, amount])
  const threshold = Money.parse(rules.approvalThreshold, 'policy.approvalThreshold')
  const comparison = cumulativeAmount.compare(threshold)
  // R-CON-1 "达到…以上": at or above the number by default.
  const needsApproval = rules.thresholdComparison === 'atLeast' ? comparison >= 0 : comparison > 0
  const sign = rules.thresholdComparison === 'atLeast' ? '≥' : '>'
  const windowZh = { calendarYear: '本自然年', rolling12Months: '近 12 个月', lifetime: '历史全部' }[window.kind]
  const reason: ContractApprovalReason = needsApproval
    ? {
        code: 'CONTRACT.CUMULATIVE_REACHES_THRESHOLD',
        messageEn: `cumulative contract amount ${cumulativeAmount.format()} (${window.kind}) is ${sign} ${threshold.format()}: the contract approval procedure applies`,
        messageZh: `客户${windowZh}合同金额累计 ${cumulativeAmount.format()}，达到 ${threshold.format()}${rules.thresholdComparison === 'atLeast' ? '以上' : '（不含本数）以上'}，须履行销售合同审批程序`,
      }
    : {
        code: 'CONTRACT.CUMULATIVE_BELOW_THRESHOLD',
        messageEn: `cumulative contract amount ${cumulativeAmount.format()} (${window.kind}) is not ${sign} ${threshold.format()}: no contract approval needed`,
        messageZh: `客户${windowZh}合同金额累计 ${cumulativeAmount.format()}，未达到 ${threshold.format()}，无须履行销售合同审批程序`,
      }
  return {
    ruleId: RULE,
    customerId,
    needsApproval,
    cumulativeAmount,
    threshold,
    window,
    countedPastContracts: counted.length,
    reason,
  }
}
