import { CUSTOMER_STAGES, type CustomerLifecycle, SELECTION_CRITERIA, transitionCustomer } from '@kehu/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { Prisma } from '../generated/prisma/client.js'
import { lifecycleFromRow, type LifecycleRow, lifecycleToRow } from './lifecycleState.js'

const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '')

/** Any lifecycle state core accepts: `activePhase` exactly in stage active, every other field optional. */
const lifecycleState: fc.Arbitrary<CustomerLifecycle> = fc
  .record(
    {
      stage: fc.constantFrom(...CUSTOMER_STAGES),
      phase: fc.constantFrom('cooperation' as const, 'maintenance' as const),
      updatedAt: instant,
      qualificationDocuments: fc.array(text, { maxLength: 3 }),
      selection: fc.dictionary(fc.constantFrom(...SELECTION_CRITERIA), fc.record({ passed: fc.boolean(), note: text })),
      approvalRequestId: text,
      approvedAt: instant,
      agreementSentAt: instant,
      signedAt: instant,
      customerCode: text,
      commerceStaffId: text,
      churnReason: text,
    },
    { requiredKeys: ['stage', 'phase', 'updatedAt'] },
  )
  .map(({ stage, phase, ...rest }) => ({ customerId: 'cust-1', stage, ...(stage === 'active' ? { activePhase: phase } : {}), ...rest }) as CustomerLifecycle)

/** What the database gives back for the written columns: SQL NULL for Prisma.DbNull, JSON columns as parsed JSON. */
function stored(state: CustomerLifecycle): LifecycleRow {
  const data = lifecycleToRow(state) as Record<string, unknown>
  const column = (key: string, value: unknown): unknown => (value === Prisma.DbNull ? null : key === 'qualificationDocuments' || key === 'selection' ? JSON.parse(JSON.stringify(value)) : value)
  return { id: state.customerId, ...Object.fromEntries(Object.entries(data).map(([key, value]) => [key, column(key, value)])) } as LifecycleRow
}

describe('the Customer row ↔ core lifecycle mapper (R-LIF-1..5)', () => {
  it('a state written to the row reads back as the same state', () => {
    fc.assert(
      fc.property(lifecycleState, (state) => {
        expect(lifecycleFromRow(stored(state))).toEqual(state)
      }),
    )
  })

  it('every state read from a row is one core accepts', () => {
    fc.assert(
      fc.property(lifecycleState, (state) => {
        // Churn is allowed from every stage but churned: core validates the state either way.
        const result = transitionCustomer(lifecycleFromRow(stored(state)), { type: 'churn' }, { at: state.updatedAt })
        expect(result.ok).toBe(state.stage !== 'churned')
      }),
    )
  })

  it('a field core removed is cleared in the row, not left behind', () => {
    const won = lifecycleToRow({ customerId: 'cust-1', stage: 'developing', updatedAt: new Date('2026-03-02T02:00:00Z'), customerCode: 'C2025-00007' })
    expect(won).toMatchObject({ approvalRequestId: null, approvedAt: null, agreementSentAt: null, signedAt: null, commerceStaffId: null, churnReason: null, activePhase: null, customerCode: 'C2025-00007' })
    expect(won.qualificationDocuments).toBe(Prisma.DbNull)
    expect(won.selection).toBe(Prisma.DbNull)
  })

  it('a stored stage that is not core’s is a corrupted row', () => {
    const row = stored({ customerId: 'cust-1', stage: 'developing', updatedAt: new Date('2026-03-02T02:00:00Z') })
    expect(() => lifecycleFromRow({ ...row, stage: 'maintained' })).toThrow(/not a customer stage/)
  })
})
