import { STAFF_ROLES, type Staff, type StaffRole } from '@kehu/core'
import { describe, expect, it } from 'vitest'

import { commissionPermission } from './commissionAccess.js'

// R-ACC-1 for commission statements: every role, alone, in the holder's team and in another team.
const holder = { id: 'staff-holder', teamId: 'team-1' }
const actor = (role: StaffRole, teamId = 'team-1', active = true): Staff => ({ id: `staff-${role}`, roles: [role], teamId, active })

const VIEW_SAME_TEAM: Record<StaffRole, string | null> = {
  specialist: null,
  manager: 'teamManager',
  director: 'companyWide',
  generalManager: 'companyWide',
  viceGeneralManager: null,
  generalManagerOffice: null,
  departmentHead: null,
  marketingDirector: null,
  serviceSupervisor: null,
  commerce: null,
  finance: 'finance',
  customs: null,
  information: null,
  quality: null,
}

describe('commissionPermission (R-ACC-1)', () => {
  it.each(STAFF_ROLES.map((role) => [role, VIEW_SAME_TEAM[role]] as const))('%s in the same team may view: %s', (role, basis) => {
    expect(commissionPermission(actor(role), 'view', holder)).toBe(basis)
  })

  it.each(STAFF_ROLES.map((role) => [role, role === 'manager' ? null : VIEW_SAME_TEAM[role]] as const))('%s in another team may view: %s', (role, basis) => {
    expect(commissionPermission(actor(role, 'team-2'), 'view', holder)).toBe(basis)
  })

  it.each(STAFF_ROLES.map((role) => [role, ['director', 'generalManager', 'finance'].includes(role)] as const))('%s may compute: %s', (role, allowed) => {
    expect(commissionPermission(actor(role), 'compute', holder) !== null).toBe(allowed)
  })

  it('the person sees their own statements but does not compute them', () => {
    const self: Staff = { id: 'staff-holder', roles: ['specialist'], teamId: 'team-1', active: true }
    expect(commissionPermission(self, 'view', holder)).toBe('self')
    expect(commissionPermission(self, 'compute', holder)).toBeNull()
  })

  it('a manager without a team, or of a holder without one, sees nothing by team', () => {
    expect(commissionPermission({ id: 'm', roles: ['manager'], active: true }, 'view', holder)).toBeNull()
    expect(commissionPermission(actor('manager'), 'view', { id: 'x', teamId: null })).toBeNull()
  })

  it('nobody who has left sees or computes anything (R-OWN-5)', () => {
    for (const role of STAFF_ROLES) {
      expect(commissionPermission(actor(role, 'team-1', false), 'view', holder)).toBeNull()
      expect(commissionPermission(actor(role, 'team-1', false), 'compute', holder)).toBeNull()
    }
    expect(commissionPermission({ ...holder, roles: ['specialist'], active: false }, 'view', holder)).toBeNull()
  })
})
