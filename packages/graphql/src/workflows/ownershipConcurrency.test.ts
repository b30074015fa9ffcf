import { claimFromPool as coreClaimFromPool } from '@kehu/core/ownership'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createApp } from '../app.js'
import { createPrismaClient, type PrismaClient } from '../db/client.js'
import { ConflictRefusal, RuleRefusal } from '../refusals.js'
import { postOperation, startTestGateway, TEST_SECRET, type GqlResult, type TestGateway } from '../test/gateway.js'
import { claimFromPool, runOwnershipTransaction } from './ownershipCommands.js'
import { configureOwnership } from './ownershipPolicy.js'
import { loadOwnershipSlice, persistOwnershipResult } from './ownershipState.js'

// R-OWN-1 (the earlier record wins) and R-OWN-6 (caps) under concurrent requests: the decision is
// core's, the guarantee that two requests never both apply is the transaction's.

const CLAIM = `mutation ($id: String!) { claimFromPool(input: { customerId: $id }) {
  __typename
  ... on ClaimFromPoolPayload { customerIds }
  ... on BusinessError { code ruleId }
} }`

const SPECIALISTS = ['staff-zhou', 'staff-wu', 'staff-zheng', 'staff-feng'] as const
const MANAGERS = ['staff-li', 'staff-chen', 'staff-zhao', 'staff-he'] as const

let gw: TestGateway
let second: { prisma: PrismaClient; gql: (query: string, variables: Record<string, unknown>, staffId: string) => Promise<GqlResult> } | undefined

// The first gateway of a file seeds the template database, which takes a while on a busy machine.
beforeEach(async () => {
  gw = await startTestGateway()
}, 60_000)
afterEach(async () => {
  await second?.prisma.$disconnect()
  second = undefined
  await gw.close()
})

/** A second gateway process on the same database file: its own connection, its own transaction lock. */
async function secondGateway(): Promise<NonNullable<typeof second>> {
  const [main] = await gw.prisma.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'")
  const prisma = await createPrismaClient(`file:${main!.file}`)
  const app = createApp({ prisma, jwtSecret: TEST_SECRET, now: () => gw.now() })
  second = {
    prisma,
    async gql(query, variables, staffId) {
      return (await (await postOperation(app, { query, variables }, staffId, gw.now())).json()) as GqlResult
    },
  }
  return second
}

/** Puts `count` new unowned customers into the pool (as a release by staff-liu long ago would have). */
async function poolCustomers(count: number, prefix = 'pool'): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(2, '0')}`)
  const releasedAt = new Date('2026-01-20T02:00:00Z')
  for (const id of ids) {
    await gw.prisma.customer.create({
      data: { id, name: `公海客户${id}`, scale: 'small', urgency: 'latent', tier: 'reserve', demandGrade: 'C', tierReasons: [], stage: 'prospect', stageUpdatedAt: releasedAt },
    })
    await gw.prisma.poolEntry.create({ data: { customerId: id, releasedAt, formerOwnerId: 'staff-liu', reason: '一周内未沟通' } })
  }
  return ids
}

async function ownedCount(staffId: string): Promise<number> {
  return gw.prisma.customer.count({ where: { ownerId: staffId } })
}

describe('claims of the same customer (R-OWN-1, R-OWN-6)', () => {
  it('many concurrent claims of one pool customer: exactly one owner, one history row, the others refused', async () => {
    const claimants = [...SPECIALISTS, ...MANAGERS]
    const results = await Promise.all(claimants.map((staffId) => gw.gql(CLAIM, { id: 'cust-025' }, staffId)))
    for (const result of results) expect(result.errors).toBeUndefined()
    const winners = results.filter((r) => r.data.claimFromPool.__typename === 'ClaimFromPoolPayload')
    expect(winners).toHaveLength(1)
    const losers = results.filter((r) => r.data.claimFromPool.__typename !== 'ClaimFromPoolPayload').map((r) => r.data.claimFromPool)
    expect(losers).toHaveLength(claimants.length - 1)
    for (const refusal of losers) expect(refusal).toEqual({ __typename: 'RuleRefusalError', code: 'OWNERSHIP.NOT_IN_POOL', ruleId: 'R-OWN-6' })

    const customer = await gw.prisma.customer.findUniqueOrThrow({ where: { id: 'cust-025' } })
    const winner = claimants[results.indexOf(winners[0]!)]
    expect(customer.ownerId).toBe(winner)
    expect(await gw.prisma.ownershipHistory.count({ where: { customerId: 'cust-025', action: 'claimed' } })).toBe(1)
    expect(await gw.prisma.poolEntry.count({ where: { customerId: 'cust-025', claimedAt: null } })).toBe(0)
    expect(await gw.prisma.poolEntry.findMany({ where: { customerId: 'cust-025' }, select: { claimedById: true } })).toEqual([{ claimedById: winner }])
  })

  it('the same race across two gateway processes on one database (two connections) still has one winner', async () => {
    const other = await secondGateway()
    const claimants = [...SPECIALISTS, ...MANAGERS]
    const results = await Promise.all(claimants.map((staffId, index) => (index % 2 === 0 ? gw.gql(CLAIM, { id: 'cust-037' }, staffId) : other.gql(CLAIM, { id: 'cust-037' }, staffId))))
    for (const result of results) expect(result.errors).toBeUndefined()
    const kinds = results.map((r) => r.data.claimFromPool.__typename as string)
    expect(kinds.filter((kind) => kind === 'ClaimFromPoolPayload')).toHaveLength(1)
    // Each loser is refused as data: by core (no longer in the pool) or, after repeated contention, as a conflict.
    for (const r of results.filter((r) => r.data.claimFromPool.__typename !== 'ClaimFromPoolPayload')) expect(['OWNERSHIP.NOT_IN_POOL', 'CONFLICT.STALE']).toContain(r.data.claimFromPool.code)
    expect(await gw.prisma.ownershipHistory.count({ where: { customerId: 'cust-037', action: 'claimed' } })).toBe(1)
    expect(await gw.prisma.poolEntry.count({ where: { customerId: 'cust-037', claimedAt: null } })).toBe(0)
  })
})

describe('one person claiming many customers (R-OWN-6 caps)', () => {
  it('concurrent claims by one person never take them over the owner cap', async () => {
    const ids = await poolCustomers(8)
    const before = await ownedCount('staff-wu')
    configureOwnership(gw.prisma, { policy: { maxOwnedPerPerson: before + 3 } })
    const results = await Promise.all(ids.map((id) => gw.gql(CLAIM, { id }, 'staff-wu')))
    const kinds = results.map((r) => r.data.claimFromPool.__typename ?? r.data.claimFromPool.code)
    expect(kinds.filter((kind) => kind === 'ClaimFromPoolPayload')).toHaveLength(3)
    expect(results.filter((r) => r.data.claimFromPool.code === 'OWNERSHIP.OWNER_CAP_REACHED')).toHaveLength(5)
    expect(await ownedCount('staff-wu')).toBe(before + 3)
    expect(await gw.prisma.poolEntry.count({ where: { customerId: { in: ids }, claimedAt: null } })).toBe(5)
  })

  it('across two connections, the owner cap and the daily claim cap both hold', async () => {
    const other = await secondGateway()
    const ids = await poolCustomers(10)
    const before = await ownedCount('staff-zheng')
    configureOwnership(gw.prisma, { policy: { maxOwnedPerPerson: before + 4, maxClaimsPerDay: 2 } })
    configureOwnership(other.prisma, { policy: { maxOwnedPerPerson: before + 4, maxClaimsPerDay: 2 } })
    const results = await Promise.all(ids.map((id, index) => (index % 2 === 0 ? gw : other).gql(CLAIM, { id }, 'staff-zheng')))
    const won = results.filter((r) => r.data.claimFromPool.__typename === 'ClaimFromPoolPayload')
    expect(won).toHaveLength(2)
    for (const r of results.filter((r) => r.data.claimFromPool.__typename !== 'ClaimFromPoolPayload')) {
      expect(['OWNERSHIP.DAILY_CLAIM_CAP_REACHED', 'CONFLICT.STALE']).toContain(r.data.claimFromPool.code)
    }
    expect(await ownedCount('staff-zheng')).toBe(before + 2)
    expect(await gw.prisma.poolEntry.count({ where: { claimedById: 'staff-zheng' } })).toBe(2)
  })
})

describe('concurrent writes on different customers', () => {
  it('lose nothing: every claim is applied with its history row and its closed pool row', async () => {
    const other = await secondGateway()
    const ids = await poolCustomers(12)
    const results = await Promise.all(ids.map((id, index) => (index % 2 === 0 ? gw : other).gql(CLAIM, { id }, SPECIALISTS[index % SPECIALISTS.length]!)))
    // Contention between the two connections is retried; with distinct customers every claim must land.
    for (const result of results) expect(result.data.claimFromPool.__typename).toBe('ClaimFromPoolPayload')
    const rows = await gw.prisma.customer.findMany({ where: { id: { in: ids } }, select: { id: true, ownerId: true }, orderBy: { id: 'asc' } })
    expect(rows).toEqual(ids.map((id, index) => ({ id, ownerId: SPECIALISTS[index % SPECIALISTS.length] })))
    expect(await gw.prisma.ownershipHistory.count({ where: { customerId: { in: ids }, action: 'claimed' } })).toBe(12)
    expect(await gw.prisma.poolEntry.count({ where: { customerId: { in: ids }, claimedAt: null } })).toBe(0)
  })

  it('mixed commands on different customers by different people all apply', async () => {
    gw.setNow(new Date('2026-03-02T02:00:00Z'))
    const ids = await poolCustomers(4)
    const firstContact = `mutation ($id: String!) { recordFirstContact(input: { customerId: $id }) { __typename ... on BusinessError { code } } }`
    // Customers owned by zhou without a first contact yet.
    await gw.prisma.customer.updateMany({ where: { id: { in: ['cust-001', 'cust-004'] } }, data: { firstContactAt: null } })
    const results = await Promise.all([
      gw.gql(CLAIM, { id: ids[0] }, 'staff-zhou'),
      gw.gql(CLAIM, { id: ids[1] }, 'staff-wu'),
      gw.gql(firstContact, { id: 'cust-001' }, 'staff-zhou'),
      gw.gql(firstContact, { id: 'cust-004' }, 'staff-zhou'),
      gw.gql(`mutation { assignCustomer(input: { customerId: "${ids[2]}", toStaffId: "staff-feng" }) { __typename ... on BusinessError { code } } }`, {}, 'staff-chen'),
      gw.gql(`mutation { releaseToPool(input: { customerId: "cust-002" }) { __typename ... on BusinessError { code } } }`, {}, 'staff-wu'),
    ])
    expect(results.map((r) => Object.values(r.data as Record<string, { __typename: string }>)[0]!.__typename)).toEqual([
      'ClaimFromPoolPayload',
      'ClaimFromPoolPayload',
      'RecordFirstContactPayload',
      'RecordFirstContactPayload',
      'AssignCustomerPayload',
      'ReleaseToPoolPayload',
    ])
    const owners = await gw.prisma.customer.findMany({ where: { id: { in: [ids[0]!, ids[1]!, ids[2]!, 'cust-002'] } }, select: { id: true, ownerId: true }, orderBy: { id: 'asc' } })
    expect(Object.fromEntries(owners.map((o) => [o.id, o.ownerId]))).toEqual({ [ids[0]!]: 'staff-zhou', [ids[1]!]: 'staff-wu', [ids[2]!]: 'staff-feng', 'cust-002': null })
    const contacted = await gw.prisma.customer.findMany({ where: { id: { in: ['cust-001', 'cust-004'] } }, select: { firstContactAt: true } })
    expect(contacted.map((c) => c.firstContactAt)).toEqual([gw.now(), gw.now()])
  })
})

describe('a decision is never applied to a state it did not see', () => {
  it('the conditioned write refuses when the customer changed after the slice was read', async () => {
    const outcome = gw.prisma.$transaction(async (tx) => {
      const actor = { id: 'staff-zhou', roles: ['specialist' as const], teamId: 'team-east', active: true }
      const slice = await loadOwnershipSlice(tx, { customerIds: ['cust-025'], countOwnedBy: [actor.id], staffIds: [actor.id] })
      const result = coreClaimFromPool(slice.state, { staff: actor, customerId: 'cust-025', at: gw.now() })
      if (!result.ok) throw new Error('core should accept the claim')
      // Another writer gives the customer to someone else between the read and the write.
      await tx.customer.update({ where: { id: 'cust-025' }, data: { ownerId: 'staff-wu', assignedAt: gw.now() } })
      await persistOwnershipResult(tx, slice, result)
    })
    await expect(outcome).rejects.toBeInstanceOf(ConflictRefusal)
    expect((await gw.prisma.customer.findUniqueOrThrow({ where: { id: 'cust-025' } })).ownerId).toBeNull()
    expect(await gw.prisma.ownershipHistory.count({ where: { customerId: 'cust-025', action: 'claimed' } })).toBe(0)
  })

  it('a command on another connection waits for the transaction that holds the write lock, then decides on what it committed', async () => {
    const other = await secondGateway()
    const actor = { id: 'staff-zhou', roles: ['specialist' as const], teamId: 'team-east', active: true }
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let readDone!: () => void
    const read = new Promise<void>((resolve) => (readDone = resolve))
    let attempts = 0
    // The second connection reads its slice and stops inside its transaction, holding the write lock.
    const first = runOwnershipTransaction(other.prisma, { kind: 'customer', id: 'cust-025', ruleId: 'R-OWN-6' }, async (tx) => {
      attempts += 1
      const slice = await loadOwnershipSlice(tx, { customerIds: ['cust-025'], countOwnedBy: [actor.id], staffIds: [actor.id] })
      readDone()
      await gate
      const result = coreClaimFromPool(slice.state, { staff: actor, customerId: 'cust-025', at: gw.now() })
      if (!result.ok) throw new RuleRefusal(result.refusal)
      return persistOwnershipResult(tx, slice, result)
    })
    await read
    // Meanwhile staff-wu claims the same customer on the first connection: it waits for the lock,
    // and the event loop stays free (the timer below fires and the first transaction goes on).
    let settled = false
    const second = claimFromPool(gw.prisma, { actor: { id: 'staff-wu', roles: ['specialist'], teamId: 'team-east', active: true }, at: gw.now() }, 'cust-025').then(
      (value) => ((settled = true), value),
      (error: unknown) => ((settled = true), error),
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(settled).toBe(false)
    release()
    await first
    expect(attempts).toBe(1)
    // The waiting claim read the committed owner (R-OWN-1: the earlier claim wins) and core refused.
    const refused = await second
    expect(refused).toBeInstanceOf(RuleRefusal)
    expect((refused as RuleRefusal).code).toBe('OWNERSHIP.NOT_IN_POOL')
    expect((await gw.prisma.customer.findUniqueOrThrow({ where: { id: 'cust-025' } })).ownerId).toBe('staff-zhou')
    expect(await gw.prisma.ownershipHistory.count({ where: { customerId: 'cust-025', action: 'claimed' } })).toBe(1)
  })
})
