import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApp } from '../app.js'
import { CUSTOMER_ORDERS } from './customerPage.js'
import { postOperation, startTestGateway, TEST_SECRET, type GqlResult, type TestGateway } from '../test/gateway.js'

// The plain-SQL customer page must answer exactly what the Prisma path answers: the same customers
// for every actor (R-ACC-1), in the same order, with the same owner and last visit, page after page.
const PAGE = `query($first: Int, $after: String, $orderBy: CustomerOrder, $tier: CustomerTier, $stage: CustomerStage, $ownerId: String) {
  customers(first: $first, after: $after, orderBy: $orderBy, tier: $tier, stage: $stage, ownerId: $ownerId) {
    edges { cursor node { id customerId name tier stage annualVolume registeredCapital tierReasons { code } proposedStrategic createdAt updatedAt
      owner { staffId name roles active teamId } lastVisit { id startAt durationMinutes method } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`

// Only list fields: the page reads only the list columns.
const LIST_PAGE = `query($first: Int, $after: String, $orderBy: CustomerOrder, $tier: CustomerTier, $stage: CustomerStage, $ownerId: String) {
  customers(first: $first, after: $after, orderBy: $orderBy, tier: $tier, stage: $stage, ownerId: $ownerId) {
    edges { cursor node { __typename id ...names tier stage activePhase customerCode annualVolume createdAt updatedAt owner { staffId name } lastVisit { startAt } } }
    pageInfo { hasNextPage endCursor } } }
  fragment names on Customer { customerId name }`

// Computed fields: whole rows are read for the customers and the visits.
const COMPUTED_PAGE = `query($first: Int, $after: String, $orderBy: CustomerOrder, $tier: CustomerTier, $stage: CustomerStage, $ownerId: String) {
  customers(first: $first, after: $after, orderBy: $orderBy, tier: $tier, stage: $stage, ownerId: $ownerId) {
    edges { cursor node { customerId completeness { percent missingFields { field } } owner { roles } lastVisit { attitudeZh methodZh peopleMet dataEntryDeadline } } }
    pageInfo { hasNextPage endCursor } } }`

let gw: TestGateway
let prismaOnly: ReturnType<typeof createApp>
beforeAll(async () => {
  gw = await startTestGateway()
  prismaOnly = createApp({ prisma: gw.prisma, jwtSecret: TEST_SECRET, now: () => gw.now() })
})
afterAll(async () => {
  await gw.close()
})

async function both(variables: Record<string, unknown>, staffId: string, query = PAGE): Promise<[GqlResult, GqlResult]> {
  const response = await postOperation(prismaOnly, { query, variables }, staffId, gw.now())
  return [await gw.gql(query, variables, staffId), (await response.json()) as GqlResult]
}

describe('the plain-SQL customer page', () => {
  it('answers as the Prisma path for every staff member, order and filter, page after page', async () => {
    const staff = await gw.prisma.staff.findMany({ where: { active: true }, select: { id: true } })
    const owner = (await gw.prisma.customer.findFirstOrThrow({ where: { ownerId: { not: null } } })).ownerId!
    const filterSets: Record<string, unknown>[] = [{}, { tier: 'key' }, { stage: 'active' }, { ownerId: owner }, { tier: 'reserve', stage: 'prospect' }]
    let pages = 0
    for (const { id } of staff) {
      for (const orderBy of ['NAME_ASC', 'UPDATED_DESC', 'ANNUAL_VOLUME_DESC', 'CREATED_DESC']) {
        for (const filters of filterSets) {
          let after: string | null = null
          for (let page = 0; page < 20; page += 1) {
            const [fast, reference] = await both({ first: 7, after, orderBy, ...filters }, id, [PAGE, LIST_PAGE, COMPUTED_PAGE][page % 3])
            expect(fast).toEqual(reference)
            pages += 1
            const info: { hasNextPage: boolean; endCursor: string | null } | undefined = fast.data?.customers.pageInfo
            if (info === undefined || !info.hasNextPage) break
            after = info.endCursor
          }
        }
      }
    }
    expect(pages).toBeGreaterThan(staff.length * 20)
    // About 700 pages through both paths: more than the default time on a busy machine.
  }, 180_000)

  it('joins owners and latest visits to the page only, after a filter with its own index has chosen and sorted it', async () => {
    // Joined in the same query, SQLite would join every customer of the tier (or owner) before
    // sorting them to find the page.
    const statements: string[] = []
    const app = await recordingApp((sql) => statements.push(sql))
    const { readDatabase } = app
    const owner = (await gw.prisma.customer.findFirstOrThrow({ where: { ownerId: { not: null } } })).ownerId!
    try {
      for (const filters of [{ tier: 'key' }, { ownerId: owner }, { tier: 'reserve', stage: 'prospect' }]) {
        statements.length = 0
        expect((await app.page({ first: 5, ...filters })).errors).toBeUndefined()
        expect(statements).toHaveLength(1)
        const plan = readDatabase.prepare(`EXPLAIN QUERY PLAN ${statements[0]!}`).all() as { id: number; parent: number; detail: string }[]
        const parentOf = new Map(plan.map((step) => [step.id, step.parent]))
        const page = plan.find((step) => step.detail === 'CO-ROUTINE c')
        expect(page, JSON.stringify(filters)).toBeDefined()
        const withinPage = (id: number): boolean => id === page!.id || (id !== 0 && withinPage(parentOf.get(id) ?? 0))
        const joins = plan.filter((step) => /^SEARCH [sv] /u.test(step.detail))
        expect(joins.map((step) => step.detail.slice(0, 8)), JSON.stringify(filters)).toEqual(['SEARCH s', 'SEARCH v'])
        for (const join of joins) expect(withinPage(join.id), join.detail).toBe(false)
      }
    } finally {
      app.close()
    }
  })

  it('leaves a page with a relation or a planned field among the nodes to Prisma, which loads it with the page', async () => {
    const statements: string[] = []
    const app = await recordingApp((sql) => statements.push(sql))
    const planned = `query($first: Int) { customers(first: $first) { edges { cursor node { customerId name contacts { name } coOwnerIds } } pageInfo { hasNextPage endCursor } } }`
    try {
      for (const first of [3, 12]) {
        statements.length = 0
        const response = await postOperation(app.app, { query: planned, variables: { first } }, 'staff-zhao', gw.now())
        const fast = (await response.json()) as GqlResult
        const [, reference] = await both({ first }, 'staff-zhao', planned)
        expect(fast.errors).toBeUndefined()
        expect(fast).toEqual(reference)
        expect(fast.data?.customers.edges).toHaveLength(first)
        // Not one statement on the read connection: the whole page came through Prisma.
        expect(statements).toEqual([])
      }
    } finally {
      app.close()
    }
  })

  it('answers an empty page after a cursor of a customer that is gone, as Prisma does', async () => {
    const gone = Buffer.from('GPC:S:cust-does-not-exist').toString('base64')
    const [fast, reference] = await both({ first: 5, after: gone }, 'staff-zhao')
    expect(fast).toEqual(reference)
  })

  it('reads the customers, their owners and their latest visits in one statement: one snapshot', async () => {
    const statements: string[] = []
    const app = await recordingApp((sql) => statements.push(sql.split(' ')[0]!))
    try {
      for (let page = 0; page < 2; page += 1) {
        statements.length = 0
        const result = await app.page({ first: 20 })
        expect(result.data?.customers.edges).toHaveLength(20)
        // A commit by another connection cannot fall between the page and its relations.
        expect(statements).toEqual(['SELECT'])
      }
    } finally {
      app.close()
    }
  })

  it('reads a page of each order in index order, and the latest visits, without sorting', async () => {
    // The statements the page runs, as SQLite sees them (parameters written in).
    const statements: string[] = []
    const app = await recordingApp((sql) => statements.push(sql))
    const { readDatabase } = app
    try {
      for (const orderBy of Object.keys(CUSTOMER_ORDERS)) {
        statements.length = 0
        expect((await app.page({ first: 20, orderBy })).errors).toBeUndefined()
        const page = statements.find((sql) => sql.startsWith('SELECT') && sql.includes('FROM "Customer" c'))
        expect(page, orderBy).toBeDefined()
        const plan = (readDatabase.prepare(`EXPLAIN QUERY PLAN ${page!}`).all() as { detail: string }[]).map((step) => step.detail)
        expect(plan.join('; '), orderBy).toMatch(/SCAN c USING INDEX Customer_\w+_id_idx/u)
        expect(plan.join('; '), orderBy).not.toMatch(/TEMP B-TREE/u)
        // The latest visit of each customer: one seek into the newest-first visit index, no sorting.
        const latest = statements.find((sql) => sql.includes('FROM "Visit" l'))
        expect(latest, orderBy).toBeDefined()
        const latestPlan = (readDatabase.prepare(`EXPLAIN QUERY PLAN ${latest!}`).all() as { detail: string }[]).map((step) => step.detail).join('; ')
        expect(latestPlan, orderBy).toMatch(/SEARCH l USING COVERING INDEX Visit_customerId_startAt_id_idx/u)
        expect(latestPlan, orderBy).not.toMatch(/TEMP B-TREE/u)
      }
    } finally {
      app.close()
    }
  })
})

/**
 * The gateway with its own read connection on the test database, reporting each statement that
 * connection runs to `record`; `page` asks for LIST_PAGE as the director.
 */
async function recordingApp(record: (sql: string) => void): Promise<{ app: ReturnType<typeof createApp>; readDatabase: Database.Database; page: (variables: Record<string, unknown>) => Promise<GqlResult>; close: () => void }> {
  const main = (await gw.prisma.$queryRawUnsafe<{ name: string; file: string }[]>('PRAGMA database_list')).find((row) => row.name === 'main')!
  const readDatabase = new Database(main.file, { readonly: true, verbose: (sql) => record(String(sql)) })
  const app = createApp({ prisma: gw.prisma, jwtSecret: TEST_SECRET, now: () => gw.now(), readDatabase })
  const page = async (variables: Record<string, unknown>): Promise<GqlResult> => (await (await postOperation(app, { query: LIST_PAGE, variables }, 'staff-zhao', gw.now())).json()) as GqlResult
  return { app, readDatabase, page, close: () => readDatabase.close() }
}
