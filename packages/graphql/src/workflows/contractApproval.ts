import type { ApprovalStatus } from '@kehu/core'

import { ConflictRefusal, RuleRefusal } from '../refusals.js'
import { registerApprovalEffect } from './approvalEffects.js'
import type { ContractStatus } from './contractRows.js'

/** The approval subject kind of a sales contract (销售合同审批, R-CON-1). */
export const CONTRACT_SUBJECT = 'contract'

/** The contract status once its approval request ends so; a request still pending leaves it. */
const STATUS_AFTER: Readonly<Partial<Record<ApprovalStatus, ContractStatus>>> = { approved: 'approved', rejected: 'rejected', withdrawn: 'withdrawn' }

/**
 * R-CON-1 What a decision on a contract's approval does to the contract: when the request ends,
 * the contract moves from `pendingApproval` to `approved`, `rejected` or `withdrawn` (an approved
 * contract may then be signed). The move is conditioned on the contract still waiting on this
 * very request; otherwise the decision is refused as a conflict and nothing is written.
 */
registerApprovalEffect(CONTRACT_SUBJECT, async (tx, { request, previous }) => {
  const status = STATUS_AFTER[request.status]
  if (status === undefined || previous.status === request.status) return
  const moved = await tx.contract.updateMany({ where: { id: request.subject.id, status: 'pendingApproval', approvalRequestId: request.id }, data: { status } })
  if (moved.count !== 1) throw new ConflictRefusal('contract', request.subject.id, 'R-CON-1')
})

const refusal = (code: string, ruleId: string, messageZh: string, messageEn: string): RuleRefusal => new RuleRefusal({ code, ruleId, messageZh, messageEn })

/**
 * R-CON-1 Whether a contract in `status` may be signed: one below the threshold (`draft`) or one
 * whose approval procedure approved it. The refusal otherwise, in both languages.
 */
export function signingRefusal(status: string): RuleRefusal | null {
  switch (status) {
    case 'draft':
    case 'approved':
      return null
    case 'pendingApproval':
      return refusal('CONTRACT.APPROVAL_PENDING', 'R-CON-1', '合同审批尚未完成，不得签订', 'the contract approval procedure has not finished; the contract may not be signed yet')
    case 'rejected':
    case 'withdrawn':
      return refusal('CONTRACT.NOT_APPROVED', 'R-CON-1', '合同未获审批通过，不得签订', 'the contract was not approved and may not be signed')
    default:
      return refusal('CONTRACT.ALREADY_SIGNED', 'R-CON-1', '合同已签订', 'the contract is already signed')
  }
}

/** R-CON-2 Payments are reconciled against a signed contract only (已签订或已结清). */
export function paymentRefusal(status: string): RuleRefusal | null {
  if (status === 'signed' || status === 'closed') return null
  return refusal('CONTRACT.NOT_SIGNED', 'R-CON-2', '合同尚未签订，不能登记回款', 'the contract is not signed; no payment can be recorded against it')
}
