import { addCalendarDays, type CivilDay } from '../calendar/civilDay.js'
import { calendarDaysDeadline, workingDaysDeadline } from '../calendar/deadline.js'
import { toShanghaiDay } from '../calendar/shanghaiTime.js'
import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import { addWorkingDays } from '../calendar/workingDays.js'
import { ContractErrorCode } from './errors.js'
import { type ContractPolicy, defaultContractPolicy, readContractPolicy } from './policy.js'
import { invalid, readDay, readInstant, readRecord } from './readers.js'

const RULE = 'R-CON-3'

/**
 * A day-granular deadline: on time iff done strictly before `dueBefore` (00:00 Asia/Shanghai of
 * the day after `lastDay`).
 */
export interface DayDeadline {
  readonly ruleId: 'R-CON-3'
  /** The last day on which it is on time (最后期限日). */
  readonly lastDay: CivilDay
  /** Exclusive end: 00:00 +08:00 of the day after `lastDay`. */
  readonly dueBefore: Date
}

/** Where a deadline stands at an instant: not done yet (`pending` / `overdue`) or done (`onTime` / `late`). */
export interface DeadlineStatus {
  readonly ruleId: 'R-CON-3'
  readonly state: 'pending' | 'overdue' | 'onTime' | 'late'
  readonly deadline: DayDeadline
}

/**
 * R-CON-3 "对拖欠合同应在两个工作日内向各业务单位答复，确认交付时间": the deadline to reply to a
 * contract in arrears (拖欠合同, a delivery we owe) confirming the delivery date: the end of the
 * `arrearsReplyWorkingDays`-th (**default** 2nd) working day after the day the arrears were noticed.
 *
 * @throws {@link ContractInputError} `CONTRACT.INVALID_INSTANT`; `CALENDAR.YEAR_NOT_COVERED`
 *
 * @example
 * // Noticed Wednesday 2026-09-30 15:00; 国庆节 10-01…10-07 off: 10-08 and 10-09 count
 * arrearsReplyDeadline(shanghaiInstant('2026-09-30', '15:00'), calendar)
 * //=> { lastDay: '2026-10-09', dueBefore: 2026-10-10T00:00+08:00, ruleId: 'R-CON-3' }
 */
export function arrearsReplyDeadline(arrearsNoticedAt: Date, calendar: WorkingCalendar, policy: ContractPolicy = defaultContractPolicy): DayDeadline {
  const rules = readContractPolicy(policy)
  const noticedAt = readInstant(arrearsNoticedAt, 'arrearsNoticedAt', RULE)
  const days = rules.arrearsReplyWorkingDays
  return {
    ruleId: RULE,
    lastDay: addWorkingDays(calendar, toShanghaiDay(noticedAt), days),
    dueBefore: workingDaysDeadline(calendar, noticedAt, days),
  }
}

/**
 * R-CON-3 "拖欠产品交付应确保在一周内完成": a delivery late against its promised day must be
 * completed within `lateDeliveryCalendarDays` (**default** 7, one calendar week) after that day,
 * holidays included.
 *
 * @throws {@link ContractInputError} `CONTRACT.INVALID_DAY`
 *
 * @example
 * lateDeliveryDeadline('2026-09-28')
 * //=> { lastDay: '2026-10-05', dueBefore: 2026-10-06T00:00+08:00, ruleId: 'R-CON-3' }
 */
export function lateDeliveryDeadline(promisedDay: CivilDay, policy: ContractPolicy = defaultContractPolicy): DayDeadline {
  const rules = readContractPolicy(policy)
  const day = readDay(promisedDay, 'promisedDay', RULE)
  const days = rules.lateDeliveryCalendarDays
  return { ruleId: RULE, lastDay: addCalendarDays(day, days), dueBefore: calendarDaysDeadline(day, days) }
}

/**
 * R-CON-3 Where the arrears reply stands at `at`. A reply after `at` is not known yet at `at`.
 * Monotone in `at`: once `overdue` it never returns to `pending`, and `onTime`/`late` never change.
 *
 * @throws {@link ContractInputError} `CONTRACT.INVALID_INSTANT`, `CONTRACT.INCONSISTENT_DATES` (a reply before the notice)
 *
 * @example
 * arrearsReplyStatus({ noticedAt: shanghaiInstant('2026-09-30', '15:00') }, shanghaiInstant('2026-10-10', '09:00'), calendar).state
 * //=> 'overdue'
 */
export function arrearsReplyStatus(
  arrears: { readonly noticedAt: Date; readonly repliedAt?: Date },
  at: Date,
  calendar: WorkingCalendar,
  policy: ContractPolicy = defaultContractPolicy,
): DeadlineStatus {
  const record = readRecord(arrears, 'arrears', RULE)
  const noticedAt = readInstant(record['noticedAt'], 'arrears.noticedAt', RULE)
  const repliedAt = record['repliedAt'] === undefined ? undefined : readInstant(record['repliedAt'], 'arrears.repliedAt', RULE)
  if (repliedAt !== undefined && repliedAt.getTime() < noticedAt.getTime()) {
    throw invalid(ContractErrorCode.INCONSISTENT_DATES, 'arrears.repliedAt', 'must not be before noticedAt', '不能早于 noticedAt（发现拖欠时间）', repliedAt, RULE)
  }
  const deadline = arrearsReplyDeadline(noticedAt, calendar, policy)
  return { ruleId: RULE, state: stateAt(deadline, repliedAt, readInstant(at, 'at', RULE)), deadline }
}

/**
 * R-CON-3 Where a late delivery stands at `at`: delivered (`deliveredAt` ≤ `at`) on time or late,
 * or not yet delivered (`pending` / `overdue`).
 *
 * @throws {@link ContractInputError} `CONTRACT.INVALID_DAY`, `CONTRACT.INVALID_INSTANT`
 *
 * @example
 * lateDeliveryStatus({ promisedDay: '2026-09-28', deliveredAt: shanghaiInstant('2026-10-05', '17:00') }, shanghaiInstant('2026-10-20', '09:00')).state
 * //=> 'onTime'
 */
export function lateDeliveryStatus(
  delivery: { readonly promisedDay: CivilDay; readonly deliveredAt?: Date },
  at: Date,
  policy: ContractPolicy = defaultContractPolicy,
): DeadlineStatus {
  const record = readRecord(delivery, 'delivery', RULE)
  const promisedDay = readDay(record['promisedDay'], 'delivery.promisedDay', RULE)
  const deliveredAt = record['deliveredAt'] === undefined ? undefined : readInstant(record['deliveredAt'], 'delivery.deliveredAt', RULE)
  const deadline = lateDeliveryDeadline(promisedDay, policy)
  return { ruleId: RULE, state: stateAt(deadline, deliveredAt, readInstant(at, 'at', RULE)), deadline }
}

function stateAt(deadline: DayDeadline, doneAt: Date | undefined, at: Date): DeadlineStatus['state'] {
  const due = deadline.dueBefore.getTime()
  if (doneAt !== undefined && doneAt.getTime() <= at.getTime()) return doneAt.getTime() < due ? 'onTime' : 'late'
  return at.getTime() < due ? 'pending' : 'overdue'
}
