import { checkExpenseClaim, type ExpenseClaimInput, type ExpenseItemInput, Money, type Staff } from '@kehu/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { expenseClaimPermission, type ExpenseClaimAction } from './expenseAccess.js'
import { claimInputFromRows, type DraftClaimInput, type DraftItemInput, draftClaim, expenseCalendar, normalisedInvoiceText, type StoredClaim } from './expenseClaimState.js'

const staff = (id: string, roles: Staff['roles'], teamId?: string, active = true): Staff => ({ id, roles, active, ...(teamId === undefined ? {} : { teamId }) })
const claimant = { id: 'zhou', teamId: 'team-east' }
const actions: ExpenseClaimAction[] = ['view', 'edit', 'pay']
const table = (actor: Staff) => Object.fromEntries(actions.map((action) => [action, expenseClaimPermission(actor, action, claimant)]))

describe('expenseClaimPermission (R-ACC-1 for a record that belongs to a person)', () => {
  it.each([
    ['the claimant', staff('zhou', ['specialist'], 'team-east'), { view: true, edit: true, pay: false }],
    ['a colleague of the same team', staff('wu', ['specialist'], 'team-east'), { view: false, edit: false, pay: false }],
    ["the claimant's team manager", staff('li', ['manager', 'departmentHead'], 'team-east'), { view: true, edit: false, pay: false }],
    ['the manager of another team', staff('chen', ['manager'], 'team-south'), { view: false, edit: false, pay: false }],
    ['a manager without a team', staff('m', ['manager']), { view: false, edit: false, pay: false }],
    ['finance', staff('qian', ['finance']), { view: true, edit: false, pay: true }],
    ['a director', staff('zhao', ['director']), { view: true, edit: false, pay: false }],
    ['the general manager', staff('wang', ['generalManager']), { view: true, edit: false, pay: false }],
    ['the information department', staff('info', ['information']), { view: false, edit: false, pay: false }],
    ['commerce', staff('sun', ['commerce']), { view: false, edit: false, pay: false }],
    ['the service supervisor', staff('he', ['serviceSupervisor', 'manager'], 'team-service'), { view: false, edit: false, pay: false }],
    ['the claimant after leaving', staff('zhou', ['specialist'], 'team-east', false), { view: false, edit: false, pay: false }],
    ['finance after leaving', staff('qian', ['finance'], undefined, false), { view: false, edit: false, pay: false }],
  ])('%s', (_who, actor, expected) => {
    expect(table(actor)).toEqual(expected)
  })
})

describe('stored claim → core claim input', () => {
  const claim: StoredClaim = {
    id: 'c1',
    claimantId: 'zhou',
    status: 'draft',
    submittedAt: null,
    tripStartDay: '2026-02-25',
    tripEndDay: '2026-02-27',
    tripDepartureAt: null,
    tripApprovalRequestId: 'trip-1',
    totalFen: 0n,
    violations: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    items: [
      { id: 'c1-item-1', claimId: 'c1', itemKey: 'item-1', kind: 'fare', amountFen: 280000n, details: { fareCategory: 'plane.economy' }, invoice: { id: 'i1', claimId: 'c1', itemId: 'c1-item-1', code: null, number: 'E1' } },
      { id: 'c1-item-2', claimId: 'c1', itemKey: 'item-2', kind: 'entertainment', amountFen: 50000n, details: { expenseFormRequestId: 'form-1' }, invoice: null },
      { id: 'c1-item-3', claimId: 'c1', itemKey: 'item-3', kind: 'phone', amountFen: 25000n, details: { month: '2026-02' }, invoice: null },
      { id: 'c1-item-4', claimId: 'c1', itemKey: 'item-4', kind: 'sundry', amountFen: 3000n, details: { category: 'postage', receiptAmount: '25.00' }, invoice: null },
    ],
  }
  const filedAt = new Date('2026-03-02T02:00:00Z')
  const approvals = new Map([
    ['trip-1', { status: 'approved' as const, decidedAt: new Date('2026-02-24T07:00:00Z') }],
    ['form-1', { status: 'pending' as const }],
  ])

  it('gives core the trip, the approvals by status and every item with its kind-specific fields', () => {
    const input = claimInputFromRows(claim, filedAt, approvals)
    expect(input).toMatchObject({
      id: 'c1',
      claimantId: 'zhou',
      filedAt,
      trip: { startDay: '2026-02-25', endDay: '2026-02-27' },
      tripApplicationAttached: true,
      tripApproval: { status: 'approved' },
    })
    expect(input.items.map((item) => [item.id, item.kind, item.amount.toString()])).toEqual([
      ['item-1', 'fare', '2800.00'],
      ['item-2', 'entertainment', '500.00'],
      ['item-3', 'phone', '250.00'],
      ['item-4', 'sundry', '30.00'],
    ])
    expect(input.items[0]).toMatchObject({ fareCategory: 'plane.economy', invoice: { number: 'E1' } })
    expect(input.items[1]).toMatchObject({ expenseForm: { status: 'pending' } })
    expect(input.items[2]).toMatchObject({ month: '2026-02' })
    expect(input.items[2]).not.toHaveProperty('aboveAllowanceApproval')
    expect(input.items[3]).toMatchObject({ category: 'postage', receiptAmount: '25.00' })
  })

  it('a trip claim without its application reference: R-EXP-2 not attached, no approval for R-EXP-1', () => {
    const input = claimInputFromRows({ ...claim, tripApprovalRequestId: null }, filedAt, approvals)
    expect(input.tripApplicationAttached).toBe(false)
    expect(input).not.toHaveProperty('tripApproval')
  })

  it('normalises invoice numbers as core compares them', () => {
    expect(normalisedInvoiceText(' h52 000 000\t')).toBe('H52000000')
  })
})

describe('a draft written to rows and read back', () => {
  const approvals = new Map([
    ['apr-approved', { status: 'approved' as const, decidedAt: new Date('2026-02-20T01:00:00Z') }],
    ['apr-late', { status: 'approved' as const, decidedAt: new Date('2026-03-20T01:00:00Z') }],
    ['apr-pending', { status: 'pending' as const }],
    ['apr-rejected', { status: 'rejected' as const, decidedAt: new Date('2026-02-21T01:00:00Z') }],
  ])
  const approvalId = fc.option(fc.constantFrom(...approvals.keys()), { nil: undefined })
  const amount = fc.integer({ min: 1, max: 400_000 }).map((fen) => Money.fromFen(fen).toString())
  // A small pool, so that repeated and consecutive numbers (R-EXP-3) and spacing/case differences occur.
  const invoice = fc.option(fc.constantFrom('E41000100', 'e41000101', ' E41000102 ', 'T-7', 'H52000000', 'h52 000000'), { nil: undefined })
  const item: fc.Arbitrary<DraftItemInput> = fc.oneof(
    fc.record({ kind: fc.constant('fare' as const), amount, invoiceNumber: invoice, fareCategory: fc.constantFrom('plane.economy', 'rail.hardSeat', 'coach', 'boat') }),
    fc.record({ kind: fc.constant('localTransport' as const), amount, invoiceNumber: invoice, mode: fc.constantFrom('bus', 'rail', 'taxi', 'rideHailing', 'other') }),
    fc.record({ kind: fc.constant('lodging' as const), amount, invoiceNumber: invoice }),
    fc.record({ kind: fc.constant('sundry' as const), amount, invoiceNumber: invoice, category: fc.constantFrom('postage', 'fax', 'gift'), receiptAmount: amount }),
    fc.record({ kind: fc.constant('entertainment' as const), amount, invoiceNumber: invoice, approvalRequestId: approvalId }),
    fc.record({ kind: fc.constant('phone' as const), amount, invoiceNumber: invoice, month: fc.constantFrom('2026-01', '2026-02'), approvalRequestId: approvalId }),
  )
  const claim: fc.Arbitrary<DraftClaimInput> = fc.record({
    trip: fc.record({ startDay: fc.constantFrom('2026-02-16', '2026-02-24', '2026-02-25'), endDay: fc.constant('2026-02-27') }),
    tripApprovalRequestId: approvalId,
    items: fc.array(item, { minLength: 1, maxLength: 6 }),
  })

  /** The claim as core takes it straight from the input: the oracle the stored claim must agree with. */
  function coreInput(input: DraftClaimInput, filedAt: Date): ExpenseClaimInput {
    const evidence = (id: string | null | undefined) => (id == null ? undefined : approvals.get(id))
    const items = input.items.map((item, index): ExpenseItemInput => {
      const base = { id: `item-${index + 1}`, amount: item.amount, ...(item.invoiceNumber == null ? {} : { invoice: { number: item.invoiceNumber } }) }
      const approval = evidence(item.approvalRequestId)
      switch (item.kind) {
        case 'fare':
          return { ...base, kind: 'fare', fareCategory: item.fareCategory! }
        case 'localTransport':
          return { ...base, kind: 'localTransport', mode: item.mode as never }
        case 'sundry':
          return { ...base, kind: 'sundry', category: item.category!, receiptAmount: item.receiptAmount! }
        case 'entertainment':
          return { ...base, kind: 'entertainment', ...(approval === undefined ? {} : { expenseForm: approval }) }
        case 'phone':
          return { ...base, kind: 'phone', month: item.month!, ...(approval === undefined ? {} : { aboveAllowanceApproval: approval }) }
        default:
          return { ...base, kind: 'lodging' }
      }
    })
    const tripApproval = evidence(input.tripApprovalRequestId)
    return {
      id: 'c1',
      claimantId: 'zhou',
      filedAt,
      trip: { startDay: input.trip!.startDay, endDay: input.trip!.endDay },
      tripApplicationAttached: input.tripApprovalRequestId != null,
      ...(tripApproval === undefined ? {} : { tripApproval }),
      items,
    }
  }

  it('gets the same verdict from core as the claim it was made from (every violation, every amount)', () => {
    const filedAt = new Date('2026-03-02T02:00:00Z')
    fc.assert(
      fc.property(claim, (input) => {
        const stored = draftClaim('c1', 'zhou', input, filedAt)
        const fromRows = checkExpenseClaim(claimInputFromRows(stored, filedAt, approvals), {}, expenseCalendar)
        expect(fromRows).toEqual(checkExpenseClaim(coreInput(input, filedAt), {}, expenseCalendar))
        expect(stored.totalFen).toBe(fromRows.totals.claimed.fen)
      }),
      { numRuns: 200 },
    )
  })
})
