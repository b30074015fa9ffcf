import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import {
  calendarOptionsArb,
  durationMsArb,
  instantArb,
  minuteOracle,
  shanghaiMs,
} from '../../test/arbitraries/calendarArb.js'
import {
  addWorkingHours,
  addWorkingMilliseconds,
  CHINA_HOLIDAY_SCHEDULES,
  createWorkingCalendar,
  formatShanghaiInstant,
  isWorkingTime,
  nextWorkingInstant,
  shanghaiInstant,
  workingHoursBetween,
  workingMillisecondsBetween,
} from './index.js'

const calendar = createWorkingCalendar()
const at = (day: string, time: string): Date => shanghaiInstant(day, time)
const show = (instant: Date): string => formatShanghaiInstant(instant).slice(0, 16)

describe('R-CAL-3 addWorkingHours — worked examples (2025 schedule: 10-01…10-08 off, 09-28 and 10-11 working)', () => {
  test.each([
    // start, hours, expected deadline
    ['2025-09-30', '17:00', 6, '2025-10-09T15:00'], // 1 h on 09-30, 10-01…10-08 off, 5 h on 10-09
    ['2025-09-30', '17:00', 1, '2025-09-30T18:00'], // ends exactly at a window end: that end
    ['2025-09-30', '17:30', 1, '2025-10-09T09:30'],
    ['2025-09-26', '17:00', 2, '2025-09-28T10:00'], // Friday → Sunday 09-28 is a make-up working day
    ['2025-10-10', '17:00', 2, '2025-10-11T10:00'], // Friday → Saturday 10-11 is a make-up working day
    ['2025-10-09', '09:00', 3, '2025-10-09T12:00'], // window end, not 13:00
    ['2025-10-09', '11:30', 1, '2025-10-09T13:30'], // clock stops over lunch
    ['2025-10-09', '12:15', 1, '2025-10-09T14:00'], // starts at 13:00 (R-CAL-3)
    ['2025-10-09', '07:00', 0.5, '2025-10-09T09:30'],
    ['2025-10-09', '20:00', 8, '2025-10-10T18:00'],
    ['2025-10-09', '09:00', 24, '2025-10-11T18:00'], // 3 whole working days: 10-09, 10-10, 10-11 (Saturday make-up)
    ['2025-12-31', '17:00', 2, '2026-01-04T10:00'], // crosses the year: 2026-01-01…03 off, 01-04 (Sunday) working
    ['2025-09-30', '12:30', 0, '2025-09-30T13:00'], // 0 h outside windows: the next window's start
    ['2025-09-30', '10:00', 0, '2025-09-30T10:00'], // 0 h inside a window: the start itself
  ] as const)('R-CAL-3 %s %s + %s h → %s', (day, time, hours, expected) => {
    expect(show(addWorkingHours(calendar, at(day, time), hours))).toBe(expected)
  })

  test('R-CAL-3 results are exact to the millisecond; fractional hours round to the nearest ms', () => {
    const start = at('2025-10-09', '11:59:59.500')
    expect(formatShanghaiInstant(addWorkingMilliseconds(calendar, start, 1_000))).toBe('2025-10-09T13:00:00.500+08:00')
    expect(formatShanghaiInstant(addWorkingHours(calendar, at('2025-10-09', '09:00'), 1 / 3))).toBe('2025-10-09T09:20:00.000+08:00')
    expect(formatShanghaiInstant(addWorkingHours(calendar, at('2025-10-09', '09:00'), 0.0000004))).toBe('2025-10-09T09:00:00.001+08:00')
  })

  test('returns a new Date; the input is not changed', () => {
    const start = at('2025-10-09', '10:00')
    const before = start.getTime()
    const result = addWorkingHours(calendar, start, 0)
    expect(result).not.toBe(start)
    expect(result.getTime()).toBe(before)
    expect(start.getTime()).toBe(before)
  })
})

describe('R-CAL-3 nextWorkingInstant and isWorkingTime — worked examples', () => {
  test.each([
    ['2025-09-30', '18:30', '2025-10-09T09:00'],
    ['2025-09-30', '12:00', '2025-09-30T13:00'],
    ['2025-09-30', '11:59', '2025-09-30T11:59'],
    ['2025-09-27', '10:00', '2025-09-28T09:00'], // Saturday → Sunday make-up day
    ['2025-09-30', '00:00', '2025-09-30T09:00'],
  ] as const)('R-CAL-3 from %s %s the clock starts at %s', (day, time, expected) => {
    expect(show(nextWorkingInstant(calendar, at(day, time)))).toBe(expected)
  })

  test('R-CAL-1 windows are half-open: 09:00 and 11:59:59.999 are working time, 12:00 and 18:00 are not', () => {
    expect(isWorkingTime(calendar, at('2025-09-30', '09:00'))).toBe(true)
    expect(isWorkingTime(calendar, at('2025-09-30', '11:59:59.999'))).toBe(true)
    expect(isWorkingTime(calendar, at('2025-09-30', '12:00'))).toBe(false)
    expect(isWorkingTime(calendar, at('2025-09-30', '08:59:59.999'))).toBe(false)
    expect(isWorkingTime(calendar, at('2025-09-30', '18:00'))).toBe(false)
    expect(isWorkingTime(calendar, at('2025-10-02', '10:00'))).toBe(false)
    expect(isWorkingTime(calendar, at('2025-09-28', '10:00'))).toBe(true)
  })
})

describe('R-CAL-5 workingHoursBetween — worked examples', () => {
  test.each([
    ['2025-10-09', '15:00', '2025-09-30', '17:00', 6],
    ['2025-09-30', '12:30', '2025-09-30', '11:30', 0.5],
    ['2025-09-30', '18:00', '2025-09-30', '09:00', 8],
    ['2025-10-08', '23:00', '2025-10-01', '00:00', 0],
    ['2025-09-30', '09:00', '2025-10-09', '10:00', -9], // (later, earlier) reversed: negative
    // 2025 has 248 working days (261 weekdays − 18 on holidays + 5 make-up days); plus 2026-01-04.
    ['2026-01-05', '09:00', '2024-12-31', '18:00', 249 * 8],
  ] as const)('R-CAL-5 between %s %s and %s %s = %s h', (laterDay, laterTime, earlierDay, earlierTime, hours) => {
    expect(workingHoursBetween(calendar, at(laterDay, laterTime), at(earlierDay, earlierTime))).toBe(hours)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties against the independent minute-stepping oracle (test/arbitraries/calendarArb.ts).

const defaultOracle = minuteOracle({ schedules: CHINA_HOLIDAY_SCHEDULES })

const calendarWithOracle = calendarOptionsArb().map((options) => ({
  options,
  calendar: createWorkingCalendar(options),
  oracle: minuteOracle({ ...options, schedules: CHINA_HOLIDAY_SCHEDULES }),
  // Counterexamples print just the options.
  [fc.toStringMethod]: () => `calendar options ${JSON.stringify(options)}`,
}))

describe('R-CAL-3 agreement with a minute-stepping oracle', () => {
  test.prop([instantArb(), durationMsArb(40)], { numRuns: 300 })(
    'R-CAL-3 addWorkingMilliseconds equals the oracle (default calendar)',
    (start, duration) => {
      expect(addWorkingMilliseconds(calendar, start, duration).getTime()).toBe(defaultOracle.addWorkingMs(start.getTime(), duration))
    },
  )

  test.prop([calendarWithOracle, instantArb('2020-01-01', '2026-06-01'), durationMsArb(8)], { numRuns: 200 })(
    'R-CAL-1/R-CAL-3 addWorkingMilliseconds equals the oracle for random windows, weekends and overrides',
    ({ calendar: cal, oracle }, start, duration) => {
      expect(addWorkingMilliseconds(cal, start, duration).getTime()).toBe(oracle.addWorkingMs(start.getTime(), duration))
    },
  )

  test.prop([calendarWithOracle, instantArb()], { numRuns: 300 })(
    'R-CAL-3 nextWorkingInstant and isWorkingTime equal the oracle',
    ({ calendar: cal, oracle }, instant) => {
      expect(isWorkingTime(cal, instant)).toBe(oracle.isWorkingTime(instant.getTime()))
      expect(nextWorkingInstant(cal, instant).getTime()).toBe(oracle.nextWorkingInstant(instant.getTime()))
    },
  )

  test.prop([calendarWithOracle, instantArb(), fc.integer({ min: -20 * 86_400_000, max: 20 * 86_400_000 })], { numRuns: 150 })(
    'R-CAL-5 workingMillisecondsBetween equals the oracle (either order)',
    ({ calendar: cal, oracle }, earlier, span) => {
      const later = new Date(Math.min(earlier.getTime() + span, shanghaiMs('2026-12-31', '23:59')))
      expect(workingMillisecondsBetween(cal, later, earlier)).toBe(oracle.workingMsBetween(later.getTime(), earlier.getTime()))
    },
  )
})

describe('R-CAL-5 round trip and monotonicity', () => {
  test.prop([calendarWithOracle, instantArb('2020-01-01', '2025-06-01'), fc.integer({ min: 0, max: 400 * 3_600_000 })], { numRuns: 300 })(
    'R-CAL-5 adding h and measuring gives back exactly h (h a whole number of ms)',
    ({ calendar: cal }, start, drawn) => {
      // A random calendar may work only minutes a day; keep the result inside its data (≤ 2026).
      const available = workingMillisecondsBetween(cal, new Date(shanghaiMs('2026-12-31', '23:59')), start)
      const ms = drawn % (available + 1)
      const hours = ms / 3_600_000
      expect(workingHoursBetween(cal, addWorkingHours(cal, start, hours), start)).toBe(hours)
      expect(workingMillisecondsBetween(cal, addWorkingMilliseconds(cal, start, ms), start)).toBe(ms)
    },
  )

  test.prop([instantArb('2020-01-01', '2025-06-01'), fc.double({ min: 0, max: 400, noNaN: true })])(
    'R-CAL-5 for any real h ≥ 0 the round trip is within half a millisecond of h',
    (start, hours) => {
      const back = workingHoursBetween(calendar, addWorkingHours(calendar, start, hours), start)
      expect(Math.abs(back - hours)).toBeLessThanOrEqual(0.5 / 3_600_000 + Number.EPSILON * 400)
    },
  )

  test.prop([calendarWithOracle, instantArb('2020-01-01', '2025-06-01'), durationMsArb(200), durationMsArb(200)])(
    'R-CAL-3 more hours never give an earlier deadline; a later start never gives an earlier deadline',
    ({ calendar: cal }, start, a, b) => {
      const [small, large] = a <= b ? [a, b] : [b, a]
      expect(addWorkingMilliseconds(cal, start, small).getTime()).toBeLessThanOrEqual(addWorkingMilliseconds(cal, start, large).getTime())
      const laterStart = new Date(start.getTime() + a)
      expect(addWorkingMilliseconds(cal, start, b).getTime()).toBeLessThanOrEqual(addWorkingMilliseconds(cal, laterStart, b).getTime())
    },
  )

  test.prop([calendarWithOracle, instantArb('2020-01-01', '2025-06-01'), durationMsArb(100), fc.integer({ min: 1, max: 100 * 3_600_000 })])(
    'R-CAL-3 adding a then b (b > 0) is adding a + b',
    ({ calendar: cal }, start, a, b) => {
      const stepwise = addWorkingMilliseconds(cal, addWorkingMilliseconds(cal, start, a), b)
      expect(stepwise.getTime()).toBe(addWorkingMilliseconds(cal, start, a + b).getTime())
    },
  )

  test.prop([calendarWithOracle, instantArb('2020-01-01', '2025-06-01'), fc.integer({ min: 1, max: 100 * 3_600_000 })])(
    'R-CAL-3 a positive deadline is never before the clock starts and ends inside or at the end of a window',
    ({ calendar: cal }, start, ms) => {
      const deadline = addWorkingMilliseconds(cal, start, ms)
      expect(deadline.getTime()).toBeGreaterThan(nextWorkingInstant(cal, start).getTime())
      expect(isWorkingTime(cal, new Date(deadline.getTime() - 1))).toBe(true)
    },
  )
})
