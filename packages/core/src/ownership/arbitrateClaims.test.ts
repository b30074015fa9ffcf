import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { claimsArb, director, manager, person, sh } from '../../test/arbitraries/ownershipArb.js'
import { thrown } from '../../test/thrown.js'
import { arbitrateClaims, type CustomerClaim, managerOverride } from './arbitrateClaims.js'
import { OwnershipInputError } from './errors.js'

const wang: CustomerClaim = { staffId: 'wang', customerRef: 'c1', recordedAt: sh('2025-03-03', '09:40') }
const li: CustomerClaim = { staffId: 'li', customerRef: 'c1', recordedAt: sh('2025-03-03', '10:05') }

describe('R-OWN-1 the earlier record wins', () => {
  it('R-OWN-1 worked example: wang recorded 09:40, li 10:05 → wang', () => {
    const result = arbitrateClaims([li, wang])
    expect(result).toEqual({ status: 'decided', customerRef: 'c1', winner: wang, losers: [li], decidedBy: 'earliest-record', overrides: [] })
  })

  it('R-OWN-1 equal instants: the lower caller sequence is the earlier record', () => {
    const a = { staffId: 'li', customerRef: 'c1', recordedAt: sh('2025-03-03', '09:40'), sequence: 7 }
    const b = { staffId: 'wang', customerRef: 'c1', recordedAt: sh('2025-03-03', '09:40'), sequence: 12 }
    const result = arbitrateClaims([b, a])
    expect(result.status === 'decided' && result.winner.staffId).toBe('li')
    expect(result.status === 'decided' && result.decidedBy).toBe('sequence')
  })

  it('R-OWN-1 equal instants and no sequence: tied, the manager decides', () => {
    const liSame = { ...li, recordedAt: wang.recordedAt }
    const result = arbitrateClaims([wang, liSame, { staffId: 'zhou', customerRef: 'c1', recordedAt: sh('2025-03-04') }])
    expect(result.status).toBe('tied')
    expect(result.status === 'tied' && result.tied.map((claim) => claim.staffId)).toEqual(['li', 'wang'])
    expect(result.losers.map((claim) => claim.staffId)).toEqual(['zhou'])
  })

  it('R-OWN-1 claims with a sequence rank before those without at the same instant', () => {
    const result = arbitrateClaims([{ ...li, recordedAt: wang.recordedAt }, { ...wang, sequence: 99 }])
    expect(result.status === 'decided' && result.winner.staffId).toBe('wang')
  })

  it('R-OWN-1 the same person claiming twice at once is no conflict', () => {
    const result = arbitrateClaims([wang, { ...wang }])
    expect(result.status === 'decided' && result.winner.staffId).toBe('wang')
    expect(result.losers).toEqual([])
  })

  it('R-OWN-1 property: the winner is never later than any claim, and losers are exactly the other staff', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const result = arbitrateClaims(claims)
        const earliest = Math.min(...claims.map((claim) => claim.recordedAt.getTime()))
        const staffIds = new Set(claims.map((claim) => claim.staffId))
        if (result.status === 'decided') {
          expect(result.winner.recordedAt.getTime()).toBe(earliest)
          expect(new Set(result.losers.map((claim) => claim.staffId))).toEqual(new Set([...staffIds].filter((id) => id !== result.winner.staffId)))
        } else {
          expect(result.tied.length).toBeGreaterThan(1)
          for (const claim of result.tied) expect(claim.recordedAt.getTime()).toBe(earliest)
        }
        // a single claimant always wins
        if (staffIds.size === 1) expect(result.status).toBe('decided')
      }),
    )
  })

  it('R-OWN-1 property: the input order never matters', () => {
    fc.assert(
      fc.property(
        claimsArb.chain((claims) => fc.tuple(fc.constant(claims), fc.shuffledSubarray(claims, { minLength: claims.length, maxLength: claims.length }))),
        ([claims, shuffled]) => {
          expect(arbitrateClaims(shuffled)).toEqual(arbitrateClaims(claims))
        },
      ),
    )
  })

  it.each([
    [[], 'claims'],
    ['c1', 'claims'],
    [[{ ...wang, recordedAt: new Date(Number.NaN) }], 'claims[0].recordedAt'],
    [[wang, { ...li, customerRef: 'c2' }], 'claims[1].customerRef'],
    [[wang, { ...li, staffId: '' }], 'claims[1].staffId'],
    [[{ ...wang, sequence: -1 }], 'claims[0].sequence'],
  ])('refuses malformed claims %# naming %s', (claims, field) => {
    const error = thrown(() => arbitrateClaims(claims as CustomerClaim[]), OwnershipInputError)
    expect(error.field).toBe(field)
    expect(['OWNERSHIP.INVALID_CLAIMS', 'OWNERSHIP.INVALID_INSTANT']).toContain(error.code)
  })
})

describe('R-OWN-1 manager override, recorded with its reason', () => {
  const at = sh('2025-03-04', '11:00')
  const arbitration = arbitrateClaims([wang, li])

  it('R-OWN-1 a director gives the customer to li, with an audit entry', () => {
    const result = managerOverride(arbitration, { manager: director, winnerStaffId: 'li', reason: '李已跟进该客户两年', at })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.audit).toEqual({ by: 'zhao', at, reason: '李已跟进该客户两年', previousWinner: 'wang', newWinner: 'li' })
    expect(result.arbitration.winner).toEqual(li)
    expect(result.arbitration.losers).toEqual([wang])
    expect(result.arbitration.decidedBy).toBe('manager-override')
    expect(result.arbitration.overrides).toEqual([result.audit])
    // a second override keeps the first in the audit trail
    const again = managerOverride(result.arbitration, { manager, winnerStaffId: 'wang', reason: '复核后改回', at: sh('2025-03-05') })
    expect(again.ok && again.arbitration.overrides.map((audit) => audit.previousWinner)).toEqual(['wang', 'li'])
  })

  it('R-OWN-1 a manager resolves a tie; previousWinner is null', () => {
    const tied = arbitrateClaims([wang, { ...li, recordedAt: wang.recordedAt }])
    const result = managerOverride(tied, { manager, winnerStaffId: 'wang', reason: '按客户意愿', at })
    expect(result.ok && result.audit.previousWinner).toBeNull()
    expect(result.ok && result.arbitration.losers).toEqual([{ ...li, recordedAt: wang.recordedAt }])
  })

  it.each([
    [person('wu'), 'li', '理由', 'OWNERSHIP.NOT_A_MANAGER'],
    [person('old', ['manager'], false), 'li', '理由', 'OWNERSHIP.ACTOR_INACTIVE'],
    [manager, 'li', '   ', 'OWNERSHIP.REASON_REQUIRED'],
    [manager, 'zhou', '理由', 'OWNERSHIP.NOT_A_CLAIMANT'],
  ])('R-OWN-1 refuses %# as data (%s)', (actor, winnerStaffId, reason, code) => {
    const result = managerOverride(arbitration, { manager: actor, winnerStaffId, reason, at })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.refusal.code).toBe(code)
    expect(!result.ok && result.refusal.ruleId).toBe('R-OWN-1')
    expect(!result.ok && result.refusal.messageZh).toMatch(/\p{Script=Han}/u)
  })

  it('refuses a malformed arbitration, manager or instant', () => {
    expect(thrown(() => managerOverride({ status: 'maybe' } as never, { manager, winnerStaffId: 'li', reason: 'x', at }), OwnershipInputError).field).toBe('arbitration.status')
    expect(thrown(() => managerOverride(arbitration, { manager: { id: 'x' } as never, winnerStaffId: 'li', reason: 'x', at })).field).toBe('decision.manager.roles')
    const bad = thrown(() => managerOverride(arbitration, { manager, winnerStaffId: 'li', reason: 'x', at: new Date('nope') }), OwnershipInputError)
    expect([bad.code, bad.field]).toEqual(['OWNERSHIP.INVALID_INSTANT', 'decision.at'])
    expect(thrown(() => managerOverride(arbitration, { manager, winnerStaffId: 'li', reason: 5 as never, at }), OwnershipInputError).code).toBe('OWNERSHIP.INVALID_COMMAND')
  })
})
