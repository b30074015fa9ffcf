import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { instantText } from './instantText.js'

// The DateTime scalar writes instants with instantText: it must write exactly what toISOString does.
describe('instantText', () => {
  it('writes an instant as ISO-8601 UTC with milliseconds', () => {
    expect(instantText(new Date(Date.UTC(2026, 2, 2, 2, 0, 0, 0)))).toBe('2026-03-02T02:00:00.000Z')
    expect(instantText(new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)))).toBe('1999-12-31T23:59:59.999Z')
    expect(instantText(new Date(Date.UTC(2024, 1, 29, 8, 5, 9, 7)))).toBe('2024-02-29T08:05:09.007Z')
  })

  it('writes years outside 1000–9999 as toISOString does, and refuses an invalid date as it does', () => {
    for (const ms of [-8.64e15, 8.64e15, Date.UTC(999, 0, 1), Date.UTC(10000, 0, 1), Date.UTC(-1, 5, 1), Date.UTC(0, 0, 1) - 1]) {
      const date = new Date(ms)
      expect(instantText(date)).toBe(date.toISOString())
    }
    expect(() => instantText(new Date(Number.NaN))).toThrow(RangeError)
  })

  test.prop([fc.date({ noInvalidDate: true })])('agrees with toISOString on every valid date', (date) => {
    expect(instantText(date)).toBe(date.toISOString())
  })

  test.prop([fc.date({ min: new Date('1000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })])('agrees with toISOString on four-digit years', (date) => {
    expect(instantText(date)).toBe(date.toISOString())
  })
})
