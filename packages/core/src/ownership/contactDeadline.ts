import { calendarDaysDeadline, workingDaysDeadline } from '../calendar/deadline.js'
import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import { type CustomerTier, isCustomerTier } from '../tiering/tier.js'
import { OwnershipErrorCode } from './errors.js'
import { defaultOwnershipPolicy, type OwnershipPolicy, readOwnershipPolicy } from './policy.js'
import { invalid, readDate, readOptionalDate, readRecord } from './read.js'

/** An assignment as R-OWN-2 sees it: when the current owner got the customer, and its tier. */
export interface Assignment {
  readonly assignedAt: Date
  readonly tier: CustomerTier
}

/** Where an assigned customer stands against its contact deadline (R-OWN-2). */
export type ReclaimStatus =
  /** Contacted before the deadline (按期联系): the owner keeps it. */
  | { readonly status: 'contacted'; readonly contactedAt: Date; readonly deadline: Date }
  /** Not contacted yet, deadline still ahead (期限内): `timeLeftMs` until `deadline`. */
  | { readonly status: 'within-deadline'; readonly deadline: Date; readonly timeLeftMs: number }
  /**
   * Not contacted before the deadline (逾期未联系): the manager may reassign it since `since`
   * (= the deadline). `contactedLateAt` is set when a contact came, but only after the deadline.
   */
  | { readonly status: 'reclaimable'; readonly deadline: Date; readonly since: Date; readonly overdueMs: number; readonly contactedLateAt?: Date }

/**
 * The contact deadline of an assignment (首次联系期限, R-OWN-2): the exclusive end of the N-th
 * calendar or working day after the assignment day (R-CAL-4), N and the unit from the tier's
 * policy entry. **default** 7 calendar days ("一周内").
 *
 * @throws {@link OwnershipInputError} `OWNERSHIP.INVALID_ASSIGNMENT` / `OWNERSHIP.INVALID_INSTANT`;
 *   calendar errors (e.g. `CALENDAR.YEAR_NOT_COVERED`) for working days
 *
 * @example
 * // assigned Tuesday 2025-09-30 16:00, 7 calendar days (the National Day holiday counts)
 * contactDeadline({ assignedAt: shanghaiInstant('2025-09-30', '16:00'), tier: 'general' }, calendar)
 * //=> 2025-10-08T00:00+08:00 (contact strictly before it)
 * // with { contactDeadline: { general: { days: 5, unit: 'workingDays' } } }
 * //=> 2025-10-15T00:00+08:00 (10-09, 10-10, 10-11 make-up Saturday, 10-13, 10-14)
 */
export function contactDeadline(assignment: Assignment, calendar: WorkingCalendar, policy: OwnershipPolicy = defaultOwnershipPolicy): Date {
  const { assignedAt, tier } = readAssignment(assignment)
  return deadlineOf(assignedAt, tier, calendar, readOwnershipPolicy(policy))
}

/** @internal the deadline from already validated values */
export function deadlineOf(assignedAt: Date, tier: CustomerTier, calendar: WorkingCalendar, policy: OwnershipPolicy): Date {
  const rule = policy.contactDeadline[tier] // R-OWN-2
  return rule.unit === 'workingDays' ? workingDaysDeadline(calendar, assignedAt, rule.days) : calendarDaysDeadline(assignedAt, rule.days)
}

/**
 * Whether an assigned customer may be reclaimed (可回收) at `now` (R-OWN-2): a first contact
 * strictly before the deadline keeps it; otherwise, from the deadline on, it is reclaimable —
 * also when a contact came late ("一周内…否则经理有权将客户转至其他人员"). Contacts dated after
 * `now` have not happened yet and are ignored.
 *
 * @throws {@link OwnershipInputError} `OWNERSHIP.INVALID_ASSIGNMENT` / `OWNERSHIP.INVALID_INSTANT`
 *
 * @example
 * const assignment = { assignedAt: shanghaiInstant('2025-03-03', '10:00'), tier: 'general' }
 * reclaimStatus(assignment, {}, shanghaiInstant('2025-03-10', '23:00'), calendar)
 * //=> { status: 'within-deadline', deadline: 2025-03-11T00:00+08:00, timeLeftMs: 3600000 }
 * reclaimStatus(assignment, {}, shanghaiInstant('2025-03-11', '00:00'), calendar)
 * //=> { status: 'reclaimable', deadline: …, since: 2025-03-11T00:00+08:00, overdueMs: 0 }
 * reclaimStatus(assignment, { firstContactAt: shanghaiInstant('2025-03-05', '09:00') }, shanghaiInstant('2025-03-20'), calendar).status
 * //=> 'contacted'
 */
export function reclaimStatus(
  assignment: Assignment,
  contact: { readonly firstContactAt?: Date | undefined },
  now: Date,
  calendar: WorkingCalendar,
  policy: OwnershipPolicy = defaultOwnershipPolicy,
): ReclaimStatus {
  const { assignedAt, tier } = readAssignment(assignment)
  const firstContactAt = readOptionalDate(readRecord(contact, 'contact', OwnershipErrorCode.INVALID_ASSIGNMENT)['firstContactAt'], 'contact.firstContactAt')
  return statusOf(assignedAt, tier, firstContactAt, readDate(now, 'now'), calendar, readOwnershipPolicy(policy))
}

/** @internal {@link reclaimStatus} from already validated values */
export function statusOf(
  assignedAt: Date,
  tier: CustomerTier,
  firstContactAt: Date | undefined,
  now: Date,
  calendar: WorkingCalendar,
  policy: OwnershipPolicy,
): ReclaimStatus {
  const deadline = deadlineOf(assignedAt, tier, calendar, policy)
  const contacted = firstContactAt !== undefined && firstContactAt.getTime() <= now.getTime() ? firstContactAt : undefined
  if (contacted !== undefined && contacted.getTime() < deadline.getTime()) return { status: 'contacted', contactedAt: contacted, deadline }
  if (now.getTime() < deadline.getTime()) return { status: 'within-deadline', deadline, timeLeftMs: deadline.getTime() - now.getTime() }
  return {
    status: 'reclaimable',
    deadline,
    since: deadline,
    overdueMs: now.getTime() - deadline.getTime(),
    ...(contacted === undefined ? {} : { contactedLateAt: contacted }),
  }
}

function readAssignment(value: unknown): Assignment {
  const record = readRecord(value, 'assignment', OwnershipErrorCode.INVALID_ASSIGNMENT)
  const tier = record['tier']
  if (!isCustomerTier(tier)) {
    invalid(OwnershipErrorCode.INVALID_ASSIGNMENT, 'assignment.tier', 'must be one of strategic, key, general, reserve', '必须是 strategic、key、general、reserve 之一', tier, 'R-OWN-2')
  }
  return { assignedAt: readDate(record['assignedAt'], 'assignment.assignedAt'), tier }
}
