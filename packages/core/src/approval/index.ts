/**
 * The approval engine (审批引擎, R-LIF-2): one mechanism for every approval of the catalogue —
 * new customers (R-LIF-2), visit plans (R-VIS-1), gifts and receptions (R-VIS-5), contracts
 * (R-CON-1), trips (R-EXP-1), entertainment (R-EXP-5), the strategic tier (R-TIE-4). Chains are
 * policy data; requests are immutable state the application stores; every action is pure.
 * @module
 */
export type {
  ApprovalActionResult,
  ApprovalChainPolicy,
  ApprovalEvent,
  ApprovalRefusal,
  ApprovalRequest,
  ApprovalStatus,
  ApprovalStepPolicy,
  ApprovalSubject,
  ApproverSpec,
} from './types.js'
export { ApprovalErrorCode, ApprovalInputError, ApprovalRefusalCode } from './errors.js'
export { createApprovalChain } from './chain.js'
export { defaultApprovalChains, defaultNewCustomerChain } from './defaultChains.js'
export { type ApprovalSubmission, submitApproval } from './submit.js'
export { type ApprovalDecision, decideApproval } from './decide.js'
export { type ApprovalWithdrawal, withdrawApproval } from './withdraw.js'
export { readApprovalRequest } from './request.js'
export { type AwaitedApprover, type CanDecideResult, awaitedApprovers, canDecide, formatApprovalHistory, isApproved } from './queries.js'
