import { STAFF_ROLES, type Staff, type StaffRole } from '@kehu/core'
import { describe, expect, it } from 'vitest'

import { kpiScorecardPermission } from './kpiAccess.js'

// R-ACC-1 for KPI scorecards: every role, alone, inside the team and outside it.
const team = { id: 'team-1', managerId: 'staff-recorded-manager' }
const actor = (role: StaffRole, teamId = 'team-1', active = true): Staff => ({ id: `staff-${role}`, roles: [role], teamId, active })

describe('kpiScorecardPermission (R-ACC-1)', () => {
  it.each(STAFF_ROLES.map((role) => [role, role === 'director' || role === 'generalManager' ? 'companyWide' : role === 'manager' ? 'teamManager' : null] as const))(
    '%s in the team: %s',
    (role, basis) => {
      expect(kpiScorecardPermission(actor(role), team)).toBe(basis)
    },
  )

  it.each(STAFF_ROLES.map((role) => [role, role === 'director' || role === 'generalManager' ? 'companyWide' : null] as const))('%s outside the team: %s', (role, basis) => {
    expect(kpiScorecardPermission(actor(role, 'team-2'), team)).toBe(basis)
  })

  it("the team's recorded manager sees it whatever their roles", () => {
    expect(kpiScorecardPermission({ id: 'staff-recorded-manager', roles: ['departmentHead'], teamId: 'team-9', active: true }, team)).toBe('teamManager')
  })

  it('nobody who has left sees a scorecard', () => {
    for (const role of STAFF_ROLES) expect(kpiScorecardPermission(actor(role, 'team-1', false), team)).toBeNull()
    expect(kpiScorecardPermission({ id: 'staff-recorded-manager', roles: ['manager'], teamId: 'team-1', active: false }, team)).toBeNull()
  })
})
