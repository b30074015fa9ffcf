import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'

import { PrismaClient } from '../generated/prisma/client.js'
import { BUSY_TIMEOUT_MS, databaseFile, databaseUrl } from './url.js'
import { writeLockedTransactions } from './writeLockedTransactions.js'

export type { PrismaClient } from '../generated/prisma/client.js'
export { BUSY_TIMEOUT_MS } from './url.js'

/**
 * Opens a Prisma client on a SQLite file through the better-sqlite3 driver adapter, with the
 * connection pragmas the application relies on:
 *
 * - `foreign_keys = ON` — relations are enforced by the database;
 * - `journal_mode = WAL` — readers do not block the writer;
 * - `busy_timeout` — a writer waits {@link BUSY_TIMEOUT_MS} for a lock instead of failing at once;
 * - every interactive transaction (`$transaction(async (tx) => …)`) holds the write lock from its
 *   start ({@link writeLockedTransactions}), so that writers in several processes on one file
 *   (`KEHU_WORKERS`) wait for each other instead of failing; it waits up to
 *   {@link BUSY_TIMEOUT_MS} to start.
 *
 * The caller owns the client (pass it where it is needed, `$disconnect()` it at shutdown); nothing
 * is kept in a global. The schema is not touched: run {@link migrateDatabase} first.
 *
 * @param url a `file:` URL; **default** {@link databaseUrl} (`DATABASE_URL` or `file:<cwd>/kehu.db`)
 * @example
 * const prisma = await createPrismaClient('file:./kehu.db')
 * await prisma.customer.count() //=> 48 on the demo data
 */
export async function createPrismaClient(url: string = databaseUrl()): Promise<PrismaClient> {
  const file = databaseFile(url)
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const adapter = writeLockedTransactions(new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS }), { waitMs: BUSY_TIMEOUT_MS, busyTimeoutMs: BUSY_TIMEOUT_MS })
  // Prisma refuses a transaction that took longer than maxWait to begin (default 2 s): let it wait for the lock.
  const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: BUSY_TIMEOUT_MS + 1000 } })
  await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON')
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await prisma.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
  return prisma
}
