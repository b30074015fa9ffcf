import { addCalendarDays, type CivilDay } from '../calendar/civilDay.js'
import type { Money } from '../money/money.js'
import { type ContractPolicy, defaultContractPolicy, readContractPolicy } from './policy.js'
import { type InstalmentSchedule, readSchedule } from './instalmentSchedule.js'

/** When to remind the customer of one instalment (付款提醒). */
export interface InstalmentReminder {
  readonly ruleId: 'R-CON-2'
  readonly instalmentNumber: number
  readonly dueDate: CivilDay
  readonly amount: Money
  /** The day to contact the customer: `dueDate` minus `reminderDaysBeforeDue` calendar days. */
  readonly remindOn: CivilDay
}

/**
 * R-CON-2 "对分期付款的，应在约定付款期前与客户联系、提醒付款": the day to remind the customer of
 * each instalment, `reminderDaysBeforeDue` (**default** 3) calendar days before its due date. The
 * day is not moved off weekends or holidays (a reminder is a phone call, not a working-day deadline).
 *
 * @throws {@link ContractInputError} `CONTRACT.INVALID_SCHEDULE` … for a malformed schedule
 *
 * @example
 * reminderDates(instalmentSchedule({ amount: '9000', dueDates: ['2026-03-31', '2026-06-30', '2026-10-08'] }))
 *   .map((r) => r.remindOn) //=> ['2026-03-28', '2026-06-27', '2026-10-05']
 */
export function reminderDates(schedule: InstalmentSchedule, policy: ContractPolicy = defaultContractPolicy): InstalmentReminder[] {
  const rules = readContractPolicy(policy)
  return readSchedule(schedule).instalments.map((instalment) => ({
    ruleId: 'R-CON-2',
    instalmentNumber: instalment.number,
    dueDate: instalment.dueDate,
    amount: instalment.amount,
    remindOn: addCalendarDays(instalment.dueDate, -rules.reminderDaysBeforeDue),
  }))
}
