import { defaultLifecyclePolicy, type LifecycleEvent, transitionCustomer } from '@kehu/core'

import { recordAction } from '../access/customerAccess.js'
import type { Prisma } from '../generated/prisma/client.js'
import { RuleRefusal } from '../refusals.js'
import { withCoreInput } from './approvalCoreInput.js'
import { type ApprovalEffect, registerApprovalEffect } from './approvalEffects.js'
import { lifecycleFromRow } from './lifecycleState.js'
import { readLifecycleRow, writeLifecycle } from './lifecycleTransition.js'

/**
 * What the end of a new-customer approval (新客户审批表, R-LIF-2) does to the customer, in the
 * decision's transaction: approved → the customer moves to `approved` (core's `approve`);
 * rejected or withdrawn → back to `developing` (core's `returnToDevelopment`, R-LIF-1). Core
 * checks that the request is the one linked to the customer; its refusal undoes the decision.
 *
 * Left alone: a signature that does not end the request, requests of other chains about a
 * customer, and a request the customer no longer awaits (the customer churned or was won back
 * while it was pending) — the decision is then recorded on the request only.
 */
export const customerApprovalEffect: ApprovalEffect = async (tx, { request, actor, at }) => {
  if (request.status === 'pending' || request.chain.id !== defaultLifecyclePolicy.newCustomerChainId) return
  const row = await readLifecycleRow(tx, request.subject.id)
  if (row === null) return
  const state = lifecycleFromRow(row)
  if (state.stage !== 'pendingApproval' || state.approvalRequestId !== request.id) return
  const event: LifecycleEvent = request.status === 'approved' ? { type: 'approve' } : { type: 'returnToDevelopment' }
  const result = withCoreInput('R-LIF-2', () => transitionCustomer(state, event, { at, approval: request }))
  if (!result.ok) throw new RuleRefusal(result.refusal)
  await writeLifecycle(tx, row, result.state)
  await recordAction(tx, {
    actor,
    at,
    action: `customer.lifecycle.${event.type}`,
    subjectKind: 'customer',
    subjectId: state.customerId,
    details: { from: state.stage, to: result.state.stage, approvalRequestId: request.id, status: request.status } satisfies Prisma.InputJsonValue,
  })
}

registerApprovalEffect('customer', customerApprovalEffect)
