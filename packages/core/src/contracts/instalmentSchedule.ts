import type { CivilDay } from '../calendar/civilDay.js'
import { allocate } from '../money/allocate.js'
import { type DecimalInput, toDecimal } from '../money/decimal.js'
import { type Money, type MoneyInput, sumMoney } from '../money/money.js'
import { ContractErrorCode } from './errors.js'
import { invalid, readAmount, readArray, readDay, readRecord } from './readers.js'

const RULE = 'R-CON-2'

/** One instalment (分期款): its 1-based number, due date and amount. */
export interface Instalment {
  readonly number: number
  readonly dueDate: CivilDay
  readonly amount: Money
}

/** An instalment schedule (分期付款计划): the instalments always sum exactly to `total` (R-CON-2). */
export interface InstalmentSchedule {
  readonly ruleId: 'R-CON-2'
  readonly total: Money
  readonly instalments: readonly Instalment[]
}

/** What {@link instalmentSchedule} takes. */
export interface InstalmentScheduleInput {
  /** The contract amount (合同金额), > 0. */
  readonly amount: MoneyInput
  /** Due dates (约定付款期), strictly increasing, at least one. */
  readonly dueDates: readonly CivilDay[]
  /** Positive weights, one per due date (`[3, 7]`, `['0.3', '0.7']`); **default** equal instalments. */
  readonly ratios?: readonly DecimalInput[]
}

/**
 * R-CON-2 Splits a contract amount into instalments, one per due date, in proportion to `ratios`
 * (equal by default), through {@link allocate}: never a division, so the instalments always sum
 * exactly to the amount; each is within one fen of its exact share, leftover fen going to the
 * largest remainders, ties to the earlier instalment.
 *
 * @throws {@link ContractInputError} `CONTRACT.INVALID_AMOUNT` (amount ≤ 0), `CONTRACT.INVALID_DUE_DATES`, `CONTRACT.INVALID_DAY`, `CONTRACT.INVALID_RATIOS`; `MONEY.*`, `DECIMAL.MALFORMED`
 *
 * @example
 * instalmentSchedule({ amount: '10000', dueDates: ['2026-03-31', '2026-06-30', '2026-09-30'] })
 *   .instalments.map((i) => i.amount.toString()) //=> ['3333.34', '3333.33', '3333.33']
 * instalmentSchedule({ amount: '10000', dueDates: ['2026-03-31', '2026-06-30'], ratios: ['0.3', '0.7'] })
 *   .instalments.map((i) => i.amount.toString()) //=> ['3000.00', '7000.00']
 */
export function instalmentSchedule(input: InstalmentScheduleInput): InstalmentSchedule {
  const record = readRecord(input, 'schedule', RULE)
  const total = readAmount(record['amount'], 'schedule.amount', RULE, true)
  const dueDates = readDueDates(record['dueDates'])
  const ratios = readRatios(record['ratios'], dueDates.length)
  const amounts = allocate(total, ratios)
  return Object.freeze({
    ruleId: RULE,
    total,
    instalments: Object.freeze(
      dueDates.map((dueDate, index) => Object.freeze({ number: index + 1, dueDate, amount: amounts[index]! })),
    ),
  })
}

/**
 * Reads a stored schedule (amounts may be text): numbered 1…n, due dates strictly increasing,
 * instalments ≥ 0 summing exactly to the total.
 * @internal
 */
export function readSchedule(value: unknown, field = 'schedule'): InstalmentSchedule {
  const record = readRecord(value, field, RULE)
  const total = readAmount(record['total'], `${field}.total`, RULE, true)
  const list = readArray(record['instalments'], `${field}.instalments`, RULE)
  if (list.length === 0) {
    throw invalid(ContractErrorCode.INVALID_SCHEDULE, `${field}.instalments`, 'must hold at least one instalment', '至少须有一期', list, RULE)
  }
  let previous: CivilDay | undefined
  const instalments = list.map((item, index) => {
    const at = `${field}.instalments[${index}]`
    const instalment = readRecord(item, at, RULE)
    if (instalment['number'] !== index + 1) {
      throw invalid(ContractErrorCode.INVALID_SCHEDULE, `${at}.number`, `must be ${index + 1} (numbered 1…n in order)`, `必须为 ${index + 1}（按顺序从 1 编号）`, instalment['number'], RULE)
    }
    const dueDate = readDay(instalment['dueDate'], `${at}.dueDate`, RULE)
    if (previous !== undefined && dueDate <= previous) {
      throw invalid(ContractErrorCode.INVALID_SCHEDULE, `${at}.dueDate`, `must be after ${previous}`, `必须晚于 ${previous}`, dueDate, RULE)
    }
    previous = dueDate
    return { number: index + 1, dueDate, amount: readAmount(instalment['amount'], `${at}.amount`, RULE) }
  })
  const sum = sumMoney(instalments.map((instalment) => instalment.amount))
  if (!sum.equals(total)) {
    throw invalid(
      ContractErrorCode.INVALID_SCHEDULE,
      `${field}.instalments`,
      `must sum exactly to the total ${total.toString()} (sum ${sum.toString()})`,
      `各期合计必须等于合同金额 ${total.toString()}（实际合计 ${sum.toString()}）`,
      sum.toString(),
      RULE,
    )
  }
  return { ruleId: RULE, total, instalments }
}

function readDueDates(value: unknown): CivilDay[] {
  const list = readArray(value, 'schedule.dueDates', RULE)
  if (list.length === 0) {
    throw invalid(ContractErrorCode.INVALID_DUE_DATES, 'schedule.dueDates', 'must hold at least one due date', '至少须有一个付款期限', list, RULE)
  }
  const days = list.map((day, index) => readDay(day, `schedule.dueDates[${index}]`, RULE))
  days.forEach((day, index) => {
    const before = days[index - 1]
    if (before !== undefined && day <= before) {
      throw invalid(ContractErrorCode.INVALID_DUE_DATES, `schedule.dueDates[${index}]`, `must be after ${before} (strictly increasing)`, `必须晚于 ${before}（严格递增）`, day, RULE)
    }
  })
  return days
}

function readRatios(value: unknown, count: number): DecimalInput[] {
  if (value === undefined) return Array.from({ length: count }, () => 1)
  const list = readArray(value, 'schedule.ratios', RULE)
  if (list.length !== count) {
    throw invalid(ContractErrorCode.INVALID_RATIOS, 'schedule.ratios', `must hold one ratio per due date (${count})`, `比例个数必须与付款期限个数（${count}）一致`, list.length, RULE)
  }
  return list.map((ratio, index) => {
    const decimal = toDecimal(ratio as DecimalInput, `schedule.ratios[${index}]`)
    if (!decimal.isPositive() || decimal.isZero()) {
      throw invalid(ContractErrorCode.INVALID_RATIOS, `schedule.ratios[${index}]`, 'must be above zero', '必须大于零', decimal.toString(), RULE)
    }
    return decimal.toString()
  })
}
