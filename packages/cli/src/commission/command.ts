/**
 * `kehu commission <file>`: a commission statement per person and project from a projects
 * export (R-COM-1..8), every figure from core's commission functions.
 * @module
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'

import { type CommissionPolicy, createCommissionPolicy, defaultCommissionPolicy, type TraceLanguage } from '@kehu/core/commission'
import { KehuError } from '@kehu/core/errors'
import { type Command, Option } from 'commander'

import type { CliRuntime, CommandRegistrar, TableCommand } from '../io/command.js'
import { addTableOptions, readSharedOptions, type SharedOptionValues } from '../io/options.js'
import { runTableCommand } from '../io/runTable.js'
import { UsageError } from '../io/usageError.js'
import { PROJECT_COLUMNS } from './columns.js'
import { type ProjectStatement, projectStatement } from './projectStatement.js'
import { commissionStatement } from './statement.js'

/** Options of the commission command. */
export interface CommissionOptions {
  readonly policy: CommissionPolicy
  readonly explain: boolean
  readonly language: TraceLanguage
  readonly totalsOnly: boolean
}

/** The commission statement as a table command. */
export const commissionCommand: TableCommand<ProjectStatement, CommissionOptions> = {
  columns: PROJECT_COLUMNS,
  readRow: (row, options) => projectStatement(row, options.policy),
  compute: (records, options) => Promise.resolve(commissionStatement(records, options)),
}

/**
 * Reads a commission policy file (JSON overrides of the default policy), validated by core.
 * @throws {@link UsageError} for an unreadable file, malformed JSON or a policy core refuses
 */
export async function readPolicyFile(path: string): Promise<CommissionPolicy> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new UsageError(`无法读取提成政策文件 ${path}`, `cannot read the commission policy file ${path}`, { cause })
  }
  let overrides: unknown
  try {
    overrides = JSON.parse(text)
  } catch (cause) {
    throw new UsageError(`提成政策文件 ${path} 不是有效的 JSON`, `the commission policy file ${path} is not valid JSON`, { cause })
  }
  try {
    return createCommissionPolicy(overrides)
  } catch (error) {
    if (error instanceof KehuError) throw new UsageError(`提成政策无效：${error.messageZh}`, `invalid commission policy: ${error.messageEn}`, { cause: error })
    throw error
  }
}

const EXAMPLES = `
Columns (headers in Chinese or English, any order; --map for others):
  项目编号 project   项目名称 name   项目类型 type (固定 fixed | 策略 strategic | 风险 risk)
  项目收入 revenue   项目利润 profit   流水 turnover
  人员 people        fixed/risk: 张三, or 张三:60; 李四:40 (split exactly, R-COM-7)
                     strategic: the lead customer staff
  提成比例 rate      fixed: rate on turnover (5–10%); strategic: the lead's rate (20–25%)
  辅助人员 assistants  李四:3%; 王五:0.02        医学策略 medicalStrategy  钱八
  执行人员 execution   赵六:40:50:2.5 (person:hours:hourlyWage:multiplier)
  超额奖励分配 bonusShares  张三:1; 李四:1 (default: all to the lead)

Examples:
  $ kehu commission examples/exports/projects-utf8.csv
  $ kehu commission examples/exports/projects-gbk.csv --explain --lang en
  $ kehu commission examples/exports/projects.xlsx -o statement.xlsx
  $ kehu commission projects.csv --totals-only -f json
  $ kehu commission projects.csv --map 项目号=project --skip-invalid -o out.csv
  $ kehu commission projects.csv --policy company-policy.json`

/** Registers `kehu commission`. */
export const registerCommission: CommandRegistrar = (program: Command, runtime: CliRuntime) => {
  const command = program
    .command('commission')
    .summary('提成明细 commission statement per person and project (R-COM-1..8)')
    .description('提成明细：按人员和项目计算提成，含个人合计与总计 / Commission statement per person and project from a projects export, with totals per person and a grand total; --explain adds each project’s calculation trace (R-COM-8).')
    .argument('<file>', '项目导出表 projects export (.csv, .tsv, .xlsx, .json, .ndjson)')
    .option('--explain', '附计算过程 add each project’s trace (R-COM-8)')
    .addOption(new Option('--lang <language>', '计算过程语言 trace language').choices(['zh', 'en']).default('zh'))
    .option('--totals-only', '只输出个人合计 print the totals per person only')
    .option('--policy <file>', '提成政策 JSON overrides of the default commission policy')
  addTableOptions(command)
  command.addHelpText('after', EXAMPLES)
  command.action(async (file: string, values: SharedOptionValues & { explain?: boolean; lang: TraceLanguage; totalsOnly?: boolean; policy?: string }) => {
    const shared = readSharedOptions(values)
    const policy = values.policy === undefined ? defaultCommissionPolicy : await readPolicyFile(resolve(runtime.cwd, values.policy))
    await runTableCommand(commissionCommand, file, shared, { policy, explain: values.explain === true, language: values.lang, totalsOnly: values.totalsOnly === true }, runtime)
  })
}
