import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { classifyCustomer } from './classifyCustomer.js'
import { demandGrade } from './demandGrade.js'
import { CUSTOMER_SCALES, NEED_URGENCIES } from './figures.js'
import { createTieringPolicy } from './policy.js'

describe('R-TIE-2 demand grade decision table', () => {
  it.each([
    ['large', 'urgent', true, 'A'],
    ['large', 'urgent', false, 'A'],
    ['medium', 'urgent', true, 'B'],
    ['sole-trader', 'urgent', false, 'B'],
    ['large', 'ordinary', true, 'B'],
    ['small', 'ordinary', true, 'B'],
    ['large', 'ordinary', false, 'C'],
    ['large', 'latent', true, 'C'],
    ['small', 'latent', false, 'C'],
  ] as const)('%s + %s + intention %s → %s', (scale, urgency, hasIntention, grade) => {
    const result = demandGrade({ scale, urgency, hasIntention })
    expect(result.grade).toBe(grade)
    expect(result.reason.ruleId).toBe('R-TIE-2')
    expect(result.reason.code).toBe(`TIERING.GRADE_${grade}`)
  })

  it('a policy may count medium scale as large for grade A', () => {
    const policy = createTieringPolicy({ gradeAScales: ['large', 'medium'] })
    expect(demandGrade({ scale: 'medium', urgency: 'urgent', hasIntention: true }, policy).grade).toBe('A')
    expect(classifyCustomer({ annualVolume: 0, scale: 'medium', urgency: 'urgent', hasIntention: true, hasBusinessHistory: false }, policy).grade).toBe('A')
  })

  it('total and monotone: a more urgent need never gives a lower grade', () => {
    const order = { A: 2, B: 1, C: 0 } as const
    fc.assert(
      fc.property(fc.constantFrom(...CUSTOMER_SCALES), fc.boolean(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (scale, hasIntention, i, j) => {
        const [more, less] = [NEED_URGENCIES[Math.min(i, j)], NEED_URGENCIES[Math.max(i, j)]]
        if (more === undefined || less === undefined) throw new Error('index')
        const high = demandGrade({ scale, urgency: more, hasIntention }).grade
        const low = demandGrade({ scale, urgency: less, hasIntention }).grade
        expect(order[high]).toBeGreaterThanOrEqual(order[low])
      }),
    )
  })
})
