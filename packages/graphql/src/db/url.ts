import { resolve } from 'node:path'

/** How long a statement waits for another connection's lock before failing (SQLITE_BUSY), in ms. */
export const BUSY_TIMEOUT_MS = 5000

/**
 * The SQLite database URL: `DATABASE_URL` when set (`file:./kehu.db`, `file:/var/lib/kehu/kehu.db`),
 * otherwise `file:<cwd>/kehu.db` — a file in the working directory of the process.
 *
 * @example
 * databaseUrl({}, '/home/li') //=> 'file:/home/li/kehu.db'
 * databaseUrl({ DATABASE_URL: 'file:./data/dev.db' }, '/home/li') //=> 'file:./data/dev.db'
 */
export function databaseUrl(env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): string {
  const configured = env['DATABASE_URL']?.trim()
  if (configured !== undefined && configured !== '') return configured
  return `file:${resolve(cwd, 'kehu.db')}`
}

/**
 * The file path of a `file:` URL, resolved against `cwd` when relative. Query parameters
 * (`?connection_limit=1`) are ignored.
 *
 * @throws Error for a URL that is not `file:`
 * @example
 * databaseFile('file:./kehu.db', '/srv') //=> '/srv/kehu.db'
 */
export function databaseFile(url: string, cwd: string = process.cwd()): string {
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL must be a SQLite file URL such as file:./kehu.db, got ${JSON.stringify(url)}`)
  const path = url.slice('file:'.length).replace(/\?.*$/, '')
  if (path === '') throw new Error('DATABASE_URL names no file: use e.g. file:./kehu.db')
  if (path === ':memory:') return path
  return resolve(cwd, path)
}
