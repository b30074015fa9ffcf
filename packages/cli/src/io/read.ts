/**
 * Readers of input files (读取输入文件): CSV/TSV (UTF-8, UTF-8 with BOM, GBK/GB18030), .xlsx,
 * JSON (an array of objects) and NDJSON. Every reader streams — rows are produced one at a time
 * from a file stream — so memory stays flat as the input grows.
 * @module
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { Readable } from 'node:stream'

import { type ColumnMapping, type ColumnSpec, mapColumns, normaliseHeader } from './columns.js'
import { CsvParser, CsvSyntaxError } from './csvParser.js'
import { decodeText, type InputEncoding } from './encoding.js'
import { splitJsonArray } from './jsonArray.js'
import type { InputRow } from './rows.js'
import { UsageError } from './usageError.js'

/** A file format the readers accept. */
export type InputFormat = 'csv' | 'tsv' | 'xlsx' | 'json' | 'ndjson'

/** Options of {@link openInput}. */
export interface ReadOptions {
  /** Forces the format; default from the file's extension. */
  readonly format?: InputFormat | undefined
  /** Forces the text encoding (CSV, TSV, JSON, NDJSON); default detected. */
  readonly encoding?: InputEncoding | undefined
  /** Worksheet of an .xlsx file, by name or 1-based position; default the first. */
  readonly sheet?: string | undefined
  /** `--map` overrides, field → header. */
  readonly overrides?: ReadonlyMap<string, string> | undefined
  /** Told the fraction of the file read so far, 0..1. */
  readonly onProgress?: ((fraction: number) => void) | undefined
}

/** An opened input: where each field is, and its data rows. */
export interface InputTable {
  readonly file: string
  readonly format: InputFormat
  /** The encoding used for text formats, undefined for .xlsx. */
  readonly encoding: InputEncoding | undefined
  readonly mapping: ColumnMapping
  /** Data rows, produced lazily; iterate once, either `rows` or `batches`. */
  readonly rows: AsyncIterable<InputRow>
  /**
   * The same rows in batches as they come off the file (a chunk's worth of CSV, one row of other
   * formats): a large export is consumed with one wait per batch instead of one per row.
   */
  readonly batches: AsyncIterable<readonly InputRow[]>
}

/**
 * Reads an `--input-format` value, or the format from a file name's extension.
 * @throws {@link UsageError} for an unknown format or extension
 */
export function inputFormatOf(file: string, forced?: string): InputFormat {
  const key = (forced ?? extname(file).slice(1)).toLowerCase()
  if (key === 'csv' || key === 'txt') return 'csv'
  if (key === 'tsv') return 'tsv'
  if (key === 'xlsx') return 'xlsx'
  if (key === 'json') return 'json'
  if (key === 'ndjson' || key === 'jsonl') return 'ndjson'
  throw new UsageError(
    `无法识别输入格式 ${JSON.stringify(key)}（${file}）；支持 .csv、.tsv、.xlsx、.json、.ndjson，或用 --input-format 指定`,
    `unknown input format ${JSON.stringify(key)} (${file}); use .csv, .tsv, .xlsx, .json or .ndjson, or pass --input-format`,
  )
}

/**
 * Opens an input file: reads its header, maps the columns of `specs` (failing early on a missing
 * required column) and returns the data rows as a lazy stream.
 *
 * @throws {@link UsageError} for a missing or unreadable file, an unknown format, a missing
 *   required column, an empty file or a missing worksheet
 */
export async function openInput(file: string, specs: readonly ColumnSpec[], options: ReadOptions = {}): Promise<InputTable> {
  const format = options.format ?? inputFormatOf(file)
  let size: number
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new Error('not a file')
    size = info.size
  } catch (cause) {
    throw new UsageError(`无法读取文件 ${file}`, `cannot read file ${file}`, { cause })
  }
  let encoding: InputEncoding | undefined
  const onEncoding = (detected: InputEncoding): void => {
    encoding = detected
  }
  if (format === 'json' || format === 'ndjson') {
    const objects = objectStream(file, format, size, options, onEncoding)
    const fields = specs.map((spec) => spec.field)
    const mapping = { positions: new Map(fields.map((field, index) => [field, index])), headerOf: new Map(fields.map((field) => [field, field])) }
    const rows = objectRows(objects, specs, options.overrides ?? new Map())
    return { file, format, get encoding() { return encoding }, mapping, rows, batches: singletons(rows) }
  }
  const iterator = rawBatches(file, format, size, options, onEncoding)[Symbol.asyncIterator]()
  let first = await iterator.next()
  while (first.done !== true && first.value.length === 0) first = await iterator.next()
  const header = first.done === true ? undefined : first.value[0]
  if (first.done === true || header === undefined) throw new UsageError(`文件 ${file} 没有表头行`, `file ${file} has no header row`)
  const mapping = mapColumns(header, specs, options.overrides)
  const batches = inputBatches(first.value.slice(1), iterator, mapping)
  return { file, format, get encoding() { return encoding }, mapping, rows: flatten(batches), batches }
}

/** Data rows in batches, numbered from 1, each cell placed under its field by the mapping. */
async function* inputBatches(firstRows: readonly string[][], iterator: AsyncIterator<string[][]>, mapping: ColumnMapping): AsyncGenerator<InputRow[]> {
  const fields = [...mapping.positions.keys()]
  const indexes = [...mapping.positions.values()]
  let rowNumber = 0
  const toRows = (cellRows: readonly string[][]): InputRow[] =>
    cellRows.map((cells) => {
      const values: Record<string, string> = {}
      for (let i = 0; i < fields.length; i++) values[fields[i] as string] = (cells[indexes[i] as number] ?? '').trim()
      return { rowNumber: ++rowNumber, values }
    })
  try {
    if (firstRows.length > 0) yield toRows(firstRows)
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) if (next.value.length > 0) yield toRows(next.value)
  } finally {
    await iterator.return?.(undefined)
  }
}

async function* flatten<T>(batches: AsyncIterable<readonly T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch
}

async function* singletons<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const item of items) yield [item]
}

/**
 * The file's bytes, reporting progress as they are consumed. Counting in the consumer's loop
 * (not with a 'data' listener) keeps the stream paused until a reader pulls from it. Chunks of
 * 16 KB keep each batch of rows small: a batch is alive while it is processed, and smaller
 * batches leave less for each young-generation collection to copy.
 */
async function* fileBytes(file: string, size: number, options: ReadOptions): AsyncGenerator<Uint8Array> {
  const report = options.onProgress
  let read = 0
  for await (const chunk of createReadStream(file, { highWaterMark: 16 * 1024 })) {
    const bytes = chunk as Uint8Array
    read += bytes.byteLength
    if (report !== undefined && size > 0) report(Math.min(1, read / size))
    yield bytes
  }
}

function objectStream(file: string, format: 'json' | 'ndjson', size: number, options: ReadOptions, onEncoding: (encoding: InputEncoding) => void): AsyncGenerator<unknown> {
  const text = decodeText(fileBytes(file, size, options), options.encoding, onEncoding)
  return format === 'json' ? jsonArrayObjects(text) : ndjsonObjects(text)
}

/** Yields the header and then every data row as an array of cell texts, in batches. */
function rawBatches(file: string, format: 'csv' | 'tsv' | 'xlsx', size: number, options: ReadOptions, onEncoding: (encoding: InputEncoding) => void): AsyncGenerator<string[][]> {
  const bytes = fileBytes(file, size, options)
  if (format === 'xlsx') return singletons(xlsxRows(bytes, options.sheet))
  const text = decodeText(bytes, options.encoding, onEncoding)
  return csvBatches(text, format === 'tsv' ? '\t' : ',')
}

/** The rows of each decoded chunk of CSV text. */
async function* csvBatches(text: AsyncIterable<string>, delimiter: string): AsyncGenerator<string[][]> {
  const parser = new CsvParser(delimiter)
  try {
    for await (const chunk of text) yield parser.push(chunk)
    yield parser.end()
  } catch (cause) {
    if (!(cause instanceof CsvSyntaxError)) throw cause
    throw new UsageError(`CSV 格式错误（第 ${cause.line} 行）：${cause.reasonZh}`, `malformed CSV (line ${cause.line}): ${cause.reasonEn}`, { cause })
  }
}

async function* jsonArrayObjects(text: AsyncIterable<string>): AsyncGenerator<unknown> {
  let index = 0
  for await (const element of splitJsonArray(text)) {
    index++
    yield parseJson(element, `第 ${index} 个元素`, `element ${index}`)
  }
}

async function* ndjsonObjects(text: AsyncIterable<string>): AsyncGenerator<unknown> {
  let pending = ''
  let line = 0
  for await (const chunk of text) {
    pending += chunk
    let end = pending.indexOf('\n')
    while (end >= 0) {
      line++
      const source = pending.slice(0, end).trim()
      pending = pending.slice(end + 1)
      if (source !== '') yield parseJson(source, `第 ${line} 行`, `line ${line}`)
      end = pending.indexOf('\n')
    }
  }
  line++
  if (pending.trim() !== '') yield parseJson(pending.trim(), `第 ${line} 行`, `line ${line}`)
}

function parseJson(source: string, whereZh: string, whereEn: string): unknown {
  try {
    return JSON.parse(source)
  } catch (cause) {
    throw new UsageError(`JSON 格式错误（${whereZh}）`, `malformed JSON (${whereEn})`, { cause })
  }
}

/**
 * Turns a stream of JSON objects into rows. Records in JSON often leave out empty fields, so
 * each object's keys are matched to the fields on their own (by the same names and `--map`
 * overrides as headers); a missing key reads as an empty cell.
 */
async function* objectRows(objects: AsyncIterable<unknown>, specs: readonly ColumnSpec[], overrides: ReadonlyMap<string, string>): AsyncGenerator<InputRow> {
  const candidates = specs.map((spec) => {
    const override = overrides.get(spec.field)
    return { field: spec.field, names: (override === undefined ? [spec.field, ...spec.headers] : [override]).map(normaliseHeader) }
  })
  let rowNumber = 0
  for await (const value of objects) {
    rowNumber++
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UsageError(`第 ${rowNumber} 条 JSON 记录不是对象`, `JSON record ${rowNumber} is not an object`)
    }
    const byName = new Map<string, unknown>()
    for (const [key, cell] of Object.entries(value)) {
      const name = normaliseHeader(key)
      if (!byName.has(name)) byName.set(name, cell)
    }
    const values: Record<string, string> = {}
    for (const { field, names } of candidates) {
      const name = names.find((candidate) => byName.has(candidate))
      values[field] = name === undefined ? '' : cellText(byName.get(name)).trim()
    }
    yield { rowNumber, values }
  }
}

/** Text of a JSON value or a spreadsheet cell, as a CSV export would hold it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (value instanceof Date) {
    const iso = value.toISOString()
    // Spreadsheet dates without a time of day are civil days.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  }
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown }
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('')
    if ('result' in cell) return cellText(cell.result)
    if (typeof cell.text === 'string') return cell.text
    if (typeof cell.error === 'string') return cell.error
  }
  return JSON.stringify(value)
}

async function* xlsxRows(bytes: AsyncIterable<Uint8Array>, sheet: string | undefined): AsyncGenerator<string[]> {
  // Loaded on demand: exceljs is large, and most runs read CSV.
  const { default: ExcelJS } = await import('exceljs')
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' })
  const wanted = sheet?.trim()
  let position = 0
  const seen: string[] = []
  try {
    for await (const worksheet of reader) {
      position++
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${position}`
      seen.push(name)
      if (wanted !== undefined && wanted !== name && wanted !== String(position)) continue
      let width = 0
      let header = true
      for await (const row of worksheet) {
        const values = row.values as unknown[]
        if (header) {
          width = values.length - 1
          header = false
          yield values.slice(1).map(cellText)
          continue
        }
        const cells: string[] = []
        // row.values is 1-based and sparse.
        for (let column = 1; column <= Math.max(width, values.length - 1); column++) cells.push(cellText(values[column]))
        if (cells.every((cell) => cell.trim() === '')) continue
        yield cells
      }
      return
    }
  } catch (cause) {
    if (cause instanceof UsageError) throw cause
    const message = cause instanceof Error ? cause.message : String(cause)
    throw new UsageError(`无法读取 .xlsx 文件：${message}`, `cannot read the .xlsx file: ${message}`, { cause })
  }
  throw new UsageError(
    wanted === undefined ? '.xlsx 文件中没有工作表' : `.xlsx 文件中没有工作表 ${JSON.stringify(wanted)}；现有：${seen.join(', ')}`,
    wanted === undefined ? 'the .xlsx file has no worksheet' : `the .xlsx file has no worksheet ${JSON.stringify(wanted)}; it has: ${seen.join(', ')}`,
  )
}
