import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { calendarOptionsArb, civilDayArb, instantArb, minuteOracle } from '../../test/arbitraries/calendarArb.js'
import { KehuError } from '../errors.js'
import {
  addCalendarDays,
  addWorkingDays,
  addWorkingHours,
  addWorkingMilliseconds,
  calendarDaysDeadline,
  CHINA_HOLIDAY_SCHEDULES,
  createWorkingCalendar,
  formatShanghaiInstant,
  isWorkingDay,
  isWorkingTime,
  nextWorkingInstant,
  shanghaiInstant,
  startOfNextShanghaiDay,
  toShanghaiDay,
  workingDaysDeadline,
  workingHoursBetween,
} from './index.js'
import { thrown } from '../../test/thrown.js'


const calendar = createWorkingCalendar()
const show = (instant: Date): string => formatShanghaiInstant(instant).slice(0, 16)

describe('R-CAL-4 addWorkingDays — worked examples', () => {
  test.each([
    ['2025-09-30', 1, '2025-10-09'], // National Day break 10-01…10-08
    ['2025-09-30', 3, '2025-10-11'], // 10-09, 10-10, 10-11 (Saturday make-up day)
    ['2025-09-27', 1, '2025-09-28'], // Saturday → Sunday make-up day
    ['2025-10-03', 1, '2025-10-09'], // X is a holiday: still never counts
    ['2025-12-31', 1, '2026-01-04'], // across the year to the Sunday make-up day
    ['2025-10-09', -1, '2025-09-30'],
    ['2026-01-04', -1, '2025-12-31'],
    ['2025-10-05', 0, '2025-10-05'],
  ] as const)('R-CAL-4 %s + %i working days = %s', (day, n, expected) => {
    expect(addWorkingDays(calendar, day, n)).toBe(expected)
  })
})

describe('R-CAL-4 workingDaysDeadline — the end of the N-th working day after X (exclusive end: next day 00:00 +08:00)', () => {
  test('R-CAL-4 a complaint on 2025-09-30, "within 2 working days": 10-09 and 10-10 count, due before 10-11 00:00', () => {
    const deadline = workingDaysDeadline(calendar, '2025-09-30', 2)
    expect(show(deadline)).toBe('2025-10-11T00:00')
    expect(deadline.getTime()).toBe(startOfNextShanghaiDay('2025-10-10').getTime())
  })

  test('R-CAL-4 an instant uses its Shanghai day: 2025-09-30 23:30 +08:00 is 15:30 UTC, still 09-30', () => {
    const late = new Date('2025-09-30T15:30:00Z')
    expect(show(workingDaysDeadline(calendar, late, 1))).toBe('2025-10-10T00:00')
    const afterMidnight = new Date('2025-09-30T16:30:00Z') // 10-01 00:30 in Shanghai
    expect(show(workingDaysDeadline(calendar, afterMidnight, 1))).toBe('2025-10-10T00:00')
    expect(show(workingDaysDeadline(calendar, '2025-09-30', 0))).toBe('2025-10-01T00:00')
  })

  test('R-CAL-4 "within 1 week" is a calendar period, holidays included', () => {
    expect(show(calendarDaysDeadline('2025-09-30', 7))).toBe('2025-10-08T00:00')
    expect(show(calendarDaysDeadline(new Date('2025-09-30T15:30:00Z'), 7))).toBe('2025-10-08T00:00')
  })

  test.prop([civilDayArb('2020-01-01', '2026-10-31'), fc.integer({ min: 0, max: 30 })])(
    'R-CAL-4 calendarDaysDeadline is the start of day X + n + 1',
    (day, n) => {
      expect(calendarDaysDeadline(day, n).getTime()).toBe(startOfNextShanghaiDay(addCalendarDays(day, n)).getTime())
    },
  )
})

const calendarWithOracle = calendarOptionsArb().map((options) => ({
  calendar: createWorkingCalendar(options),
  oracle: minuteOracle({ ...options, schedules: CHINA_HOLIDAY_SCHEDULES }),
  [fc.toStringMethod]: () => `calendar options ${JSON.stringify(options)}`,
}))

describe('R-CAL-4 properties', () => {
  test.prop([calendarWithOracle, civilDayArb('2020-01-01', '2026-12-31')], { numRuns: 300 })(
    'R-CAL-1 isWorkingDay equals the oracle',
    ({ calendar: cal, oracle }, day) => {
      expect(isWorkingDay(cal, day)).toBe(oracle.isWorkingDay(day))
    },
  )

  test.prop([calendarWithOracle, civilDayArb('2020-01-01', '2026-10-31'), fc.integer({ min: 1, max: 25 })], { numRuns: 200 })(
    'R-CAL-4 the n-th working day after X is a working day, after X, with exactly n working days in (X, result]',
    ({ calendar: cal, oracle }, day, n) => {
      const result = addWorkingDays(cal, day, n)
      expect(result > day).toBe(true)
      expect(oracle.isWorkingDay(result)).toBe(true)
      let count = 0
      for (let current = addCalendarDays(day, 1); current <= result; current = addCalendarDays(current, 1)) {
        if (oracle.isWorkingDay(current)) count += 1
      }
      expect(count).toBe(n)
    },
  )

  test.prop([calendarWithOracle, civilDayArb('2020-03-01', '2026-10-31'), fc.integer({ min: 1, max: 25 })], { numRuns: 200 })(
    'R-CAL-4 counting back from the n-th working day after a working day X returns X',
    ({ calendar: cal }, day, n) => {
      fc.pre(isWorkingDay(cal, day))
      expect(addWorkingDays(cal, addWorkingDays(cal, day, n), -n)).toBe(day)
    },
  )

  test.prop([civilDayArb('2020-01-01', '2026-10-31'), fc.integer({ min: 0, max: 20 })])(
    'R-CAL-4 the deadline is the end of the Shanghai day of addWorkingDays',
    (day, n) => {
      const deadline = workingDaysDeadline(calendar, day, n)
      expect(toShanghaiDay(new Date(deadline.getTime() - 1))).toBe(addWorkingDays(calendar, day, n))
      expect(deadline.getTime()).toBe(startOfNextShanghaiDay(addWorkingDays(calendar, day, n)).getTime())
    },
  )

  test.prop([instantArb('2020-01-01', '2026-10-31'), fc.integer({ min: 0, max: 20 })])(
    'R-CAL-4 an instant and its Shanghai day give the same deadline',
    (instant, n) => {
      expect(workingDaysDeadline(calendar, instant, n).getTime()).toBe(workingDaysDeadline(calendar, toShanghaiDay(instant), n).getTime())
    },
  )
})

describe('typed errors for broken preconditions', () => {
  const start = shanghaiInstant('2025-09-30', '10:00')
  test.each<[string, () => unknown, string, string]>([
    ['an invalid Date', () => addWorkingHours(calendar, new Date('not a date'), 1), 'CALENDAR.INVALID_INSTANT', 'start'],
    ['a non-Date start', () => addWorkingHours(calendar, '2025-09-30T10:00+08:00' as unknown as Date, 1), 'CALENDAR.INVALID_INSTANT', 'start'],
    ['a Date before 1992', () => addWorkingHours(calendar, new Date('1985-01-01T00:00:00Z'), 1), 'CALENDAR.OUT_OF_RANGE', 'start'],
    ['negative hours', () => addWorkingHours(calendar, start, -1), 'CALENDAR.INVALID_DURATION', 'hours'],
    ['NaN hours', () => addWorkingHours(calendar, start, Number.NaN), 'CALENDAR.INVALID_DURATION', 'hours'],
    ['infinite hours', () => addWorkingHours(calendar, start, Number.POSITIVE_INFINITY), 'CALENDAR.INVALID_DURATION', 'hours'],
    ['hours as text', () => addWorkingHours(calendar, start, '2' as unknown as number), 'CALENDAR.INVALID_DURATION', 'hours'],
    ['fractional milliseconds', () => addWorkingMilliseconds(calendar, start, 1.5), 'CALENDAR.INVALID_DURATION', 'milliseconds'],
    ['hours beyond 9999', () => addWorkingHours(calendar, start, 1e12), 'CALENDAR.OUT_OF_RANGE', 'result'],
    ['an invalid later', () => workingHoursBetween(calendar, new Date(Number.NaN), start), 'CALENDAR.INVALID_INSTANT', 'later'],
    ['an invalid earlier', () => workingHoursBetween(calendar, start, new Date(Number.NaN)), 'CALENDAR.INVALID_INSTANT', 'earlier'],
    ['an invalid instant', () => isWorkingTime(calendar, new Date(Number.NaN)), 'CALENDAR.INVALID_INSTANT', 'instant'],
    ['an invalid instant (next)', () => nextWorkingInstant(calendar, new Date(Number.NaN)), 'CALENDAR.INVALID_INSTANT', 'instant'],
    ['a malformed day', () => isWorkingDay(calendar, '2025-9-30'), 'CALENDAR.INVALID_DAY', 'day'],
    ['a malformed day (add)', () => addWorkingDays(calendar, '2025-02-29', 1), 'CALENDAR.INVALID_DAY', 'day'],
    ['a fractional day count', () => addWorkingDays(calendar, '2025-09-30', 1.5), 'CALENDAR.INVALID_COUNT', 'n'],
    ['a huge day count', () => addWorkingDays(calendar, '2025-09-30', 1e9), 'CALENDAR.OUT_OF_RANGE', 'n'],
    ['a negative deadline count', () => workingDaysDeadline(calendar, '2025-09-30', -1), 'CALENDAR.INVALID_COUNT', 'n'],
    ['a malformed deadline day', () => workingDaysDeadline(calendar, '30/09/2025', 1), 'CALENDAR.INVALID_DAY', 'from'],
    ['an invalid deadline instant', () => workingDaysDeadline(calendar, new Date(Number.NaN), 1), 'CALENDAR.INVALID_INSTANT', 'from'],
    ['a calendar period past 9999', () => calendarDaysDeadline('9999-12-31', 1), 'CALENDAR.OUT_OF_RANGE', 'result'],
  ])('%s → %s on %s', (_, run, code, field) => {
    expect(thrown(run)).toMatchObject({ code, field })
  })
})
