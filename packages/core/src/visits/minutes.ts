import { IssueList, readInstantField, readRecord, type RecordIssue, readText } from '../archive/recordIssues.js'
import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import { hasRole, readStaff, type Staff } from '../staff/staff.js'
import { invalidVisitArgument, readDateArgument, VisitErrorCode, type VisitRefusal, visitRefusal } from './errors.js'
import { minutesDeadline } from './deadlines.js'
import { defaultVisitPolicy, type VisitPolicy } from './policy.js'

/** Where minutes stand (纪要状态), R-VIS-4: draft → reviewed → sent → acknowledged. */
export type MinutesStatus = 'draft' | 'reviewed' | 'sent' | 'acknowledged'

/** Meeting minutes (会谈纪要) and their workflow state, R-VIS-4. Immutable: each step returns a new value. */
export interface MeetingMinutes {
  readonly id: string
  readonly customerId: string
  /** When the face-to-face meeting took place (会谈时间). */
  readonly meetingAt: Date
  /** Who wrote the minutes (编写人, 业务员). */
  readonly authorId: string
  /** When the draft was written (编写时间); due before {@link minutesDeadline}. */
  readonly draftedAt: Date
  /** The text of the minutes. */
  readonly content: string
  readonly status: MinutesStatus
  /** The manager who reviewed them (审阅人), once reviewed. */
  readonly reviewedBy?: string
  readonly reviewedAt?: Date
  /** Who sent them to the customer, once sent. */
  readonly sentBy?: string
  readonly sentAt?: Date
  /** When the customer confirmed receipt (确认收到), once acknowledged. */
  readonly acknowledgedAt?: Date
}

/** The verdict of {@link draftMinutes}. */
export type MinutesDraftVerdict = { readonly ok: true; readonly minutes: MeetingMinutes } | { readonly ok: false; readonly issues: readonly RecordIssue[] }

/** The outcome of a workflow step: the new minutes, or a refusal (as data). */
export type MinutesActionResult = { readonly ok: true; readonly minutes: MeetingMinutes } | { readonly ok: false; readonly refusal: VisitRefusal }

const DRAFT_KEYS = ['id', 'customerId', 'meetingAt', 'authorId', 'draftedAt', 'content'] as const

/**
 * R-VIS-4 Starts the minutes of a face-to-face meeting (编写会谈纪要) as a draft, reporting
 * **every** issue at once: id, customer, meeting time, author, drafting time (not before the
 * meeting: `VISIT.DRAFTED_BEFORE_MEETING`) and content are required. Whether the draft is on
 * time is {@link isMinutesLate}.
 *
 * @example
 * draftMinutes({ id: 'M1', customerId: 'C1', meetingAt: '2026-09-30T16:00:00+08:00', authorId: 'u7', draftedAt: '2026-10-08T10:00:00+08:00', content: '双方确认交货期' })
 * //=> { ok: true, minutes: { …, status: 'draft' } }
 */
export function draftMinutes(input: unknown): MinutesDraftVerdict {
  const issues = new IssueList('VISIT')
  const record = readRecord(input, '', issues, DRAFT_KEYS, 'the meeting minutes', '会谈纪要')
  if (record === undefined) return Object.freeze({ ok: false, issues: issues.frozen() })
  const id = readText(record['id'], { field: 'id', labelEn: 'the minutes id', labelZh: '纪要编号' }, issues, true)
  const customerId = readText(record['customerId'], { field: 'customerId', labelEn: 'the customer', labelZh: '客户' }, issues, true)
  const meetingAt = readInstantField(record['meetingAt'], { field: 'meetingAt', labelEn: 'the meeting time', labelZh: '会谈时间' }, issues, true)
  const authorId = readText(record['authorId'], { field: 'authorId', labelEn: 'the author', labelZh: '编写人' }, issues, true)
  const draftedAt = readInstantField(record['draftedAt'], { field: 'draftedAt', labelEn: 'the drafting time', labelZh: '编写时间' }, issues, true)
  const content = readText(record['content'], { field: 'content', labelEn: 'the content', labelZh: '纪要内容' }, issues, true)
  if (meetingAt !== undefined && draftedAt !== undefined && draftedAt.getTime() < meetingAt.getTime()) {
    issues.add(
      'draftedAt',
      'DRAFTED_BEFORE_MEETING',
      `draftedAt: the minutes are dated ${draftedAt.toISOString()}, before the meeting at ${meetingAt.toISOString()}`,
      `draftedAt：纪要编写时间 ${draftedAt.toISOString()} 早于会谈时间 ${meetingAt.toISOString()}`,
    )
  }
  if (issues.count > 0 || id === undefined || customerId === undefined || meetingAt === undefined || authorId === undefined || draftedAt === undefined || content === undefined) {
    return Object.freeze({ ok: false, issues: issues.frozen() })
  }
  return Object.freeze({ ok: true, minutes: Object.freeze({ id, customerId, meetingAt, authorId, draftedAt, content, status: 'draft' as const }) })
}

/**
 * R-VIS-4 Were the minutes written late? True iff `draftedAt` is at or after
 * {@link minutesDeadline} of the meeting (**default** end of the 2nd working day after it).
 *
 * @example
 * // meeting Wed 2026-09-30 16:00; deadline end of Fri 2026-10-09
 * isMinutesLate({ …minutes, draftedAt: shanghaiInstant('2026-10-09', '17:00') }, calendar) //=> false
 * isMinutesLate({ …minutes, draftedAt: shanghaiInstant('2026-10-10', '09:00') }, calendar) //=> true
 */
export function isMinutesLate(minutes: MeetingMinutes, calendar: WorkingCalendar, policy: VisitPolicy = defaultVisitPolicy): boolean {
  const current = readMinutes(minutes)
  return current.draftedAt.getTime() >= minutesDeadline(current.meetingAt, calendar, policy).getTime()
}

/**
 * R-VIS-4 The manager reviews the draft (经部门经理审阅). Refused, as data, when the minutes are
 * not a draft (`VISIT.MINUTES_NOT_DRAFT`), the reviewer does not hold role `manager`
 * (`VISIT.REVIEWER_NOT_MANAGER`), has left (`VISIT.ACTOR_INACTIVE`), or `at` is before the
 * draft (`VISIT.BEFORE_PREVIOUS_STEP`).
 *
 * @throws `VISIT.INVALID_ARGUMENT` for malformed minutes or `at`; `STAFF.INVALID` for a malformed reviewer
 *
 * @example
 * reviewMinutes(draft, { id: 'm1', roles: ['manager'], active: true }, shanghaiInstant('2026-10-08', '15:00')).ok //=> true
 * reviewMinutes(draft, { id: 's1', roles: ['specialist'], active: true }, at) //=> { ok: false, refusal: { code: 'VISIT.REVIEWER_NOT_MANAGER', … } }
 */
export function reviewMinutes(minutes: MeetingMinutes, reviewer: Staff, at: Date): MinutesActionResult {
  const current = readMinutes(minutes)
  const person = readStaff(reviewer, 'reviewer')
  const when = readDateArgument(at, 'at', 'R-VIS-4')
  if (current.status !== 'draft') {
    return refused(VisitErrorCode.MINUTES_NOT_DRAFT, `纪要状态为 ${current.status}，只有草稿可以审阅`, `the minutes are ${current.status}; only a draft can be reviewed`)
  }
  if (!hasRole(person, 'manager')) {
    return refused(VisitErrorCode.REVIEWER_NOT_MANAGER, `会谈纪要须经经理审阅，${person.id} 不是经理`, `minutes are reviewed by a manager; ${person.id} does not hold the manager role`)
  }
  if (!person.active) return refused(VisitErrorCode.ACTOR_INACTIVE, `审阅人 ${person.id} 已离职`, `reviewer ${person.id} is no longer active`)
  if (when.getTime() < current.draftedAt.getTime()) {
    return refused(VisitErrorCode.BEFORE_PREVIOUS_STEP, `审阅时间 ${when.toISOString()} 早于编写时间 ${current.draftedAt.toISOString()}`, `review at ${when.toISOString()} is before the draft at ${current.draftedAt.toISOString()}`)
  }
  return done({ ...current, status: 'reviewed', reviewedBy: person.id, reviewedAt: when })
}

/**
 * R-VIS-4 Sends the reviewed minutes to the customer (提交客户). Refused, as data, before review
 * (`VISIT.MINUTES_NOT_REVIEWED`), when already sent (`VISIT.MINUTES_ALREADY_SENT`), by someone
 * who has left (`VISIT.ACTOR_INACTIVE`), or dated before the review (`VISIT.BEFORE_PREVIOUS_STEP`).
 *
 * @throws `VISIT.INVALID_ARGUMENT` for malformed minutes or `at`; `STAFF.INVALID` for a malformed sender
 *
 * @example
 * sendMinutesToCustomer(draft, author, at) //=> { ok: false, refusal: { code: 'VISIT.MINUTES_NOT_REVIEWED', … } }
 * sendMinutesToCustomer(reviewed, author, shanghaiInstant('2026-10-08', '16:00')).ok //=> true
 */
export function sendMinutesToCustomer(minutes: MeetingMinutes, sender: Staff, at: Date): MinutesActionResult {
  const current = readMinutes(minutes)
  const person = readStaff(sender, 'sender')
  const when = readDateArgument(at, 'at', 'R-VIS-4')
  if (current.status === 'draft') {
    return refused(VisitErrorCode.MINUTES_NOT_REVIEWED, '会谈纪要须经经理审阅后方可提交客户', 'the minutes must be reviewed by the manager before they are sent to the customer')
  }
  if (current.status !== 'reviewed') return refused(VisitErrorCode.MINUTES_ALREADY_SENT, '会谈纪要已提交客户', 'the minutes were already sent to the customer')
  if (!person.active) return refused(VisitErrorCode.ACTOR_INACTIVE, `发送人 ${person.id} 已离职`, `sender ${person.id} is no longer active`)
  const reviewedAt = current.reviewedAt as Date
  if (when.getTime() < reviewedAt.getTime()) {
    return refused(VisitErrorCode.BEFORE_PREVIOUS_STEP, `发送时间 ${when.toISOString()} 早于审阅时间 ${reviewedAt.toISOString()}`, `sending at ${when.toISOString()} is before the review at ${reviewedAt.toISOString()}`)
  }
  return done({ ...current, status: 'sent', sentBy: person.id, sentAt: when })
}

/**
 * R-VIS-4 Records that the customer confirmed receipt (确认是否收到). Refused, as data, before
 * the minutes are sent (`VISIT.MINUTES_NOT_SENT`), a second time (`VISIT.MINUTES_ALREADY_ACKNOWLEDGED`),
 * or dated before sending (`VISIT.BEFORE_PREVIOUS_STEP`).
 *
 * @example
 * confirmMinutesReceived(sent, shanghaiInstant('2026-10-09', '09:30')).ok //=> true
 */
export function confirmMinutesReceived(minutes: MeetingMinutes, at: Date): MinutesActionResult {
  const current = readMinutes(minutes)
  const when = readDateArgument(at, 'at', 'R-VIS-4')
  if (current.status === 'draft' || current.status === 'reviewed') return refused(VisitErrorCode.MINUTES_NOT_SENT, '会谈纪要尚未提交客户', 'the minutes have not been sent to the customer')
  if (current.status === 'acknowledged') return refused(VisitErrorCode.MINUTES_ALREADY_ACKNOWLEDGED, '客户已确认收到', 'the customer already confirmed receipt')
  const sentAt = current.sentAt as Date
  if (when.getTime() < sentAt.getTime()) {
    return refused(VisitErrorCode.BEFORE_PREVIOUS_STEP, `确认时间 ${when.toISOString()} 早于发送时间 ${sentAt.toISOString()}`, `confirmation at ${when.toISOString()} is before sending at ${sentAt.toISOString()}`)
  }
  return done({ ...current, status: 'acknowledged', acknowledgedAt: when })
}

function refused(code: VisitErrorCode, zh: string, en: string): MinutesActionResult {
  return Object.freeze({ ok: false, refusal: visitRefusal(code, 'R-VIS-4', zh, en) })
}

function done(minutes: MeetingMinutes): MinutesActionResult {
  return Object.freeze({ ok: true, minutes: Object.freeze(minutes) })
}

const STATUS_ORDER: readonly MinutesStatus[] = ['draft', 'reviewed', 'sent', 'acknowledged']

/** Checks that a minutes state is well-formed and consistent with its status. */
function readMinutes(value: unknown): MeetingMinutes {
  if (typeof value !== 'object' || value === null) throw invalidVisitArgument('minutes', 'must be meeting minutes', '必须是会谈纪要', value, 'R-VIS-4')
  const m = value as Record<string, unknown>
  for (const key of ['id', 'customerId', 'authorId', 'content'] as const) {
    if (typeof m[key] !== 'string' || (m[key] as string).trim() === '') throw invalidVisitArgument(`minutes.${key}`, 'must be a non-empty string', '必须是非空字符串', m[key], 'R-VIS-4')
  }
  const meetingAt = readDateArgument(m['meetingAt'], 'minutes.meetingAt', 'R-VIS-4')
  const draftedAt = readDateArgument(m['draftedAt'], 'minutes.draftedAt', 'R-VIS-4')
  const status = m['status']
  const stage = STATUS_ORDER.indexOf(status as MinutesStatus)
  if (stage < 0) throw invalidVisitArgument('minutes.status', `must be one of ${STATUS_ORDER.join(', ')}`, `必须是 ${STATUS_ORDER.join('、')} 之一`, status, 'R-VIS-4')
  const steps: readonly (readonly [string, string | undefined])[] = [
    ['reviewedAt', 'reviewedBy'],
    ['sentAt', 'sentBy'],
    ['acknowledgedAt', undefined],
  ]
  steps.forEach(([timeKey, byKey], index) => {
    const reached = stage >= index + 1
    if (reached) {
      readDateArgument(m[timeKey], `minutes.${timeKey}`, 'R-VIS-4')
      if (byKey !== undefined && (typeof m[byKey] !== 'string' || (m[byKey] as string).trim() === '')) {
        throw invalidVisitArgument(`minutes.${byKey}`, `must be set once the minutes are ${STATUS_ORDER[index + 1]}`, `在状态 ${STATUS_ORDER[index + 1]} 下必须填写`, m[byKey], 'R-VIS-4')
      }
    } else if (m[timeKey] !== undefined || (byKey !== undefined && m[byKey] !== undefined)) {
      throw invalidVisitArgument(`minutes.${timeKey}`, `must be absent while the minutes are ${String(status)}`, `在状态 ${String(status)} 下不应填写`, m[timeKey], 'R-VIS-4')
    }
  })
  if (draftedAt.getTime() < meetingAt.getTime()) throw invalidVisitArgument('minutes.draftedAt', 'must not be before the meeting', '不能早于会谈时间', draftedAt, 'R-VIS-4')
  return value as MeetingMinutes
}
