import { type CivilDay, daysFromCivil, isCivilDay, weekdayOfDayNumber } from './civilDay.js'
import { CalendarErrorCode, InvalidHolidayScheduleError } from './errors.js'

/** The official notice (通知) a holiday schedule comes from. */
export interface HolidayNotice {
  /** Title, e.g. `国务院办公厅关于2025年部分节假日安排的通知`. */
  readonly title: string
  /** Document number (发文字号), e.g. `国办发明电〔2024〕12号`. */
  readonly documentNumber: string
  /** Publication day (发布日期), `YYYY-MM-DD`. */
  readonly publishedOn: CivilDay
  /** Where the notice is published, if known (e.g. a www.gov.cn address). */
  readonly url?: string
}

/**
 * One holiday break (放假) of a notice, e.g. 国庆节、中秋节 2025-10-01 … 2025-10-08, with the
 * make-up working days (调休上班日) the notice attaches to it.
 */
export interface HolidayPeriod {
  /** Chinese name, e.g. `春节`. */
  readonly nameZh: string
  /** English name, e.g. `Spring Festival`. */
  readonly nameEn: string
  /** First day off, `YYYY-MM-DD`. */
  readonly start: CivilDay
  /** Last day off (inclusive), `YYYY-MM-DD`. */
  readonly end: CivilDay
  /** Weekend days that become working days (调休上班日) for this break; each a Saturday or Sunday. */
  readonly makeUpWorkdays: readonly CivilDay[]
}

/**
 * The statutory holiday schedule of one year (年度节假日安排), R-CAL-2: plain JSON-serialisable data
 * that a company can load at run time (see {@link parseHolidaySchedule}).
 *
 * A schedule's days lie in its `year`, except that a New Year (元旦) break and its make-up days
 * may start in the December before (e.g. the 2019 notice makes 2018-12-29 a working day).
 *
 * @example
 * const cn2025: HolidaySchedule = {
 *   year: 2025,
 *   sources: [{ title: '国务院办公厅关于2025年部分节假日安排的通知', documentNumber: '国办发明电〔2024〕12号', publishedOn: '2024-11-12' }],
 *   holidays: [{ nameZh: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival', start: '2025-10-01', end: '2025-10-08', makeUpWorkdays: ['2025-09-28', '2025-10-11'] }],
 * }
 */
export interface HolidaySchedule {
  /** The year the notice is for (e.g. `2025`). */
  readonly year: number
  /** The notice, then any later amending notices (e.g. the 2020 Spring Festival extension). */
  readonly sources: readonly HolidayNotice[]
  /** The holiday breaks, each with its make-up working days. */
  readonly holidays: readonly HolidayPeriod[]
}

const MAX_HOLIDAY_LENGTH_DAYS = 31

/**
 * Validates a holiday schedule, given as a JSON text or an already-parsed value, and returns a
 * frozen copy (R-CAL-2). Refuses unknown fields, malformed days, a break ending before it starts
 * or longer than 31 days, days outside the schedule's year (a New Year break and its make-up
 * days may start in the previous December), overlapping breaks, a make-up working day that is
 * not a Saturday or Sunday, that falls inside a break, or that is listed twice.
 *
 * @param input - JSON text or parsed value
 * @param field - path used in error fields (default `'schedule'`)
 * @throws {@link InvalidHolidayScheduleError} `CALENDAR.INVALID_SCHEDULE`, `field` naming the bad entry
 *   (e.g. `schedule.holidays[1].makeUpWorkdays[0]`)
 *
 * @example
 * const cn2027 = parseHolidaySchedule(await readFile('cn-2027.json', 'utf8'))
 * const calendar = withHolidaySchedule(createWorkingCalendar(), cn2027)
 */
export function parseHolidaySchedule(input: unknown, field = 'schedule'): HolidaySchedule {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown
    } catch (cause) {
      throw invalid(field, 'is not valid JSON', '不是有效的 JSON', { cause })
    }
  }
  const record = asRecord(value, field, ['year', 'sources', 'holidays'])
  const year = record['year']
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1992 || year > 9999) {
    throw invalid(`${field}.year`, 'must be a whole year from 1992 to 9999', '必须是 1992 至 9999 之间的整数年份')
  }
  const firstAllowed = daysFromCivil(year - 1, 12, 1)
  const lastAllowed = daysFromCivil(year, 12, 31)
  const yearStart = daysFromCivil(year, 1, 1)

  const sources = record['sources']
  if (!Array.isArray(sources) || sources.length === 0) {
    throw invalid(`${field}.sources`, 'must list at least one source notice', '必须至少列出一个来源通知')
  }
  const parsedSources = sources.map((source: unknown, index) => {
    const path = `${field}.sources[${index}]`
    const notice = asRecord(source, path, ['title', 'documentNumber', 'publishedOn', 'url'])
    const title = nonEmptyText(notice['title'], `${path}.title`)
    const documentNumber = nonEmptyText(notice['documentNumber'], `${path}.documentNumber`)
    const publishedOn = day(notice['publishedOn'], `${path}.publishedOn`)
    const url = notice['url']
    if (url !== undefined && typeof url !== 'string') throw invalid(`${path}.url`, 'must be text', '必须是文本')
    return Object.freeze(url === undefined ? { title, documentNumber, publishedOn } : { title, documentNumber, publishedOn, url })
  })

  const holidays = record['holidays']
  if (!Array.isArray(holidays)) throw invalid(`${field}.holidays`, 'must be an array', '必须是数组')
  const seenMakeUp = new Map<number, string>()
  const ranges: { start: number; end: number; path: string }[] = []
  const parsedHolidays = holidays.map((holiday: unknown, index) => {
    const path = `${field}.holidays[${index}]`
    const period = asRecord(holiday, path, ['nameZh', 'nameEn', 'start', 'end', 'makeUpWorkdays'])
    const nameZh = nonEmptyText(period['nameZh'], `${path}.nameZh`)
    const nameEn = nonEmptyText(period['nameEn'], `${path}.nameEn`)
    const start = day(period['start'], `${path}.start`)
    const end = day(period['end'], `${path}.end`)
    const startNumber = numberOf(start)
    const endNumber = numberOf(end)
    if (startNumber < firstAllowed || startNumber > lastAllowed) {
      throw wrongYear(`${path}.start`, start, year)
    }
    if (endNumber < yearStart || endNumber > lastAllowed) {
      throw invalid(`${path}.end`, `${end} is not in ${year}`, `${end} 不在 ${year} 年内`)
    }
    if (endNumber < startNumber) throw invalid(`${path}.end`, `${end} is before the start ${start}`, `${end} 早于开始日期 ${start}`)
    if (endNumber - startNumber + 1 > MAX_HOLIDAY_LENGTH_DAYS) {
      throw invalid(path, `is longer than ${MAX_HOLIDAY_LENGTH_DAYS} days`, `超过 ${MAX_HOLIDAY_LENGTH_DAYS} 天`)
    }
    ranges.push({ start: startNumber, end: endNumber, path })
    const makeUp = period['makeUpWorkdays']
    if (!Array.isArray(makeUp)) throw invalid(`${path}.makeUpWorkdays`, 'must be an array of days', '必须是日期数组')
    const makeUpWorkdays = makeUp.map((entry: unknown, makeUpIndex) => {
      const makeUpPath = `${path}.makeUpWorkdays[${makeUpIndex}]`
      const makeUpDay = day(entry, makeUpPath)
      const makeUpNumber = numberOf(makeUpDay)
      if (makeUpNumber < firstAllowed || makeUpNumber > lastAllowed) throw wrongYear(makeUpPath, makeUpDay, year)
      const weekday = weekdayOfDayNumber(makeUpNumber)
      if (weekday !== 0 && weekday !== 6) {
        throw invalid(makeUpPath, `${makeUpDay} is not a Saturday or Sunday, so it cannot be a make-up working day`, `${makeUpDay} 不是周六或周日，不能作为调休上班日`)
      }
      const previous = seenMakeUp.get(makeUpNumber)
      if (previous !== undefined) throw invalid(makeUpPath, `${makeUpDay} is already listed at ${previous}`, `${makeUpDay} 已在 ${previous} 列出`)
      seenMakeUp.set(makeUpNumber, makeUpPath)
      return makeUpDay
    })
    return Object.freeze({ nameZh, nameEn, start, end, makeUpWorkdays: Object.freeze(makeUpWorkdays) })
  })

  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  for (let index = 1; index < sorted.length; index += 1) {
    const before = sorted[index - 1]
    const after = sorted[index]
    if (before !== undefined && after !== undefined && after.start <= before.end) {
      const later = before.path > after.path ? before : after
      const other = later === before ? after : before
      throw invalid(later.path, `overlaps ${other.path}`, `与 ${other.path} 重叠`)
    }
  }
  for (const [makeUpNumber, makeUpPath] of seenMakeUp) {
    const inside = ranges.find((range) => makeUpNumber >= range.start && makeUpNumber <= range.end)
    if (inside !== undefined) {
      throw invalid(makeUpPath, `is a make-up working day inside the holiday ${inside.path}`, `调休上班日落在假期 ${inside.path} 之内`)
    }
  }

  return Object.freeze({ year, sources: Object.freeze(parsedSources), holidays: Object.freeze(parsedHolidays) })
}

function numberOf(value: CivilDay): number {
  return daysFromCivil(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)))
}

function asRecord(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(path, 'must be an object', '必须是对象')
  }
  const record = value as Record<string, unknown>
  const unknownKey = Object.keys(record).find((key) => !allowed.includes(key))
  if (unknownKey !== undefined) {
    throw invalid(`${path}.${unknownKey}`, `is not a known field (expected one of ${allowed.join(', ')})`, `不是已知字段（应为 ${allowed.join('、')} 之一）`)
  }
  return record
}

function nonEmptyText(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(path, 'must be non-empty text', '必须是非空文本')
  return value
}

function day(value: unknown, path: string): CivilDay {
  if (!isCivilDay(value)) {
    throw invalid(path, `${JSON.stringify(value)} is not a valid day YYYY-MM-DD`, `${JSON.stringify(value)} 不是有效的 YYYY-MM-DD 日期`)
  }
  return value
}

function wrongYear(path: string, value: CivilDay, year: number): InvalidHolidayScheduleError {
  return invalid(path, `${value} is not in ${year} (only a New Year break may start in the December before)`, `${value} 不在 ${year} 年内（仅元旦假期可始于上一年 12 月）`)
}

function invalid(field: string, en: string, zh: string, extra: { cause?: unknown } = {}): InvalidHolidayScheduleError {
  return new InvalidHolidayScheduleError({
    code: CalendarErrorCode.INVALID_SCHEDULE,
    field,
    ruleId: 'R-CAL-2',
    messageEn: `holiday schedule: ${field} ${en}`,
    messageZh: `节假日安排：${field} ${zh}`,
    ...extra,
  })
}
