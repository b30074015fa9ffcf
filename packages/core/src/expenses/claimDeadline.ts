import type { CivilDay } from '../calendar/civilDay.js'
import { workingDaysDeadline } from '../calendar/deadline.js'
import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import { defaultExpensePolicy, type ExpensePolicy, readExpensePolicy } from './policy.js'

/**
 * R-EXP-2 the deadline of an expense claim (报销截止时间): the end of the N-th working day after
 * the trip's last day (**default** N = 3), exclusive — 00:00 +08:00 of the next calendar day. A
 * claim is on time iff filed strictly before it. The last day itself never counts (R-CAL-4).
 *
 * @throws `CALENDAR.INVALID_DAY`, `CALENDAR.YEAR_NOT_COVERED`; `POLICY.INVALID_FIELD` for a bad policy
 *
 * @example
 * // Trip ends Friday 2026-09-25 (中秋节, a holiday): 09-28, 09-29, 09-30 are the 3 working days
 * expenseClaimDeadline(createWorkingCalendar(), '2026-09-25') //=> 2026-10-01T00:00+08:00 (end of 2026-09-30)
 */
export function expenseClaimDeadline(calendar: WorkingCalendar, tripEndDay: CivilDay, policy: ExpensePolicy = defaultExpensePolicy): Date {
  const { claimWithinWorkingDays } = readExpensePolicy(policy)
  return workingDaysDeadline(calendar, tripEndDay, claimWithinWorkingDays)
}
