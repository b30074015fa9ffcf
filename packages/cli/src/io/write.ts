/**
 * Writers of output tables (输出): a table on a terminal (CJK display width handled), CSV,
 * JSON, NDJSON and .xlsx. Files are written to a temporary file next to the target and renamed
 * only when complete, so a failed run never leaves a partial output file.
 * @module
 */
import { createReadStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'

import { type CliRuntime, type OutputColumn, outputBatches, type OutputRow, outputRows, type OutputTable } from './command.js'
import { csvLine, csvRowLine } from './csvLine.js'
import { renderTerminalTable } from './terminalTable.js'
import { TextSink } from './textSink.js'
import { UsageError } from './usageError.js'

/** An output format. */
export type OutputFormat = 'table' | 'csv' | 'json' | 'ndjson' | 'xlsx'

/** Language of column headers (表头语言). */
export type HeaderLanguage = 'zh' | 'en' | 'both'

/** Options of {@link writeTable}. */
export interface WriteOptions {
  readonly format: OutputFormat
  /** Output file; undefined writes to stdout. */
  readonly output: string | undefined
  readonly headers: HeaderLanguage
  /** Start CSV output with a UTF-8 byte-order mark (for Excel on Windows). */
  readonly bom: boolean
  /**
   * Called once every row is produced, before anything is committed or printed; throwing here
   * (e.g. because invalid rows were found on the way) discards the output.
   */
  readonly verify?: (() => void) | undefined
}

const FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json', 'ndjson', 'xlsx']

/**
 * Chooses the output format: `--format`, else the output file's extension, else a table when
 * stdout is a terminal and CSV when it is piped.
 * @throws {@link UsageError} for an unknown format, or .xlsx/table to a place that cannot take it
 */
export function resolveOutputFormat(format: string | undefined, output: string | undefined, stdoutIsTty: boolean): OutputFormat {
  let chosen: string
  if (format !== undefined) chosen = format.toLowerCase()
  else if (output !== undefined) {
    const extension = extname(output).slice(1).toLowerCase()
    chosen = extension === 'jsonl' ? 'ndjson' : extension === 'txt' ? 'table' : extension
  } else chosen = stdoutIsTty ? 'table' : 'csv'
  if (!(FORMATS as readonly string[]).includes(chosen)) {
    throw new UsageError(`不支持的输出格式 ${JSON.stringify(chosen)}；可用：${FORMATS.join('、')}`, `unsupported output format ${JSON.stringify(chosen)}; use ${FORMATS.join(', ')}`)
  }
  if (chosen === 'xlsx' && output === undefined) {
    throw new UsageError('.xlsx 输出需要用 -o 指定文件', '.xlsx output needs a file: pass -o <file.xlsx>')
  }
  return chosen as OutputFormat
}

/** A column's header in the chosen language. */
export function headerText(column: OutputColumn, language: HeaderLanguage): string {
  if (language === 'zh') return column.headerZh
  if (language === 'en') return column.headerEn
  return `${column.headerZh} ${column.headerEn}`
}

/** A file being written under a temporary name, renamed into place on commit. */
export interface PendingFile {
  readonly path: string
  readonly tempPath: string
  commit(): Promise<void>
  discard(): Promise<void>
}

/** Reserves a temporary file next to `target` (same file system, so the rename is atomic). */
export function pendingFile(target: string): PendingFile {
  const tempPath = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.partial`)
  return {
    path: target,
    tempPath,
    commit: () => rename(tempPath, target),
    discard: () => rm(tempPath, { force: true }),
  }
}

/**
 * Writes a table in the chosen format, to a file (atomically) or to stdout. Output to stdout
 * also goes through a temporary file first, so a run that fails half-way prints nothing.
 * Consumes the table's rows once.
 */
export async function writeTable(table: OutputTable, options: WriteOptions, runtime: CliRuntime): Promise<void> {
  if (options.format === 'table') {
    const rows: OutputRow[] = []
    for await (const row of outputRows(table)) rows.push(row)
    options.verify?.()
    const text = renderTerminalTable(table.columns, rows, options.headers)
    if (options.output === undefined) runtime.stdout.write(text)
    else await writeWhole(options.output, text)
    return
  }
  const target = options.output ?? join(tmpdir(), `kehu-${process.pid}-${Date.now()}.${options.format}`)
  const pending = pendingFile(target)
  try {
    if (options.format === 'xlsx') await writeXlsx(table, options, pending.tempPath)
    else await writeText(table, options, pending.tempPath)
    options.verify?.()
    if (options.output === undefined) {
      await pipeline(createReadStream(pending.tempPath), runtime.stdout, { end: false })
      await pending.discard()
    } else await pending.commit()
  } catch (error) {
    await pending.discard()
    throw error
  }
}

async function writeWhole(target: string, text: string): Promise<void> {
  const pending = pendingFile(target)
  try {
    const out = new TextSink(pending.tempPath, target)
    await out.write(text)
    await out.close()
    await pending.commit()
  } catch (error) {
    await pending.discard()
    throw error
  }
}

/** Writes CSV, JSON or NDJSON, batching rows to keep system calls few. */
async function writeText(table: OutputTable, options: WriteOptions, path: string): Promise<void> {
  const out = new TextSink(path, options.output ?? 'stdout')
  const keys = table.columns.map((column) => column.key)
  // Lines are collected and joined once per chunk: appending them to one string would build a
  // rope that costs more to flatten and encode than the lines cost to make.
  let parts: string[] = []
  let size = 0
  const flushAt = 64 * 1024
  const add = (text: string): void => {
    parts.push(text)
    size += text.length
  }
  const flush = async (): Promise<void> => {
    if (size > 0) await out.write(parts.join(''))
    parts = []
    size = 0
  }
  try {
    if (options.format === 'csv') {
      if (options.bom) add('\uFEFF')
      add(csvLine(table.columns.map((column) => headerText(column, options.headers))))
      for await (const batch of outputBatches(table)) {
        for (const row of batch) add(csvRowLine(row, keys))
        if (size >= flushAt) await flush()
      }
    } else {
      const json = options.format === 'json'
      if (json) add('[')
      let first = true
      for await (const batch of outputBatches(table)) {
        for (const row of batch) {
          const record: Record<string, string> = {}
          for (const key of keys) record[key] = row[key] ?? ''
          add(json ? `${first ? '\n' : ',\n'}${JSON.stringify(record)}` : `${JSON.stringify(record)}\n`)
          first = false
        }
        if (size >= flushAt) await flush()
      }
      if (json) add(first ? ']\n' : '\n]\n')
    }
    await flush()
  } finally {
    await out.close()
  }
}

const DECIMAL = /^-?\d+(\.\d+)?$/u

/** Writes .xlsx with exceljs's streaming writer; numeric columns become numbers with two decimals. */
async function writeXlsx(table: OutputTable, options: WriteOptions, path: string): Promise<void> {
  // Loaded on demand: exceljs is large, and most runs write CSV.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet('kehu')
  sheet.columns = table.columns.map((column) => ({
    header: headerText(column, options.headers),
    key: column.key,
    width: Math.max(10, Math.min(60, headerText(column, options.headers).length * 2)),
    ...(column.numeric === true ? { style: { numFmt: '#,##0.00' } } : {}),
  }))
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  for await (const row of outputRows(table)) {
    const values: Record<string, string | number> = {}
    for (const column of table.columns) {
      const text = row[column.key] ?? ''
      // Amounts are exact to the fen; a double holds them exactly enough for display to two decimals.
      values[column.key] = column.numeric === true && DECIMAL.test(text) ? Number(text) : text
    }
    sheet.addRow(values).commit()
  }
  sheet.commit()
  await workbook.commit()
}
