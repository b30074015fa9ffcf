import { copyFileSync } from 'node:fs'

import { createApp } from '../app.js'
import { signStaffToken } from '../auth/token.js'
import { createPrismaClient, type PrismaClient } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'
import { openReadDatabase } from '../db/readDatabase.js'
import { seedDemoCompany } from '../db/seed.js'
import { tempDatabase } from './tempDatabase.js'

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0000'
/** The default clock of a test gateway: Monday 2026-03-02 10:00 in Shanghai. */
export const TEST_NOW = new Date('2026-03-02T02:00:00.000Z')

/** The result body of a GraphQL request. */
export interface GqlResult {
  readonly data?: any
  readonly errors?: readonly any[]
}

/** A gateway on a fresh, migrated and seeded database file (the demo company). */
export interface TestGateway {
  readonly prisma: PrismaClient
  readonly app: ReturnType<typeof createApp>
  /** Moves the gateway's clock (for deadlines and time-ordered workflows). */
  setNow(at: Date): void
  now(): Date
  /** Runs an operation as `staffId` (signed token), or unauthenticated without one. */
  gql(query: string, variables?: Record<string, unknown>, staffId?: string): Promise<GqlResult>
  /** Every row of every table (except the audit log), for "nothing was written" assertions. */
  snapshot(): Promise<Record<string, unknown[]>>
  close(): Promise<void>
}

/** A GraphQL operation as a client posts it. */
export interface Operation {
  readonly query: string
  readonly variables?: Record<string, unknown>
  readonly operationName?: string
}

/** Posts `operation` to `app` as `staffId`, with a token signed at `now`; unauthenticated without one. */
export async function postOperation(app: ReturnType<typeof createApp>, operation: Operation, staffId: string | undefined, now: Date): Promise<Response> {
  const token = staffId === undefined ? undefined : await signStaffToken(staffId, TEST_SECRET, { now })
  return app.fetch('http://kehu.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(operation),
  })
}

let template: Promise<string> | undefined

/** One migrated and seeded database file per test process; each gateway starts on a copy of it. */
function seededTemplate(): Promise<string> {
  template ??= (async () => {
    const db = tempDatabase()
    migrateDatabase(db.url)
    const prisma = await createPrismaClient(db.url)
    await seedDemoCompany(prisma)
    await prisma.$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)')
    await prisma.$disconnect()
    process.once('exit', () => db.remove())
    return db.file
  })()
  return template
}

/**
 * Starts a gateway for tests: temp database, migrations, demo seed, `createApp` with a movable clock.
 * `await gw.close()` when done; `useTestGateway()` does both around every test of a file.
 */
export async function startTestGateway(options: { readonly seed?: boolean; readonly now?: Date } = {}): Promise<TestGateway> {
  const db = tempDatabase()
  if (options.seed ?? true) copyFileSync(await seededTemplate(), db.file)
  migrateDatabase(db.url)
  const prisma = await createPrismaClient(db.url)
  let now = options.now ?? TEST_NOW
  // The read connection as the server opens it, so that tests go through the hot read path too.
  const readDatabase = openReadDatabase(db.url)
  // Every operation compiled from its first run, as a client's repeated operations run in service;
  // the apps tests build with createApp directly keep the default, whose first run is not compiled.
  const app = createApp({ prisma, jwtSecret: TEST_SECRET, now: () => now, readDatabase, compileOperations: { afterRuns: 0 } })
  return {
    prisma,
    app,
    setNow: (at) => {
      now = at
    },
    now: () => now,
    async gql(query, variables = {}, staffId) {
      return (await (await postOperation(app, { query, variables }, staffId, now)).json()) as GqlResult
    },
    async snapshot() {
      const tables = prisma.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('AuditLog', '_prisma_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY name")
      const out: Record<string, unknown[]> = {}
      for (const { name } of await tables) out[name] = await prisma.$queryRawUnsafe(`SELECT * FROM "${name}" ORDER BY rowid`)
      return out
    },
    async close() {
      readDatabase.close()
      await prisma.$disconnect()
      db.remove()
    },
  }
}
