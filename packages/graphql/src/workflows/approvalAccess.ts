import type { ApprovalRequest, Staff } from '@kehu/core'

import { mayViewCustomer } from '../access/customerAccess.js'
import type { Prisma, PrismaClient } from '../generated/prisma/client.js'
import { AccessDeniedRefusal } from '../refusals.js'

type Tx = Prisma.TransactionClient | PrismaClient

/**
 * Whether `actor` is part of the request's chain (审批流程中的人): named as an approver of a step,
 * holding a role a step lists, or having signed or submitted it. Membership only — whether the
 * actor may sign *now* is core's `canDecide`.
 */
export function isInApprovalChain(request: ApprovalRequest, actor: Pick<Staff, 'id' | 'roles'>): boolean {
  if (request.history.some((event) => event.actorId === actor.id)) return true
  return request.chain.steps.some((step) => step.approvers.some((approver) => (approver.kind === 'person' ? approver.personId === actor.id : actor.roles.includes(approver.role))))
}

/**
 * R-ACC-1 for approval requests (审批单的查阅范围): a request is visible to its submitter, to
 * everyone in its chain ({@link isInApprovalChain}), and — when its subject is a customer — to
 * whoever may view that customer under core's `decideAccess`. Nobody else: a request about a
 * contract or an expense claim is seen by its submitter and its approvers only.
 */
export async function mayViewApprovalRequest(tx: Tx, actor: Staff, request: ApprovalRequest, at: Date): Promise<boolean> {
  if (!actor.active) return false
  if (request.submittedBy === actor.id || isInApprovalChain(request, actor)) return true
  return request.subject.kind === 'customer' && mayViewCustomer(tx, actor, request.subject.id, at)
}

/** The R-ACC-1 refusal for a request the actor may not see (无权查看该审批单). */
export function approvalAccessDenied(requestId: string): AccessDeniedRefusal {
  return new AccessDeniedRefusal(
    'APPROVAL.NOT_INVOLVED',
    `无权查看审批单 ${requestId}：既非提交人、审批人，也无权查看其客户`,
    `approval request ${requestId} is visible to its submitter, its approvers and those who may view its customer only`,
  )
}
