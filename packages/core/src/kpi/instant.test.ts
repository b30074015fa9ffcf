import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { nanosToDate, readInstant } from './instant.js'

describe('R-KPI instants (Date or ISO-8601 with an explicit offset)', () => {
  it('reads Z and offsets to the same instant', () => {
    const z = readInstant('2026-03-31T16:00:00Z', 'at')
    expect(readInstant('2026-04-01T00:00:00+08:00', 'at')).toBe(z)
    expect(readInstant('2026-03-31T11:00:00-05:00', 'at')).toBe(z)
    expect(readInstant(new Date('2026-03-31T16:00:00.000Z'), 'at')).toBe(z)
    expect(readInstant('2026-03-31T16:00Z', 'at')).toBe(z)
  })

  it('keeps fractions of a second exactly, to the nanosecond', () => {
    const whole = readInstant('2026-01-01T00:00:00Z', 'at')
    expect(readInstant('2026-01-01T00:00:00.5Z', 'at') - whole).toBe(500_000_000n)
    expect(readInstant('2026-01-01T00:00:00.000000001Z', 'at') - whole).toBe(1n)
  })

  it('agrees with Date for every millisecond instant (independent of the process time zone)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        expect(readInstant(date.toISOString(), 'at')).toBe(BigInt(date.getTime()) * 1_000_000n)
        expect(nanosToDate(readInstant(date, 'at')).getTime()).toBe(date.getTime())
      }),
    )
  })

  it('leap days exist only in leap years', () => {
    expect(() => readInstant('2024-02-29T00:00:00Z', 'at')).not.toThrow()
    expect(() => readInstant('2026-02-29T00:00:00Z', 'at')).toThrow(expect.objectContaining({ code: 'KPI.INVALID_INSTANT' }))
    expect(() => readInstant('1900-02-29T00:00:00Z', 'at')).toThrow(expect.objectContaining({ code: 'KPI.INVALID_INSTANT' }))
    expect(() => readInstant('2000-02-29T00:00:00Z', 'at')).not.toThrow()
  })

  it.each(['2026-04-01T00:00:00', '2026-04-01', '2026-04-01 09:30'])('refuses %s without an offset (KPI.INSTANT_WITHOUT_OFFSET)', (text) => {
    expect(() => readInstant(text, 'sales[0].at')).toThrow(expect.objectContaining({ code: 'KPI.INSTANT_WITHOUT_OFFSET', field: 'sales[0].at' }))
  })

  it.each([
    '2026-13-01T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-04-01T24:00:00Z',
    '2026-04-01T23:60:00Z',
    '2026-04-01T23:59:60Z',
    '2026-04-01T00:00:00+15:00',
    '2026-04-01T00:00:00+0800',
    '2026-04-01t00:00:00z',
    'yesterday',
    '',
  ])('refuses %j (KPI.INVALID_INSTANT)', (text) => {
    expect(() => readInstant(text, 'at')).toThrow(expect.objectContaining({ code: 'KPI.INVALID_INSTANT', field: 'at' }))
  })

  it('refuses an invalid Date, a number and null', () => {
    for (const value of [new Date(Number.NaN), 1_700_000_000_000, null]) {
      expect(() => readInstant(value, 'at')).toThrow(expect.objectContaining({ code: 'KPI.INVALID_INSTANT', field: 'at' }))
    }
  })
})
