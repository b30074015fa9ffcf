/**
 * `kehu kpi <files…> --period 2026-Q3 [--team east]` (绩效考核): reads the exports (each
 * recognised by its headers, or named `kind=path`), checks every row, and prints the KPIs of
 * R-KPI-1..7 with both scorecards of R-KPI-8 — every figure from core.
 * @module
 */
import { basename, resolve } from 'node:path'

import { isKehuError, type KpiPeriod, parseKpiPeriod } from '@kehu/core'
import type { Command } from 'commander'

import type { CliRuntime, CommandRegistrar } from '../io/command.js'
import { addTableOptions, readSharedOptions, type SharedOptions, type SharedOptionValues } from '../io/options.js'
import { type InputTable, openInput } from '../io/read.js'
import { RejectsWriter } from '../io/rejects.js'
import { RowError, type RowIssue } from '../io/rows.js'
import { defaultRejectsPath } from '../io/runTable.js'
import { UsageError } from '../io/usageError.js'
import { resolveOutputFormat, writeTable } from '../io/write.js'
import { computeKpis, type KpiInputs, type KpiReport, KpiRowsError } from './computeKpis.js'
import { kpiTable } from './kpiTable.js'
import { type KpiRowOf, readKpiRow } from './readers.js'
import { fitsSource, KPI_SOURCE_KINDS, KPI_SOURCES, type KpiFileArgument, type KpiSourceKind, parseKpiFileArgument, requiredHeaders, unrecognisedSource } from './sources.js'

interface KpiOptionValues extends SharedOptionValues {
  readonly period: string
  readonly team?: string
}

const EXAMPLES = `
示例 Examples:
  kehu kpi examples/exports/kpi-*.csv --period 2026-Q3
  kehu kpi examples/exports/kpi-*.csv --period 2026-Q3 --team east -o east-q3.xlsx
  kehu kpi customers=客户.xlsx sales=七月销售.csv plans.csv --period 2026-07

文件识别 How files are recognised (by their headers, or kind=path):
${KPI_SOURCE_KINDS.map((kind) => `  ${kind.padEnd(13)} ${KPI_SOURCES[kind].nameZh} ${KPI_SOURCES[kind].nameEn}: ${requiredHeaders(kind)}`).join('\n')}
`

/** Registers `kehu kpi`. */
export const registerKpiCommand: CommandRegistrar = (program: Command, runtime: CliRuntime) => {
  const command = program
    .command('kpi')
    .summary('绩效考核 KPI scorecard (R-KPI-1..8) from sales, plans, customers, revisits, feedback and service-cost exports')
    .description(
      '按考核期间计算大客户 KPI（R-KPI-1..6）、经理 KPI（R-KPI-7）及两张考核表得分（R-KPI-8）。\n' +
        'Computes the big-customer KPIs (R-KPI-1..6), the manager KPIs (R-KPI-7) and both scorecards (R-KPI-8) for a period.',
    )
    .argument('<files...>', '导出文件 exports (csv, tsv, xlsx, json, ndjson); kind=path names the kind')
    .requiredOption('--period <period>', '考核期间 period: YYYY-MM, YYYY-Qn or YYYY (Asia/Shanghai)')
    .option('--team <team>', '只算该团队 only customers of this team, their records and the team\'s plan lines')
    .addHelpText('after', EXAMPLES)
  addTableOptions(command).action(async (files: string[], values: KpiOptionValues) => {
    await runKpi(files, values, runtime)
  })
}

/** Runs `kehu kpi` (exported for tests). */
export async function runKpi(files: readonly string[], values: KpiOptionValues, runtime: CliRuntime): Promise<void> {
  const shared = readSharedOptions(values)
  if (shared.overrides.size > 0) {
    throw new UsageError('kpi 不支持 --map：请使用可接受的表头，或写成 类型=文件', 'kpi does not take --map: use the accepted headers, or name a file as kind=path')
  }
  if (shared.rejects !== undefined) {
    throw new UsageError('kpi 读取多个文件，不支持 --rejects；无效行写在各输入文件旁的 .rejected.csv', 'kpi reads several files and does not take --rejects; rejected rows go next to each input as .rejected.csv')
  }
  const period = readPeriod(values.period)
  const team = values.team?.trim()
  if (team === '') throw new UsageError('--team 不能为空', '--team must not be empty')
  const output = shared.output === undefined ? undefined : resolve(runtime.cwd, shared.output)
  const format = resolveOutputFormat(shared.format, output, runtime.stdout.isTTY === true)

  const inputs: { [K in KpiSourceKind]: KpiRowOf[K][] } = { customers: [], sales: [], plans: [], visits: [], feedback: [], serviceCosts: [] }
  const given = new Set<string>()
  const issues: RowIssue[] = []
  let issueCount = 0
  // Side files of rejected rows are committed only when the whole run succeeds.
  const pendingRejects: RejectsWriter[] = []
  const headersOf = new Map<string, ReadonlyMap<string, string>>()
  try {
    for (const argument of files.map(parseKpiFileArgument)) {
      const { kind, table } = await openSource(argument, shared, runtime)
      given.add(kind)
      headersOf.set(argument.path, table.mapping.headerOf)
      const fields = KPI_SOURCES[kind].columns.map((spec) => spec.field).filter((field) => table.mapping.positions.has(field))
      const rejects = shared.skipInvalid ? new RejectsWriter(defaultRejectsPath(table.file), fields, table.mapping.headerOf) : undefined
      if (rejects !== undefined) pendingRejects.push(rejects)
      for await (const row of table.rows) {
        const result = readKpiRow(kind, argument.path, row)
        if (!Array.isArray(result)) {
          ;(inputs[kind] as unknown[]).push(result)
          continue
        }
        const found = result.map((issue) => ({ ...issue, column: `${basename(argument.path)} ${table.mapping.headerOf.get(issue.column) ?? issue.column}` }))
        if (rejects !== undefined) await rejects.add(row, found)
        else {
          issueCount += found.length
          issues.push(...found.slice(0, Math.max(0, 1000 - issues.length)))
        }
      }
    }
    if (issueCount > 0) throw new RowError(issues, issueCount)
    if (!given.has('customers')) {
      throw new UsageError('缺少客户数据（customers）：KPI 按客户层级与团队计算', 'no customers export given: the KPIs need each customer\'s tier and team')
    }
    if (team !== undefined && !inputs.customers.some((customer) => customer.team !== undefined)) {
      throw new UsageError('--team 需要客户数据中有 团队 列', '--team needs a 团队 / team column in the customers export')
    }
    let report: KpiReport
    try {
      report = computeKpis(inputs as KpiInputs, { period, ...(team === undefined ? {} : { team }), given })
    } catch (error) {
      if (!(error instanceof KpiRowsError)) throw error
      const header = (file: string, field: string): string => headersOf.get(file)?.get(field) ?? field
      throw new RowError(error.issues.map((issue) => ({ rowNumber: issue.rowNumber, column: `${basename(issue.file)} ${header(issue.file, issue.column)}`, reason: issue.reason })))
    }
    const table = kpiTable(report)
    await writeTable(table, { format, output, headers: shared.headers, bom: shared.bom }, runtime)
    for (const note of table.notes?.() ?? []) runtime.stderr.write(`${note}\n`)
  } catch (error) {
    await Promise.all(pendingRejects.map((rejects) => rejects.discard()))
    throw error
  }
  for (const rejects of pendingRejects) {
    const file = await rejects.commit()
    if (file !== undefined) runtime.stderr.write(`已跳过无效行，明细见 ${file} / skipped invalid rows, see ${file}\n`)
  }
}

/** Reads `--period` with core's period parser. @throws {@link UsageError} */
export function readPeriod(text: string): KpiPeriod {
  try {
    return parseKpiPeriod(text.trim(), '--period')
  } catch (error) {
    if (!isKehuError(error)) throw error
    throw new UsageError(error.messageZh, error.messageEn, { cause: error })
  }
}

/** Opens a file as its named kind, or as the one kind its headers fit. */
async function openSource(argument: KpiFileArgument, shared: SharedOptions, runtime: CliRuntime): Promise<{ kind: KpiSourceKind; table: InputTable }> {
  const path = resolve(runtime.cwd, argument.path)
  const open = (kind: KpiSourceKind): Promise<InputTable> =>
    openInput(path, KPI_SOURCES[kind].columns, { format: shared.inputFormat, encoding: shared.encoding, sheet: shared.sheet })
  if (argument.kind !== undefined) {
    const table = await open(argument.kind)
    if (!fitsSource(headerRowOf(table), KPI_SOURCES[argument.kind])) {
      await close(table)
      throw new UsageError(`${argument.path} 缺少 ${argument.kind} 所需的列：${requiredHeaders(argument.kind)}`, `${argument.path} lacks the columns ${argument.kind} needs: ${requiredHeaders(argument.kind)}`)
    }
    return { kind: argument.kind, table }
  }
  // Each kind maps the header row its own way; a kind whose required columns are missing refuses it.
  const opened: { kind: KpiSourceKind; table: InputTable }[] = []
  const refusals = new Set<string>()
  let refusal: UsageError | undefined
  for (const kind of KPI_SOURCE_KINDS) {
    try {
      const table = await open(kind)
      if (fitsSource(headerRowOf(table), KPI_SOURCES[kind])) opened.push({ kind, table })
      else await close(table)
    } catch (error) {
      if (!(error instanceof UsageError)) throw error
      refusals.add(error.message)
      refusal = error
    }
  }
  // Every kind refused the file alike: the file itself is the problem (unreadable, not CSV …).
  if (opened.length === 0 && refusals.size === 1 && refusal !== undefined) throw refusal
  if (opened.length === 1 && opened[0] !== undefined) return opened[0]
  await Promise.all(opened.map((entry) => close(entry.table)))
  throw unrecognisedSource(argument.path, opened.map((entry) => entry.kind))
}

/** The mapped headers of a table, enough to test the kinds' `anyOf` columns. */
function headerRowOf(table: InputTable): string[] {
  return [...table.mapping.headerOf.values()]
}

async function close(table: InputTable): Promise<void> {
  const iterator = table.rows[Symbol.asyncIterator]()
  await iterator.return?.(undefined)
}
