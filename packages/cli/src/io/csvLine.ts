/**
 * One CSV line, RFC 4180 quoting. Written by hand because it sits on the hot path of every CSV
 * output: a general-purpose stringifier per row costs more than the computation itself.
 * @module
 */

const NEEDS_QUOTES = /[",\r\n]/u

/** One cell as CSV: quoted when it holds a comma, quote, line break or edge spaces. */
function csvCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) || cell.startsWith(' ') || cell.endsWith(' ') ? `"${cell.replaceAll('"', '""')}"` : cell
}

/** Formats cells as one CSV line ending in `\n`; quotes cells holding a comma, quote, line break or edge spaces. */
export function csvLine(cells: readonly string[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ','
    line += csvCell(cells[i] as string)
  }
  return `${line}\n`
}

/** The same line straight from a row, its cells taken by `keys` (a missing key is an empty cell). */
export function csvRowLine(row: Readonly<Record<string, string>>, keys: readonly string[]): string {
  let line = ''
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) line += ','
    line += csvCell(row[keys[i] as string] ?? '')
  }
  return `${line}\n`
}
