import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'

import { createApp, OperationLimitCode, OperationLimitsError } from './app.js'
import { signStaffToken } from './auth/token.js'
import type { PrismaClient } from './db/client.js'
import { PrismaClient as GeneratedClient } from './generated/prisma/client.js'
import { startTestGateway, TEST_NOW, TEST_SECRET, type TestGateway } from './test/gateway.js'

const SECRET = TEST_SECRET
const NOW = TEST_NOW

let gw: TestGateway
let prisma: PrismaClient
let app: ReturnType<typeof createApp>
let dbUrl: string

beforeEach(async () => {
  gw = await startTestGateway()
  prisma = gw.prisma
  app = gw.app
  dbUrl = (await prisma.$queryRawUnsafe<{ file: string }[]>('PRAGMA database_list'))[0]!.file
}, 60_000) // seeding the first gateway of a test process can take a while on a busy machine
afterEach(async () => {
  await gw.close()
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
    const counted = new GeneratedClient({ adapter: new PrismaBetterSQLite3({ url: `file:${dbUrl}` }), log: [{ emit: 'event', level: 'query' }] })
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

describe('tier and stage enums (R-TIE-1, R-LIF-1)', () => {
  it('filters by core tier and stage values and answers with them', async () => {
    const result = await gql('query($tier: CustomerTier, $stage: CustomerStage) { customers(first: 100, tier: $tier, stage: $stage) { edges { node { customerId tier stage } } } }', { tier: 'key', stage: 'active' }, 'staff-zhao')
    expect(result.errors).toBeUndefined()
    const expected = await prisma.customer.findMany({ where: { tier: 'key', stage: 'active' }, select: { id: true } })
    expect(result.data.customers.edges.map((e: any) => e.node.customerId).sort()).toEqual(expected.map((c) => c.id).sort())
    expect(result.data.customers.edges.every((e: any) => e.node.tier === 'key' && e.node.stage === 'active')).toBe(true)
  })
  it('refuses a tier that is not in core’s vocabulary', async () => {
    const result = await gql('{ customers(first: 5, tier: platinum) { edges { node { name } } } }', {}, 'staff-zhao')
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
  })
})

describe('registerCustomer: who may register (R-ACC-1) and duplicates without a full scan (R-ARC-5)', () => {
  const MUTATION = `mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) {
    __typename
    ... on RegisterCustomerPayload { customer { customerId owner { staffId } } }
    ... on AccessDeniedError { code ruleId reasonCode messageZh messageEn }
    ... on DuplicateCustomerError { matches { customerId by } }
  } }`
  const figures = { annualVolume: '300000.00', scale: 'medium', urgency: 'ordinary', hasIntention: true, hasBusinessHistory: false }

  it.each(['staff-zhou', 'staff-li', 'staff-zhao', 'staff-wang'])('lets sales staff %s register, as owner', async (staffId) => {
    const result = await gql(MUTATION, { input: { name: `嘉兴${staffId}贸易有限公司`, ...figures } }, staffId)
    expect(result.data.registerCustomer).toMatchObject({ __typename: 'RegisterCustomerPayload', customer: { owner: { staffId } } })
  })
  it.each(['staff-sun', 'staff-qian', 'staff-han', 'staff-yang'])('refuses functional-department staff %s and writes nothing', async (staffId) => {
    const before = await gw.snapshot()
    const audits = await prisma.auditLog.count()
    const result = await gql(MUTATION, { input: { name: '嘉兴新世纪贸易有限公司', ...figures } }, staffId)
    expect(result.data.registerCustomer).toMatchObject({ __typename: 'AccessDeniedError', code: 'ACCESS.DENIED', ruleId: 'R-ACC-1', reasonCode: 'ACCESS.NOT_SALES_STAFF' })
    expect(result.data.registerCustomer.messageZh).toMatch(/建档/)
    expect(await gw.snapshot()).toEqual(before)
    expect(await prisma.auditLog.count()).toBe(audits)
  })
  it('refuses staff who have left before anything runs', async () => {
    const result = await gql(MUTATION, { input: { name: '嘉兴新世纪贸易有限公司', ...figures } }, 'staff-liu')
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
  it('finds a duplicate written in full-width, with brackets and another legal form', async () => {
    const existing = await prisma.customer.findFirstOrThrow({ where: { ownerId: 'staff-wu' } })
    const variant = `${existing.name.replace(/(有限公司|股份有限公司)$/, '')}（中国）股份有限公司`.replace(/[A-Za-z0-9]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0))
    const result = await gql(MUTATION, { input: { name: variant, ...figures } }, 'staff-zhou')
    expect(result.data.registerCustomer).toMatchObject({ __typename: 'DuplicateCustomerError', matches: [{ customerId: existing.id, by: 'name' }] })
  })
  it('finds a duplicate by credit code whatever the name', async () => {
    const existing = await prisma.customer.findFirstOrThrow({ where: { creditCode: { not: null } } })
    const result = await gql(MUTATION, { input: { name: '完全不同的名字有限公司', creditCode: existing.creditCode!.toLowerCase(), ...figures } }, 'staff-zhou')
    expect(result.data.registerCustomer).toMatchObject({ __typename: 'DuplicateCustomerError', matches: [{ customerId: existing.id, by: 'creditCode' }] })
  })
  it('reads only candidate rows for the duplicate check, not every customer', async () => {
    const counted = new GeneratedClient({ adapter: new PrismaBetterSQLite3({ url: `file:${dbUrl}` }), log: [{ emit: 'event', level: 'query' }] })
    const statements: string[] = []
    counted.$on('query', (e) => statements.push(e.query))
    const countingApp = createApp({ prisma: counted, jwtSecret: SECRET, now: () => NOW })
    const token = await signStaffToken('staff-zhou', SECRET, { now: NOW })
    const response = await countingApp.fetch('http://kehu.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: MUTATION, variables: { input: { name: '温州新材料有限公司', ...figures } } }),
    })
    expect(((await response.json()) as any).data.registerCustomer.__typename).toBe('RegisterCustomerPayload')
    await counted.$disconnect()
    const scan = statements.find((q) => /SELECT .*`Customer`\.`name`.* FROM `main`\.`Customer` WHERE/.test(q) && q.includes('LIKE'))
    expect(scan).toBeDefined()
    expect(statements.some((q) => /FROM `main`\.`Customer`( LIMIT| OFFSET|$)/.test(q.trim()))).toBe(false)
  })
})

describe('operation limits', () => {
  const deep = '{ customers(first: 1) { edges { node { owner { ownedCustomersProbe: staffId } contacts { name } } } } }'
  it('refuses an operation deeper than the limit, with its code and the limit', async () => {
    const limited = createApp({ prisma, jwtSecret: SECRET, now: () => NOW, limits: { maxDepth: 3 } })
    const token = await signStaffToken('staff-zhao', SECRET, { now: NOW })
    const response = await limited.fetch('http://kehu.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: deep }) })
    const body = (await response.json()) as any
    expect(body.data).toBeUndefined()
    expect(body.errors).toHaveLength(1)
    expect(body.errors[0].extensions).toMatchObject({ code: OperationLimitCode.TOO_DEEP, limit: 3 })
    expect(body.errors[0].message).toMatch(/depth limit of 3 exceeded, found 5/)
  })
  it('accepts the same operation within the default depth', async () => {
    const result = await gql(deep, {}, 'staff-zhao')
    expect(result.errors).toBeUndefined()
  })
  it('refuses too many aliases and too high a cost', async () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { name }`).join(' ')} }`
    const many = await gql(aliases, {}, 'staff-zhao')
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: OperationLimitCode.TOO_MANY_ALIASES, limit: 15 })
    const costly = createApp({ prisma, jwtSecret: SECRET, now: () => NOW, limits: { maxCost: 20 } })
    const token = await signStaffToken('staff-zhao', SECRET, { now: NOW })
    const response = await costly.fetch('http://kehu.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ customers(first: 20) { edges { node { name tier owner { name } contacts { name phone } } } } }' }) })
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: OperationLimitCode.TOO_COSTLY, limit: 20 })
  })
  it('accepts one page of 100 with owner and contacts by default, and refuses three of them', async () => {
    const page = (alias: string): string => `${alias}: customers(first: 100) { edges { node { customerId name owner { name } contacts { name } } } }`
    expect((await gql(`{ ${page('a')} }`, {}, 'staff-zhao')).errors).toBeUndefined()
    const three = await gql(`{ ${page('a')} ${page('b')} ${page('c')} }`, {}, 'staff-zhao')
    expect(three.errors?.[0]?.extensions).toMatchObject({ code: OperationLimitCode.TOO_COSTLY, limit: 10_000 })
  })
  it('refuses a document with too many tokens before validating it', async () => {
    const limited = createApp({ prisma, jwtSecret: SECRET, now: () => NOW, limits: { maxTokens: 50 } })
    const query = `{ ${Array.from({ length: 60 }, () => '__typename').join(' ')} }`
    const response = await limited.fetch('http://kehu.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    const body = (await response.json()) as any
    expect(body.errors[0].extensions).toMatchObject({ code: OperationLimitCode.TOO_MANY_TOKENS, limit: 50 })
  })
  it('hides field suggestions when asked to (the production default)', async () => {
    const hidden = createApp({ prisma, jwtSecret: SECRET, now: () => NOW, limits: { blockFieldSuggestions: true } })
    const response = await hidden.fetch('http://kehu.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ mee { name } }' }) })
    const message: string = ((await response.json()) as any).errors[0].message
    expect(message).toMatch(/Cannot query field "mee"/)
    expect(message).not.toMatch(/Did you mean/)
    expect((await gql('{ mee { name } }', {}, 'staff-zhao')).errors?.[0]?.message).toMatch(/Did you mean "me"/)
  })
  it('refuses a bad limit by name', () => {
    expect(() => createApp({ prisma, jwtSecret: SECRET, limits: { maxDepth: 0 } })).toThrow(OperationLimitsError)
    expect(() => createApp({ prisma, jwtSecret: SECRET, limits: { maxCost: 1.5 } })).toThrow(/limits\.maxCost/)
    expect(() => createApp({ prisma, jwtSecret: SECRET, limits: { maxRequestBytes: -1 } })).toThrow(/limits\.maxRequestBytes/)
  })
})

describe('actor cache', () => {
  it('sees a departure at once by default', async () => {
    expect((await gql('{ me { name } }', {}, 'staff-zhou')).errors).toBeUndefined()
    await prisma.staff.update({ where: { id: 'staff-zhou' }, data: { active: false } })
    expect((await gql('{ me { name } }', {}, 'staff-zhou')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
  it('with a cache, serves the row at most actorCacheMs and then sees the departure', async () => {
    const cached = createApp({ prisma, jwtSecret: SECRET, now: () => NOW, actorCacheMs: 60_000 })
    const token = await signStaffToken('staff-zhou', SECRET, { now: NOW })
    const me = async (appUnderTest: ReturnType<typeof createApp>): Promise<any> =>
      (await appUnderTest.fetch('http://kehu.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { name } }' }) })).json()
    expect((await me(cached)).errors).toBeUndefined()
    await prisma.staff.update({ where: { id: 'staff-zhou' }, data: { active: false } })
    // Within the bound the cached row is still used; a fresh gateway (or the bound passing) refuses.
    expect((await me(cached)).errors).toBeUndefined()
    const fresh = createApp({ prisma, jwtSecret: SECRET, now: () => NOW, actorCacheMs: 60_000 })
    expect((await me(fresh)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
  it('refuses a cached token once it has expired', async () => {
    let now = NOW
    const cached = createApp({ prisma, jwtSecret: SECRET, now: () => now, actorCacheMs: 60_000 })
    const token = await signStaffToken('staff-zhou', SECRET, { now: NOW, expiresInSeconds: 60 })
    const me = async (): Promise<any> => (await cached.fetch('http://kehu.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ me { name } }' }) })).json()
    expect((await me()).errors).toBeUndefined()
    now = new Date(NOW.getTime() + 61_000)
    expect((await me()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})
