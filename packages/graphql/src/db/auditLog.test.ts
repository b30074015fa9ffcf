import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { tempDatabase } from '../test/tempDatabase.js'
import { createPrismaClient, type PrismaClient } from './client.js'
import { isAuditAppendOnlyViolation, sqliteCause } from './errors.js'
import { migrateDatabase } from './migrate.js'

let db: ReturnType<typeof tempDatabase>
let prisma: PrismaClient
beforeEach(async () => {
  db = tempDatabase()
  migrateDatabase(db.url)
  prisma = await createPrismaClient(db.url)
  await prisma.auditLog.create({
    data: { at: new Date('2026-03-02T01:00:00Z'), actorId: 'staff-li', action: 'customer.view', subjectKind: 'customer', subjectId: 'cust-001', basis: 'manager' },
  })
})
afterEach(async () => {
  await prisma.$disconnect()
  db.remove()
})

describe('the audit log is append-only at the database level', () => {
  it('accepts inserts', async () => {
    await prisma.auditLog.create({ data: { at: new Date(), actorId: 'staff-zhou', action: 'customer.view', subjectKind: 'customer', subjectId: 'cust-002' } })
    expect(await prisma.auditLog.count()).toBe(2)
  })

  it('refuses UPDATE and DELETE in raw SQL', () => {
    const sqlite = new Database(db.file)
    try {
      expect(() => sqlite.prepare("UPDATE AuditLog SET actorId = 'someone-else'").run()).toThrow(/audit log is append-only/)
      expect(() => sqlite.prepare('DELETE FROM AuditLog').run()).toThrow(/audit log is append-only/)
      expect(sqlite.prepare('SELECT actorId FROM AuditLog').all()).toEqual([{ actorId: 'staff-li' }])
    } finally {
      sqlite.close()
    }
  })

  it('refuses update and delete through Prisma', async () => {
    const failure = async (write: Promise<unknown>): Promise<unknown> => write.then(() => 'written', (error: unknown) => error)
    const update = await failure(prisma.auditLog.updateMany({ data: { actorId: 'someone-else' } }))
    expect(isAuditAppendOnlyViolation(update)).toBe(true)
    expect(sqliteCause(update)).toEqual({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'audit log is append-only' })
    expect(isAuditAppendOnlyViolation(await failure(prisma.auditLog.update({ where: { id: 1 }, data: { basis: null } })))).toBe(true)
    expect(isAuditAppendOnlyViolation(await failure(prisma.auditLog.deleteMany({})))).toBe(true)
    expect(isAuditAppendOnlyViolation(await failure(prisma.auditLog.delete({ where: { id: 1 } })))).toBe(true)
    await expect(prisma.$executeRawUnsafe('DELETE FROM AuditLog')).rejects.toThrow(/audit log is append-only/)
    expect(await prisma.auditLog.findMany({ select: { actorId: true } })).toEqual([{ actorId: 'staff-li' }])
  })
})
