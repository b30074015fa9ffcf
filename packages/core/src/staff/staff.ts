import { InvalidInputError } from '../errors.js'
import { isStaffRole, STAFF_ROLES, type StaffRole } from './roles.js'

/**
 * A member of staff as the rules see them (员工): who they are, what roles they hold, which team
 * they belong to and whether they are still active. Applications map their own user records
 * onto this shape; core never loads it.
 */
export interface Staff {
  /** Stable identifier chosen by the application. */
  readonly id: string
  /** Display name (姓名), optional. */
  readonly name?: string
  /** Roles held (岗位), at least one. */
  readonly roles: readonly StaffRole[]
  /** Team (小组/部门) the person belongs to; managers see their team's customers (R-ACC-1). */
  readonly teamId?: string
  /** False once the person has left (离职, R-OWN-5). */
  readonly active: boolean
}

/** True when the person holds `role`. */
export function hasRole(staff: Pick<Staff, 'roles'>, role: StaffRole): boolean {
  return staff.roles.includes(role)
}

/**
 * Validates a staff record at a public boundary.
 * @throws {@link InvalidInputError} `STAFF.INVALID` naming the bad field (`actor.roles[1]`)
 *
 * @example
 * readStaff({ id: 'u1', roles: ['manager'], teamId: 't1', active: true }, 'actor').roles //=> ['manager']
 */
export function readStaff(value: unknown, field = 'staff'): Staff {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidStaff(field, 'must be an object', '必须是对象', value)
  const record = value as Record<string, unknown>
  const id = record['id']
  if (typeof id !== 'string' || id.trim() === '') throw invalidStaff(`${field}.id`, 'must be a non-empty string', '必须是非空字符串', id)
  const roles = record['roles']
  if (!Array.isArray(roles) || roles.length === 0) throw invalidStaff(`${field}.roles`, 'must be a non-empty list of roles', '必须是非空的岗位列表', roles)
  roles.forEach((role, index) => {
    if (!isStaffRole(role)) throw invalidStaff(`${field}.roles[${index}]`, `must be one of ${STAFF_ROLES.join(', ')}`, `必须是 ${STAFF_ROLES.join('、')} 之一`, role)
  })
  const active = record['active']
  if (typeof active !== 'boolean') throw invalidStaff(`${field}.active`, 'must be true or false', '必须是 true 或 false', active)
  const teamId = record['teamId']
  if (teamId !== undefined && (typeof teamId !== 'string' || teamId.trim() === '')) {
    throw invalidStaff(`${field}.teamId`, 'must be a non-empty string when given', '如提供则必须是非空字符串', teamId)
  }
  const name = record['name']
  if (name !== undefined && typeof name !== 'string') throw invalidStaff(`${field}.name`, 'must be a string when given', '如提供则必须是字符串', name)
  return {
    id,
    roles: roles as StaffRole[],
    active,
    ...(teamId === undefined ? {} : { teamId: teamId as string }),
    ...(name === undefined ? {} : { name: name as string }),
  }
}

function invalidStaff(field: string, en: string, zh: string, value: unknown): InvalidInputError {
  return new InvalidInputError({
    code: 'STAFF.INVALID',
    field,
    messageEn: `${field} ${en}, got ${JSON.stringify(value) ?? String(value)}`,
    messageZh: `${field} ${zh}，实际为 ${JSON.stringify(value) ?? String(value)}`,
  })
}
