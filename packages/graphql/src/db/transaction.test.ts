import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { tempDatabase } from '../test/tempDatabase.js'
import { createPrismaClient, type PrismaClient } from './client.js'
import { migrateDatabase } from './migrate.js'

let db: ReturnType<typeof tempDatabase>
let prisma: PrismaClient
beforeEach(async () => {
  db = tempDatabase()
  migrateDatabase(db.url)
  prisma = await createPrismaClient(db.url)
  await prisma.staff.createMany({
    data: [
      { id: 'leaver', name: '刘洋', roles: ['specialist'], active: true },
      { id: 'heir', name: '周强', roles: ['specialist'], active: true },
    ],
  })
  await prisma.customer.createMany({
    data: ['a', 'b', 'c'].map((id) => ({ id, name: `客户${id}`, scale: 'small', urgency: 'latent', tier: 'reserve', demandGrade: 'C', tierReasons: [], stage: 'prospect', stageUpdatedAt: new Date(), ownerId: 'leaver' })),
  })
})
afterEach(async () => {
  await prisma.$disconnect()
  db.remove()
})

describe('a multi-row write is one transaction', () => {
  it('a handover that fails halfway leaves nothing written', async () => {
    const at = new Date('2026-03-02T01:00:00Z')
    const handover = prisma.$transaction(async (tx) => {
      await tx.staff.update({ where: { id: 'leaver' }, data: { active: false, leftAt: at } })
      for (const id of ['a', 'b', 'c']) {
        await tx.customer.update({ where: { id }, data: { ownerId: 'heir' } })
        await tx.ownershipHistory.create({ data: { customerId: id, action: 'handedOver', at, by: 'manager', fromOwnerId: 'leaver', toOwnerId: 'heir', ruleId: 'R-OWN-5' } })
        if (id === 'b') {
          // A foreign key the database refuses, after several rows were written.
          await tx.customerCoOwner.create({ data: { customerId: id, staffId: 'nobody', since: at } })
        }
      }
    })
    await expect(handover).rejects.toThrow()
    expect(await prisma.staff.findUniqueOrThrow({ where: { id: 'leaver' } })).toMatchObject({ active: true, leftAt: null })
    expect((await prisma.customer.findMany({ select: { ownerId: true } })).map((c) => c.ownerId)).toEqual(['leaver', 'leaver', 'leaver'])
    expect(await prisma.ownershipHistory.count()).toBe(0)
    expect(await prisma.customerCoOwner.count()).toBe(0)
  })

  it('the same handover without the failure writes every row', async () => {
    const at = new Date('2026-03-02T01:00:00Z')
    await prisma.$transaction(async (tx) => {
      await tx.staff.update({ where: { id: 'leaver' }, data: { active: false, leftAt: at } })
      for (const id of ['a', 'b', 'c']) {
        await tx.customer.update({ where: { id }, data: { ownerId: 'heir' } })
        await tx.ownershipHistory.create({ data: { customerId: id, action: 'handedOver', at, by: 'manager', fromOwnerId: 'leaver', toOwnerId: 'heir', ruleId: 'R-OWN-5' } })
      }
    })
    expect(await prisma.ownershipHistory.count()).toBe(3)
    expect((await prisma.customer.findMany({ select: { ownerId: true } })).map((c) => c.ownerId)).toEqual(['heir', 'heir', 'heir'])
  })
})
