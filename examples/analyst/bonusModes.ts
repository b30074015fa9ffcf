/**
 * An analyst's question the CLI does not answer: how much would the over-profit bonus (超额利润奖励,
 * R-COM-4) cost if the company paid it continuously instead of in full 5-point steps?
 *
 * For one strategic project's revenue, sweeps the margin from 40% to 60% and prints the bonus
 * under the default policy (stepwise) and under a policy in `continuous` mode, both computed by
 * core's `overProfitBonus` — no formula is written here.
 *
 *   pnpm --filter @kehu/examples exec tsx --conditions=@kehu/source analyst/bonusModes.ts [revenue]
 */
import { createCommissionPolicy, defaultCommissionPolicy, overProfitBonus } from '@kehu/core/commission'
import { Money } from '@kehu/core/money'

const revenue = Money.of(process.argv[2] ?? '1000000', 'revenue')
const continuous = createCommissionPolicy({ overProfitBonus: { mode: 'continuous' } })

console.log(`项目收入 revenue ${revenue.format()}`)
console.log('利润率 margin  档数 steps  分档 stepwise      连续 continuous    差额 difference')
let stepwiseSum = Money.ZERO
let continuousSum = Money.ZERO
for (let points = 40; points <= 60; points += 2.5) {
  // The profit at this margin, rounded to the fen as a profit figure would be.
  const profit = Money.of(revenue.yuan.times(points).dividedBy(100).toFixed(2), 'profit')
  const stepwise = overProfitBonus({ revenue: revenue.toString(), profit: profit.toString() }, defaultCommissionPolicy)
  const smooth = overProfitBonus({ revenue: revenue.toString(), profit: profit.toString() }, continuous)
  stepwiseSum = stepwiseSum.plus(stepwise.amount)
  continuousSum = continuousSum.plus(smooth.amount)
  console.log(
    `${`${points}%`.padEnd(14)}${String(stepwise.steps).padStart(5)}  ${stepwise.amount.format().padStart(16)}  ${smooth.amount.format().padStart(16)}  ${smooth.amount.minus(stepwise.amount).format().padStart(14)}`,
  )
}
console.log(`合计 total${' '.repeat(11)}${stepwiseSum.format().padStart(16)}  ${continuousSum.format().padStart(16)}  ${continuousSum.minus(stepwiseSum).format().padStart(14)}`)
