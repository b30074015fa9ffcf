/**
 * Ownership, assignment and the customer pool (客户归属、分配与公海), rules R-OWN-1 … R-OWN-6:
 * claim conflicts and manager overrides, the contact deadline and reclaim, balanced assignment,
 * contact coverage of important customers, handover when staff leave, and the pool with its caps,
 * locks and warnings. Pure: state, time, calendar, policy and the acting person are arguments;
 * operations return a new state with history entries and effects, or a refusal as data.
 * @module
 */
export { OwnershipErrorCode, type OwnershipErrorCodeValue, OwnershipInputError } from './errors.js'
export { type OwnershipRefusal, OwnershipRefusalCode, type OwnershipRefusalCodeValue } from './refusal.js'
export { type ContactDeadlineRule, createOwnershipPolicy, type DeadlineUnit, defaultOwnershipPolicy, type OwnershipPolicy } from './policy.js'
export {
  emptyOwnershipState,
  inactiveOwnerViolations,
  OWNERSHIP_ACTIONS,
  type OwnershipAction,
  type OwnershipCustomer,
  type OwnershipHistoryEntry,
  type OwnershipState,
  type PoolClaim,
  type PoolEntry,
  readOwnershipState,
} from './state.js'
export type { OwnershipEffect, OwnershipResult } from './result.js'
export {
  arbitrateClaims,
  type ClaimArbitration,
  type ClaimOverrideAudit,
  type ClaimOverrideResult,
  type CustomerClaim,
  managerOverride,
} from './arbitrateClaims.js'
export { type Assignment, contactDeadline, reclaimStatus, type ReclaimStatus } from './contactDeadline.js'
export {
  type BalancedAssignment,
  balancedAssignment,
  type BalancedAssignmentResult,
  type StaffWorkload,
  type UnassignedReason,
} from './balancedAssignment.js'
export { type ContactCoverage, contactCoverage, type CoverageCustomer } from './contactCoverage.js'
export { handOver, type HandOverCommand } from './handOver.js'
export { claimFromPool, type ClaimFromPoolCommand, formerOwnerLockEnd } from './claimFromPool.js'
export { assignCustomer, type AssignCustomerCommand } from './assignCustomer.js'
export { reassignCustomer, type ReassignCustomerCommand } from './reassignCustomer.js'
export { releaseToPool, type ReleaseToPoolCommand } from './releaseToPool.js'
export { recordFirstContact, type RecordFirstContactCommand } from './recordFirstContact.js'
export { type OwnerTimeLeft, reclaimableCustomers, reclaimWarnings, type ReclaimWarning, timeLeft } from './reclaimWarnings.js'
