import { SELECTION_CRITERIA } from '@kehu/core'
import { describe, expect, it } from 'vitest'

import { ConflictRefusal } from '../refusals.js'
import { useTestGateway } from '../test/useTestGateway.js'
import { lifecycleFromRow } from '../workflows/lifecycleState.js'
import { readLifecycleRow, writeLifecycle } from '../workflows/lifecycleTransition.js'

const gw = useTestGateway()

const RESULT = `
  __typename
  ... on BusinessError { code ruleId messageZh messageEn }
  ... on RuleRefusalError { guard details }
  ... on AccessDeniedError { reasonCode }
  ... on ValidationError { issues { field code } }
`
const PAYLOAD = `previousStage lifecycle { stage activePhase approvalRequestId customerCode commerceStaffId agreementSentAt signedAt churnReason qualificationDocuments selection { criterion passed note } } effects { type from to approvalRequestId customerCode staffId }`

/** Runs lifecycle mutation `name` as `staffId`; returns the result union member. */
async function lifecycle(name: string, input: Record<string, unknown>, staffId: string): Promise<any> {
  const typeName = name[0]!.toUpperCase() + name.slice(1)
  const inputType = `${typeName}Input`
  const result = await gw.gql(`mutation M($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} ... on ${typeName}Payload { ${PAYLOAD} approvalRequest { requestId status version currentStepId } } } }`, { input }, staffId)
  expect(result.errors).toBeUndefined()
  return result.data[name]
}

const PASSED = Object.fromEntries(SELECTION_CRITERIA.map((criterion) => [criterion, { passed: true, note: `已核实 ${criterion}` }]))

async function decide(requestId: string, staffId: string, decision: 'APPROVE' | 'REJECT', expectedVersion: number): Promise<any> {
  const result = await gw.gql(
    `mutation D($input: DecideApprovalInput!) { decideApproval(input: $input) { ${RESULT} ... on DecideApprovalPayload { version approvalRequest { status currentStepId } } } }`,
    { input: { requestId, decision, expectedVersion } },
    staffId,
  )
  expect(result.errors).toBeUndefined()
  return result.data.decideApproval
}

async function customerRow(id: string) {
  return gw.prisma.customer.findUniqueOrThrow({ where: { id } })
}

/** Expects a refusal that wrote nothing (the audit log aside). */
async function expectRefusedUnchanged(run: () => Promise<any>, expected: Record<string, unknown>): Promise<any> {
  const before = await gw.snapshot()
  const outcome = await run()
  expect(outcome).toMatchObject(expected)
  expect(await gw.snapshot()).toEqual(before)
  return outcome
}

describe('development → approval → signing → cooperation of a seeded prospect (R-LIF-1..5)', () => {
  it('moves cust-001 through every stage, with the approval signed along the default chain', async () => {
    // cust-001 is a prospect owned by staff-zhou (team-east specialist).
    const started = await lifecycle('startCustomerDevelopment', { customerId: 'cust-001' }, 'staff-zhou')
    expect(started).toMatchObject({ __typename: 'StartCustomerDevelopmentPayload', previousStage: 'prospect', lifecycle: { stage: 'developing' } })

    gw.setNow(new Date('2026-03-03T02:00:00Z'))
    const submitted = await lifecycle('submitCustomerForApproval', { customerId: 'cust-001', qualificationDocuments: ['营业执照', '税务登记证'], selection: PASSED, comment: '请审批' }, 'staff-zhou')
    expect(submitted).toMatchObject({ __typename: 'SubmitCustomerForApprovalPayload', previousStage: 'developing', lifecycle: { stage: 'pendingApproval', qualificationDocuments: ['营业执照', '税务登记证'] } })
    expect(submitted.lifecycle.selection.map((s: any) => s.criterion)).toEqual([...SELECTION_CRITERIA])
    const requestId: string = submitted.lifecycle.approvalRequestId
    expect(submitted.effects).toContainEqual(expect.objectContaining({ type: 'approvalLinked', approvalRequestId: requestId }))
    expect(submitted.approvalRequest).toEqual({ requestId, status: 'pending', version: 0, currentStepId: 'customs' })
    const stored = await gw.prisma.approvalRequest.findUniqueOrThrow({ where: { id: requestId }, include: { events: true } })
    expect(stored).toMatchObject({ chainId: 'newCustomer', subjectKind: 'customer', subjectId: 'cust-001', submittedById: 'staff-zhou', status: 'pending', currentStep: 0 })
    expect(stored.events.map((e) => [e.type, e.actorId, e.comment])).toEqual([['submitted', 'staff-zhou', '请审批']])

    // R-LIF-2: customs → commerce → finance → general manager, in order; the last signature approves the customer.
    gw.setNow(new Date('2026-03-04T02:00:00Z'))
    const signers = ['staff-han', 'staff-sun', 'staff-qian', 'staff-wang']
    for (const [index, signer] of signers.entries()) {
      const signed = await decide(requestId, signer, 'APPROVE', index)
      expect(signed).toMatchObject({ __typename: 'DecideApprovalPayload', version: index + 1 })
      expect((await customerRow('cust-001')).stage).toBe(index < 3 ? 'pendingApproval' : 'approved')
    }
    const approved = await customerRow('cust-001')
    expect(approved.approvedAt).toEqual(new Date('2026-03-04T02:00:00Z'))
    expect(await gw.prisma.auditLog.count({ where: { action: 'customer.lifecycle.approve', subjectId: 'cust-001', actorId: 'staff-wang' } })).toBe(1)

    const sent = await lifecycle('sendCustomerAgreement', { customerId: 'cust-001' }, 'staff-zhou')
    expect(sent).toMatchObject({ lifecycle: { stage: 'approved', agreementSentAt: '2026-03-04T02:00:00.000Z' }, effects: [{ type: 'agreementSent' }] })
    expect(await gw.prisma.timelineEvent.count({ where: { customerId: 'cust-001', kind: 'letter', at: new Date('2026-03-04T02:00:00Z') } })).toBe(1)

    // R-LIF-4: the seeded codes were all assigned in 2024/2025, so the first code of 2026 is sequence 1.
    gw.setNow(new Date('2026-03-05T02:00:00Z'))
    const signed = await lifecycle('signCustomer', { customerId: 'cust-001', supplyContractSigned: true, qualityContractSigned: true }, 'staff-zhou')
    expect(signed).toMatchObject({ previousStage: 'approved', lifecycle: { stage: 'signed', customerCode: 'C2026-00001', signedAt: '2026-03-05T02:00:00.000Z' } })
    expect(signed.effects).toContainEqual(expect.objectContaining({ type: 'customerCodeAssigned', customerCode: 'C2026-00001' }))
    expect((await customerRow('cust-001')).customerCode).toBe('C2026-00001')

    // R-LIF-5: a commerce staff member follows the active customer.
    const activated = await lifecycle('activateCustomer', { customerId: 'cust-001', commerceStaffId: 'staff-sun' }, 'staff-zhou')
    expect(activated).toMatchObject({ previousStage: 'signed', lifecycle: { stage: 'active', activePhase: 'cooperation', commerceStaffId: 'staff-sun' } })
    const maintained = await lifecycle('enterCustomerMaintenance', { customerId: 'cust-001' }, 'staff-zhou')
    expect(maintained).toMatchObject({ previousStage: 'active', lifecycle: { stage: 'active', activePhase: 'maintenance' } })

    const read = await gw.gql(`{ customer(id: "cust-001") { stage activePhase customerCode lifecycle { stageNameZh commerceStaffId } newCustomerApproval { requestId status history { zh en } } } }`, {}, 'staff-zhou')
    expect(read.data.customer).toMatchObject({ stage: 'active', activePhase: 'maintenance', customerCode: 'C2026-00001', lifecycle: { stageNameZh: '正式合作', commerceStaffId: 'staff-sun' }, newCustomerApproval: { requestId, status: 'approved' } })
    expect(read.data.customer.newCustomerApproval.history).toHaveLength(5)
    expect(await gw.prisma.auditLog.count({ where: { subjectId: 'cust-001', action: { startsWith: 'customer.lifecycle.' } } })).toBe(7)
  })

  it('a churned customer keeps its code and is won back to development, needing a new approval', async () => {
    // cust-006: active (cooperation), owned by staff-chen (team-south manager).
    const before = await customerRow('cust-006')
    const churned = await lifecycle('churnCustomer', { customerId: 'cust-006', reason: '  转向竞争对手  ' }, 'staff-chen')
    expect(churned).toMatchObject({ previousStage: 'active', lifecycle: { stage: 'churned', activePhase: null, churnReason: '转向竞争对手', customerCode: before.customerCode } })
    const back = await lifecycle('winBackCustomer', { customerId: 'cust-006' }, 'staff-chen')
    expect(back).toMatchObject({ previousStage: 'churned', lifecycle: { stage: 'developing', customerCode: before.customerCode, approvalRequestId: null, agreementSentAt: null, signedAt: null, commerceStaffId: null, churnReason: null } })
    const row = await customerRow('cust-006')
    expect(row).toMatchObject({ stage: 'developing', customerCode: before.customerCode, approvalRequestId: null, approvedAt: null, qualificationDocuments: null, commerceStaffId: null })
  })

  it('a rejection sends the customer back to development; a withdrawal too (R-LIF-1/2)', async () => {
    // cust-003 and cust-015 are pending, customs signed, commerce (staff-sun) awaited; owned and submitted by staff-li.
    const rejected = await decide('apr-cust-003', 'staff-sun', 'REJECT', 0)
    expect(rejected).toMatchObject({ __typename: 'DecideApprovalPayload', version: 1, approvalRequest: { status: 'rejected', currentStepId: null } })
    expect(await customerRow('cust-003')).toMatchObject({ stage: 'developing', approvalRequestId: null, qualificationDocuments: null })

    const withdrawn = await gw.gql(`mutation { withdrawApproval(input: { requestId: "apr-cust-015", expectedVersion: 0, comment: "补充资料后重新提交" }) { ${RESULT} ... on WithdrawApprovalPayload { version approvalRequest { status } } } }`, {}, 'staff-li')
    expect(withdrawn.data.withdrawApproval).toMatchObject({ __typename: 'WithdrawApprovalPayload', version: 1, approvalRequest: { status: 'withdrawn' } })
    expect((await customerRow('cust-015')).stage).toBe('developing')

    // Back in development, the customer is submitted again with a new request.
    const again = await lifecycle('submitCustomerForApproval', { customerId: 'cust-003', qualificationDocuments: ['营业执照'], selection: PASSED }, 'staff-li')
    expect(again).toMatchObject({ lifecycle: { stage: 'pendingApproval' } })
    expect(again.lifecycle.approvalRequestId).not.toBe('apr-cust-003')
  })
})

describe('refusals carry the code, rule and guard, and write nothing', () => {
  it('R-LIF-4: the agreement is not sent before the approval', async () => {
    // cust-002: developing, owned by staff-wu.
    await expectRefusedUnchanged(() => lifecycle('sendCustomerAgreement', { customerId: 'cust-002' }, 'staff-wu'), {
      __typename: 'RuleRefusalError',
      code: 'LIFECYCLE.AGREEMENT_BEFORE_APPROVAL',
      ruleId: 'R-LIF-4',
      guard: 'agreementAfterApproval',
    })
  })

  it('R-LIF-2: submitting needs qualification documents; the approval request is not created either', async () => {
    await expectRefusedUnchanged(() => lifecycle('submitCustomerForApproval', { customerId: 'cust-002', qualificationDocuments: [], selection: PASSED }, 'staff-wu'), {
      __typename: 'RuleRefusalError',
      code: 'LIFECYCLE.QUALIFICATION_DOCUMENTS_MISSING',
      ruleId: 'R-LIF-2',
      guard: 'qualificationDocuments',
    })
  })

  it('R-LIF-3: every criterion assessed, and passed', async () => {
    const { costLevel: _left, ...five } = PASSED
    const missing = await expectRefusedUnchanged(() => lifecycle('submitCustomerForApproval', { customerId: 'cust-002', qualificationDocuments: ['营业执照'], selection: five }, 'staff-wu'), {
      __typename: 'RuleRefusalError',
      code: 'LIFECYCLE.SELECTION_NOT_ASSESSED',
      ruleId: 'R-LIF-3',
      guard: 'selectionAssessed',
    })
    expect(JSON.parse(missing.details)).toEqual({ missing: ['costLevel'] })
    await expectRefusedUnchanged(
      () => lifecycle('submitCustomerForApproval', { customerId: 'cust-002', qualificationDocuments: ['营业执照'], selection: { ...PASSED, onTimeDelivery: { passed: false, note: '交期不稳定' } } }, 'staff-wu'),
      { __typename: 'RuleRefusalError', code: 'LIFECYCLE.SELECTION_CRITERIA_FAILED', ruleId: 'R-LIF-3', guard: 'selectionPassed' },
    )
  })

  it('a malformed assessment is a validation error naming the field', async () => {
    const refused = await expectRefusedUnchanged(
      () => lifecycle('submitCustomerForApproval', { customerId: 'cust-002', qualificationDocuments: ['营业执照'], selection: { ...PASSED, costLevel: { passed: true, note: '  ' } } }, 'staff-wu'),
      { __typename: 'ValidationError', code: 'INPUT.INVALID', ruleId: 'R-LIF-3' },
    )
    expect(refused.issues).toEqual([{ field: 'event.selection.costLevel.note', code: 'LIFECYCLE.INVALID_EVENT' }])
  })

  it('document names are bounded, and a blank one is refused by core with its position', async () => {
    const long = await expectRefusedUnchanged(
      () => lifecycle('submitCustomerForApproval', { customerId: 'cust-002', qualificationDocuments: ['营业执照', '证'.repeat(201)], selection: PASSED }, 'staff-wu'),
      { __typename: 'ValidationError', ruleId: 'R-LIF-2' },
    )
    expect(long.issues).toEqual([{ field: 'input.qualificationDocuments[1]', code: 'LIFECYCLE.DOCUMENT_NAME_TOO_LONG' }])
    const blank = await expectRefusedUnchanged(() => lifecycle('submitCustomerForApproval', { customerId: 'cust-002', qualificationDocuments: ['营业执照', '   '], selection: PASSED }, 'staff-wu'), {
      __typename: 'ValidationError',
    })
    expect(blank.issues).toEqual([{ field: 'event.qualificationDocuments[1]', code: 'LIFECYCLE.INVALID_EVENT' }])
  })

  it('R-LIF-4: both contracts are signed together', async () => {
    // cust-004: approved with the agreement sent, owned by staff-zhou.
    const refused = await expectRefusedUnchanged(() => lifecycle('signCustomer', { customerId: 'cust-004', supplyContractSigned: true, qualityContractSigned: false }, 'staff-zhou'), {
      __typename: 'RuleRefusalError',
      code: 'LIFECYCLE.CONTRACTS_NOT_SIGNED',
      ruleId: 'R-LIF-4',
      guard: 'contractsSigned',
    })
    expect(JSON.parse(refused.details)).toEqual({ missing: ['qualityContract'] })
  })

  it('R-LIF-5: only active commerce staff follow a customer', async () => {
    // cust-005: signed, owned by staff-feng.
    await expectRefusedUnchanged(() => lifecycle('activateCustomer', { customerId: 'cust-005', commerceStaffId: 'staff-qian' }, 'staff-feng'), {
      __typename: 'RuleRefusalError',
      code: 'LIFECYCLE.COMMERCE_STAFF_NOT_COMMERCE',
      ruleId: 'R-LIF-5',
      guard: 'commerceStaff',
    })
    await expectRefusedUnchanged(() => lifecycle('activateCustomer', { customerId: 'cust-005', commerceStaffId: 'staff-nobody' }, 'staff-feng'), { __typename: 'NotFoundError', code: 'NOT_FOUND' })
  })

  it('R-LIF-1: moves outside the lifecycle, a second maintenance, an event earlier than the last change', async () => {
    // cust-007: churned; cust-010: active in maintenance; both owned by staff-zhou.
    await expectRefusedUnchanged(() => lifecycle('startCustomerDevelopment', { customerId: 'cust-007' }, 'staff-zhou'), {
      __typename: 'RuleRefusalError',
      code: 'LIFECYCLE.TRANSITION_NOT_ALLOWED',
      ruleId: 'R-LIF-1',
      guard: 'allowedTransition',
    })
    await expectRefusedUnchanged(() => lifecycle('enterCustomerMaintenance', { customerId: 'cust-010' }, 'staff-zhou'), {
      __typename: 'RuleRefusalError',
      code: 'LIFECYCLE.ALREADY_MAINTAINED',
      ruleId: 'R-LIF-1',
      guard: 'maintenancePhase',
    })
    const row = await customerRow('cust-001')
    gw.setNow(new Date(row.stageUpdatedAt.getTime() - 1000))
    await expectRefusedUnchanged(() => lifecycle('startCustomerDevelopment', { customerId: 'cust-001' }, 'staff-zhou'), { __typename: 'RuleRefusalError', code: 'LIFECYCLE.BEFORE_LAST_CHANGE', guard: 'timeOrder' })
  })

  it('an unknown customer is not found', async () => {
    await expectRefusedUnchanged(() => lifecycle('startCustomerDevelopment', { customerId: 'cust-999' }, 'staff-zhao'), { __typename: 'NotFoundError', code: 'NOT_FOUND' })
  })
})

describe('authorization (R-ACC-1 edit on the customer)', () => {
  it('a specialist of another team is refused; the director may act', async () => {
    // cust-001 belongs to staff-zhou of team-east; staff-zheng is a team-south specialist.
    // Core's decideAccess: no role or grant reaches another team's customer (ACCESS.NO_BASIS, R-ACC-2).
    await expectRefusedUnchanged(() => lifecycle('startCustomerDevelopment', { customerId: 'cust-001' }, 'staff-zheng'), { __typename: 'AccessDeniedError', code: 'ACCESS.DENIED', reasonCode: 'ACCESS.NO_BASIS', ruleId: 'R-ACC-2' })
    // A follower (commerce) may view but not edit.
    await expectRefusedUnchanged(() => lifecycle('enterCustomerMaintenance', { customerId: 'cust-006' }, 'staff-sun'), { __typename: 'AccessDeniedError', code: 'ACCESS.DENIED' })
    const byDirector = await lifecycle('startCustomerDevelopment', { customerId: 'cust-001' }, 'staff-zhao')
    expect(byDirector).toMatchObject({ __typename: 'StartCustomerDevelopmentPayload', lifecycle: { stage: 'developing' } })
  })

  it('the team manager may act on the team’s customer', async () => {
    const byManager = await lifecycle('startCustomerDevelopment', { customerId: 'cust-001' }, 'staff-li')
    expect(byManager).toMatchObject({ lifecycle: { stage: 'developing' } })
  })

  it('without a token nothing runs', async () => {
    const result = await gw.gql(`mutation { startCustomerDevelopment(input: { customerId: "cust-001" }) { __typename } }`)
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect((await customerRow('cust-001')).stage).toBe('prospect')
  })
})

describe('the conditioned lifecycle write', () => {
  it('a customer code already stored elsewhere is a conflict (R-LIF-4 unique), and nothing is written', async () => {
    const taken = (await customerRow('cust-005')).customerCode!
    const before = await gw.snapshot()
    const write = gw.prisma.$transaction(async (tx) => {
      const row = (await readLifecycleRow(tx, 'cust-004'))!
      await writeLifecycle(tx, row, { ...lifecycleFromRow(row), stage: 'signed', signedAt: gw.now(), updatedAt: gw.now(), customerCode: taken })
    })
    await expect(write).rejects.toMatchObject({ constructor: ConflictRefusal, code: 'CONFLICT.STALE', ruleId: 'R-LIF-4' })
    expect(await gw.snapshot()).toEqual(before)
  })

  it('a move stored between the read and the write is a conflict', async () => {
    const write = gw.prisma.$transaction(async (tx) => {
      const row = (await readLifecycleRow(tx, 'cust-001'))!
      await tx.customer.update({ where: { id: 'cust-001' }, data: { stage: 'developing', stageUpdatedAt: gw.now() } })
      await writeLifecycle(tx, row, { ...lifecycleFromRow(row), stage: 'churned', updatedAt: gw.now() })
    })
    await expect(write).rejects.toMatchObject({ constructor: ConflictRefusal, ruleId: 'R-LIF-1' })
    expect((await customerRow('cust-001')).stage).toBe('prospect')
  })
})
