import { randomUUID } from 'node:crypto'

import { appendTimelineEvent, type CustomerTimeline, KehuError, readTimelineEvent, type Staff, TIMELINE_EVENT_KINDS, type TimelineEvent } from '@kehu/core'

import { recordAction, requireCustomerAction } from '../access/customerAccess.js'
import type { Prisma, TimelineEvent as TimelineEventRow } from '../generated/prisma/client.js'
import { InputRefusal, RuleRefusal, WORKFLOW_ERRORS } from '../refusals.js'
import { builder } from './builder.js'

/** The JSON kept in a timeline row's `details` by this module: the fields of core's event the columns lack. */
interface EventDetails {
  readonly confidential?: boolean
  readonly changedFields?: readonly string[]
}

const detailsOf = (row: TimelineEventRow): EventDetails => (typeof row.details === 'object' && row.details !== null && !Array.isArray(row.details) ? (row.details as EventDetails) : {})

/**
 * Who an event is recorded by, as core reads it: the staff member, or `system` for events written
 * without one (imported history, events of customers that had no owner).
 */
export const SYSTEM_ACTOR = 'system'

/** A stored event as core's {@link TimelineEvent}, for core to check the timeline it is appended to. */
function eventFromRow(row: TimelineEventRow): unknown {
  const details = detailsOf(row)
  return {
    id: row.id,
    customerId: row.customerId,
    kind: row.kind,
    at: row.at,
    byStaffId: row.actorId ?? SYSTEM_ACTOR,
    summary: row.summary,
    confidential: details.confidential === true,
    ...(Array.isArray(details.changedFields) && details.changedFields.length > 0 ? { changedFields: details.changedFields } : {}),
  }
}

/** One event of a customer's archive timeline (往来记录与重大变动, R-ARC-6). */
export const TimelineEventRef = builder.prismaObject('TimelineEvent', {
  description: 'One event of a customer archive timeline (往来记录, R-ARC-6): a business contact (letter, fax, call, visit …) or a major change.',
  fields: (t) => ({
    eventId: t.exposeString('id'),
    customerId: t.exposeString('customerId'),
    kind: t.exposeString('kind', { description: `${Object.keys(TIMELINE_EVENT_KINDS).join(' | ')}` }),
    kindZh: t.string({ resolve: (row) => (TIMELINE_EVENT_KINDS as Record<string, string>)[row.kind] ?? row.kind }),
    at: t.expose('at', { type: 'DateTime' }),
    summary: t.exposeString('summary'),
    byStaffId: t.exposeString('actorId', { nullable: true, description: 'Who had the contact or recorded the change (经办人); null for events recorded without one.' }),
    confidential: t.boolean({ description: 'Confidential business (保密业务), not reported to the information department (R-ACC-3).', resolve: (row) => detailsOf(row).confidential === true }),
    changedFields: t.stringList({ description: 'For a major change: the archive fields that changed.', resolve: (row) => (Array.isArray(detailsOf(row).changedFields) ? [...detailsOf(row).changedFields!] : []) }),
    recordedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
})

// Newest first; events at the same instant, the later recorded first.
const NEWEST_FIRST: Prisma.TimelineEventOrderByWithRelationInput[] = [{ at: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }]

builder.prismaObjectField('Customer', 'timeline', (t) =>
  t.relation('timeline', {
    description: "The customer's archive timeline (R-ARC-6), newest first. Reached through the customer, so R-ACC-1 has already been applied.",
    args: { limit: t.arg.int({ required: false, description: 'At most this many events (1–500); all when absent.' }) },
    query: (args) => ({ orderBy: NEWEST_FIRST, ...(args.limit == null ? {} : { take: Math.min(Math.max(args.limit, 1), 500) }) }),
  }),
)

const AppendTimelineEventInput = builder.inputType('AppendTimelineEventInput', {
  fields: (t) => ({
    customerId: t.string({ required: true }),
    kind: t.string({ required: true, description: `The kind, by key or Chinese label: ${Object.entries(TIMELINE_EVENT_KINDS).map(([key, zh]) => `${key} ${zh}`).join(', ')}.` }),
    at: t.field({ type: 'DateTime', required: true, description: 'When it happened; not after now.' }),
    summary: t.string({ required: true }),
    confidential: t.boolean({ required: false, description: 'Confidential business (保密业务, R-ACC-3); default false.' }),
    changedFields: t.stringList({ required: false, description: 'For a major change: the archive fields that changed (R-ARC-1 field names).' }),
    eventKey: t.string({
      required: false,
      description: "A key of the caller's choosing, unique on this customer's timeline (letters, digits, '.', '_', '-', at most 64): a retry with the same key is refused as a duplicate (R-ARC-6) instead of recording the event twice. Default: a fresh one.",
    }),
  }),
})

const AppendTimelineEventPayload = builder.objectRef<{ eventId: string }>('AppendTimelineEventPayload').implement({
  fields: (t) => ({
    eventId: t.exposeString('eventId'),
    event: t.prismaField({ type: 'TimelineEvent', resolve: (query, payload, _args, ctx) => ctx.prisma.timelineEvent.findUniqueOrThrow({ ...query, where: { id: payload.eventId } }) }),
  }),
})

const EVENT_KEY = /^[A-Za-z0-9._-]{1,64}$/

builder.mutationField('appendTimelineEvent', (t) =>
  t.field({
    type: AppendTimelineEventPayload,
    description:
      "Records a business contact or a major change in a customer's archive timeline (R-ARC-6) with core's appendTimelineEvent: the event is validated (every issue at once) and refused when its key is already on the timeline. Whoever may edit the customer (R-ACC-1); the actor is recorded as the event's staff member.",
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'AppendTimelineEventResult' } },
    args: { input: t.arg({ type: AppendTimelineEventInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!
      const key = input.eventKey ?? randomUUID()
      if (!EVENT_KEY.test(key)) {
        throw new InputRefusal([{ field: 'eventKey', code: 'ARCHIVE.INVALID_EVENT_KEY', messageZh: `eventKey 只能由字母、数字、'.'、'_'、'-' 组成，最多 64 个字符，实际为 ${JSON.stringify(key)}`, messageEn: `eventKey must be 1–64 letters, digits, '.', '_' or '-', got ${JSON.stringify(key)}` }], 'R-ARC-6')
      }
      if (input.at.getTime() > ctx.now.getTime()) {
        throw new InputRefusal([{ field: 'at', code: 'ARCHIVE.EVENT_IN_FUTURE', messageZh: `事件时间 ${input.at.toISOString()} 晚于当前时间，尚未发生的往来不能记入档案`, messageEn: `at ${input.at.toISOString()} is after now: an event is recorded once it has happened` }], 'R-ARC-6')
      }
      // Ids are namespaced by customer, as the stored ones are (`cust-001-event-1`), so keys of different customers never meet.
      const eventId = `${input.customerId}-${key}`
      const append = (tx: Prisma.TransactionClient) => appendEvent(tx, actor, ctx.now, { ...input, eventId })
      try {
        return await ctx.prisma.$transaction(append)
      } catch (error) {
        // Another process recorded the same key between our read and our write: the primary key refuses it as core would.
        if ((error as { code?: unknown }).code === 'P2002') {
          throw new RuleRefusal({ code: 'ARCHIVE.DUPLICATE_EVENT_ID', ruleId: 'R-ARC-6', messageZh: `事件编号 ${eventId} 已在该客户档案中`, messageEn: `event id ${eventId} is already on the timeline` })
        }
        throw error
      }
    },
  }),
)

interface AppendRequest {
  readonly eventId: string
  readonly customerId: string
  readonly kind: string
  readonly at: Date
  readonly summary: string
  readonly confidential?: boolean | null | undefined
  readonly changedFields?: readonly string[] | null | undefined
}

/**
 * R-ACC-1 edit check, core's validation and append (R-ARC-6), the insert and the audit row, in the
 * caller's transaction: a refusal thrown here leaves nothing written.
 */
async function appendEvent(tx: Prisma.TransactionClient, actor: Staff, now: Date, request: AppendRequest): Promise<{ eventId: string }> {
  await requireCustomerAction(tx, actor, request.customerId, 'edit', now)
  const verdict = readTimelineEvent({
    id: request.eventId,
    customerId: request.customerId,
    kind: request.kind,
    at: request.at,
    byStaffId: actor.id,
    summary: request.summary,
    ...(request.confidential == null ? {} : { confidential: request.confidential }),
    ...(request.changedFields == null ? {} : { changedFields: request.changedFields }),
  })
  if (!verdict.ok) throw new InputRefusal(verdict.issues, 'R-ARC-6')
  const rows = await tx.timelineEvent.findMany({ where: { customerId: request.customerId }, orderBy: [{ at: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] })
  const timeline = { customerId: request.customerId, events: rows.map(eventFromRow) } as unknown as CustomerTimeline
  let result
  try {
    result = appendTimelineEvent(timeline, verdict.event) // R-ARC-6
  } catch (error) {
    // The stored timeline itself is malformed (an unknown kind written elsewhere …): say which row.
    if (error instanceof KehuError) throw new InputRefusal([{ field: `timeline.${error.field ?? 'events'}`, code: error.code, messageZh: error.messageZh, messageEn: error.messageEn }], 'R-ARC-6')
    throw error
  }
  if (!result.ok) throw new RuleRefusal(result.refusal)
  const event: TimelineEvent = verdict.event
  const details: EventDetails = { confidential: event.confidential, ...(event.changedFields === undefined ? {} : { changedFields: [...event.changedFields] }) }
  await tx.timelineEvent.create({
    data: { id: event.id, customerId: event.customerId, kind: event.kind, at: event.at, summary: event.summary, actorId: actor.id, details: details as Prisma.InputJsonValue, createdAt: now },
  })
  await recordAction(tx, { actor, at: now, action: 'timeline.append', subjectKind: 'customer', subjectId: event.customerId, details: { eventId: event.id, kind: event.kind, confidential: event.confidential } })
  return { eventId: event.id }
}
