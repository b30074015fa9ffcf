import { addWorkingHours } from '../calendar/addWorkingHours.js'
import { workingMillisecondsBetween } from '../calendar/workingHoursBetween.js'
import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import { ServiceErrorCode } from './errors.js'
import { defaultServicePolicy, readServicePolicy, SERVICE_ZONES, type ServicePolicy, type ServiceZone } from './policy.js'
import { invalid, readInstant, readOptionalInstant, readRecord } from './readers.js'

const RULE = 'R-SVC-3'
const MS_PER_HOUR = 3_600_000

/** What the dispatch SLA needs of a ticket. */
export interface DispatchSlaSubject {
  readonly callAt: Date
  readonly zone: ServiceZone
  /** When the technician arrived, if they have. */
  readonly arrivedAt?: Date
}

/**
 * The dispatch SLA at an instant (派工时效):
 *
 * - `met` — arrived at or before the deadline;
 * - `on-track` — not arrived, more than `atRiskWorkingHours` of working time left;
 * - `at-risk` — not arrived, at most `atRiskWorkingHours` left (but not past the deadline);
 * - `breached` — not arrived by the deadline, and `now` is past it.
 */
export type DispatchSlaState = 'met' | 'on-track' | 'at-risk' | 'breached'

/** The verdict of {@link breachStatus}. */
export interface DispatchSlaStatus {
  readonly ruleId: 'R-SVC-3'
  readonly status: DispatchSlaState
  /** The latest arrival that meets the SLA (inclusive). */
  readonly deadline: Date
  readonly allowedWorkingHours: number
  /** Working time left until the deadline, for `on-track` and `at-risk` (ms, ≥ 0). */
  readonly remainingWorkingMs?: number
  /**
   * For `breached`: working time from the deadline to the arrival (or to `now` while still not
   * arrived), in ms. It is 0 when the deadline was a window's end and it is now outside working
   * hours: breached, but no working time lost yet.
   */
  readonly overdueWorkingMs?: number
}

/**
 * R-SVC-3 The dispatch deadline (派工时限): "市区采用6小时，郊区采取7小时派工制，即叫修时间至抵达服务时间
 * 不得逾上班时间内6小时或7小时" — the call time plus the zone's working hours (**default** urban 6,
 * suburban 7), counted inside working windows only (R-CAL-3): a call outside working hours starts
 * the clock at the next window.
 *
 * @throws {@link ServiceInputError} `SERVICE.INVALID_INSTANT`, `SERVICE.INVALID_TICKET`; `CALENDAR.YEAR_NOT_COVERED`
 *
 * @example
 * dispatchDeadline({ callAt: shanghaiInstant('2026-09-30', '16:30'), zone: 'urban' }, calendar)
 * //=> 2026-10-08T14:30+08:00 (1.5 h on 09-30, 国庆节 10-01…10-07, 4.5 h on 10-08)
 */
export function dispatchDeadline(subject: DispatchSlaSubject, calendar: WorkingCalendar, policy: ServicePolicy = defaultServicePolicy): Date {
  return readSubject(subject, calendar, readServicePolicy(policy)).deadline
}

/**
 * R-SVC-3 Where a call stands against its dispatch SLA at `now`. An arrival after `now` is not
 * known yet at `now`. Monotone in `now`: once `breached` it stays breached, once `met` it stays
 * met, and `on-track` never follows `at-risk`.
 *
 * @throws {@link ServiceInputError} `SERVICE.INVALID_INSTANT`, `SERVICE.INVALID_TICKET`; `CALENDAR.YEAR_NOT_COVERED`
 *
 * @example
 * const call = { callAt: shanghaiInstant('2026-09-30', '16:30'), zone: 'urban' as const }
 * breachStatus(call, shanghaiInstant('2026-10-08', '10:00'), calendar) //=> { status: 'on-track', remainingWorkingMs: 3.5 h, … }
 * breachStatus(call, shanghaiInstant('2026-10-08', '14:00'), calendar).status //=> 'at-risk'
 * breachStatus(call, shanghaiInstant('2026-10-08', '15:00'), calendar) //=> { status: 'breached', overdueWorkingMs: 30 min, … }
 */
export function breachStatus(
  subject: DispatchSlaSubject,
  now: Date,
  calendar: WorkingCalendar,
  policy: ServicePolicy = defaultServicePolicy,
): DispatchSlaStatus {
  const rules = readServicePolicy(policy)
  const { deadline, hours, arrivedAt } = readSubject(subject, calendar, rules)
  const at = readInstant(now, 'now', RULE)
  const base = { ruleId: RULE, deadline, allowedWorkingHours: hours } as const
  const known = arrivedAt !== undefined && arrivedAt.getTime() <= at.getTime() ? arrivedAt : undefined
  // "不得逾…6小时": arriving exactly at the deadline meets it.
  if (known !== undefined && known.getTime() <= deadline.getTime()) return { ...base, status: 'met' }
  if (known !== undefined || at.getTime() > deadline.getTime()) {
    return { ...base, status: 'breached', overdueWorkingMs: workingMillisecondsBetween(calendar, known ?? at, deadline) }
  }
  const remainingWorkingMs = workingMillisecondsBetween(calendar, deadline, at)
  const status = remainingWorkingMs > Math.round(rules.atRiskWorkingHours * MS_PER_HOUR) ? 'on-track' : 'at-risk'
  return { ...base, status, remainingWorkingMs }
}

function readSubject(subject: unknown, calendar: WorkingCalendar, rules: ServicePolicy): { deadline: Date; hours: number; arrivedAt: Date | undefined } {
  const record = readRecord(subject, 'ticket', RULE)
  const callAt = readInstant(record['callAt'], 'ticket.callAt', RULE)
  const zone = record['zone']
  if (!(SERVICE_ZONES as readonly unknown[]).includes(zone)) {
    throw invalid(ServiceErrorCode.INVALID_TICKET, 'ticket.zone', 'must be urban or suburban', '必须是 urban（市区）或 suburban（郊区）', zone, RULE)
  }
  const arrivedAt = readOptionalInstant(record['arrivedAt'], 'ticket.arrivedAt', RULE)
  if (arrivedAt !== undefined && arrivedAt.getTime() < callAt.getTime()) {
    throw invalid(ServiceErrorCode.INVALID_TICKET, 'ticket.arrivedAt', 'must not be before callAt', '不能早于叫修时间 callAt', arrivedAt, RULE)
  }
  // R-SVC-3 hours per zone are policy.
  const hours = rules.dispatchWorkingHours[zone as ServiceZone]
  return { deadline: addWorkingHours(calendar, callAt, hours), hours, arrivedAt }
}
