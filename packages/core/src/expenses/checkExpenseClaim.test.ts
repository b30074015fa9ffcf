import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { cleanClaimArb, EXPENSE_FAULTS, faultyClaimArb, injectFaults, unrelatedPastClaimArb } from '../../test/arbitraries/expenseArb.js'
import { createWorkingCalendar } from '../calendar/workingCalendar.js'
import type { ExpenseClaimInput, PastExpenseClaim } from './claim.js'
import { checkExpenseClaim } from './checkExpenseClaim.js'
import { createExpensePolicy } from './policy.js'

const calendar = createWorkingCalendar()
const sh = (text: string): Date => new Date(`${text}+08:00`)

/** The worked example of docs/rules-expenses.md. */
const workedClaim: ExpenseClaimInput = {
  id: 'BX-2026-0101',
  claimantId: 'u1',
  filedAt: sh('2026-10-08T09:30:00'),
  trip: { startDay: '2026-09-21', endDay: '2026-09-25' },
  tripApproval: { status: 'approved', decidedAt: sh('2026-09-18T17:00:00') },
  tripApplicationAttached: true,
  items: [
    { id: 'f1', kind: 'fare', fareCategory: 'rail.highSpeedSecondClass', amount: '553.50', invoice: { number: 'E12345678' } },
    { id: 'f2', kind: 'fare', fareCategory: 'rail.highSpeedSecondClass', amount: '553.50', invoice: { number: 'E12345679' } },
    { id: 'f3', kind: 'fare', fareCategory: 'plane.economy', amount: '2860.00', invoice: { number: '7812345678' } },
    { id: 'l1', kind: 'localTransport', mode: 'taxi', amount: '46.00', invoice: { number: 'T001' } },
    { id: 'l2', kind: 'localTransport', mode: 'bus', amount: '2.00' },
    { id: 'h1', kind: 'lodging', amount: '1200.00', invoice: { code: '044001900111', number: '20260925' } },
    { id: 's1', kind: 'sundry', category: 'postage', amount: '25.00', receiptAmount: '22.00', invoice: { number: 'S1' } },
    { id: 'p1', kind: 'phone', month: '2026-09', amount: '268.80', invoice: { number: 'P1' } },
    { id: 'e1', kind: 'entertainment', amount: '1580.00', invoice: { number: 'R1' } },
  ],
}
const workedHistory: PastExpenseClaim[] = [
  { id: 'BX-2026-0088', claimantId: 'u7', items: [{ kind: 'lodging', amount: '1200.00', invoice: { code: '044001900111', number: '20260925' } }] },
]

describe('R-EXP-7 checkExpenseClaim lists every violation at once (worked example)', () => {
  const result = checkExpenseClaim(workedClaim, { history: workedHistory }, calendar)

  it('returns all nine violations, claim-level first, then by item', () => {
    expect(result.ok).toBe(false)
    expect(result.violations.map((v) => [v.code, v.field])).toEqual([
      ['EXPENSE.CLAIM_FILED_LATE', 'claim.filedAt'],
      ['EXPENSE.CONSECUTIVE_TICKET_NUMBERS', 'claim.items[1].invoice.number'],
      ['EXPENSE.FARE_ABOVE_STANDARD', 'claim.items[2].amount'],
      ['EXPENSE.TAXI_NOT_ALLOWED', 'claim.items[3].mode'],
      ['EXPENSE.LOCAL_TRANSPORT_WITHOUT_TICKET', 'claim.items[4].invoice'],
      ['EXPENSE.DUPLICATE_INVOICE_IN_HISTORY', 'claim.items[5].invoice'],
      ['EXPENSE.SUNDRY_NOT_AT_COST', 'claim.items[6].amount'],
      ['EXPENSE.PHONE_ABOVE_ALLOWANCE', 'claim.items[7].amount'],
      ['EXPENSE.ENTERTAINMENT_FORM_NOT_SIGNED', 'claim.items[8].expenseForm'],
    ])
    expect(result.violations.map((v) => v.ruleId)).toEqual(['R-EXP-2', 'R-EXP-3', 'R-EXP-3', 'R-EXP-4', 'R-EXP-4', 'R-EXP-3', 'R-EXP-5', 'R-EXP-6', 'R-EXP-5'])
    for (const violation of result.violations) {
      expect(violation.messageZh).toMatch(/\p{Script=Han}/u)
      expect(violation.messageEn).toMatch(/[a-z]/)
    }
  })

  it('computes the reimbursable amount exactly: 7088.80 − 3259.80 = 3829.00', () => {
    expect(result.totals.claimed.toString()).toBe('7088.80')
    expect(result.totals.withheld.toString()).toBe('3259.80')
    expect(result.totals.reimbursable.toString()).toBe('3829.00')
    expect(result.items.map((item) => [item.id, item.withheld.toString()])).toEqual([
      ['f1', '0.00'],
      ['f2', '0.00'],
      ['f3', '360.00'],
      ['l1', '46.00'],
      ['l2', '2.00'],
      ['h1', '1200.00'],
      ['s1', '3.00'],
      ['p1', '68.80'],
      ['e1', '1580.00'],
    ])
  })

  it('explains the late filing with the deadline (end of 2026-09-30)', () => {
    expect(result.violations[0]?.details).toMatchObject({ deadline: '2026-09-30T16:00:00.000Z', tripEndDay: '2026-09-25' })
    expect(result.violations[1]?.details).toMatchObject({ otherItemId: 'f1', numbers: ['E12345678', 'E12345679'] })
  })

  it('gives a JSON-serialisable verdict', () => {
    expect(JSON.parse(JSON.stringify(result)).totals).toEqual({ claimed: '7088.80', withheld: '3259.80', reimbursable: '3829.00' })
  })
})

describe('R-EXP-1 trip approved before the trip starts', () => {
  const base: ExpenseClaimInput = {
    id: 'BX-1',
    claimantId: 'u1',
    filedAt: sh('2026-03-12T10:00:00'),
    trip: { startDay: '2026-03-10', endDay: '2026-03-11' },
    tripApproval: { status: 'approved', decidedAt: sh('2026-03-10T00:00:00') },
    tripApplicationAttached: true,
    items: [{ id: 'h', kind: 'lodging', amount: '300', invoice: { number: 'H1' } }],
  }
  const codes = (claim: ExpenseClaimInput): string[] => checkExpenseClaim(claim, {}, calendar).violations.map((v) => v.code)

  it('accepts an approval decided exactly at 00:00 of the first day, refuses one 1 ms later', () => {
    expect(codes(base)).toEqual([])
    expect(codes({ ...base, tripApproval: { status: 'approved', decidedAt: new Date(sh('2026-03-10T00:00:00').getTime() + 1) } })).toEqual(['EXPENSE.TRIP_APPROVED_AFTER_START'])
  })

  it('uses the departure instant when given', () => {
    const trip = { startDay: '2026-03-10', endDay: '2026-03-11', departureAt: sh('2026-03-10T14:00:00') }
    expect(codes({ ...base, trip, tripApproval: { status: 'approved', decidedAt: sh('2026-03-10T09:30:00') } })).toEqual([])
    expect(codes({ ...base, trip, tripApproval: { status: 'approved', decidedAt: sh('2026-03-10T14:00:01') } })).toEqual(['EXPENSE.TRIP_APPROVED_AFTER_START'])
  })

  it('flags a missing, pending or rejected approval', () => {
    const { tripApproval: _ignored, ...withoutApproval } = base
    expect(codes(withoutApproval)).toEqual(['EXPENSE.TRIP_APPROVAL_MISSING'])
    expect(codes({ ...base, tripApproval: { status: 'pending' } })).toEqual(['EXPENSE.TRIP_NOT_APPROVED'])
    expect(codes({ ...base, tripApproval: { status: 'rejected', decidedAt: sh('2026-03-09T10:00:00') } })).toEqual(['EXPENSE.TRIP_NOT_APPROVED'])
  })
})

describe('R-EXP-2 filed within 3 working days after the trip', () => {
  const claimEndingOn = (endDay: string, filedAt: Date): ExpenseClaimInput => ({
    id: 'BX-2',
    claimantId: 'u1',
    filedAt,
    trip: { startDay: endDay, endDay },
    tripApproval: { status: 'approved', decidedAt: sh(`${endDay}T00:00:00`) },
    tripApplicationAttached: true,
    items: [{ id: 'h', kind: 'lodging', amount: '300', invoice: { number: 'H1' } }],
  })
  const late = (endDay: string, filedAt: Date): boolean => checkExpenseClaim(claimEndingOn(endDay, filedAt), {}, calendar).violations.some((v) => v.code === 'EXPENSE.CLAIM_FILED_LATE')

  it('trip ending Friday 2026-09-25 (中秋节): due by the end of 2026-09-30', () => {
    expect(late('2026-09-25', sh('2026-09-30T23:59:59.999'))).toBe(false)
    expect(late('2026-09-25', sh('2026-10-01T00:00:00'))).toBe(true)
  })

  it('trip ending Friday 2026-03-13: Mon–Wed count, due by the end of 2026-03-18', () => {
    expect(late('2026-03-13', sh('2026-03-18T23:59:59.999'))).toBe(false)
    expect(late('2026-03-13', sh('2026-03-19T00:00:00'))).toBe(true)
  })

  it('counts the make-up working day 2026-09-20 (Sunday) and skips the National Day week', () => {
    // trip ends Thu 2026-09-17: 09-18 (Fri), 09-20 (Sun, 调休上班), 09-21 (Mon)
    expect(late('2026-09-17', sh('2026-09-21T23:59:59.999'))).toBe(false)
    expect(late('2026-09-17', sh('2026-09-22T00:00:00'))).toBe(true)
  })

  it('follows the policy: 5 working days', () => {
    const policy = createExpensePolicy({ claimWithinWorkingDays: 5 })
    const verdict = checkExpenseClaim(claimEndingOn('2026-03-13', sh('2026-03-20T12:00:00')), {}, calendar, policy)
    expect(verdict.ok).toBe(true)
  })

  it('flags a missing application and missing invoices (whole item withheld)', () => {
    const claim = { ...claimEndingOn('2026-03-13', sh('2026-03-16T09:00:00')), tripApplicationAttached: false, items: [{ id: 'h', kind: 'lodging' as const, amount: '300' }] }
    const verdict = checkExpenseClaim(claim, {}, calendar)
    expect(verdict.violations.map((v) => [v.code, v.field])).toEqual([
      ['EXPENSE.APPLICATION_NOT_ATTACHED', 'claim.tripApplicationAttached'],
      ['EXPENSE.INVOICE_MISSING', 'claim.items[0].invoice'],
    ])
    expect(verdict.totals.reimbursable.toString()).toBe('0.00')
  })
})

describe('R-EXP-3 duplicates and fare standards', () => {
  const trip = { startDay: '2026-03-10', endDay: '2026-03-11' }
  const base = { id: 'BX-3', claimantId: 'u1', filedAt: sh('2026-03-12T10:00:00'), trip, tripApproval: { status: 'approved' as const, decidedAt: sh('2026-03-09T10:00:00') }, tripApplicationAttached: true }

  it('withholds the second use of an invoice in the claim, compared without spaces and case', () => {
    const verdict = checkExpenseClaim(
      {
        ...base,
        items: [
          { id: 'a', kind: 'lodging', amount: '300', invoice: { code: '044001900111', number: 'ab 123' } },
          { id: 'b', kind: 'lodging', amount: '300', invoice: { code: '044001900111', number: 'AB123' } },
          { id: 'c', kind: 'lodging', amount: '300', invoice: { code: '044001900112', number: 'AB123' } },
        ],
      },
      {},
      calendar,
    )
    expect(verdict.violations.map((v) => [v.code, v.details['itemId'], v.details['firstItemId']])).toEqual([['EXPENSE.DUPLICATE_INVOICE_IN_CLAIM', 'b', 'a']])
    expect(verdict.totals.reimbursable.toString()).toBe('600.00')
  })

  it('ignores a history entry that is this very claim (re-checking a stored claim)', () => {
    const claim = { ...base, items: [{ id: 'a', kind: 'lodging' as const, amount: '300', invoice: { number: 'H1' } }] }
    expect(checkExpenseClaim(claim, { history: [claim] }, calendar).ok).toBe(true)
    expect(checkExpenseClaim(claim, { history: [{ ...claim, id: 'BX-OLD' }] }, calendar).violations.map((v) => v.code)).toEqual(['EXPENSE.DUPLICATE_INVOICE_IN_HISTORY'])
  })

  it('withholds exactly the excess over the fare standard; the maximum itself passes', () => {
    const verdict = checkExpenseClaim(
      {
        ...base,
        items: [
          { id: 'a', kind: 'fare', fareCategory: 'coach', amount: '300.00', invoice: { number: 'A10' } },
          { id: 'b', kind: 'fare', fareCategory: 'coach', amount: '300.01', invoice: { number: 'A20' } },
          { id: 'c', kind: 'fare', fareCategory: 'plane.business', amount: '5000.00', invoice: { number: 'A30' } },
        ],
      },
      {},
      calendar,
    )
    expect(verdict.violations.map((v) => [v.code, v.details['itemId']])).toEqual([
      ['EXPENSE.FARE_ABOVE_STANDARD', 'b'],
      ['EXPENSE.FARE_CATEGORY_NOT_IN_STANDARD', 'c'],
    ])
    expect(verdict.items.map((item) => item.withheld.toString())).toEqual(['0.00', '0.01', '5000.00'])
  })

  it('reads the fare standard from the policy', () => {
    const policy = createExpensePolicy({ fareStandards: { coach: '250.00' } })
    const claim = { ...base, items: [{ id: 'a', kind: 'fare' as const, fareCategory: 'coach', amount: '280.00', invoice: { number: 'A10' } }] }
    expect(checkExpenseClaim(claim, {}, calendar, policy).totals.withheld.toString()).toBe('30.00')
  })

  it('checks 连号 only on transport tickets by default, on every kind the policy lists', () => {
    const claim = {
      ...base,
      items: [
        { id: 'a', kind: 'lodging' as const, amount: '300', invoice: { number: 'Q100' } },
        { id: 'b', kind: 'lodging' as const, amount: '300', invoice: { number: 'Q101' } },
      ],
    }
    expect(checkExpenseClaim(claim, {}, calendar).ok).toBe(true)
    const policy = createExpensePolicy({ consecutiveNumberKinds: ['fare', 'localTransport', 'lodging'] })
    expect(checkExpenseClaim(claim, {}, calendar, policy).violations.map((v) => v.code)).toEqual(['EXPENSE.CONSECUTIVE_TICKET_NUMBERS'])
  })

  it('flags each link of a run of three consecutive tickets', () => {
    const claim = {
      ...base,
      items: ['K09', 'K11', 'K10'].map((number, index) => ({ id: `t${index}`, kind: 'localTransport' as const, mode: 'bus' as const, amount: '2', invoice: { number } })),
    }
    const verdict = checkExpenseClaim(claim, {}, calendar)
    expect(verdict.violations.map((v) => v.details['itemId'])).toEqual(['t1', 't2'])
    expect(verdict.totals.withheld.toString()).toBe('0.00')
  })
})

describe('R-EXP-4 local transport', () => {
  const base = {
    id: 'BX-4',
    claimantId: 'u1',
    filedAt: sh('2026-03-12T10:00:00'),
    trip: { startDay: '2026-03-10', endDay: '2026-03-11' },
    tripApproval: { status: 'approved' as const, decidedAt: sh('2026-03-09T10:00:00') },
    tripApplicationAttached: true,
  }
  const taxi = { ...base, items: [{ id: 't', kind: 'localTransport' as const, mode: 'rideHailing' as const, amount: '31.20', invoice: { number: 'T1' } }] }

  it('flags taxis and ride-hailing unless the policy allows them', () => {
    expect(checkExpenseClaim(taxi, {}, calendar).violations.map((v) => v.code)).toEqual(['EXPENSE.TAXI_NOT_ALLOWED'])
    expect(checkExpenseClaim(taxi, {}, calendar, createExpensePolicy({ taxisAllowed: true })).ok).toBe(true)
  })

  it('accepts bus, minibus and rail with tickets', () => {
    const claim = { ...base, items: (['bus', 'minibus', 'rail'] as const).map((mode, index) => ({ id: mode, kind: 'localTransport' as const, mode, amount: '3', invoice: { number: `R${index * 10}` } })) }
    expect(checkExpenseClaim(claim, {}, calendar).ok).toBe(true)
  })
})

describe('R-EXP-5 sundries at cost, entertainment with a signed form', () => {
  const base = { id: 'BX-5', claimantId: 'u1', filedAt: sh('2026-03-12T10:00:00') }

  it('needs no trip for sundries, entertainment and phone', () => {
    const claim = {
      ...base,
      items: [
        { id: 's', kind: 'sundry' as const, category: 'fax', amount: '12.00', receiptAmount: '12.00', invoice: { number: 'S1' } },
        { id: 'e', kind: 'entertainment' as const, amount: '900.00', invoice: { number: 'E1' }, expenseForm: { status: 'approved' as const, decidedAt: sh('2026-03-12T10:00:00') } },
      ],
    }
    expect(checkExpenseClaim(claim, {}, calendar).ok).toBe(true)
  })

  it('flags a sundry claimed below its receipt without withholding anything', () => {
    const claim = { ...base, items: [{ id: 's', kind: 'sundry' as const, category: 'postage', amount: '10.00', receiptAmount: '12.00', invoice: { number: 'S1' } }] }
    const verdict = checkExpenseClaim(claim, {}, calendar)
    expect(verdict.violations.map((v) => v.code)).toEqual(['EXPENSE.SUNDRY_NOT_AT_COST'])
    expect(verdict.totals.reimbursable.toString()).toBe('10.00')
  })

  it('refuses an entertainment form signed after the filing or rejected', () => {
    const item = (expenseForm: { status: 'approved' | 'rejected'; decidedAt: Date }) => ({ ...base, items: [{ id: 'e', kind: 'entertainment' as const, amount: '900.00', invoice: { number: 'E1' }, expenseForm }] })
    expect(checkExpenseClaim(item({ status: 'approved', decidedAt: sh('2026-03-12T10:00:01') }), {}, calendar).violations[0]?.details['reason']).toBe('signedAfterFiling')
    expect(checkExpenseClaim(item({ status: 'rejected', decidedAt: sh('2026-03-11T10:00:00') }), {}, calendar).violations[0]?.details['reason']).toBe('rejected')
  })
})

describe('R-EXP-6 phone allowance per person per month', () => {
  const base = { id: 'BX-6', claimantId: 'u1', filedAt: sh('2026-03-12T10:00:00') }
  const phone = (id: string, month: string, amount: string, approved = false) => ({
    id,
    kind: 'phone' as const,
    month,
    amount,
    invoice: { number: `P-${id}` },
    ...(approved ? { aboveAllowanceApproval: { status: 'approved' as const, decidedAt: sh('2026-03-11T10:00:00') } } : {}),
  })

  it('allows exactly ¥200 a month and withholds the excess above it', () => {
    expect(checkExpenseClaim({ ...base, items: [phone('a', '2026-02', '200.00')] }, {}, calendar).ok).toBe(true)
    const verdict = checkExpenseClaim({ ...base, items: [phone('a', '2026-02', '150.00'), phone('b', '2026-02', '80.00'), phone('c', '2026-01', '80.00')] }, {}, calendar)
    expect(verdict.violations.map((v) => [v.code, v.details['itemId'], v.details['excess']])).toEqual([['EXPENSE.PHONE_ABOVE_ALLOWANCE', 'b', '30.00']])
    expect(verdict.totals.reimbursable.toString()).toBe('280.00')
  })

  it('counts what the same person already claimed for the month in past claims', () => {
    const history: PastExpenseClaim[] = [
      { id: 'BX-OLD', claimantId: 'u1', items: [{ kind: 'phone', month: '2026-02', amount: '120.00', invoice: { number: 'P-old' } }] },
      { id: 'BX-OTHER', claimantId: 'u2', items: [{ kind: 'phone', month: '2026-02', amount: '200.00', invoice: { number: 'P-u2' } }] },
    ]
    const verdict = checkExpenseClaim({ ...base, items: [phone('a', '2026-02', '100.00')] }, { history }, calendar)
    expect(verdict.violations[0]?.details).toMatchObject({ excess: '20.00' })
  })

  it('reimburses the excess in full with the manager’s approval', () => {
    expect(checkExpenseClaim({ ...base, items: [phone('a', '2026-02', '350.00', true)] }, {}, calendar).totals.reimbursable.toString()).toBe('350.00')
  })

  it('uses the policy allowance', () => {
    const policy = createExpensePolicy({ phoneAllowancePerMonth: '300' })
    expect(checkExpenseClaim({ ...base, items: [phone('a', '2026-02', '300.00')] }, {}, calendar, policy).ok).toBe(true)
  })
})

describe('R-EXP-7 properties', () => {
  const codesOf = (claim: ExpenseClaimInput, history: PastExpenseClaim[] = []): string[] =>
    checkExpenseClaim(claim, { history }, calendar)
      .violations.map((v) => v.code)
      .sort()

  it('a clean claim has no violation and reimburses everything', () => {
    fc.assert(
      fc.property(cleanClaimArb, ({ claim }) => {
        const verdict = checkExpenseClaim(claim, {}, calendar)
        expect(verdict.violations).toEqual([])
        expect(verdict.ok).toBe(true)
        expect(verdict.totals.reimbursable.equals(verdict.totals.claimed)).toBe(true)
      }),
    )
  })

  it('the violations are exactly the union of the injected independent faults', () => {
    fc.assert(
      fc.property(faultyClaimArb, ({ claim, history, faults }) => {
        expect(codesOf(claim, history)).toEqual(faults.map((fault) => `EXPENSE.${fault}`).sort())
      }),
    )
  })

  it('every single fault alone gives exactly its code', () => {
    fc.assert(
      fc.property(cleanClaimArb, fc.constantFrom(...EXPENSE_FAULTS), (clean, fault) => {
        const { claim, history } = injectFaults(clean, [fault])
        expect(codesOf(claim, history)).toEqual([`EXPENSE.${fault}`])
      }),
    )
  })

  it('does not depend on the order of the items (codes and totals)', () => {
    fc.assert(
      fc.property(
        faultyClaimArb.chain((faulty) => fc.tuple(fc.constant(faulty), fc.shuffledSubarray([...faulty.claim.items], { minLength: faulty.claim.items.length }))),
        ([{ claim, history }, shuffled]) => {
          const before = checkExpenseClaim(claim, { history }, calendar)
          const after = checkExpenseClaim({ ...claim, items: shuffled }, { history }, calendar)
          expect(after.violations.map((v) => v.code).sort()).toEqual(before.violations.map((v) => v.code).sort())
          expect(after.totals.withheld.equals(before.totals.withheld)).toBe(true)
        },
      ),
    )
  })

  it('is idempotent: checking the same claim twice gives the same verdict', () => {
    fc.assert(
      fc.property(faultyClaimArb, ({ claim, history }) => {
        expect(checkExpenseClaim(claim, { history }, calendar)).toEqual(checkExpenseClaim(claim, { history }, calendar))
      }),
    )
  })

  it('adding an unrelated past claim never removes a violation', () => {
    fc.assert(
      fc.property(faultyClaimArb, unrelatedPastClaimArb, ({ claim, history }, extra) => {
        const key = (v: { code: string; field: string }): string => `${v.code} ${v.field}`
        const before = checkExpenseClaim(claim, { history }, calendar).violations.map(key)
        const after = new Set(checkExpenseClaim(claim, { history: [...history, extra] }, calendar).violations.map(key))
        for (const violation of before) expect(after.has(violation)).toBe(true)
      }),
    )
  })

  it('totals are exact: claimed = Σ items, reimbursable = claimed − withheld, 0 ≤ withheld ≤ claimed per item', () => {
    fc.assert(
      fc.property(faultyClaimArb, ({ claim, history }) => {
        const verdict = checkExpenseClaim(claim, { history }, calendar)
        let claimedFen = 0n
        let withheldFen = 0n
        for (const item of verdict.items) {
          expect(item.withheld.isNegative()).toBe(false)
          expect(item.withheld.compare(item.claimed)).toBeLessThanOrEqual(0)
          expect(item.reimbursable.plus(item.withheld).equals(item.claimed)).toBe(true)
          claimedFen += item.claimed.fen
          withheldFen += item.withheld.fen
        }
        expect(verdict.totals.claimed.fen).toBe(claimedFen)
        expect(verdict.totals.withheld.fen).toBe(withheldFen)
        expect(verdict.totals.reimbursable.fen).toBe(claimedFen - withheldFen)
      }),
    )
  })
})
