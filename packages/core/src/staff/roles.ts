/**
 * Roles of the people the regulations name (岗位与部门, R-ACC-1). A person may hold several:
 * a manager of the customer department holds `manager`; the head of finance holds `finance`
 * and `departmentHead`.
 */
export const STAFF_ROLES = [
  'specialist', // 专员 — customer staff
  'manager', // 经理 — customer-department manager, heads a team
  'director', // 总监 — customer director
  'generalManager', // 总经理
  'viceGeneralManager', // 副总经理
  'generalManagerOffice', // 总经理办公室
  'departmentHead', // 部门主管 / 部门经理 of any department
  'marketingDirector', // 营销总监
  'serviceSupervisor', // 售后服务主管
  'commerce', // 商务部
  'finance', // 财务部
  'customs', // 报关部
  'information', // 信息部
  'quality', // 质监部
] as const

/** One of {@link STAFF_ROLES}. */
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Chinese names of the roles, for messages and documents. */
export const STAFF_ROLE_NAMES_ZH: Readonly<Record<StaffRole, string>> = Object.freeze({
  specialist: '专员',
  manager: '经理',
  director: '总监',
  generalManager: '总经理',
  viceGeneralManager: '副总经理',
  generalManagerOffice: '总经理办公室',
  departmentHead: '部门主管',
  marketingDirector: '营销总监',
  serviceSupervisor: '售后服务主管',
  commerce: '商务部',
  finance: '财务部',
  customs: '报关部',
  information: '信息部',
  quality: '质监部',
})

/** True when `value` is one of {@link STAFF_ROLES}. */
export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value)
}
