import { describe, expect, it } from 'vitest'

import { configureOwnership } from '../workflows/ownershipPolicy.js'
import { useTestGateway } from '../test/useTestGateway.js'

// Demo company: cust-037 (released 2025-01-20) and cust-025 (released 2025-02-04) wait in the
// pool; staff-zhou owns 14 customers, each contacted on time. TEST_NOW is Monday 2026-03-02 10:00 +08:00.

const gw = useTestGateway()

const UNAUTHENTICATED = { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] }
const ACTIVE = ['staff-zhou', 'staff-li', 'staff-chen', 'staff-zhao', 'staff-qian'] as const

const POOL = `query ($first: Int, $after: String, $tier: String) { pool(first: $first, after: $after, tier: $tier) {
  edges { cursor node { customerId customerName customerTier releasedAt reason formerOwnerId lockedUntilForMe } }
  pageInfo { hasNextPage endCursor }
} }`

const STATUS = `query ($first: Int) { myPoolStatus(first: $first) {
  staffId ownedCount ownerCap ownedLeft claimsToday dailyClaimCap claimsLeftToday poolSize
  dueContacts { customerId tier assignedAt warned warnFrom timeLeft { ownerId status deadline timeLeftSeconds overdueSeconds contactedAt } }
  pool { canClaim entry { customerId } refusal { code ruleId details } }
} }`

async function claim(customerId: string, staffId: string): Promise<string> {
  const result = await gw.gql(`mutation ($id: String!) { claimFromPool(input: { customerId: $id }) { __typename } }`, { id: customerId }, staffId)
  return result.data.claimFromPool.__typename
}

describe('pool (R-OWN-6)', () => {
  it.each(ACTIVE)('%s sees the customers waiting in the pool, longest waiting first', async (staffId) => {
    const result = await gw.gql(POOL, {}, staffId)
    expect(result.errors).toBeUndefined()
    const rows = await gw.prisma.customer.findMany({ where: { id: { in: ['cust-025', 'cust-037'] } }, select: { id: true, name: true, tier: true } })
    const byId = new Map(rows.map((row) => [row.id, row]))
    expect(result.data.pool.edges.map((edge: any) => edge.node)).toEqual(
      [
        ['cust-037', '2025-01-20T02:00:00.000Z'],
        ['cust-025', '2025-02-04T02:00:00.000Z'],
      ].map(([id, releasedAt]) => ({ customerId: id, customerName: byId.get(id!)!.name, customerTier: byId.get(id!)!.tier, releasedAt, reason: '一周内未沟通', formerOwnerId: 'staff-liu', lockedUntilForMe: null })),
    )
  })

  it('is refused to staff who have left', async () => {
    expect(await gw.gql(POOL, {}, 'staff-liu')).toMatchObject(UNAUTHENTICATED)
    expect(await gw.gql(STATUS, {}, 'staff-liu')).toMatchObject(UNAUTHENTICATED)
  })

  it('shows the pool entry, not the archive: the customer itself stays behind R-ACC-1', async () => {
    const archive = await gw.gql(`{ customer(id: "cust-025") { name phone } }`, {}, 'staff-zhou')
    expect(archive.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await gw.gql(`{ customer(id: "cust-025") { name } }`, {}, 'staff-zhao')).data.customer.name).toBeTypeOf('string')
  })

  it('pages, filters by tier, and drops a customer once claimed', async () => {
    const page1 = await gw.gql(POOL, { first: 1 }, 'staff-zhou')
    expect(page1.data.pool.edges.map((edge: any) => edge.node.customerId)).toEqual(['cust-037'])
    expect(page1.data.pool.pageInfo.hasNextPage).toBe(true)
    const page2 = await gw.gql(POOL, { first: 1, after: page1.data.pool.pageInfo.endCursor }, 'staff-zhou')
    expect(page2.data.pool.edges.map((edge: any) => edge.node.customerId)).toEqual(['cust-025'])
    const tier = (await gw.prisma.customer.findUniqueOrThrow({ where: { id: 'cust-025' } })).tier
    const otherTier = tier === 'key' ? 'general' : 'key'
    expect((await gw.gql(POOL, { tier }, 'staff-zhou')).data.pool.edges).toHaveLength(2)
    expect((await gw.gql(POOL, { tier: otherTier }, 'staff-zhou')).data.pool.edges).toHaveLength(0)
    expect(await claim('cust-037', 'staff-wu')).toBe('ClaimFromPoolPayload')
    expect((await gw.gql(POOL, {}, 'staff-zhou')).data.pool.edges.map((edge: any) => edge.node.customerId)).toEqual(['cust-025'])
  })

  it('tells the former owner until when they are locked out, and nobody else', async () => {
    configureOwnership(gw.prisma, { policy: { formerOwnerLockDays: 7 } })
    await gw.gql(`mutation { releaseToPool(input: { customerId: "cust-001", reason: "客户暂停采购" }) { __typename } }`, {}, 'staff-zhou')
    const mine = (await gw.gql(POOL, {}, 'staff-zhou')).data.pool.edges.map((edge: any) => edge.node)
    // Released Monday 03-02; 03-03 … 03-09 are the 7 days; free again from 03-10 00:00 +08:00.
    expect(mine.find((node: any) => node.customerId === 'cust-001')).toMatchObject({ formerOwnerId: 'staff-zhou', reason: '客户暂停采购', lockedUntilForMe: '2026-03-09T16:00:00.000Z' })
    const theirs = (await gw.gql(POOL, {}, 'staff-wu')).data.pool.edges.map((edge: any) => edge.node)
    expect(theirs.find((node: any) => node.customerId === 'cust-001').lockedUntilForMe).toBeNull()
  })
})

describe('myPoolStatus (R-OWN-2, R-OWN-6)', () => {
  it.each(ACTIVE)("%s gets their own standing", async (staffId) => {
    const result = await gw.gql(STATUS, {}, staffId)
    expect(result.errors).toBeUndefined()
    const owned = await gw.prisma.customer.count({ where: { ownerId: staffId } })
    expect(result.data.myPoolStatus).toMatchObject({ staffId, ownedCount: owned, ownerCap: null, ownedLeft: null, claimsToday: 0, dailyClaimCap: null, claimsLeftToday: null, poolSize: 2, dueContacts: [] })
    expect(result.data.myPoolStatus.pool.map((check: any) => [check.entry.customerId, check.canClaim])).toEqual([
      ['cust-037', true],
      ['cust-025', true],
    ])
  })

  it('worked example: deadlines, warnings, caps and what may still be claimed', async () => {
    configureOwnership(gw.prisma, { policy: { maxOwnedPerPerson: 16, maxClaimsPerDay: 1 } })
    // Three of zhou's customers not yet contacted, assigned at 10:00 +08:00 on:
    // cust-001 Fri 02-20 → 7 calendar days 02-21 … 02-27, reclaimable since 02-28 00:00 +08:00 (2 days 10 hours ago);
    // cust-004 Mon 02-23 → deadline 03-03 00:00 +08:00, 14 hours left, warned since 03-02 00:00 +08:00 (one day ahead);
    // cust-007 Thu 02-26 → deadline 03-06 00:00 +08:00, 3 days 14 hours left, not warned yet.
    for (const [id, assignedAt] of [
      ['cust-001', '2026-02-20T02:00:00Z'],
      ['cust-004', '2026-02-23T02:00:00Z'],
      ['cust-007', '2026-02-26T02:00:00Z'],
    ] as const) {
      await gw.prisma.customer.update({ where: { id, ownerId: 'staff-zhou' }, data: { assignedAt: new Date(assignedAt), firstContactAt: null } })
    }
    const before = (await gw.gql(STATUS, {}, 'staff-zhou')).data.myPoolStatus
    expect(before).toMatchObject({ ownedCount: 14, ownerCap: 16, ownedLeft: 2, claimsToday: 0, dailyClaimCap: 1, claimsLeftToday: 1 })
    expect(before.dueContacts).toEqual([
      {
        customerId: 'cust-001',
        tier: expect.any(String),
        assignedAt: '2026-02-20T02:00:00.000Z',
        warned: false,
        warnFrom: null,
        timeLeft: { ownerId: 'staff-zhou', status: 'reclaimable', deadline: '2026-02-27T16:00:00.000Z', timeLeftSeconds: null, overdueSeconds: (2 * 24 + 10) * 3600, contactedAt: null },
      },
      {
        customerId: 'cust-004',
        tier: expect.any(String),
        assignedAt: '2026-02-23T02:00:00.000Z',
        warned: true,
        warnFrom: '2026-03-01T16:00:00.000Z',
        timeLeft: { ownerId: 'staff-zhou', status: 'within-deadline', deadline: '2026-03-02T16:00:00.000Z', timeLeftSeconds: 14 * 3600, overdueSeconds: null, contactedAt: null },
      },
      {
        customerId: 'cust-007',
        tier: expect.any(String),
        assignedAt: '2026-02-26T02:00:00.000Z',
        warned: false,
        warnFrom: null,
        timeLeft: { ownerId: 'staff-zhou', status: 'within-deadline', deadline: '2026-03-05T16:00:00.000Z', timeLeftSeconds: (3 * 24 + 14) * 3600, overdueSeconds: null, contactedAt: null },
      },
    ])
    expect(before.pool.map((check: any) => check.canClaim)).toEqual([true, true])

    expect(await claim('cust-037', 'staff-zhou')).toBe('ClaimFromPoolPayload')
    const after = (await gw.gql(STATUS, {}, 'staff-zhou')).data.myPoolStatus
    expect(after).toMatchObject({ ownedCount: 15, ownedLeft: 1, claimsToday: 1, claimsLeftToday: 0, poolSize: 1 })
    expect(after.dueContacts.map((due: any) => due.customerId)).toEqual(['cust-001', 'cust-004', 'cust-007', 'cust-037'])
    expect(after.pool).toEqual([{ canClaim: false, entry: { customerId: 'cust-025' }, refusal: { code: 'OWNERSHIP.DAILY_CLAIM_CAP_REACHED', ruleId: 'R-OWN-6', details: expect.any(String) } }])
    // The dry run wrote nothing: cust-025 is still in the pool.
    expect(await gw.prisma.poolEntry.count({ where: { customerId: 'cust-025', claimedAt: null } })).toBe(1)

    // A first contact takes cust-004 off the list.
    await gw.gql(`mutation { recordFirstContact(input: { customerId: "cust-004" }) { __typename } }`, {}, 'staff-zhou')
    expect((await gw.gql(STATUS, {}, 'staff-zhou')).data.myPoolStatus.dueContacts.map((due: any) => due.customerId)).toEqual(['cust-001', 'cust-007', 'cust-037'])
  })

  it('the owner cap shows in the dry run before the daily cap does', async () => {
    configureOwnership(gw.prisma, { policy: { maxOwnedPerPerson: 14 } })
    const status = (await gw.gql(STATUS, { first: 1 }, 'staff-zhou')).data.myPoolStatus
    expect(status).toMatchObject({ ownedCount: 14, ownedLeft: 0 })
    expect(status.pool).toHaveLength(1)
    expect(status.pool[0].refusal).toMatchObject({ code: 'OWNERSHIP.OWNER_CAP_REACHED' })
    expect(JSON.parse(status.pool[0].refusal.details)).toEqual({ staffId: 'staff-zhou', owned: 14, adding: 1, cap: 14 })
  })

  it('refuses a pool size outside 0 … 100 naming the argument', async () => {
    const result = await gw.gql(STATUS, { first: 101 }, 'staff-zhou')
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' })
    expect((await gw.gql(STATUS, { first: 0 }, 'staff-zhou')).data.myPoolStatus.pool).toEqual([])
  })
})

describe('poolAssignmentProposal (R-OWN-3)', () => {
  const PROPOSAL = `query ($teamId: String!, $first: Int) { poolAssignmentProposal(teamId: $teamId, first: $first) {
    teamId assignments { customerId staffId loadAfter } unassigned { customerId reason } loads { staffId load capacity normalisedLoad }
  } }`

  it.each([
    { role: 'manager of the team', staffId: 'staff-li' },
    { role: 'director', staffId: 'staff-zhao' },
  ])('the $role gets core’s balanced proposal for team-east', async ({ staffId }) => {
    // Active team-east members own: li 8, wu 8, zhou 14 (staff-liu has left and takes none).
    // Customers in id order: cust-025 → li or wu both reach 9, the lower id wins (staff-li);
    // cust-037 → wu reaches 9, li would reach 10: staff-wu.
    const before = await gw.snapshot()
    const result = await gw.gql(PROPOSAL, { teamId: 'team-east' }, staffId)
    expect(result.errors).toBeUndefined()
    expect(result.data.poolAssignmentProposal).toEqual({
      teamId: 'team-east',
      assignments: [
        { customerId: 'cust-025', staffId: 'staff-li', loadAfter: 9 },
        { customerId: 'cust-037', staffId: 'staff-wu', loadAfter: 9 },
      ],
      unassigned: [],
      loads: [
        { staffId: 'staff-li', load: 9, capacity: '1', normalisedLoad: '9' },
        { staffId: 'staff-wu', load: 9, capacity: '1', normalisedLoad: '9' },
        { staffId: 'staff-zhou', load: 14, capacity: '1', normalisedLoad: '14' },
      ],
    })
    expect(await gw.snapshot()).toEqual(before)
  })

  it('respects the owner cap and capacity weights from the policy', async () => {
    configureOwnership(gw.prisma, { policy: { maxOwnedPerPerson: 8, capacityWeights: { 'staff-zhou': '2' } } })
    const result = (await gw.gql(PROPOSAL, { teamId: 'team-east' }, 'staff-li')).data.poolAssignmentProposal
    // li and wu are at the cap of 8, zhou (14) is over it: nobody may take one.
    expect(result.assignments).toEqual([])
    expect(result.unassigned).toEqual([
      { customerId: 'cust-025', reason: 'all-at-cap' },
      { customerId: 'cust-037', reason: 'all-at-cap' },
    ])
    expect(result.loads.find((l: any) => l.staffId === 'staff-zhou')).toEqual({ staffId: 'staff-zhou', load: 14, capacity: '2', normalisedLoad: '7' })
  })

  it.each([
    { role: 'specialist of the team', staffId: 'staff-zhou' },
    { role: 'manager of another team', staffId: 'staff-chen' },
  ])('is refused to the $role', async ({ staffId }) => {
    const result = await gw.gql(PROPOSAL, { teamId: 'team-east' }, staffId)
    expect(result.data?.poolAssignmentProposal ?? null).toBeNull()
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })

  it('is refused to staff who have left, and null for an unknown team', async () => {
    expect(await gw.gql(PROPOSAL, { teamId: 'team-east' }, 'staff-liu')).toMatchObject(UNAUTHENTICATED)
    expect((await gw.gql(PROPOSAL, { teamId: 'team-nowhere' }, 'staff-zhao')).data.poolAssignmentProposal).toBeNull()
  })
})
