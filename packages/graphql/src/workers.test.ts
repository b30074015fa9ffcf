import type { ChildProcess } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signStaffToken } from './auth/token.js'
import { createPrismaClient, type PrismaClient } from './db/client.js'
import { migrateDatabase } from './db/migrate.js'
import { seedDemoCompany } from './db/seed.js'
import { listeningUrl, spawnServer } from './test/serverProcess.js'
import { tempDatabase } from './test/tempDatabase.js'

// The server as deployed with KEHU_WORKERS=2: two processes, two connections on one SQLite file.
// Concurrent writes landing in both processes must all be applied ("many concurrent writes lose
// nothing"): each write transaction holds the write lock from its start (db/writeLockedTransactions.ts).

const SECRET = 'workers-test-secret-workers-test-secret-0'
const CREATE = `mutation ($input: CreateExpenseClaimInput!) { createExpenseClaim(input: $input) { __typename ... on BusinessError { code } } }`
const CLAIMANTS = ['staff-zhou', 'staff-wu', 'staff-zheng', 'staff-feng'] as const

let db: ReturnType<typeof tempDatabase>
let prisma: PrismaClient
let server: ChildProcess | undefined
let endpoint: string

beforeAll(async () => {
  db = tempDatabase()
  migrateDatabase(db.url)
  prisma = await createPrismaClient(db.url)
  await seedDemoCompany(prisma)
  server = spawnServer({ NODE_ENV: 'production', DATABASE_URL: db.url, KEHU_JWT_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', KEHU_WORKERS: '2' })
  endpoint = await listeningUrl(server)
}, 90_000)

afterAll(async () => {
  if (server !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
  await prisma?.$disconnect()
  db?.remove()
})

// The server announces its URL once both workers listen (server.ts), so the requests below are shared.
async function post(token: string, body: unknown): Promise<{ data?: { createExpenseClaim: { __typename: string; code?: string } }; errors?: { message: string }[] }> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })
  return (await response.json()) as never
}

describe('KEHU_WORKERS=2 on one SQLite file', () => {
  it('many concurrent writes spread over both worker processes all land, each with its invoice and audit row', async () => {
    const tokens = await Promise.all(CLAIMANTS.map((staffId) => signStaffToken(staffId, SECRET)))
    const before = await prisma.expenseClaim.count()
    const count = 120
    const results = await Promise.all(
      Array.from({ length: count }, (_, n) =>
        post(tokens[n % CLAIMANTS.length]!, {
          query: CREATE,
          variables: { input: { items: [{ kind: 'sundry', amount: `${10 + n}.00`, category: 'copying', receiptAmount: `${10 + n}.00`, invoiceNumber: `W-${n}` }] } },
        }),
      ),
    )
    const outcomes = results.map((result) => result.errors?.[0]?.message ?? result.data?.createExpenseClaim.__typename)
    expect(outcomes.filter((outcome) => outcome !== 'CreateExpenseClaimPayload')).toEqual([])
    expect(await prisma.expenseClaim.count()).toBe(before + count)
    expect(await prisma.expenseInvoice.count({ where: { number: { startsWith: 'W-' } } })).toBe(count)
    expect(await prisma.auditLog.count({ where: { action: 'expenseClaim.create' } })).toBe(count)
  }, 60_000)
})
