import type { PrismaClient } from '../db/client.js'
import type { Prisma } from '../generated/prisma/client.js'

/**
 * Runs `work` in a transaction of `client` and keeps the transaction open — holding SQLite's write
 * lock, or the client's connection — until `release()`. Resolves once `work` has run; `done`
 * settles when the transaction has committed.
 */
export async function holdTransaction(client: PrismaClient, work: (tx: Prisma.TransactionClient) => Promise<unknown>, options: { readonly timeout?: number } = {}): Promise<{ release: () => void; done: Promise<void> }> {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  let held!: () => void
  const holding = new Promise<void>((resolve) => (held = resolve))
  const done = client.$transaction(
    async (tx) => {
      await work(tx)
      held()
      await gate
    },
    options.timeout === undefined ? {} : { timeout: options.timeout },
  )
  // A failure before the work ran would leave `holding` pending: surface it instead.
  await Promise.race([holding, done])
  return { release, done }
}
