/**
 * Cell readers (单元格读取) shared by the `kpi`, `sla` and `expenses check` commands: they turn the
 * raw text of one cell into the value core expects, or record a {@link RowIssue} naming the row,
 * the column and the reason in Chinese and English. Where core validates a value (amounts, days,
 * instants) its own messages are reused; nothing is clamped and no NaN gets through.
 * @module
 */
import { isKehuError, Money, nanosToDate, parseCivilDay, readInstantInput, shanghaiInstant } from '@kehu/core'

import { bilingual, type InputRow, type RowIssue } from '../io/rows.js'

/** A choice of a cell: its canonical value and every text it may be written as (Chinese and English). */
export interface CellChoice<T extends string> {
  readonly value: T
  readonly aliases: readonly string[]
}

// Office exports write local wall-clock times; Asia/Shanghai is the library's zone.
const LOCAL_DATE_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/
const WITH_OFFSET = /(?:Z|[+-]\d{2}:\d{2})$/i
const DECIMAL = /^\d+(?:\.\d+)?$/
const WHOLE = /^\d+$/
// A spreadsheet date cell read without its number format is its serial: days since 1899-12-30,
// wall-clock. 33604 is 1992-01-01 (the first day core's calendar knows), 2958466 is 10000-01-01.
const SPREADSHEET_SERIAL = /^\d{5,7}(?:\.\d+)?$/
const SERIAL_RANGE = { min: 33604, end: 2958466 } as const
const SERIAL_UNIX_EPOCH = 25569

/**
 * Reads the cells of one row. Each reader returns the value, or — after recording an issue — a
 * placeholder that {@link readCells} never lets out.
 */
export class RowCells {
  readonly issues: RowIssue[] = []
  readonly rowNumber: number
  private readonly values: Readonly<Record<string, string>>

  constructor(row: InputRow) {
    this.rowNumber = row.rowNumber
    this.values = row.values
  }

  /** The trimmed text of a cell, `''` when empty or absent. */
  raw(field: string): string {
    return (this.values[field] ?? '').trim()
  }

  /** Whether the cell holds any text. */
  has(field: string): boolean {
    return this.raw(field) !== ''
  }

  /** Records an issue on a cell. */
  fail(field: string, zh: string, en: string): void {
    this.issues.push({ rowNumber: this.rowNumber, column: field, reason: bilingual(zh, en) })
  }

  /** A required text, non-empty. */
  text(field: string): string {
    const text = this.raw(field)
    if (text === '') this.fail(field, '不能为空', 'must not be empty')
    return text
  }

  /** An optional text: `undefined` when empty. */
  optionalText(field: string): string | undefined {
    const text = this.raw(field)
    return text === '' ? undefined : text
  }

  /** A required amount in yuan, parsed exactly by core (`"1,234.50"`, `"¥12"` …). */
  money(field: string, { allowNegative = false } = {}): Money {
    const text = this.raw(field)
    if (text === '') {
      this.fail(field, '金额不能为空', 'the amount must not be empty')
      return Money.ZERO
    }
    const amount = this.core(field, () => Money.parse(text, field), Money.ZERO)
    if (!allowNegative && amount.isNegative()) {
      this.fail(field, `金额不能为负数，实际为 ${amount.toString()}`, `the amount must not be negative, got ${amount.toString()}`)
    }
    return amount
  }

  /** An optional amount: `undefined` when empty. */
  optionalMoney(field: string): Money | undefined {
    return this.has(field) ? this.money(field) : undefined
  }

  /** A required whole number ≥ 0. */
  count(field: string): number {
    const text = this.raw(field)
    const value = Number(text)
    if (!WHOLE.test(text) || !Number.isSafeInteger(value)) {
      this.fail(field, `必须是不小于 0 的整数，实际为 ${JSON.stringify(text)}`, `must be a whole number ≥ 0, got ${JSON.stringify(text)}`)
      return 0
    }
    return value
  }

  /** A required decimal in [0, 1] as exact text (e.g. a completeness score `0.85`); `85%` is read as `0.85`. */
  unitInterval(field: string): string {
    const text = this.raw(field)
    const percent = text.endsWith('%')
    const body = percent ? text.slice(0, -1).trim() : text
    if (!DECIMAL.test(body)) {
      this.fail(field, `必须是 0 到 1 之间的小数（或百分数），实际为 ${JSON.stringify(text)}`, `must be a decimal between 0 and 1 (or a percentage), got ${JSON.stringify(text)}`)
      return '0'
    }
    const value = percent ? shiftDecimal(body, -2) : body
    if (!/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/.test(value)) {
      this.fail(field, `必须在 0 到 1 之间，实际为 ${JSON.stringify(text)}`, `must be between 0 and 1, got ${JSON.stringify(text)}`)
      return '0'
    }
    return value
  }

  /**
   * A required instant: ISO-8601 with an offset (`2026-07-15T10:00:00+08:00`), or a wall-clock time
   * in Asia/Shanghai as office software writes it (`2026-07-15 10:00`, `2026/7/15 10:00:00`,
   * `2026-07-15` = 00:00), or the serial number of a spreadsheet date cell (`46218.4166…`).
   */
  instant(field: string): Date {
    const text = this.raw(field)
    if (text === '') {
      this.fail(field, '时间不能为空', 'the date-time must not be empty')
      return new Date(0)
    }
    if (WITH_OFFSET.test(text)) {
      const reading = readInstantInput(text, field)
      if (reading.ok) return nanosToDate(reading.nanos)
      this.fail(field, reading.messageZh, reading.messageEn)
      return new Date(0)
    }
    const serial = spreadsheetSerial(text)
    if (serial !== undefined) return this.core(field, () => shanghaiInstant(serial.day, serial.time), new Date(0))
    const match = LOCAL_DATE_TIME.exec(text)
    if (!match) {
      this.fail(
        field,
        `${JSON.stringify(text)} 不是有效的时间（示例：2026-07-15 10:00、2026-07-15 或 2026-07-15T10:00:00+08:00）`,
        `${JSON.stringify(text)} is not a valid date-time (e.g. 2026-07-15 10:00, 2026-07-15 or 2026-07-15T10:00:00+08:00)`,
      )
      return new Date(0)
    }
    const [, year = '', month = '', day = '', hours, minutes, seconds, millis] = match
    const civil = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
    const time = hours === undefined ? '00:00' : `${hours.padStart(2, '0')}:${minutes ?? '00'}:${seconds ?? '00'}.${(millis ?? '0').padEnd(3, '0')}`
    return this.core(field, () => shanghaiInstant(parseCivilDay(civil, field), time), new Date(0))
  }

  /** An optional instant: `undefined` when empty. */
  optionalInstant(field: string): Date | undefined {
    return this.has(field) ? this.instant(field) : undefined
  }

  /** A required civil day `YYYY-MM-DD` (also `YYYY/M/D`, or a whole spreadsheet date serial), checked by core. */
  day(field: string): string {
    const text = this.raw(field)
    const serial = spreadsheetSerial(text)
    if (serial !== undefined && serial.time === '00:00:00.000') return serial.day
    const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text)
    const civil = match ? `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}` : text
    return this.core(field, () => parseCivilDay(civil, field), '1970-01-01')
  }

  /** A required choice among `choices`, matched on any alias, ignoring case and spaces. */
  choice<T extends string>(field: string, choices: readonly CellChoice<T>[]): T {
    const text = this.raw(field)
    const found = findChoice(text, choices)
    if (found !== undefined) return found
    const listed = choices.map((choice) => choice.aliases.join('/')).join('; ')
    this.fail(field, `${JSON.stringify(text)} 不是可接受的值（可用：${listed}）`, `${JSON.stringify(text)} is not an accepted value (accepted: ${listed})`)
    return choices[0]?.value as T
  }

  /** An optional choice: `undefined` when empty. */
  optionalChoice<T extends string>(field: string, choices: readonly CellChoice<T>[]): T | undefined {
    return this.has(field) ? this.choice(field, choices) : undefined
  }

  /** Runs a core reader, turning a core validation error into an issue with core's own messages. */
  private core<T>(field: string, read: () => T, placeholder: T): T {
    try {
      return read()
    } catch (error) {
      if (!isKehuError(error)) throw error
      this.fail(field, error.messageZh, error.messageEn)
      return placeholder
    }
  }
}

/**
 * Reads one row with `build`, returning the record, or every issue the readers recorded.
 *
 * @example
 * readCells(row, (cells) => ({ id: cells.text('customerId'), amount: cells.money('amount') }))
 */
export function readCells<T>(row: InputRow, build: (cells: RowCells) => T): T | RowIssue[] {
  const cells = new RowCells(row)
  const record = build(cells)
  return cells.issues.length > 0 ? cells.issues : record
}

/** The canonical value a text stands for, matched on aliases ignoring case, spaces and full-width forms. */
export function findChoice<T extends string>(text: string, choices: readonly CellChoice<T>[]): T | undefined {
  const key = normaliseChoice(text)
  if (key === '') return undefined
  return choices.find((choice) => normaliseChoice(choice.value) === key || choice.aliases.some((alias) => normaliseChoice(alias) === key))?.value
}

/** Yes/no (是/否) choices of a flag column. */
export const YES_NO: readonly CellChoice<'yes' | 'no'>[] = [
  { value: 'yes', aliases: ['是', '有', 'Y', 'true', '1', '已附'] },
  { value: 'no', aliases: ['否', '无', 'N', 'false', '0', '未附'] },
]

/** The wall-clock day and time of a spreadsheet date serial, to the nearest second; `undefined` when the text is not one. */
function spreadsheetSerial(text: string): { day: string; time: string } | undefined {
  if (!SPREADSHEET_SERIAL.test(text)) return undefined
  const serial = Number(text)
  if (!(serial >= SERIAL_RANGE.min && serial < SERIAL_RANGE.end)) return undefined
  // Spreadsheets keep times as binary fractions of a day (10:00 is 0.41666…): round to the second.
  const wallClock = new Date(Math.round((serial - SERIAL_UNIX_EPOCH) * 86_400) * 1000)
  const iso = wallClock.toISOString()
  return { day: iso.slice(0, 10), time: `${iso.slice(11, 19)}.000` }
}

function normaliseChoice(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase()
}

/** Moves the decimal point of a plain decimal text by `places` (negative = left), exactly. */
function shiftDecimal(text: string, places: number): string {
  const [whole = '0', fraction = ''] = text.split('.')
  const digits = whole + fraction
  const point = whole.length + places
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits
  const at = Math.max(point, 1)
  const result = `${padded.slice(0, at)}.${padded.slice(at)}`.replace(/^0+(?=\d)/, '').replace(/\.?0*$/, '')
  return result === '' ? '0' : result
}
