import { InvalidInputError } from '../errors.js'

/**
 * Error codes of the ownership area (客户归属错误代码). They are thrown only for malformed input;
 * business refusals (cap reached, not reclaimable …) are data, see {@link OwnershipRefusalCode}.
 *
 * @example
 * OwnershipErrorCode.INVALID_STATE //=> 'OWNERSHIP.INVALID_STATE'
 */
export const OwnershipErrorCode = {
  /** Not a valid `Date` instant (时间点无效). */
  INVALID_INSTANT: 'OWNERSHIP.INVALID_INSTANT',
  /** The claims to arbitrate are empty, malformed or about different customers (认领记录无效). R-OWN-1 */
  INVALID_CLAIMS: 'OWNERSHIP.INVALID_CLAIMS',
  /** What was passed as an arbitration result is not one (裁决结果无效). R-OWN-1 */
  INVALID_ARBITRATION: 'OWNERSHIP.INVALID_ARBITRATION',
  /** An assignment (tier, assignedAt) or a contact record is malformed (分配记录无效). R-OWN-2 */
  INVALID_ASSIGNMENT: 'OWNERSHIP.INVALID_ASSIGNMENT',
  /** Customers or staff loads for a balanced assignment are malformed (待分配数据无效). R-OWN-3 */
  INVALID_WORKLOAD: 'OWNERSHIP.INVALID_WORKLOAD',
  /** A customer's contact record is malformed (客户联系人数据无效). R-OWN-4 */
  INVALID_CUSTOMER: 'OWNERSHIP.INVALID_CUSTOMER',
  /** The ownership state is malformed: a missing field, a duplicate id, an unknown owner (归属状态无效). */
  INVALID_STATE: 'OWNERSHIP.INVALID_STATE',
  /** The arguments of a state operation are malformed (操作参数无效). */
  INVALID_COMMAND: 'OWNERSHIP.INVALID_COMMAND',
} as const

/** One of {@link OwnershipErrorCode}. */
export type OwnershipErrorCodeValue = (typeof OwnershipErrorCode)[keyof typeof OwnershipErrorCode]

/** A malformed input of the ownership area (客户归属输入无效). */
export class OwnershipInputError extends InvalidInputError {}
