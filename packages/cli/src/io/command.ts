/**
 * The contract every table command implements (表格命令约定): declare the columns it reads,
 * turn one {@link InputRow} into a record or into {@link RowIssue}s, and compute an
 * {@link OutputTable} from the records. The framework does everything else — reading every
 * format, header mapping, bad-row handling, progress, and writing every format atomically.
 *
 * Everything streams: `compute` receives the valid records lazily, in batches as they come off
 * the file, and returns rows lazily, so a command that keeps only aggregates (per-person
 * totals, …) runs in flat memory.
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

/** What a command produces (输出表): its rows one by one, or in batches. */
export type OutputTable = OutputTableHead &
  (
    | {
        /** The rows, produced lazily. */
        readonly rows: AsyncIterable<OutputRow> | Iterable<OutputRow>
        readonly batches?: undefined
      }
    | {
        /** The rows in batches, produced lazily: one wait per batch instead of one per row. */
        readonly batches: AsyncIterable<readonly OutputRow[]>
        readonly rows?: undefined
      }
  )

/** The parts of every {@link OutputTable} besides its rows. */
export interface OutputTableHead {
  readonly columns: readonly OutputColumn[]
  /**
   * Lines printed to stderr after the table is written (e.g. a `--explain` trace goes to the
   * table; a note about skipped items goes here). Called once, after the rows are exhausted.
   */
  readonly notes?: () => readonly string[]
}

/** The rows of a table one by one, however it produces them. */
export async function* outputRows(table: OutputTable): AsyncGenerator<OutputRow> {
  if (table.batches === undefined) yield* table.rows
  else for await (const batch of table.batches) yield* batch
}

/** The rows of a table in batches, however it produces them (rows one by one become batches of up to 1,024). */
export async function* outputBatches(table: OutputTable): AsyncGenerator<readonly OutputRow[]> {
  if (table.batches !== undefined) {
    yield* table.batches
    return
  }
  let batch: OutputRow[] = []
  for await (const row of table.rows) {
    batch.push(row)
    if (batch.length >= 1024) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
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
  /** Computes the output from the valid records, in batches (consumed once, in file order). */
  compute(records: AsyncIterable<readonly T[]>, options: O): Promise<OutputTable>
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
