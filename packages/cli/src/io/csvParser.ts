/**
 * A streaming CSV parser (CSV 解析): RFC 4180 fields — separated by a delimiter, optionally
 * quoted, `""` for a quote inside quotes, line breaks inside quotes kept — over text arriving in
 * chunks of any size. Line ends may be CRLF, LF or CR; empty lines are skipped; rows may have
 * any number of cells (a short row is judged by the command, not refused here).
 *
 * Written for throughput: a million-row export is parsed in one pass over each chunk, with
 * unquoted cells cut straight out of the text.
 * @module
 */

/** A malformed CSV: the 1-based line where it was found and what was wrong, bilingual. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reasonZh: string,
    readonly reasonEn: string,
  ) {
    super(`line ${line}: ${reasonEn}`)
    this.name = 'CsvSyntaxError'
  }
}

const QUOTE = 34 // "
const LF = 10
const CR = 13

/**
 * An incremental parser: `push` text as it arrives and take the complete rows, then `end`
 * for the last row.
 */
export class CsvParser {
  readonly #delimiter: number
  /** Text not yet consumed (an incomplete row). */
  #pending = ''
  /** Line number (1-based) at the start of `#pending`. */
  #line = 1

  constructor(delimiter = ',') {
    if (delimiter.length !== 1) throw new RangeError(`CSV delimiter must be one character, got ${JSON.stringify(delimiter)}`)
    this.#delimiter = delimiter.charCodeAt(0)
  }

  /**
   * Parses the complete rows of the text received so far.
   * @throws {@link CsvSyntaxError} for a quote inside an unquoted cell or text after a closing quote
   */
  push(text: string): string[][] {
    this.#pending = this.#pending === '' ? text : this.#pending + text
    return this.#parse(false)
  }

  /**
   * Parses what remains at the end of the input.
   * @throws {@link CsvSyntaxError} for a quoted cell left open
   */
  end(): string[][] {
    const rows = this.#parse(true)
    this.#pending = ''
    return rows
  }

  #parse(final: boolean): string[][] {
    const text = this.#pending
    const length = text.length
    const delimiter = this.#delimiter
    const rows: string[][] = []
    let line = this.#line
    let rowStart = 0 // start of the row being parsed, kept when the row is incomplete
    let rowLine = line
    let position = 0
    let row: string[] = []
    while (position < length) {
      const code = text.charCodeAt(position)
      if (code === QUOTE) {
        // A quoted cell: up to the closing quote, "" standing for one quote.
        let value = ''
        let from = position + 1
        let cursor = from
        let closed = false
        while (cursor < length) {
          const c = text.charCodeAt(cursor)
          if (c === QUOTE) {
            if (cursor + 1 < length && text.charCodeAt(cursor + 1) === QUOTE) {
              value += text.slice(from, cursor + 1)
              cursor += 2
              from = cursor
              continue
            }
            if (cursor + 1 >= length && !final) break // the next chunk may start with the second quote
            value += text.slice(from, cursor)
            closed = true
            cursor++
            break
          }
          if (c === LF || (c === CR && (cursor + 1 >= length || text.charCodeAt(cursor + 1) !== LF))) line++
          cursor++
        }
        if (!closed) {
          if (!final) break // wait for more text
          throw new CsvSyntaxError(rowLine, '引号内的单元格没有结束引号', 'a quoted cell has no closing quote')
        }
        row.push(value)
        position = cursor
        if (position >= length) {
          if (!final) break
          continue // the last row, pushed below
        }
        const next = text.charCodeAt(position)
        if (next === delimiter) {
          position++
          if (position >= length && final) row.push('')
          continue
        }
        if (next === LF || next === CR) {
          if (next === CR && position + 1 >= length && !final) break // CR LF may be split across chunks
          position += next === CR && text.charCodeAt(position + 1) === LF ? 2 : 1
          line++
          rows.push(row)
          row = []
          rowStart = position
          rowLine = line
          continue
        }
        throw new CsvSyntaxError(line, '结束引号后还有其他字符', 'text follows a closing quote')
      }
      // An unquoted cell: up to the delimiter or the line end.
      let cursor = position
      let c = 0
      while (cursor < length) {
        c = text.charCodeAt(cursor)
        if (c === delimiter || c === LF || c === CR) break
        if (c === QUOTE) throw new CsvSyntaxError(line, '未加引号的单元格中出现引号', 'a quote inside an unquoted cell')
        cursor++
      }
      if (cursor >= length && !final) break // the cell may continue in the next chunk
      row.push(text.slice(position, cursor))
      if (cursor >= length) {
        position = cursor
        continue // the last row, pushed below
      }
      if (c === delimiter) {
        position = cursor + 1
        if (position >= length && final) row.push('')
        continue
      }
      // A line end.
      if (c === CR && cursor + 1 >= length && !final) break
      position = cursor + (c === CR && text.charCodeAt(cursor + 1) === LF ? 2 : 1)
      line++
      rows.push(row)
      row = []
      rowStart = position
      rowLine = line
      // Empty lines are skipped.
      while (position < length) {
        const blank = text.charCodeAt(position)
        if (blank === LF) position++
        else if (blank === CR) {
          if (position + 1 >= length && !final) break
          position += text.charCodeAt(position + 1) === LF ? 2 : 1
        } else break
        line++
        rowStart = position
        rowLine = line
      }
    }
    if (final && row.length > 0) {
      rows.push(row)
      rowStart = length
    }
    // Keep the incomplete row for the next chunk; it is parsed again from its start.
    this.#pending = text.slice(rowStart)
    this.#line = rowLine
    return rows.filter((cells) => !(cells.length === 1 && cells[0] === ''))
  }
}
