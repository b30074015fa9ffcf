import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { civilDayArb } from '../../test/arbitraries/calendarArb.js'
import { KehuError } from '../errors.js'
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  dayOfWeek,
  daysInMonth,
  isCivilDay,
  monthsBefore,
  parseCivilDay,
} from './index.js'
import { thrown } from '../../test/thrown.js'


describe('civil days YYYY-MM-DD', () => {
  test.each(['2024-02-29', '2025-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (day) => {
    expect(isCivilDay(day)).toBe(true)
    expect(parseCivilDay(day)).toBe(day)
  })

  test.each(['2025-02-29', '2025-1-05', '2025-13-01', '2025-00-10', '2025-04-31', ' 2025-01-01', '2025-01-01T00:00', '20250101', '0000-01-01', '２０２５-01-01', '2025/01/01'])(
    'refuses %j with CALENDAR.INVALID_DAY naming the field',
    (day) => {
      expect(isCivilDay(day)).toBe(false)
      expect(thrown(() => parseCivilDay(day, 'visit.day'))).toMatchObject({ code: 'CALENDAR.INVALID_DAY', field: 'visit.day' })
    },
  )

  test('refuses non-strings', () => {
    expect(thrown(() => parseCivilDay(20250101))).toMatchObject({ code: 'CALENDAR.INVALID_DAY', field: 'day' })
  })

  test('day of week and month lengths', () => {
    expect(dayOfWeek('2025-09-28')).toBe(0)
    expect(dayOfWeek('2025-10-11')).toBe(6)
    expect(dayOfWeek('1970-01-01')).toBe(4)
    expect([2023, 2024, 1900, 2000].map((year) => daysInMonth(year, 2))).toEqual([28, 29, 28, 29])
  })

  test.prop([civilDayArb('1992-01-01', '2099-12-31')])('dayOfWeek agrees with Date#getUTCDay', (day) => {
    expect(dayOfWeek(day)).toBe(new Date(`${day}T00:00:00Z`).getUTCDay())
  })
})

describe('R-CAL-4 calendar periods', () => {
  test('"within 1 week" counts calendar days, across months and years', () => {
    expect(addCalendarDays('2025-12-29', 7)).toBe('2026-01-05')
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(calendarDaysBetween('2025-10-09', '2025-09-30')).toBe(9)
  })

  test.prop([civilDayArb('1992-01-01', '2099-12-31'), fc.integer({ min: -20_000, max: 20_000 })])(
    'addCalendarDays then calendarDaysBetween gives back n; Date.UTC agrees',
    (day, n) => {
      const result = addCalendarDays(day, n)
      expect(calendarDaysBetween(result, day)).toBe(n)
      expect(result).toBe(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10))
    },
  )

  test.each([
    ['2025-03-31', '2025-02-28'],
    ['2024-03-31', '2024-02-29'],
    ['2025-07-31', '2025-06-30'],
    ['2025-03-15', '2025-02-15'],
    ['2025-01-31', '2024-12-31'],
    ['2025-05-31', '2025-04-30'],
  ])('R-CAL-4 one month before %s is %s (the 31st of a shorter month clamps)', (day, expected) => {
    expect(monthsBefore(day, 1)).toBe(expected)
    expect(monthsBefore(day)).toBe(expected)
  })

  test('addMonths forwards clamps too; monthsBefore(day, n) = addMonths(day, -n)', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28')
    expect(monthsBefore('2025-03-15', 2)).toBe('2025-01-15')
    expect(monthsBefore('2025-03-15', -2)).toBe('2025-05-15')
  })

  test.prop([civilDayArb('1992-01-01', '2099-12-31'), fc.integer({ min: -240, max: 240 })])(
    'R-CAL-4 a month shift keeps the day of month, or lands on the last day of a shorter month',
    (day, n) => {
      const result = addMonths(day, n)
      const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number]
      const [resultYear, resultMonth, resultDay] = result.split('-').map(Number) as [number, number, number]
      expect(resultYear * 12 + resultMonth - (year * 12 + month)).toBe(n)
      expect(resultDay).toBe(Math.min(dayOfMonth, daysInMonth(resultYear, resultMonth)))
    },
  )

  test('errors name the field: bad day, non-integer count, out of range', () => {
    expect(thrown(() => addCalendarDays('2025-02-30', 1))).toMatchObject({ code: 'CALENDAR.INVALID_DAY', field: 'day' })
    expect(thrown(() => addCalendarDays('2025-02-03', 1.5))).toMatchObject({ code: 'CALENDAR.INVALID_COUNT', field: 'n' })
    expect(thrown(() => monthsBefore('2025-02-03', Number.NaN))).toMatchObject({ code: 'CALENDAR.INVALID_COUNT', field: 'n' })
    expect(thrown(() => addCalendarDays('9999-12-31', 1))).toMatchObject({ code: 'CALENDAR.OUT_OF_RANGE', field: 'result' })
    expect(thrown(() => addMonths('9999-12-31', 1))).toMatchObject({ code: 'CALENDAR.OUT_OF_RANGE', field: 'result' })
    expect(thrown(() => calendarDaysBetween('2025-01-01', '2025-1-1'))).toMatchObject({ code: 'CALENDAR.INVALID_DAY', field: 'earlierDay' })
  })
})
