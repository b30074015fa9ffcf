import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { actionArb, grantArb, instantArb, recordArb, staffArb, TEAM_IDS } from '../../test/arbitraries/accessArb.js'
import { thrown } from '../../test/thrown.js'
import type { Staff } from '../staff/staff.js'
import { AccessReasonCode, type CustomerRecordRef, decideAccess } from './decideAccess.js'
import { AccessInputError } from './errors.js'
import { createAccessPolicy } from './policy.js'

const at = new Date('2026-03-02T10:00:00+08:00')
const staff = (id: string, roles: Staff['roles'], teamId?: string, active = true): Staff => ({ id, roles, active, ...(teamId === undefined ? {} : { teamId }) })
const customer: CustomerRecordRef = { kind: 'customer', id: 'C2026-00042', ownerId: 'wang', coOwnerIds: ['li'], teamId: 't1', followerIds: ['zhao', 'qian'] }
const secret: CustomerRecordRef = { ...customer, confidential: true }

describe('R-ACC-1 decision table (worked examples)', () => {
  it.each([
    ['owner specialist views', staff('wang', ['specialist'], 't1'), 'view', customer, true, 'ACCESS.OWNER'],
    ['owner specialist edits', staff('wang', ['specialist'], 't1'), 'edit', customer, true, 'ACCESS.OWNER'],
    ['owner specialist may not export', staff('wang', ['specialist'], 't1'), 'export', customer, false, 'ACCESS.ACTION_NOT_PERMITTED'],
    ['co-owner views', staff('li', ['specialist'], 't2'), 'view', customer, true, 'ACCESS.CO_OWNER'],
    ['same-team specialist without ownership', staff('sun', ['specialist'], 't1'), 'view', customer, false, 'ACCESS.NO_BASIS'],
    ['other-team specialist', staff('zhou', ['specialist'], 't2'), 'view', customer, false, 'ACCESS.NO_BASIS'],
    ['team manager reassigns', staff('mgr1', ['manager'], 't1'), 'reassign', customer, true, 'ACCESS.TEAM_MANAGER'],
    ['other team’s manager', staff('mgr2', ['manager'], 't2'), 'view', customer, false, 'ACCESS.NO_BASIS'],
    ['director exports', staff('dir', ['director']), 'export', customer, true, 'ACCESS.COMPANY_WIDE_ROLE'],
    ['general manager reassigns', staff('gm', ['generalManager']), 'reassign', customer, true, 'ACCESS.COMPANY_WIDE_ROLE'],
    ['information department views', staff('info', ['information']), 'view', customer, true, 'ACCESS.INFORMATION_DEPARTMENT'],
    ['information department may not reassign', staff('info', ['information']), 'reassign', customer, false, 'ACCESS.ACTION_NOT_PERMITTED'],
    ['commerce follower views', staff('zhao', ['commerce']), 'view', customer, true, 'ACCESS.FOLLOWER'],
    ['commerce follower may not edit', staff('zhao', ['commerce']), 'edit', customer, false, 'ACCESS.ACTION_NOT_PERMITTED'],
    ['finance not following', staff('wu', ['finance']), 'view', customer, false, 'ACCESS.NO_BASIS'],
    ['a specialist listed as follower is no follower', staff('qian', ['specialist'], 't2'), 'view', customer, false, 'ACCESS.NO_BASIS'],
    ['confidential: information department', staff('info', ['information']), 'view', secret, false, 'ACCESS.CONFIDENTIAL'],
    ['confidential: follower', staff('zhao', ['commerce']), 'view', secret, false, 'ACCESS.CONFIDENTIAL'],
    ['confidential: owner still sees it', staff('wang', ['specialist'], 't1'), 'view', secret, true, 'ACCESS.OWNER'],
    ['confidential: director still sees it', staff('dir', ['director']), 'view', secret, true, 'ACCESS.COMPANY_WIDE_ROLE'],
    ['inactive owner (R-OWN-5)', staff('wang', ['specialist'], 't1', false), 'view', customer, false, 'ACCESS.INACTIVE_STAFF'],
    ['inactive director (R-OWN-5)', staff('dir', ['director'], undefined, false), 'view', customer, false, 'ACCESS.INACTIVE_STAFF'],
  ] as const)('%s', (_name, actor, action, record, allowed, code) => {
    const decision = decideAccess({ actor, action, record, at })
    expect(decision.allowed).toBe(allowed)
    expect(decision.reason.code).toBe(code)
    expect(decision.action).toBe(action)
    expect(decision.reason.messageZh).toMatch(/\p{Script=Han}/u)
  })

  it('reports the ruleId of the row: R-ACC-1, R-LIF-5 for followers, R-ACC-2 for grants and no basis, R-OWN-5 for inactive staff', () => {
    expect(decideAccess({ actor: staff('zhao', ['commerce']), action: 'view', record: customer, at }).reason.ruleId).toBe('R-LIF-5')
    expect(decideAccess({ actor: staff('zhou', ['specialist'], 't2'), action: 'view', record: customer, at }).reason.ruleId).toBe('R-ACC-2')
    expect(decideAccess({ actor: staff('wang', ['specialist'], 't1', false), action: 'view', record: customer, at }).reason.ruleId).toBe('R-OWN-5')
  })
})

describe('R-ACC-2 grants', () => {
  const zhou = staff('zhou', ['specialist'], 't2')
  const grant = { staffId: 'zhou', customerId: 'C2026-00042', actions: ['view' as const], from: new Date('2026-03-01T00:00:00+08:00'), until: new Date('2026-03-08T00:00:00+08:00') }

  it('opens a customer from `from` (inclusive) until `until` (exclusive)', () => {
    const decide = (when: Date) => decideAccess({ actor: zhou, action: 'view', record: customer, grants: [grant], at: when })
    expect(decide(grant.from)).toMatchObject({ allowed: true, basis: 'grant', reason: { code: 'ACCESS.GRANTED', ruleId: 'R-ACC-2' } })
    expect(decide(new Date(grant.from.getTime() - 1)).allowed).toBe(false)
    expect(decide(new Date(grant.until.getTime() - 1)).allowed).toBe(true)
    expect(decide(grant.until).allowed).toBe(false)
  })

  it('covers only its actions, its staff member and its customer or team', () => {
    expect(decideAccess({ actor: zhou, action: 'edit', record: customer, grants: [grant], at }).allowed).toBe(false)
    expect(decideAccess({ actor: staff('sun', ['specialist'], 't2'), action: 'view', record: customer, grants: [grant], at }).allowed).toBe(false)
    expect(decideAccess({ actor: zhou, action: 'view', record: { ...customer, id: 'C2' }, grants: [grant], at }).allowed).toBe(false)
    const teamGrant = { staffId: 'zhou', teamId: 't1', actions: ['view' as const], from: grant.from }
    expect(decideAccess({ actor: zhou, action: 'view', record: { ...customer, id: 'C2' }, grants: [teamGrant], at }).allowed).toBe(true)
  })

  it('opens confidential records unless the policy says otherwise', () => {
    const info = staff('info', ['information'])
    const infoGrant = { ...grant, staffId: 'info' }
    expect(decideAccess({ actor: info, action: 'view', record: secret, grants: [infoGrant], at }).allowed).toBe(true)
    expect(decideAccess({ actor: info, action: 'view', record: secret, grants: [infoGrant], at }, createAccessPolicy({ grantsOpenConfidential: false })).reason.code).toBe('ACCESS.CONFIDENTIAL')
  })

  it('never helps an inactive actor', () => {
    expect(decideAccess({ actor: { ...zhou, active: false }, action: 'view', record: customer, grants: [grant], at }).reason.code).toBe('ACCESS.INACTIVE_STAFF')
  })
})

describe('R-ACC-1 properties', () => {
  const requestArb = fc.record({ actor: staffArb(), action: actionArb, record: recordArb, grants: fc.array(grantArb, { maxLength: 3 }), at: instantArb })

  it('an inactive actor is never allowed anything', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const decision = decideAccess({ ...request, actor: { ...request.actor, active: false } })
        expect(decision.allowed).toBe(false)
        expect(decision.reason.code).toBe('ACCESS.INACTIVE_STAFF')
      }),
    )
  })

  it('a grant never reduces access', () => {
    fc.assert(
      fc.property(requestArb, grantArb, (request, extra) => {
        if (decideAccess(request).allowed) expect(decideAccess({ ...request, grants: [...request.grants, extra] }).allowed).toBe(true)
      }),
    )
  })

  it('an active director sees every customer and may do everything', () => {
    fc.assert(
      fc.property(requestArb, fc.subarray(['specialist', 'commerce', 'information', 'manager'] as const), (request, more) => {
        const director = { ...request.actor, roles: ['director' as const, ...more], active: true }
        expect(decideAccess({ ...request, actor: director })).toMatchObject({ allowed: true, reason: { code: 'ACCESS.COMPANY_WIDE_ROLE' } })
      }),
    )
  })

  it('a specialist never sees a customer of another team they do not (co-)own without a grant', () => {
    fc.assert(
      fc.property(requestArb, fc.constantFrom(...TEAM_IDS), (request, ownTeam) => {
        const actor = { id: 'outsider', roles: ['specialist' as const], teamId: ownTeam, active: true }
        const otherTeam = TEAM_IDS.find((team) => team !== ownTeam) ?? 't9'
        const decision = decideAccess({ ...request, actor, record: { ...request.record, teamId: otherTeam }, grants: request.grants })
        expect(decision.allowed).toBe(false)
        expect(decision.reason.code).toBe('ACCESS.NO_BASIS')
      }),
    )
  })

  it('is total and consistent: allowed iff the reason is an allowing one', () => {
    const allowing = new Set<string>([
      AccessReasonCode.COMPANY_WIDE_ROLE,
      AccessReasonCode.INFORMATION_DEPARTMENT,
      AccessReasonCode.TEAM_MANAGER,
      AccessReasonCode.OWNER,
      AccessReasonCode.CO_OWNER,
      AccessReasonCode.FOLLOWER,
      AccessReasonCode.GRANTED,
    ])
    fc.assert(
      fc.property(requestArb, (request) => {
        const decision = decideAccess(request)
        expect(decision.allowed).toBe(allowing.has(decision.reason.code))
        expect(decision.basis === undefined).toBe(!decision.allowed)
        expect(decideAccess(request)).toEqual(decision)
      }),
    )
  })

  it('the order of the grants does not matter', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        expect(decideAccess({ ...request, grants: [...request.grants].reverse() })).toEqual(decideAccess(request))
      }),
    )
  })
})

describe('access input validation', () => {
  const valid = { actor: staff('wang', ['specialist'], 't1'), action: 'view', record: customer, at }
  it.each([
    ['ACCESS.INVALID_REQUEST', 'request', null],
    ['ACCESS.INVALID_REQUEST', 'request.action', { ...valid, action: 'delete' }],
    ['ACCESS.INVALID_REQUEST', 'request.at', { ...valid, at: '2026-03-02' }],
    ['ACCESS.INVALID_RECORD', 'request.record.kind', { ...valid, record: { ...customer, kind: 'contract' } }],
    ['ACCESS.INVALID_RECORD', 'request.record.id', { ...valid, record: { ...customer, id: '' } }],
    ['ACCESS.INVALID_RECORD', 'request.record.coOwnerIds[0]', { ...valid, record: { ...customer, coOwnerIds: [3] } }],
    ['ACCESS.INVALID_RECORD', 'request.record.confidential', { ...valid, record: { ...customer, confidential: 'yes' } }],
    ['ACCESS.INVALID_GRANT', 'request.grants', { ...valid, grants: {} }],
    ['ACCESS.INVALID_GRANT', 'request.grants[0].customerId', { ...valid, grants: [{ staffId: 'x', actions: ['view'], from: at }] }],
    ['ACCESS.INVALID_GRANT', 'request.grants[0].actions', { ...valid, grants: [{ staffId: 'x', customerId: 'C1', actions: [], from: at }] }],
    ['ACCESS.INVALID_GRANT', 'request.grants[0].actions[0]', { ...valid, grants: [{ staffId: 'x', customerId: 'C1', actions: ['print'], from: at }] }],
    ['ACCESS.INVALID_GRANT', 'request.grants[0].until', { ...valid, grants: [{ staffId: 'x', customerId: 'C1', actions: ['view'], from: at, until: at }] }],
    ['ACCESS.INVALID_GRANT', 'request.grants[0].staffId', { ...valid, grants: [{ customerId: 'C1', actions: ['view'], from: at }] }],
    ['STAFF.INVALID', 'request.actor.active', { ...valid, actor: { id: 'x', roles: ['specialist'] } }],
  ])('%s at %s', (code, field, request) => {
    const error = thrown(() => decideAccess(request as never))
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
    if (code.startsWith('ACCESS.')) expect(error).toBeInstanceOf(AccessInputError)
  })

  it('refuses a partial policy naming the missing field', () => {
    const error = thrown(() => decideAccess(valid as never, { companyWideRoles: ['director'] } as never))
    expect([error.code, error.field]).toEqual(['POLICY.INVALID_FIELD', 'policy.informationRoles'])
  })
})
