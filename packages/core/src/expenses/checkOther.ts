import { Money, sumMoney } from '../money/money.js'
import type { ReadApproval, ReadClaim, ReadPastClaim } from './claim.js'
import type { ExpensePolicy } from './policy.js'
import { ExpenseViolationCode as V, type Finding, itemFinding } from './violation.js'

/** Approved, and decided no later than `by`. */
function approvedBy(approval: ReadApproval | undefined, by: Date): boolean {
  return approval !== undefined && approval.status === 'approved' && approval.decidedAt !== undefined && approval.decidedAt.getTime() <= by.getTime()
}

/**
 * R-EXP-5 sundries (公务杂费) are reimbursed at cost (实报实销): only the policy's categories; the
 * amount claimed must equal the receipt. A wrong category withholds the whole item; a claim above
 * the receipt withholds the difference (a claim below the receipt is flagged, nothing withheld).
 * @internal
 */
export function checkSundries(claim: ReadClaim, policy: ExpensePolicy): Finding[] {
  const findings: Finding[] = []
  for (const item of claim.items) {
    if (item.kind !== 'sundry' || item.category === undefined || item.receiptAmount === undefined) continue
    if (!policy.sundryCategories.includes(item.category)) {
      findings.push(
        itemFinding(item, item.amount, V.SUNDRY_CATEGORY_NOT_ALLOWED, 'R-EXP-5', `${item.field}.category`, `${item.category} 不属于实报实销的公务杂费（${policy.sundryCategories.join('、')}）`, `${item.category} is not an official sundry reimbursed at cost (${policy.sundryCategories.join(', ')})`, {
          category: item.category,
        }),
      )
    }
    if (!item.amount.equals(item.receiptAmount)) {
      const over = item.amount.compare(item.receiptAmount) > 0 ? item.amount.minus(item.receiptAmount) : Money.ZERO
      findings.push(
        itemFinding(
          item,
          over,
          V.SUNDRY_NOT_AT_COST,
          'R-EXP-5',
          `${item.field}.amount`,
          `公务杂费应实报实销：报销 ${item.amount.format()}，票面 ${item.receiptAmount.format()}`,
          `Sundries are reimbursed at cost: claimed ${item.amount.format()}, receipt ${item.receiptAmount.format()}`,
          { receiptAmount: item.receiptAmount.toString() },
        ),
      )
    }
  }
  return findings
}

/**
 * R-EXP-5 entertainment (业务招待费) needs its expense form signed by the department manager
 * (approved, decided no later than the filing). Otherwise the whole item is withheld.
 * @internal
 */
export function checkEntertainment(claim: ReadClaim): Finding[] {
  return claim.items
    .filter((item) => item.kind === 'entertainment' && !approvedBy(item.approval, claim.filedAt))
    .map((item) => {
      const form = item.approval
      const reason = form === undefined ? 'missing' : form.status !== 'approved' ? form.status : 'signedAfterFiling'
      return itemFinding(item, item.amount, V.ENTERTAINMENT_FORM_NOT_SIGNED, 'R-EXP-5', `${item.field}.expenseForm`, '业务招待费须填写费用报销单并经部门经理签批', 'Entertainment needs an expense form signed by the department manager', { reason })
    })
}

/**
 * R-EXP-6 mobile-phone costs up to the monthly allowance; above it needs the manager's approval.
 * Per month of the claimant: the allowance left is the allowance minus what past claims of the
 * same claimant already claimed for that month (never below zero); the claim's phone items of the
 * month use it up in item order, and the part of an item beyond it is withheld unless that item
 * carries an approval decided by the filing.
 * @internal
 */
export function checkPhone(claim: ReadClaim, history: readonly ReadPastClaim[], policy: ExpensePolicy): Finding[] {
  const allowance = Money.parse(policy.phoneAllowancePerMonth)
  const usedBefore = new Map<string, Money>()
  const findings: Finding[] = []
  for (const item of claim.items) {
    if (item.kind !== 'phone' || item.month === undefined) continue
    const month = item.month
    let before = usedBefore.get(month)
    if (before === undefined) {
      before = sumMoney(
        history
          .filter((past) => past.id !== claim.id && past.claimantId === claim.claimantId)
          .flatMap((past) => past.items.filter((pastItem) => pastItem.kind === 'phone' && pastItem.month === month).map((pastItem) => pastItem.amount)),
      )
    }
    const after = before.plus(item.amount)
    usedBefore.set(month, after)
    if (after.compare(allowance) <= 0) continue
    const excess = after.minus(before.compare(allowance) > 0 ? before : allowance)
    if (approvedBy(item.approval, claim.filedAt)) continue
    findings.push(
      itemFinding(
        item,
        excess,
        V.PHONE_ABOVE_ALLOWANCE,
        'R-EXP-6',
        `${item.field}.amount`,
        `${month} 手机费超出每月额度 ${allowance.format()}，超出部分 ${excess.format()} 须经经理审批`,
        `Phone cost for ${month} is above the monthly allowance ${allowance.format()}; the excess ${excess.format()} needs the manager’s approval`,
        { month, allowance: allowance.toString(), excess: excess.toString() },
      ),
    )
  }
  return findings
}
