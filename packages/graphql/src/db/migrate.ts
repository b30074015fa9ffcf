import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import Database from 'better-sqlite3'

import { BUSY_TIMEOUT_MS, databaseFile, databaseUrl } from './url.js'

/** The committed migrations: `packages/graphql/prisma/migrations`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url))

/** One committed migration: its folder name, the SHA-256 of its `migration.sql` and the SQL. */
export interface MigrationFile {
  readonly name: string
  readonly checksum: string
  readonly sql: string
}

/** What {@link migrateDatabase} did. */
export interface MigrationReport {
  /** Migrations applied now, in order. */
  readonly applied: readonly string[]
  /** Migrations that were already recorded in the database. */
  readonly alreadyApplied: readonly string[]
}

/** A database whose recorded migrations disagree with the committed ones, or a migration that failed. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError'
  constructor(
    /** `MIGRATION.CHECKSUM_MISMATCH`, `MIGRATION.FAILED`, `MIGRATION.UNFINISHED`, `MIGRATION.UNKNOWN` */
    readonly code: string,
    readonly migration: string,
    message: string,
  ) {
    super(message)
  }
}

// Prisma's own bookkeeping table, exactly as `prisma migrate deploy` creates it on SQLite, so that
// `prisma migrate status` and this runner agree on what has been applied.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`

interface MigrationRow {
  readonly migration_name: string
  readonly checksum: string
  readonly finished_at: string | null
  readonly rolled_back_at: string | null
}

/**
 * Reads `<dir>/<name>/migration.sql` for every migration folder, in name order (names start with
 * a UTC timestamp). The checksum is the SHA-256 of the file's bytes, as Prisma computes it.
 */
export function readMigrations(dir: string = MIGRATIONS_DIR): readonly MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'))
      return { name, checksum: createHash('sha256').update(bytes).digest('hex'), sql: bytes.toString('utf8') }
    })
}

/** Prisma's timestamp text in `_prisma_migrations`: `2026-03-01T08:00:00.000+00:00`. */
function migrationTimestamp(at: Date): string {
  return at.toISOString().replace('Z', '+00:00')
}

/**
 * Applies the committed migrations that the database has not recorded yet — each in its own
 * transaction, recorded in Prisma's `_prisma_migrations` table — and checks that those already
 * recorded are unchanged. Idempotent: a second run applies nothing. Needs no Prisma CLI: this is
 * what the application runs at startup.
 *
 * Foreign keys are switched off on this connection while migrating (SQLite's procedure for schema
 * changes that rebuild tables) and checked with `PRAGMA foreign_key_check` before each commit.
 *
 * @param url a `file:` URL; **default** {@link databaseUrl} (`DATABASE_URL` or `file:<cwd>/kehu.db`).
 *   The file and its folder are created when missing.
 * @throws {@link MigrationError} `MIGRATION.CHECKSUM_MISMATCH` when a recorded migration's file
 *   changed since it was applied, `MIGRATION.UNKNOWN` when the database records a migration that is
 *   not committed here (a newer version made it), `MIGRATION.UNFINISHED` for a migration recorded as
 *   started but never finished, `MIGRATION.FAILED` when a migration's SQL fails (nothing of it is kept).
 */
export function migrateDatabase(
  url: string = databaseUrl(),
  options: { readonly migrationsDir?: string; readonly now?: () => Date } = {},
): MigrationReport {
  const migrations = readMigrations(options.migrationsDir)
  const now = options.now ?? (() => new Date())
  const file = databaseFile(url)
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS })
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = OFF')
    db.exec(MIGRATIONS_TABLE)
    const recorded = (): Map<string, MigrationRow> =>
      new Map(
        (db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations WHERE rolled_back_at IS NULL').all() as MigrationRow[]).map(
          (row) => [row.migration_name, row],
        ),
      )
    checkRecorded(recorded(), migrations, options.migrationsDir ?? MIGRATIONS_DIR)

    const applied: string[] = []
    const alreadyApplied: string[] = []
    for (const migration of migrations) {
      // BEGIN IMMEDIATE takes the write lock first, so two processes starting together apply each
      // migration once: the second one sees it recorded and skips it.
      const outcome = db.transaction((): 'applied' | 'skipped' => {
        const row = recorded().get(migration.name)
        if (row !== undefined) {
          checkRecorded(new Map([[migration.name, row]]), [migration], options.migrationsDir ?? MIGRATIONS_DIR)
          return 'skipped'
        }
        const id = randomUUID()
        db.prepare('INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)').run(
          id,
          migration.checksum,
          migration.name,
          migrationTimestamp(now()),
        )
        try {
          db.exec(migration.sql)
        } catch (error) {
          throw new MigrationError('MIGRATION.FAILED', migration.name, `migration ${migration.name} failed and was rolled back: ${(error as Error).message}`)
        }
        const violations = db.pragma('foreign_key_check') as unknown[]
        if (violations.length > 0) {
          throw new MigrationError('MIGRATION.FAILED', migration.name, `migration ${migration.name} leaves ${violations.length} foreign-key violation(s) and was rolled back`)
        }
        db.prepare('UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?').run(migrationTimestamp(now()), id)
        return 'applied'
      }).immediate()
      ;(outcome === 'applied' ? applied : alreadyApplied).push(migration.name)
    }
    return { applied, alreadyApplied }
  } finally {
    db.close()
  }
}

function checkRecorded(recorded: ReadonlyMap<string, MigrationRow>, migrations: readonly MigrationFile[], dir: string): void {
  const byName = new Map(migrations.map((migration) => [migration.name, migration]))
  for (const row of recorded.values()) {
    const migration = byName.get(row.migration_name)
    if (migration === undefined) {
      throw new MigrationError(
        'MIGRATION.UNKNOWN',
        row.migration_name,
        `the database records migration ${row.migration_name}, which is not in ${dir}: it was made by another version of kehu; use that version or a fresh database`,
      )
    }
    if (row.finished_at === null) {
      throw new MigrationError('MIGRATION.UNFINISHED', row.migration_name, `migration ${row.migration_name} was started but never finished; restore a backup of the database`)
    }
    if (row.checksum !== migration.checksum) {
      throw new MigrationError(
        'MIGRATION.CHECKSUM_MISMATCH',
        row.migration_name,
        `migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum} in the database, ${migration.checksum} in ${join(dir, row.migration_name, 'migration.sql')}); restore the file as it was and add a new migration instead`,
      )
    }
  }
}
