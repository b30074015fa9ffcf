import Database from 'better-sqlite3'

import { BUSY_TIMEOUT_MS, databaseFile, databaseUrl } from './url.js'

/**
 * Opens the connection of the gateway's plain-SQL read paths on the database Prisma uses: the same
 * file, WAL mode (set by {@link createPrismaClient}) so that it reads beside Prisma's writes, and
 * `query_only` so that nothing is ever written through it. The caller closes it at shutdown.
 *
 * @param url a `file:` URL; **default** {@link databaseUrl}
 */
export function openReadDatabase(url: string = databaseUrl()): Database.Database {
  const db = new Database(databaseFile(url), { fileMustExist: true, timeout: BUSY_TIMEOUT_MS })
  db.pragma('query_only = ON')
  return db
}
