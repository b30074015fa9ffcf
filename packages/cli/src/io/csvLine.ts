/**
 * One CSV line, RFC 4180 quoting. Written by hand because it sits on the hot path of every CSV
 * output: a general-purpose stringifier per row costs more than the computation itself.
 * @module
 */

const QUOTE = 34 // "
const COMMA = 44
const LF = 10
const CR = 13
const SPACE = 32

/** One cell as CSV: quoted when it holds a comma, quote, line break or edge spaces. */
function csvCell(cell: string): string {
  const length = cell.length
  if (length === 0) return cell
  // A scan of the char codes: cheaper than a regular expression on the short cells of a statement.
  let quote = cell.charCodeAt(0) === SPACE || cell.charCodeAt(length - 1) === SPACE
  for (let i = 0; !quote && i < length; i++) {
    const code = cell.charCodeAt(i)
    quote = code === QUOTE || code === COMMA || code === LF || code === CR
  }
  return quote ? `"${cell.replaceAll('"', '""')}"` : cell
}

// Cells are gathered in one array and joined once: a flat string, cheap to join into a chunk.
const cells: string[] = []

/** Formats cells as one CSV line ending in `\n`; quotes cells holding a comma, quote, line break or edge spaces. */
export function csvLine(values: readonly string[]): string {
  cells.length = values.length
  for (let i = 0; i < values.length; i++) cells[i] = csvCell(values[i] as string)
  return `${cells.join(',')}\n`
}

/** The same line straight from a row, its cells taken by `keys` (a missing key is an empty cell). */
export function csvRowLine(row: Readonly<Record<string, string>>, keys: readonly string[]): string {
  cells.length = keys.length
  for (let i = 0; i < keys.length; i++) cells[i] = csvCell(row[keys[i] as string] ?? '')
  return `${cells.join(',')}\n`
}
