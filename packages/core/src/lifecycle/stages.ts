/**
 * The stages of a customer (客户阶段, R-LIF-1), in order. 维护 "maintained" is not a stage of its
 * own: it is the `maintenance` phase of `active` (see {@link ActivePhase}).
 *
 * @example
 * CUSTOMER_STAGES[0] //=> 'prospect'
 * CUSTOMER_STAGES.indexOf('signed') < CUSTOMER_STAGES.indexOf('active') //=> true
 */
export const CUSTOMER_STAGES = ['prospect', 'developing', 'pendingApproval', 'approved', 'signed', 'active', 'churned'] as const

/** One of {@link CUSTOMER_STAGES}. */
export type CustomerStage = (typeof CUSTOMER_STAGES)[number]

/** The sub-state of `active` (正式合作): cooperation just started, or relationship maintenance (维护). */
export type ActivePhase = 'cooperation' | 'maintenance'

/** Chinese names of the stages. */
export const CUSTOMER_STAGE_NAMES_ZH: Readonly<Record<CustomerStage, string>> = Object.freeze({
  prospect: '储备/潜在',
  developing: '开发',
  pendingApproval: '待审批',
  approved: '已审批',
  signed: '已签约',
  active: '正式合作',
  churned: '流失',
})

/** An allowed move between stages (R-LIF-1), with why it exists. */
export interface LifecycleTransition {
  readonly from: CustomerStage
  readonly to: CustomerStage
  /** `forward` along the stage order, `churn` (any stage → churned), `winBack` (churned → developing), `rejected` (pending approval → developing). */
  readonly kind: 'forward' | 'churn' | 'winBack' | 'rejected'
}

const FORWARD: readonly (readonly [CustomerStage, CustomerStage])[] = [
  ['prospect', 'developing'],
  ['developing', 'pendingApproval'],
  ['pendingApproval', 'approved'],
  ['approved', 'signed'],
  ['signed', 'active'],
]

/**
 * Every allowed stage change (R-LIF-1): the forward moves, any stage → churned, churned →
 * developing (win-back), pending approval → developing (rejected). Nothing else.
 *
 * @example
 * LIFECYCLE_TRANSITIONS.length //=> 13
 */
export const LIFECYCLE_TRANSITIONS: readonly LifecycleTransition[] = Object.freeze([
  ...FORWARD.map(([from, to]) => Object.freeze({ from, to, kind: 'forward' as const })),
  ...CUSTOMER_STAGES.filter((stage) => stage !== 'churned').map((from) => Object.freeze({ from, to: 'churned' as const, kind: 'churn' as const })),
  Object.freeze({ from: 'churned' as const, to: 'developing' as const, kind: 'winBack' as const }),
  Object.freeze({ from: 'pendingApproval' as const, to: 'developing' as const, kind: 'rejected' as const }),
])

/**
 * True when `from → to` is an allowed stage change (R-LIF-1).
 *
 * @example
 * isAllowedTransition('approved', 'signed') //=> true
 * isAllowedTransition('developing', 'signed') //=> false
 * isAllowedTransition('signed', 'churned') //=> true
 */
export function isAllowedTransition(from: CustomerStage, to: CustomerStage): boolean {
  return LIFECYCLE_TRANSITIONS.some((transition) => transition.from === from && transition.to === to)
}

/** True when `value` is one of {@link CUSTOMER_STAGES}. */
export function isCustomerStage(value: unknown): value is CustomerStage {
  return typeof value === 'string' && (CUSTOMER_STAGES as readonly string[]).includes(value)
}
