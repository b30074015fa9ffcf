import { beforeEach, describe, expect, it } from 'vitest'

import { configureOwnership } from '../workflows/ownershipPolicy.js'
import { TEST_NOW } from '../test/gateway.js'
import { useTestGateway } from '../test/useTestGateway.js'

// Demo company (src/db/seed.ts): cust-001 is owned by staff-zhou (team-east), contacted two days
// after its assignment in 2025 — so not reclaimable; cust-025 and cust-037 are in the pool,
// released from staff-liu (who left). TEST_NOW is Monday 2026-03-02 10:00 in Shanghai.

const gw = useTestGateway()

const RESULT = `
  __typename
  ... on BusinessError { code ruleId messageZh messageEn }
  ... on RuleRefusalError { details }
  ... on AccessDeniedError { reasonCode }
  ... on ValidationError { issues { field code } }
`
const PAYLOAD = `customerIds notifiedCustomerIds revokedStaffIds entries { customerId action at by fromOwnerId toOwnerId reason ruleId }`

/** Runs ownership mutation `name` as `staffId`: the union member, or the GraphQL errors when there is no data. */
async function run(name: string, input: Record<string, unknown>, staffId: string): Promise<any> {
  const typeName = name[0]!.toUpperCase() + name.slice(1)
  const result = await gw.gql(`mutation M($input: ${typeName}Input!) { ${name}(input: $input) { ${RESULT} ... on ${typeName}Payload { ${PAYLOAD} } } }`, { input }, staffId)
  if (result.data?.[name] == null) return { errors: result.errors }
  return result.data[name]
}

/** Runs `action` and expects `expected` with nothing written (the audit log aside). */
async function expectRefusedUnchanged(action: () => Promise<any>, expected: Record<string, unknown>): Promise<any> {
  const before = await gw.snapshot()
  const outcome = await action()
  expect(outcome).toMatchObject(expected)
  expect(await gw.snapshot()).toEqual(before)
  return outcome
}

const UNAUTHENTICATED = { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] }
const DENIED = { __typename: 'AccessDeniedError', code: 'ACCESS.DENIED' }
const refused = (code: string, ruleId: string) => ({ __typename: 'RuleRefusalError', code, ruleId })

type Expectation = { readonly ok: true } | Record<string, unknown>
const OK: Expectation = { ok: true }

/** One row of an authorization table: who acts, and what they get. */
interface Case {
  readonly role: string
  readonly staffId: string
  readonly expected: Expectation
}

function table(expected: { specialist: Expectation; teamManager: Expectation; otherManager: Expectation; director: Expectation; inactive: Expectation }): Case[] {
  return [
    { role: 'specialist of the team (staff-zhou)', staffId: 'staff-zhou', expected: expected.specialist },
    { role: 'manager of the team (staff-li)', staffId: 'staff-li', expected: expected.teamManager },
    { role: 'manager of another team (staff-chen)', staffId: 'staff-chen', expected: expected.otherManager },
    { role: 'director (staff-zhao)', staffId: 'staff-zhao', expected: expected.director },
    { role: 'inactive staff (staff-liu)', staffId: 'staff-liu', expected: expected.inactive },
  ]
}

/** Runs a case: success is checked by `onSuccess`; anything else must leave every row as it was. */
async function check(c: Case, action: () => Promise<any>, onSuccess: (payload: any) => Promise<void>): Promise<void> {
  if ('ok' in c.expected) {
    const payload = await action()
    expect(payload.__typename, JSON.stringify(payload)).toMatch(/Payload$/)
    await onSuccess(payload)
  } else {
    await expectRefusedUnchanged(action, c.expected)
  }
}

async function customer(id: string) {
  return gw.prisma.customer.findUniqueOrThrow({ where: { id }, include: { coOwners: true } })
}

describe('claimFromPool (R-OWN-6)', () => {
  it.each(
    table({ specialist: OK, teamManager: OK, otherManager: OK, director: OK, inactive: UNAUTHENTICATED }),
  )('$role', async (c) => {
    await check(c, () => run('claimFromPool', { customerId: 'cust-025' }, c.staffId), async (payload) => {
      expect(payload.entries).toEqual([{ customerId: 'cust-025', action: 'claimed', at: TEST_NOW.toISOString(), by: c.staffId, fromOwnerId: null, toOwnerId: c.staffId, reason: null, ruleId: 'R-OWN-6' }])
      expect(await customer('cust-025')).toMatchObject({ ownerId: c.staffId, assignedAt: TEST_NOW, firstContactAt: null })
      expect(await gw.prisma.poolEntry.findMany({ where: { customerId: 'cust-025' }, select: { claimedAt: true, claimedById: true } })).toEqual([{ claimedAt: TEST_NOW, claimedById: c.staffId }])
      expect(await gw.prisma.auditLog.count({ where: { action: 'ownership.claimFromPool', subjectId: 'cust-025', actorId: c.staffId } })).toBe(1)
    })
  })

  it('refuses a customer that is owned, not in the pool, as core decides; one never pooled and not visible is not found', async () => {
    // cust-002 is owned by staff-wu and was never in the pool: zhou may not view it.
    await expectRefusedUnchanged(() => run('claimFromPool', { customerId: 'cust-002' }, 'staff-zhou'), { __typename: 'NotFoundError', code: 'NOT_FOUND' })
    // li manages team-east and may view it: core answers.
    await expectRefusedUnchanged(() => run('claimFromPool', { customerId: 'cust-002' }, 'staff-li'), refused('OWNERSHIP.NOT_IN_POOL', 'R-OWN-6'))
    await expectRefusedUnchanged(() => run('claimFromPool', { customerId: 'nobody' }, 'staff-li'), { __typename: 'NotFoundError', code: 'NOT_FOUND' })
  })

  it('bars the former owner during the lock and applies the owner and daily caps (R-OWN-6)', async () => {
    configureOwnership(gw.prisma, { policy: { formerOwnerLockDays: 7, maxClaimsPerDay: 1 } })
    expect(await run('releaseToPool', { customerId: 'cust-001' }, 'staff-zhou')).toMatchObject({ __typename: 'ReleaseToPoolPayload' })
    // Released Monday 03-02; the lock covers 03-03 … 03-09, so zhou may claim again from 03-10 00:00 +08:00.
    const locked = await expectRefusedUnchanged(() => run('claimFromPool', { customerId: 'cust-001' }, 'staff-zhou'), refused('OWNERSHIP.FORMER_OWNER_LOCKED', 'R-OWN-6'))
    expect(JSON.parse(locked.details)).toMatchObject({ lockedUntil: '2026-03-09T16:00:00.000Z', lockDays: 7 })
    expect(await run('claimFromPool', { customerId: 'cust-025' }, 'staff-wu')).toMatchObject({ __typename: 'ClaimFromPoolPayload' })
    const daily = await expectRefusedUnchanged(() => run('claimFromPool', { customerId: 'cust-037' }, 'staff-wu'), refused('OWNERSHIP.DAILY_CLAIM_CAP_REACHED', 'R-OWN-6'))
    expect(JSON.parse(daily.details)).toMatchObject({ day: '2026-03-02', claimed: 1, cap: 1 })
    // The next Shanghai day the cap starts again; the lock still holds for zhou until 03-10.
    gw.setNow(new Date('2026-03-02T16:00:00Z'))
    expect(await run('claimFromPool', { customerId: 'cust-037' }, 'staff-wu')).toMatchObject({ __typename: 'ClaimFromPoolPayload' })
    gw.setNow(new Date('2026-03-09T15:59:59Z'))
    await expectRefusedUnchanged(() => run('claimFromPool', { customerId: 'cust-001' }, 'staff-zhou'), refused('OWNERSHIP.FORMER_OWNER_LOCKED', 'R-OWN-6'))
    gw.setNow(new Date('2026-03-09T16:00:00Z'))
    expect(await run('claimFromPool', { customerId: 'cust-001' }, 'staff-zhou')).toMatchObject({ __typename: 'ClaimFromPoolPayload' })
  })

  it('answers a blank id as a validation error naming the field', async () => {
    await expectRefusedUnchanged(() => run('claimFromPool', { customerId: '  ' }, 'staff-zhou'), { __typename: 'ValidationError', issues: [{ field: 'input.customerId', code: 'OWNERSHIP.INVALID_ID' }] })
  })
})

describe('assignCustomer (R-OWN-3)', () => {
  it.each(
    table({ specialist: DENIED, teamManager: OK, otherManager: DENIED, director: OK, inactive: UNAUTHENTICATED }),
  )('$role assigns a pool customer to a team-east specialist', async (c) => {
    await check(c, () => run('assignCustomer', { customerId: 'cust-025', toStaffId: 'staff-wu', reason: '按负荷均衡分配' }, c.staffId), async (payload) => {
      expect(payload.entries).toEqual([{ customerId: 'cust-025', action: 'assigned', at: TEST_NOW.toISOString(), by: c.staffId, fromOwnerId: null, toOwnerId: 'staff-wu', reason: '按负荷均衡分配', ruleId: 'R-OWN-3' }])
      expect(await customer('cust-025')).toMatchObject({ ownerId: 'staff-wu', assignedAt: TEST_NOW })
      // The pool row is closed without a claimant: an assignment is not a claim (no daily-cap count).
      expect(await gw.prisma.poolEntry.findMany({ where: { customerId: 'cust-025' }, select: { claimedAt: true, claimedById: true } })).toEqual([{ claimedAt: TEST_NOW, claimedById: null }])
    })
  })

  it('a team manager may not assign into another team; core refuses specialists, owned customers and caps', async () => {
    await expectRefusedUnchanged(() => run('assignCustomer', { customerId: 'cust-025', toStaffId: 'staff-zheng' }, 'staff-li'), DENIED)
    await expectRefusedUnchanged(() => run('assignCustomer', { customerId: 'cust-001', toStaffId: 'staff-wu' }, 'staff-li'), refused('OWNERSHIP.ALREADY_OWNED', 'R-OWN-3'))
    // The general manager sees everything but is not among the policy's manager roles.
    await expectRefusedUnchanged(() => run('assignCustomer', { customerId: 'cust-025', toStaffId: 'staff-wu' }, 'staff-wang'), refused('OWNERSHIP.NOT_A_MANAGER', 'R-OWN-3'))
    await expectRefusedUnchanged(() => run('assignCustomer', { customerId: 'cust-025', toStaffId: 'staff-liu' }, 'staff-zhao'), refused('OWNERSHIP.STAFF_INACTIVE', 'R-OWN-5'))
    const owned = await gw.prisma.customer.count({ where: { ownerId: 'staff-wu' } })
    configureOwnership(gw.prisma, { policy: { maxOwnedPerPerson: owned } })
    const capped = await expectRefusedUnchanged(() => run('assignCustomer', { customerId: 'cust-025', toStaffId: 'staff-wu' }, 'staff-li'), refused('OWNERSHIP.OWNER_CAP_REACHED', 'R-OWN-6'))
    expect(JSON.parse(capped.details)).toEqual({ staffId: 'staff-wu', owned, adding: 1, cap: owned })
  })
})

describe('reassignCustomer (R-OWN-1, R-OWN-2)', () => {
  const REASON = '客户要求更换对接人'
  it.each(
    table({ specialist: DENIED, teamManager: OK, otherManager: DENIED, director: OK, inactive: UNAUTHENTICATED }),
  )('$role moves a contacted customer with a reason (manager override)', async (c) => {
    await check(c, () => run('reassignCustomer', { customerId: 'cust-001', toStaffId: 'staff-wu', reason: REASON }, c.staffId), async (payload) => {
      expect(payload.entries).toEqual([{ customerId: 'cust-001', action: 'reassigned', at: TEST_NOW.toISOString(), by: c.staffId, fromOwnerId: 'staff-zhou', toOwnerId: 'staff-wu', reason: REASON, ruleId: 'R-OWN-1' }])
      expect(await customer('cust-001')).toMatchObject({ ownerId: 'staff-wu', assignedAt: TEST_NOW, firstContactAt: null })
    })
  })

  it('without a reason only once the contact deadline has passed (R-OWN-2)', async () => {
    // Assigned Friday 2026-02-20 10:00 +08:00, never contacted: 7 calendar days 02-21 … 02-27, reclaimable from 02-28 00:00 +08:00.
    await gw.prisma.customer.update({ where: { id: 'cust-001' }, data: { assignedAt: new Date('2026-02-20T02:00:00Z'), firstContactAt: null } })
    gw.setNow(new Date('2026-02-27T15:59:59Z'))
    const early = await expectRefusedUnchanged(() => run('reassignCustomer', { customerId: 'cust-001', toStaffId: 'staff-wu' }, 'staff-li'), refused('OWNERSHIP.NOT_RECLAIMABLE', 'R-OWN-2'))
    expect(JSON.parse(early.details)).toEqual({ customerId: 'cust-001', status: 'within-deadline', deadline: '2026-02-27T16:00:00.000Z' })
    gw.setNow(new Date('2026-02-27T16:00:00Z'))
    const moved = await run('reassignCustomer', { customerId: 'cust-001', toStaffId: 'staff-wu' }, 'staff-li')
    expect(moved.entries[0]).toMatchObject({ action: 'reassigned', fromOwnerId: 'staff-zhou', toOwnerId: 'staff-wu', ruleId: 'R-OWN-2', reason: 'not contacted before 2026-02-27T16:00:00.000Z (逾期未联系)' })
  })

  it('refuses the same owner and an unknown person', async () => {
    await expectRefusedUnchanged(() => run('reassignCustomer', { customerId: 'cust-001', toStaffId: 'staff-zhou', reason: REASON }, 'staff-li'), refused('OWNERSHIP.SAME_OWNER', 'R-OWN-2'))
    await expectRefusedUnchanged(() => run('reassignCustomer', { customerId: 'cust-001', toStaffId: 'staff-nobody', reason: REASON }, 'staff-li'), refused('OWNERSHIP.UNKNOWN_STAFF', 'R-OWN-2'))
  })
})

describe('handOverDeparting (R-OWN-5)', () => {
  it.each(
    table({ specialist: DENIED, teamManager: OK, otherManager: DENIED, director: OK, inactive: UNAUTHENTICATED }),
  )("$role hands staff-wu's customers to staff-zhou", async (c) => {
    const owned = (await gw.prisma.customer.findMany({ where: { ownerId: 'staff-wu' }, select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id)
    expect(owned.length).toBeGreaterThan(3)
    await check(c, () => run('handOverDeparting', { leaverId: 'staff-wu', successorId: 'staff-zhou' }, c.staffId), async (payload) => {
      expect(payload.customerIds).toEqual(owned)
      expect(payload.notifiedCustomerIds).toEqual(owned)
      expect(payload.revokedStaffIds).toEqual(['staff-wu'])
      for (const entry of payload.entries) expect(entry).toMatchObject({ action: 'handedOver', by: c.staffId, fromOwnerId: 'staff-wu', toOwnerId: 'staff-zhou', reason: 'staff staff-wu left (离职移交)', ruleId: 'R-OWN-5' })
      const rows = await gw.prisma.customer.findMany({ where: { id: { in: owned } }, select: { ownerId: true, assignedAt: true, firstContactAt: true, notifyCustomer: true } })
      expect(rows.every((row) => row.ownerId === 'staff-zhou' && row.assignedAt?.getTime() === TEST_NOW.getTime() && row.firstContactAt === null && row.notifyCustomer)).toBe(true)
      expect(await gw.prisma.staff.findUniqueOrThrow({ where: { id: 'staff-wu' } })).toMatchObject({ active: false, leftAt: TEST_NOW })
      // Access goes at once: the leaver's next request is refused.
      expect(await gw.gql('{ me { staffId } }', {}, 'staff-wu')).toMatchObject(UNAUTHENTICATED)
    })
  })

  it('is all or nothing: a successor who would exceed the owner cap leaves every row as it was', async () => {
    const [wu, zhou] = await Promise.all([gw.prisma.customer.count({ where: { ownerId: 'staff-wu' } }), gw.prisma.customer.count({ where: { ownerId: 'staff-zhou' } })])
    configureOwnership(gw.prisma, { policy: { maxOwnedPerPerson: wu + zhou - 1 } })
    const outcome = await expectRefusedUnchanged(() => run('handOverDeparting', { leaverId: 'staff-wu', successorId: 'staff-zhou' }, 'staff-li'), refused('OWNERSHIP.OWNER_CAP_REACHED', 'R-OWN-6'))
    expect(JSON.parse(outcome.details)).toEqual({ staffId: 'staff-zhou', owned: zhou, adding: wu, cap: wu + zhou - 1 })
  })

  it('moves a co-owned place too, and then the first contact clears the notice', async () => {
    // staff-li co-owns the key customers his specialists own and owns some himself; the director
    // hands li's whole book to staff-wu.
    const coOwned = (await gw.prisma.customerCoOwner.findMany({ where: { staffId: 'staff-li' }, select: { customerId: true } })).map((row) => row.customerId)
    expect(coOwned.length).toBeGreaterThan(0)
    const payload = await run('handOverDeparting', { leaverId: 'staff-li', successorId: 'staff-wu', reason: '调往新设分公司' }, 'staff-zhao')
    expect(payload.__typename).toBe('HandOverDepartingPayload')
    for (const id of coOwned) {
      const row = await customer(id)
      expect(row.coOwners.map((co) => co.staffId)).not.toContain('staff-li')
      expect(row.notifyCustomer).toBe(true)
      if (row.ownerId !== 'staff-wu') expect(row.coOwners.map((co) => co.staffId)).toContain('staff-wu')
    }
    expect(await gw.prisma.customer.count({ where: { OR: [{ ownerId: 'staff-li' }, { coOwners: { some: { staffId: 'staff-li' } } }] } })).toBe(0)
    const someOwned = payload.entries.find((entry: any) => entry.toOwnerId === 'staff-wu')
    const contacted = await run('recordFirstContact', { customerId: someOwned.customerId }, 'staff-wu')
    expect(contacted.__typename).toBe('RecordFirstContactPayload')
    expect((await customer(someOwned.customerId)).notifyCustomer).toBe(false)
  })

  it('refuses a successor who is the leaver or has left, and an unknown leaver', async () => {
    await expectRefusedUnchanged(() => run('handOverDeparting', { leaverId: 'staff-wu', successorId: 'staff-wu' }, 'staff-li'), refused('OWNERSHIP.SUCCESSOR_IS_LEAVER', 'R-OWN-5'))
    await expectRefusedUnchanged(() => run('handOverDeparting', { leaverId: 'staff-wu', successorId: 'staff-liu' }, 'staff-li'), refused('OWNERSHIP.STAFF_INACTIVE', 'R-OWN-5'))
    await expectRefusedUnchanged(() => run('handOverDeparting', { leaverId: 'staff-nobody', successorId: 'staff-wu' }, 'staff-li'), { __typename: 'NotFoundError' })
  })
})

describe('releaseToPool (R-OWN-2, R-OWN-6)', () => {
  it.each(
    table({
      specialist: OK,
      teamManager: refused('OWNERSHIP.NOT_RECLAIMABLE', 'R-OWN-2'),
      otherManager: DENIED,
      director: refused('OWNERSHIP.NOT_RECLAIMABLE', 'R-OWN-2'),
      inactive: UNAUTHENTICATED,
    }),
  )('$role releases a contacted customer without a reason', async (c) => {
    await check(c, () => run('releaseToPool', { customerId: 'cust-001' }, c.staffId), async (payload) => {
      expect(payload.entries).toEqual([{ customerId: 'cust-001', action: 'released', at: TEST_NOW.toISOString(), by: 'staff-zhou', fromOwnerId: 'staff-zhou', toOwnerId: null, reason: null, ruleId: 'R-OWN-6' }])
      expect(await customer('cust-001')).toMatchObject({ ownerId: null, assignedAt: null, firstContactAt: null })
      expect(await gw.prisma.poolEntry.findMany({ where: { customerId: 'cust-001' }, select: { releasedAt: true, formerOwnerId: true, claimedAt: true } })).toEqual([{ releasedAt: TEST_NOW, formerOwnerId: 'staff-zhou', claimedAt: null }])
    })
  })

  it('a manager reclaims with a reason; the co-owners go with the owner; a second release is refused', async () => {
    // cust-008 is a key customer: owned by staff-wu with staff-li as co-owner.
    const before = await customer('cust-008')
    expect(before.coOwners.length).toBeGreaterThan(0)
    const payload = await run('releaseToPool', { customerId: 'cust-008', reason: '客户长期无回应' }, 'staff-li')
    expect(payload.entries[0]).toMatchObject({ action: 'released', fromOwnerId: before.ownerId, reason: '客户长期无回应', ruleId: 'R-OWN-6' })
    expect((await customer('cust-008')).coOwners).toEqual([])
    expect((await gw.prisma.poolEntry.findFirstOrThrow({ where: { customerId: 'cust-008', claimedAt: null } })).reason).toBe('客户长期无回应')
    await expectRefusedUnchanged(() => run('releaseToPool', { customerId: 'cust-008', reason: '再次回收' }, 'staff-zhao'), refused('OWNERSHIP.ALREADY_IN_POOL', 'R-OWN-6'))
  })

  it('refuses a reason longer than 500 characters', async () => {
    await expectRefusedUnchanged(() => run('releaseToPool', { customerId: 'cust-001', reason: '长'.repeat(501) }, 'staff-zhou'), { __typename: 'ValidationError', issues: [{ field: 'input.reason', code: 'OWNERSHIP.REASON_TOO_LONG' }] })
  })

  it('reports every bad argument at once', async () => {
    await expectRefusedUnchanged(() => run('reassignCustomer', { customerId: '', toStaffId: ' ', reason: '长'.repeat(501) }, 'staff-li'), {
      __typename: 'ValidationError',
      ruleId: 'R-OWN-2',
      issues: [
        { field: 'input.customerId', code: 'OWNERSHIP.INVALID_ID' },
        { field: 'input.toStaffId', code: 'OWNERSHIP.INVALID_ID' },
        { field: 'input.reason', code: 'OWNERSHIP.REASON_TOO_LONG' },
      ],
    })
  })
})

describe('recordFirstContact (R-OWN-2)', () => {
  beforeEach(async () => {
    await gw.prisma.customer.update({ where: { id: 'cust-001' }, data: { assignedAt: new Date('2026-02-27T02:00:00Z'), firstContactAt: null } })
  })

  it.each(
    table({
      specialist: OK,
      teamManager: refused('OWNERSHIP.NOT_PERMITTED', 'R-OWN-2'),
      otherManager: DENIED,
      director: refused('OWNERSHIP.NOT_PERMITTED', 'R-OWN-2'),
      inactive: UNAUTHENTICATED,
    }),
  )('$role records the first contact with cust-001', async (c) => {
    await check(c, () => run('recordFirstContact', { customerId: 'cust-001' }, c.staffId), async (payload) => {
      expect(payload.entries).toEqual([{ customerId: 'cust-001', action: 'contacted', at: TEST_NOW.toISOString(), by: 'staff-zhou', fromOwnerId: 'staff-zhou', toOwnerId: 'staff-zhou', reason: null, ruleId: 'R-OWN-2' }])
      expect((await customer('cust-001')).firstContactAt).toEqual(TEST_NOW)
    })
  })

  it('records it once; an operation dated before the last change is refused', async () => {
    expect(await run('recordFirstContact', { customerId: 'cust-001' }, 'staff-zhou')).toMatchObject({ __typename: 'RecordFirstContactPayload' })
    await expectRefusedUnchanged(() => run('recordFirstContact', { customerId: 'cust-001' }, 'staff-zhou'), refused('OWNERSHIP.ALREADY_CONTACTED', 'R-OWN-2'))
    gw.setNow(new Date('2026-03-01T02:00:00Z'))
    await expectRefusedUnchanged(() => run('releaseToPool', { customerId: 'cust-001' }, 'staff-zhou'), refused('OWNERSHIP.BEFORE_LAST_EVENT', 'R-OWN-6'))
  })
})

describe('Customer.ownershipHistory and ownerTimeLeft (R-OWN-6, R-ACC-1)', () => {
  const QUERY = `query ($id: String!) { customer(id: $id) { ownershipHistory { action by fromOwnerId toOwnerId ruleId } ownerTimeLeft { ownerId status deadline timeLeftSeconds overdueSeconds contactedAt } } }`

  it.each([
    { role: 'owner', staffId: 'staff-zhou', sees: true },
    { role: 'manager of the team', staffId: 'staff-li', sees: true },
    { role: 'director', staffId: 'staff-zhao', sees: true },
  ])('the $role sees the history of cust-001, oldest first', async ({ staffId }) => {
    expect(await run('releaseToPool', { customerId: 'cust-001' }, 'staff-zhou')).toMatchObject({ __typename: 'ReleaseToPoolPayload' })
    expect(await run('assignCustomer', { customerId: 'cust-001', toStaffId: 'staff-zhou' }, 'staff-li')).toMatchObject({ __typename: 'AssignCustomerPayload' })
    const result = await gw.gql(QUERY, { id: 'cust-001' }, staffId)
    expect(result.errors).toBeUndefined()
    expect(result.data.customer.ownershipHistory).toEqual([
      { action: 'assigned', by: 'staff-li', fromOwnerId: null, toOwnerId: 'staff-zhou', ruleId: 'R-OWN-3' },
      { action: 'released', by: 'staff-zhou', fromOwnerId: 'staff-zhou', toOwnerId: null, ruleId: 'R-OWN-6' },
      { action: 'assigned', by: 'staff-li', fromOwnerId: null, toOwnerId: 'staff-zhou', ruleId: 'R-OWN-3' },
    ])
    // Assigned Monday 03-02 10:00: 7 calendar days 03-03 … 03-09, deadline 03-10 00:00 +08:00 = 7 days 14 hours away.
    expect(result.data.customer.ownerTimeLeft).toEqual({ ownerId: 'staff-zhou', status: 'within-deadline', deadline: '2026-03-09T16:00:00.000Z', timeLeftSeconds: (7 * 24 + 14) * 3600, overdueSeconds: null, contactedAt: null })
  })

  it('a manager of another team gets the archive refused, history included; an inactive person is not authenticated', async () => {
    const other = await gw.gql(QUERY, { id: 'cust-001' }, 'staff-chen')
    expect(other.data?.customer ?? null).toBeNull()
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(await gw.gql(QUERY, { id: 'cust-001' }, 'staff-liu')).toMatchObject(UNAUTHENTICATED)
  })

  it('lists carry the history only of customers the actor may view', async () => {
    const result = await gw.gql(`{ customers(first: 100) { edges { node { customerId owner { staffId } ownershipHistory { toOwnerId fromOwnerId } } } } }`, {}, 'staff-feng')
    expect(result.errors).toBeUndefined()
    const nodes = result.data.customers.edges.map((edge: any) => edge.node)
    expect(nodes.length).toBeGreaterThan(0)
    for (const node of nodes) {
      expect(node.owner.staffId).toBe('staff-feng')
      for (const entry of node.ownershipHistory) expect([entry.toOwnerId, entry.fromOwnerId]).toContain('staff-feng')
    }
  })
})

describe('Customer.contactCoverage and coOwnerIds (R-OWN-4)', () => {
  const QUERY = `query ($id: String!) { customer(id: $id) { tier ownerId: owner { staffId } coOwnerIds contactCoverage { important because ok required distinctContacts missing } } }`

  it('a key customer with its owner and an active co-owner is covered; without an active co-owner it misses one', async () => {
    // cust-008: key, owned by staff-wu, co-owned by staff-li.
    const covered = (await gw.gql(QUERY, { id: 'cust-008' }, 'staff-zhao')).data.customer
    expect(covered).toMatchObject({ tier: 'key', coOwnerIds: ['staff-li'], contactCoverage: { important: true, because: 'tier', ok: true, required: 2, distinctContacts: 2, missing: 0 } })
    // A co-owner who has left no longer counts (and the nightly check would flag him, R-OWN-5).
    await gw.prisma.staff.update({ where: { id: 'staff-li' }, data: { active: false } })
    const thin = (await gw.gql(QUERY, { id: 'cust-008' }, 'staff-zhao')).data.customer
    expect(thin.contactCoverage).toEqual({ important: true, because: 'tier', ok: false, required: 2, distinctContacts: 1, missing: 1 })
  })

  it('a customer below the important tiers is always covered', async () => {
    const plain = (await gw.gql(QUERY, { id: 'cust-001' }, 'staff-zhou')).data.customer
    expect(['general', 'reserve']).toContain(plain.tier)
    expect(plain.contactCoverage).toEqual({ important: false, because: null, ok: true, required: null, distinctContacts: 1, missing: 0 })
  })
})
