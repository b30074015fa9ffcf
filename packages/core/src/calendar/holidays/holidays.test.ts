import chineseDaysJson from 'chinese-days/dist/chinese-days.json'
import { describe, expect, test } from 'vitest'
import { createWorkingCalendar, isWorkingDay } from '../index.js'
import { parseHolidaySchedule } from '../holidaySchedule.js'
import { CHINA_HOLIDAY_SCHEDULES } from './index.js'

const calendar = createWorkingCalendar()
const chineseDaysData = chineseDaysJson as {
  holidays: Record<string, string | undefined>
  workdays: Record<string, string | undefined>
}

/** Every civil day of a year, built from UTC dates (independent of the process time zone). */
function daysOf(year: number): string[] {
  const days: string[] = []
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) {
    days.push(new Date(ms).toISOString().slice(0, 10))
  }
  return days
}

// chinese-days ships data for 2004–2026; for a year it lacks, it silently answers Monday–Friday.
const CHINESE_DAYS_YEARS = { first: 2004, last: 2026 }

/**
 * chinese-days' own functions read dates with the process's local-time getters, so under a
 * negative UTC offset (TZ=America/Los_Angeles) they answer about the wrong day. The suite runs
 * under several TZ values, so the oracle is the package's bundled day tables instead:
 * `workdays` (make-up working days, 调休上班日) and `holidays` (days off), keyed by
 * 'YYYY-MM-DD'. A day is a working day iff it is a listed workday, or a Monday–Friday that is not
 * a listed holiday — exactly the package's `isWorkday`, minus the time-zone handling.
 */
function chineseDaysIsWorkday(day: string): boolean {
  if (chineseDaysData.workdays[day] !== undefined) return true
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday >= 1 && weekday <= 5 && chineseDaysData.holidays[day] === undefined
}

describe('R-CAL-2 bundled China holiday schedules', () => {
  test('one schedule per year, consecutive, each naming its source notice', () => {
    const years = CHINA_HOLIDAY_SCHEDULES.map((schedule) => schedule.year)
    expect(years[0]).toBe(2015)
    expect(years).toEqual(Array.from({ length: years.length }, (_, index) => 2015 + index))
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026)
    for (const schedule of CHINA_HOLIDAY_SCHEDULES) {
      const [notice] = schedule.sources
      expect(notice?.title).toContain(`${schedule.year}年`)
      expect(notice?.documentNumber).toMatch(/^国(?:办)?发明电〔\d{4}〕\d+号$/)
      expect((notice?.publishedOn ?? '') < `${schedule.year}-12-31`).toBe(true)
    }
  })

  test('each bundled schedule passes validation and survives a JSON round trip', () => {
    for (const schedule of CHINA_HOLIDAY_SCHEDULES) {
      expect(parseHolidaySchedule(JSON.stringify(schedule))).toEqual(schedule)
    }
  })

  test('bundled data is frozen (no global mutable state)', () => {
    const [first] = CHINA_HOLIDAY_SCHEDULES
    expect(Object.isFrozen(CHINA_HOLIDAY_SCHEDULES)).toBe(true)
    expect(Object.isFrozen(first?.holidays)).toBe(true)
    expect(Object.isFrozen(first?.holidays[0]?.makeUpWorkdays)).toBe(true)
  })

  const shared = CHINA_HOLIDAY_SCHEDULES.map((schedule) => schedule.year).filter(
    (year) => year >= CHINESE_DAYS_YEARS.first && year <= CHINESE_DAYS_YEARS.last,
  )
  test('the chinese-days oracle answers about the intended civil day (not vacuous, not shifted by TZ)', () => {
    expect(chineseDaysIsWorkday('2025-10-01')).toBe(false)
    expect(chineseDaysIsWorkday('2025-09-28')).toBe(true)
    expect(chineseDaysIsWorkday('2025-09-30')).toBe(true)
    expect(chineseDaysIsWorkday('2025-10-09')).toBe(true)
  })

  test.each(shared)('R-CAL-2 %i agrees day by day with chinese-days on working / non-working', (year) => {
    const mismatches = daysOf(year)
      .filter((day) => isWorkingDay(calendar, day) !== chineseDaysIsWorkday(day))
      .map((day) => `${day}: kehu ${isWorkingDay(calendar, day) ? 'work' : 'off'}, chinese-days ${chineseDaysIsWorkday(day) ? 'work' : 'off'}`)
    expect(mismatches).toEqual([])
  })

  test('R-CAL-2 a New Year break announced in the next year\'s notice decides the December days (2018-12-29 work, 12-30/31 off)', () => {
    expect(isWorkingDay(calendar, '2018-12-29')).toBe(true)
    expect(isWorkingDay(calendar, '2018-12-31')).toBe(false)
    expect(isWorkingDay(calendar, '2022-12-30')).toBe(true)
    expect(isWorkingDay(calendar, '2022-12-31')).toBe(false) // Saturday, part of the 2023 元旦 break
  })

  test('R-CAL-2 2020 Spring Festival extension: 2020-02-01 (Saturday) is no longer a make-up working day', () => {
    expect(isWorkingDay(calendar, '2020-01-19')).toBe(true)
    expect(isWorkingDay(calendar, '2020-01-31')).toBe(false)
    expect(isWorkingDay(calendar, '2020-02-01')).toBe(false)
    expect(isWorkingDay(calendar, '2020-02-03')).toBe(true)
  })

  test('R-CAL-2 2025 National Day: 10-01…10-08 off, 09-28 (Sunday) and 10-11 (Saturday) working', () => {
    for (const day of daysOf(2025).filter((d) => d >= '2025-10-01' && d <= '2025-10-08')) {
      expect(isWorkingDay(calendar, day)).toBe(false)
    }
    expect(isWorkingDay(calendar, '2025-09-28')).toBe(true)
    expect(isWorkingDay(calendar, '2025-10-11')).toBe(true)
    expect(isWorkingDay(calendar, '2025-10-12')).toBe(false)
  })
})
