import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createApp, DATABASE_BUSY } from './app.js'
import { writeLockedTransactions } from './db/writeLockedTransactions.js'
import { PrismaClient as GeneratedClient } from './generated/prisma/client.js'
import { postOperation, startTestGateway, TEST_SECRET, type GqlResult, type TestGateway } from './test/gateway.js'
import { holdTransaction } from './test/heldTransaction.js'

// A write whose wait for SQLite's write lock runs out (another process keeps writing the file) is
// answered DATABASE_BUSY, both languages, with nothing written: the client may send it again.

const CREATE = `mutation ($input: CreateExpenseClaimInput!) { createExpenseClaim(input: $input) { __typename } }`
const input = { items: [{ kind: 'sundry', amount: '12.00', category: 'copying', receiptAmount: '12.00', invoiceNumber: 'BUSY-1' }] }

let gw: TestGateway
let file: string
let impatient: InstanceType<typeof GeneratedClient>
beforeEach(async () => {
  gw = await startTestGateway()
  const [main] = await gw.prisma.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'")
  file = main!.file
  // A second gateway on the same file that waits at most 100 ms for the write lock.
  impatient = new GeneratedClient({ adapter: writeLockedTransactions(new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 }), { waitMs: 100, busyTimeoutMs: 5000 }) })
}, 60_000)
afterEach(async () => {
  await impatient.$disconnect()
  await gw.close()
})

describe('a write that cannot get the write lock in time', () => {
  it('is answered DATABASE_BUSY with both languages and its path, writes nothing, and lands when sent again', async () => {
    const app = createApp({ prisma: impatient, jwtSecret: TEST_SECRET, now: () => gw.now() })
    const send = async () => (await (await postOperation(app, { query: CREATE, variables: { input } }, 'staff-zhou', gw.now())).json()) as GqlResult
    // The other process: a transaction that holds the write lock while the request waits.
    const { release, done: holder } = await holdTransaction(gw.prisma, async (tx) => {
      await tx.timelineEvent.count()
      await tx.$executeRawUnsafe(`UPDATE "Staff" SET "name" = "name" WHERE "id" = 'staff-zhou'`)
    })
    const before = await gw.snapshot()
    const busy = await send()
    release()
    await holder
    expect(busy.data?.createExpenseClaim ?? null).toBeNull()
    expect(busy.errors).toHaveLength(1)
    expect(busy.errors![0]).toMatchObject({
      path: ['createExpenseClaim'],
      extensions: { code: DATABASE_BUSY, messageZh: '数据库正忙于其他写入，请稍后重试', messageEn: 'the database is busy with other writes; try again shortly' },
    })
    expect(busy.errors![0]!.message).toContain('try again')
    expect(await gw.snapshot()).toEqual(before)
    // The lock is free now: the same request lands.
    expect((await send()).data?.createExpenseClaim).toEqual({ __typename: 'CreateExpenseClaimPayload' })
    expect(await gw.prisma.expenseInvoice.count({ where: { number: 'BUSY-1' } })).toBe(1)
  })

  it('is answered DATABASE_BUSY too when it waited too long behind the process\'s own writes to begin', async () => {
    // One client whose writes may wait 100 ms for the connection (Prisma's maxWait).
    const queued = new GeneratedClient({
      adapter: writeLockedTransactions(new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 }), { waitMs: 5000, busyTimeoutMs: 5000 }),
      transactionOptions: { maxWait: 100 },
    })
    try {
      const app = createApp({ prisma: queued, jwtSecret: TEST_SECRET, now: () => gw.now() })
      const { release, done: earlier } = await holdTransaction(queued, (tx) => tx.staff.count(), { timeout: 5000 })
      const response = postOperation(app, { query: CREATE, variables: { input } }, 'staff-zhou', gw.now())
      // Prisma reports the wait once the connection is free again: free it well after maxWait.
      setTimeout(release, 300)
      const result = (await (await response).json()) as GqlResult
      await earlier
      expect(result.errors?.[0]).toMatchObject({ path: ['createExpenseClaim'], extensions: { code: DATABASE_BUSY } })
      expect(await gw.prisma.expenseInvoice.count({ where: { number: 'BUSY-1' } })).toBe(0)
    } finally {
      await queued.$disconnect()
    }
  })

  it('other internal errors stay masked', async () => {
    const app = createApp({ prisma: impatient, jwtSecret: TEST_SECRET, now: () => gw.now() })
    // A schema the code does not expect: an internal fault, not contention.
    await impatient.$executeRawUnsafe('DROP TABLE "ExpenseInvoice"')
    const result = (await (await postOperation(app, { query: CREATE, variables: { input } }, 'staff-zhou', gw.now())).json()) as GqlResult
    expect(result.errors?.[0]?.message).toBe('Unexpected error.')
    expect(result.errors?.[0]?.extensions?.['code']).not.toBe(DATABASE_BUSY)
  })
})
