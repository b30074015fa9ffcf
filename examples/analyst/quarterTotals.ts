/**
 * Commission totals per person over many projects, with core's amount functions (提成金额批量计算),
 * and the trace of one project on request — the way `kehu commission` computes large statements.
 *
 * Builds a quarter of 20,000 strategic and fixed projects for a ten-person team, adds up each
 * person's commissions with `strategicProjectCommissionAmounts` and `fixedProjectCommissionAmounts`
 * (the figures of the traced functions, without the trace), prints the totals and the time taken,
 * then explains the largest strategic project with the traced `strategicProjectCommission`.
 *
 *   pnpm --filter @kehu/examples exec tsx --conditions=@kehu/source analyst/quarterTotals.ts [projects]
 */
import {
  fixedProjectCommissionAmounts,
  formatCommissionTrace,
  strategicProjectCommission,
  strategicProjectCommissionAmounts,
  type StrategicProjectCommissionInput,
} from '@kehu/core/commission'
import { Money } from '@kehu/core/money'

const count = Number(process.argv[2] ?? '20000')
const team = Array.from({ length: 10 }, (_, index) => `销售${String(index + 1).padStart(2, '0')}`)
const totals = new Map<string, Money>()
const add = (person: string, amount: Money): void => void totals.set(person, (totals.get(person) ?? Money.ZERO).plus(amount))

let largest: { input: StrategicProjectCommissionInput; total: Money } | undefined
const started = performance.now()
for (let index = 0; index < count; index++) {
  // A deterministic spread of projects: revenue 100,000–1,099,000 yuan, margins 20–59%.
  const revenue = 100_000 + ((index * 7919) % 1000) * 1000
  const profit = Money.of(String((revenue * (20 + ((index * 31) % 40))) / 100))
  const lead = team[index % team.length] as string
  if (index % 3 === 0) {
    add(lead, fixedProjectCommissionAmounts({ turnover: String(revenue), rate: '0.08' }).amount)
    continue
  }
  const input = { revenue: String(revenue), profit: profit.toString(), lead: { person: lead, rate: '0.22' }, assistants: [{ person: team[(index + 1) % team.length] as string, rate: '0.03' }] }
  const result = strategicProjectCommissionAmounts(input)
  for (const line of result.lines) add(line.person, line.amount)
  if (largest === undefined || result.total.compare(largest.total) > 0) largest = { input, total: result.total }
}
const seconds = (performance.now() - started) / 1000

console.log(`${count} 个项目 projects in ${seconds.toFixed(2)} s`)
for (const [person, amount] of [...totals].sort(([a], [b]) => a.localeCompare(b))) console.log(`${person}  ${amount.format().padStart(16)}`)
if (largest !== undefined) {
  console.log('\n最大的策略性项目 largest strategic project, explained (R-COM-8):')
  console.log(formatCommissionTrace(strategicProjectCommission(largest.input).trace, 'zh').join('\n'))
}
