/**
 * Business refusals of the ownership area (客户归属业务拒绝): returned as data, never thrown.
 * @module
 */

/**
 * Codes of the refusals an ownership operation may return. Stable: programs may match on them.
 *
 * @example
 * OwnershipRefusalCode.OWNER_CAP_REACHED //=> 'OWNERSHIP.OWNER_CAP_REACHED'
 */
export const OwnershipRefusalCode = {
  /** The acting person holds none of the manager roles (非经理/总监，无权操作). R-OWN-1/2/5 */
  NOT_A_MANAGER: 'OWNERSHIP.NOT_A_MANAGER',
  /** The acting person is no longer active (操作人已离职). */
  ACTOR_INACTIVE: 'OWNERSHIP.ACTOR_INACTIVE',
  /** An override needs a non-empty reason (改判须填写理由). R-OWN-1 */
  REASON_REQUIRED: 'OWNERSHIP.REASON_REQUIRED',
  /** The chosen winner did not claim the customer (所选负责人未提出认领). R-OWN-1 */
  NOT_A_CLAIMANT: 'OWNERSHIP.NOT_A_CLAIMANT',
  /** The customer is not in the state (客户不存在). */
  UNKNOWN_CUSTOMER: 'OWNERSHIP.UNKNOWN_CUSTOMER',
  /** The person is not in the state's staff list (员工不存在). */
  UNKNOWN_STAFF: 'OWNERSHIP.UNKNOWN_STAFF',
  /** The person who would own the customer is inactive (员工已离职，不能负责客户). R-OWN-5 */
  STAFF_INACTIVE: 'OWNERSHIP.STAFF_INACTIVE',
  /** The customer is not in the pool (客户不在公海). R-OWN-6 */
  NOT_IN_POOL: 'OWNERSHIP.NOT_IN_POOL',
  /** The customer is already in the pool (客户已在公海). R-OWN-6 */
  ALREADY_IN_POOL: 'OWNERSHIP.ALREADY_IN_POOL',
  /** The customer already has an owner; reassign instead (客户已有负责人). */
  ALREADY_OWNED: 'OWNERSHIP.ALREADY_OWNED',
  /** The customer has no owner (客户无负责人). */
  NOT_OWNED: 'OWNERSHIP.NOT_OWNED',
  /** The customer already belongs to that person (已是该员工的客户). */
  SAME_OWNER: 'OWNERSHIP.SAME_OWNER',
  /** The person owns as many customers as the policy allows (负责客户数已达上限). R-OWN-6 */
  OWNER_CAP_REACHED: 'OWNERSHIP.OWNER_CAP_REACHED',
  /** The person has claimed as many customers today as the policy allows (当日认领数已达上限). R-OWN-6 */
  DAILY_CLAIM_CAP_REACHED: 'OWNERSHIP.DAILY_CLAIM_CAP_REACHED',
  /** The former owner may not re-claim the customer yet (原负责人在锁定期内不得重新认领). R-OWN-6 */
  FORMER_OWNER_LOCKED: 'OWNERSHIP.FORMER_OWNER_LOCKED',
  /** The contact deadline has not passed and no override reason was given (未到回收期限). R-OWN-2 */
  NOT_RECLAIMABLE: 'OWNERSHIP.NOT_RECLAIMABLE',
  /** The acting person may not do this to this customer (无权操作该客户). */
  NOT_PERMITTED: 'OWNERSHIP.NOT_PERMITTED',
  /** The successor is the leaver (接手人不能是离职人本人). R-OWN-5 */
  SUCCESSOR_IS_LEAVER: 'OWNERSHIP.SUCCESSOR_IS_LEAVER',
  /** The first contact is already recorded (首次联系已记录). R-OWN-2 */
  ALREADY_CONTACTED: 'OWNERSHIP.ALREADY_CONTACTED',
  /** The operation is dated before the customer's last history entry (操作时间早于上一条记录). */
  BEFORE_LAST_EVENT: 'OWNERSHIP.BEFORE_LAST_EVENT',
} as const

/** One of {@link OwnershipRefusalCode}. */
export type OwnershipRefusalCodeValue = (typeof OwnershipRefusalCode)[keyof typeof OwnershipRefusalCode]

/**
 * Why an ownership operation was refused (拒绝原因), in both languages, with the rule it enforces
 * and structured details for programs.
 */
export interface OwnershipRefusal {
  readonly code: OwnershipRefusalCodeValue
  readonly ruleId: string
  readonly messageZh: string
  readonly messageEn: string
  readonly details: Readonly<Record<string, unknown>>
}

/** Builds a refusal. @internal */
export function refusal(
  code: OwnershipRefusalCodeValue,
  ruleId: string,
  messageEn: string,
  messageZh: string,
  details: Readonly<Record<string, unknown>> = {},
): OwnershipRefusal {
  return { code, ruleId, messageEn, messageZh, details }
}
