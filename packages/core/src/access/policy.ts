import { invalidPolicyField, policyBoolean, policyEnum, policyObject, rejectUnknownKeys } from '../policy/validate.js'
import { isStaffRole, STAFF_ROLES, type StaffRole } from '../staff/roles.js'

/**
 * Actions on a customer record (客户档案操作): `view` 查阅, `edit` 修改, `export` 导出,
 * `reassign` 调配 (change the owner, R-OWN).
 *
 * @example
 * ACCESS_ACTIONS //=> ['view', 'edit', 'export', 'reassign']
 */
export const ACCESS_ACTIONS = ['view', 'edit', 'export', 'reassign'] as const

/** One of {@link ACCESS_ACTIONS}. */
export type AccessAction = (typeof ACCESS_ACTIONS)[number]

/**
 * Why someone may act on a customer, in the order the decision reports them (R-ACC-1):
 * `companyWide` (总监/总经理), `informationDepartment` (信息部), `teamManager` (本组经理),
 * `owner` (负责人), `coOwner` (共同负责人), `follower` (跟进的职能部门人员, e.g. 商务 R-LIF-5).
 *
 * @example
 * ACCESS_BASES[0] //=> 'companyWide'
 */
export const ACCESS_BASES = ['companyWide', 'informationDepartment', 'teamManager', 'owner', 'coOwner', 'follower'] as const

/** One of {@link ACCESS_BASES}. */
export type AccessBasis = (typeof ACCESS_BASES)[number]

/** The access policy (客户信息查阅权限, R-ACC-1/2). Plain JSON data; create one with {@link createAccessPolicy}. */
export interface AccessPolicy {
  /** Roles that see every customer (`companyWide`); **default** `['director', 'generalManager']`. */
  readonly companyWideRoles: readonly StaffRole[]
  /** Roles of the information department (`informationDepartment`); **default** `['information']`. */
  readonly informationRoles: readonly StaffRole[]
  /** Roles that manage a team (`teamManager`: the record's `teamId` equals theirs); **default** `['manager']`. */
  readonly teamManagerRoles: readonly StaffRole[]
  /** Functional-department roles that see the customers they follow (`follower`); **default** `['commerce', 'finance', 'customs', 'quality']`. */
  readonly followerRoles: readonly StaffRole[]
  /**
   * What each basis allows. **default**: companyWide and teamManager — all four actions;
   * informationDepartment — view, edit, export (it keeps the archive, not the assignment);
   * owner and coOwner — view, edit (no export: 员工不得将客户资料带走); follower — view.
   */
  readonly actionsByBasis: Readonly<Record<AccessBasis, readonly AccessAction[]>>
  /** Bases that do not apply to a confidential record (保密客户); **default** `['informationDepartment', 'follower']` (R-ACC-3 keeps confidential business from the information department). */
  readonly confidentialExcludedBases: readonly AccessBasis[]
  /** Whether a grant (授权) may open a confidential record; **default** `true` (a grant names the customer or team explicitly). */
  readonly grantsOpenConfidential: boolean
}

const KNOWN_KEYS = ['companyWideRoles', 'informationRoles', 'teamManagerRoles', 'followerRoles', 'actionsByBasis', 'confidentialExcludedBases', 'grantsOpenConfidential'] as const

/**
 * The default access policy, the decision table of R-ACC-1 (see docs/rules-access.md).
 *
 * @example
 * defaultAccessPolicy.actionsByBasis.owner //=> ['view', 'edit']
 */
export const defaultAccessPolicy: AccessPolicy = Object.freeze({
  companyWideRoles: Object.freeze(['director', 'generalManager'] as StaffRole[]),
  informationRoles: Object.freeze(['information'] as StaffRole[]),
  teamManagerRoles: Object.freeze(['manager'] as StaffRole[]),
  followerRoles: Object.freeze(['commerce', 'finance', 'customs', 'quality'] as StaffRole[]),
  actionsByBasis: Object.freeze({
    companyWide: Object.freeze(['view', 'edit', 'export', 'reassign'] as AccessAction[]),
    informationDepartment: Object.freeze(['view', 'edit', 'export'] as AccessAction[]),
    teamManager: Object.freeze(['view', 'edit', 'export', 'reassign'] as AccessAction[]),
    owner: Object.freeze(['view', 'edit'] as AccessAction[]),
    coOwner: Object.freeze(['view', 'edit'] as AccessAction[]),
    follower: Object.freeze(['view'] as AccessAction[]),
  }),
  confidentialExcludedBases: Object.freeze(['informationDepartment', 'follower'] as AccessBasis[]),
  grantsOpenConfidential: true,
})

/**
 * Creates a validated, frozen access policy: `overrides` are merged onto
 * {@link defaultAccessPolicy} (`actionsByBasis` per basis; lists replace), every field is
 * validated, unknown fields are refused.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field
 *
 * @example
 * createAccessPolicy({ actionsByBasis: { owner: ['view', 'edit', 'export'] } }).actionsByBasis.owner //=> ['view', 'edit', 'export']
 * createAccessPolicy({ companyWideRoles: ['ceo'] }) // throws POLICY.INVALID_FIELD (access.companyWideRoles[0])
 */
export function createAccessPolicy(overrides: unknown = {}, field = 'access'): AccessPolicy {
  const given = policyObject(overrides, field)
  rejectUnknownKeys(given, field, KNOWN_KEYS)
  const actionsGiven = given['actionsByBasis'] === undefined ? {} : policyObject(given['actionsByBasis'], `${field}.actionsByBasis`)
  rejectUnknownKeys(actionsGiven, `${field}.actionsByBasis`, ACCESS_BASES)
  const mergedActions: Record<string, unknown> = { ...defaultAccessPolicy.actionsByBasis, ...actionsGiven }
  const merged: Record<string, unknown> = { ...defaultAccessPolicy, ...given }
  const actionsByBasis = Object.fromEntries(
    ACCESS_BASES.map((basis) => [basis, Object.freeze(uniqueList(mergedActions[basis], `${field}.actionsByBasis.${basis}`, (item, itemField) => policyEnum(item, itemField, ACCESS_ACTIONS), true))]),
  ) as Record<AccessBasis, readonly AccessAction[]>
  return Object.freeze({
    companyWideRoles: roles(merged['companyWideRoles'], `${field}.companyWideRoles`),
    informationRoles: roles(merged['informationRoles'], `${field}.informationRoles`),
    teamManagerRoles: roles(merged['teamManagerRoles'], `${field}.teamManagerRoles`),
    followerRoles: roles(merged['followerRoles'], `${field}.followerRoles`),
    actionsByBasis: Object.freeze(actionsByBasis),
    confidentialExcludedBases: Object.freeze(uniqueList(merged['confidentialExcludedBases'], `${field}.confidentialExcludedBases`, (item, itemField) => policyEnum(item, itemField, ACCESS_BASES), true)),
    grantsOpenConfidential: policyBoolean(merged['grantsOpenConfidential'], `${field}.grantsOpenConfidential`),
  })
}

/** Reads the policy argument: a complete policy, validated (a partial object is refused). @internal */
export function readAccessPolicy(policy: AccessPolicy, field = 'policy'): AccessPolicy {
  const given = policyObject(policy, field)
  for (const key of KNOWN_KEYS) {
    if (given[key] === undefined) invalidPolicyField(`${field}.${key}`, 'is missing (build the policy with createAccessPolicy)', '缺失（请用 createAccessPolicy 创建政策）', undefined)
  }
  return createAccessPolicy(given, field)
}

function roles(value: unknown, field: string): readonly StaffRole[] {
  return Object.freeze(
    uniqueList(
      value,
      field,
      (item, itemField) => {
        if (!isStaffRole(item)) invalidPolicyField(itemField, `must be one of ${STAFF_ROLES.join(', ')}`, `必须是 ${STAFF_ROLES.join('、')} 之一`, item)
        return item
      },
      true,
    ),
  )
}

function uniqueList<T>(value: unknown, field: string, readItem: (item: unknown, itemField: string) => T, allowEmpty: boolean): T[] {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) invalidPolicyField(field, 'must be a list', '必须是列表', value)
  const items = value.map((item, index) => readItem(item, `${field}[${index}]`))
  if (new Set(items).size !== items.length) invalidPolicyField(field, 'must not repeat an entry', '不能有重复项', value)
  return items
}
