import { type Staff } from '@kehu/core'
import { describe, expect, it } from 'vitest'

import { expenseClaimPermission, type ExpenseClaimAction } from './expenseAccess.js'
import { claimInputFromRows, normalisedInvoiceText, type StoredClaim } from './expenseClaimState.js'

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
