import { type CustomerLifecycle, isCustomerStage, type SelectionAssessment } from '@kehu/core'

import { Prisma, type Customer } from '../generated/prisma/client.js'

/** The columns of a Customer row that hold its lifecycle (R-LIF-1..5). */
export const LIFECYCLE_SELECT = {
  id: true,
  stage: true,
  activePhase: true,
  stageUpdatedAt: true,
  qualificationDocuments: true,
  selection: true,
  approvalRequestId: true,
  approvedAt: true,
  agreementSentAt: true,
  signedAt: true,
  customerCode: true,
  commerceStaffId: true,
  churnReason: true,
} as const satisfies Prisma.CustomerSelect

/** A Customer row's lifecycle columns. */
export type LifecycleRow = Pick<Customer, keyof typeof LIFECYCLE_SELECT>

/**
 * A Customer row's lifecycle columns as core's {@link CustomerLifecycle} (客户生命周期状态).
 * Core's `transitionCustomer` validates the result again (stage, phase, instants); this mapper
 * only turns SQL nulls into absent fields and reads the JSON columns.
 * @throws Error when a stored column cannot be core's value (a corrupted row, not user input)
 */
export function lifecycleFromRow(row: LifecycleRow): CustomerLifecycle {
  if (!isCustomerStage(row.stage)) throw new Error(`customer ${row.id}: stored stage ${JSON.stringify(row.stage)} is not a customer stage`)
  const documents = row.qualificationDocuments
  if (documents !== null && (!Array.isArray(documents) || documents.some((d) => typeof d !== 'string'))) {
    throw new Error(`customer ${row.id}: stored qualificationDocuments is not a list of texts`)
  }
  const selection = row.selection
  if (selection !== null && (typeof selection !== 'object' || Array.isArray(selection))) throw new Error(`customer ${row.id}: stored selection is not an object`)
  return {
    customerId: row.id,
    stage: row.stage,
    updatedAt: row.stageUpdatedAt,
    ...(row.activePhase === null ? {} : { activePhase: row.activePhase as 'cooperation' | 'maintenance' }),
    ...(documents === null ? {} : { qualificationDocuments: documents as string[] }),
    ...(selection === null ? {} : { selection: selection as SelectionAssessment }),
    ...(row.approvalRequestId === null ? {} : { approvalRequestId: row.approvalRequestId }),
    ...(row.approvedAt === null ? {} : { approvedAt: row.approvedAt }),
    ...(row.agreementSentAt === null ? {} : { agreementSentAt: row.agreementSentAt }),
    ...(row.signedAt === null ? {} : { signedAt: row.signedAt }),
    ...(row.customerCode === null ? {} : { customerCode: row.customerCode }),
    ...(row.commerceStaffId === null ? {} : { commerceStaffId: row.commerceStaffId }),
    ...(row.churnReason === null ? {} : { churnReason: row.churnReason }),
  }
}

/**
 * Core's {@link CustomerLifecycle} as the Customer row's lifecycle columns: every column is
 * written, a field core removed (e.g. the approval after a win-back) becomes NULL.
 */
export function lifecycleToRow(state: CustomerLifecycle): Prisma.CustomerUncheckedUpdateInput {
  return {
    stage: state.stage,
    activePhase: state.activePhase ?? null,
    stageUpdatedAt: state.updatedAt,
    qualificationDocuments: state.qualificationDocuments === undefined ? Prisma.DbNull : [...state.qualificationDocuments],
    selection: state.selection === undefined ? Prisma.DbNull : (JSON.parse(JSON.stringify(state.selection)) as Prisma.InputJsonValue),
    approvalRequestId: state.approvalRequestId ?? null,
    approvedAt: state.approvedAt ?? null,
    agreementSentAt: state.agreementSentAt ?? null,
    signedAt: state.signedAt ?? null,
    customerCode: state.customerCode ?? null,
    commerceStaffId: state.commerceStaffId ?? null,
    churnReason: state.churnReason ?? null,
  }
}
