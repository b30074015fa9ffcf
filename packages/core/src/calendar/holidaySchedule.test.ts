import { describe, expect, test } from 'vitest'
import { KehuError, PolicyValidationError } from '../errors.js'
import { type HolidaySchedule, InvalidHolidayScheduleError, parseHolidaySchedule } from './index.js'
import { thrown } from '../../test/thrown.js'


/** A plausible 2027 schedule a company might load at run time (hypothetical data). */
const cn2027 = {
  year: 2027,
  sources: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', documentNumber: '国办发明电〔2026〕1号', publishedOn: '2026-11-01' }],
  holidays: [
    { nameZh: '元旦', nameEn: "New Year's Day", start: '2027-01-01', end: '2027-01-03', makeUpWorkdays: [] },
    { nameZh: '春节', nameEn: 'Spring Festival', start: '2027-02-05', end: '2027-02-13', makeUpWorkdays: ['2027-01-31', '2027-02-20'] },
  ],
} satisfies HolidaySchedule

type Mutable = { year: unknown; sources: Record<string, unknown>[]; holidays: Record<string, unknown>[] } & Record<string, unknown>
function variant(change: (schedule: Mutable) => void): Mutable {
  const copy = JSON.parse(JSON.stringify(cn2027)) as Mutable
  change(copy)
  return copy
}

describe('R-CAL-2 parseHolidaySchedule', () => {
  test('accepts JSON text or a parsed value and returns a frozen copy', () => {
    const fromText = parseHolidaySchedule(JSON.stringify(cn2027))
    expect(fromText).toEqual(cn2027)
    expect(parseHolidaySchedule(cn2027)).toEqual(cn2027)
    expect(Object.isFrozen(fromText.holidays[1]?.makeUpWorkdays)).toBe(true)
  })

  test('a New Year break may start in the previous December (2019: 2018-12-30 … 2019-01-01, 2018-12-29 working)', () => {
    const schedule = variant((s) => {
      s.year = 2019
      s.holidays = [{ nameZh: '元旦', nameEn: "New Year's Day", start: '2018-12-30', end: '2019-01-01', makeUpWorkdays: ['2018-12-29'] }]
    })
    expect(parseHolidaySchedule(schedule).holidays[0]?.start).toBe('2018-12-30')
  })

  test.each<[string, (schedule: Mutable) => void, string]>([
    ['a make-up working day that is not a weekend', (s) => { s.holidays[1]!['makeUpWorkdays'] = ['2027-02-01'] }, 'schedule.holidays[1].makeUpWorkdays[0]'],
    ['a holiday in the wrong year', (s) => { s.holidays[1]!['start'] = '2026-02-05' }, 'schedule.holidays[1].start'],
    ['a holiday ending in the next year', (s) => { s.holidays[0]!['end'] = '2028-01-01' }, 'schedule.holidays[0].end'],
    ['a make-up day in the wrong year', (s) => { s.holidays[1]!['makeUpWorkdays'] = ['2026-01-31'] }, 'schedule.holidays[1].makeUpWorkdays[0]'],
    ['overlapping holidays', (s) => { s.holidays[1]!['start'] = '2027-01-03' }, 'schedule.holidays[1]'],
    ['a make-up day inside a holiday', (s) => { s.holidays[0]!['makeUpWorkdays'] = ['2027-02-06'] }, 'schedule.holidays[0].makeUpWorkdays[0]'],
    ['a make-up day listed twice', (s) => { s.holidays[0]!['makeUpWorkdays'] = ['2027-01-31'] }, 'schedule.holidays[1].makeUpWorkdays[0]'],
    ['an end before the start', (s) => { s.holidays[0]!['end'] = '2026-12-31'; s.holidays[0]!['start'] = '2027-01-02' }, 'schedule.holidays[0].end'],
    ['an impossible date', (s) => { s.holidays[1]!['end'] = '2027-02-30' }, 'schedule.holidays[1].end'],
    ['a break longer than 31 days', (s) => { s.holidays[1]!['end'] = '2027-03-31' }, 'schedule.holidays[1]'],
    ['a year that is not a whole number', (s) => { s.year = '2027' }, 'schedule.year'],
    ['a year before 1992', (s) => { s.year = 1990 }, 'schedule.year'],
    ['no source notice', (s) => { s.sources = [] }, 'schedule.sources'],
    ['a notice without document number', (s) => { s.sources[0]!['documentNumber'] = ' ' }, 'schedule.sources[0].documentNumber'],
    ['a notice with a bad publication date', (s) => { s.sources[0]!['publishedOn'] = '2026-11-1' }, 'schedule.sources[0].publishedOn'],
    ['an unknown field (typo)', (s) => { s.holidays[0]!['makeupWorkdays'] = [] }, 'schedule.holidays[0].makeupWorkdays'],
    ['an unknown top-level field', (s) => { s['region'] = 'CN' }, 'schedule.region'],
    ['a missing English name', (s) => { delete s.holidays[0]!['nameEn'] }, 'schedule.holidays[0].nameEn'],
    ['holidays not an array', (s) => { s['holidays'] = {} as never }, 'schedule.holidays'],
  ])('R-CAL-2 refuses %s with CALENDAR.INVALID_SCHEDULE at the bad field', (_, change, field) => {
    const error = thrown(() => parseHolidaySchedule(variant(change)))
    expect(error).toBeInstanceOf(InvalidHolidayScheduleError)
    expect(error).toBeInstanceOf(PolicyValidationError)
    expect(error).toMatchObject({ code: 'CALENDAR.INVALID_SCHEDULE', field, ruleId: 'R-CAL-2' })
    expect(error.messageZh).toContain('节假日安排')
  })

  test('refuses malformed JSON text and non-objects', () => {
    expect(thrown(() => parseHolidaySchedule('{"year": 2027,'))).toMatchObject({ code: 'CALENDAR.INVALID_SCHEDULE', field: 'schedule' })
    expect(thrown(() => parseHolidaySchedule([]))).toMatchObject({ code: 'CALENDAR.INVALID_SCHEDULE', field: 'schedule' })
    expect(thrown(() => parseHolidaySchedule(null, 'cn2027'))).toMatchObject({ code: 'CALENDAR.INVALID_SCHEDULE', field: 'cn2027' })
  })
})
