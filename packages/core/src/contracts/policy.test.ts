import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { PolicyValidationError } from '../errors.js'
import { defaultContractChain } from './approvalChain.js'
import { createContractPolicy, defaultContractPolicy } from './policy.js'

describe('R-CON-1..3 contracts policy', () => {
  it('has the regulation defaults', () => {
    expect(defaultContractPolicy).toEqual({
      approvalThreshold: '4000.00',
      thresholdComparison: 'atLeast',
      accumulationWindow: 'calendarYear',
      reminderDaysBeforeDue: 3,
      arrearsReplyWorkingDays: 2,
      lateDeliveryCalendarDays: 7,
    })
    expect(Object.isFrozen(defaultContractPolicy)).toBe(true)
    expect(createContractPolicy()).toEqual(defaultContractPolicy)
  })

  it('merges and normalises overrides', () => {
    const policy = createContractPolicy({ approvalThreshold: '10000', accumulationWindow: 'rolling12Months', thresholdComparison: 'above' })
    expect(policy.approvalThreshold).toBe('10000.00')
    expect(policy.accumulationWindow).toBe('rolling12Months')
    expect(policy.thresholdComparison).toBe('above')
    expect(Object.isFrozen(policy)).toBe(true)
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy)
  })

  it.each([
    [{ approvalThreshold: '-1' }, 'contracts.approvalThreshold'],
    [{ approvalThreshold: '4000.001' }, 'contracts.approvalThreshold'],
    [{ approvalThreshold: 'abc' }, 'contracts.approvalThreshold'],
    [{ thresholdComparison: 'over' }, 'contracts.thresholdComparison'],
    [{ accumulationWindow: 'quarter' }, 'contracts.accumulationWindow'],
    [{ reminderDaysBeforeDue: -1 }, 'contracts.reminderDaysBeforeDue'],
    [{ reminderDaysBeforeDue: 2.5 }, 'contracts.reminderDaysBeforeDue'],
    [{ arrearsReplyWorkingDays: 400 }, 'contracts.arrearsReplyWorkingDays'],
    [{ lateDeliveryCalendarDays: '7' }, 'contracts.lateDeliveryCalendarDays'],
    [{ reminderDays: 3 }, 'contracts.reminderDays'],
  ])('refuses %j naming %s', (overrides, field) => {
    const error = thrown(() => createContractPolicy(overrides), PolicyValidationError)
    expect(error.code).toBe('POLICY.INVALID_FIELD')
    expect(error.field).toBe(field)
  })

  it('refuses a non-object', () => {
    expect(thrown(() => createContractPolicy([]), PolicyValidationError).field).toBe('contracts')
  })
})

describe('R-CON-1 default contract approval chain', () => {
  it('is manager → finance → general manager, one signature each', () => {
    expect(defaultContractChain.ruleId).toBe('R-CON-1')
    expect(defaultContractChain.steps.map((step) => [step.id, step.mode, step.approvers])).toEqual([
      ['manager', 'any', [{ kind: 'role', role: 'manager' }]],
      ['finance', 'any', [{ kind: 'role', role: 'finance' }]],
      ['generalManager', 'any', [{ kind: 'role', role: 'generalManager' }]],
    ])
    expect(JSON.parse(JSON.stringify(defaultContractChain))).toEqual(defaultContractChain)
  })
})
