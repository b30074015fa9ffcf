import { createHash } from 'node:crypto'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { tempDatabase } from '../test/tempDatabase.js'
import { MIGRATIONS_DIR, MigrationError, migrateDatabase, readMigrations } from './migrate.js'

let db: ReturnType<typeof tempDatabase>
beforeEach(() => {
  db = tempDatabase()
})
afterEach(() => db.remove())

const names = readMigrations().map((m) => m.name)

describe('migrateDatabase', () => {
  it('applies every committed migration to an empty file, in order', () => {
    expect(names.length).toBeGreaterThanOrEqual(2)
    expect(names).toEqual([...names].sort())
    const report = migrateDatabase(db.url)
    expect(report).toEqual({ applied: names, alreadyApplied: [] })
    const sqlite = new Database(db.file, { readonly: true })
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)
    expect(tables).toEqual(expect.arrayContaining(['Customer', 'Staff', 'AuditLog', 'ApprovalRequest', '_prisma_migrations']))
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    sqlite.close()
  })

  it('is idempotent: a second run applies nothing', () => {
    migrateDatabase(db.url)
    expect(migrateDatabase(db.url)).toEqual({ applied: [], alreadyApplied: names })
  })

  it("records each migration in Prisma's _prisma_migrations format, with the file's SHA-256", () => {
    migrateDatabase(db.url, { now: () => new Date('2026-03-01T08:00:00.123Z') })
    const sqlite = new Database(db.file, { readonly: true })
    const rows = sqlite.prepare('SELECT * FROM _prisma_migrations ORDER BY migration_name').all() as Record<string, unknown>[]
    sqlite.close()
    expect(rows.map((r) => r['migration_name'])).toEqual(names)
    for (const row of rows) {
      const sha = createHash('sha256')
        .update(readFileSync(join(MIGRATIONS_DIR, String(row['migration_name']), 'migration.sql')))
        .digest('hex')
      expect(row).toMatchObject({
        checksum: sha,
        started_at: '2026-03-01T08:00:00.123+00:00',
        finished_at: '2026-03-01T08:00:00.123+00:00',
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      })
      expect(row['id']).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('refuses a database whose applied migration was edited afterwards, naming it', () => {
    const dir = join(db.dir, 'migrations')
    cpSync(MIGRATIONS_DIR, dir, { recursive: true })
    migrateDatabase(db.url, { migrationsDir: dir })
    const edited = join(dir, names[0]!, 'migration.sql')
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n-- edited\n`)
    const run = (): unknown => migrateDatabase(db.url, { migrationsDir: dir })
    expect(run).toThrow(MigrationError)
    expect(run).toThrow(new RegExp(`migration ${names[0]} was modified after it was applied`))
  })

  it('rolls back a failing migration entirely and records nothing for it', () => {
    const dir = join(db.dir, 'migrations')
    cpSync(MIGRATIONS_DIR, dir, { recursive: true })
    const bad = join(dir, '29990101000000_broken')
    cpSync(join(dir, names[0]!), bad, { recursive: true })
    writeFileSync(join(bad, 'migration.sql'), 'CREATE TABLE "Extra" ("id" TEXT PRIMARY KEY);\nTHIS IS NOT SQL;\n')
    expect(() => migrateDatabase(db.url, { migrationsDir: dir })).toThrow(/migration 29990101000000_broken failed and was rolled back/)
    const sqlite = new Database(db.file, { readonly: true })
    expect(sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'Extra'").get()).toEqual({ n: 0 })
    expect((sqlite.prepare('SELECT migration_name FROM _prisma_migrations').all() as { migration_name: string }[]).map((r) => r.migration_name)).toEqual(names)
    sqlite.close()
  })
})
