import { randomUUID } from 'node:crypto'

import {
  confirmMinutesReceived,
  createWorkingCalendar,
  CUSTOMER_ATTITUDES,
  dataEntryDeadline,
  defaultVisitPlanChain,
  draftMinutes,
  isDataEntryLate,
  isMinutesLate,
  type MinutesActionResult,
  minutesDeadline,
  readVisitPlan,
  readVisitRecord,
  reviewMinutes,
  sendMinutesToCustomer,
  submitApproval,
  VISIT_METHODS,
  visitMayTakePlace,
  visitSummary,
} from '@kehu/core'

import { recordAction, requireCustomerAction, VIEWABLE_CUSTOMER_FIELD, viewableCustomerNamed, viewCustomer } from '../access/customerAccess.js'
import { approvalRequestFromRow, approvalRequestToRow } from '../db/approvals.js'
import { latestVisitOfCustomer, VISITS_NEWEST_FIRST } from '../read/customerRelations.js'
import type { MeetingMinutes as MinutesRow, Prisma, Visit as VisitRow } from '../generated/prisma/client.js'
import { ConflictRefusal, InputRefusal, NotFoundRefusal, RuleRefusal, WORKFLOW_ERRORS } from '../refusals.js'
import { VISIT_PLAN_SUBJECT } from '../workflows/visitPlanApproval.js'
import { inputFromCore, minutesFromRow, minutesStepToRow, visitPlanFromRow, visitRecordFromRow } from '../workflows/visitRows.js'
import { builder, type Context } from './builder.js'

// Visits and contact (拜访与接待), R-VIS-1 … R-VIS-4: visit plans and their approval, visit
// records with the data-entry deadline, meeting minutes and their review. Every rule is core's;
// this file maps rows to core's values and back.

/** The working calendar of the deadlines (R-CAL): mainland China's official schedules. */
const calendar = createWorkingCalendar()

/** R-VIS-3: collected information counts as collected when the visit ends. */
function collectedAt(visit: Pick<VisitRow, 'startAt' | 'durationMinutes'>): Date {
  return new Date(visit.startAt.getTime() + visit.durationMinutes * 60_000)
}

// — approval status of visit plans, read in one statement per request tick —

const approvalBatches = new WeakMap<Context, { readonly ids: Set<string>; readonly result: Promise<Map<string, string>> }>()

/** The status of approval request `id`, batched with the other plans resolved in the same tick (no N+1). */
function approvalStatusOf(ctx: Context, id: string): Promise<string | null> {
  let batch = approvalBatches.get(ctx)
  if (batch === undefined) {
    const ids = new Set<string>()
    const result = new Promise<Map<string, string>>((resolve, reject) => {
      setImmediate(() => {
        approvalBatches.delete(ctx)
        ctx.prisma.approvalRequest
          .findMany({ where: { id: { in: [...ids] } }, select: { id: true, status: true } })
          .then((rows) => resolve(new Map(rows.map((row) => [row.id, row.status]))), reject)
      })
    })
    batch = { ids, result }
    approvalBatches.set(ctx, batch)
  }
  batch.ids.add(id)
  return batch.result.then((statuses) => statuses.get(id) ?? null)
}

// — types —

/** 拜访计划 (R-VIS-1): reached through a customer the actor may view, or checked by `visitPlan(id)`. */
export const VisitPlanRef = builder.prismaObject('VisitPlan', {
  description: 'A visit plan (拜访计划, R-VIS-1): approved by the manager before the visit takes place.',
  fields: (t) => ({
    id: t.exposeID('id'),
    customerId: t.exposeString('customerId'),
    customer: t.prismaField({
      type: 'Customer',
      nullable: true,
      description: VIEWABLE_CUSTOMER_FIELD,
      resolve: (query, plan, _args, ctx) => viewableCustomerNamed(ctx.prisma, ctx.actor!, plan.customerId, query, ctx.now),
    }),
    byStaff: t.relation('byStaff', { description: 'Who plans the visit (拜访人).' }),
    plannedAt: t.expose('plannedAt', { type: 'DateTime', description: '访问时间' }),
    personToMeet: t.exposeString('personToMeet', { description: '拜访对象' }),
    purpose: t.exposeString('purpose', { description: '拜访目的' }),
    approvalRequestId: t.exposeString('approvalRequestId', { nullable: true }),
    approvalStatus: t.string({
      nullable: true,
      description: 'pending | approved | rejected | withdrawn; null for a plan without an approval request (not approved).',
      resolve: (plan, _args, ctx) => (plan.approvalRequestId === null ? null : approvalStatusOf(ctx, plan.approvalRequestId)),
    }),
    visits: t.relation('visits', { query: { orderBy: [{ startAt: 'desc' }, { id: 'asc' }] } }),
  }),
})

/** 客户拜访记录 (R-VIS-2) with its data-entry deadline (R-VIS-3). */
export const VisitRef = builder.prismaObject('Visit', {
  description: 'A visit record (客户拜访记录, R-VIS-2), with the R-VIS-3 data-entry deadline.',
  fields: (t) => ({
    id: t.exposeID('id'),
    customerId: t.exposeString('customerId'),
    customer: t.prismaField({
      type: 'Customer',
      nullable: true,
      description: VIEWABLE_CUSTOMER_FIELD,
      resolve: (query, visit, _args, ctx) => viewableCustomerNamed(ctx.prisma, ctx.actor!, visit.customerId, query, ctx.now),
    }),
    plan: t.relation('plan', { nullable: true }),
    byStaff: t.relation('byStaff', { description: '拜访人' }),
    startAt: t.expose('startAt', { type: 'DateTime', description: '日期和时间' }),
    durationMinutes: t.exposeInt('durationMinutes', { description: '滞留时间（分钟）' }),
    peopleMet: t.stringList({ description: '访问对象', resolve: (visit) => visit.peopleMet as string[] }),
    method: t.exposeString('method', { description: `开发方式: ${Object.keys(VISIT_METHODS).join(' | ')}` }),
    methodZh: t.string({ resolve: (visit) => VISIT_METHODS[visit.method as keyof typeof VISIT_METHODS] ?? visit.method }),
    progress: t.exposeString('progress', { description: '业务进度' }),
    attitude: t.exposeString('attitude', { description: `客户态度: ${Object.keys(CUSTOMER_ATTITUDES).join(' | ')}` }),
    attitudeZh: t.string({ resolve: (visit) => CUSTOMER_ATTITUDES[visit.attitude as keyof typeof CUSTOMER_ATTITUDES] ?? visit.attitude }),
    summary: t.exposeString('summary', { description: '拜访概述' }),
    outcomeReasons: t.exposeString('outcomeReasons', { nullable: true, description: '拜访成功/失败原因总结' }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime', nullable: true, description: 'When the collected information was entered (R-VIS-3).' }),
    dataEntryDeadline: t.field({
      type: 'DateTime',
      description: 'R-VIS-3: entry is on time strictly before this instant (end of the 2nd working day after the visit).',
      resolve: (visit) => dataEntryDeadline(collectedAt(visit), calendar),
    }),
    dataEntryLate: t.boolean({
      nullable: true,
      description: 'R-VIS-3: whether the information was entered late; null while not entered.',
      resolve: (visit) => (visit.enteredAt === null ? null : isDataEntryLate(visit.enteredAt, collectedAt(visit), calendar)),
    }),
    minutes: t.relation('minutes', { query: { orderBy: [{ meetingAt: 'desc' }, { id: 'asc' }] } }),
  }),
})

/** 会谈纪要 (R-VIS-4): draft → reviewed → sent → acknowledged. */
export const MeetingMinutesRef = builder.prismaObject('MeetingMinutes', {
  description: 'Minutes of a face-to-face meeting (会谈纪要, R-VIS-4): due within 2 working days, reviewed by the manager, then sent to the customer.',
  fields: (t) => ({
    id: t.exposeID('id'),
    customerId: t.exposeString('customerId'),
    customer: t.prismaField({
      type: 'Customer',
      nullable: true,
      description: VIEWABLE_CUSTOMER_FIELD,
      resolve: (query, minutes, _args, ctx) => viewableCustomerNamed(ctx.prisma, ctx.actor!, minutes.customerId, query, ctx.now),
    }),
    visit: t.relation('visit', { nullable: true }),
    author: t.relation('author', { description: '编写人' }),
    meetingAt: t.expose('meetingAt', { type: 'DateTime', description: '会谈时间' }),
    draftedAt: t.expose('draftedAt', { type: 'DateTime', description: '编写时间' }),
    content: t.exposeString('content'),
    status: t.exposeString('status', { description: 'draft | reviewed | sent | acknowledged' }),
    reviewedById: t.exposeString('reviewedBy', { nullable: true }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    sentById: t.exposeString('sentBy', { nullable: true }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true }),
    deadline: t.field({
      type: 'DateTime',
      description: 'R-VIS-4: the minutes are on time when drafted strictly before this instant.',
      resolve: (minutes) => minutesDeadline(minutes.meetingAt, calendar),
    }),
    late: t.boolean({ description: 'R-VIS-4: drafted at or after the deadline.', resolve: (minutes) => isMinutesLate(minutesFromRow(minutes), calendar) }),
  }),
})

/** Cumulative contacts and total visit time of a customer (拜访汇总, R-VIS-2), as core sums them. */
const VisitSummaryRef = builder.objectRef<{ ruleId: string; cumulativeContacts: number; totalVisitMinutes: number; firstVisitAt: Date | null; lastVisitAt: Date | null }>('VisitSummary').implement({
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    cumulativeContacts: t.exposeInt('cumulativeContacts', { description: '累计接触次数' }),
    totalVisitMinutes: t.exposeInt('totalVisitMinutes', { description: '拜访总时间（分钟）' }),
    firstVisitAt: t.expose('firstVisitAt', { type: 'DateTime', nullable: true }),
    lastVisitAt: t.expose('lastVisitAt', { type: 'DateTime', nullable: true }),
  }),
})


// The customer itself is checked where it is reached (customers, customer(id), node): its nested
// visits, plans and minutes belong to that customer.
builder.prismaObjectFields('Customer', (t) => ({
  visitPlans: t.relation('visitPlans', { description: 'Visit plans (拜访计划), latest planned first.', query: { orderBy: [{ plannedAt: 'desc' }, { id: 'asc' }] } }),
  visits: t.relation('visits', { description: 'Visit records (拜访记录), newest first.', query: { orderBy: [...VISITS_NEWEST_FIRST] } }),
  lastVisit: t.field({
    type: VisitRef,
    nullable: true,
    description: 'The latest visit (最近一次拜访): loaded with the customer page, one visit per customer.',
    resolve: (customer, _args, ctx) => latestVisitOfCustomer(customer, ctx.prisma, ctx),
  }),
  visitSummary: t.field({
    type: VisitSummaryRef,
    description: 'R-VIS-2: cumulative contacts and total visit time.',
    select: { visits: true },
    resolve: (customer) => {
      const summary = visitSummary(customer.visits.map(visitRecordFromRow), customer.id)
      return { ruleId: summary.ruleId, cumulativeContacts: summary.cumulativeContacts, totalVisitMinutes: summary.totalVisitMinutes, firstVisitAt: summary.firstVisitAt ?? null, lastVisitAt: summary.lastVisitAt ?? null }
    },
  }),
  minutes: t.relation('minutes', { description: 'Meeting minutes (会谈纪要), latest meeting first.', query: { orderBy: [{ meetingAt: 'desc' }, { id: 'asc' }] } }),
}))

// — single reads, checked and recorded like customer(id) (R-ACC-1/2) —

/** Reads a record of a customer: the customer's view is decided and recorded; null when there is no such record. */
async function viewCustomerRecord<T>(ctx: Context, customerId: string | undefined, load: (tx: Prisma.TransactionClient) => Promise<T | null>): Promise<T | null> {
  if (customerId === undefined) return null
  return viewCustomer(ctx.prisma, ctx.actor!, customerId, ctx.now, load)
}

builder.queryFields((t) => ({
  visit: t.prismaField({
    type: 'Visit',
    nullable: true,
    description: "One visit record; its customer's view is checked (R-ACC-1) and recorded (R-ACC-2).",
    args: { id: t.arg.string({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const owner = await ctx.prisma.visit.findUnique({ where: { id }, select: { customerId: true } })
      return viewCustomerRecord(ctx, owner?.customerId, (tx) => tx.visit.findUnique({ ...query, where: { id } }))
    },
  }),
  visitPlan: t.prismaField({
    type: 'VisitPlan',
    nullable: true,
    description: "One visit plan; its customer's view is checked (R-ACC-1) and recorded (R-ACC-2).",
    args: { id: t.arg.string({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const owner = await ctx.prisma.visitPlan.findUnique({ where: { id }, select: { customerId: true } })
      return viewCustomerRecord(ctx, owner?.customerId, (tx) => tx.visitPlan.findUnique({ ...query, where: { id } }))
    },
  }),
  meetingMinutes: t.prismaField({
    type: 'MeetingMinutes',
    nullable: true,
    description: "One set of meeting minutes; its customer's view is checked (R-ACC-1) and recorded (R-ACC-2).",
    args: { id: t.arg.string({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const owner = await ctx.prisma.meetingMinutes.findUnique({ where: { id }, select: { customerId: true } })
      return viewCustomerRecord(ctx, owner?.customerId, (tx) => tx.meetingMinutes.findUnique({ ...query, where: { id } }))
    },
  }),
}))

// — mutations —

const PlanVisitInput = builder.inputType('PlanVisitInput', {
  fields: (t) => ({
    customerId: t.string({ required: true, description: '访问客户' }),
    plannedAt: t.field({ type: 'DateTime', required: true, description: '访问时间' }),
    personToMeet: t.string({ required: true, description: '拜访对象' }),
    purpose: t.string({ required: true, description: '拜访目的' }),
  }),
})

const PlanVisitPayload = builder.objectRef<{ planId: string; approvalRequestId: string }>('PlanVisitPayload').implement({
  fields: (t) => ({ approvalRequestId: t.exposeString('approvalRequestId', { description: 'The approval request submitted with the plan (R-VIS-1).' }) }),
})
builder.objectField(PlanVisitPayload, 'visitPlan', (t) =>
  t.prismaField({ type: VisitPlanRef, resolve: (query, payload, _args, ctx) => ctx.prisma.visitPlan.findUniqueOrThrow({ ...query, where: { id: payload.planId } }) }),
)

builder.mutationField('planVisit', (t) =>
  t.field({
    type: PlanVisitPayload,
    description: "Plans a visit (拜访计划, R-VIS-1) by the actor and submits it for the manager's approval (core's visit-plan chain).",
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'PlanVisitResult' } },
    args: { input: t.arg({ type: PlanVisitInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!
      const planId = `vplan-${randomUUID()}`
      const verdict = readVisitPlan({ id: planId, customerId: input.customerId, plannedAt: input.plannedAt, personToMeet: input.personToMeet, purpose: input.purpose, byStaffId: actor.id })
      if (!verdict.ok) throw new InputRefusal(verdict.issues, 'R-VIS-1')
      const plan = verdict.plan
      // R-VIS-1: every plan goes to the manager before the visit.
      const request = inputFromCore('R-VIS-1', () =>
        submitApproval({ id: `apr-${randomUUID()}`, chain: defaultVisitPlanChain, subject: { kind: VISIT_PLAN_SUBJECT, id: planId }, submittedBy: actor, at: ctx.now }),
      )
      const rows = approvalRequestToRow(request)
      await ctx.prisma.$transaction(async (tx) => {
        await requireCustomerAction(tx, actor, plan.customerId, 'edit', ctx.now)
        await tx.approvalRequest.create({ data: rows.request })
        await tx.approvalEvent.createMany({ data: [...rows.events] })
        await tx.visitPlan.create({
          data: { id: planId, customerId: plan.customerId, byStaffId: actor.id, plannedAt: plan.plannedAt, personToMeet: plan.personToMeet, purpose: plan.purpose, approvalRequestId: request.id, createdAt: ctx.now },
        })
        await recordAction(tx, { actor, at: ctx.now, action: 'visitPlan.create', subjectKind: 'customer', subjectId: plan.customerId, details: { planId, approvalRequestId: request.id } })
      })
      return { planId, approvalRequestId: request.id }
    },
  }),
)

const RecordVisitInput = builder.inputType('RecordVisitInput', {
  fields: (t) => ({
    planId: t.string({ required: true, description: 'The approved visit plan (R-VIS-1).' }),
    startAt: t.field({ type: 'DateTime', required: true, description: '日期和时间' }),
    durationMinutes: t.int({ required: true, description: '滞留时间（分钟）' }),
    peopleMet: t.stringList({ required: true, description: '访问对象' }),
    method: t.string({ required: true, description: `开发方式: ${Object.keys(VISIT_METHODS).join(' | ')} (or the Chinese label)` }),
    progress: t.string({ required: true, description: '业务进度' }),
    attitude: t.string({ required: true, description: `客户态度: ${Object.keys(CUSTOMER_ATTITUDES).join(' | ')} (or the Chinese label)` }),
    summary: t.string({ required: true, description: '拜访概述' }),
    outcomeReasons: t.string({ description: '拜访成功/失败原因总结' }),
  }),
})

const RecordVisitPayload = builder.objectRef<{ visitId: string }>('RecordVisitPayload').implement({ fields: () => ({}) })
builder.objectField(RecordVisitPayload, 'visit', (t) =>
  t.prismaField({ type: VisitRef, resolve: (query, payload, _args, ctx) => ctx.prisma.visit.findUniqueOrThrow({ ...query, where: { id: payload.visitId } }) }),
)

builder.mutationField('recordVisit', (t) =>
  t.field({
    type: RecordVisitPayload,
    description:
      "Records a visit (客户拜访记录, R-VIS-2) under its plan, which must have been approved no later than the visit (R-VIS-1). The information is entered now; the record says whether that is within R-VIS-3's 2 working days.",
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'RecordVisitResult' } },
    args: { input: t.arg({ type: RecordVisitInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!
      const visitId = `visit-${randomUUID()}`
      await ctx.prisma.$transaction(async (tx) => {
        const planRow = await tx.visitPlan.findUnique({ where: { id: input.planId } })
        if (planRow === null) throw new NotFoundRefusal('visitPlan', input.planId)
        await requireCustomerAction(tx, actor, planRow.customerId, 'edit', ctx.now)
        const verdict = readVisitRecord({
          id: visitId,
          customerId: planRow.customerId,
          startAt: input.startAt,
          durationMinutes: input.durationMinutes,
          peopleMet: input.peopleMet,
          method: input.method,
          progress: input.progress,
          attitude: input.attitude,
          summary: input.summary,
          ...(input.outcomeReasons == null ? {} : { outcomeReasons: input.outcomeReasons }),
          byStaffId: actor.id,
        })
        if (!verdict.ok) throw new InputRefusal(verdict.issues, 'R-VIS-2')
        const record = verdict.record
        // R-VIS-1: the plan's approval decides whether the visit could take place at its start.
        const requestRow = planRow.approvalRequestId === null ? null : await tx.approvalRequest.findUnique({ where: { id: planRow.approvalRequestId }, include: { events: true } })
        const approval = requestRow === null ? { status: 'pending' as const, chain: defaultVisitPlanChain } : approvalRequestFromRow(requestRow)
        const permission = inputFromCore('R-VIS-1', () => visitMayTakePlace(visitPlanFromRow(planRow), approval, record.startAt))
        if (!permission.ok) throw new RuleRefusal(permission.refusal)
        // R-VIS-3: information cannot be entered before it is collected (core throws).
        const collected = collectedAt(record)
        inputFromCore('R-VIS-3', () => isDataEntryLate(ctx.now, collected, calendar))
        await tx.visit.create({
          data: {
            id: visitId,
            customerId: planRow.customerId,
            planId: planRow.id,
            byStaffId: actor.id,
            startAt: record.startAt,
            durationMinutes: record.durationMinutes,
            peopleMet: [...record.peopleMet],
            method: record.method,
            progress: record.progress,
            attitude: record.attitude,
            summary: record.summary,
            outcomeReasons: record.outcomeReasons ?? null,
            enteredAt: ctx.now,
            createdAt: ctx.now,
          },
        })
        await recordAction(tx, { actor, at: ctx.now, action: 'visit.record', subjectKind: 'customer', subjectId: planRow.customerId, details: { visitId, planId: planRow.id } })
      })
      return { visitId }
    },
  }),
)

const DraftMinutesInput = builder.inputType('DraftMinutesInput', {
  fields: (t) => ({
    customerId: t.string({ required: true }),
    visitId: t.string({ description: 'The visit the meeting took place in, when recorded.' }),
    meetingAt: t.field({ type: 'DateTime', required: true, description: '会谈时间' }),
    content: t.string({ required: true, description: '纪要内容' }),
  }),
})

/** The payload of each minutes mutation: the minutes as they now stand. */
function minutesPayload(name: string) {
  const ref = builder.objectRef<{ minutesId: string }>(name).implement({ fields: () => ({}) })
  builder.objectField(ref, 'minutes', (t) =>
    t.prismaField({ type: MeetingMinutesRef, resolve: (query, payload, _args, ctx) => ctx.prisma.meetingMinutes.findUniqueOrThrow({ ...query, where: { id: payload.minutesId } }) }),
  )
  return ref
}

builder.mutationField('draftMinutes', (t) =>
  t.field({
    type: minutesPayload('DraftMinutesPayload'),
    description: 'Writes the minutes of a face-to-face meeting as a draft (编写会谈纪要, R-VIS-4); the actor is the author, now the drafting time. Late minutes are accepted and marked late.',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'DraftMinutesResult' } },
    args: { input: t.arg({ type: DraftMinutesInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!
      const minutesId = `minutes-${randomUUID()}`
      const verdict = draftMinutes({ id: minutesId, customerId: input.customerId, meetingAt: input.meetingAt, authorId: actor.id, draftedAt: ctx.now, content: input.content })
      if (!verdict.ok) throw new InputRefusal(verdict.issues, 'R-VIS-4')
      const minutes = verdict.minutes
      await ctx.prisma.$transaction(async (tx) => {
        await requireCustomerAction(tx, actor, minutes.customerId, 'edit', ctx.now)
        if (input.visitId != null) {
          const visit = await tx.visit.findUnique({ where: { id: input.visitId }, select: { customerId: true } })
          if (visit === null) throw new NotFoundRefusal('visit', input.visitId)
          if (visit.customerId !== minutes.customerId) {
            throw new InputRefusal([{ field: 'visitId', code: 'VISIT.OTHER_CUSTOMER', messageZh: `拜访 ${input.visitId} 不属于客户 ${minutes.customerId}`, messageEn: `visit ${input.visitId} is not a visit of customer ${minutes.customerId}` }], 'R-VIS-4')
          }
        }
        await tx.meetingMinutes.create({
          data: { id: minutesId, customerId: minutes.customerId, visitId: input.visitId ?? null, authorId: actor.id, meetingAt: minutes.meetingAt, draftedAt: minutes.draftedAt, content: minutes.content, status: minutes.status },
        })
        await recordAction(tx, { actor, at: ctx.now, action: 'minutes.draft', subjectKind: 'customer', subjectId: minutes.customerId, details: { minutesId } })
      })
      return { minutesId }
    },
  }),
)

/**
 * One step of the minutes workflow (R-VIS-4) in one transaction: the actor may edit the customer,
 * core decides the step, the row moves only from the state it was read in (else a conflict).
 */
async function minutesStep(ctx: Context, minutesId: string, action: string, step: (minutes: MinutesRow) => MinutesActionResult): Promise<{ minutesId: string }> {
  const actor = ctx.actor!
  await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.meetingMinutes.findUnique({ where: { id: minutesId } })
    if (row === null) throw new NotFoundRefusal('meetingMinutes', minutesId)
    await requireCustomerAction(tx, actor, row.customerId, 'edit', ctx.now)
    const result = inputFromCore('R-VIS-4', () => step(row))
    if (!result.ok) throw new RuleRefusal(result.refusal)
    const written = await tx.meetingMinutes.updateMany({ where: { id: minutesId, status: row.status }, data: minutesStepToRow(result.minutes) })
    if (written.count !== 1) throw new ConflictRefusal('meetingMinutes', minutesId, 'R-VIS-4')
    await recordAction(tx, { actor, at: ctx.now, action, subjectKind: 'customer', subjectId: row.customerId, details: { minutesId, status: result.minutes.status } })
  })
  return { minutesId }
}

builder.mutationField('reviewMinutes', (t) =>
  t.field({
    type: minutesPayload('ReviewMinutesPayload'),
    description: 'The manager reviews draft minutes (经部门经理审阅, R-VIS-4). Refused unless the actor holds the manager role.',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'ReviewMinutesResult' } },
    args: { minutesId: t.arg.string({ required: true }) },
    resolve: (_root, { minutesId }, ctx) => minutesStep(ctx, minutesId, 'minutes.review', (row) => reviewMinutes(minutesFromRow(row), ctx.actor!, ctx.now)),
  }),
)

builder.mutationField('sendMinutes', (t) =>
  t.field({
    type: minutesPayload('SendMinutesPayload'),
    description: 'Sends reviewed minutes to the customer (提交客户, R-VIS-4). Refused before the review.',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'SendMinutesResult' } },
    args: { minutesId: t.arg.string({ required: true }) },
    resolve: (_root, { minutesId }, ctx) => minutesStep(ctx, minutesId, 'minutes.send', (row) => sendMinutesToCustomer(minutesFromRow(row), ctx.actor!, ctx.now)),
  }),
)

builder.mutationField('acknowledgeMinutes', (t) =>
  t.field({
    type: minutesPayload('AcknowledgeMinutesPayload'),
    description: 'Records that the customer confirmed receipt of the minutes (确认收到, R-VIS-4). Refused before they are sent.',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'AcknowledgeMinutesResult' } },
    args: {
      minutesId: t.arg.string({ required: true }),
      acknowledgedAt: t.arg({ type: 'DateTime', description: 'When the customer confirmed; default now. Not in the future.' }),
    },
    resolve: (_root, { minutesId, acknowledgedAt }, ctx) => {
      const at = acknowledgedAt ?? ctx.now
      if (at.getTime() > ctx.now.getTime()) {
        throw new InputRefusal([{ field: 'acknowledgedAt', code: 'VISIT.IN_THE_FUTURE', messageZh: '确认时间不能晚于当前时间', messageEn: 'acknowledgedAt must not be in the future' }], 'R-VIS-4')
      }
      return minutesStep(ctx, minutesId, 'minutes.acknowledge', (row) => confirmMinutesReceived(minutesFromRow(row), at))
    },
  }),
)
