/**
 * The deadlines `kehu sla --rule …` knows (时限规则): each name maps to core's deadline (and,
 * where core has one, status) function of its rule, on the working calendar.
 * @module
 */
import {
  arrearsReplyStatus,
  breachStatus,
  type CivilDay,
  createServicePolicy,
  dataEntryDeadline,
  defaultServicePolicy,
  expenseClaimDeadline,
  lateDeliveryStatus,
  minutesDeadline,
  type ServiceZone,
  type WorkingCalendar,
  workingMillisecondsBetween,
} from '@kehu/core'

/** A dated item of an SLA file. */
export interface SlaItem {
  readonly rowNumber: number
  readonly id: string
  /** When the clock starts: an instant, or a civil day for the rules counted from a day. */
  readonly start: Date | CivilDay
  /** When the item was done (arrival, filing, reply …), if it was. */
  readonly doneAt?: Date
  /** Service zone, for `dispatch`. */
  readonly zone?: ServiceZone
}

/**
 * Where an item stands (时效状态): `met` done in time; `on-track` not done, time left; `at-risk` not
 * done, at most the at-risk working time left; `breached` done late, or not done and past due.
 */
export type SlaState = 'met' | 'on-track' | 'at-risk' | 'breached'

/** The verdict on one item. */
export interface SlaVerdict {
  readonly ruleId: string
  readonly deadline: Date
  /** `at-or-before`: done at the deadline is in time (R-SVC-3); `before`: the deadline is an exclusive day end (R-CAL-4). */
  readonly onTimeIf: 'at-or-before' | 'before'
  readonly state: SlaState
  /** Working time left until the deadline (not done yet, not past due), ms. */
  readonly remainingWorkingMs?: number
  /** Working time from the deadline to the completion or to now (breached), ms. */
  readonly overdueWorkingMs?: number
}

/** What every evaluation needs. */
export interface SlaContext {
  readonly calendar: WorkingCalendar
  readonly now: Date
  /** At most this much working time left makes an open item `at-risk`; undefined = the rule's default. */
  readonly atRiskWorkingMs?: number
}

/** An SLA rule of the command. */
export interface SlaRule {
  readonly name: string
  readonly ruleId: string
  readonly descriptionZh: string
  readonly descriptionEn: string
  /** What the `start` column holds. */
  readonly start: 'instant' | 'day'
  /** Whether the rows need a `zone` column. */
  readonly needsZone: boolean
  evaluate(item: SlaItem, context: SlaContext): SlaVerdict
}

/** **default** at-risk margin of the day-counted rules: one working day of the default windows (R-CAL-1). */
export const DAY_RULE_AT_RISK_MS = 8 * 3_600_000

/** The rules, by name, in the order `--help` lists them. */
export const SLA_RULES: readonly SlaRule[] = [
  dispatchRule('dispatch', undefined, '派工时效（按区域列：市区 6、郊区 7 个工作小时）', 'dispatch: arrival within 6 (urban) or 7 (suburban) working hours, zone from the zone column'),
  dispatchRule('dispatch-urban', 'urban', '市区派工时效：叫修至到场 6 个工作小时', 'urban dispatch: arrival within 6 working hours of the call'),
  dispatchRule('dispatch-suburban', 'suburban', '郊区派工时效：叫修至到场 7 个工作小时', 'suburban dispatch: arrival within 7 working hours of the call'),
  {
    name: 'claim-3wd',
    ruleId: 'R-EXP-2',
    descriptionZh: '出差结束后 3 个工作日内报销（开始列为出差结束日）',
    descriptionEn: 'expense claim within 3 working days after the trip (start = last day of the trip)',
    start: 'day',
    needsZone: false,
    evaluate: (item, context) => dayVerdict('R-EXP-2', expenseClaimDeadline(context.calendar, dayOf(item)), item, context),
  },
  {
    name: 'arrears-reply-2wd',
    ruleId: 'R-CON-3',
    descriptionZh: '拖欠合同 2 个工作日内答复确认交付时间（开始列为发现拖欠的时间）',
    descriptionEn: 'reply to a contract in arrears within 2 working days (start = when the arrears were noticed)',
    start: 'instant',
    needsZone: false,
    evaluate(item, context) {
      const noticedAt = instantOf(item)
      const status = arrearsReplyStatus({ noticedAt, ...(item.doneAt === undefined ? {} : { repliedAt: item.doneAt }) }, context.now, context.calendar)
      return fromDayStatus('R-CON-3', status.state, status.deadline.dueBefore, item, context)
    },
  },
  {
    name: 'late-delivery-1w',
    ruleId: 'R-CON-3',
    descriptionZh: '拖欠产品一周内交付（开始列为原定交付日，按自然日）',
    descriptionEn: 'a late delivery completed within one calendar week (start = the promised day)',
    start: 'day',
    needsZone: false,
    evaluate(item, context) {
      const status = lateDeliveryStatus({ promisedDay: dayOf(item), ...(item.doneAt === undefined ? {} : { deliveredAt: item.doneAt }) }, context.now)
      return fromDayStatus('R-CON-3', status.state, status.deadline.dueBefore, item, context)
    },
  },
  {
    name: 'data-entry-2wd',
    ruleId: 'R-VIS-3',
    descriptionZh: '收集的客户资料 2 个工作日内录入（开始列为收集时间）',
    descriptionEn: 'customer information entered within 2 working days after it was collected',
    start: 'instant',
    needsZone: false,
    evaluate: (item, context) => dayVerdict('R-VIS-3', dataEntryDeadline(instantOf(item), context.calendar), item, context),
  },
  {
    name: 'minutes-2wd',
    ruleId: 'R-VIS-4',
    descriptionZh: '会谈纪要 2 个工作日内完成（开始列为会谈时间）',
    descriptionEn: 'meeting minutes within 2 working days after the meeting',
    start: 'instant',
    needsZone: false,
    evaluate: (item, context) => dayVerdict('R-VIS-4', minutesDeadline(instantOf(item), context.calendar), item, context),
  },
]

/** The rule of a name, or `undefined`. */
export function slaRuleNamed(name: string): SlaRule | undefined {
  return SLA_RULES.find((rule) => rule.name === name.trim().toLowerCase())
}

function dispatchRule(name: string, zone: ServiceZone | undefined, descriptionZh: string, descriptionEn: string): SlaRule {
  return {
    name,
    ruleId: 'R-SVC-3',
    descriptionZh,
    descriptionEn,
    start: 'instant',
    needsZone: zone === undefined,
    evaluate(item, context) {
      // R-SVC-3: core decides met / on-track / at-risk / breached; only the at-risk margin may be set here.
      const policy = context.atRiskWorkingMs === undefined ? defaultServicePolicy : createServicePolicy({ atRiskWorkingHours: context.atRiskWorkingMs / 3_600_000 })
      const subject = { callAt: instantOf(item), zone: zone ?? item.zone ?? 'urban', ...(item.doneAt === undefined ? {} : { arrivedAt: item.doneAt }) }
      const status = breachStatus(subject, context.now, context.calendar, policy)
      return {
        ruleId: 'R-SVC-3',
        deadline: status.deadline,
        onTimeIf: 'at-or-before',
        state: status.status,
        ...(status.remainingWorkingMs === undefined ? {} : { remainingWorkingMs: status.remainingWorkingMs }),
        ...(status.overdueWorkingMs === undefined ? {} : { overdueWorkingMs: status.overdueWorkingMs }),
      }
    },
  }
}

/**
 * The verdict against an exclusive day-end deadline (R-CAL-4: in time iff strictly before it). A
 * completion after `now` is not known yet at `now`.
 */
function dayVerdict(ruleId: string, deadline: Date, item: SlaItem, context: SlaContext): SlaVerdict {
  const done = item.doneAt !== undefined && item.doneAt.getTime() <= context.now.getTime() ? item.doneAt : undefined
  const state = done !== undefined ? (done.getTime() < deadline.getTime() ? 'onTime' : 'late') : context.now.getTime() < deadline.getTime() ? 'pending' : 'overdue'
  return fromDayStatus(ruleId, state, deadline, item, context)
}

/** Maps a day-deadline state (core's `pending` / `overdue` / `onTime` / `late`) onto {@link SlaState}. */
function fromDayStatus(ruleId: string, state: 'pending' | 'overdue' | 'onTime' | 'late', deadline: Date, item: SlaItem, context: SlaContext): SlaVerdict {
  const base = { ruleId, deadline, onTimeIf: 'before' as const }
  if (state === 'onTime') return { ...base, state: 'met' }
  if (state === 'pending') {
    const remainingWorkingMs = workingMillisecondsBetween(context.calendar, deadline, context.now)
    const margin = context.atRiskWorkingMs ?? DAY_RULE_AT_RISK_MS
    return { ...base, state: remainingWorkingMs <= margin ? 'at-risk' : 'on-track', remainingWorkingMs }
  }
  const end = state === 'late' && item.doneAt !== undefined ? item.doneAt : context.now
  return { ...base, state: 'breached', overdueWorkingMs: workingMillisecondsBetween(context.calendar, end, deadline) }
}

function instantOf(item: SlaItem): Date {
  if (typeof item.start === 'string') throw new TypeError(`row ${item.rowNumber}: the rule needs an instant start`)
  return item.start
}

function dayOf(item: SlaItem): CivilDay {
  if (typeof item.start !== 'string') throw new TypeError(`row ${item.rowNumber}: the rule needs a day start`)
  return item.start
}
