/**
 * Runs a {@link TableCommand} over one input file (运行表格命令): open and map the input,
 * validate every row, compute, write — reporting bad rows by row number, column and reason.
 * By default any bad row fails the run (exit 1) and no output is written; with `--skip-invalid`
 * the bad rows go, with their reasons, to a side file and the run continues.
 * @module
 */
import { basename, extname, resolve } from 'node:path'

import type { CliRuntime, TableCommand } from './command.js'
import type { SharedOptions } from './options.js'
import { createProgress } from './progress.js'
import { openInput } from './read.js'
import { RejectsWriter } from './rejects.js'
import { RowError, type RowIssue } from './rows.js'
import { resolveOutputFormat, writeTable } from './write.js'

/** At most this many issues are kept for the report; the rest are only counted. */
const MAX_REPORTED_ISSUES = 1000

/** What a run did, for the caller's summary and for tests. */
export interface TableRunSummary {
  readonly rowsRead: number
  readonly rowsRejected: number
  readonly rejectsFile: string | undefined
}

/**
 * Runs `command` over `file`.
 * @throws {@link UsageError} for bad options, an unreadable file or a missing column (exit 2)
 * @throws {@link RowError} when rows are invalid and `--skip-invalid` is not set (exit 1)
 */
export async function runTableCommand<T, O>(command: TableCommand<T, O>, file: string, shared: SharedOptions, options: O, runtime: CliRuntime): Promise<TableRunSummary> {
  const output = shared.output === undefined ? undefined : resolve(runtime.cwd, shared.output)
  const format = resolveOutputFormat(shared.format, output, runtime.stdout.isTTY === true)
  const inputPath = resolve(runtime.cwd, file)
  const progress = createProgress(runtime.stderr, basename(file))
  const input = await openInput(inputPath, command.columns, {
    format: shared.inputFormat,
    encoding: shared.encoding,
    sheet: shared.sheet,
    overrides: shared.overrides,
    onProgress: (fraction) => progress.update(fraction),
  })
  const headerOf = input.mapping.headerOf
  const rejects = shared.skipInvalid
    ? new RejectsWriter(
        shared.rejects === undefined ? defaultRejectsPath(output ?? inputPath) : resolve(runtime.cwd, shared.rejects),
        command.columns.map((spec) => spec.field).filter((field) => input.mapping.positions.has(field)),
        headerOf,
      )
    : undefined
  const issues: RowIssue[] = []
  let issueCount = 0
  let rowsRead = 0
  let rowsRejected = 0

  async function* validRecords(): AsyncGenerator<T[]> {
    for await (const batch of input.batches) {
      const records: T[] = []
      for (const row of batch) {
        rowsRead++
        const result = command.readRow(row, options)
        if (!Array.isArray(result)) {
          records.push(result as T)
          continue
        }
        // Commands may name the canonical field; the user knows the header in their file.
        const found = (result as RowIssue[]).map((issue) => ({ ...issue, column: headerOf.get(issue.column) ?? issue.column }))
        rowsRejected++
        if (rejects !== undefined) {
          await rejects.add(row, found)
          continue
        }
        issueCount += found.length
        for (const issue of found) if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue)
      }
      if (records.length > 0) yield records
    }
  }

  try {
    const table = await command.compute(validRecords(), options)
    await writeTable(
      table,
      {
        format,
        output,
        headers: shared.headers,
        bom: shared.bom,
        verify: () => {
          progress.done()
          if (issueCount > 0) throw new RowError(issues, issueCount)
        },
      },
      runtime,
    )
    for (const note of table.notes?.() ?? []) runtime.stderr.write(`${note}\n`)
    const rejectsFile = await rejects?.commit()
    if (rejectsFile !== undefined) {
      runtime.stderr.write(`已跳过 ${rowsRejected} 个无效行，明细见 ${rejectsFile} / skipped ${rowsRejected} invalid row(s), see ${rejectsFile}\n`)
    }
    return { rowsRead, rowsRejected, rejectsFile }
  } catch (error) {
    progress.done()
    await rejects?.discard()
    throw error
  }
}

/** `out/statement.csv` → `out/statement.rejected.csv`. */
export function defaultRejectsPath(path: string): string {
  const extension = extname(path)
  return `${extension === '' ? path : path.slice(0, -extension.length)}.rejected.csv`
}
