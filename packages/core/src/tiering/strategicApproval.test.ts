import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { customerFiguresArb } from '../../test/arbitraries/tieringArb.js'
import { classifyCustomer, type CustomerClassification } from './classifyCustomer.js'
import { createTieringPolicy } from './policy.js'
import { TieringReasonCode } from './reason.js'
import { applyStrategicApproval, GENERAL_MANAGER_OFFICE, type StrategicApproval } from './strategicApproval.js'

const proposed = classifyCustomer({ annualVolume: '5000000.00', scale: 'large', urgency: 'urgent', hasIntention: true, hasBusinessHistory: true })
const notProposed = classifyCustomer({ annualVolume: '4999999.99', scale: 'large', urgency: 'urgent', hasIntention: true, hasBusinessHistory: true })
const byOffice: StrategicApproval = { approvedBy: { role: GENERAL_MANAGER_OFFICE, name: '王总' }, approvedAt: '2026-05-06T10:00:00+08:00', reference: '总办会纪要 2026-05' }

describe('R-TIE-4 strategic partner takes effect only with a general-manager office approval', () => {
  it('approves a proposed classification', () => {
    const verdict = applyStrategicApproval(proposed, byOffice)
    expect(verdict.status).toBe('approved')
    if (verdict.status !== 'approved') return
    expect(verdict.classification.tier).toBe('strategic')
    expect(verdict.classification.grade).toBe(proposed.grade)
    expect(verdict.classification.reasons.at(-1)?.code).toBe(TieringReasonCode.STRATEGIC_APPROVED)
    expect(verdict.approvedAt.toISOString()).toBe('2026-05-06T02:00:00.000Z')
    expect(verdict.approvedBy).toEqual({ role: 'general-manager-office', name: '王总' })
    expect(verdict.reference).toBe('总办会纪要 2026-05')
    expect(proposed.tier).toBe('key') // the input is not changed
  })

  it('refuses, as data, an approval by another role', () => {
    const verdict = applyStrategicApproval(proposed, { ...byOffice, approvedBy: { role: 'sales-director' } })
    expect(verdict).toMatchObject({ status: 'refused', classification: proposed })
    if (verdict.status === 'refused') expect(verdict.refusals.map((r) => r.code)).toEqual([TieringReasonCode.APPROVER_NOT_GENERAL_MANAGER_OFFICE])
  })

  it('refuses a classification that did not propose strategic, unless the policy allows it', () => {
    const verdict = applyStrategicApproval(notProposed, byOffice)
    expect(verdict.status).toBe('refused')
    if (verdict.status === 'refused') expect(verdict.refusals.map((r) => r.code)).toEqual([TieringReasonCode.NOT_PROPOSED_STRATEGIC])
    const lenient = createTieringPolicy({ approvalRequiresProposal: false })
    expect(applyStrategicApproval(notProposed, byOffice, lenient).status).toBe('approved')
  })

  it('refuses an already-strategic classification', () => {
    const verdict = applyStrategicApproval(proposed, byOffice)
    if (verdict.status !== 'approved') throw new Error('expected approval')
    const again = applyStrategicApproval(verdict.classification, byOffice)
    expect(again.status).toBe('refused')
    if (again.status === 'refused') expect(again.refusals.map((r) => r.code)).toEqual([TieringReasonCode.ALREADY_STRATEGIC])
  })

  it('property: strategic only ever comes out of an approval by the general-manager office of a proposal', () => {
    fc.assert(
      fc.property(customerFiguresArb, fc.constantFrom(GENERAL_MANAGER_OFFICE, 'sales-manager', 'general-manager', 'customer-director'), (figures, role) => {
        const classification = classifyCustomer(figures)
        const verdict = applyStrategicApproval(classification, { approvedBy: { role }, approvedAt: new Date(0) })
        const shouldApprove = role === GENERAL_MANAGER_OFFICE && classification.proposedStrategic
        expect(verdict.status).toBe(shouldApprove ? 'approved' : 'refused')
        expect(verdict.classification.tier === 'strategic').toBe(shouldApprove)
        if (verdict.status === 'refused') expect(verdict.refusals.length).toBeGreaterThan(0)
      }),
    )
  })

  it.each([
    [{ ...byOffice, approvedBy: { role: '' } }, 'approval.approvedBy.role'],
    [{ ...byOffice, approvedBy: undefined }, 'approval.approvedBy'],
    [{ ...byOffice, approvedBy: { role: GENERAL_MANAGER_OFFICE, name: 7 } }, 'approval.approvedBy.name'],
    [{ ...byOffice, approvedAt: '2026-05-06T10:00:00' }, 'approval.approvedAt'],
    [{ ...byOffice, approvedAt: new Date(Number.NaN) }, 'approval.approvedAt'],
    [{ ...byOffice, reference: 42 }, 'approval.reference'],
    [null, 'approval'],
  ])('a malformed approval throws TIERING.INVALID_APPROVAL at %#', (approval, field) => {
    expect(() => applyStrategicApproval(proposed, approval as unknown as StrategicApproval)).toThrow(
      expect.objectContaining({ code: 'TIERING.INVALID_APPROVAL', field }),
    )
  })

  it.each([
    [null, 'classification'],
    [{ ...proposed, tier: 'vip' }, 'classification.tier'],
    [{ ...proposed, proposedStrategic: 'yes' }, 'classification.proposedStrategic'],
    [{ ...proposed, grade: 'D' }, 'classification.grade'],
    [{ ...proposed, reasons: undefined }, 'classification.reasons'],
  ])('a malformed classification throws TIERING.INVALID_CLASSIFICATION at %#', (classification, field) => {
    expect(() => applyStrategicApproval(classification as unknown as CustomerClassification, byOffice)).toThrow(
      expect.objectContaining({ code: 'TIERING.INVALID_CLASSIFICATION', field }),
    )
  })
})
