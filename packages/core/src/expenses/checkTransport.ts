import { Money } from '../money/money.js'
import type { ReadClaim } from './claim.js'
import { TAXI_MODES } from './items.js'
import type { ExpensePolicy } from './policy.js'
import { ExpenseViolationCode as V, type Finding, itemFinding } from './violation.js'

/**
 * R-EXP-3 fares within the fare standard: a category missing from `policy.fareStandards`
 * withholds the whole fare; a fare above its category's maximum per ticket withholds the excess.
 * @internal
 */
export function checkFareStandard(claim: ReadClaim, policy: ExpensePolicy): Finding[] {
  const findings: Finding[] = []
  for (const item of claim.items) {
    if (item.kind !== 'fare' || item.fareCategory === undefined) continue
    const category = item.fareCategory
    const maxText = Object.hasOwn(policy.fareStandards, category) ? policy.fareStandards[category] : undefined
    if (maxText === undefined) {
      findings.push(
        itemFinding(item, item.amount, V.FARE_CATEGORY_NOT_IN_STANDARD, 'R-EXP-3', `${item.field}.fareCategory`, `交通工具等级 ${category} 不在报销标准内`, `Fare category ${category} is not in the fare standard`, {
          fareCategory: category,
        }),
      )
      continue
    }
    const max = Money.parse(maxText)
    if (item.amount.compare(max) > 0) {
      const excess = item.amount.minus(max)
      findings.push(
        itemFinding(
          item,
          excess,
          V.FARE_ABOVE_STANDARD,
          'R-EXP-3',
          `${item.field}.amount`,
          `交通费 ${item.amount.format()} 超过 ${category} 标准 ${max.format()}，超出 ${excess.format()}`,
          `Fare ${item.amount.format()} is above the ${category} standard ${max.format()} by ${excess.format()}`,
          { fareCategory: category, standard: max.toString(), excess: excess.toString() },
        ),
      )
    }
  }
  return findings
}

/**
 * R-EXP-4 local transport during the trip is public transport (公交车、中巴、轨道交通) with a
 * ticket (凭票报销); taxis and ride-hailing only when `policy.taxisAllowed`. Each finding
 * withholds the whole item.
 * @internal
 */
export function checkLocalTransport(claim: ReadClaim, policy: ExpensePolicy): Finding[] {
  const findings: Finding[] = []
  for (const item of claim.items) {
    if (item.kind !== 'localTransport' || item.mode === undefined) continue
    const mode = item.mode
    if (TAXI_MODES.includes(mode)) {
      if (!policy.taxisAllowed) {
        findings.push(itemFinding(item, item.amount, V.TAXI_NOT_ALLOWED, 'R-EXP-4', `${item.field}.mode`, '出差期间市内交通应使用公共交通，出租车/网约车费不予报销', 'Local transport must be public; taxi and ride-hailing fares are not reimbursed', { mode }))
      }
    } else if (!policy.publicLocalTransportModes.includes(mode)) {
      findings.push(itemFinding(item, item.amount, V.LOCAL_TRANSPORT_NOT_PUBLIC, 'R-EXP-4', `${item.field}.mode`, `市内交通方式 ${mode} 不是公共交通`, `Local transport mode ${mode} is not public transport`, { mode }))
    }
    if (item.invoice === undefined) {
      findings.push(itemFinding(item, item.amount, V.LOCAL_TRANSPORT_WITHOUT_TICKET, 'R-EXP-4', `${item.field}.invoice`, '市内交通费须凭票报销，未附车票', 'Local transport is reimbursed against tickets; no ticket attached', { mode }))
    }
  }
  return findings
}
