import { setTimeout as sleep } from 'node:timers/promises'

import { isWriteContention } from './errors.js'

/**
 * Makes every Prisma interactive transaction hold SQLite's write lock from its first statement
 * (`BEGIN IMMEDIATE`), waiting for it without blocking the event loop.
 *
 * Why: the driver adapter begins transactions DEFERRED. In WAL mode a deferred transaction reads a
 * snapshot and asks for the write lock only at its first write; when another connection (another
 * gateway worker, `KEHU_WORKERS`) committed in between, SQLite refuses that write at once
 * ("database is locked", SQLITE_BUSY_SNAPSHOT), and the busy timeout does not help. With the lock
 * taken first, such a transaction simply waits for the other writer and then reads what it
 * committed, so concurrent writes from several processes all land. Reads outside transactions are
 * unaffected (WAL readers never wait for writers).
 *
 * The wait: the lock is asked for with SQLite's own busy wait switched off (it would stop every
 * other request of the process, including the one that holds the lock when it is the same process)
 * and asked again after a growing pause (1, 2, 4 … 50 ms), until `waitMs` have passed; then the
 * transaction fails with SQLite's busy error and leaves no transaction open. Give Prisma a
 * `transactionOptions.maxWait` above `waitMs`: Prisma refuses, once it has begun, a transaction
 * that took longer than `maxWait` to begin.
 *
 * Returns `factory` itself, its adapters changed as they connect.
 *
 * @throws RangeError when `waitMs` or `busyTimeoutMs` is not a whole number of milliseconds ≥ 0
 * @example
 * const adapter = writeLockedTransactions(new PrismaBetterSQLite3({ url: 'file:./kehu.db', timeout: 5000 }), { waitMs: 5000, busyTimeoutMs: 5000 })
 * const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: 6000 } })
 */
export function writeLockedTransactions<F extends AdapterFactory>(factory: F, options: WriteLockOptions): F {
  const { waitMs, busyTimeoutMs } = options
  for (const [name, value] of Object.entries({ waitMs, busyTimeoutMs })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`writeLockedTransactions: ${name} must be a whole number of milliseconds ≥ 0, got ${String(value)}`)
  }
  const wrapped = factory as AdapterFactory
  const connect = wrapped.connect.bind(factory)
  wrapped.connect = async () => {
    const adapter = await connect()
    const start = adapter.startTransaction.bind(adapter)
    adapter.startTransaction = async (...args: unknown[]) => {
      // The adapter's BEGIN (deferred), holding the adapter's lock on the connection: no other
      // transaction of this client starts until this one ends.
      const transaction = await start(...args)
      try {
        await transaction.executeRaw(statement('COMMIT')) // the empty deferred transaction
        const giveUpAt = performance.now() + waitMs
        for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
          const error = await beginImmediate(transaction, busyTimeoutMs)
          if (error === undefined) return transaction
          if (!isWriteContention(error) || performance.now() + pause > giveUpAt) throw error
          await sleep(pause)
        }
      } catch (error) {
        // No SQL transaction is open here: release the adapter's lock and report.
        await transaction.rollback()
        throw error
      }
    }
    return adapter
  }
  return factory
}

export interface WriteLockOptions {
  /** How long a transaction waits for another connection's write lock before failing, in ms. */
  readonly waitMs: number
  /** The connection's busy timeout, restored after each attempt, in ms. */
  readonly busyTimeoutMs: number
}

/**
 * `BEGIN IMMEDIATE` with the busy wait off: the error when the lock is taken, else `undefined`.
 * The three statements are issued together, so that no other statement of the process runs on the
 * connection while its busy timeout is 0.
 */
async function beginImmediate(transaction: AdapterTransaction, busyTimeoutMs: number): Promise<unknown> {
  const off = transaction.queryRaw(statement('PRAGMA busy_timeout = 0'))
  const begin = transaction.executeRaw(statement('BEGIN IMMEDIATE'))
  const restore = transaction.queryRaw(statement(`PRAGMA busy_timeout = ${busyTimeoutMs}`))
  const [switchedOff, began, restored] = await Promise.allSettled([off, begin, restore])
  const pragmaFailure = [switchedOff, restored].find((outcome) => outcome.status === 'rejected')
  if (pragmaFailure !== undefined) {
    // Not expected of a pragma; never leave a transaction open behind a failure.
    if (began.status === 'fulfilled') await transaction.executeRaw(statement('ROLLBACK'))
    throw pragmaFailure.reason
  }
  return began.status === 'rejected' ? (began.reason as unknown) : undefined
}

function statement(sql: string): AdapterQuery {
  return { sql, args: [], argTypes: [] }
}

// The parts of Prisma's driver-adapter interface used here (@prisma/driver-adapter-utils).
interface AdapterQuery {
  readonly sql: string
  readonly args: unknown[]
  readonly argTypes: unknown[]
}
interface AdapterTransaction {
  executeRaw(query: AdapterQuery): Promise<number>
  queryRaw(query: AdapterQuery): Promise<unknown>
  rollback(): Promise<void>
}
interface Adapter {
  startTransaction(...args: unknown[]): Promise<AdapterTransaction>
}
interface AdapterFactory {
  connect(): Promise<Adapter>
}
