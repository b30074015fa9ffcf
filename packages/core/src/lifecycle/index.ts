/**
 * The customer lifecycle (客户生命周期 / 业务流程, R-LIF-1..5): stages prospect → developing →
 * pending approval → approved → signed → active (with its maintenance phase) → churned, the
 * guards of each move (qualification documents, the six selection criteria, the new-customer
 * approval, the agreement, both contracts, the customer code, the commerce staff member), as a
 * pure state machine.
 * @module
 */
export {
  type ActivePhase,
  CUSTOMER_STAGE_NAMES_ZH,
  CUSTOMER_STAGES,
  type CustomerStage,
  isAllowedTransition,
  isCustomerStage,
  LIFECYCLE_TRANSITIONS,
  type LifecycleTransition,
} from './stages.js'
export { LifecycleErrorCode, LifecycleInputError, LifecycleRefusalCode } from './errors.js'
export {
  type CriterionAssessment,
  reviewSelection,
  SELECTION_CRITERIA,
  SELECTION_CRITERION_NAMES_ZH,
  type SelectionAssessment,
  type SelectionCriterion,
  type SelectionReview,
} from './selectionCriteria.js'
export { formatCustomerCode, nextCustomerCodeSequence } from './customerCode.js'
export { createLifecyclePolicy, defaultLifecyclePolicy, type LifecyclePolicy } from './policy.js'
export { type CustomerLifecycle, startCustomerLifecycle } from './state.js'
export { LIFECYCLE_EVENT_TYPES, type LifecycleContext, type LifecycleEffect, type LifecycleEvent, type LinkedApproval } from './events.js'
export { type LifecycleRefusal, type LifecycleResult, transitionCustomer } from './transition.js'
