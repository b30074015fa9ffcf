import { type ApprovalRequest, decideApproval, type Staff, withdrawApproval } from '@kehu/core'

import { recordAction } from '../access/customerAccess.js'
import { approvalRequestFromRow, approvalRequestToRow } from '../db/approvals.js'
import type { PrismaClient } from '../generated/prisma/client.js'
import { ConflictRefusal, NotFoundRefusal, RuleRefusal } from '../refusals.js'
import { approvalAccessDenied, mayViewApprovalRequest } from './approvalAccess.js'
import { withCoreInput } from './approvalCoreInput.js'
import { applyApprovalEffect } from './approvalEffects.js'

/** How the events of a request are read with it: in history order. */
export const APPROVAL_EVENTS_INCLUDE = { events: { orderBy: { seq: 'asc' } } } as const

/** A signature (签批) or the submitter's withdrawal (撤回) of a request. */
export type ApprovalAction = { readonly kind: 'decide'; readonly decision: 'approve' | 'reject'; readonly comment?: string } | { readonly kind: 'withdraw'; readonly comment?: string }

/** The outcome of {@link actOnApprovalRequest}: the request as now stored, and its new version. */
export interface ApprovalActionOutcome {
  readonly request: ApprovalRequest
  readonly version: number
}

/**
 * Applies one action to a stored approval request, in one transaction:
 *
 * 1. read the row and its events → core's request (`approvalRequestFromRow` replays the history);
 * 2. R-ACC-1: the actor must be able to see the request ({@link mayViewApprovalRequest});
 * 3. the version the caller saw must still be the stored one, else {@link ConflictRefusal};
 * 4. core's `decideApproval` / `withdrawApproval` (R-LIF-2: order, no double signing, submitter
 *    only …); a refusal is thrown as {@link RuleRefusal};
 * 5. write the new status and step with an update **conditioned on the version**: when another
 *    decision was stored in between, nothing matches and the action is refused as a conflict — so
 *    the same signature sent twice takes effect once;
 * 6. append the new history event(s), run the subject's registered effect (a customer's lifecycle
 *    moves on approval) and the audit row.
 *
 * Any refusal rolls the whole transaction back: nothing is written.
 */
export async function actOnApprovalRequest(
  prisma: PrismaClient,
  input: { readonly actor: Staff; readonly at: Date; readonly requestId: string; readonly expectedVersion: number; readonly action: ApprovalAction },
): Promise<ApprovalActionOutcome> {
  const { actor, at, requestId, action } = input
  return prisma.$transaction(async (tx) => {
    const row = await tx.approvalRequest.findUnique({ where: { id: requestId }, include: APPROVAL_EVENTS_INCLUDE })
    if (row === null) throw new NotFoundRefusal('approvalRequest', requestId)
    const previous = approvalRequestFromRow(row)
    if (!(await mayViewApprovalRequest(tx, actor, previous, at))) throw approvalAccessDenied(requestId)
    const ruleId = previous.chain.ruleId
    if (row.version !== input.expectedVersion) throw new ConflictRefusal('approvalRequest', requestId, ruleId)

    const comment = action.comment === undefined ? {} : { comment: action.comment }
    const result = withCoreInput(ruleId, () =>
      action.kind === 'decide' ? decideApproval(previous, { actor, decision: action.decision, at, ...comment }) : withdrawApproval(previous, { actor, at, ...comment }),
    )
    if (!result.ok) throw new RuleRefusal(result.refusal)
    const next = result.request

    // Compare-and-set on the version: the read above and this write may be separated by another decision.
    const written = await tx.approvalRequest.updateMany({
      where: { id: requestId, version: row.version },
      data: { status: next.status, currentStep: next.currentStep, decidedAt: next.decidedAt ?? null, version: row.version + 1 },
    })
    if (written.count !== 1) throw new ConflictRefusal('approvalRequest', requestId, ruleId)
    await tx.approvalEvent.createMany({ data: approvalRequestToRow(next).events.slice(row.events.length) })

    await applyApprovalEffect(tx, { request: next, previous, actor, at })
    const last = next.history[next.history.length - 1]
    await recordAction(tx, {
      actor,
      at,
      action: action.kind === 'decide' ? 'approval.decide' : 'approval.withdraw',
      subjectKind: 'approvalRequest',
      subjectId: requestId,
      details: { event: last?.type ?? null, status: next.status, currentStep: next.currentStep, version: row.version + 1, subject: { kind: next.subject.kind, id: next.subject.id } },
    })
    return { request: next, version: row.version + 1 }
  })
}
