import { describe, expect, it } from 'vitest'

import { Decimal } from '../money/decimal.js'
import { kpiRate, ratioToPercent, undefinedReason } from './rate.js'

const reason = undefinedReason('KPI.TEST', 'R-KPI-1', '测试', 'test')

describe('R-KPI rates: defined ratio or undefined with a reason', () => {
  it('a zero denominator is undefined, never NaN or Infinity', () => {
    expect(kpiRate(new Decimal(5), new Decimal(0), reason)).toEqual({ status: 'undefined', reason })
    expect(kpiRate(new Decimal(0), new Decimal(0), reason).status).toBe('undefined')
  })

  it('a defined rate carries the exact ratio and a 2-decimal percent, half-up', () => {
    const rate = kpiRate(new Decimal('700000'), new Decimal('800000'), reason)
    expect(rate.status === 'defined' && rate.ratio.toString()).toBe('0.875')
    expect(rate.status === 'defined' && rate.percent).toBe('87.50')
    expect(ratioToPercent(new Decimal('0.123449'))).toBe('12.34')
    expect(ratioToPercent(new Decimal('0.12345'))).toBe('12.35')
    expect(ratioToPercent(new Decimal('1.5'))).toBe('150.00')
  })
})
