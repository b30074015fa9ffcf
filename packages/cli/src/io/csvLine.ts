/**
 * One CSV line, RFC 4180 quoting. Written by hand because it sits on the hot path of every CSV
 * output: a general-purpose stringifier per row costs more than the computation itself.
 * @module
 */

const NEEDS_QUOTES = /[",\r\n]/u

/** Formats cells as one CSV line ending in `\n`; quotes cells holding a comma, quote, line break or edge spaces. */
export function csvLine(cells: readonly string[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string
    if (i > 0) line += ','
    line += NEEDS_QUOTES.test(cell) || cell.startsWith(' ') || cell.endsWith(' ') ? `"${cell.replaceAll('"', '""')}"` : cell
  }
  return `${line}\n`
}
