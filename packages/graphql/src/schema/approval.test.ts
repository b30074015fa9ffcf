import { canDecide, createApprovalChain, submitApproval } from '@kehu/core'
import { describe, expect, it } from 'vitest'

import { approvalRequestFromRow, approvalRequestToRow } from '../db/approvals.js'
import { staffFromRow } from '../db/mappers.js'
import { useTestGateway } from '../test/useTestGateway.js'

const gw = useTestGateway()

const RESULT = `
  __typename
  ... on BusinessError { code ruleId messageZh messageEn }
  ... on RuleRefusalError { guard stepId }
  ... on AccessDeniedError { reasonCode }
  ... on ValidationError { issues { field code } }
`

async function decide(input: { requestId: string; decision?: 'APPROVE' | 'REJECT'; expectedVersion: number; comment?: string }, staffId: string): Promise<any> {
  const result = await gw.gql(
    `mutation D($input: DecideApprovalInput!) { decideApproval(input: $input) { ${RESULT} ... on DecideApprovalPayload { version approvalRequest { status currentStepId version } } } }`,
    { input: { decision: 'APPROVE', ...input } },
    staffId,
  )
  expect(result.errors).toBeUndefined()
  return result.data.decideApproval
}

async function withdraw(input: { requestId: string; expectedVersion: number }, staffId: string): Promise<any> {
  const result = await gw.gql(`mutation W($input: WithdrawApprovalInput!) { withdrawApproval(input: $input) { ${RESULT} ... on WithdrawApprovalPayload { version } } }`, { input }, staffId)
  expect(result.errors).toBeUndefined()
  return result.data.withdrawApproval
}

async function expectRefusedUnchanged(run: () => Promise<any>, expected: Record<string, unknown>): Promise<any> {
  const before = await gw.snapshot()
  const outcome = await run()
  expect(outcome).toMatchObject(expected)
  expect(await gw.snapshot()).toEqual(before)
  return outcome
}

/** A step either of two managers may sign alone (mode any), about a subject kind with no registered effect. */
const managersChain = createApprovalChain(
  {
    id: 'tradeShow',
    nameZh: '展会参展审批',
    nameEn: 'Trade-show approval',
    ruleId: 'R-LIF-2',
    steps: [{ id: 'managers', nameZh: '部门经理审批', nameEn: 'Department manager', mode: 'any', approvers: [{ kind: 'person', personId: 'staff-li' }, { kind: 'person', personId: 'staff-chen' }] }],
  },
  'test.chain',
)
const financeChain = createApprovalChain(
  { id: 'payment', nameZh: '付款审批', nameEn: 'Payment approval', ruleId: 'R-LIF-2', steps: [{ id: 'finance', nameZh: '财务审批', nameEn: 'Finance', mode: 'any', approvers: [{ kind: 'role', role: 'finance' }] }] },
  'test.chain',
)

/** Stores a request submitted by staff-zhou through core, as the gateway stores them. */
async function storeRequest(id: string, chain: typeof managersChain, subject: { kind: string; id: string }): Promise<void> {
  const request = submitApproval({ id, chain, subject, submittedBy: { id: 'staff-zhou', roles: ['specialist'], active: true, teamId: 'team-east' }, at: new Date('2026-03-01T02:00:00Z') })
  const rows = approvalRequestToRow(request)
  await gw.prisma.approvalRequest.create({ data: rows.request })
  await gw.prisma.approvalEvent.createMany({ data: [...rows.events] })
}

describe('approvalRequest(id)', () => {
  const QUERY = `query Q($id: String!) { approvalRequest(id: $id) {
    requestId chainId ruleId subjectKind subjectId status currentStep currentStepId version submittedById canDecide
    customer { customerId }
    steps { stepId nameZh mode state awaitedApprovers { approverIndex approver { kind role personId } } }
    awaitedApprovers { stepId approverIndex approver { kind role } }
    history { zh en }
    events { seq type stepId actorId }
  } }`

  it('shows the chain, the awaited approvers and the bilingual history from core', async () => {
    // apr-cust-003: submitted by staff-li, customs (staff-han) signed, commerce awaited.
    const result = await gw.gql(QUERY, { id: 'apr-cust-003' }, 'staff-li')
    expect(result.errors).toBeUndefined()
    const request = result.data.approvalRequest
    expect(request).toMatchObject({ requestId: 'apr-cust-003', chainId: 'newCustomer', ruleId: 'R-LIF-2', subjectKind: 'customer', subjectId: 'cust-003', status: 'pending', currentStep: 1, currentStepId: 'commerce', version: 0, submittedById: 'staff-li', canDecide: false })
    expect(request.steps.map((s: any) => [s.stepId, s.state])).toEqual([
      ['customs', 'signed'],
      ['commerce', 'current'],
      ['finance', 'waiting'],
      ['generalManager', 'waiting'],
    ])
    expect(request.steps[1].awaitedApprovers).toEqual([{ approverIndex: 0, approver: { kind: 'role', role: 'commerce', personId: null } }])
    expect(request.awaitedApprovers).toEqual([{ stepId: 'commerce', approverIndex: 0, approver: { kind: 'role', role: 'commerce' } }])
    expect(request.events.map((e: any) => [e.seq, e.type, e.stepId, e.actorId])).toEqual([
      [0, 'submitted', null, 'staff-li'],
      [1, 'approved', 'customs', 'staff-han'],
    ])
    expect(request.history[1].zh).toMatch(/ staff-han 同意（报关部审批）$/)
    expect(request.history[1].en).toMatch(/ staff-han approved \(Customs department\)$/)
    expect((await gw.gql(`{ approvalRequest(id: "apr-cust-003") { canDecide } }`, {}, 'staff-sun')).data.approvalRequest.canDecide).toBe(true)
  })

  it('is visible to the submitter, the chain and those who may view the customer (R-ACC-1); refused to others', async () => {
    const visibleTo = async (staffId: string) => {
      const result = await gw.gql(`{ approvalRequest(id: "apr-cust-003") { requestId customer { customerId } } }`, {}, staffId)
      return result.errors === undefined ? { seen: true, customer: result.data.approvalRequest.customer?.customerId ?? null } : { seen: false, code: result.errors[0].extensions.code, ruleId: result.errors[0].extensions.ruleId }
    }
    expect(await visibleTo('staff-li')).toEqual({ seen: true, customer: 'cust-003' }) // submitter and owner
    expect(await visibleTo('staff-zhao')).toEqual({ seen: true, customer: 'cust-003' }) // director: may view the customer
    expect(await visibleTo('staff-wang')).toEqual({ seen: true, customer: 'cust-003' }) // general manager: chain and company-wide
    // Approvers in the chain see the request, but not the customer archive they may not view.
    expect(await visibleTo('staff-han')).toEqual({ seen: true, customer: null })
    expect(await visibleTo('staff-qian')).toEqual({ seen: true, customer: null })
    for (const outsider of ['staff-chen', 'staff-zhou', 'staff-zheng', 'staff-yang', 'staff-he']) {
      expect(await visibleTo(outsider)).toEqual({ seen: false, code: 'FORBIDDEN', ruleId: 'R-ACC-1' })
    }
  })

  it('a request about something other than a customer is seen by its submitter and chain only', async () => {
    await storeRequest('apr-show-1', managersChain, { kind: 'tradeShow', id: 'show-2026' })
    const seen = async (staffId: string) => (await gw.gql(`{ approvalRequest(id: "apr-show-1") { requestId } }`, {}, staffId)).errors === undefined
    expect(await seen('staff-zhou')).toBe(true)
    expect(await seen('staff-li')).toBe(true)
    expect(await seen('staff-chen')).toBe(true)
    expect(await seen('staff-zhao')).toBe(false)
    expect(await seen('staff-wu')).toBe(false)
  })

  it('an unknown id is null', async () => {
    const result = await gw.gql(`{ approvalRequest(id: "apr-none") { requestId } }`, {}, 'staff-zhao')
    expect(result).toEqual({ data: { approvalRequest: null } })
  })
})

describe('myPendingApprovals', () => {
  const pending = async (staffId: string): Promise<{ requestId: string; currentStepId: string; canDecide: boolean }[]> => {
    const result = await gw.gql(`{ myPendingApprovals { requestId currentStepId canDecide } }`, {}, staffId)
    expect(result.errors).toBeUndefined()
    return result.data.myPendingApprovals
  }
  const seeded = ['apr-cust-003', 'apr-cust-015', 'apr-cust-027', 'apr-cust-039']

  it('lists what the actor may sign now, by role and by step order', async () => {
    const commerce = await pending('staff-sun')
    expect(commerce.map((r) => r.requestId)).toEqual(expect.arrayContaining(seeded))
    expect(commerce.every((r) => r.canDecide)).toBe(true)
    // Customs already signed them; finance and the general manager come later in the chain.
    for (const staffId of ['staff-han', 'staff-qian', 'staff-wang', 'staff-zhou', 'staff-zhao']) {
      const ids = (await pending(staffId)).map((r) => r.requestId)
      expect(ids.filter((id) => seeded.includes(id))).toEqual([])
    }
    expect(await decide({ requestId: 'apr-cust-003', expectedVersion: 0 }, 'staff-sun')).toMatchObject({ __typename: 'DecideApprovalPayload' })
    expect((await pending('staff-sun')).map((r) => r.requestId)).not.toContain('apr-cust-003')
    expect(await pending('staff-qian')).toContainEqual({ requestId: 'apr-cust-003', currentStepId: 'finance', canDecide: true })
  })

  it('lists requests awaiting the actor by name, and drops them once signed', async () => {
    await storeRequest('apr-show-1', managersChain, { kind: 'tradeShow', id: 'show-2026' })
    expect(await pending('staff-li')).toContainEqual({ requestId: 'apr-show-1', currentStepId: 'managers', canDecide: true })
    expect(await pending('staff-chen')).toContainEqual({ requestId: 'apr-show-1', currentStepId: 'managers', canDecide: true })
    expect((await pending('staff-zhou')).map((r) => r.requestId)).not.toContain('apr-show-1')
    await decide({ requestId: 'apr-show-1', expectedVersion: 0 }, 'staff-chen')
    expect((await pending('staff-li')).map((r) => r.requestId)).not.toContain('apr-show-1')
  })

  it('lists more requests than Prisma binds in one ordered statement (999 on SQLite), oldest first', async () => {
    const ids = Array.from({ length: 1000 }, (_, k) => `apr-pay-${String(k).padStart(4, '0')}`)
    const rows = ids.map((id, k) =>
      approvalRequestToRow(submitApproval({ id, chain: financeChain, subject: { kind: 'payment', id }, submittedBy: { id: 'staff-zhou', roles: ['specialist'], active: true }, at: new Date(Date.UTC(2026, 1, 1) + (1000 - k) * 60_000) })),
    )
    await gw.prisma.approvalRequest.createMany({ data: rows.map((r) => r.request) })
    await gw.prisma.approvalEvent.createMany({ data: rows.flatMap((r) => [...r.events]) })
    const listed = (await pending('staff-qian')).map((r) => r.requestId).filter((id) => id.startsWith('apr-pay-'))
    expect(listed).toEqual([...ids].reverse())
  })

  it('matches core: every pending request the actor may sign is listed, and nothing else', async () => {
    const all = await gw.prisma.approvalRequest.findMany({ where: { status: 'pending' }, include: { events: true } })
    for (const staff of await gw.prisma.staff.findMany({ where: { active: true } })) {
      const actor = staffFromRow(staff)
      const expected = all.filter((row) => canDecide(approvalRequestFromRow(row), actor, gw.now()).ok).map((row) => row.id)
      expect((await pending(staff.id)).map((r) => r.requestId).sort()).toEqual(expected.sort())
    }
  })
})

describe('decideApproval and withdrawApproval', () => {
  it('a signature moves the request one step, bumps the version once and writes one event and one audit row', async () => {
    const signed = await decide({ requestId: 'apr-cust-003', expectedVersion: 0, comment: '  商务条件可接受 ' }, 'staff-sun')
    expect(signed).toEqual({ __typename: 'DecideApprovalPayload', version: 1, approvalRequest: { status: 'pending', currentStepId: 'finance', version: 1 } })
    const events = await gw.prisma.approvalEvent.findMany({ where: { requestId: 'apr-cust-003' }, orderBy: { seq: 'asc' } })
    expect(events.map((e) => [e.seq, e.type, e.stepId, e.actorId, e.comment])).toEqual([
      [0, 'submitted', null, 'staff-li', null],
      [1, 'approved', 'customs', 'staff-han', null],
      [2, 'approved', 'commerce', 'staff-sun', '商务条件可接受'],
    ])
    expect(await gw.prisma.auditLog.count({ where: { action: 'approval.decide', subjectId: 'apr-cust-003', actorId: 'staff-sun' } })).toBe(1)
  })

  it('a rejection ends the request at its step; the later steps are closed', async () => {
    const rejected = await decide({ requestId: 'apr-cust-003', decision: 'REJECT', expectedVersion: 0, comment: '账期条件不符' }, 'staff-sun')
    expect(rejected).toMatchObject({ version: 1, approvalRequest: { status: 'rejected', currentStepId: null } })
    const read = await gw.gql(`{ approvalRequest(id: "apr-cust-003") { awaitedApprovers { stepId } steps { stepId state } history { en } } }`, {}, 'staff-li')
    expect(read.data.approvalRequest.steps.map((s: any) => s.state)).toEqual(['signed', 'rejected', 'closed', 'closed'])
    expect(read.data.approvalRequest.awaitedApprovers).toEqual([])
    expect(read.data.approvalRequest.history[2].en).toMatch(/ staff-sun rejected \(Commerce department\): 账期条件不符$/)
  })

  it('refusals from core carry the code, rule and step, and write nothing (R-LIF-2)', async () => {
    await expectRefusedUnchanged(() => decide({ requestId: 'apr-cust-003', expectedVersion: 0 }, 'staff-qian'), { __typename: 'RuleRefusalError', code: 'APPROVAL.OUT_OF_ORDER', ruleId: 'R-LIF-2', stepId: 'commerce' })
    await expectRefusedUnchanged(() => decide({ requestId: 'apr-cust-003', expectedVersion: 0 }, 'staff-zhao'), { __typename: 'RuleRefusalError', code: 'APPROVAL.NOT_AN_APPROVER', ruleId: 'R-LIF-2' })
    await expectRefusedUnchanged(() => decide({ requestId: 'apr-cust-004', expectedVersion: 0 }, 'staff-wang'), { __typename: 'RuleRefusalError', code: 'APPROVAL.NOT_PENDING' })
    await expectRefusedUnchanged(() => withdraw({ requestId: 'apr-cust-003', expectedVersion: 0 }, 'staff-han'), { __typename: 'RuleRefusalError', code: 'APPROVAL.NOT_SUBMITTER' })
  })

  it('a stale version is a conflict; outsiders are refused; unknown requests are not found; long comments are invalid', async () => {
    await expectRefusedUnchanged(() => decide({ requestId: 'apr-cust-003', expectedVersion: 3 }, 'staff-sun'), { __typename: 'ConflictError', code: 'CONFLICT.STALE', ruleId: 'R-LIF-2' })
    await expectRefusedUnchanged(() => decide({ requestId: 'apr-cust-003', expectedVersion: 0 }, 'staff-chen'), { __typename: 'AccessDeniedError', code: 'ACCESS.DENIED', reasonCode: 'APPROVAL.NOT_INVOLVED', ruleId: 'R-ACC-1' })
    await expectRefusedUnchanged(() => decide({ requestId: 'apr-none', expectedVersion: 0 }, 'staff-sun'), { __typename: 'NotFoundError', code: 'NOT_FOUND' })
    const invalid = await expectRefusedUnchanged(() => decide({ requestId: 'apr-cust-003', expectedVersion: 0, comment: '意'.repeat(1001) }, 'staff-sun'), { __typename: 'ValidationError', code: 'INPUT.INVALID' })
    expect(invalid.issues).toEqual([{ field: 'input.comment', code: 'APPROVAL.COMMENT_TOO_LONG' }])
  })

  it('the general manager’s last signature approves the customer in the same transaction', async () => {
    let version = 0
    for (const signer of ['staff-sun', 'staff-qian', 'staff-wang']) {
      const outcome = await decide({ requestId: 'apr-cust-027', expectedVersion: version }, signer)
      version = outcome.version
    }
    expect(version).toBe(3)
    const request = await gw.prisma.approvalRequest.findUniqueOrThrow({ where: { id: 'apr-cust-027' } })
    expect(request).toMatchObject({ status: 'approved', currentStep: 4, decidedAt: gw.now() })
    expect(await gw.prisma.customer.findUniqueOrThrow({ where: { id: 'cust-027' } })).toMatchObject({ stage: 'approved', approvedAt: gw.now() })
  })

  it('a decision whose effect core refuses is not written either', async () => {
    // The customer's last change lies after the clock: core refuses the move (R-LIF-1 time order), so the signature is undone.
    await gw.prisma.customer.update({ where: { id: 'cust-039' }, data: { stageUpdatedAt: new Date(gw.now().getTime() + 60_000) } })
    for (const [index, signer] of ['staff-sun', 'staff-qian'].entries()) await decide({ requestId: 'apr-cust-039', expectedVersion: index }, signer)
    await expectRefusedUnchanged(() => decide({ requestId: 'apr-cust-039', expectedVersion: 2 }, 'staff-wang'), { __typename: 'RuleRefusalError', code: 'LIFECYCLE.BEFORE_LAST_CHANGE', ruleId: 'R-LIF-1', guard: 'timeOrder' })
  })
})

describe('concurrent decisions', () => {
  const successes = (outcomes: any[]) => outcomes.filter((o) => o.__typename === 'DecideApprovalPayload')

  it('the same signature sent twice at once takes effect once', async () => {
    const outcomes = await Promise.all([decide({ requestId: 'apr-cust-003', expectedVersion: 0 }, 'staff-sun'), decide({ requestId: 'apr-cust-003', expectedVersion: 0 }, 'staff-sun')])
    expect(successes(outcomes)).toHaveLength(1)
    expect(outcomes.filter((o) => o.__typename === 'ConflictError')).toHaveLength(1)
    expect(await gw.prisma.approvalEvent.count({ where: { requestId: 'apr-cust-003', actorId: 'staff-sun' } })).toBe(1)
    expect(await gw.prisma.approvalRequest.findUniqueOrThrow({ where: { id: 'apr-cust-003' } })).toMatchObject({ version: 1, currentStep: 2 })
  })

  it('two approvers of an `any` step signing at once: one signature completes it, the other is refused', async () => {
    await storeRequest('apr-show-1', managersChain, { kind: 'tradeShow', id: 'show-2026' })
    const outcomes = await Promise.all([decide({ requestId: 'apr-show-1', expectedVersion: 0 }, 'staff-li'), decide({ requestId: 'apr-show-1', expectedVersion: 0 }, 'staff-chen')])
    expect(successes(outcomes)).toHaveLength(1)
    expect(successes(outcomes)[0]).toMatchObject({ version: 1, approvalRequest: { status: 'approved' } })
    const events = await gw.prisma.approvalEvent.findMany({ where: { requestId: 'apr-show-1' }, orderBy: { seq: 'asc' } })
    expect(events.map((e) => e.type)).toEqual(['submitted', 'approved'])
    expect(await gw.prisma.approvalRequest.findUniqueOrThrow({ where: { id: 'apr-show-1' } })).toMatchObject({ version: 1, status: 'approved' })
  })

  it('many decisions on different requests at once all land', async () => {
    const ids = Array.from({ length: 12 }, (_, k) => `apr-pay-${k}`)
    for (const id of ids) await storeRequest(id, financeChain, { kind: 'payment', id })
    const outcomes = await Promise.all([...ids.map((requestId) => decide({ requestId, expectedVersion: 0 }, 'staff-qian')), ...['apr-cust-003', 'apr-cust-015'].map((requestId) => decide({ requestId, expectedVersion: 0 }, 'staff-sun'))])
    expect(successes(outcomes)).toHaveLength(14)
    const rows = await gw.prisma.approvalRequest.findMany({ where: { id: { in: ids } }, include: { events: true } })
    expect(rows.map((r) => [r.status, r.version, r.events.length])).toEqual(ids.map(() => ['approved', 1, 2]))
  })
})
