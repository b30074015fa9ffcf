import fc from 'fast-check'

import { SELECTION_CRITERIA, type SelectionAssessment, type SelectionCriterion } from '../../src/lifecycle/selectionCriteria.js'
import type { Staff } from '../../src/staff/staff.js'

/** The six selection criteria (R-LIF-3), all assessed and passed, with notes. */
export const allSelectionPassed: SelectionAssessment = Object.freeze({
  equipmentAndTechnology: { passed: true, note: '设备通过质量审核' },
  onTimeDelivery: { passed: true, note: '近一年准时交货率 98%' },
  financialStrength: { passed: true, note: '2025 年决算表：资产负债率 42%' },
  cooperativeAttitude: { passed: true, note: '愿意共建质量改进小组' },
  confidentiality: { passed: true, note: '已签保密协议' },
  costLevel: { passed: true, note: '报价在目标成本内' },
})

/** A selection assessment whose expected outcome is known: all passed, one criterion missing, or one failed. */
export const selectionArb: fc.Arbitrary<{ readonly selection: SelectionAssessment; readonly outcome: 'passed' | 'missing' | 'failed' }> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ selection: allSelectionPassed, outcome: 'passed' as const }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<SelectionCriterion>(...SELECTION_CRITERIA).map((left) => ({
      selection: Object.fromEntries(Object.entries(allSelectionPassed).filter(([key]) => key !== left)) as SelectionAssessment,
      outcome: 'missing' as const,
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<SelectionCriterion>(...SELECTION_CRITERIA).map((failing) => ({
      selection: { ...allSelectionPassed, [failing]: { passed: false, note: '不符合' } },
      outcome: 'failed' as const,
    })),
  },
)

/** Approvers of the default new-customer chain plus people who may not sign (a specialist, one who has left). */
export const NEW_CUSTOMER_SIGNERS: readonly Staff[] = Object.freeze([
  { id: 'customs-1', roles: ['customs'], active: true },
  { id: 'commerce-1', roles: ['commerce'], active: true },
  { id: 'finance-1', roles: ['finance'], active: true },
  { id: 'gm-1', roles: ['generalManager'], active: true },
  { id: 'specialist-1', roles: ['specialist'], active: true },
  { id: 'customs-left', roles: ['customs'], active: false },
])

/** Candidates for R-LIF-5: an active commerce member, one who has left, and a finance member. */
export const COMMERCE_CANDIDATES: readonly Staff[] = Object.freeze([
  { id: 'sun', roles: ['commerce'], active: true },
  { id: 'sun-left', roles: ['commerce'], active: false },
  { id: 'qian', roles: ['finance'], active: true },
])
