import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'

import { createApp } from './app.js'
import { signStaffToken } from './auth/token.js'
import { createPrismaClient, type PrismaClient } from './db/client.js'
import { migrateDatabase } from './db/migrate.js'
import { PrismaClient as GeneratedClient } from './generated/prisma/client.js'
import { seedDemoCompany } from './db/seed.js'
import { tempDatabase } from './test/tempDatabase.js'

const SECRET = 'test-secret-test-secret-test-secret-0000'
const NOW = new Date('2026-03-02T02:00:00.000Z')

let db: ReturnType<typeof tempDatabase>
let prisma: PrismaClient
let app: ReturnType<typeof createApp>

beforeEach(async () => {
  db = tempDatabase()
  migrateDatabase(db.url)
  prisma = await createPrismaClient(db.url)
  await seedDemoCompany(prisma)
  app = createApp({ prisma, jwtSecret: SECRET, now: () => NOW })
})
afterEach(async () => {
  await prisma.$disconnect()
  db.remove()
})

async function gql(query: string, variables: Record<string, unknown> = {}, staffId?: string, token?: string): Promise<{ data?: any; errors?: any[] }> {
  const auth = token ?? (staffId === undefined ? undefined : await signStaffToken(staffId, SECRET, { now: NOW }))
  const response = await app.fetch('http://kehu.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth === undefined ? {} : { authorization: `Bearer ${auth}` }) },
    body: JSON.stringify({ query, variables }),
  })
  return (await response.json()) as { data?: any; errors?: any[] }
}

const PAGE = `query($first: Int) { customers(first: $first) { edges { node { id customerId name tier owner { staffId } } } pageInfo { hasNextPage } } }`

const viewCount = (customerId: string): Promise<number> => prisma.auditLog.count({ where: { action: 'customer.view', subjectId: customerId, at: NOW } })

describe('authentication', () => {
  it('refuses a request without a token', async () => {
    const result = await gql('{ me { name } }')
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(result.data ?? null).toBeNull()
  })
  it('refuses an invalid token', async () => {
    const result = await gql('{ me { name } }', {}, undefined, 'not.a.token')
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
  it('accepts a valid token', async () => {
    expect((await gql('{ me { staffId name roles } }', {}, 'staff-zhou')).data.me).toEqual({ staffId: 'staff-zhou', name: '周强', roles: ['specialist'] })
  })
})

describe('customers (R-ACC-1)', () => {
  it('shows a specialist only their own or co-owned customers', async () => {
    const result = await gql(PAGE, { first: 100 }, 'staff-zhou')
    const ids: string[] = result.data.customers.edges.map((e: any) => e.node.customerId)
    const allowed = await prisma.customer.findMany({ where: { OR: [{ ownerId: 'staff-zhou' }, { coOwners: { some: { staffId: 'staff-zhou' } } }] }, select: { id: true } })
    expect(ids.length).toBeGreaterThan(0)
    expect(new Set(ids)).toEqual(new Set(allowed.map((c) => c.id)))
  })
  it('shows a manager their team and a director every customer', async () => {
    const director = await gql(PAGE, { first: 100 }, 'staff-zhao')
    expect(director.data.customers.edges).toHaveLength(await prisma.customer.count())
    const manager = await gql(PAGE, { first: 100 }, 'staff-chen')
    const owners = new Set(manager.data.customers.edges.map((e: any) => e.node.owner?.staffId))
    expect([...owners].every((o) => ['staff-zheng', 'staff-feng', 'staff-chen'].includes(o as string))).toBe(true)
  })
  it('refuses customer(id) and node of another team, and records each attempt', async () => {
    const other = await prisma.customer.findFirstOrThrow({ where: { owner: { teamId: 'team-south' } } })
    const result = await gql('query($id: String!) { customer(id: $id) { name } }', { id: other.id }, 'staff-zhou')
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-ACC-2', reasonCode: 'ACCESS.NO_BASIS' })
    const globalId = Buffer.from(`Customer:${other.id}`).toString('base64')
    const node = await gql('query($id: ID!) { node(id: $id) { id ... on Customer { name } } }', { id: globalId }, 'staff-zhou')
    expect(node.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(await viewCount(other.id)).toBe(2)
  })
  it('lets the owner view the archive and writes one audit row per view', async () => {
    const own = await prisma.customer.findFirstOrThrow({ where: { ownerId: 'staff-zhou' } })
    const query = 'query($id: String!) { customer(id: $id) { name tier tierReasons { code ruleId messageZh messageEn } annualVolume stage owner { name } contacts { name } completeness { percent ruleId } } }'
    const result = await gql(query, { id: own.id }, 'staff-zhou')
    expect(result.errors).toBeUndefined()
    expect(result.data.customer.name).toBe(own.name)
    expect(result.data.customer.completeness.ruleId).toBe('R-ARC-3')
    expect(result.data.customer.tierReasons.length).toBeGreaterThan(0)
    expect(await viewCount(own.id)).toBe(1)
    const node = await gql('query($id: ID!) { node(id: $id) { ... on Customer { name contacts { name } } } }', { id: Buffer.from(`Customer:${own.id}`).toString('base64') }, 'staff-zhou')
    expect(node.errors).toBeUndefined()
    expect(node.data.node.name).toBe(own.name)
    expect(await viewCount(own.id)).toBe(2)
  })
  it('a director reads any archive', async () => {
    const other = await prisma.customer.findFirstOrThrow({ where: { owner: { teamId: 'team-south' } } })
    const result = await gql('query($id: String!) { customer(id: $id) { name } }', { id: other.id }, 'staff-zhao')
    expect(result.data.customer.name).toBe(other.name)
  })
})

describe('registerCustomer', () => {
  const MUTATION = `mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) {
    __typename
    ... on RegisterCustomerPayload { customer { customerId name tier owner { staffId } } }
    ... on DuplicateCustomerError { code ruleId messageZh messageEn matches { customerId by } }
    ... on ValidationError { code ruleId issues { field code messageZh messageEn } }
  } }`
  const figures = { annualVolume: '1200000.00', scale: 'large', urgency: 'urgent', hasIntention: true, hasBusinessHistory: true }

  it('registers a customer with its tier', async () => {
    const result = await gql(MUTATION, { input: { name: '温州新材料有限公司', ...figures } }, 'staff-zhou')
    expect(result.data.registerCustomer).toMatchObject({ __typename: 'RegisterCustomerPayload', customer: { name: '温州新材料有限公司', tier: 'key', owner: { staffId: 'staff-zhou' } } })
  })
  it('returns the duplicate as a typed error and writes nothing (R-ARC-5)', async () => {
    const existing = await prisma.customer.findFirstOrThrow()
    const [customers, audits] = [await prisma.customer.count(), await prisma.auditLog.count()]
    const result = await gql(MUTATION, { input: { name: existing.name, ...figures } }, 'staff-zhou')
    expect(result.data.registerCustomer).toMatchObject({ __typename: 'DuplicateCustomerError', ruleId: 'R-ARC-5', code: 'ARCHIVE.DUPLICATE_CUSTOMER', matches: [{ customerId: existing.id, by: 'name' }] })
    expect(result.data.registerCustomer.messageZh).toMatch(/重复/)
    expect([await prisma.customer.count(), await prisma.auditLog.count()]).toEqual([customers, audits])
  })
  it('returns archive issues as a ValidationError', async () => {
    const result = await gql(MUTATION, { input: { name: '某公司', creditCode: '123', ...figures } }, 'staff-zhou')
    expect(result.data.registerCustomer.__typename).toBe('ValidationError')
    expect(result.data.registerCustomer.issues[0].field).toBe('creditCode')
  })
})

describe('N+1', () => {
  it('runs the same number of SQL statements for a page of 5 and of 20', async () => {
    const token = await signStaffToken('staff-zhao', SECRET, { now: NOW })
    const counted = new GeneratedClient({ adapter: new PrismaBetterSQLite3({ url: db.url }), log: [{ emit: 'event', level: 'query' }] })
    let statements = 0
    counted.$on('query', () => {
      statements += 1
    })
    const countingApp = createApp({ prisma: counted, jwtSecret: SECRET, now: () => NOW })
    const run = async (first: number): Promise<number> => {
      const response = await countingApp.fetch('http://kehu.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ customers(first: ${first}) { edges { node { name tier tierReasons { code } owner { name } contacts { name } completeness { percent } } } } }` }),
      })
      statements = 0
      const body = (await response.json()) as { errors?: unknown; data: { customers: { edges: unknown[] } } }
      expect(body.errors).toBeUndefined()
      expect(body.data.customers.edges).toHaveLength(first)
      return statements
    }
    await run(1)
    const count = async (first: number): Promise<number> => {
      statements = 0
      await countingApp.fetch('http://kehu.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ customers(first: ${first}) { edges { node { name tier owner { name } contacts { name } } } } }` }),
      })
      return statements
    }
    const five = await count(5)
    const twenty = await count(20)
    await counted.$disconnect()
    expect(five).toBeGreaterThan(0)
    expect(twenty).toBe(five)
  })
})
