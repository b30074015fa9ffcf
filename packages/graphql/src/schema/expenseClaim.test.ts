import { decideApproval, defaultTripChain, shanghaiInstant, type Staff, submitApproval } from '@kehu/core'
import { describe, expect, it } from 'vitest'

import { approvalRequestFromRow, approvalRequestToRow } from '../db/approvals.js'
import { staffFromRow } from '../db/mappers.js'
import { useTestGateway } from '../test/useTestGateway.js'
import { applyApprovalEffect } from '../workflows/approvalEffects.js'

const gw = useTestGateway()

const CLAIM_FIELDS = `claimId status submittedAt total claimant { staffId }
  items { itemId kind amount fareCategory mode approvalRequestId invoice { number } }
  check { ok claimed withheld reimbursable items { itemId withheld reimbursable } }
  violations { code ruleId field itemId withheld blocking messageZh messageEn }`

const ERROR_FIELDS = `... on BusinessError { __typename code ruleId messageZh messageEn }
  ... on ValidationError { issues { field code } }`
const BLOCKED_FIELDS = `... on ExpenseClaimBlockedError { violations { code ruleId blocking field messageZh messageEn } }`

const CREATE = `mutation ($input: CreateExpenseClaimInput!) {
  createExpenseClaim(input: $input) { __typename ... on CreateExpenseClaimPayload { claim { ${CLAIM_FIELDS} } } ${ERROR_FIELDS} }
}`
const SUBMIT = `mutation ($id: String!) {
  submitExpenseClaim(claimId: $id) { __typename ... on SubmitExpenseClaimPayload { claim { ${CLAIM_FIELDS} } } ${ERROR_FIELDS} ${BLOCKED_FIELDS} }
}`
const PAY = `mutation ($id: String!) {
  markClaimPaid(claimId: $id) { __typename ... on MarkClaimPaidPayload { claim { claimId status } } ${ERROR_FIELDS} }
}`
const REQUEST_APPROVAL = `mutation ($id: String!, $item: String!) {
  requestExpenseApproval(claimId: $id, itemId: $item) { __typename ... on RequestExpenseApprovalPayload { approvalRequestId claim { ${CLAIM_FIELDS} } } ${ERROR_FIELDS} }
}`

const staffOf = async (id: string): Promise<Staff> => staffFromRow(await gw.prisma.staff.findUniqueOrThrow({ where: { id } }))

/** An approved trip application (R-EXP-1) of `claimantId`, signed by their department manager at `decidedAt`. */
async function approvedTrip(claimantId: string, managerId: string, decidedAt: Date): Promise<string> {
  const id = `trip-app-${claimantId}-${decidedAt.getTime()}`
  const submitted = submitApproval({ id, chain: defaultTripChain, subject: { kind: 'trip', id }, submittedBy: await staffOf(claimantId), at: new Date(decidedAt.getTime() - 3_600_000) })
  const decided = decideApproval(submitted, { actor: await staffOf(managerId), decision: 'approve', at: decidedAt })
  if (!decided.ok) throw new Error(decided.refusal.code)
  const rows = approvalRequestToRow(decided.request)
  await gw.prisma.approvalRequest.create({ data: rows.request })
  await gw.prisma.approvalEvent.createMany({ data: [...rows.events] })
  return id
}

async function create(staffId: string, input: Record<string, unknown>) {
  const result = await gw.gql(CREATE, { input }, staffId)
  expect(result.errors).toBeUndefined()
  return result.data.createExpenseClaim
}

/** A trip claim of Wed 02-25 … Fri 02-27 (filed on Monday 03-02, within 3 working days). */
const tripClaim = (tripApprovalRequestId: string | undefined, items: Record<string, unknown>[]) => ({
  trip: { startDay: '2026-02-25', endDay: '2026-02-27' },
  ...(tripApprovalRequestId === undefined ? {} : { tripApprovalRequestId }),
  items,
})

describe('createExpenseClaim and submitExpenseClaim (R-EXP-1..7)', () => {
  it('a worked example: every violation at once with the exact reimbursable amount, then filed and paid', async () => {
    const trip = await approvedTrip('staff-zhou', 'staff-li', shanghaiInstant('2026-02-24', '15:00'))
    const created = await create(
      'staff-zhou',
      tripClaim(trip, [
        { kind: 'fare', amount: '2800.00', fareCategory: 'plane.economy', invoiceNumber: '1234567890' },
        { kind: 'lodging', amount: '420.00', invoiceNumber: 'H-7001' },
        { kind: 'localTransport', amount: '45.00', mode: 'taxi', invoiceNumber: 'T-9001' },
        { kind: 'sundry', amount: '30.00', category: 'postage', receiptAmount: '25.00', invoiceNumber: 'P-1' },
      ]),
    )
    expect(created.__typename).toBe('CreateExpenseClaimPayload')
    const claim = created.claim
    expect(claim).toMatchObject({ status: 'draft', submittedAt: null, total: '3295.00', claimant: { staffId: 'staff-zhou' } })
    // By hand: the plane ticket is 300.00 above its 2500.00 standard (R-EXP-3), the taxi is not
    // reimbursed (R-EXP-4), the postage is claimed 5.00 above its receipt (R-EXP-5).
    expect(claim.violations.map((v: { code: string; itemId: string; withheld: string; blocking: boolean }) => [v.code, v.itemId, v.withheld, v.blocking])).toEqual([
      ['EXPENSE.FARE_ABOVE_STANDARD', 'item-1', '300.00', false],
      ['EXPENSE.TAXI_NOT_ALLOWED', 'item-3', '45.00', false],
      ['EXPENSE.SUNDRY_NOT_AT_COST', 'item-4', '5.00', false],
    ])
    expect(claim.violations.map((v: { ruleId: string }) => v.ruleId)).toEqual(['R-EXP-3', 'R-EXP-4', 'R-EXP-5'])
    expect(claim.violations.every((v: { messageZh: string; messageEn: string }) => v.messageZh !== '' && v.messageEn !== '')).toBe(true)
    expect(claim.check).toMatchObject({ ok: false, claimed: '3295.00', withheld: '350.00', reimbursable: '2945.00' })

    const submitted = (await gw.gql(SUBMIT, { id: claim.claimId }, 'staff-zhou')).data.submitExpenseClaim
    expect(submitted.claim).toMatchObject({ status: 'submitted', submittedAt: gw.now().toISOString(), check: { reimbursable: '2945.00' } })
    const stored = await gw.prisma.expenseClaim.findUniqueOrThrow({ where: { id: claim.claimId } })
    expect((stored.violations as { code: string }[]).map((v) => v.code)).toEqual(['EXPENSE.FARE_ABOVE_STANDARD', 'EXPENSE.TAXI_NOT_ALLOWED', 'EXPENSE.SUNDRY_NOT_AT_COST'])

    const before = await gw.snapshot()
    for (const staffId of ['staff-zhou', 'staff-li', 'staff-wang']) {
      expect((await gw.gql(PAY, { id: claim.claimId }, staffId)).data.markClaimPaid, staffId).toMatchObject({ __typename: 'AccessDeniedError', code: 'ACCESS.DENIED' })
    }
    expect((await gw.gql(SUBMIT, { id: claim.claimId }, 'staff-zhou')).data.submitExpenseClaim).toMatchObject({ __typename: 'RuleRefusalError', code: 'EXPENSE.INVALID_STATUS' })
    expect(await gw.snapshot()).toEqual(before)
    expect((await gw.gql(PAY, { id: claim.claimId }, 'staff-qian')).data.markClaimPaid.claim.status).toBe('paid')
    expect((await gw.gql(PAY, { id: claim.claimId }, 'staff-qian')).data.markClaimPaid).toMatchObject({ __typename: 'RuleRefusalError', code: 'EXPENSE.INVALID_STATUS' })

    const audit = await gw.prisma.auditLog.findMany({ where: { subjectKind: 'expenseClaim', subjectId: claim.claimId }, orderBy: { id: 'asc' } })
    expect(audit.map((row) => row.action)).toEqual(['expenseClaim.create', 'expenseClaim.submit', 'expenseClaim.pay'])
  })

  it('blocking violations (R-EXP-1 no approved trip, R-EXP-3 invoice already claimed) come back as a typed error with every violation, nothing written', async () => {
    // H52000000 was claimed in the demo claim-001; the number is compared as core does (trimmed, upper-cased).
    const { claim } = await create('staff-wu', tripClaim(undefined, [{ kind: 'lodging', amount: '420.00', invoiceNumber: ' h52000000 ' }, { kind: 'localTransport', amount: '12.00', mode: 'taxi' }]))
    expect(claim.items[0].invoice.number).toBe('H52000000')
    const before = await gw.snapshot()
    const refused = (await gw.gql(SUBMIT, { id: claim.claimId }, 'staff-wu')).data.submitExpenseClaim
    expect(refused).toMatchObject({ __typename: 'ExpenseClaimBlockedError', code: 'EXPENSE.CLAIM_BLOCKED', ruleId: 'R-EXP-7' })
    expect(refused.violations.map((v: { code: string; blocking: boolean }) => [v.code, v.blocking])).toEqual([
      ['EXPENSE.TRIP_APPROVAL_MISSING', true],
      ['EXPENSE.APPLICATION_NOT_ATTACHED', false],
      ['EXPENSE.DUPLICATE_INVOICE_IN_HISTORY', true],
      ['EXPENSE.TAXI_NOT_ALLOWED', false],
      ['EXPENSE.LOCAL_TRANSPORT_WITHOUT_TICKET', false],
    ])
    expect(refused.messageEn).toContain('H52000000')
    expect(await gw.snapshot()).toEqual(before)
  })

  it('R-EXP-3 looks across stored claims: once a claim is filed, its invoice blocks the next claim, not drafts', async () => {
    const trip = await approvedTrip('staff-zheng', 'staff-chen', shanghaiInstant('2026-02-24', '15:00'))
    const first = (await create('staff-zheng', tripClaim(trip, [{ kind: 'lodging', amount: '300.00', invoiceNumber: 'INV-42' }]))).claim
    const second = (await create('staff-zheng', tripClaim(trip, [{ kind: 'lodging', amount: '300.00', invoiceNumber: 'inv-42' }]))).claim
    // Both are drafts: neither has been claimed yet.
    expect(second.violations).toEqual([])
    expect((await gw.gql(SUBMIT, { id: first.claimId }, 'staff-zheng')).data.submitExpenseClaim.claim.status).toBe('submitted')
    const again = (await gw.gql(SUBMIT, { id: second.claimId }, 'staff-zheng')).data.submitExpenseClaim
    expect(again.violations.map((v: { code: string; messageEn: string }) => v.code)).toEqual(['EXPENSE.DUPLICATE_INVOICE_IN_HISTORY'])
    // The first, filed earlier, does not see the later draft.
    const view = await gw.gql(`query ($id: String!) { expenseClaim(id: $id) { violations { code } } }`, { id: first.claimId }, 'staff-zheng')
    expect(view.data.expenseClaim.violations).toEqual([])
  })

  it('R-EXP-6 counts the phone costs of the claimant already filed for the month, and no one else\'s', async () => {
    const phone = (amount: string) => ({ items: [{ kind: 'phone', amount, month: '2026-02', invoiceNumber: `M-${amount}` }] })
    const first = (await create('staff-zhou', phone('150.00'))).claim
    expect(first.violations).toEqual([])
    expect((await gw.gql(SUBMIT, { id: first.claimId }, 'staff-zhou')).data.submitExpenseClaim.claim.status).toBe('submitted')
    // Another person's phone costs are theirs: no effect on staff-zhou's allowance.
    const colleague = (await create('staff-wu', phone('190.00'))).claim
    expect((await gw.gql(SUBMIT, { id: colleague.claimId }, 'staff-wu')).data.submitExpenseClaim.claim.violations).toEqual([])
    // 150.00 already claimed of the 200.00 allowance: 50.00 of this 100.00 is above it (withheld).
    const second = (await create('staff-zhou', phone('100.00'))).claim
    expect(second.violations.map((v: { code: string; ruleId: string; withheld: string }) => [v.code, v.ruleId, v.withheld])).toEqual([['EXPENSE.PHONE_ABOVE_ALLOWANCE', 'R-EXP-6', '50.00']])
    expect(second.check).toMatchObject({ claimed: '100.00', reimbursable: '50.00' })
    // A draft has not been claimed: it leaves the allowance alone.
    const third = (await create('staff-zhou', phone('40.00'))).claim
    expect(third.violations).toEqual([])
  })

  it('core validates the draft: malformed items and unknown approvals are refused, nothing written', async () => {
    const before = await gw.snapshot()
    const noCategory = await create('staff-zhou', tripClaim(undefined, [{ kind: 'fare', amount: '100.00', invoiceNumber: 'E1' }]))
    expect(noCategory).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'claim.items[0].fareCategory', code: 'EXPENSE.INVALID_ITEM' }] })
    const noTrip = await create('staff-zhou', { items: [{ kind: 'lodging', amount: '100.00', invoiceNumber: 'H1' }] })
    expect(noTrip).toMatchObject({ __typename: 'ValidationError', ruleId: 'R-EXP-1', issues: [{ field: 'claim.trip', code: 'EXPENSE.TRIP_REQUIRED' }] })
    const noItems = await create('staff-zhou', { items: [] })
    expect(noItems).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'claim.items' }] })
    const zero = await create('staff-zhou', { items: [{ kind: 'sundry', amount: '0.00', category: 'postage', receiptAmount: '0.00' }] })
    expect(zero).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'claim.items[0].amount' }] })
    const unknownApproval = await create('staff-zhou', tripClaim('apr-nope', [{ kind: 'lodging', amount: '100.00' }]))
    expect(unknownApproval).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' })
    // Someone else's trip application is not the claimant's.
    const others = await approvedTrip('staff-wu', 'staff-li', shanghaiInstant('2026-02-24', '15:00'))
    const snapshotWithTrip = await gw.snapshot()
    const foreign = await create('staff-zhou', tripClaim(others, [{ kind: 'lodging', amount: '100.00' }]))
    expect(foreign).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'input.tripApprovalRequestId', code: 'EXPENSE.WRONG_APPROVAL' }] })
    expect(await gw.snapshot()).toEqual(snapshotWithTrip)
    // Only the trip application written by this test was added: the refused claims left nothing.
    const added = Object.fromEntries(Object.keys(snapshotWithTrip).map((table) => [table, (snapshotWithTrip[table] ?? []).length - (before[table] ?? []).length]).filter(([, n]) => n !== 0))
    expect(added).toEqual({ ApprovalRequest: 1, ApprovalEvent: 2 })
  })
})

describe('the R-EXP-5 expense form through the approval engine (subject kind expenseClaim)', () => {
  it('requestExpenseApproval opens a request on core’s chain; core’s decision with applyApprovalEffect refreshes the claim', async () => {
    const { claim } = await create('staff-zhou', { items: [{ kind: 'entertainment', amount: '500.00', invoiceNumber: 'R-88' }] })
    expect(claim.violations.map((v: { code: string }) => v.code)).toEqual(['EXPENSE.ENTERTAINMENT_FORM_NOT_SIGNED'])

    const requested = (await gw.gql(REQUEST_APPROVAL, { id: claim.claimId, item: 'item-1' }, 'staff-zhou')).data.requestExpenseApproval
    expect(requested.__typename).toBe('RequestExpenseApprovalPayload')
    expect(requested.claim.items[0].approvalRequestId).toBe(requested.approvalRequestId)
    const row = await gw.prisma.approvalRequest.findUniqueOrThrow({ where: { id: requested.approvalRequestId } })
    expect(row).toMatchObject({ chainId: 'entertainment', subjectKind: 'expenseClaim', subjectId: claim.claimId, submittedById: 'staff-zhou', status: 'pending' })
    // Pending is not signed.
    expect((await gw.gql(`query ($id: String!) { expenseClaim(id: $id) { violations { code } } }`, { id: claim.claimId }, 'staff-zhou')).data.expenseClaim.violations).toEqual([{ code: 'EXPENSE.ENTERTAINMENT_FORM_NOT_SIGNED' }])
    // A second request for the same item, or one for an item that needs none, is refused.
    expect((await gw.gql(REQUEST_APPROVAL, { id: claim.claimId, item: 'item-1' }, 'staff-zhou')).data.requestExpenseApproval.code).toBe('EXPENSE.APPROVAL_ALREADY_REQUESTED')
    expect((await gw.gql(REQUEST_APPROVAL, { id: claim.claimId, item: 'item-1' }, 'staff-li')).data.requestExpenseApproval.code).toBe('ACCESS.DENIED')

    // The department manager signs, as the decide mutation does: core decides, rows are written, the effect runs in the same transaction.
    const signedAt = new Date(gw.now().getTime() + 3_600_000)
    await gw.prisma.$transaction(async (tx) => {
      const stored = await tx.approvalRequest.findUniqueOrThrow({ where: { id: requested.approvalRequestId }, include: { events: true } })
      const previous = approvalRequestFromRow(stored)
      const actor = await staffOf('staff-li')
      const decided = decideApproval(previous, { actor, decision: 'approve', at: signedAt })
      if (!decided.ok) throw new Error(decided.refusal.code)
      const rows = approvalRequestToRow(decided.request)
      await tx.approvalRequest.update({ where: { id: stored.id }, data: { status: rows.request.status, currentStep: rows.request.currentStep, decidedAt: rows.request.decidedAt ?? null } })
      await tx.approvalEvent.createMany({ data: rows.events.slice(stored.events.length) })
      await applyApprovalEffect(tx, { request: decided.request, previous, actor, at: signedAt })
    })
    const refreshed = await gw.prisma.expenseClaim.findUniqueOrThrow({ where: { id: claim.claimId } })
    expect(refreshed.violations).toEqual([])

    gw.setNow(new Date(signedAt.getTime() + 60_000))
    const submitted = (await gw.gql(SUBMIT, { id: claim.claimId }, 'staff-zhou')).data.submitExpenseClaim
    expect(submitted.claim).toMatchObject({ status: 'submitted', violations: [], check: { ok: true, reimbursable: '500.00' } })
  })
})

describe('the R-EXP-6 phone approval through the decideApproval mutation', () => {
  const DECIDE = `mutation ($input: DecideApprovalInput!) { decideApproval(input: $input) { __typename ... on BusinessError { code } } }`

  it('a manager approves the excess before filing: the effect clears the stored violation and filing counts it', async () => {
    const { claim } = await create('staff-zhou', { items: [{ kind: 'phone', amount: '260.00', month: '2026-02', invoiceNumber: 'M-260' }] })
    expect(claim.violations.map((v: { code: string; withheld: string }) => [v.code, v.withheld])).toEqual([['EXPENSE.PHONE_ABOVE_ALLOWANCE', '60.00']])
    const { approvalRequestId } = (await gw.gql(REQUEST_APPROVAL, { id: claim.claimId, item: 'item-1' }, 'staff-zhou')).data.requestExpenseApproval
    const decided = await gw.gql(DECIDE, { input: { requestId: approvalRequestId, decision: 'APPROVE', expectedVersion: 0 } }, 'staff-li')
    expect(decided.errors).toBeUndefined()
    expect(decided.data.decideApproval.__typename).toBe('DecideApprovalPayload')
    expect((await gw.prisma.expenseClaim.findUniqueOrThrow({ where: { id: claim.claimId } })).violations).toEqual([])
    gw.setNow(new Date(gw.now().getTime() + 60_000))
    expect((await gw.gql(SUBMIT, { id: claim.claimId }, 'staff-zhou')).data.submitExpenseClaim.claim).toMatchObject({ status: 'submitted', violations: [], check: { reimbursable: '260.00' } })
  })

  it('a rejection leaves the excess withheld', async () => {
    const { claim } = await create('staff-wu', { items: [{ kind: 'phone', amount: '260.00', month: '2026-02', invoiceNumber: 'M-261' }] })
    const { approvalRequestId } = (await gw.gql(REQUEST_APPROVAL, { id: claim.claimId, item: 'item-1' }, 'staff-wu')).data.requestExpenseApproval
    await gw.gql(DECIDE, { input: { requestId: approvalRequestId, decision: 'REJECT', expectedVersion: 0 } }, 'staff-li')
    const stored = (await gw.prisma.expenseClaim.findUniqueOrThrow({ where: { id: claim.claimId } })).violations as { code: string }[]
    expect(stored.map((v) => v.code)).toEqual(['EXPENSE.PHONE_ABOVE_ALLOWANCE'])
  })
})

describe('reading claims (R-ACC-1 for records that belong to a person)', () => {
  const LIST = `query ($status: ExpenseClaimStatus, $claimantId: String) { expenseClaims(first: 50, status: $status, claimantId: $claimantId) { edges { node { claimId violations { code } } } } }`
  const ids = async (staffId: string, variables: Record<string, unknown> = {}): Promise<string[]> => {
    const result = await gw.gql(LIST, variables, staffId)
    expect(result.errors).toBeUndefined()
    return result.data.expenseClaims.edges.map((edge: { node: { claimId: string } }) => edge.node.claimId).sort()
  }

  it('each role sees the claims the rule gives it, in lists and one by one', async () => {
    const all = ['claim-001', 'claim-002', 'claim-003', 'claim-004', 'claim-005', 'claim-006', 'claim-007', 'claim-008']
    // Demo claimants: zhou 001/005, wu 002/006 (team-east); zheng 003/007, feng 004/008 (team-south).
    const expected: Record<string, string[]> = {
      'staff-zhou': ['claim-001', 'claim-005'], // claimant
      'staff-wu': ['claim-002', 'claim-006'], // claimant, not a colleague's
      'staff-li': ['claim-001', 'claim-002', 'claim-005', 'claim-006'], // manager of team-east
      'staff-chen': ['claim-003', 'claim-004', 'claim-007', 'claim-008'], // manager of team-south
      'staff-qian': all, // finance
      'staff-zhao': all, // director
      'staff-wang': all, // general manager
      'staff-he': [], // manager of another team (service)
      'staff-sun': [], // commerce
      'staff-han': [], // customs
      'staff-yang': [], // quality
    }
    for (const [staffId, claims] of Object.entries(expected)) {
      expect(await ids(staffId), staffId).toEqual(claims)
      for (const claimId of all) {
        const one = await gw.gql(`query ($id: String!) { expenseClaim(id: $id) { claimId } }`, { id: claimId }, staffId)
        if (claims.includes(claimId)) expect(one.data.expenseClaim.claimId, `${staffId} ${claimId}`).toBe(claimId)
        else expect(one.errors?.[0]?.extensions?.code, `${staffId} ${claimId}`).toBe('FORBIDDEN')
      }
    }
    expect(await ids('staff-qian', { status: 'submitted' })).toEqual(['claim-006', 'claim-007', 'claim-008'])
    expect(await ids('staff-qian', { claimantId: 'staff-feng' })).toEqual(['claim-004', 'claim-008'])
    expect((await gw.gql(`{ expenseClaim(id: "claim-nope") { claimId } }`, {}, 'staff-qian')).data.expenseClaim).toBeNull()
  })

  it('"claims with their violations": the demo claim that repeats an invoice shows it, the earlier one does not', async () => {
    const result = await gw.gql(`{ expenseClaims(first: 50) { edges { node { claimId violations { code ruleId } } } } }`, {}, 'staff-qian')
    const byId = new Map(result.data.expenseClaims.edges.map((edge: { node: { claimId: string; violations: { code: string }[] } }) => [edge.node.claimId, edge.node.violations.map((v) => v.code)]))
    expect(byId.get('claim-008')).toContain('EXPENSE.DUPLICATE_INVOICE_IN_HISTORY')
    expect(byId.get('claim-001')).not.toContain('EXPENSE.DUPLICATE_INVOICE_IN_HISTORY')
    // The demo claims carry no trip application: R-EXP-1 and R-EXP-2 say so on each.
    for (const codes of byId.values()) expect(codes).toEqual(expect.arrayContaining(['EXPENSE.TRIP_APPROVAL_MISSING', 'EXPENSE.APPLICATION_NOT_ATTACHED']))
    // Taxis (R-EXP-4) on the odd demo claims.
    expect(byId.get('claim-002')).toContain('EXPENSE.TAXI_NOT_ALLOWED')
    expect(byId.get('claim-001')).not.toContain('EXPENSE.TAXI_NOT_ALLOWED')
  })
})

describe('concurrency', () => {
  it('many concurrent createExpenseClaim writes all land', async () => {
    const before = await gw.prisma.expenseClaim.count()
    const claimants = ['staff-zhou', 'staff-wu', 'staff-zheng', 'staff-feng']
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, n) => create(claimants[n % 4]!, { items: [{ kind: 'sundry', amount: `${10 + n}.00`, category: 'copying', receiptAmount: `${10 + n}.00`, invoiceNumber: `C-${n}` }] })),
    )
    expect(results.every((result) => result.__typename === 'CreateExpenseClaimPayload')).toBe(true)
    expect(await gw.prisma.expenseClaim.count()).toBe(before + 24)
    expect(await gw.prisma.expenseInvoice.count({ where: { number: { startsWith: 'C-' } } })).toBe(24)
    expect(await gw.prisma.auditLog.count({ where: { action: 'expenseClaim.create' } })).toBe(24)
  })
})
