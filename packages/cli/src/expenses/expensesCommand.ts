/**
 * `kehu expenses check <file>` (报销检查): every violation of every claim in a claims export
 * (R-EXP-1..7), checked by core. Violations are findings, not bad data: the run exits 0 when
 * every claim was checked; bad rows exit 1, usage errors 2.
 * @module
 */
import type { CliRuntime, CommandRegistrar } from '../io/command.js'
import { addTableOptions, readSharedOptions, type SharedOptionValues } from '../io/options.js'
import { runTableCommand } from '../io/runTable.js'
import { loadWorkingCalendar } from '../sla/calendarFile.js'
import { expensesCheckCommand } from './expensesTable.js'

interface ExpensesOptionValues extends SharedOptionValues {
  readonly calendar: string[]
  readonly summary?: boolean
}

const EXAMPLES = `
一行一条费用明细；报销单的字段（报销人、提交时间、出差日期与审批、是否附出差申请单）可每行重复或只写在首行。
One row per expense item; the claim's fields may repeat on every row or stand on its first row only.
同一文件中较早提交的报销单是较晚者的历史（重复发票、当月手机费额度）。
Claims filed earlier in the file are the history of later ones (duplicate invoices, the month's phone allowance).

示例 Examples:
  kehu expenses check examples/exports/claims-2026-09.csv
  kehu expenses check examples/exports/claims-2026-09.csv --summary -o review.xlsx
`

/** Registers `kehu expenses check`. */
export const registerExpensesCommand: CommandRegistrar = (program, runtime: CliRuntime) => {
  const expenses = program.command('expenses').summary('费用报销 expense claims (R-EXP)').description('费用报销检查 expense claim checks (R-EXP-1..7)')
  const check = expenses
    .command('check')
    .summary('报销检查 every violation of every claim in a claims export (R-EXP-1..7)')
    .description('列出报销导出文件中每张报销单的全部问题（R-EXP-1..7），含规则编号与核减金额。\nLists every violation of every claim in a claims export (R-EXP-1..7), with rule IDs and the amounts withheld.')
    .argument('<file>', '报销明细文件 claims export (csv, tsv, xlsx, json, ndjson)')
    .option('--summary', '每张报销单一行 one line per claim: claimed, withheld, reimbursable')
    .option('--calendar <file.json>', '工作日历文件 company overrides or a holiday schedule (JSON) for the 3-working-day deadline, repeatable', (value: string, previous: string[]) => [...previous, value], [])
    .addHelpText('after', EXAMPLES)
  addTableOptions(check).action(async (file: string, values: ExpensesOptionValues) => {
    const shared = readSharedOptions(values)
    const calendar = await loadWorkingCalendar(values.calendar, runtime.cwd)
    await runTableCommand(expensesCheckCommand, file, shared, { calendar, summary: values.summary === true }, runtime)
  })
}
