import { workingDaysDeadline } from '../calendar/deadline.js'
import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import { InvalidVisitInputError, readDateArgument, VisitErrorCode } from './errors.js'
import { createVisitPolicy, defaultVisitPolicy, type VisitPolicy } from './policy.js'

/**
 * R-VIS-3 The deadline for entering collected customer information into the system (客户资料
 * 录入期限): the end of the `policy.dataEntryWorkingDays`-th (**default** 2nd) working day after
 * the collection day (R-CAL-4: the collection day never counts, holidays and weekends are skipped,
 * make-up working days count). The end is **exclusive**: 00:00 +08:00 of the next calendar day;
 * entry is on time iff strictly before it.
 *
 * @throws `CALENDAR.*` errors (an instant outside the calendar's years); `VISIT.INVALID_ARGUMENT` for a bad `collectedAt`
 *
 * @example
 * // Collected Friday 2026-09-25 15:00 (中秋节): Mon 28 and Tue 29 count
 * dataEntryDeadline(shanghaiInstant('2026-09-25', '15:00'), calendar) //=> 2026-09-30T00:00+08:00 (end of Tue 2026-09-29)
 * // Collected Wed 2026-09-30: 10-01…10-07 off, Thu 10-08 and Fri 10-09 count
 * dataEntryDeadline(shanghaiInstant('2026-09-30', '11:00'), calendar) //=> 2026-10-10T00:00+08:00 (end of 2026-10-09)
 */
export function dataEntryDeadline(collectedAt: Date, calendar: WorkingCalendar, policy: VisitPolicy = defaultVisitPolicy): Date {
  const checked = policy === defaultVisitPolicy ? policy : createVisitPolicy(policy, 'policy')
  const at = readDateArgument(collectedAt, 'collectedAt', 'R-VIS-3')
  return workingDaysDeadline(calendar, at, checked.dataEntryWorkingDays)
}

/**
 * R-VIS-3 Was the information entered late? True iff `enteredAt` is at or after
 * {@link dataEntryDeadline} of `collectedAt`.
 *
 * @throws {@link InvalidVisitInputError} `VISIT.ENTERED_BEFORE_COLLECTED` when `enteredAt` precedes `collectedAt`
 *
 * @example
 * isDataEntryLate(shanghaiInstant('2026-09-29', '17:59'), shanghaiInstant('2026-09-25', '15:00'), calendar) //=> false
 * isDataEntryLate(shanghaiInstant('2026-09-30', '09:00'), shanghaiInstant('2026-09-25', '15:00'), calendar) //=> true
 */
export function isDataEntryLate(enteredAt: Date, collectedAt: Date, calendar: WorkingCalendar, policy: VisitPolicy = defaultVisitPolicy): boolean {
  const entered = readDateArgument(enteredAt, 'enteredAt', 'R-VIS-3')
  const collected = readDateArgument(collectedAt, 'collectedAt', 'R-VIS-3')
  if (entered.getTime() < collected.getTime()) {
    throw new InvalidVisitInputError({
      code: VisitErrorCode.ENTERED_BEFORE_COLLECTED,
      field: 'enteredAt',
      ruleId: 'R-VIS-3',
      messageEn: `enteredAt ${entered.toISOString()} is before collectedAt ${collected.toISOString()}: information cannot be entered before it is collected`,
      messageZh: `录入时间 ${entered.toISOString()} 早于收集时间 ${collected.toISOString()}`,
      details: { enteredAt: entered.toISOString(), collectedAt: collected.toISOString() },
    })
  }
  return entered.getTime() >= dataEntryDeadline(collected, calendar, policy).getTime()
}

/**
 * R-VIS-4 The deadline for the minutes of a face-to-face meeting (会谈纪要): the end of the
 * `policy.minutesWorkingDays`-th (**default** 2nd) working day after the meeting day, exclusive
 * (00:00 +08:00 of the next calendar day), as in R-CAL-4.
 *
 * @throws `CALENDAR.*` errors; `VISIT.INVALID_ARGUMENT` for a bad `meetingAt`
 *
 * @example
 * minutesDeadline(shanghaiInstant('2026-09-30', '16:00'), calendar) //=> 2026-10-10T00:00+08:00 (end of 2026-10-09)
 */
export function minutesDeadline(meetingAt: Date, calendar: WorkingCalendar, policy: VisitPolicy = defaultVisitPolicy): Date {
  const checked = policy === defaultVisitPolicy ? policy : createVisitPolicy(policy, 'policy')
  const at = readDateArgument(meetingAt, 'meetingAt', 'R-VIS-4')
  return workingDaysDeadline(calendar, at, checked.minutesWorkingDays)
}
