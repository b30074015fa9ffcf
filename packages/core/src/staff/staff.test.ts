import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { InvalidInputError } from '../errors.js'
import { isStaffRole, STAFF_ROLE_NAMES_ZH, STAFF_ROLES } from './roles.js'
import { hasRole, readStaff } from './staff.js'

describe('staff and roles (R-ACC-1 role vocabulary)', () => {
  it('names every role in Chinese', () => {
    for (const role of STAFF_ROLES) expect(STAFF_ROLE_NAMES_ZH[role]).toMatch(/\p{Script=Han}/u)
    expect(isStaffRole('manager')).toBe(true)
    expect(isStaffRole('boss')).toBe(false)
  })

  it('reads a valid staff record and answers role questions', () => {
    const staff = readStaff({ id: 'u1', name: '王芳', roles: ['manager', 'departmentHead'], teamId: 't1', active: true })
    expect(staff).toEqual({ id: 'u1', name: '王芳', roles: ['manager', 'departmentHead'], teamId: 't1', active: true })
    expect(hasRole(staff, 'manager')).toBe(true)
    expect(hasRole(staff, 'finance')).toBe(false)
  })

  it.each([
    [null, 'actor'],
    [{ roles: ['manager'], active: true }, 'actor.id'],
    [{ id: 'u1', roles: [], active: true }, 'actor.roles'],
    [{ id: 'u1', roles: ['manager', 'boss'], active: true }, 'actor.roles[1]'],
    [{ id: 'u1', roles: ['manager'] }, 'actor.active'],
    [{ id: 'u1', roles: ['manager'], active: true, teamId: '' }, 'actor.teamId'],
  ])('refuses %j naming %s', (value, field) => {
    const error = thrown(() => readStaff(value, 'actor'), InvalidInputError)
    expect(error.code).toBe('STAFF.INVALID')
    expect(error.field).toBe(field)
  })
})
