import { inputError } from '../input/index.js'
import { Money } from '../money/money.js'
import { InvalidArchiveInputError } from './errors.js'
import { ARCHIVE_FIELDS, ARCHIVE_FIELD_LABELS_ZH, type ArchiveFieldName } from './fields.js'
import { ArchiveRecordErrorCode, InvalidArchiveRecordError } from './recordErrors.js'
import { IssueList, readBoolean, readChoice, readInstantField, readList, readRecord, type RecordIssue, readText } from './recordIssues.js'
import { assertCustomerArchive, type CustomerArchive } from './records.js'
import { createCustomerArchivePolicy, type CustomerArchivePolicy, defaultCustomerArchivePolicy } from './recordPolicy.js'
import { describeValue } from './verdict.js'

/**
 * Kinds of archive timeline events (客户往来记录类型, R-ARC-6): the business contacts the
 * 客户信息管理办法 names (信函, 传真, 长话 …) and the major changes of the customer.
 *
 * @example
 * TIMELINE_EVENT_KINDS.fax //=> '传真'
 */
export const TIMELINE_EVENT_KINDS = {
  letter: '信函',
  fax: '传真',
  call: '电话',
  visit: '拜访',
  email: '电子邮件',
  meeting: '会谈',
  reception: '接待',
  gift: '礼品馈赠',
  majorChange: '重大变动',
  other: '其他往来',
} as const

/** One of the {@link TIMELINE_EVENT_KINDS} keys. */
export type TimelineEventKind = keyof typeof TIMELINE_EVENT_KINDS

/** One validated event of a customer's archive timeline (客户档案往来记录, R-ARC-6). */
export interface TimelineEvent {
  /** Identifier chosen by the application; unique on a timeline. */
  readonly id: string
  readonly customerId: string
  readonly kind: TimelineEventKind
  /** When it happened. */
  readonly at: Date
  /** Who had the contact or recorded the change (经办人). */
  readonly byStaffId: string
  /** What happened (摘要). */
  readonly summary: string
  /** Confidential business (保密业务): not reported to the information department (R-ACC-3); **default** `false`. */
  readonly confidential: boolean
  /** For a major change: the archive fields that changed. */
  readonly changedFields?: readonly ArchiveFieldName[]
}

/** The verdict of {@link readTimelineEvent}. */
export type TimelineEventVerdict = { readonly ok: true; readonly event: TimelineEvent } | { readonly ok: false; readonly issues: readonly RecordIssue[] }

/** A customer's timeline: its events sorted by time, equal instants in the order they were added. */
export interface CustomerTimeline {
  readonly customerId: string
  readonly events: readonly TimelineEvent[]
}

/** Why an event was not added — a business outcome, returned as data. */
export interface TimelineRefusal {
  /** `ARCHIVE.DUPLICATE_EVENT_ID` or `ARCHIVE.EVENT_OF_ANOTHER_CUSTOMER`. */
  readonly code: string
  readonly ruleId: 'R-ARC-6'
  readonly messageZh: string
  readonly messageEn: string
}

/** The outcome of {@link appendTimelineEvent}. */
export type AppendTimelineResult = { readonly ok: true; readonly timeline: CustomerTimeline } | { readonly ok: false; readonly refusal: TimelineRefusal }

/** One major change between two versions of an archive (重大变动, R-ARC-6). */
export interface MajorChange {
  readonly field: ArchiveFieldName
  /** Chinese label of the field, e.g. 法定代表人. */
  readonly labelZh: string
  /** The value before (undefined when it was empty). */
  readonly before: unknown
  /** The value after (undefined when it was cleared). */
  readonly after: unknown
}

const EVENT_KEYS = ['id', 'customerId', 'kind', 'at', 'byStaffId', 'summary', 'confidential', 'changedFields'] as const

const FIELD_CHOICES = Object.fromEntries(ARCHIVE_FIELDS.map((field) => [field, ARCHIVE_FIELD_LABELS_ZH[field]])) as Record<ArchiveFieldName, string>

function readEventInto(input: unknown, path: string, issues: IssueList): TimelineEvent | undefined {
  const before = issues.count
  const record = readRecord(input, path, issues, EVENT_KEYS, 'a timeline event', '往来记录')
  if (record === undefined) return undefined
  const at = (key: string): string => (path === '' ? key : `${path}.${key}`)
  const id = readText(record['id'], { field: at('id'), labelEn: 'the event id', labelZh: '事件编号' }, issues, true)
  const customerId = readText(record['customerId'], { field: at('customerId'), labelEn: 'the customer id', labelZh: '客户编号' }, issues, true)
  const kind = readChoice(record['kind'], { field: at('kind'), labelEn: 'the event kind', labelZh: '事件类型' }, issues, true, TIMELINE_EVENT_KINDS)
  const when = readInstantField(record['at'], { field: at('at'), labelEn: 'the time', labelZh: '时间' }, issues, true)
  const byStaffId = readText(record['byStaffId'], { field: at('byStaffId'), labelEn: 'the staff id', labelZh: '经办人' }, issues, true)
  const summary = readText(record['summary'], { field: at('summary'), labelEn: 'the summary', labelZh: '摘要' }, issues, true)
  const confidential = readBoolean(record['confidential'], { field: at('confidential'), labelEn: 'the confidential flag', labelZh: '保密标记' }, issues) ?? false
  const changedList = readList(record['changedFields'], { field: at('changedFields'), labelEn: 'the changed fields', labelZh: '变动字段' }, issues, false)
  const changedFields = changedList?.map((name, index) =>
    readChoice(name, { field: `${at('changedFields')}[${index}]`, labelEn: 'a changed field', labelZh: '变动字段' }, issues, true, FIELD_CHOICES),
  )
  if (issues.count !== before || id === undefined || customerId === undefined || kind === undefined || when === undefined || byStaffId === undefined || summary === undefined) {
    return undefined
  }
  return Object.freeze({
    id,
    customerId,
    kind,
    at: when,
    byStaffId,
    summary,
    confidential,
    ...(changedFields === undefined || changedFields.length === 0 ? {} : { changedFields: Object.freeze(changedFields as ArchiveFieldName[]) }),
  })
}

/**
 * R-ARC-6 Reads a timeline event (往来记录) and reports **every** issue at once: id, customerId,
 * kind (one of {@link TIMELINE_EVENT_KINDS}, by key or Chinese label), at (a `Date` or ISO text
 * with an offset), byStaffId and summary are required; `confidential` defaults to `false`;
 * `changedFields` lists archive field names.
 *
 * @example
 * readTimelineEvent({ id: 'e1', customerId: 'C1', kind: '传真', at: '2026-09-25T15:00:00+08:00', byStaffId: 'u1', summary: '发送报价' }).ok //=> true
 * readTimelineEvent({ id: 'e1', kind: 'telegram' }).ok //=> false (customerId, kind, at, byStaffId, summary)
 */
export function readTimelineEvent(input: unknown): TimelineEventVerdict {
  const issues = new IssueList('ARCHIVE')
  const event = readEventInto(input, '', issues)
  return event === undefined ? Object.freeze({ ok: false, issues: issues.frozen() }) : Object.freeze({ ok: true, event })
}

/**
 * R-ARC-6 Like {@link readTimelineEvent}, but returns the event or throws.
 * @throws {@link InvalidArchiveRecordError} `ARCHIVE.INVALID_RECORD` listing every issue
 *
 * @example
 * assertTimelineEvent({ id: 'e1', customerId: 'C1', kind: 'call', at: new Date('2026-09-25T07:00:00Z'), byStaffId: 'u1', summary: '电话回访' }).confidential //=> false
 */
export function assertTimelineEvent(input: unknown): TimelineEvent {
  const verdict = readTimelineEvent(input)
  if (verdict.ok) return verdict.event
  throw new InvalidArchiveRecordError(verdict.issues, 'R-ARC-6', 'the timeline event', '往来记录')
}

/**
 * An empty timeline of one customer (客户往来记录).
 *
 * @example
 * emptyTimeline('C1') //=> { customerId: 'C1', events: [] }
 */
export function emptyTimeline(customerId: string): CustomerTimeline {
  if (typeof customerId !== 'string' || customerId.trim() === '') throw invalidTimeline('customerId', 'must be a non-empty string', '必须是非空字符串', customerId)
  return Object.freeze({ customerId: customerId.trim(), events: Object.freeze([]) })
}

/**
 * R-ARC-6 Adds an event to a customer's timeline and returns a **new** timeline, sorted by time;
 * an event at the same instant as existing ones goes after them (stable). Refused, as data, when
 * the id is already on the timeline (`ARCHIVE.DUPLICATE_EVENT_ID`) or the event belongs to another
 * customer (`ARCHIVE.EVENT_OF_ANOTHER_CUSTOMER`). The given timeline is not changed.
 *
 * @throws {@link InvalidArchiveRecordError} for a malformed event; {@link InvalidArchiveInputError}
 *   `ARCHIVE.INVALID_ARGUMENT` for a malformed timeline (unsorted, duplicate ids, wrong customer)
 *
 * @example
 * const call = { id: 'e1', customerId: 'C1', kind: 'call', at: '2026-09-25T15:00:00+08:00', byStaffId: 'u1', summary: '电话沟通' }
 * const added = appendTimelineEvent(emptyTimeline('C1'), call)
 * added.ok && added.timeline.events.length //=> 1
 * added.ok && appendTimelineEvent(added.timeline, call).ok //=> false (ARCHIVE.DUPLICATE_EVENT_ID)
 */
export function appendTimelineEvent(timeline: CustomerTimeline, event: unknown): AppendTimelineResult {
  const current = readTimeline(timeline)
  const added = assertTimelineEvent(event)
  if (added.customerId !== current.customerId) {
    return refuse(
      ArchiveRecordErrorCode.EVENT_OF_ANOTHER_CUSTOMER,
      `事件 ${added.id} 属于客户 ${added.customerId}，不能记入客户 ${current.customerId} 的档案`,
      `event ${added.id} belongs to customer ${added.customerId}, not to ${current.customerId}`,
    )
  }
  if (current.events.some((existing) => existing.id === added.id)) {
    return refuse(ArchiveRecordErrorCode.DUPLICATE_EVENT_ID, `事件编号 ${added.id} 已在该客户档案中`, `event id ${added.id} is already on the timeline`)
  }
  const time = added.at.getTime()
  // Upper bound: the first event strictly later than the new one, so equal instants keep insertion order.
  let low = 0
  let high = current.events.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((current.events[middle]?.at.getTime() ?? 0) <= time) low = middle + 1
    else high = middle
  }
  const events = [...current.events.slice(0, low), added, ...current.events.slice(low)]
  return Object.freeze({ ok: true, timeline: Object.freeze({ customerId: current.customerId, events: Object.freeze(events) }) })
}

/**
 * R-ARC-6 The major changes (重大变动) between two versions of a customer's archive: the fields of
 * `policy.majorChangeFields` (**default** name, creditCode, legalRepresentative, address,
 * registeredCapital, companyNature, status) whose value differs, in the policy's order. Money is
 * compared by amount; lists element by element. Both archives are validated first.
 *
 * @throws {@link InvalidArchiveRecordError} for a malformed archive; {@link PolicyValidationError} for an invalid policy
 *
 * @example
 * majorChanges({ name: '甲公司', address: '宁波' }, { name: '甲公司', address: '杭州', fax: '0574-87654321' })
 * //=> [{ field: 'address', labelZh: '地址', before: '宁波', after: '杭州' }] (fax is not a major field)
 */
export function majorChanges(before: CustomerArchive, after: CustomerArchive, policy: CustomerArchivePolicy = defaultCustomerArchivePolicy): readonly MajorChange[] {
  const checked = policy === defaultCustomerArchivePolicy ? policy : createCustomerArchivePolicy(policy, 'policy')
  const old = assertCustomerArchive(before, checked) as unknown as Readonly<Record<string, unknown>>
  const next = assertCustomerArchive(after, checked) as unknown as Readonly<Record<string, unknown>>
  const changes: MajorChange[] = []
  for (const field of checked.majorChangeFields) {
    if (!sameValue(old[field], next[field])) {
      changes.push(Object.freeze({ field, labelZh: ARCHIVE_FIELD_LABELS_ZH[field], before: old[field], after: next[field] }))
    }
  }
  return Object.freeze(changes)
}

/** Who recorded a major change, when, and the event id to use. */
export interface MajorChangeEventInput {
  readonly id: string
  readonly customerId: string
  readonly at: Date | string
  readonly byStaffId: string
  readonly confidential?: boolean
}

/**
 * R-ARC-6 The timeline event recording a list of major changes (kind `majorChange`, the changed
 * fields listed, a bilingual summary), or `undefined` when there is nothing to record.
 *
 * @throws {@link InvalidArchiveRecordError} for a malformed id, customer, instant or staff id
 *
 * @example
 * const changes = majorChanges({ name: '甲公司', address: '宁波' }, { name: '甲公司', address: '杭州' })
 * majorChangeEvent(changes, { id: 'e9', customerId: 'C1', at: '2026-09-28T10:00:00+08:00', byStaffId: 'u1' })?.summary
 * //=> '重大变动 major change: 地址 address "宁波" → "杭州"'
 */
export function majorChangeEvent(changes: readonly MajorChange[], input: MajorChangeEventInput): TimelineEvent | undefined {
  if (!Array.isArray(changes as unknown)) throw invalidTimeline('changes', 'must be a list of major changes', '必须是重大变动列表', changes)
  if (changes.length === 0) return undefined
  const parts = changes.map((change) => `${ARCHIVE_FIELD_LABELS_ZH[change.field]} ${change.field} ${show(change.before)} → ${show(change.after)}`)
  return assertTimelineEvent({
    ...input,
    kind: 'majorChange',
    summary: `重大变动 major change: ${parts.join('; ')}`,
    changedFields: changes.map((change) => change.field),
  })
}

function show(value: unknown): string {
  if (value === undefined) return '(空 empty)'
  if (value instanceof Money) return value.toString()
  return JSON.stringify(value) ?? String(value)
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Money && b instanceof Money) return a.equals(b)
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]))
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const left = a as Record<string, unknown>
    const right = b as Record<string, unknown>
    const keys = new Set([...Object.keys(left), ...Object.keys(right)])
    return [...keys].every((key) => sameValue(left[key], right[key]))
  }
  return false
}

function readTimeline(timeline: unknown): CustomerTimeline {
  if (typeof timeline !== 'object' || timeline === null) throw invalidTimeline('timeline', 'must be an object { customerId, events }', '必须是 { customerId, events } 对象', timeline)
  const record = timeline as Record<string, unknown>
  const customerId = record['customerId']
  if (typeof customerId !== 'string' || customerId.trim() === '') throw invalidTimeline('timeline.customerId', 'must be a non-empty string', '必须是非空字符串', customerId)
  const events = record['events']
  if (!Array.isArray(events)) throw invalidTimeline('timeline.events', 'must be a list of events', '必须是事件列表', events)
  const owner = customerId.trim()
  const ids = new Set<string>()
  let previous = Number.NEGATIVE_INFINITY
  const checked = events.map((raw: unknown, index) => {
    const event = assertTimelineEvent(raw)
    const field = `timeline.events[${index}]`
    if (event.customerId !== owner) throw invalidTimeline(`${field}.customerId`, `must be ${owner}`, `必须是 ${owner}`, event.customerId)
    if (ids.has(event.id)) throw invalidTimeline(`${field}.id`, 'is used twice', '重复', event.id)
    if (event.at.getTime() < previous) throw invalidTimeline(`${field}.at`, 'is earlier than the event before it (the timeline must be sorted)', '早于前一事件（时间线必须按时间排序）', event.at.toISOString())
    ids.add(event.id)
    previous = event.at.getTime()
    return event
  })
  return { customerId: owner, events: checked }
}

function refuse(code: string, messageZh: string, messageEn: string): AppendTimelineResult {
  return Object.freeze({ ok: false, refusal: Object.freeze({ code, ruleId: 'R-ARC-6', messageZh, messageEn }) })
}

function invalidTimeline(field: string, en: string, zh: string, value: unknown): InvalidArchiveInputError {
  return inputError(InvalidArchiveInputError, { code: ArchiveRecordErrorCode.INVALID_ARGUMENT, field, expectedEn: en, expectedZh: zh, value, ruleId: 'R-ARC-6', describe: describeValue })
}
