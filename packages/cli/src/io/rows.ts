/**
 * Rows as read from an input file (输入行), and the issues a row can have (行错误).
 * Every reader (CSV, .xlsx, JSON, NDJSON) produces {@link InputRow}s; every command turns them
 * into its own records or into {@link RowIssue}s.
 * @module
 */

/** One data row of an input file, keyed by canonical field name. */
export interface InputRow {
  /** 1-based data row number, header excluded, as shown to the user (第几行数据). */
  readonly rowNumber: number
  /** Canonical field → raw text as in the file, `''` when the cell is empty. */
  readonly values: Readonly<Record<string, string>>
}

/** What is wrong with one cell of one row (数据行错误). */
export interface RowIssue {
  /** 1-based data row number, header excluded. */
  readonly rowNumber: number
  /** The column's header as written in the file (or the field name when the column is absent). */
  readonly column: string
  /** Bilingual reason, `'中文 / English'`. */
  readonly reason: string
}

/** Thrown when rows are invalid and the run is not told to skip them (数据行无效). */
export class RowError extends Error {
  /** The issues reported (possibly the first ones only, see {@link RowError.total}). */
  readonly issues: RowIssue[]
  /** How many issues were found in all, reported or not. */
  readonly total: number

  constructor(issues: readonly RowIssue[], total = issues.length) {
    const first = issues[0]
    super(
      first === undefined
        ? '无效数据行 / invalid rows'
        : `${total} 个无效数据问题，第一个：第 ${first.rowNumber} 行 ${first.column}：${first.reason} / ${total} invalid row issue(s), first: row ${first.rowNumber}, ${first.column}: ${first.reason}`,
    )
    this.name = 'RowError'
    this.issues = [...issues]
    this.total = total
  }
}

/** Builds a bilingual reason text in the one format every command uses. */
export function bilingual(zh: string, en: string): string {
  return `${zh} / ${en}`
}
