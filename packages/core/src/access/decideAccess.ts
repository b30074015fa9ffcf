import { readStaff, type Staff } from '../staff/staff.js'
import { AccessErrorCode, accessInputError, readInstantArg, readNonEmptyString, readObject, readStringList } from './errors.js'
import { ACCESS_ACTIONS, ACCESS_BASES, type AccessAction, type AccessBasis, type AccessPolicy, defaultAccessPolicy, readAccessPolicy } from './policy.js'

/** A customer record as far as access is concerned (客户档案的归属信息). */
export interface CustomerRecordRef {
  readonly kind: 'customer'
  /** Customer id. */
  readonly id: string
  /** Staff id of the owner (负责人), if owned. */
  readonly ownerId?: string
  /** Staff ids of the co-owners (共同负责人, R-OWN-4); **default** none. */
  readonly coOwnerIds?: readonly string[]
  /** Team (小组/部门) the customer belongs to; the team's manager sees it. */
  readonly teamId?: string
  /** Functional-department staff following the customer (跟进人员, e.g. 商务 per R-LIF-5); **default** none. */
  readonly followerIds?: readonly string[]
  /** Confidential customer (保密客户); **default** `false`. */
  readonly confidential?: boolean
}

/**
 * A grant (查阅授权, R-ACC-2 "permitted by role or grant"): lets one staff member perform
 * `actions` on one customer (`customerId`) or on every customer of a team (`teamId`; both given
 * = that customer only if it is in that team) from `from` (inclusive) until `until` (exclusive;
 * absent = open-ended).
 */
export interface AccessGrant {
  readonly staffId: string
  readonly customerId?: string
  readonly teamId?: string
  readonly actions: readonly AccessAction[]
  readonly from: Date
  readonly until?: Date
}

/** An access question: may `actor` perform `action` on `record` at `at`? */
export interface AccessRequest {
  readonly actor: Staff
  readonly action: AccessAction
  readonly record: CustomerRecordRef
  /** Grants to consider (any staff; only the actor's apply); **default** none. */
  readonly grants?: readonly AccessGrant[]
  readonly at: Date
}

/**
 * Codes of access decisions (访问决定原因代码): why access was allowed or denied.
 *
 * @example
 * AccessReasonCode.OWNER //=> 'ACCESS.OWNER'
 */
export const AccessReasonCode = {
  /** Director or general manager: sees every customer (总监、总经理可查看全部客户, R-ACC-1). */
  COMPANY_WIDE_ROLE: 'ACCESS.COMPANY_WIDE_ROLE',
  /** The information department sees every customer except confidential ones (信息部, R-ACC-1). */
  INFORMATION_DEPARTMENT: 'ACCESS.INFORMATION_DEPARTMENT',
  /** A manager acting on a customer of their own team (经理查看本组客户, R-ACC-1). */
  TEAM_MANAGER: 'ACCESS.TEAM_MANAGER',
  /** The specialist who owns the customer (负责人, R-ACC-1). */
  OWNER: 'ACCESS.OWNER',
  /** A co-owner of the customer (共同负责人, R-ACC-1). */
  CO_OWNER: 'ACCESS.CO_OWNER',
  /** Functional-department staff following the customer, view only (跟进的商务/财务等人员, R-ACC-1). */
  FOLLOWER: 'ACCESS.FOLLOWER',
  /** A grant covers this person, customer or team, action and instant (授权, R-ACC-2). */
  GRANTED: 'ACCESS.GRANTED',
  /** The person has left: no access at all (离职人员无权访问, R-OWN-5). */
  INACTIVE_STAFF: 'ACCESS.INACTIVE_STAFF',
  /** The customer is confidential and the role alone does not open it (保密客户). */
  CONFIDENTIAL: 'ACCESS.CONFIDENTIAL',
  /** The person has a basis for the customer, but not for this action (无此操作权限). */
  ACTION_NOT_PERMITTED: 'ACCESS.ACTION_NOT_PERMITTED',
  /** No role, ownership, team or grant gives access (无访问依据). */
  NO_BASIS: 'ACCESS.NO_BASIS',
} as const

/** One of the {@link AccessReasonCode} values. */
export type AccessReasonCode = (typeof AccessReasonCode)[keyof typeof AccessReasonCode]

/** Why (原因), in both languages, with the rule it comes from. */
export interface AccessReason {
  readonly code: AccessReasonCode
  readonly ruleId: string
  readonly messageZh: string
  readonly messageEn: string
}

/** The decision (访问决定). `basis` is the basis that allowed it, `'grant'`, or `undefined` when denied. */
export interface AccessDecision {
  readonly allowed: boolean
  readonly action: AccessAction
  readonly basis: AccessBasis | 'grant' | undefined
  readonly reason: AccessReason
}

const ALLOW_REASONS: Record<AccessBasis, Omit<AccessReason, 'messageZh' | 'messageEn'> & { zh: string; en: string }> = {
  companyWide: { code: AccessReasonCode.COMPANY_WIDE_ROLE, ruleId: 'R-ACC-1', zh: '总监/总经理可查阅全部客户', en: 'directors and the general manager see every customer' },
  informationDepartment: { code: AccessReasonCode.INFORMATION_DEPARTMENT, ruleId: 'R-ACC-1', zh: '信息部可查阅全部客户', en: 'the information department sees every customer' },
  teamManager: { code: AccessReasonCode.TEAM_MANAGER, ruleId: 'R-ACC-1', zh: '经理可查阅本组客户', en: 'a manager sees the customers of their team' },
  owner: { code: AccessReasonCode.OWNER, ruleId: 'R-ACC-1', zh: '专员可查阅自己负责的客户', en: 'staff see the customers they own' },
  coOwner: { code: AccessReasonCode.CO_OWNER, ruleId: 'R-ACC-1', zh: '专员可查阅共同负责的客户', en: 'staff see the customers they co-own' },
  follower: { code: AccessReasonCode.FOLLOWER, ruleId: 'R-LIF-5', zh: '职能部门人员可查阅其跟进的客户', en: 'functional-department staff see the customers they follow' },
}

/**
 * Decides whether a staff member may act on a customer record (客户信息查阅权限), R-ACC-1/2.
 * Deterministic decision table, first row that applies wins:
 *
 * 1. actor inactive (离职) → denied `ACCESS.INACTIVE_STAFF` (R-OWN-5), whatever grants exist;
 * 2. the actor's bases, in order companyWide, informationDepartment, teamManager, owner, coOwner,
 *    follower (confidential records drop `policy.confidentialExcludedBases`); the first basis whose
 *    `policy.actionsByBasis` includes the action → allowed;
 * 3. a grant of the actor, current at `at` (`from ≤ at < until`), for the action, covering the
 *    customer (or its team) → allowed `ACCESS.GRANTED` (R-ACC-2);
 * 4. denied: `ACCESS.ACTION_NOT_PERMITTED` if a basis applies but not to this action,
 *    `ACCESS.CONFIDENTIAL` if only bases excluded by confidentiality apply, else `ACCESS.NO_BASIS`.
 *
 * A grant only ever adds access; removing a grant never adds any.
 *
 * @throws {@link AccessInputError} `ACCESS.INVALID_REQUEST` / `ACCESS.INVALID_RECORD` /
 *   `ACCESS.INVALID_GRANT`, `STAFF.INVALID`, `POLICY.INVALID_FIELD` — naming the field
 *
 * @example
 * const at = new Date('2026-03-02T10:00:00+08:00')
 * const record = { kind: 'customer', id: 'C2026-00042', ownerId: 'u1', teamId: 't1' } as const
 * decideAccess({ actor: { id: 'u1', roles: ['specialist'], teamId: 't1', active: true }, action: 'view', record, at }).reason.code //=> 'ACCESS.OWNER'
 * decideAccess({ actor: { id: 'u2', roles: ['specialist'], teamId: 't2', active: true }, action: 'view', record, at }).allowed //=> false
 * decideAccess({ actor: { id: 'u1', roles: ['specialist'], teamId: 't1', active: false }, action: 'view', record, at }).reason.code //=> 'ACCESS.INACTIVE_STAFF'
 */
export function decideAccess(request: AccessRequest, policy: AccessPolicy = defaultAccessPolicy): AccessDecision {
  const input = readObject(request, 'request', AccessErrorCode.INVALID_REQUEST)
  const actor = readStaff(input['actor'], 'request.actor')
  const action = input['action']
  if (typeof action !== 'string' || !(ACCESS_ACTIONS as readonly string[]).includes(action)) {
    throw accessInputError(AccessErrorCode.INVALID_REQUEST, 'request.action', `must be one of ${ACCESS_ACTIONS.join(', ')}`, `必须是 ${ACCESS_ACTIONS.join('、')} 之一`, action)
  }
  const act = action as AccessAction
  const record = readRecord(input['record'], 'request.record')
  const at = readInstantArg(input['at'], 'request.at', AccessErrorCode.INVALID_REQUEST)
  const grants = readGrants(input['grants'], 'request.grants')
  const rules = readAccessPolicy(policy)

  if (!actor.active) {
    return deny(act, AccessReasonCode.INACTIVE_STAFF, 'R-OWN-5', '离职人员不得查阅任何客户资料', 'Staff who have left may not access any customer data')
  }

  const holds = (roles: readonly string[]): boolean => roles.some((role) => actor.roles.includes(role as Staff['roles'][number]))
  const bases = ACCESS_BASES.filter((basis) => {
    switch (basis) {
      case 'companyWide':
        return holds(rules.companyWideRoles)
      case 'informationDepartment':
        return holds(rules.informationRoles)
      case 'teamManager':
        return holds(rules.teamManagerRoles) && actor.teamId !== undefined && actor.teamId === record.teamId
      case 'owner':
        return record.ownerId === actor.id
      case 'coOwner':
        return record.coOwnerIds.includes(actor.id)
      case 'follower':
        return holds(rules.followerRoles) && record.followerIds.includes(actor.id)
    }
  })
  const effective = record.confidential ? bases.filter((basis) => !rules.confidentialExcludedBases.includes(basis)) : bases
  const allowing = effective.find((basis) => rules.actionsByBasis[basis].includes(act))
  if (allowing !== undefined) {
    const reason = ALLOW_REASONS[allowing]
    return Object.freeze({ allowed: true, action: act, basis: allowing, reason: Object.freeze({ code: reason.code, ruleId: reason.ruleId, messageZh: reason.zh, messageEn: reason.en }) })
  }

  const granted = grants.some(
    (grant) =>
      grant.staffId === actor.id &&
      grant.actions.includes(act) &&
      grant.from.getTime() <= at.getTime() &&
      (grant.until === undefined || at.getTime() < grant.until.getTime()) &&
      (grant.customerId === undefined || grant.customerId === record.id) &&
      (grant.teamId === undefined || grant.teamId === record.teamId) &&
      (!record.confidential || rules.grantsOpenConfidential),
  )
  if (granted) {
    return Object.freeze({
      allowed: true,
      action: act,
      basis: 'grant' as const,
      reason: Object.freeze({ code: AccessReasonCode.GRANTED, ruleId: 'R-ACC-2', messageZh: '经授权可查阅', messageEn: 'permitted by a grant' }),
    })
  }
  if (effective.length > 0) {
    return deny(act, AccessReasonCode.ACTION_NOT_PERMITTED, 'R-ACC-1', `当前岗位无权对该客户执行 ${act} 操作`, `The actor's role does not permit ${act} on this customer`)
  }
  if (bases.length > 0) {
    return deny(act, AccessReasonCode.CONFIDENTIAL, 'R-ACC-1', '保密客户，未经授权不得查阅', 'Confidential customer: access needs a grant')
  }
  return deny(act, AccessReasonCode.NO_BASIS, 'R-ACC-2', '未经许可，不得调阅客户档案', 'No role or grant permits access to this customer archive')
}

function deny(action: AccessAction, code: AccessReasonCode, ruleId: string, messageZh: string, messageEn: string): AccessDecision {
  return Object.freeze({ allowed: false, action, basis: undefined, reason: Object.freeze({ code, ruleId, messageZh, messageEn }) })
}

interface ReadRecord {
  readonly id: string
  readonly ownerId: string | undefined
  readonly coOwnerIds: readonly string[]
  readonly teamId: string | undefined
  readonly followerIds: readonly string[]
  readonly confidential: boolean
}

/** @internal */
export function readRecord(value: unknown, field: string): ReadRecord {
  const code = AccessErrorCode.INVALID_RECORD
  const record = readObject(value, field, code)
  if (record['kind'] !== 'customer') throw accessInputError(code, `${field}.kind`, "must be 'customer'", "必须为 'customer'", record['kind'])
  const confidential = record['confidential']
  if (confidential !== undefined && typeof confidential !== 'boolean') throw accessInputError(code, `${field}.confidential`, 'must be true or false when given', '如提供则必须为 true 或 false', confidential)
  return {
    id: readNonEmptyString(record['id'], `${field}.id`, code),
    ownerId: record['ownerId'] === undefined ? undefined : readNonEmptyString(record['ownerId'], `${field}.ownerId`, code),
    coOwnerIds: readStringList(record['coOwnerIds'], `${field}.coOwnerIds`, code),
    teamId: record['teamId'] === undefined ? undefined : readNonEmptyString(record['teamId'], `${field}.teamId`, code),
    followerIds: readStringList(record['followerIds'], `${field}.followerIds`, code),
    confidential: confidential === true,
  }
}

interface ReadGrant {
  readonly staffId: string
  readonly customerId: string | undefined
  readonly teamId: string | undefined
  readonly actions: readonly AccessAction[]
  readonly from: Date
  readonly until: Date | undefined
}

function readGrants(value: unknown, field: string): readonly ReadGrant[] {
  const code = AccessErrorCode.INVALID_GRANT
  if (value === undefined) return []
  if (!Array.isArray(value)) throw accessInputError(code, field, 'must be a list of grants', '必须是授权列表', value)
  return value.map((raw, index) => {
    const grantField = `${field}[${index}]`
    const grant = readObject(raw, grantField, code)
    const customerId = grant['customerId'] === undefined ? undefined : readNonEmptyString(grant['customerId'], `${grantField}.customerId`, code)
    const teamId = grant['teamId'] === undefined ? undefined : readNonEmptyString(grant['teamId'], `${grantField}.teamId`, code)
    if (customerId === undefined && teamId === undefined) {
      throw accessInputError(code, `${grantField}.customerId`, 'or teamId is required (a grant names a customer or a team)', '或 teamId 必须提供（授权须指明客户或小组）', undefined, 'R-ACC-2')
    }
    const actions = grant['actions']
    if (!Array.isArray(actions) || actions.length === 0) throw accessInputError(code, `${grantField}.actions`, 'must be a non-empty list of actions', '必须是非空的操作列表', actions)
    actions.forEach((item, actionIndex) => {
      if (typeof item !== 'string' || !(ACCESS_ACTIONS as readonly string[]).includes(item)) {
        throw accessInputError(code, `${grantField}.actions[${actionIndex}]`, `must be one of ${ACCESS_ACTIONS.join(', ')}`, `必须是 ${ACCESS_ACTIONS.join('、')} 之一`, item)
      }
    })
    const from = readInstantArg(grant['from'], `${grantField}.from`, code)
    const until = grant['until'] === undefined ? undefined : readInstantArg(grant['until'], `${grantField}.until`, code)
    if (until !== undefined && until.getTime() <= from.getTime()) throw accessInputError(code, `${grantField}.until`, 'must be after from', '必须晚于 from', until)
    return { staffId: readNonEmptyString(grant['staffId'], `${grantField}.staffId`, code), customerId, teamId, actions: actions as AccessAction[], from, until }
  })
}
