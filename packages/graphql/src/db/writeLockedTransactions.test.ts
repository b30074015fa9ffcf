import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { PrismaClient as GeneratedClient } from '../generated/prisma/client.js'
import { holdTransaction } from '../test/heldTransaction.js'
import { tempDatabase } from '../test/tempDatabase.js'
import { createPrismaClient, type PrismaClient } from './client.js'
import { isWriteContention } from './errors.js'
import { migrateDatabase } from './migrate.js'
import { writeLockedTransactions } from './writeLockedTransactions.js'

// Two clients on one file stand for two gateway processes (KEHU_WORKERS): each has its own
// connection, so they contend for SQLite's write lock exactly as two processes do.

let db: ReturnType<typeof tempDatabase>
let first: PrismaClient
let second: PrismaClient
beforeEach(async () => {
  db = tempDatabase()
  migrateDatabase(db.url)
  first = await createPrismaClient(db.url)
  second = await createPrismaClient(db.url)
  await first.$executeRawUnsafe('CREATE TABLE "Counter" ("id" INTEGER PRIMARY KEY, "value" INTEGER NOT NULL)')
  await first.$executeRawUnsafe('INSERT INTO "Counter" ("id", "value") VALUES (1, 0)')
})
afterEach(async () => {
  await Promise.all([first.$disconnect(), second.$disconnect()])
  db.remove()
})

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

/** Reads the counter, lets other work run, then writes it back increased: a lost update unless writers take turns. */
async function increment(tx: Tx, by: number): Promise<void> {
  const [row] = await tx.$queryRawUnsafe<{ value: bigint | number }[]>('SELECT "value" FROM "Counter" WHERE "id" = 1')
  await new Promise((resolve) => setImmediate(resolve))
  await tx.$executeRawUnsafe('UPDATE "Counter" SET "value" = ? WHERE "id" = 1', Number(row!.value) + by)
}

async function counter(): Promise<number> {
  const [row] = await first.$queryRawUnsafe<{ value: bigint | number }[]>('SELECT "value" FROM "Counter" WHERE "id" = 1')
  return Number(row!.value)
}

describe('write transactions on two connections take turns', () => {
  it('a transaction waits for the other connection to commit, without stopping the event loop, and then reads what it committed', async () => {
    const { release, done: holder } = await holdTransaction(first, (tx) => increment(tx, 5))
    let seen: number | undefined
    const waiter = second.$transaction(async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ value: bigint | number }[]>('SELECT "value" FROM "Counter" WHERE "id" = 1')
      seen = Number(row!.value)
      await tx.$executeRawUnsafe('UPDATE "Counter" SET "value" = "value" + 1 WHERE "id" = 1')
    })
    // A timer still fires while the second transaction waits: the wait does not block the process.
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(seen).toBeUndefined()
    release()
    await Promise.all([holder, waiter])
    expect(seen).toBe(5)
    expect(await counter()).toBe(6)
  })

  it('concurrent read-then-write transactions on both connections lose no update (the counter sums exactly)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ onSecond: fc.boolean(), by: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 12 }), async (writes) => {
        const before = await counter()
        await Promise.all(writes.map(({ onSecond, by }) => (onSecond ? second : first).$transaction((tx) => increment(tx, by))))
        expect(await counter()).toBe(before + writes.reduce((sum, write) => sum + write.by, 0))
      }),
      { numRuns: 25 },
    )
  })

  it('a transaction that rolls back releases the lock for the other connection', async () => {
    await expect(
      first.$transaction(async (tx) => {
        await increment(tx, 7)
        throw new Error('refused halfway')
      }),
    ).rejects.toThrow('refused halfway')
    await second.$transaction((tx) => increment(tx, 1))
    expect(await counter()).toBe(1)
  })
})

describe('a wait that runs out', () => {
  it('fails the transaction with SQLite busy error after waitMs, leaves nothing open, and the connection works afterwards', async () => {
    const impatient = new GeneratedClient({
      adapter: writeLockedTransactions(new PrismaBetterSQLite3({ url: `file:${db.file}`, timeout: 5000 }), { waitMs: 150, busyTimeoutMs: 5000 }),
    })
    try {
      const { release, done: holder } = await holdTransaction(first, (tx) => increment(tx, 2))
      const startedAt = performance.now()
      const refused = await impatient.$transaction((tx) => increment(tx, 100)).then(
        () => undefined,
        (error: unknown) => error,
      )
      const waited = performance.now() - startedAt
      release()
      await holder
      expect(refused).toBeInstanceOf(Error)
      expect(String((refused as Error).message)).toMatch(/timed out|busy|locked/i)
      // Recognised as contention, so that the ownership commands run again (runOwnershipTransaction).
      expect(isWriteContention(refused)).toBe(true)
      expect(waited).toBeGreaterThanOrEqual(100)
      expect(await counter()).toBe(2)
      // No transaction was left open on the impatient connection: it writes at once now.
      await impatient.$transaction((tx) => increment(tx, 3))
      expect(await counter()).toBe(5)
    } finally {
      await impatient.$disconnect()
    }
  })

  it('refuses a wait or busy timeout that is not a whole number of milliseconds', () => {
    const factory = () => new PrismaBetterSQLite3({ url: `file:${db.file}` })
    expect(() => writeLockedTransactions(factory(), { waitMs: -1, busyTimeoutMs: 5000 })).toThrow(/waitMs must be a whole number/)
    expect(() => writeLockedTransactions(factory(), { waitMs: 1000, busyTimeoutMs: Number.NaN })).toThrow(/busyTimeoutMs must be a whole number/)
    expect(() => writeLockedTransactions(factory(), { waitMs: 0.5, busyTimeoutMs: 5000 })).toThrow(RangeError)
  })
})
