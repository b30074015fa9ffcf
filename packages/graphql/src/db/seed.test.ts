import { CUSTOMER_STAGES, CUSTOMER_TIERS, isBigCustomer, validateCreditCode } from '@kehu/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { tempDatabase } from '../test/tempDatabase.js'
import { approvalRequestFromRow } from './approvals.js'
import { createPrismaClient, type PrismaClient } from './client.js'
import { staffFromRow } from './mappers.js'
import { migrateDatabase } from './migrate.js'
import { fenToMoney } from './money.js'
import { buildDemoData, DEMO_COUNTS, seedDemoCompany } from './seed.js'

let db: ReturnType<typeof tempDatabase>
let prisma: PrismaClient
let first: Awaited<ReturnType<typeof seedDemoCompany>>
beforeAll(async () => {
  db = tempDatabase()
  migrateDatabase(db.url)
  prisma = await createPrismaClient(db.url)
  first = await seedDemoCompany(prisma)
})
afterAll(async () => {
  await prisma.$disconnect()
  db.remove()
})

describe('seedDemoCompany', () => {
  it('writes the demo company', async () => {
    expect(first.seeded).toBe(true)
    expect(await prisma.team.count()).toBe(DEMO_COUNTS.teams)
    expect(await prisma.staff.count()).toBe(DEMO_COUNTS.staff)
    expect(await prisma.customer.count()).toBe(DEMO_COUNTS.customers)
    expect(await prisma.staff.count({ where: { active: false } })).toBe(1)
    for (const model of ['contact', 'timelineEvent', 'approvalRequest', 'visitPlan', 'visit', 'meetingMinutes', 'contract', 'instalment', 'payment', 'serviceTicket', 'expenseClaim', 'expenseInvoice', 'commissionStatement', 'ownershipHistory', 'poolEntry', 'auditLog', 'salesPlan', 'developmentPlan', 'customerFeedback', 'revisitPlan', 'revisit', 'serviceBudget', 'serviceCost', 'commissionProject', 'commissionProjectMember'] as const) {
      expect(await (prisma[model] as unknown as { count(): Promise<number> }).count(), model).toBeGreaterThan(0)
    }
  })

  it('is idempotent: a second run writes nothing and says why', async () => {
    const before = await prisma.customer.count()
    const again = await seedDemoCompany(prisma)
    expect(again.seeded).toBe(false)
    expect(again.seeded === false && again.reason).toMatch(/already holds data/)
    expect(await prisma.customer.count()).toBe(before)
  })

  it('is deterministic', () => {
    expect(JSON.stringify(buildDemoData(), (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).toBe(
      JSON.stringify(buildDemoData(), (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)),
    )
  })

  it('covers every tier and every stage, with big customers among them', async () => {
    const tiers = await prisma.customer.groupBy({ by: ['tier'], _count: true })
    expect(tiers.map((t) => t.tier).sort()).toEqual([...CUSTOMER_TIERS].sort())
    const stages = await prisma.customer.groupBy({ by: ['stage'], _count: true })
    expect(stages.map((s) => s.stage).sort()).toEqual([...CUSTOMER_STAGES].sort())
    expect(tiers.some((t) => isBigCustomer(t.tier as (typeof CUSTOMER_TIERS)[number]))).toBe(true)
  })

  it('holds valid credit codes and unique customer codes in the lifecycle format', async () => {
    const customers = await prisma.customer.findMany({ select: { creditCode: true, customerCode: true, stage: true } })
    for (const c of customers) expect(validateCreditCode(c.creditCode).ok, c.creditCode ?? '').toBe(true)
    const codes = customers.filter((c) => ['signed', 'active', 'churned'].includes(c.stage)).map((c) => c.customerCode)
    expect(codes.every((code) => code !== null && /^C\d{4}-\d{5}$/.test(code))).toBe(true)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('splits every contract into instalments that sum exactly to it', async () => {
    const contracts = await prisma.contract.findMany({ include: { instalments: true } })
    expect(contracts.length).toBeGreaterThan(0)
    for (const contract of contracts) {
      const sum = contract.instalments.reduce((total, i) => total + i.amountFen, 0n)
      expect(fenToMoney(sum).equals(fenToMoney(contract.amountFen))).toBe(true)
    }
  })

  it('stores staff and approval requests that core reads back', async () => {
    for (const row of await prisma.staff.findMany()) expect(staffFromRow(row).id).toBe(row.id)
    const requests = await prisma.approvalRequest.findMany({ include: { events: true } })
    for (const row of requests) expect(approvalRequestFromRow(row).status).toBe(row.status)
    expect(requests.some((r) => r.status === 'pending')).toBe(true)
    expect(requests.some((r) => r.status === 'approved')).toBe(true)
  })

  it('leaves a repeated invoice number for the R-EXP-3 check to find', async () => {
    const repeated = await prisma.expenseInvoice.groupBy({ by: ['number'], _count: { number: true }, having: { number: { _count: { gt: 1 } } } })
    expect(repeated.map((r) => r.number)).toEqual(['H52000000'])
  })
})
