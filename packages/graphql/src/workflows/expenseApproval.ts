import { type ApprovalChainPolicy, defaultEntertainmentChain, defaultPhoneAllowanceChain, defaultTripChain } from '@kehu/core'

import { registerApprovalEffect } from './approvalEffects.js'
import { CLAIM_INCLUDE, checkStoredClaim, ITEM_APPROVAL_DETAILS_KEY, violationsJson } from './expenseClaimState.js'

/** The subject kind of approval requests about an expense claim. */
export const EXPENSE_CLAIM_SUBJECT = 'expenseClaim'

/**
 * Core's approval chains a claim's items need, and where an item keeps the id of its request:
 * R-EXP-5 the entertainment expense form signed by the department manager (业务招待费报销单签批),
 * R-EXP-6 phone cost above the allowance approved by the manager (超标手机费用审批).
 */
export const ITEM_APPROVALS = Object.freeze({
  entertainment: { chain: defaultEntertainmentChain, detailsKey: ITEM_APPROVAL_DETAILS_KEY.entertainment! },
  phone: { chain: defaultPhoneAllowanceChain, detailsKey: ITEM_APPROVAL_DETAILS_KEY.phone! },
} as const satisfies Record<string, { chain: ApprovalChainPolicy; detailsKey: string }>)

/** R-EXP-1 the chain a claim's trip application must have been approved on. */
export const TRIP_APPLICATION_CHAIN_ID = defaultTripChain.id

/**
 * What a decision on an `expenseClaim` request does: core checks the claim again with the new
 * status of the request, and the verdict is stored on the claim (`violations`, "as last
 * checked"). A draft is checked as if filed at the decision; a filed claim at its filing time,
 * so a signature given after the filing still shows as missing (R-EXP-5/6: decided by the filing).
 */
registerApprovalEffect(EXPENSE_CLAIM_SUBJECT, async (tx, { request, at }) => {
  const claim = await tx.expenseClaim.findUnique({ where: { id: request.subject.id }, include: CLAIM_INCLUDE })
  if (claim === null) throw new Error(`approval ${request.id} is about expense claim ${request.subject.id}, which does not exist`)
  const result = await checkStoredClaim(tx, claim, at)
  await tx.expenseClaim.update({ where: { id: claim.id }, data: { violations: violationsJson(result) } })
})
