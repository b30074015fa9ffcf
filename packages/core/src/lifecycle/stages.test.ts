import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { allSelectionPassed } from '../../test/arbitraries/lifecycleArb.js'
import { thrown } from '../../test/thrown.js'
import { reviewSelection, SELECTION_CRITERIA } from './selectionCriteria.js'
import { CUSTOMER_STAGES, isAllowedTransition, LIFECYCLE_TRANSITIONS } from './stages.js'

describe('R-LIF-1 stages and allowed transitions', () => {
  it('has the seven stages in order', () => {
    expect(CUSTOMER_STAGES).toEqual(['prospect', 'developing', 'pendingApproval', 'approved', 'signed', 'active', 'churned'])
  })

  it('allows exactly the forward moves, churn, win-back and rejection (decision table)', () => {
    const allowed = CUSTOMER_STAGES.flatMap((from) => CUSTOMER_STAGES.filter((to) => isAllowedTransition(from, to)).map((to) => `${from}>${to}`))
    expect(allowed.sort()).toEqual(
      [
        'prospect>developing',
        'developing>pendingApproval',
        'pendingApproval>approved',
        'approved>signed',
        'signed>active',
        'prospect>churned',
        'developing>churned',
        'pendingApproval>churned',
        'approved>churned',
        'signed>churned',
        'active>churned',
        'churned>developing',
        'pendingApproval>developing',
      ].sort(),
    )
    expect(LIFECYCLE_TRANSITIONS).toHaveLength(13)
  })

  it('property: no stage moves to itself, and forward moves go exactly one stage on', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CUSTOMER_STAGES), fc.constantFrom(...CUSTOMER_STAGES), (from, to) => {
        if (from === to) expect(isAllowedTransition(from, to)).toBe(false)
        const step = CUSTOMER_STAGES.indexOf(to) - CUSTOMER_STAGES.indexOf(from)
        if (step > 0 && to !== 'churned') expect(isAllowedTransition(from, to)).toBe(step === 1)
      }),
    )
  })
})

describe('R-LIF-3 selection criteria 新客户选择原则', () => {
  it('lists the six criteria and reviews an assessment', () => {
    expect(SELECTION_CRITERIA).toHaveLength(6)
    expect(reviewSelection(allSelectionPassed)).toEqual({ missing: [], failed: [], allPassed: true })
    expect(reviewSelection({ ...allSelectionPassed, costLevel: { passed: false, note: '报价高于同类 15%' } })).toEqual({ missing: [], failed: ['costLevel'], allPassed: false })
    expect(reviewSelection({}).missing).toEqual([...SELECTION_CRITERIA])
  })

  it('throws on a malformed assessment, naming the field', () => {
    expect(thrown(() => reviewSelection(null as never)).field).toBe('selection')
    expect(thrown(() => reviewSelection({ costLevel: 'ok' } as never)).field).toBe('selection.costLevel')
  })
})
