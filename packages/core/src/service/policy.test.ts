import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { PolicyValidationError } from '../errors.js'
import { createServicePolicy, defaultServicePolicy } from './policy.js'

describe('R-SVC-1..6 service policy', () => {
  it('has the regulation defaults', () => {
    expect(defaultServicePolicy).toEqual({
      dispatchWorkingHours: { urban: 6, suburban: 7 },
      atRiskWorkingHours: 1,
      coveragePrecedence: 'warrantyFirst',
      requireChargeBeforeClose: true,
      supervisorRole: 'serviceSupervisor',
      renewalNoticeMonthsBefore: 1,
    })
    expect(createServicePolicy()).toEqual(defaultServicePolicy)
    expect(Object.isFrozen(createServicePolicy().dispatchWorkingHours)).toBe(true)
  })

  it('merges zone hours one by one', () => {
    expect(createServicePolicy({ dispatchWorkingHours: { suburban: 8 } }).dispatchWorkingHours).toEqual({ urban: 6, suburban: 8 })
    expect(createServicePolicy({ dispatchWorkingHours: { urban: '4.5' } }).dispatchWorkingHours.urban).toBe(4.5)
  })

  it.each([
    [{ dispatchWorkingHours: { urban: 0 } }, 'service.dispatchWorkingHours.urban'],
    [{ dispatchWorkingHours: { suburban: -1 } }, 'service.dispatchWorkingHours.suburban'],
    [{ dispatchWorkingHours: { urban: '0.0000001' } }, 'service.dispatchWorkingHours.urban'],
    [{ dispatchWorkingHours: { rural: 9 } }, 'service.dispatchWorkingHours.rural'],
    [{ dispatchWorkingHours: 6 }, 'service.dispatchWorkingHours'],
    [{ atRiskWorkingHours: -0.5 }, 'service.atRiskWorkingHours'],
    [{ coveragePrecedence: 'cheapest' }, 'service.coveragePrecedence'],
    [{ requireChargeBeforeClose: 'yes' }, 'service.requireChargeBeforeClose'],
    [{ supervisorRole: 'boss' }, 'service.supervisorRole'],
    [{ renewalNoticeMonthsBefore: 1.5 }, 'service.renewalNoticeMonthsBefore'],
    [{ renewalNoticeMonths: 1 }, 'service.renewalNoticeMonths'],
  ])('refuses %j naming %s', (overrides, field) => {
    const error = thrown(() => createServicePolicy(overrides), PolicyValidationError)
    expect(error.code).toBe('POLICY.INVALID_FIELD')
    expect(error.field).toBe(field)
  })
})
