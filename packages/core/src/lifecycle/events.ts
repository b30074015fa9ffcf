import type { ApprovalChainPolicy, ApprovalRequest } from '../approval/types.js'
import type { Staff } from '../staff/staff.js'
import type { SelectionAssessment } from './selectionCriteria.js'

/**
 * What happens to a customer (客户事件, R-LIF-1..5). Each event names its target; the stage it
 * may come from is checked against {@link LIFECYCLE_TRANSITIONS}.
 *
 * | event | move |
 * | --- | --- |
 * | `startDevelopment` | prospect → developing |
 * | `submitForApproval` | developing → pendingApproval |
 * | `approve` | pendingApproval → approved |
 * | `returnToDevelopment` | pendingApproval → developing (request rejected or withdrawn) |
 * | `sendAgreement` | approved, no stage change (records the agreement) |
 * | `sign` | approved → signed |
 * | `activate` | signed → active (cooperation) |
 * | `enterMaintenance` | active (cooperation → maintenance) |
 * | `churn` | any stage but churned → churned |
 * | `winBack` | churned → developing |
 */
export type LifecycleEvent =
  | { readonly type: 'startDevelopment' }
  | {
      readonly type: 'submitForApproval'
      /** R-LIF-2 names or ids of the qualification documents attached (资质文件). */
      readonly qualificationDocuments: readonly string[]
      /** R-LIF-3 the six criteria assessed. */
      readonly selection: SelectionAssessment
    }
  | { readonly type: 'approve' }
  | { readonly type: 'returnToDevelopment' }
  | { readonly type: 'sendAgreement' }
  | {
      readonly type: 'sign'
      /** R-LIF-4 供货合同 signed. */
      readonly supplyContractSigned: boolean
      /** R-LIF-4 质量保证合同 signed (together with the supply contract). */
      readonly qualityContractSigned: boolean
    }
  | {
      readonly type: 'activate'
      /** R-LIF-5 the commerce staff member assigned to follow the customer. */
      readonly commerceStaff: Staff
    }
  | { readonly type: 'enterMaintenance' }
  | { readonly type: 'churn'; readonly reason?: string }
  | { readonly type: 'winBack' }

/** The event types. */
export const LIFECYCLE_EVENT_TYPES = [
  'startDevelopment',
  'submitForApproval',
  'approve',
  'returnToDevelopment',
  'sendAgreement',
  'sign',
  'activate',
  'enterMaintenance',
  'churn',
  'winBack',
] as const satisfies readonly LifecycleEvent['type'][]

/**
 * The linked new-customer approval request, as the lifecycle reads it: the request itself, or a
 * stored summary with these fields.
 */
export type LinkedApproval = Pick<ApprovalRequest, 'id' | 'status' | 'subject'> & {
  readonly chain: Pick<ApprovalChainPolicy, 'id'>
  readonly decidedAt?: Date
}

/** Facts from outside the customer record that a transition needs. */
export interface LifecycleContext {
  /** When the event happens; not earlier than the state's `updatedAt`. */
  readonly at: Date
  /** R-LIF-2 the new-customer approval request (for `submitForApproval`, `approve`, `returnToDevelopment`). */
  readonly approval?: LinkedApproval
  /** R-LIF-4 customer codes already in use (for `sign`). */
  readonly existingCustomerCodes?: readonly string[]
  /** R-LIF-4 the sequence number for the new code; default: one above the highest of `existingCodes` for the year. */
  readonly nextSequence?: number
}

/** Something the application should do after a transition (side effects are its job, not core's). */
export type LifecycleEffect =
  | { readonly type: 'stageChanged'; readonly from: string; readonly to: string }
  | { readonly type: 'approvalLinked'; readonly approvalRequestId: string }
  | { readonly type: 'agreementSent' }
  | { readonly type: 'customerCodeAssigned'; readonly customerCode: string }
  | { readonly type: 'commerceStaffAssigned'; readonly staffId: string }
