import { decideApproval, shanghaiInstant } from '@kehu/core'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'

import { createApp } from '../app.js'
import { approvalRequestFromRow, approvalRequestToRow } from '../db/approvals.js'
import { staffFromRow } from '../db/mappers.js'
import { PrismaClient as GeneratedClient } from '../generated/prisma/client.js'
import { postOperation, TEST_SECRET } from '../test/gateway.js'
import { useTestGateway } from '../test/useTestGateway.js'
import { applyApprovalEffect } from '../workflows/approvalEffects.js'

const gw = useTestGateway({ now: shanghaiInstant('2026-03-02', '10:00') })

const PLAN = `mutation($input: PlanVisitInput!) { planVisit(input: $input) {
  __typename
  ... on PlanVisitPayload { approvalRequestId visitPlan { id customerId plannedAt personToMeet purpose approvalStatus byStaff { staffId } } }
  ... on BusinessError { code ruleId messageZh messageEn }
  ... on ValidationError { issues { field code } }
} }`

const RECORD = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) {
  __typename
  ... on RecordVisitPayload { visit { id customerId method methodZh attitude attitudeZh startAt enteredAt dataEntryDeadline dataEntryLate plan { id } byStaff { staffId } } }
  ... on BusinessError { code ruleId messageZh messageEn }
  ... on ValidationError { issues { field code } }
} }`

const MINUTES_FIELDS = `__typename
  ... on BusinessError { code ruleId messageZh messageEn }
  ... on ValidationError { issues { field code } }`
const DRAFT = `mutation($input: DraftMinutesInput!) { draftMinutes(input: $input) { ${MINUTES_FIELDS} ... on DraftMinutesPayload { minutes { id status deadline late author { staffId } visit { id } } } } }`
const REVIEW = `mutation($id: String!) { reviewMinutes(minutesId: $id) { ${MINUTES_FIELDS} ... on ReviewMinutesPayload { minutes { status reviewedById reviewedAt } } } }`
const SEND = `mutation($id: String!) { sendMinutes(minutesId: $id) { ${MINUTES_FIELDS} ... on SendMinutesPayload { minutes { status sentById sentAt } } } }`
const ACK = `mutation($id: String!, $at: DateTime) { acknowledgeMinutes(minutesId: $id, acknowledgedAt: $at) { ${MINUTES_FIELDS} ... on AcknowledgeMinutesPayload { minutes { status acknowledgedAt } } } }`

/** A customer owned by `ownerId` (team-east for staff-zhou, team-south for staff-zheng). */
async function customerOf(ownerId: string): Promise<string> {
  return (await gw.prisma.customer.findFirstOrThrow({ where: { ownerId }, orderBy: { id: 'asc' } })).id
}

/** Signs the request through core's engine and runs the subject's registered effect, in one transaction. */
async function decide(requestId: string, staffId: string, decision: 'approve' | 'reject', at: Date): Promise<void> {
  await gw.prisma.$transaction(async (tx) => {
    const row = await tx.approvalRequest.findUniqueOrThrow({ where: { id: requestId }, include: { events: true } })
    const previous = approvalRequestFromRow(row)
    const actor = staffFromRow(await tx.staff.findUniqueOrThrow({ where: { id: staffId } }))
    const result = decideApproval(previous, { actor, decision, at })
    if (!result.ok) throw new Error(result.refusal.code)
    const next = result.request
    await tx.approvalRequest.update({ where: { id: requestId }, data: { status: next.status, currentStep: next.currentStep, decidedAt: next.decidedAt ?? null, version: { increment: 1 } } })
    await tx.approvalEvent.createMany({ data: approvalRequestToRow(next).events.slice(row.events.length) })
    await applyApprovalEffect(tx, { request: next, previous, actor, at })
  })
}

const planInput = (customerId: string, plannedAt = shanghaiInstant('2026-03-04', '10:00')) => ({ customerId, plannedAt: plannedAt.toISOString(), personToMeet: '张经理', purpose: '新产品推介' })
const visitInput = (planId: string, startAt = shanghaiInstant('2026-03-04', '10:00')) => ({
  planId,
  startAt: startAt.toISOString(),
  durationMinutes: 90,
  peopleMet: ['张经理', '李工'],
  method: '产品说明',
  progress: '已报价',
  attitude: 'warm',
  summary: '介绍新产品线，客户要求报价',
})

async function plannedVisit(customerId: string, staffId = 'staff-zhou'): Promise<{ planId: string; requestId: string }> {
  const result = await gw.gql(PLAN, { input: planInput(customerId) }, staffId)
  expect(result.data.planVisit.__typename).toBe('PlanVisitPayload')
  return { planId: result.data.planVisit.visitPlan.id, requestId: result.data.planVisit.approvalRequestId }
}

/** A refused mutation writes nothing: every table is as before. */
async function expectRefusedWithoutWrites(run: () => Promise<any>, expected: Record<string, unknown>): Promise<any> {
  const before = await gw.snapshot()
  const result = await run()
  expect(result).toMatchObject(expected)
  expect(await gw.snapshot()).toEqual(before)
  return result
}

describe('planVisit and recordVisit (R-VIS-1 … R-VIS-3)', () => {
  it('submits the plan for approval, refuses the visit until approved, then records it with its data-entry deadline', async () => {
    const customerId = await customerOf('staff-zhou')
    const planned = await gw.gql(PLAN, { input: planInput(customerId) }, 'staff-zhou')
    const payload = planned.data.planVisit
    expect(payload).toMatchObject({ __typename: 'PlanVisitPayload', visitPlan: { customerId, personToMeet: '张经理', approvalStatus: 'pending', byStaff: { staffId: 'staff-zhou' } } })
    const request = await gw.prisma.approvalRequest.findUniqueOrThrow({ where: { id: payload.approvalRequestId } })
    expect(request).toMatchObject({ chainId: 'visitPlan', subjectKind: 'visitPlan', subjectId: payload.visitPlan.id, submittedById: 'staff-zhou', status: 'pending' })
    expect(await gw.prisma.auditLog.count({ where: { action: 'visitPlan.create', subjectId: customerId } })).toBe(1)

    // R-VIS-1: not approved yet.
    gw.setNow(shanghaiInstant('2026-03-04', '12:00'))
    await expectRefusedWithoutWrites(() => gw.gql(RECORD, { input: visitInput(payload.visitPlan.id) }, 'staff-zhou'), {
      data: { recordVisit: { __typename: 'RuleRefusalError', code: 'VISIT.PLAN_NOT_APPROVED', ruleId: 'R-VIS-1' } },
    })

    await decide(payload.approvalRequestId, 'staff-li', 'approve', shanghaiInstant('2026-03-02', '11:00'))
    const recorded = await gw.gql(RECORD, { input: visitInput(payload.visitPlan.id) }, 'staff-zhou')
    // Visit Wed 2026-03-04 10:00–11:30: entry due by the end of Fri 2026-03-06 (2 working days after).
    expect(recorded.data.recordVisit).toMatchObject({
      __typename: 'RecordVisitPayload',
      visit: {
        customerId,
        method: 'productExplanation',
        methodZh: '产品说明',
        attitude: 'warm',
        attitudeZh: '热',
        enteredAt: shanghaiInstant('2026-03-04', '12:00').toISOString(),
        dataEntryDeadline: shanghaiInstant('2026-03-07').toISOString(),
        dataEntryLate: false,
        plan: { id: payload.visitPlan.id },
        byStaff: { staffId: 'staff-zhou' },
      },
    })
    const plan = await gw.gql('query($id: String!) { visitPlan(id: $id) { approvalStatus visits { id } } }', { id: payload.visitPlan.id }, 'staff-zhou')
    expect(plan.data.visitPlan).toEqual({ approvalStatus: 'approved', visits: [{ id: recorded.data.recordVisit.visit.id }] })
  })

  it('marks an entry made after the deadline as late (R-VIS-3)', async () => {
    const { planId, requestId } = await plannedVisit(await customerOf('staff-zhou'))
    await decide(requestId, 'staff-li', 'approve', shanghaiInstant('2026-03-02', '11:00'))
    gw.setNow(shanghaiInstant('2026-03-07', '09:00'))
    const recorded = await gw.gql(RECORD, { input: visitInput(planId) }, 'staff-zhou')
    expect(recorded.data.recordVisit.visit).toMatchObject({ dataEntryDeadline: shanghaiInstant('2026-03-07').toISOString(), dataEntryLate: true })
  })

  it('refuses a visit before its plan was approved (VISIT.APPROVED_AFTER_VISIT) and after a rejection', async () => {
    const customerId = await customerOf('staff-zhou')
    const first = await plannedVisit(customerId)
    gw.setNow(shanghaiInstant('2026-03-05', '09:00'))
    await decide(first.requestId, 'staff-li', 'approve', shanghaiInstant('2026-03-05', '08:00'))
    await expectRefusedWithoutWrites(() => gw.gql(RECORD, { input: visitInput(first.planId) }, 'staff-zhou'), {
      data: { recordVisit: { __typename: 'RuleRefusalError', code: 'VISIT.APPROVED_AFTER_VISIT', ruleId: 'R-VIS-1' } },
    })
    const second = await plannedVisit(customerId)
    await decide(second.requestId, 'staff-li', 'reject', shanghaiInstant('2026-03-05', '09:30'))
    await expectRefusedWithoutWrites(() => gw.gql(RECORD, { input: visitInput(second.planId) }, 'staff-zhou'), {
      data: { recordVisit: { __typename: 'RuleRefusalError', code: 'VISIT.PLAN_NOT_APPROVED', ruleId: 'R-VIS-1' } },
    })
  })

  it('refuses a plan whose request is not a visit-plan approval (VISIT.WRONG_APPROVAL_CHAIN)', async () => {
    const { planId } = await plannedVisit(await customerOf('staff-zhou'))
    const foreign = await gw.prisma.approvalRequest.findFirstOrThrow({ where: { chainId: 'newCustomer', status: 'approved' } })
    await gw.prisma.visitPlan.update({ where: { id: planId }, data: { approvalRequestId: foreign.id } })
    gw.setNow(shanghaiInstant('2026-03-04', '12:00'))
    await expectRefusedWithoutWrites(() => gw.gql(RECORD, { input: visitInput(planId) }, 'staff-zhou'), {
      data: { recordVisit: { __typename: 'RuleRefusalError', code: 'VISIT.WRONG_APPROVAL_CHAIN', ruleId: 'R-VIS-1' } },
    })
  })

  it('answers bad input with every issue and writes nothing', async () => {
    const customerId = await customerOf('staff-zhou')
    const bad = await expectRefusedWithoutWrites(() => gw.gql(PLAN, { input: { ...planInput(customerId), personToMeet: ' ', purpose: '' } }, 'staff-zhou'), {
      data: { planVisit: { __typename: 'ValidationError', ruleId: 'R-VIS-1' } },
    })
    expect(bad.data.planVisit.issues.map((i: any) => i.field)).toEqual(['personToMeet', 'purpose'])

    const { planId, requestId } = await plannedVisit(customerId)
    await decide(requestId, 'staff-li', 'approve', shanghaiInstant('2026-03-02', '11:00'))
    const invalid = await expectRefusedWithoutWrites(() => gw.gql(RECORD, { input: { ...visitInput(planId), method: 'chat', durationMinutes: 0, peopleMet: [] } }, 'staff-zhou'), {
      data: { recordVisit: { __typename: 'ValidationError', ruleId: 'R-VIS-2' } },
    })
    expect(invalid.data.recordVisit.issues.map((i: any) => [i.field, i.code])).toEqual([
      ['durationMinutes', 'VISIT.NOT_POSITIVE_INTEGER'],
      ['peopleMet', 'VISIT.EMPTY_LIST'],
      ['method', 'VISIT.INVALID_CHOICE'],
    ])
    // R-VIS-3: the visit (ending 11:30 on 03-04) cannot be entered on 03-02, before it happened.
    const early = await expectRefusedWithoutWrites(() => gw.gql(RECORD, { input: visitInput(planId) }, 'staff-zhou'), {
      data: { recordVisit: { __typename: 'ValidationError', ruleId: 'R-VIS-3' } },
    })
    expect(early.data.recordVisit.issues).toEqual([{ field: 'enteredAt', code: 'VISIT.ENTERED_BEFORE_COLLECTED' }])
    await expectRefusedWithoutWrites(() => gw.gql(RECORD, { input: visitInput('vplan-none') }, 'staff-zhou'), {
      data: { recordVisit: { __typename: 'NotFoundError', code: 'NOT_FOUND' } },
    })
  })
})

describe('meeting minutes (R-VIS-4)', () => {
  it('drafts, is reviewed by the manager, sent and acknowledged; each step out of order is refused', async () => {
    const customerId = await customerOf('staff-zhou')
    const visit = await gw.prisma.visit.findFirstOrThrow({ where: { customerId: { not: customerId } } })
    await expectRefusedWithoutWrites(
      () => gw.gql(DRAFT, { input: { customerId, visitId: visit.id, meetingAt: shanghaiInstant('2026-03-02', '09:00').toISOString(), content: '双方确认交货期' } }, 'staff-zhou'),
      { data: { draftMinutes: { __typename: 'ValidationError', ruleId: 'R-VIS-4', issues: [{ field: 'visitId', code: 'VISIT.OTHER_CUSTOMER' }] } } },
    )
    // Meeting Friday 2026-02-27 16:00; Saturday 02-28 is a make-up working day (春节调休), so the 2
    // working days are 02-28 and Monday 03-02: due by the end of Monday, drafted Monday 10:00.
    const drafted = await gw.gql(DRAFT, { input: { customerId, meetingAt: shanghaiInstant('2026-02-27', '16:00').toISOString(), content: '双方确认交货期' } }, 'staff-zhou')
    expect(drafted.data.draftMinutes).toMatchObject({ __typename: 'DraftMinutesPayload', minutes: { status: 'draft', deadline: shanghaiInstant('2026-03-03').toISOString(), late: false, author: { staffId: 'staff-zhou' }, visit: null } })
    const id = drafted.data.draftMinutes.minutes.id

    gw.setNow(shanghaiInstant('2026-03-02', '11:00'))
    await expectRefusedWithoutWrites(() => gw.gql(SEND, { id }, 'staff-zhou'), { data: { sendMinutes: { __typename: 'RuleRefusalError', code: 'VISIT.MINUTES_NOT_REVIEWED', ruleId: 'R-VIS-4' } } })
    await expectRefusedWithoutWrites(() => gw.gql(REVIEW, { id }, 'staff-zhou'), { data: { reviewMinutes: { __typename: 'RuleRefusalError', code: 'VISIT.REVIEWER_NOT_MANAGER', ruleId: 'R-VIS-4' } } })
    await expectRefusedWithoutWrites(() => gw.gql(ACK, { id }, 'staff-zhou'), { data: { acknowledgeMinutes: { __typename: 'RuleRefusalError', code: 'VISIT.MINUTES_NOT_SENT', ruleId: 'R-VIS-4' } } })
    // A manager of another team holds the role but may not act on this customer (R-ACC-1).
    await expectRefusedWithoutWrites(() => gw.gql(REVIEW, { id }, 'staff-chen'), { data: { reviewMinutes: { __typename: 'AccessDeniedError', code: 'ACCESS.DENIED' } } })

    const reviewed = await gw.gql(REVIEW, { id }, 'staff-li')
    expect(reviewed.data.reviewMinutes).toEqual({ __typename: 'ReviewMinutesPayload', minutes: { status: 'reviewed', reviewedById: 'staff-li', reviewedAt: shanghaiInstant('2026-03-02', '11:00').toISOString() } })
    await expectRefusedWithoutWrites(() => gw.gql(REVIEW, { id }, 'staff-li'), { data: { reviewMinutes: { __typename: 'RuleRefusalError', code: 'VISIT.MINUTES_NOT_DRAFT', ruleId: 'R-VIS-4' } } })

    gw.setNow(shanghaiInstant('2026-03-02', '14:00'))
    expect((await gw.gql(SEND, { id }, 'staff-zhou')).data.sendMinutes).toEqual({ __typename: 'SendMinutesPayload', minutes: { status: 'sent', sentById: 'staff-zhou', sentAt: shanghaiInstant('2026-03-02', '14:00').toISOString() } })
    await expectRefusedWithoutWrites(() => gw.gql(SEND, { id }, 'staff-zhou'), { data: { sendMinutes: { __typename: 'RuleRefusalError', code: 'VISIT.MINUTES_ALREADY_SENT', ruleId: 'R-VIS-4' } } })
    await expectRefusedWithoutWrites(() => gw.gql(ACK, { id, at: shanghaiInstant('2026-03-02', '13:00').toISOString() }, 'staff-zhou'), {
      data: { acknowledgeMinutes: { __typename: 'RuleRefusalError', code: 'VISIT.BEFORE_PREVIOUS_STEP', ruleId: 'R-VIS-4' } },
    })
    await expectRefusedWithoutWrites(() => gw.gql(ACK, { id, at: shanghaiInstant('2026-03-03', '13:00').toISOString() }, 'staff-zhou'), {
      data: { acknowledgeMinutes: { __typename: 'ValidationError', issues: [{ field: 'acknowledgedAt', code: 'VISIT.IN_THE_FUTURE' }] } },
    })
    expect((await gw.gql(ACK, { id, at: shanghaiInstant('2026-03-02', '13:30').toISOString() }, 'staff-zhou')).data.acknowledgeMinutes).toEqual({ __typename: 'RuleRefusalError', code: 'VISIT.BEFORE_PREVIOUS_STEP', ruleId: 'R-VIS-4', messageZh: expect.any(String), messageEn: expect.any(String) })
    gw.setNow(shanghaiInstant('2026-03-03', '09:00'))
    expect((await gw.gql(ACK, { id }, 'staff-zhou')).data.acknowledgeMinutes.minutes).toEqual({ status: 'acknowledged', acknowledgedAt: shanghaiInstant('2026-03-03', '09:00').toISOString() })
    await expectRefusedWithoutWrites(() => gw.gql(ACK, { id }, 'staff-zhou'), { data: { acknowledgeMinutes: { __typename: 'RuleRefusalError', code: 'VISIT.MINUTES_ALREADY_ACKNOWLEDGED', ruleId: 'R-VIS-4' } } })
    expect(await gw.prisma.auditLog.findMany({ where: { subjectId: customerId, action: { startsWith: 'minutes.' } }, select: { action: true, actorId: true }, orderBy: { id: 'asc' } })).toEqual([
      { action: 'minutes.draft', actorId: 'staff-zhou' },
      { action: 'minutes.review', actorId: 'staff-li' },
      { action: 'minutes.send', actorId: 'staff-zhou' },
      { action: 'minutes.acknowledge', actorId: 'staff-zhou' },
    ])
  })

  it('marks minutes drafted after the deadline as late', async () => {
    const customerId = await customerOf('staff-zhou')
    // Meeting Wednesday 2026-02-25: due by the end of Friday 2026-02-27; drafted Monday 03-02.
    const drafted = await gw.gql(DRAFT, { input: { customerId, meetingAt: shanghaiInstant('2026-02-25', '15:00').toISOString(), content: '纪要' } }, 'staff-zhou')
    expect(drafted.data.draftMinutes.minutes).toMatchObject({ deadline: shanghaiInstant('2026-02-28').toISOString(), late: true })
  })
})

describe('authorization (R-ACC-1)', () => {
  it('lets the owner, the team manager and a director plan; refuses another team and whoever has left', async () => {
    const customerId = await customerOf('staff-zhou')
    for (const staffId of ['staff-zhou', 'staff-li', 'staff-zhao']) {
      expect((await gw.gql(PLAN, { input: planInput(customerId) }, staffId)).data.planVisit.__typename).toBe('PlanVisitPayload')
    }
    await expectRefusedWithoutWrites(() => gw.gql(PLAN, { input: planInput(customerId) }, 'staff-zheng'), {
      data: { planVisit: { __typename: 'AccessDeniedError', code: 'ACCESS.DENIED', ruleId: expect.stringMatching(/^R-ACC-/) } },
    })
    await expectRefusedWithoutWrites(() => gw.gql(PLAN, { input: planInput(customerId) }, 'staff-chen'), { data: { planVisit: { __typename: 'AccessDeniedError' } } })
    const before = await gw.snapshot()
    const departed = await gw.gql(PLAN, { input: planInput(customerId) }, 'staff-liu')
    expect(departed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(await gw.snapshot()).toEqual(before)
  })

  it('checks and records visit(id), visitPlan(id) and meetingMinutes(id) against the customer', async () => {
    const visit = await gw.prisma.visit.findFirstOrThrow({ where: { customer: { ownerId: 'staff-zhou' }, minutes: { some: {} } }, include: { minutes: true } })
    const minutesId = visit.minutes[0]!.id
    const query = `query($v: String!, $p: String!, $m: String!) { visit(id: $v) { id customer { customerId } } visitPlan(id: $p) { id } meetingMinutes(id: $m) { id } }`
    const vars = { v: visit.id, p: visit.planId, m: minutesId }
    for (const staffId of ['staff-zhou', 'staff-li', 'staff-zhao']) {
      const result = await gw.gql(query, vars, staffId)
      expect(result.errors).toBeUndefined()
      expect(result.data).toEqual({ visit: { id: visit.id, customer: { customerId: visit.customerId } }, visitPlan: { id: visit.planId }, meetingMinutes: { id: minutesId } })
    }
    for (const staffId of ['staff-zheng', 'staff-chen']) {
      const result = await gw.gql(query, vars, staffId)
      expect(result.errors?.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'])
      expect(result.data).toEqual({ visit: null, visitPlan: null, meetingMinutes: null })
    }
    expect(await gw.prisma.auditLog.count({ where: { action: 'customer.view', subjectId: visit.customerId, at: gw.now() } })).toBe(15)
    expect((await gw.gql(query, { ...vars, v: 'visit-none' }, 'staff-zhou')).data.visit).toBeNull()
  })

  it('shows nested visits, plans and minutes only under customers the actor may view', async () => {
    const query = '{ customers(first: 100) { edges { node { customerId visits { customerId } visitPlans { customerId } minutes { customerId } } } } }'
    const result = await gw.gql(query, {}, 'staff-zhou')
    const own = new Set((await gw.prisma.customer.findMany({ where: { OR: [{ ownerId: 'staff-zhou' }, { coOwners: { some: { staffId: 'staff-zhou' } } }] }, select: { id: true } })).map((c) => c.id))
    const nested = result.data.customers.edges.flatMap((e: any) => [...e.node.visits, ...e.node.visitPlans, ...e.node.minutes].map((r: any) => r.customerId))
    expect(nested.length).toBeGreaterThan(0)
    expect(nested.every((id: string) => own.has(id))).toBe(true)
  })
})

describe('Customer.lastVisit and visitSummary (R-VIS-2)', () => {
  it('is the newest visit, and the summary sums what core sums', async () => {
    const withVisits = await gw.prisma.customer.findFirstOrThrow({ where: { visits: { some: {} } }, include: { visits: { orderBy: { startAt: 'desc' } } } })
    const result = await gw.gql('query($id: String!) { customer(id: $id) { lastVisit { id startAt } visitSummary { ruleId cumulativeContacts totalVisitMinutes lastVisitAt } } }', { id: withVisits.id }, 'staff-zhao')
    const newest = withVisits.visits[0]!
    expect(result.data.customer.lastVisit).toEqual({ id: newest.id, startAt: newest.startAt.toISOString() })
    expect(result.data.customer.visitSummary).toEqual({
      ruleId: 'R-VIS-2',
      cumulativeContacts: withVisits.visits.length,
      totalVisitMinutes: withVisits.visits.reduce((sum, v) => sum + v.durationMinutes, 0),
      lastVisitAt: newest.startAt.toISOString(),
    })
  })

  it('reads plans with their approval status, and lastVisit beside the full list of visits', async () => {
    const customerId = await customerOf('staff-zhou')
    const approved = await plannedVisit(customerId)
    const pending = await plannedVisit(customerId)
    await decide(approved.requestId, 'staff-li', 'approve', shanghaiInstant('2026-03-02', '11:00'))
    gw.setNow(shanghaiInstant('2026-03-04', '12:00'))
    const visitId = (await gw.gql(RECORD, { input: visitInput(approved.planId) }, 'staff-zhou')).data.recordVisit.visit.id
    const result = await gw.gql('query($id: String!) { customer(id: $id) { visitPlans { id approvalStatus } visits { id } lastVisit { id } } }', { id: customerId }, 'staff-zhou')
    const statuses = Object.fromEntries(result.data.customer.visitPlans.map((p: any) => [p.id, p.approvalStatus]))
    expect([statuses[approved.planId], statuses[pending.planId]]).toEqual(['approved', 'pending'])
    expect(Object.values(statuses).filter((s) => s !== null)).toHaveLength(2)
    expect(result.data.customer.visits[0]).toEqual({ id: visitId })
    expect(result.data.customer.visits.length).toBe(await gw.prisma.visit.count({ where: { customerId } }))
    expect(result.data.customer.lastVisit).toEqual({ id: visitId })
  })

  it('costs the same number of SQL statements for a page of 5 and of 20 customers, with owners and last visits', async () => {
    const counter = await statementCounter()
    const run = (first: number): Promise<number> => counter.page(first, 'name owner { name } lastVisit { startAt }')
    try {
      await run(1)
      const five = await run(5)
      const twenty = await run(20)
      expect(five).toBeGreaterThan(0)
      expect(twenty).toBe(five)
    } finally {
      await counter.close()
    }
  })

  it('costs one statement for a page of 5 and of 20 customers on the plain-SQL read path', async () => {
    const counter = await statementCounter({ readDatabase: true })
    const run = (first: number): Promise<number> => counter.page(first, 'name owner { name } lastVisit { startAt }')
    try {
      await run(1)
      const five = await run(5)
      const twenty = await run(20)
      // The acting staff row is read once per request (no actor cache here); the page itself, with
      // its owners and latest visits, is one statement.
      expect(five).toBe(1 + 1)
      expect(twenty).toBe(five)
    } finally {
      await counter.close()
    }
  })

  it('resolves the customer of every visit in a list together, however many visits (R-ACC-1)', async () => {
    const counter = await statementCounter()
    const visitsOf = async (first: number): Promise<{ statements: number; visits: number }> => {
      const body = await counter.run(`{ customers(first: ${first}, orderBy: CREATED_DESC) { edges { node { id visits { customerId customer { customerId name } } } } } }`)
      const edges = (body.data as { customers: { edges: { node: { id: string; visits: { customerId: string; customer: { customerId: string } | null }[] } }[] } }).customers.edges
      const visits = edges.flatMap((edge) => edge.node.visits)
      // The director may view every customer: each visit's customer is its own.
      for (const visit of visits) expect(visit.customer?.customerId).toBe(visit.customerId)
      return { statements: counter.statements(), visits: visits.length }
    }
    try {
      await visitsOf(1)
      const few = await visitsOf(2)
      const many = await visitsOf(40)
      expect(many.visits).toBeGreaterThan(few.visits)
      expect(many.statements).toBe(few.statements)
    } finally {
      await counter.close()
    }
  })
})

/**
 * An app on a second client of the gateway's database file that counts every SQL statement it
 * sends (and, with `readDatabase`, those of a read connection as the server opens it), acting
 * as the director.
 */
async function statementCounter(options: { readDatabase?: boolean } = {}) {
  const main = (await gw.prisma.$queryRawUnsafe<{ name: string; file: string }[]>('PRAGMA database_list')).find((row) => row.name === 'main')!
  const counted = new GeneratedClient({ adapter: new PrismaBetterSQLite3({ url: `file:${main.file}` }), log: [{ emit: 'event', level: 'query' }] })
  let statements = 0
  counted.$on('query', () => {
    statements += 1
  })
  const readDatabase = options.readDatabase === true ? new Database(main.file, { readonly: true, verbose: () => (statements += 1) }) : undefined
  const app = createApp({ prisma: counted, jwtSecret: TEST_SECRET, now: () => gw.now(), ...(readDatabase === undefined ? {} : { readDatabase }) })
  /** Runs a query, counting from zero; fails on any GraphQL error. */
  const run = async (query: string): Promise<{ data: unknown }> => {
    statements = 0
    const response = await postOperation(app, { query }, 'staff-zhao', gw.now())
    const body = (await response.json()) as { errors?: unknown; data: unknown }
    expect(body.errors).toBeUndefined()
    return body
  }
  return {
    run,
    /** Statements of a page of `first` customers, newest first, selecting `fields` (some last visit among them). */
    async page(first: number, fields: string): Promise<number> {
      const body = await run(`{ customers(first: ${first}, orderBy: CREATED_DESC) { edges { node { ${fields} } } } }`)
      const edges = (body.data as { customers: { edges: { node: { lastVisit: unknown } }[] } }).customers.edges
      expect(edges).toHaveLength(first)
      expect(edges.some((e) => e.node.lastVisit !== null)).toBe(true)
      return statements
    },
    /** Statements sent by the last run. */
    statements: () => statements,
    async close(): Promise<void> {
      readDatabase?.close()
      await counted.$disconnect()
    },
  }
}

describe('the visitPlan approval effect', () => {
  it('refuses a decision on a request that is not the plan’s own, writing nothing', async () => {
    const { planId } = await plannedVisit(await customerOf('staff-zhou'))
    const { requestId: other } = await plannedVisit(await customerOf('staff-zhou'))
    // Point the second request at the first plan: the effect must refuse the decision.
    await gw.prisma.approvalRequest.update({ where: { id: other }, data: { subjectId: planId } })
    const before = await gw.snapshot()
    await expect(decide(other, 'staff-li', 'approve', shanghaiInstant('2026-03-02', '11:00'))).rejects.toThrow(/is not the approval of visit plan/)
    expect(await gw.snapshot()).toEqual(before)
  })
})

describe('end to end through decideApproval', () => {
  const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { __typename ... on DecideApprovalPayload { version } ... on BusinessError { code ruleId } } }`

  it('the manager approves the plan through the API, and the visit may then be recorded', async () => {
    const { planId, requestId } = await plannedVisit(await customerOf('staff-zhou'))
    gw.setNow(shanghaiInstant('2026-03-02', '11:00'))
    // A specialist is not on the visit-plan chain (R-VIS-1: the manager approves) and may not sign.
    await expectRefusedWithoutWrites(() => gw.gql(DECIDE, { input: { requestId, decision: 'APPROVE', expectedVersion: 0 } }, 'staff-wu'), { data: { decideApproval: { __typename: 'AccessDeniedError', code: 'ACCESS.DENIED' } } })
    expect((await gw.gql(DECIDE, { input: { requestId, decision: 'APPROVE', expectedVersion: 0 } }, 'staff-li')).data.decideApproval).toEqual({ __typename: 'DecideApprovalPayload', version: 1 })
    gw.setNow(shanghaiInstant('2026-03-04', '12:00'))
    const recorded = await gw.gql(RECORD, { input: visitInput(planId) }, 'staff-zhou')
    expect(recorded.data.recordVisit.__typename).toBe('RecordVisitPayload')
    expect((await gw.gql('query($id: String!) { visitPlan(id: $id) { approvalStatus } }', { id: planId }, 'staff-zhou')).data.visitPlan.approvalStatus).toBe('approved')
  })
})
