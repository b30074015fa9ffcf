import { registerApprovalEffect } from './approvalEffects.js'

/** The approval subject kind of a visit plan (拜访计划审批, R-VIS-1). */
export const VISIT_PLAN_SUBJECT = 'visitPlan'

/**
 * R-VIS-1 What a decision on a visit plan's approval does to the plan. The plan keeps no status of
 * its own: whether the visit may take place is read from the request by core's
 * `visitMayTakePlace` when the visit is recorded. The effect only refuses a decision on a request
 * that is not the plan's own (a plan that was removed, or a request linked to another plan), so
 * that no orphaned approval is signed; it throws, and the decision is not written.
 */
registerApprovalEffect(VISIT_PLAN_SUBJECT, async (tx, { request }) => {
  const plan = await tx.visitPlan.findUnique({ where: { id: request.subject.id }, select: { approvalRequestId: true } })
  if (plan === null || plan.approvalRequestId !== request.id) {
    throw new Error(`approval request ${request.id} is not the approval of visit plan ${request.subject.id}`)
  }
})
