/**
 * The input and output options every table command shares (通用选项), and their parsing.
 * @module
 */
import { type Command, Option } from 'commander'

import { parseMapOverrides } from './columns.js'
import { type InputEncoding, parseEncoding } from './encoding.js'
import { type InputFormat, inputFormatOf } from './read.js'
import { UsageError } from './usageError.js'
import type { HeaderLanguage } from './write.js'

/** Shared options as commander hands them over. */
export interface SharedOptionValues {
  readonly inputFormat?: string
  readonly encoding?: string
  readonly sheet?: string
  readonly map: string[]
  readonly format?: string
  readonly output?: string
  readonly headers: string
  readonly bom?: boolean
  readonly skipInvalid?: boolean
  readonly rejects?: string
}

/** Shared options, checked. */
export interface SharedOptions {
  readonly inputFormat: InputFormat | undefined
  readonly encoding: InputEncoding | undefined
  readonly sheet: string | undefined
  readonly overrides: Map<string, string>
  readonly format: string | undefined
  readonly output: string | undefined
  readonly headers: HeaderLanguage
  readonly bom: boolean
  readonly skipInvalid: boolean
  readonly rejects: string | undefined
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

/** Adds the shared input and output options to a command. */
export function addTableOptions(command: Command): Command {
  return command
    .addOption(new Option('--input-format <format>', '输入格式 input format (default: from the extension)').choices(['csv', 'tsv', 'xlsx', 'json', 'ndjson']))
    .option('--encoding <encoding>', '文本编码 text encoding: utf-8 | gbk | gb18030 (default: detected)')
    .option('--sheet <name|n>', '.xlsx 工作表名称或序号 worksheet name or 1-based number (default: the first)')
    .option('--map <header=field>', '列映射 map a column to a field, repeatable (e.g. --map 项目号=project)', collect, [])
    .addOption(new Option('-f, --format <format>', '输出格式 output format (default: from -o, else table on a terminal, csv when piped)').choices(['table', 'csv', 'json', 'ndjson', 'xlsx']))
    .option('-o, --output <file>', '输出文件 output file, written only when the run succeeds (default: stdout)')
    .addOption(new Option('--headers <language>', '表头语言 header language').choices(['zh', 'en', 'both']).default('both'))
    .option('--bom', 'CSV 输出加 UTF-8 BOM start CSV output with a byte-order mark (Excel on Windows)')
    .option('--skip-invalid', '跳过无效行 skip invalid rows and write them with reasons to a side file')
    .option('--rejects <file>', '无效行文件 side file for skipped rows (default: <output or input>.rejected.csv)')
}

/**
 * Checks the shared options.
 * @throws {@link UsageError} for a bad encoding, `--map` entry or combination
 */
export function readSharedOptions(values: SharedOptionValues): SharedOptions {
  if (values.rejects !== undefined && values.skipInvalid !== true) {
    throw new UsageError('--rejects 需与 --skip-invalid 一起使用', '--rejects only applies with --skip-invalid')
  }
  return {
    inputFormat: values.inputFormat === undefined ? undefined : inputFormatOf('', values.inputFormat),
    encoding: values.encoding === undefined ? undefined : parseEncoding(values.encoding),
    sheet: values.sheet,
    overrides: parseMapOverrides(values.map),
    format: values.format,
    output: values.output,
    headers: values.headers as HeaderLanguage,
    bom: values.bom === true,
    skipInvalid: values.skipInvalid === true,
    rejects: values.rejects,
  }
}
