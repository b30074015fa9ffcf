import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { actionArb, grantArb, instantArb, recordArb, staffArb } from '../../test/arbitraries/accessArb.js'
import { thrown } from '../../test/thrown.js'
import { buildViewAuditEntry } from './auditEntry.js'
import { decideAccess } from './decideAccess.js'

const actor = { id: 'u1', roles: ['specialist' as const], teamId: 't1', active: true }
const record = { kind: 'customer' as const, id: 'C2026-00042', ownerId: 'u1' }
const at = new Date('2026-03-02T10:00:00+08:00')

describe('R-ACC-2 view audit entry (who, what, when)', () => {
  it('records an allowed view', () => {
    const entry = buildViewAuditEntry({ actor, record, at, decision: decideAccess({ actor, action: 'view', record, at }) })
    expect(entry).toEqual({
      who: { staffId: 'u1', roles: ['specialist'] },
      what: { kind: 'customer', customerId: 'C2026-00042', action: 'view' },
      when: '2026-03-02T02:00:00.000Z',
      allowed: true,
      reason: { code: 'ACCESS.OWNER', ruleId: 'R-ACC-1' },
    })
  })

  it('records a denied view too', () => {
    const outsider = { id: 'u9', roles: ['specialist' as const], teamId: 't2', active: true }
    const entry = buildViewAuditEntry({ actor: outsider, record, at, decision: decideAccess({ actor: outsider, action: 'view', record, at }) })
    expect(entry).toMatchObject({ allowed: false, reason: { code: 'ACCESS.NO_BASIS', ruleId: 'R-ACC-2' } })
  })

  it('is deeply immutable and independent of the inputs', () => {
    fc.assert(
      fc.property(staffArb(), actionArb, recordArb, fc.array(grantArb, { maxLength: 2 }), instantArb, (who, action, customer, grants, when) => {
        const decision = decideAccess({ actor: who, action, record: customer, grants, at: when })
        const roles = [...who.roles]
        const entry = buildViewAuditEntry({ actor: { ...who, roles }, record: customer, at: when, decision })
        roles.push('director')
        expect(entry.who.roles).toEqual(who.roles)
        for (const part of [entry, entry.who, entry.who.roles, entry.what, entry.reason]) expect(Object.isFrozen(part)).toBe(true)
        expect(() => {
          ;(entry as { allowed: boolean }).allowed = !entry.allowed
        }).toThrow(TypeError)
        expect(entry).toMatchObject({ allowed: decision.allowed, when: when.toISOString(), what: { customerId: customer.id, action } })
        expect(JSON.parse(JSON.stringify(entry))).toEqual(entry)
      }),
    )
  })

  it.each([
    ['input.decision', { actor, record, at }],
    ['input.decision.allowed', { actor, record, at, decision: { action: 'view', reason: { code: 'ACCESS.OWNER', ruleId: 'R-ACC-1' } } }],
    ['input.decision.action', { actor, record, at, decision: { allowed: true, action: 'peek', reason: { code: 'ACCESS.OWNER', ruleId: 'R-ACC-1' } } }],
    ['input.decision.reason.code', { actor, record, at, decision: { allowed: true, action: 'view', reason: { code: 'OK', ruleId: 'R-ACC-1' } } }],
    ['input.decision.reason.ruleId', { actor, record, at, decision: { allowed: true, action: 'view', reason: { code: 'ACCESS.OWNER' } } }],
    ['input.at', { actor, record, at: 'now', decision: { allowed: true, action: 'view', reason: { code: 'ACCESS.OWNER', ruleId: 'R-ACC-1' } } }],
    ['input.record.id', { actor, record: { kind: 'customer' }, at, decision: { allowed: true, action: 'view', reason: { code: 'ACCESS.OWNER', ruleId: 'R-ACC-1' } } }],
  ])('refuses a malformed input at %s', (field, input) => {
    expect(thrown(() => buildViewAuditEntry(input as never)).field).toBe(field)
  })
})
