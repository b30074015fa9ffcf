/**
 * The contract every table command implements (表格命令约定): declare the columns it reads,
 * turn one {@link InputRow} into a record or into {@link RowIssue}s, and compute an
 * {@link OutputTable} from the records. The framework does everything else — reading every
 * format, header mapping, bad-row handling, progress, and writing every format atomically.
 *
 * Everything streams: `compute` receives the valid records lazily and returns rows lazily, so a
 * command that keeps only aggregates (per-person totals, …) runs in flat memory.
 *
 * A command module registers itself with a {@link CommandRegistrar}; `runTableCommand` in
 * `./runTable.ts` runs a {@link TableCommand} over one input file with the shared options of
 * `./options.ts` (`--format`, `-o`, `--encoding`, `--sheet`, `--map`, `--skip-invalid`,
 * `--rejects`). A command reading several files (KPIs) reads each with `readInputRows` of
 * `./read.ts` and writes with `writeTable` of `./write.ts`.
 * @module
 */
import type { Command } from 'commander'

import type { ColumnSpec } from './columns.js'
import type { InputRow, RowIssue } from './rows.js'

/** A column of an output table, with its Chinese and English header. */
export interface OutputColumn {
  /** Key in each output row. */
  readonly key: string
  readonly headerZh: string
  readonly headerEn: string
  /** Right-align in terminal tables (amounts, counts). Default left. */
  readonly numeric?: boolean
}

/** One output row: column key → text. A missing key prints as empty. */
export type OutputRow = Readonly<Record<string, string>>

/** What a command produces (输出表). */
export interface OutputTable {
  readonly columns: readonly OutputColumn[]
  /** The rows, produced lazily. */
  readonly rows: AsyncIterable<OutputRow> | Iterable<OutputRow>
  /**
   * Lines printed to stderr after the table is written (e.g. a `--explain` trace goes to the
   * table; a note about skipped items goes here). Called once, after `rows` is exhausted.
   */
  readonly notes?: () => readonly string[]
}

/**
 * A command over one input table.
 * @typeParam T - the validated record of one row
 * @typeParam O - the command's own options (after commander parsing)
 */
export interface TableCommand<T, O> {
  /** The fields the command reads, with their accepted headers. */
  readonly columns: readonly ColumnSpec[]
  /**
   * Validates one row. Returns the record, or every issue found in the row (never throws for
   * bad data; throw only for programming errors). An issue's `column` may be the canonical field
   * name: the runner replaces it with the header as written in the file.
   */
  readRow(row: InputRow, options: O): T | RowIssue[]
  /** Computes the output from the valid records (consumed once, in file order). */
  compute(records: AsyncIterable<T> | Iterable<T>, options: O): Promise<OutputTable>
}

/** Where a command writes: the process's streams, or captured ones in tests. */
export interface CliRuntime {
  readonly stdout: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number }
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number }
  readonly stdin: NodeJS.ReadableStream
  /** Directory relative paths are resolved against. */
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  /** Sets the exit code of the run (0 ok, 1 data errors, 2 usage). */
  setExitCode(code: 0 | 1 | 2): void
}

/** Adds a command (with its options, help and examples) to the program. */
export type CommandRegistrar = (program: Command, runtime: CliRuntime) => void
