import { decideApproval, shanghaiInstant } from '@kehu/core'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { createApp } from '../app.js'
import { PrismaClient as GeneratedClient } from '../generated/prisma/client.js'

import { approvalRequestFromRow, approvalRequestToRow } from '../db/approvals.js'
import { staffFromRow } from '../db/mappers.js'
import { postOperation, TEST_SECRET } from '../test/gateway.js'
import { useTestGateway } from '../test/useTestGateway.js'
import { applyApprovalEffect } from '../workflows/approvalEffects.js'

const gw = useTestGateway({ now: shanghaiInstant('2026-03-02', '10:00') })

const ERRORS = `... on BusinessError { code ruleId messageZh messageEn }
  ... on ValidationError { issues { field code } }`
const CONTRACT_FIELDS = `id number status amount signedAt approvalRequestId instalments { number dueDate amount }`
const CREATE = `mutation($input: CreateContractInput!) { createContract(input: $input) {
  __typename ${ERRORS}
  ... on CreateContractPayload { contract { ${CONTRACT_FIELDS} } approval { ruleId needsApproval cumulativeAmount threshold window countedPastContracts reasonCode } }
} }`
const SIGN = `mutation($id: String!) { signContract(contractId: $id) { __typename ${ERRORS} ... on SignContractPayload { contract { status signedAt } } } }`
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) {
  __typename ${ERRORS}
  ... on RecordPaymentPayload {
    payment { amount paidOn reference instalment { number } }
    contract { status payments { amount instalment { number } } }
    reconciliation { status total received paid outstanding overpaid
      instalments { number status paid outstanding settledOn settledLate }
      ledgerEntries { kind instalmentNumber amount postedOn } }
  }
} }`

/** A new customer owned by staff-zhou (team-east), with no contracts yet. */
async function newCustomer(name = '温州新材料有限公司'): Promise<string> {
  const result = await gw.gql(
    `mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { ... on RegisterCustomerPayload { customer { customerId } } } }`,
    { input: { name, annualVolume: '200000.00', scale: 'medium', urgency: 'ordinary', hasIntention: true, hasBusinessHistory: false } },
    'staff-zhou',
  )
  return result.data.registerCustomer.customer.customerId
}

const contractInput = (customerId: string, number: string, amount: string, dueDates = ['2026-03-31', '2026-04-30']) => ({ customerId, number, title: '年度供货合同', amount, dueDates })

async function create(customerId: string, number: string, amount: string, dueDates?: string[], staffId = 'staff-zhou'): Promise<any> {
  const result = await gw.gql(CREATE, { input: contractInput(customerId, number, amount, dueDates) }, staffId)
  expect(result.errors).toBeUndefined()
  return result.data.createContract
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

async function expectRefusedWithoutWrites(run: () => Promise<any>, expected: Record<string, unknown>): Promise<any> {
  const before = await gw.snapshot()
  const result = await run()
  expect(result).toMatchObject(expected)
  expect(await gw.snapshot()).toEqual(before)
  return result
}

describe('contracts below the threshold, signing and payments (R-CON-1, R-CON-2)', () => {
  it('creates a draft with exact instalments, signs it, reconciles split and excess payments, then closes it', async () => {
    const customerId = await newCustomer()
    const created = await create(customerId, 'HT-2026-001', '1500.00')
    expect(created).toMatchObject({
      __typename: 'CreateContractPayload',
      contract: { status: 'draft', amount: '1500.00', approvalRequestId: null, instalments: [{ number: 1, dueDate: '2026-03-31', amount: '750.00' }, { number: 2, dueDate: '2026-04-30', amount: '750.00' }] },
      approval: { ruleId: 'R-CON-1', needsApproval: false, cumulativeAmount: '1500.00', threshold: '4000.00', window: 'calendarYear', countedPastContracts: 0, reasonCode: 'CONTRACT.CUMULATIVE_BELOW_THRESHOLD' },
    })
    const id = created.contract.id
    await expectRefusedWithoutWrites(() => gw.gql(PAY, { input: { contractId: id, amount: '100.00' } }, 'staff-zhou'), {
      data: { recordPayment: { __typename: 'RuleRefusalError', code: 'CONTRACT.NOT_SIGNED', ruleId: 'R-CON-2' } },
    })
    expect((await gw.gql(SIGN, { id }, 'staff-zhou')).data.signContract).toEqual({ __typename: 'SignContractPayload', contract: { status: 'signed', signedAt: gw.now().toISOString() } })
    await expectRefusedWithoutWrites(() => gw.gql(SIGN, { id }, 'staff-zhou'), { data: { signContract: { __typename: 'RuleRefusalError', code: 'CONTRACT.ALREADY_SIGNED', ruleId: 'R-CON-1' } } })

    // ¥1,000 settles instalment 1 (¥750) and pays ¥250 of instalment 2.
    const first = await gw.gql(PAY, { input: { contractId: id, amount: '1000.00', reference: '银行回单 001' } }, 'staff-zhou')
    expect(first.data.recordPayment).toMatchObject({
      __typename: 'RecordPaymentPayload',
      payment: { amount: '1000.00', paidOn: '2026-03-02', reference: '银行回单 001', instalment: null },
      contract: { status: 'signed' },
      reconciliation: {
        status: 'open',
        total: '1500.00',
        received: '1000.00',
        paid: '1000.00',
        outstanding: '500.00',
        overpaid: '0.00',
        instalments: [
          { number: 1, status: 'paid', paid: '750.00', outstanding: '0.00', settledOn: '2026-03-02', settledLate: false },
          { number: 2, status: 'partiallyPaid', paid: '250.00', outstanding: '500.00', settledOn: null, settledLate: null },
        ],
        ledgerEntries: [
          { kind: 'instalment', instalmentNumber: 1, amount: '750.00', postedOn: '2026-03-02' },
          { kind: 'instalment', instalmentNumber: 2, amount: '250.00', postedOn: '2026-03-02' },
        ],
      },
    })
    // ¥600 more: ¥500 closes instalment 2, ¥100 is an overpayment; the contract closes.
    gw.setNow(shanghaiInstant('2026-05-06', '10:00'))
    const second = await gw.gql(PAY, { input: { contractId: id, amount: '600.00' } }, 'staff-zhou')
    expect(second.data.recordPayment).toMatchObject({
      payment: { amount: '600.00', paidOn: '2026-05-06', instalment: null },
      contract: { status: 'closed' },
      reconciliation: {
        status: 'overpaid',
        outstanding: '0.00',
        overpaid: '100.00',
        instalments: [{ status: 'paid' }, { status: 'paid', settledOn: '2026-05-06', settledLate: true }],
        ledgerEntries: [{}, {}, { kind: 'instalment', instalmentNumber: 2, amount: '500.00' }, { kind: 'overpayment', instalmentNumber: null, amount: '100.00' }],
      },
    })
    expect(await gw.prisma.auditLog.findMany({ where: { subjectId: customerId, action: { startsWith: 'contract.' } }, select: { action: true }, orderBy: { id: 'asc' } })).toEqual([
      { action: 'contract.create' },
      { action: 'contract.sign' },
      { action: 'contract.payment' },
      { action: 'contract.payment' },
    ])
  })

  it('re-reconciles earlier payments when one is dated before them', async () => {
    const customerId = await newCustomer()
    const id = (await create(customerId, 'HT-2026-002', '1000.00')).contract.id
    await gw.gql(SIGN, { id }, 'staff-zhou')
    await gw.gql(PAY, { input: { contractId: id, amount: '500.00' } }, 'staff-zhou')
    const backdated = await gw.gql(PAY, { input: { contractId: id, amount: '500.00', receivedAt: shanghaiInstant('2026-03-01', '15:00').toISOString() } }, 'staff-zhou')
    // The earlier-dated payment now settles instalment 1, the first one instalment 2.
    expect(backdated.data.recordPayment.contract.payments).toEqual([
      { amount: '500.00', instalment: { number: 1 } },
      { amount: '500.00', instalment: { number: 2 } },
    ])
  })
})

describe('the contract approval procedure (R-CON-1)', () => {
  it('submits a contract reaching ¥4,000 cumulatively, refuses signing until every step approves, then signs', async () => {
    const customerId = await newCustomer()
    await create(customerId, 'HT-2026-010', '1500.00')
    const created = await create(customerId, 'HT-2026-011', '2500.00')
    // ¥1,500 + ¥2,500 = ¥4,000: "达到4000元以上" includes ¥4,000.
    expect(created).toMatchObject({
      contract: { status: 'pendingApproval' },
      approval: { needsApproval: true, cumulativeAmount: '4000.00', countedPastContracts: 1, reasonCode: 'CONTRACT.CUMULATIVE_REACHES_THRESHOLD' },
    })
    const { id, approvalRequestId } = created.contract
    expect(await gw.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approvalRequestId } })).toMatchObject({ chainId: 'contract', subjectKind: 'contract', subjectId: id, status: 'pending', submittedById: 'staff-zhou' })
    await expectRefusedWithoutWrites(() => gw.gql(SIGN, { id }, 'staff-zhou'), { data: { signContract: { __typename: 'RuleRefusalError', code: 'CONTRACT.APPROVAL_PENDING', ruleId: 'R-CON-1' } } })

    await decide(approvalRequestId, 'staff-li', 'approve', shanghaiInstant('2026-03-02', '11:00'))
    await decide(approvalRequestId, 'staff-qian', 'approve', shanghaiInstant('2026-03-02', '12:00'))
    expect((await gw.prisma.contract.findUniqueOrThrow({ where: { id } })).status).toBe('pendingApproval')
    await expectRefusedWithoutWrites(() => gw.gql(SIGN, { id }, 'staff-zhou'), { data: { signContract: { code: 'CONTRACT.APPROVAL_PENDING' } } })
    await decide(approvalRequestId, 'staff-wang', 'approve', shanghaiInstant('2026-03-02', '13:00'))
    expect((await gw.prisma.contract.findUniqueOrThrow({ where: { id } })).status).toBe('approved')
    gw.setNow(shanghaiInstant('2026-03-02', '14:00'))
    expect((await gw.gql(SIGN, { id }, 'staff-zhou')).data.signContract.contract.status).toBe('signed')
  })

  it('a rejected contract may not be signed; rejected contracts no longer count', async () => {
    const customerId = await newCustomer()
    const created = await create(customerId, 'HT-2026-020', '5000.00')
    expect(created.approval.needsApproval).toBe(true)
    await decide(created.contract.approvalRequestId, 'staff-li', 'reject', shanghaiInstant('2026-03-02', '11:00'))
    expect((await gw.prisma.contract.findUniqueOrThrow({ where: { id: created.contract.id } })).status).toBe('rejected')
    await expectRefusedWithoutWrites(() => gw.gql(SIGN, { id: created.contract.id }, 'staff-zhou'), { data: { signContract: { __typename: 'RuleRefusalError', code: 'CONTRACT.NOT_APPROVED', ruleId: 'R-CON-1' } } })
    const next = await create(customerId, 'HT-2026-021', '3999.99')
    expect(next.approval).toMatchObject({ needsApproval: false, cumulativeAmount: '3999.99', countedPastContracts: 0 })
  })

  it('the contract effect refuses a decision on a contract no longer waiting for it, writing nothing', async () => {
    const customerId = await newCustomer()
    const created = await create(customerId, 'HT-2026-030', '5000.00')
    await gw.prisma.contract.update({ where: { id: created.contract.id }, data: { approvalRequestId: null } })
    await decide(created.contract.approvalRequestId, 'staff-li', 'approve', shanghaiInstant('2026-03-02', '11:00'))
    await decide(created.contract.approvalRequestId, 'staff-qian', 'approve', shanghaiInstant('2026-03-02', '11:30'))
    const before = await gw.snapshot()
    await expect(decide(created.contract.approvalRequestId, 'staff-wang', 'approve', shanghaiInstant('2026-03-02', '12:00'))).rejects.toMatchObject({ code: 'CONFLICT.STALE', ruleId: 'R-CON-1' })
    expect(await gw.snapshot()).toEqual(before)
  })
})

describe('input refusals', () => {
  it('answers core’s schedule errors and a taken number as ValidationError, writing nothing', async () => {
    const customerId = await newCustomer()
    await create(customerId, 'HT-2026-040', '100.00')
    const cases: [Record<string, unknown>, string, string][] = [
      [{ dueDates: ['2026-04-30', '2026-03-31'] }, 'schedule.dueDates[1]', 'CONTRACT.INVALID_DUE_DATES'],
      [{ dueDates: [] }, 'schedule.dueDates', 'CONTRACT.INVALID_DUE_DATES'],
      [{ dueDates: ['2026-02-30'] }, 'schedule.dueDates[0]', 'CONTRACT.INVALID_DAY'],
      [{ amount: '0.00' }, 'schedule.amount', 'CONTRACT.INVALID_AMOUNT'],
      [{ ratios: ['1'] }, 'schedule.ratios', 'CONTRACT.INVALID_RATIOS'],
      [{ number: 'HT-2026-040' }, 'number', 'CONTRACT.DUPLICATE_NUMBER'],
      [{ title: '  ' }, 'title', 'CONTRACT.REQUIRED'],
    ]
    for (const [change, field, code] of cases) {
      const result = await expectRefusedWithoutWrites(() => gw.gql(CREATE, { input: { ...contractInput(customerId, 'HT-2026-041', '100.00'), ...change } }, 'staff-zhou'), {
        data: { createContract: { __typename: 'ValidationError' } },
      })
      expect(result.data.createContract.issues).toEqual([{ field, code }])
    }
    const id = (await create(customerId, 'HT-2026-042', '100.00')).contract.id
    await gw.gql(SIGN, { id }, 'staff-zhou')
    await expectRefusedWithoutWrites(() => gw.gql(PAY, { input: { contractId: id, amount: '0.00' } }, 'staff-zhou'), {
      data: { recordPayment: { __typename: 'ValidationError', ruleId: 'R-CON-2', issues: [{ field: 'payments[0].amount', code: 'CONTRACT.INVALID_AMOUNT' }] } },
    })
    await expectRefusedWithoutWrites(() => gw.gql(PAY, { input: { contractId: id, amount: '1.00', receivedAt: shanghaiInstant('2026-03-03').toISOString() } }, 'staff-zhou'), {
      data: { recordPayment: { __typename: 'ValidationError', issues: [{ field: 'receivedAt', code: 'CONTRACT.IN_THE_FUTURE' }] } },
    })
    await expectRefusedWithoutWrites(() => gw.gql(PAY, { input: { contractId: 'contract-none', amount: '1.00' } }, 'staff-zhou'), { data: { recordPayment: { __typename: 'NotFoundError' } } })
  })

  it('property: through the API, the instalments always sum exactly to the contract amount', async () => {
    const customerId = await newCustomer()
    let n = 0
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: 1n, max: 10n ** 11n }), fc.integer({ min: 1, max: 7 }), async (fen, count) => {
        n += 1
        const amount = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`
        const dueDates = Array.from({ length: count }, (_, k) => `2026-${String(k + 3).padStart(2, '0')}-15`)
        const created = await create(customerId, `HT-P-${n}`, amount, dueDates)
        const rows = await gw.prisma.instalment.findMany({ where: { contractId: created.contract.id } })
        expect(rows).toHaveLength(count)
        expect(rows.reduce((sum, row) => sum + row.amountFen, 0n)).toBe(fen)
        const shares = rows.map((row) => row.amountFen)
        // Equal shares: no two instalments differ by more than one fen.
        expect(shares.reduce((a, b) => (a > b ? a : b)) - shares.reduce((a, b) => (a < b ? a : b))).toBeLessThanOrEqual(1n)
      }),
      { numRuns: 25 },
    )
  })
})

describe('authorization (R-ACC-1)', () => {
  it('lets the owner, the team manager and a director create; refuses another team and whoever has left', async () => {
    const customerId = await newCustomer()
    for (const [k, staffId] of ['staff-zhou', 'staff-li', 'staff-zhao'].entries()) {
      expect((await create(customerId, `HT-A-${k}`, '100.00', undefined, staffId)).__typename).toBe('CreateContractPayload')
    }
    for (const staffId of ['staff-zheng', 'staff-chen', 'staff-qian']) {
      await expectRefusedWithoutWrites(() => gw.gql(CREATE, { input: contractInput(customerId, 'HT-A-9', '100.00') }, staffId), {
        data: { createContract: { __typename: 'AccessDeniedError', code: 'ACCESS.DENIED' } },
      })
    }
    const before = await gw.snapshot()
    expect((await gw.gql(CREATE, { input: contractInput(customerId, 'HT-A-9', '100.00') }, 'staff-liu')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(await gw.snapshot()).toEqual(before)
  })

  it('checks contract(id) against its customer and records the view', async () => {
    const contract = await gw.prisma.contract.findFirstOrThrow({ where: { customer: { ownerId: 'staff-zhou' } } })
    const query = 'query($id: String!) { contract(id: $id) { id customer { customerId } reconciliation { total } reminders { remindOn } } }'
    for (const staffId of ['staff-zhou', 'staff-li', 'staff-zhao']) {
      const result = await gw.gql(query, { id: contract.id }, staffId)
      expect(result.errors).toBeUndefined()
      expect(result.data.contract).toMatchObject({ id: contract.id, customer: { customerId: contract.customerId } })
    }
    for (const staffId of ['staff-zheng', 'staff-chen']) {
      const result = await gw.gql(query, { id: contract.id }, staffId)
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
      expect(result.data.contract).toBeNull()
    }
    expect(await gw.prisma.auditLog.count({ where: { action: 'customer.view', subjectId: contract.customerId, at: gw.now() } })).toBe(5)
  })
})

describe('overdue instalments and payment reminders (R-CON-2)', () => {
  const OVERDUE = `query($asOf: String) { overdueInstalments(asOf: $asOf) { customerId contractId contractNumber daysOverdue instalment { number dueDate amount paid outstanding status } } }`
  const REMINDERS = `query($from: String, $to: String) { paymentReminders(from: $from, to: $to) { customerId contractId outstanding reminder { instalmentNumber dueDate remindOn amount } } }`

  it('lists what is owed after its due date, only for customers the actor may view', async () => {
    const customerId = await newCustomer()
    const id = (await create(customerId, 'HT-2026-050', '1000.00', ['2026-02-10', '2026-04-10'])).contract.id
    await gw.gql(SIGN, { id }, 'staff-zhou')
    await gw.gql(PAY, { input: { contractId: id, amount: '100.00' } }, 'staff-zhou')
    // 2026-02-10 → 2026-03-02 is 20 days (February 2026 has 28).
    const mine = { customerId, contractId: id, contractNumber: 'HT-2026-050', daysOverdue: 20, instalment: { number: 1, dueDate: '2026-02-10', amount: '500.00', paid: '100.00', outstanding: '400.00', status: 'partiallyPaid' } }
    for (const staffId of ['staff-zhou', 'staff-li', 'staff-zhao']) {
      const overdue = (await gw.gql(OVERDUE, {}, staffId)).data.overdueInstalments
      expect(overdue).toContainEqual(mine)
      expect(overdue.every((o: any) => o.instalment.dueDate < '2026-03-02' && o.instalment.outstanding !== '0.00')).toBe(true)
    }
    const south = (await gw.gql(OVERDUE, {}, 'staff-zheng')).data.overdueInstalments
    expect(south).not.toContainEqual(mine)
    const visible = new Set((await gw.prisma.customer.findMany({ where: { ownerId: 'staff-zheng' }, select: { id: true } })).map((c) => c.id))
    expect(south.every((o: any) => visible.has(o.customerId))).toBe(true)
    // The seeded contracts signed in 2025 still owe their last instalment (2025-12-31): 61 days on 2026-03-02.
    const seeded = (await gw.gql(OVERDUE, {}, 'staff-zhao')).data.overdueInstalments.filter((o: any) => o.contractId !== id)
    expect(seeded.length).toBeGreaterThan(0)
    expect(seeded.every((o: any) => o.instalment.dueDate === '2025-12-31' && o.daysOverdue === 61 && o.instalment.status === 'unpaid')).toBe(true)
    // On its due date nothing is overdue yet.
    expect((await gw.gql(OVERDUE, { asOf: '2026-02-10' }, 'staff-zhou')).data.overdueInstalments.filter((o: any) => o.contractId === id)).toEqual([])
    expect((await gw.gql(OVERDUE, { asOf: '2026-02-30' }, 'staff-zhou')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' })
  })

  it('reminds 3 days before each unpaid instalment', async () => {
    const customerId = await newCustomer()
    const id = (await create(customerId, 'HT-2026-060', '1000.00', ['2026-03-20', '2026-04-10'])).contract.id
    await gw.gql(SIGN, { id }, 'staff-zhou')
    await gw.gql(PAY, { input: { contractId: id, amount: '500.00' } }, 'staff-zhou')
    const reminders = (await gw.gql(REMINDERS, { from: '2026-03-01', to: '2026-04-30' }, 'staff-zhou')).data.paymentReminders.filter((r: any) => r.contractId === id)
    // Instalment 1 is paid: only instalment 2 (due 04-10) is reminded, on 04-07.
    expect(reminders).toEqual([{ customerId, contractId: id, outstanding: '500.00', reminder: { instalmentNumber: 2, dueDate: '2026-04-10', remindOn: '2026-04-07', amount: '500.00' } }])
    // `to` defaults to today (03-02), before `from`: refused as bad input.
    expect((await gw.gql(REMINDERS, { from: '2026-04-08' }, 'staff-zhou')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' })
    expect((await gw.gql(REMINDERS, { from: '2026-04-07', to: '2026-04-07' }, 'staff-zheng')).data.paymentReminders.filter((r: any) => r.contractId === id)).toEqual([])
  })
})

describe('end to end through decideApproval', () => {
  const DECIDE = `mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { __typename ... on DecideApprovalPayload { version } ... on BusinessError { code ruleId } } }`
  const decideByApi = (requestId: string, staffId: string, decision: 'APPROVE' | 'REJECT', expectedVersion: number) => gw.gql(DECIDE, { input: { requestId, decision, expectedVersion } }, staffId)

  it('manager, finance and the general manager approve in turn; the contract becomes approved and is signed', async () => {
    const customerId = await newCustomer()
    const { contract } = await create(customerId, 'HT-2026-070', '8000.00')
    expect(contract.status).toBe('pendingApproval')
    // Steps are signed in order: finance may not sign before the manager.
    await expectRefusedWithoutWrites(() => decideByApi(contract.approvalRequestId, 'staff-qian', 'APPROVE', 0), { data: { decideApproval: { __typename: 'RuleRefusalError', code: 'APPROVAL.OUT_OF_ORDER' } } })
    expect((await decideByApi(contract.approvalRequestId, 'staff-li', 'APPROVE', 0)).data.decideApproval).toEqual({ __typename: 'DecideApprovalPayload', version: 1 })
    expect((await decideByApi(contract.approvalRequestId, 'staff-qian', 'APPROVE', 1)).data.decideApproval.version).toBe(2)
    expect((await gw.prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe('pendingApproval')
    expect((await decideByApi(contract.approvalRequestId, 'staff-wang', 'APPROVE', 2)).data.decideApproval.version).toBe(3)
    expect((await gw.prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe('approved')
    expect((await gw.gql(SIGN, { id: contract.id }, 'staff-zhou')).data.signContract.contract.status).toBe('signed')
  })

  it('a rejection through the API rejects the contract; a decision the contract no longer waits for is a conflict', async () => {
    const customerId = await newCustomer()
    const rejected = (await create(customerId, 'HT-2026-080', '8000.00')).contract
    await decideByApi(rejected.approvalRequestId, 'staff-li', 'REJECT', 0)
    expect((await gw.prisma.contract.findUniqueOrThrow({ where: { id: rejected.id } })).status).toBe('rejected')

    const stale = (await create(customerId, 'HT-2026-081', '8000.00')).contract
    await gw.prisma.contract.update({ where: { id: stale.id }, data: { status: 'withdrawn' } })
    await expectRefusedWithoutWrites(() => decideByApi(stale.approvalRequestId, 'staff-li', 'REJECT', 0), { data: { decideApproval: { __typename: 'ConflictError', code: 'CONFLICT.STALE', ruleId: 'R-CON-1' } } })
  })
})

describe('concurrent requests', () => {
  it('two payments at once are both reconciled; two signatures at once sign once', async () => {
    const customerId = await newCustomer()
    const id = (await create(customerId, 'HT-2026-090', '1000.00')).contract.id
    const signs = await Promise.all([gw.gql(SIGN, { id }, 'staff-zhou'), gw.gql(SIGN, { id }, 'staff-li')])
    expect(signs.map((s) => s.data.signContract.__typename).sort()).toEqual(['RuleRefusalError', 'SignContractPayload'])
    expect(await gw.prisma.auditLog.count({ where: { action: 'contract.sign', subjectId: customerId } })).toBe(1)
    const payments = await Promise.all([gw.gql(PAY, { input: { contractId: id, amount: '500.00' } }, 'staff-zhou'), gw.gql(PAY, { input: { contractId: id, amount: '500.00' } }, 'staff-li')])
    expect(payments.map((p) => p.data.recordPayment.__typename)).toEqual(['RecordPaymentPayload', 'RecordPaymentPayload'])
    const contract = await gw.gql('query($id: String!) { contract(id: $id) { status payments { instalment { number } } reconciliation { status outstanding } } }', { id }, 'staff-zhou')
    // Listed in the order core applied them: the first settled instalment 1, the second instalment 2.
    expect(contract.data.contract).toEqual({ status: 'closed', payments: [{ instalment: { number: 1 } }, { instalment: { number: 2 } }], reconciliation: { status: 'settled', outstanding: '0.00' } })
  })
})

describe('Customer.contracts', () => {
  it('costs the same number of SQL statements for a page of 5 and of 20 customers, reconciliation included', async () => {
    const main = (await gw.prisma.$queryRawUnsafe<{ name: string; file: string }[]>('PRAGMA database_list')).find((row) => row.name === 'main')!
    const counted = new GeneratedClient({ adapter: new PrismaBetterSQLite3({ url: `file:${main.file}` }), log: [{ emit: 'event', level: 'query' }] })
    let statements = 0
    counted.$on('query', () => {
      statements += 1
    })
    const app = createApp({ prisma: counted, jwtSecret: TEST_SECRET, now: () => gw.now() })
    const run = async (first: number): Promise<number> => {
      statements = 0
      const query = `{ customers(first: ${first}, orderBy: ANNUAL_VOLUME_DESC) { edges { node { name contracts { number reconciliation { outstanding } reminders { remindOn } payments { amount } } } } } }`
      const response = await postOperation(app, { query }, 'staff-zhao', gw.now())
      const body = (await response.json()) as { errors?: unknown; data: { customers: { edges: { node: { contracts: unknown[] } }[] } } }
      expect(body.errors).toBeUndefined()
      expect(body.data.customers.edges).toHaveLength(first)
      expect(body.data.customers.edges.some((e) => e.node.contracts.length > 0)).toBe(true)
      return statements
    }
    try {
      await run(1)
      const five = await run(5)
      const twenty = await run(20)
      console.log(`contracts page: ${five} SQL statements for 5 customers, ${twenty} for 20`)
      expect(twenty).toBe(five)
    } finally {
      await counted.$disconnect()
    }
  })
})
