import { invalidPolicyField, policyEnum, policyObject, rejectUnknownKeys } from '../policy/validate.js'
import { hasRole, type Staff } from '../staff/staff.js'

/**
 * Complaint categories (投诉类别): `quality` 产品质量, `delivery` 交付, `service` 服务,
 * `commercial` 商务 (price, contract, invoicing), `other` 其他.
 *
 * @example
 * COMPLAINT_CATEGORIES[0] //=> 'quality'
 */
export const COMPLAINT_CATEGORIES = ['quality', 'delivery', 'service', 'commercial', 'other'] as const

/** One of {@link COMPLAINT_CATEGORIES}. */
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]

/** Where a complaint stands: 已受理 received → 已转交 routed → 已答复 answered → 已结案 closed. */
export type ComplaintStatus = 'received' | 'routed' | 'answered' | 'closed'

/** The unit responsible for a complaint (责任单位). */
export type ComplaintUnit =
  | { readonly kind: 'quality' }
  | { readonly kind: 'customerDepartment'; readonly teamId: string }
  | { readonly kind: 'commerce' }

/** One entry of a complaint's history (投诉处理记录). */
export type ComplaintEvent =
  | { readonly type: 'received'; readonly actorId: string; readonly at: Date }
  | { readonly type: 'routed'; readonly actorId: string; readonly at: Date; readonly toStaffId: string; readonly unit: ComplaintUnit }
  | { readonly type: 'answered'; readonly actorId: string; readonly at: Date; readonly answer: string }
  | { readonly type: 'closed'; readonly actorId: string; readonly at: Date }

/**
 * A customer complaint (客户投诉) under first-contact responsibility (首问负责制), R-ACC-4.
 * Immutable: every transition returns a new one.
 */
export interface Complaint {
  readonly id: string
  readonly customerId: string
  /** The customer's team/department (客户所属部门), used for routing non-quality complaints. */
  readonly customerTeamId?: string
  readonly category: ComplaintCategory
  readonly summary: string
  readonly status: ComplaintStatus
  /** Staff id of the first receiver (首问责任人). */
  readonly receivedBy: string
  readonly receivedAt: Date
  /** Who is responsible now: the first receiver until the complaint is handed over, then the unit's handler. */
  readonly responsibleStaffId: string
  /** The responsible unit once routed. */
  readonly responsibleUnit?: ComplaintUnit
  /** The answer given to the customer (答复), once answered. */
  readonly answer?: string
  readonly history: readonly ComplaintEvent[]
}

/** Complaint routing policy (投诉分派政策), R-ACC-4. */
export interface ComplaintPolicy {
  /** Categories handled by the quality department (质监部); **default** `['quality']`. */
  readonly qualityCategories: readonly ComplaintCategory[]
  /**
   * Where other complaints go: `'customerDepartment'` — the customer's department (反馈给部门经理),
   * falling back to commerce when the customer has no team; or `'commerce'` (商务部). **default** `'customerDepartment'`.
   */
  readonly otherComplaintsTo: 'customerDepartment' | 'commerce'
}

/**
 * The default complaint policy: quality complaints to the quality department, others to the
 * customer's department.
 *
 * @example
 * defaultComplaintPolicy.otherComplaintsTo //=> 'customerDepartment'
 */
export const defaultComplaintPolicy: ComplaintPolicy = Object.freeze({
  qualityCategories: Object.freeze(['quality'] as ComplaintCategory[]),
  otherComplaintsTo: 'customerDepartment',
})

/**
 * Creates a validated, frozen complaint policy from overrides on {@link defaultComplaintPolicy}.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field
 *
 * @example
 * createComplaintPolicy({ otherComplaintsTo: 'commerce' }).otherComplaintsTo //=> 'commerce'
 */
export function createComplaintPolicy(overrides: unknown = {}, field = 'complaints'): ComplaintPolicy {
  const given = policyObject(overrides, field)
  rejectUnknownKeys(given, field, ['qualityCategories', 'otherComplaintsTo'])
  const merged: Record<string, unknown> = { ...defaultComplaintPolicy, ...given }
  const categories = merged['qualityCategories']
  if (!Array.isArray(categories)) invalidPolicyField(`${field}.qualityCategories`, 'must be a list of categories', '必须是投诉类别列表', categories)
  const list = categories.map((item, index) => policyEnum(item, `${field}.qualityCategories[${index}]`, COMPLAINT_CATEGORIES))
  return Object.freeze({
    qualityCategories: Object.freeze([...new Set(list)]),
    otherComplaintsTo: policyEnum(merged['otherComplaintsTo'], `${field}.otherComplaintsTo`, ['customerDepartment', 'commerce'] as const),
  })
}

/**
 * R-ACC-4 the unit a complaint goes to (责任单位): quality complaints to the quality department
 * (质量监督部负责产品质量投诉的受理); others to the customer's department, or commerce per policy
 * (or when the customer has no department).
 *
 * @example
 * responsibleUnitForComplaint({ category: 'quality', customerTeamId: 't1' }) //=> { kind: 'quality' }
 * responsibleUnitForComplaint({ category: 'delivery', customerTeamId: 't1' }) //=> { kind: 'customerDepartment', teamId: 't1' }
 * responsibleUnitForComplaint({ category: 'delivery' }) //=> { kind: 'commerce' }
 */
export function responsibleUnitForComplaint(
  complaint: Pick<Complaint, 'category' | 'customerTeamId'>,
  policy: ComplaintPolicy = defaultComplaintPolicy,
): ComplaintUnit {
  const rules = createComplaintPolicy(policy, 'policy')
  if (rules.qualityCategories.includes(complaint.category)) return Object.freeze({ kind: 'quality' as const })
  if (rules.otherComplaintsTo === 'customerDepartment' && complaint.customerTeamId !== undefined) {
    return Object.freeze({ kind: 'customerDepartment' as const, teamId: complaint.customerTeamId })
  }
  return Object.freeze({ kind: 'commerce' as const })
}

/** True when `staff` belongs to `unit`: quality → role `quality`; commerce → role `commerce`; a department → same `teamId`. @internal */
export function belongsToUnit(staff: Staff, unit: ComplaintUnit): boolean {
  switch (unit.kind) {
    case 'quality':
      return hasRole(staff, 'quality')
    case 'commerce':
      return hasRole(staff, 'commerce')
    case 'customerDepartment':
      return staff.teamId === unit.teamId
  }
}
