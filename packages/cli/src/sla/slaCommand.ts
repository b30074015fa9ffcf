/**
 * `kehu sla <file> --rule <name> [--calendar file.json] [--now instant]` (时效检查): each dated
 * item's deadline under the rule, on the China working calendar, and whether it is met, on
 * track, at risk or breached.
 * @module
 */
import { Option } from 'commander'

import type { CliRuntime, CommandRegistrar } from '../io/command.js'
import { addTableOptions, readSharedOptions, type SharedOptionValues } from '../io/options.js'
import { runTableCommand } from '../io/runTable.js'
import { UsageError } from '../io/usageError.js'
import { readCells } from '../kpi/cells.js'
import { loadWorkingCalendar } from './calendarFile.js'
import { SLA_RULES, slaRuleNamed } from './slaRules.js'
import { slaTableCommand } from './slaTable.js'

interface SlaOptionValues extends SharedOptionValues {
  readonly rule: string
  readonly calendar: string[]
  readonly now?: string
  readonly atRisk?: string
}

const EXAMPLES = `
规则 Rules:
${SLA_RULES.map((rule) => `  ${rule.name.padEnd(18)} ${rule.ruleId.padEnd(8)} ${rule.descriptionZh}\n  ${''.padEnd(27)}${rule.descriptionEn}`).join('\n')}

列 Columns: 编号 id (optional), 开始 start (instant, or a day for claim-3wd / late-delivery-1w),
  完成 done (optional), 区域 zone (市区/郊区, for --rule dispatch).

示例 Examples:
  kehu sla examples/exports/sla-service-calls.csv --rule dispatch --now 2026-10-08T14:00:00+08:00
  kehu sla examples/exports/sla-trips.csv --rule claim-3wd --now 2026-10-08T14:00:00+08:00
  kehu sla calls.csv --rule dispatch-urban --calendar company-2026.json --calendar cn-2027.json
`

/** Registers `kehu sla`. */
export const registerSlaCommand: CommandRegistrar = (program, runtime: CliRuntime) => {
  const command = program
    .command('sla')
    .summary('时效检查 deadlines and breach status on the China working calendar (R-SVC-3, R-EXP-2, R-CON-3, R-VIS-3/4)')
    .description('按规则计算每项的截止时间（工作日历）及其状态：按时、正常、临近、超时。\nComputes each item\'s deadline under a rule on the working calendar, and whether it is met, on track, at risk or breached.')
    .argument('<file>', '输入文件 input file (csv, tsv, xlsx, json, ndjson)')
    .addOption(new Option('--rule <name>', '时限规则 the deadline rule').choices(SLA_RULES.map((rule) => rule.name)).makeOptionMandatory())
    .option('--calendar <file.json>', '工作日历文件 company overrides or a holiday schedule (JSON), repeatable', (value: string, previous: string[]) => [...previous, value], [])
    .option('--now <instant>', '评估时间 the instant to judge at (default: now), e.g. 2026-10-08T14:00:00+08:00 or "2026-10-08 14:00" (Shanghai)')
    .option('--at-risk <hours>', '临近阈值 at most this many working hours left is at risk (default: 1 for dispatch, 8 for day rules)')
    .addHelpText('after', EXAMPLES)
  addTableOptions(command).action(async (file: string, values: SlaOptionValues) => {
    const shared = readSharedOptions(values)
    const rule = slaRuleNamed(values.rule)
    if (rule === undefined) throw new UsageError(`未知规则 ${values.rule}`, `unknown rule ${values.rule}`)
    const calendar = await loadWorkingCalendar(values.calendar, runtime.cwd)
    const now = values.now === undefined ? new Date() : readNow(values.now)
    const atRisk = values.atRisk === undefined ? undefined : readAtRisk(values.atRisk)
    await runTableCommand(slaTableCommand, file, shared, { rule, calendar, now, ...(atRisk === undefined ? {} : { atRiskWorkingMs: atRisk }) }, runtime)
  })
}

/** Reads `--now` like an instant cell. @throws {@link UsageError} */
export function readNow(text: string): Date {
  const result = readCells({ rowNumber: 0, values: { now: text } }, (cells) => cells.instant('now'))
  if (Array.isArray(result)) throw new UsageError(`--now 无效：${result[0]?.reason ?? ''}`, `--now is not a valid instant: ${result[0]?.reason ?? ''}`)
  return result
}

/** Reads `--at-risk` hours as whole milliseconds. @throws {@link UsageError} */
export function readAtRisk(text: string): number {
  const hours = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(hours) || hours > 1000) {
    throw new UsageError(`--at-risk 必须是 0 到 1000 之间的工作小时数，实际为 ${JSON.stringify(text)}`, `--at-risk must be working hours between 0 and 1000, got ${JSON.stringify(text)}`)
  }
  return Math.round(hours * 3_600_000)
}
