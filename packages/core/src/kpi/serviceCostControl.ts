import { Decimal } from '../money/decimal.js'
import { readInstant } from './instant.js'
import { type KpiPeriodInput, periodRange } from './period.js'
import { type KpiRate, KpiUndefinedCode, kpiRate, undefinedReason } from './rate.js'
import { inPeriod, planCounts, readAmount, readId, readInputObject, readList, type ServiceBudgetRecord, type ServiceCostRecord } from './records.js'

/** Input of {@link serviceCostControl}. */
export interface ServiceCostInput {
  /** Service spending (服务费用开支); amounts ≥ 0, those in the period count. */
  readonly costs: readonly ServiceCostRecord[]
  /** Service budget lines (服务费用预算); lines inside the period are summed. */
  readonly budgets: readonly ServiceBudgetRecord[]
}

/**
 * 服务费用控制 service cost control (R-KPI-6) = service spending in the period ÷ service budget
 * of the period, with exact money. Lower is better: 100% means exactly on budget.
 *
 * @returns the rate, or `undefined` with `KPI.NO_SERVICE_BUDGET` when the budget is zero
 * @throws {@link KpiInputError} naming the record and field (e.g. `costs[1].amount`); money errors for malformed amounts
 *
 * @example
 * serviceCostControl({
 *   costs: [{ amount: '12000.50', at: '2026-04-03T10:00:00+08:00' }, { amount: '30000.00', at: '2026-05-03T10:00:00+08:00' }],
 *   budgets: [{ period: '2026-Q2', amount: '50000' }],
 * }, '2026-Q2').percent //=> '84.00'
 */
export function serviceCostControl(input: ServiceCostInput, period: KpiPeriodInput): KpiRate {
  const range = periodRange(period, 'period')
  const fields = readInputObject(input, 'input')
  let spent = new Decimal(0)
  readList(fields['costs'], 'costs').forEach((cost, index) => {
    const at = `costs[${index}]`
    const amount = readAmount(cost['amount'], `${at}.amount`)
    const when = readInstant(cost['at'], `${at}.at`)
    if (cost['customerId'] !== undefined) readId(cost['customerId'], `${at}.customerId`)
    if (inPeriod(when, range)) spent = spent.plus(amount.yuan)
  })
  let budget = new Decimal(0)
  readList(fields['budgets'], 'budgets').forEach((line, index) => {
    const amount = readAmount(line['amount'], `budgets[${index}].amount`)
    if (planCounts(line['period'], `budgets[${index}].period`, range)) budget = budget.plus(amount.yuan)
  })
  return kpiRate(
    spent,
    budget,
    undefinedReason(
      KpiUndefinedCode.NO_SERVICE_BUDGET,
      'R-KPI-6',
      `${range.period.label} 服务费用预算为零，费用控制率无定义`,
      `the service budget of ${range.period.label} is zero, so cost control is not defined`,
    ),
  )
}
