import type { StaffRole } from '../staff/roles.js'

/**
 * Shapes of the approval engine (审批), the one mechanism behind every approval of the catalogue
 * (R-LIF-2 new customers, R-VIS-1 visit plans, R-VIS-5 gifts and receptions, R-CON-1 contracts,
 * R-EXP-1 trips, R-EXP-5 entertainment, R-TIE-4 strategic tier). All of it is plain,
 * JSON-serialisable data: chains are policy, requests are state that the application stores.
 * @module
 */

/** Who may sign a step: anyone holding a role, or one named person. */
export type ApproverSpec =
  | { readonly kind: 'role'; readonly role: StaffRole }
  | { readonly kind: 'person'; readonly personId: string }

/**
 * One step of a chain.
 *
 * - `mode: 'any'` — one signature from anyone matching any of `approvers` completes the step.
 * - `mode: 'all'` — countersign (会签): every entry of `approvers` must sign — each named person
 *   in person, and for a role entry one person holding that role.
 */
export interface ApprovalStepPolicy {
  /** Stable identifier of the step within its chain (`customs`, `finance` …). */
  readonly id: string
  readonly nameZh: string
  readonly nameEn: string
  readonly mode: 'any' | 'all'
  /** At least one. */
  readonly approvers: readonly ApproverSpec[]
}

/** An ordered approval chain (审批流程), a policy parameter. */
export interface ApprovalChainPolicy {
  /** Stable identifier (`newCustomer`, `visitPlan`, `contract` …). */
  readonly id: string
  readonly nameZh: string
  readonly nameEn: string
  /** The rule the chain serves, e.g. `R-LIF-2`. */
  readonly ruleId: string
  /** Signed in this order; at least one step. */
  readonly steps: readonly ApprovalStepPolicy[]
}

/** Where a request stands. */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn'

/** One entry of a request's history (审批记录). */
export type ApprovalEvent =
  | { readonly type: 'submitted'; readonly actorId: string; readonly at: Date; readonly comment?: string }
  | {
      readonly type: 'approved' | 'rejected'
      readonly stepId: string
      readonly actorId: string
      /** The approver entry this signature satisfied (its index in the step's `approvers`). */
      readonly approverIndex: number
      readonly at: Date
      readonly comment?: string
    }
  | { readonly type: 'withdrawn'; readonly actorId: string; readonly at: Date; readonly comment?: string }

/** The thing a request is about, e.g. `{ kind: 'customer', id: 'C2026-00042' }`. */
export interface ApprovalSubject {
  readonly kind: string
  readonly id: string
}

/**
 * An approval request (审批单) and its full state. Immutable: every decision returns a new one.
 * The application stores it; the engine never generates IDs or reads the clock.
 */
export interface ApprovalRequest {
  readonly id: string
  readonly chain: ApprovalChainPolicy
  readonly subject: ApprovalSubject
  readonly submittedBy: string
  readonly submittedAt: Date
  readonly status: ApprovalStatus
  /** Index of the step awaiting signatures; equals `chain.steps.length` once approved. */
  readonly currentStep: number
  /** Every event, in order. */
  readonly history: readonly ApprovalEvent[]
  /** When the request was approved, rejected or withdrawn. */
  readonly decidedAt?: Date
}

/** Why the engine refused an action — returned as data, with both languages. */
export interface ApprovalRefusal {
  /** `APPROVAL.NOT_PENDING`, `APPROVAL.NOT_AN_APPROVER`, `APPROVAL.ALREADY_SIGNED`, `APPROVAL.OUT_OF_ORDER`, `APPROVAL.INACTIVE_APPROVER`, `APPROVAL.BEFORE_LAST_EVENT` … */
  readonly code: string
  readonly ruleId: string
  readonly messageZh: string
  readonly messageEn: string
  /** The step the refused action concerned, when there is one (the current step). */
  readonly stepId?: string
}

/** The outcome of an action on a request. */
export type ApprovalActionResult =
  | { readonly ok: true; readonly request: ApprovalRequest }
  | { readonly ok: false; readonly refusal: ApprovalRefusal }
