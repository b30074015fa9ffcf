import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { PolicyValidationError } from '../errors.js'
import { createComplaintPolicy, defaultComplaintPolicy } from './complaint.js'
import { createAccessPolicy, defaultAccessPolicy } from './policy.js'

describe('R-ACC-1 access policy', () => {
  it('has the documented defaults and round-trips through JSON', () => {
    expect(createAccessPolicy()).toEqual(defaultAccessPolicy)
    expect(defaultAccessPolicy.companyWideRoles).toEqual(['director', 'generalManager'])
    expect(defaultAccessPolicy.actionsByBasis).toEqual({
      companyWide: ['view', 'edit', 'export', 'reassign'],
      informationDepartment: ['view', 'edit', 'export'],
      teamManager: ['view', 'edit', 'export', 'reassign'],
      owner: ['view', 'edit'],
      coOwner: ['view', 'edit'],
      follower: ['view'],
    })
    expect(defaultAccessPolicy.confidentialExcludedBases).toEqual(['informationDepartment', 'follower'])
    expect(JSON.parse(JSON.stringify(defaultAccessPolicy))).toEqual(defaultAccessPolicy)
  })

  it('merges actionsByBasis per basis', () => {
    const policy = createAccessPolicy({ actionsByBasis: { owner: ['view', 'edit', 'export'] }, companyWideRoles: ['director', 'generalManager', 'viceGeneralManager'] })
    expect(policy.actionsByBasis.owner).toEqual(['view', 'edit', 'export'])
    expect(policy.actionsByBasis.follower).toEqual(['view'])
    expect(policy.companyWideRoles).toContain('viceGeneralManager')
    expect(Object.isFrozen(policy.actionsByBasis)).toBe(true)
  })

  it.each([
    [{ companyWideRoles: ['ceo'] }, 'access.companyWideRoles[0]'],
    [{ companyWideRoles: 'director' }, 'access.companyWideRoles'],
    [{ followerRoles: ['finance', 'finance'] }, 'access.followerRoles'],
    [{ actionsByBasis: { owner: ['print'] } }, 'access.actionsByBasis.owner[0]'],
    [{ actionsByBasis: { boss: ['view'] } }, 'access.actionsByBasis.boss'],
    [{ confidentialExcludedBases: ['everyone'] }, 'access.confidentialExcludedBases[0]'],
    [{ grantsOpenConfidential: 1 }, 'access.grantsOpenConfidential'],
    [{ audit: true }, 'access.audit'],
  ])('refuses %j naming %s', (overrides, field) => {
    const error = thrown(() => createAccessPolicy(overrides), PolicyValidationError)
    expect(error.code).toBe('POLICY.INVALID_FIELD')
    expect(error.field).toBe(field)
  })
})

describe('R-ACC-4 complaint policy', () => {
  it('defaults: quality to the quality department, others to the customer department', () => {
    expect(createComplaintPolicy()).toEqual(defaultComplaintPolicy)
    expect(createComplaintPolicy({ otherComplaintsTo: 'commerce', qualityCategories: ['quality', 'delivery'] })).toEqual({ otherComplaintsTo: 'commerce', qualityCategories: ['quality', 'delivery'] })
  })

  it.each([
    [{ otherComplaintsTo: 'sales' }, 'complaints.otherComplaintsTo'],
    [{ qualityCategories: 'quality' }, 'complaints.qualityCategories'],
    [{ qualityCategories: ['price'] }, 'complaints.qualityCategories[0]'],
    [{ routing: 'x' }, 'complaints.routing'],
  ])('refuses %j naming %s', (overrides, field) => {
    const error = thrown(() => createComplaintPolicy(overrides), PolicyValidationError)
    expect(error.field).toBe(field)
  })
})
