import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { serviceDayArb, serviceInstantArb } from '../../test/arbitraries/serviceArb.js'
import { thrown } from '../../test/thrown.js'
import { shanghaiInstant, toShanghaiDay } from '../calendar/shanghaiTime.js'
import { createServicePolicy } from './policy.js'
import { serviceType } from './serviceType.js'

const callAt = shanghaiInstant('2026-10-08', '10:00')

describe('R-SVC-1 service type A 有费 / B 合同 / C 免费', () => {
  it('decision table (default: warranty first)', () => {
    const contract = { from: '2026-01-01', to: '2026-12-31' }
    expect(serviceType({ warrantyUntil: '2026-12-31' }, callAt)).toMatchObject({ type: 'C', nameZh: '免费服务', reason: { code: 'SERVICE.UNDER_WARRANTY' } })
    expect(serviceType({ warrantyUntil: '2025-12-31', maintenanceContract: contract }, callAt)).toMatchObject({ type: 'B', nameZh: '合同服务' })
    expect(serviceType({ warrantyUntil: '2026-12-31', maintenanceContract: contract }, callAt)).toMatchObject({
      type: 'C',
      coveredBy: { warranty: true, contract: true },
    })
    expect(serviceType({}, callAt)).toMatchObject({ type: 'A', nameZh: '有费服务', reason: { code: 'SERVICE.NOT_COVERED' }, ruleId: 'R-SVC-1' })
    expect(serviceType({ warrantyUntil: '2026-12-31', maintenanceContract: contract }, callAt, createServicePolicy({ coveragePrecedence: 'contractFirst' })).type).toBe('B')
  })

  it('uses the Shanghai day of the call; the last day of warranty and contract are covered', () => {
    expect(serviceType({ warrantyUntil: '2026-10-08' }, shanghaiInstant('2026-10-08', '23:59')).type).toBe('C')
    expect(serviceType({ warrantyUntil: '2026-10-08' }, shanghaiInstant('2026-10-09', '00:00')).type).toBe('A')
    // 2026-10-08T16:30Z is 10-09 00:30 in Shanghai.
    expect(serviceType({ warrantyUntil: '2026-10-08' }, new Date('2026-10-08T16:30:00Z')).type).toBe('A')
    expect(serviceType({ maintenanceContract: { from: '2026-10-09', to: '2026-10-09' } }, shanghaiInstant('2026-10-09', '12:00')).type).toBe('B')
    expect(serviceType({ maintenanceContract: { from: '2026-10-09', to: '2026-10-09' } }, shanghaiInstant('2026-10-08', '12:00')).type).toBe('A')
  })

  it('property: total and consistent — C iff under warranty, B iff only under contract, A iff neither', () => {
    fc.assert(
      fc.property(
        fc.option(serviceDayArb, { nil: undefined }),
        fc.option(fc.tuple(serviceDayArb, serviceDayArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })), { nil: undefined }),
        serviceInstantArb,
        (warrantyUntil, maintenanceContract, at) => {
          const verdict = serviceType({ ...(warrantyUntil === undefined ? {} : { warrantyUntil }), ...(maintenanceContract === undefined ? {} : { maintenanceContract }) }, at)
          const day = toShanghaiDay(at)
          const warranty = warrantyUntil !== undefined && day <= warrantyUntil
          const contract = maintenanceContract !== undefined && maintenanceContract.from <= day && day <= maintenanceContract.to
          expect(verdict.coveredBy).toEqual({ warranty, contract })
          expect(verdict.type).toBe(warranty ? 'C' : contract ? 'B' : 'A')
        },
      ),
    )
  })

  it.each([
    [() => serviceType(null as never, callAt), 'SERVICE.INVALID_RECORD', 'coverage'],
    [() => serviceType({ warrantyUntil: '2026-2-1' }, callAt), 'SERVICE.INVALID_DAY', 'coverage.warrantyUntil'],
    [() => serviceType({ maintenanceContract: { from: '2026-05-01', to: '2026-04-30' } }, callAt), 'SERVICE.INVALID_PERIOD', 'coverage.maintenanceContract.to'],
    [() => serviceType({ maintenanceContract: { from: 'x', to: '2026-04-30' } }, callAt), 'SERVICE.INVALID_DAY', 'coverage.maintenanceContract.from'],
    [() => serviceType({}, new Date(Number.NaN)), 'SERVICE.INVALID_INSTANT', 'callAt'],
  ])('error path %#: %s at %s', (run, code, field) => {
    const error = thrown(run)
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
    expect(error.ruleId).toBe('R-SVC-1')
  })
})
