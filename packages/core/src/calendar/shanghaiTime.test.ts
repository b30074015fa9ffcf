import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { civilDayArb } from '../../test/arbitraries/calendarArb.js'
import { KehuError } from '../errors.js'
import {
  formatShanghaiInstant,
  shanghaiInstant,
  startOfNextShanghaiDay,
  startOfShanghaiDay,
  toShanghaiDay,
} from './index.js'
import { thrown } from '../../test/thrown.js'


describe('Asia/Shanghai civil time (fixed +08:00, independent of the process time zone)', () => {
  test('toShanghaiDay uses +08:00, not the local zone', () => {
    expect(toShanghaiDay(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01')
    expect(toShanghaiDay(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30')
    expect(toShanghaiDay(new Date('2025-10-01T00:00:00+08:00'))).toBe('2025-10-01')
  })

  test('day boundaries and wall-clock instants', () => {
    expect(startOfShanghaiDay('2025-10-09').toISOString()).toBe('2025-10-08T16:00:00.000Z')
    expect(startOfNextShanghaiDay('2025-10-09').toISOString()).toBe('2025-10-09T16:00:00.000Z')
    expect(startOfNextShanghaiDay('2024-12-31').toISOString()).toBe('2024-12-31T16:00:00.000Z')
    expect(shanghaiInstant('2025-09-30', '17:00').toISOString()).toBe('2025-09-30T09:00:00.000Z')
    expect(shanghaiInstant('2025-09-30', '17:00:05.250').toISOString()).toBe('2025-09-30T09:00:05.250Z')
    expect(formatShanghaiInstant(new Date('2025-10-09T01:00:00Z'))).toBe('2025-10-09T09:00:00.000+08:00')
  })

  test.prop([civilDayArb('1992-01-01', '2099-12-31'), fc.integer({ min: 0, max: 86_399_999 })])(
    'every instant of a day maps back to that day; format round-trips through Date.parse',
    (day, offset) => {
      const instant = new Date(startOfShanghaiDay(day).getTime() + offset)
      expect(toShanghaiDay(instant)).toBe(day)
      expect(Date.parse(formatShanghaiInstant(instant))).toBe(instant.getTime())
      expect(startOfNextShanghaiDay(day).getTime() - startOfShanghaiDay(day).getTime()).toBe(86_400_000)
    },
  )

  test('typed errors: invalid Date, non-Date, bad time, before 1992', () => {
    expect(thrown(() => toShanghaiDay(new Date(Number.NaN)))).toMatchObject({ code: 'CALENDAR.INVALID_INSTANT', field: 'instant' })
    expect(thrown(() => toShanghaiDay('2025-01-01' as unknown as Date))).toMatchObject({ code: 'CALENDAR.INVALID_INSTANT', field: 'instant' })
    expect(thrown(() => shanghaiInstant('2025-01-01', '24:00'))).toMatchObject({ code: 'CALENDAR.INVALID_DAY', field: 'time' })
    expect(thrown(() => shanghaiInstant('2025-01-01', '9:00'))).toMatchObject({ code: 'CALENDAR.INVALID_DAY', field: 'time' })
    expect(thrown(() => startOfShanghaiDay('1991-12-31'))).toMatchObject({ code: 'CALENDAR.OUT_OF_RANGE', field: 'day' })
    expect(thrown(() => toShanghaiDay(new Date('1991-06-01T00:00:00Z')))).toMatchObject({ code: 'CALENDAR.OUT_OF_RANGE', field: 'instant' })
  })
})
