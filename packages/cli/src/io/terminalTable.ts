/**
 * A table for a terminal (终端表格): columns padded by display width, so Chinese characters
 * (two columns wide each) line up with Latin text; multi-line cells (an `--explain` trace) span
 * several lines of their row.
 * @module
 */
import stringWidth from 'string-width'

import type { OutputColumn, OutputRow } from './command.js'
import { type HeaderLanguage, headerText } from './write.js'

/** Pads `text` to `width` display columns, on the left for numbers. */
function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)))
  return right ? fill + text : text + fill
}

/** Renders rows as a boxed-less, aligned text table ending with a newline. */
export function renderTerminalTable(columns: readonly OutputColumn[], rows: readonly OutputRow[], language: HeaderLanguage): string {
  const headers = columns.map((column) => headerText(column, language))
  const cells = rows.map((row) => columns.map((column) => (row[column.key] ?? '').split('\n')))
  const widths = columns.map((_, index) => {
    let width = stringWidth(headers[index] ?? '')
    for (const row of cells) for (const line of row[index] ?? []) width = Math.max(width, stringWidth(line))
    return width
  })
  const out: string[] = []
  const line = (parts: readonly string[]): string => parts.join('  ').trimEnd()
  out.push(line(headers.map((header, index) => pad(header, widths[index] ?? 0, false))))
  out.push(line(widths.map((width) => '─'.repeat(width))))
  for (const row of cells) {
    const height = Math.max(1, ...row.map((lines) => lines.length))
    for (let at = 0; at < height; at++) {
      out.push(line(row.map((lines, index) => pad(lines[at] ?? '', widths[index] ?? 0, at === 0 && columns[index]?.numeric === true))))
    }
  }
  return `${out.join('\n')}\n`
}
