import { type ApprovalRequest, readApprovalRequest } from '@kehu/core/approval'

import type { ApprovalEvent as ApprovalEventRow, ApprovalRequest as ApprovalRequestRow, Prisma } from '../generated/prisma/client.js'

/**
 * Core's {@link ApprovalRequest} as the columns of an `ApprovalRequest` row and its `ApprovalEvent`
 * rows (the history, `seq` from 0). The chain is kept whole as JSON: a request is signed along the
 * chain it was submitted with, even after the policy changes.
 */
export function approvalRequestToRow(request: ApprovalRequest): {
  readonly request: Prisma.ApprovalRequestUncheckedCreateInput
  readonly events: readonly Prisma.ApprovalEventCreateManyInput[]
} {
  return {
    request: {
      id: request.id,
      chainId: request.chain.id,
      chain: JSON.parse(JSON.stringify(request.chain)) as Prisma.InputJsonValue,
      subjectKind: request.subject.kind,
      subjectId: request.subject.id,
      submittedById: request.submittedBy,
      submittedAt: request.submittedAt,
      status: request.status,
      currentStep: request.currentStep,
      decidedAt: request.decidedAt ?? null,
    },
    events: request.history.map((event, seq) => ({
      requestId: request.id,
      seq,
      type: event.type,
      stepId: 'stepId' in event ? event.stepId : null,
      actorId: event.actorId,
      approverIndex: 'approverIndex' in event ? event.approverIndex : null,
      at: event.at,
      comment: event.comment ?? null,
    })),
  }
}

/**
 * A stored request with its events as core's {@link ApprovalRequest}, checked by core's
 * `readApprovalRequest` (the stored status and step must agree with the replayed history).
 * @throws core's ApprovalInputError `APPROVAL.INVALID_REQUEST` for a row that disagrees with its history
 */
export function approvalRequestFromRow(row: ApprovalRequestRow & { readonly events: readonly ApprovalEventRow[] }): ApprovalRequest {
  const history = [...row.events]
    .sort((a, b) => a.seq - b.seq)
    .map((event) => ({
      type: event.type,
      actorId: event.actorId,
      at: event.at,
      ...(event.stepId === null ? {} : { stepId: event.stepId }),
      ...(event.approverIndex === null ? {} : { approverIndex: event.approverIndex }),
      ...(event.comment === null ? {} : { comment: event.comment }),
    }))
  return readApprovalRequest(
    {
      id: row.id,
      chain: row.chain,
      subject: { kind: row.subjectKind, id: row.subjectId },
      submittedBy: row.submittedById,
      submittedAt: row.submittedAt,
      status: row.status,
      currentStep: row.currentStep,
      history,
      ...(row.decidedAt === null ? {} : { decidedAt: row.decidedAt }),
    },
    `approvalRequest[${row.id}]`,
  )
}
