/**
 * `--calendar <file.json>` (工作日历文件): company overrides, other working windows, or a newly
 * announced year's holiday schedule, loaded through core's calendar functions (R-CAL-1, R-CAL-2).
 * @module
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'

import { CalendarErrorCode, createWorkingCalendar, type HolidaySchedule, isKehuError, parseHolidaySchedule, withHolidaySchedule, type WorkingCalendar, type WorkingCalendarOptions } from '@kehu/core'

import { UsageError } from '../io/usageError.js'

/**
 * Builds the working calendar of a run: the bundled China schedules, then each file in order
 * (relative to `cwd`).
 *
 * A file holds either one year's holiday schedule (an object with `year`, `sources`, `holidays`;
 * it is added, or replaces the bundled year) or calendar options: `{ overrides, windows,
 * weekendDays, allowYearsWithoutSchedule, schedules }` — `schedules` are added the same way.
 *
 * @throws {@link UsageError} naming the file and, for a rejected calendar, core's field and reason
 */
export async function loadWorkingCalendar(files: readonly string[], cwd = '.'): Promise<WorkingCalendar> {
  let calendar = createWorkingCalendar()
  for (const file of files) {
    let text: string
    try {
      text = await readFile(resolve(cwd, file), 'utf8')
    } catch (cause) {
      throw new UsageError(`无法读取日历文件 ${file}`, `cannot read the calendar file ${file}`, { cause })
    }
    calendar = applyCalendarFile(calendar, file, text)
  }
  return calendar
}

/** Applies one calendar file's JSON text to a calendar. @throws {@link UsageError} */
export function applyCalendarFile(calendar: WorkingCalendar, file: string, text: string): WorkingCalendar {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/u, ''))
  } catch (cause) {
    throw new UsageError(`日历文件 ${file} 不是有效的 JSON`, `the calendar file ${file} is not valid JSON`, { cause })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`日历文件 ${file} 必须是 JSON 对象`, `the calendar file ${file} must hold a JSON object`)
  }
  try {
    const record = value as Record<string, unknown>
    if ('holidays' in record) return withHolidaySchedule(calendar, parseHolidaySchedule(record))
    const { schedules, ...options } = record
    const extra = schedules === undefined ? [] : Array.isArray(schedules) ? schedules.map((schedule, index) => parseHolidaySchedule(schedule, `schedules[${index}]`)) : [parseHolidaySchedule(schedules, 'schedules')]
    // Company overrides layer on the bundled schedules; a given year replaces the bundled one.
    const base = calendar.options.schedules.filter((schedule) => !extra.some((added: HolidaySchedule) => added.year === schedule.year))
    return createWorkingCalendar({ ...calendar.options, ...options, schedules: [...base, ...extra] } as WorkingCalendarOptions)
  } catch (error) {
    if (!isKehuError(error)) throw error
    const where = error.field === undefined ? '' : `（${error.field}）`
    const whereEn = error.field === undefined ? '' : ` (${error.field})`
    throw new UsageError(`日历文件 ${file} 无效${where}：${error.messageZh}`, `the calendar file ${file} is invalid${whereEn}: ${error.messageEn}`, { cause: error })
  }
}

/**
 * Core's message for an error met while counting on the calendar, with the way to load a missing
 * year from the command line (R-CAL-2) added.
 */
export function calendarErrorMessage(error: { readonly code: string; readonly messageZh: string; readonly messageEn: string }): { zh: string; en: string } {
  if (error.code !== CalendarErrorCode.YEAR_NOT_COVERED) return { zh: error.messageZh, en: error.messageEn }
  return {
    zh: `${error.messageZh}（命令行：用 --calendar <该年度安排.json> 加载）`,
    en: `${error.messageEn} (on the command line: load it with --calendar <schedule.json>)`,
  }
}
