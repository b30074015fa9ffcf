/**
 * Shared fast-check arbitraries for expense claims (R-EXP-1..7): clean claims (no violation under
 * the default policy) and independent faults, each of which adds exactly one known violation code.
 *
 * Invoice numbers: clean items use prefix `C` with serials spaced by 10 (never consecutive, never
 * equal); every fault uses its own prefix, so no fault creates a 连号 or a duplicate with anything
 * else unless that is the fault.
 */
import fc from 'fast-check'

import type { ExpenseClaimInput, ExpenseItemInput, PastExpenseClaim } from '../../src/expenses/index.js'

const DAY_MS = 86_400_000

/** Epoch ms of 00:00 +08:00 of a civil day. */
export function startOfDayMs(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`)
}

/** The civil day `n` days after `day`. */
export function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Fen as a yuan text with two decimals. */
export function fenText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** A trip inside the shipped holiday data (2025-01-01 … 2026-12-10, so the deadline stays inside 2026). */
export const tripArb: fc.Arbitrary<{ startDay: string; endDay: string }> = fc
  .tuple(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 6 }))
  .map(([offset, length]) => ({ startDay: plusDays('2025-01-01', offset), endDay: plusDays('2025-01-01', offset + length) }))

const FARE_STANDARD_FEN: Record<string, number> = {
  'rail.highSpeedSecondClass': 100_000,
  'rail.hardSleeper': 60_000,
  'rail.hardSeat': 40_000,
  'plane.economy': 250_000,
  coach: 30_000,
}

type CleanItemSpec =
  | { kind: 'fare'; category: string; fen: number }
  | { kind: 'localTransport'; mode: 'bus' | 'minibus' | 'rail'; fen: number }
  | { kind: 'lodging'; fen: number }
  | { kind: 'sundry'; category: 'postage' | 'copying' | 'fax'; fen: number }
  | { kind: 'entertainment'; fen: number }
  | { kind: 'phone'; fen: number }

const cleanItemSpecArb: fc.Arbitrary<CleanItemSpec> = fc.oneof(
  fc.constantFrom(...Object.keys(FARE_STANDARD_FEN)).chain((category) => fc.integer({ min: 1, max: FARE_STANDARD_FEN[category] ?? 1 }).map((fen) => ({ kind: 'fare' as const, category, fen }))),
  fc.record({ kind: fc.constant('localTransport' as const), mode: fc.constantFrom('bus' as const, 'minibus' as const, 'rail' as const), fen: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({ kind: fc.constant('lodging' as const), fen: fc.integer({ min: 1, max: 200_000 }) }),
  fc.record({ kind: fc.constant('sundry' as const), category: fc.constantFrom('postage' as const, 'copying' as const, 'fax' as const), fen: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ kind: fc.constant('entertainment' as const), fen: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({ kind: fc.constant('phone' as const), fen: fc.integer({ min: 1, max: 20_000 }) }),
)

/** A claim with no violation under the default policy and an empty history. */
export interface CleanClaimCase {
  readonly claim: ExpenseClaimInput
  readonly trip: { readonly startDay: string; readonly endDay: string }
}

/** Clean trip claims: approved the day before departure, filed on the trip's last day at 20:00, every item within policy. */
export const cleanClaimArb: fc.Arbitrary<CleanClaimCase> = fc
  .tuple(tripArb, fc.array(cleanItemSpecArb, { minLength: 1, maxLength: 8 }))
  .map(([trip, specs]) => {
    const filedAt = new Date(startOfDayMs(trip.endDay) + 20 * 3_600_000)
    const items = specs.map((spec, index): ExpenseItemInput => {
      const base = { id: `i${index}`, amount: fenText(spec.fen), invoice: { number: `C${String(1000 + index * 10)}` } }
      switch (spec.kind) {
        case 'fare':
          return { ...base, kind: 'fare', fareCategory: spec.category }
        case 'localTransport':
          return { ...base, kind: 'localTransport', mode: spec.mode }
        case 'lodging':
          return { ...base, kind: 'lodging' }
        case 'sundry':
          return { ...base, kind: 'sundry', category: spec.category, receiptAmount: fenText(spec.fen) }
        case 'entertainment':
          return { ...base, kind: 'entertainment', expenseForm: { status: 'approved', decidedAt: new Date(filedAt.getTime() - 3_600_000) } }
        case 'phone':
          // one month per phone item, so each stays within the ¥200 allowance
          return { ...base, kind: 'phone', month: `2024-${String((index % 12) + 1).padStart(2, '0')}`, amount: fenText(Math.min(spec.fen, 2_000)) }
      }
    })
    const claim: ExpenseClaimInput = {
      id: 'BX-CLEAN',
      claimantId: 'u1',
      filedAt,
      trip,
      tripApproval: { status: 'approved', decidedAt: new Date(startOfDayMs(trip.startDay) - DAY_MS) },
      tripApplicationAttached: true,
      items,
    }
    return { claim, trip }
  })

/** The independent faults; each adds exactly the violation code it is named after. */
export const EXPENSE_FAULTS = [
  'TRIP_APPROVAL_MISSING',
  'TRIP_NOT_APPROVED',
  'TRIP_APPROVED_AFTER_START',
  'CLAIM_FILED_LATE',
  'APPLICATION_NOT_ATTACHED',
  'INVOICE_MISSING',
  'CONSECUTIVE_TICKET_NUMBERS',
  'DUPLICATE_INVOICE_IN_CLAIM',
  'DUPLICATE_INVOICE_IN_HISTORY',
  'FARE_CATEGORY_NOT_IN_STANDARD',
  'FARE_ABOVE_STANDARD',
  'LOCAL_TRANSPORT_NOT_PUBLIC',
  'TAXI_NOT_ALLOWED',
  'LOCAL_TRANSPORT_WITHOUT_TICKET',
  'SUNDRY_CATEGORY_NOT_ALLOWED',
  'SUNDRY_NOT_AT_COST',
  'ENTERTAINMENT_FORM_NOT_SIGNED',
  'PHONE_ABOVE_ALLOWANCE',
] as const

/** One of {@link EXPENSE_FAULTS}. */
export type ExpenseFault = (typeof EXPENSE_FAULTS)[number]

const TRIP_APPROVAL_FAULTS: readonly ExpenseFault[] = ['TRIP_APPROVAL_MISSING', 'TRIP_NOT_APPROVED', 'TRIP_APPROVED_AFTER_START']

/** A set of faults that can co-exist (at most one of the three trip-approval faults). */
export const faultSetArb: fc.Arbitrary<ExpenseFault[]> = fc
  .tuple(fc.option(fc.constantFrom(...TRIP_APPROVAL_FAULTS), { nil: undefined }), fc.subarray(EXPENSE_FAULTS.filter((fault) => !TRIP_APPROVAL_FAULTS.includes(fault))))
  .map(([tripFault, others]) => (tripFault === undefined ? others : [tripFault, ...others]))

/** A claim with known faults: the expected codes are `EXPENSE.<fault>` once per fault. */
export interface FaultyClaimCase {
  readonly claim: ExpenseClaimInput
  readonly history: PastExpenseClaim[]
  readonly faults: readonly ExpenseFault[]
}

/** Applies `faults` to a clean claim. */
export function injectFaults(clean: CleanClaimCase, faults: readonly ExpenseFault[]): FaultyClaimCase {
  const { trip } = clean
  let claim: ExpenseClaimInput = clean.claim
  const extra: ExpenseItemInput[] = []
  const history: PastExpenseClaim[] = []
  const start = startOfDayMs(trip.startDay)
  for (const fault of faults) {
    const id = `x-${fault}`
    switch (fault) {
      case 'TRIP_APPROVAL_MISSING': {
        const { tripApproval: _removed, ...rest } = claim
        claim = rest
        break
      }
      case 'TRIP_NOT_APPROVED':
        claim = { ...claim, tripApproval: { status: 'pending' } }
        break
      case 'TRIP_APPROVED_AFTER_START':
        claim = { ...claim, tripApproval: { status: 'approved', decidedAt: new Date(start + 1) } }
        break
      case 'CLAIM_FILED_LATE':
        // 20 calendar days always hold more than 3 working days; every item approval stays before it
        claim = { ...claim, filedAt: new Date(startOfDayMs(trip.endDay) + 20 * DAY_MS) }
        break
      case 'APPLICATION_NOT_ATTACHED':
        claim = { ...claim, tripApplicationAttached: false }
        break
      case 'INVOICE_MISSING':
        extra.push({ id, kind: 'lodging', amount: '300.00' })
        break
      case 'CONSECUTIVE_TICKET_NUMBERS':
        extra.push({ id: `${id}-a`, kind: 'localTransport', mode: 'rail', amount: '4.00', invoice: { number: 'K900001' } })
        extra.push({ id: `${id}-b`, kind: 'localTransport', mode: 'rail', amount: '4.00', invoice: { number: 'K900002' } })
        break
      case 'DUPLICATE_INVOICE_IN_CLAIM':
        extra.push({ id: `${id}-a`, kind: 'lodging', amount: '280.00', invoice: { code: '044001900111', number: 'D0000005' } })
        extra.push({ id: `${id}-b`, kind: 'lodging', amount: '280.00', invoice: { code: '044001900111', number: 'D0000005' } })
        break
      case 'DUPLICATE_INVOICE_IN_HISTORY':
        extra.push({ id, kind: 'lodging', amount: '350.00', invoice: { number: 'H0000007' } })
        history.push({ id: 'BX-PAST', claimantId: 'u2', items: [{ kind: 'lodging', amount: '350.00', invoice: { number: 'H0000007' } }] })
        break
      case 'FARE_CATEGORY_NOT_IN_STANDARD':
        extra.push({ id, kind: 'fare', fareCategory: 'plane.first', amount: '4800.00', invoice: { number: 'P0000100' } })
        break
      case 'FARE_ABOVE_STANDARD':
        extra.push({ id, kind: 'fare', fareCategory: 'coach', amount: '300.01', invoice: { number: 'B0000100' } })
        break
      case 'LOCAL_TRANSPORT_NOT_PUBLIC':
        extra.push({ id, kind: 'localTransport', mode: 'other', amount: '20.00', invoice: { number: 'O0000100' } })
        break
      case 'TAXI_NOT_ALLOWED':
        extra.push({ id, kind: 'localTransport', mode: 'taxi', amount: '36.50', invoice: { number: 'T0000100' } })
        break
      case 'LOCAL_TRANSPORT_WITHOUT_TICKET':
        extra.push({ id, kind: 'localTransport', mode: 'bus', amount: '2.00' })
        break
      case 'SUNDRY_CATEGORY_NOT_ALLOWED':
        extra.push({ id, kind: 'sundry', category: 'flowers', amount: '88.00', receiptAmount: '88.00', invoice: { number: 'S0000100' } })
        break
      case 'SUNDRY_NOT_AT_COST':
        extra.push({ id, kind: 'sundry', category: 'copying', amount: '15.00', receiptAmount: '12.50', invoice: { number: 'Y0000100' } })
        break
      case 'ENTERTAINMENT_FORM_NOT_SIGNED':
        extra.push({ id, kind: 'entertainment', amount: '680.00', invoice: { number: 'E0000100' } })
        break
      case 'PHONE_ABOVE_ALLOWANCE':
        extra.push({ id, kind: 'phone', month: '2023-06', amount: '260.00', invoice: { number: 'M0000100' } })
        break
    }
  }
  return { claim: { ...claim, items: [...claim.items, ...extra] }, history, faults }
}

/** Claims with a known set of faults. */
export const faultyClaimArb: fc.Arbitrary<FaultyClaimCase> = fc.tuple(cleanClaimArb, faultSetArb).map(([clean, faults]) => injectFaults(clean, faults))

/** A past claim of another claimant whose invoices share nothing with the generated claims (prefix `Z`). */
export const unrelatedPastClaimArb: fc.Arbitrary<PastExpenseClaim> = fc
  .array(
    fc.record({
      kind: fc.constantFrom('fare' as const, 'lodging' as const, 'phone' as const),
      fen: fc.integer({ min: 1, max: 100_000 }),
      serial: fc.integer({ min: 0, max: 999_999 }),
      month: fc.constantFrom('2023-06', '2024-01', '2024-02'),
      claimant: fc.constantFrom('u1', 'u9'),
    }),
    { maxLength: 5 },
  )
  .map((items) => ({
    id: 'BX-OTHER',
    claimantId: items[0]?.claimant ?? 'u9',
    items: items.map((item) => ({ kind: item.kind, amount: fenText(item.fen), invoice: { number: `Z${String(item.serial)}` }, ...(item.kind === 'phone' ? { month: item.month } : {}) })),
  }))
