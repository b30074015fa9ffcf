import { Money } from '@kehu/core/money'
import { fc, test } from '@fast-check/vitest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { tempDatabase } from '../test/tempDatabase.js'
import { createPrismaClient, type PrismaClient } from './client.js'
import { migrateDatabase } from './migrate.js'
import { fenToMoney, moneyToFen } from './money.js'

// Up to ±9.2 × 10^18 fen: the whole range of SQLite's INTEGER.
const fenArb = fc.bigInt({ min: -(2n ** 63n) + 1n, max: 2n ** 63n - 1n })

describe('fenToMoney / moneyToFen', () => {
  it('maps yuan text to fen and back', () => {
    expect(moneyToFen('1,234.56')).toBe(123456n)
    expect(fenToMoney(123456n).toString()).toBe('1234.56')
    expect(moneyToFen(Money.parse('0.01'))).toBe(1n)
  })

  it('refuses floats and digits below the fen', () => {
    expect(() => moneyToFen(0.1)).toThrow()
    expect(() => moneyToFen('1.005')).toThrow()
  })

  test.prop([fenArb])('preserves every amount (fen → Money → fen)', (fen) => {
    expect(moneyToFen(fenToMoney(fen))).toBe(fen)
  })
})

describe('money in the database', () => {
  let db: ReturnType<typeof tempDatabase>
  let prisma: PrismaClient
  beforeAll(async () => {
    db = tempDatabase()
    migrateDatabase(db.url)
    prisma = await createPrismaClient(db.url)
    await prisma.customer.create({
      data: { id: 'c', name: '测试客户', scale: 'small', urgency: 'latent', tier: 'reserve', demandGrade: 'C', tierReasons: [], stage: 'prospect', stageUpdatedAt: new Date() },
    })
  })
  afterAll(async () => {
    await prisma.$disconnect()
    db.remove()
  })

  test.prop([fenArb], { numRuns: 60 })('round-trips exactly through a BigInt fen column', async (fen) => {
    const amount = fenToMoney(fen)
    await prisma.customer.update({ where: { id: 'c' }, data: { annualVolumeFen: moneyToFen(amount) } })
    const row = await prisma.customer.findUniqueOrThrow({ where: { id: 'c' }, select: { annualVolumeFen: true } })
    expect(fenToMoney(row.annualVolumeFen).equals(amount)).toBe(true)
    expect(row.annualVolumeFen).toBe(fen)
  })

  it('sums exactly in SQL', async () => {
    await prisma.contract.createMany({
      data: ['0.10', '0.20', '9007199254740993.01'].map((yuan, k) => ({ id: `k${k}`, customerId: 'c', number: `N${k}`, title: 't', amountFen: moneyToFen(yuan), status: 'draft', createdById: 's' })),
    })
    const sum = await prisma.contract.aggregate({ _sum: { amountFen: true } })
    expect(fenToMoney(sum._sum.amountFen!).toString()).toBe('9007199254740993.31')
  })
})
