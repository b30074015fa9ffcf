/**
 * Readers of the cells of a projects export that hold more than one value: rates written as
 * `8%` or `0.08`, and lists of people such as `李四:0.03; 王五:2%` or `赵六:40:50:2.5`.
 * They only parse text; every check of a figure is core's.
 * @module
 */

/** A cell that could not be parsed: the reason, bilingual. */
export class CellError extends Error {
  constructor(
    readonly field: string,
    readonly reasonZh: string,
    readonly reasonEn: string,
  ) {
    super(`${reasonZh} / ${reasonEn}`)
    this.name = 'CellError'
  }
}

const ENTRY_SEPARATOR = /[;；\n]/u
const PART_SEPARATOR = /[:：]/u
const NUMBER = /^[+-]?(?=\.?\d)(\d*)(?:\.(\d*))?$/u

// Rates repeat down an export (every lead at 22%): each distinct text is rewritten once.
const RATE_TEXTS = new Map<string, string>()
const MAX_RATE_TEXTS = 4096

/**
 * A rate as written in an export: `8%` becomes `0.08`, anything else is passed on as written so
 * that core reports it if it is not a number.
 */
export function rateText(text: string): string {
  let rate = RATE_TEXTS.get(text)
  if (rate === undefined) {
    rate = percentText(text)
    if (RATE_TEXTS.size >= MAX_RATE_TEXTS) RATE_TEXTS.clear()
    RATE_TEXTS.set(text, rate)
  }
  return rate
}

function percentText(text: string): string {
  const trimmed = text.trim()
  if (!trimmed.endsWith('%') && !trimmed.endsWith('％')) return trimmed
  const number = trimmed.slice(0, -1).trim()
  const match = NUMBER.exec(number)
  if (match === null) return trimmed
  return hundredth(number.startsWith('-') ? '-' : '', match[1] ?? '', match[2] ?? '')
}

/**
 * `whole.fraction ÷ 100` written out exactly by moving the decimal point two places, in the
 * plain form a Decimal prints (`22` → `0.22`, `2.50` → `0.025`, `150` → `1.5`).
 */
function hundredth(sign: string, whole: string, fraction: string): string {
  const digits = `${whole}${fraction}`
  const point = whole.length - 2
  let integer = point <= 0 ? '0' : digits.slice(0, point).replace(/^0+(?=\d)/u, '')
  const decimals = (point < 0 ? '0'.repeat(-point) + digits : digits.slice(Math.max(point, 0))).replace(/0+$/u, '')
  if (integer === '') integer = '0'
  const text = decimals === '' ? integer : `${integer}.${decimals}`
  return sign === '-' && /[1-9]/u.test(text) ? `-${text}` : text
}

/** Splits a list cell into its entries, each split into its parts (`person:a:b`). */
export function listEntries(text: string): string[][] {
  // Most cells hold one entry, with ASCII colons: string splits, no regular expression.
  const several = text.includes(';') || text.includes('；') || text.includes('\n')
  const entries: string[][] = []
  for (const piece of several ? text.split(ENTRY_SEPARATOR) : [text]) {
    const entry = piece.trim()
    if (entry === '') continue
    const parts = entry.includes('：') ? entry.split(PART_SEPARATOR) : entry.split(':')
    for (let i = 0; i < parts.length; i++) parts[i] = (parts[i] as string).trim()
    entries.push(parts)
  }
  return entries
}

/**
 * The parts of a list entry when it has exactly `count` of them, none empty; undefined
 * otherwise. (Indexing, not destructuring: this runs for every cell of a large export.)
 */
export function entryParts(parts: readonly string[], count: number): readonly string[] | undefined {
  if (parts.length !== count) return undefined
  for (const part of parts) if (part === '') return undefined
  return parts
}

/**
 * A list of `person:value` entries (`李四:0.03; 王五:2%`).
 * @throws {@link CellError} for an entry without a person or without its value
 */
export function personValues(text: string, field: string, valueZh: string, valueEn: string): { person: string; value: string }[] {
  return listEntries(text).map((parts, index) => {
    const entry = entryParts(parts, 2)
    if (entry === undefined) {
      throw new CellError(
        field,
        `第 ${index + 1} 项应写作 人员:${valueZh}（多项以 ; 分隔）`,
        `entry ${index + 1} must read person:${valueEn} (entries separated by ;)`,
      )
    }
    return { person: entry[0] as string, value: entry[1] as string }
  })
}

/** An execution staff entry as written: `person:hours:hourlyWage:multiplier`. */
export interface ExecutionCell {
  readonly person: string
  readonly hours: string
  readonly hourlyWage: string
  readonly multiplier: string
}

/**
 * A list of execution staff (`赵六:40:50:2.5; 孙七:12.5:60:3`).
 * @throws {@link CellError} for an entry without its four parts
 */
export function executionEntries(text: string, field: string): ExecutionCell[] {
  return listEntries(text).map((parts, index) => {
    const entry = entryParts(parts, 4)
    if (entry === undefined) {
      throw new CellError(
        field,
        `第 ${index + 1} 项应写作 人员:工时:小时工资:倍数（如 赵六:40:50:2.5）`,
        `entry ${index + 1} must read person:hours:hourlyWage:multiplier (e.g. 赵六:40:50:2.5)`,
      )
    }
    return { person: entry[0] as string, hours: entry[1] as string, hourlyWage: entry[2] as string, multiplier: entry[3] as string }
  })
}
