import { describe, expect, it } from 'vitest'

import type { PrismaClient } from '../generated/prisma/client.js'
import { LATEST_VISIT, latestVisitOfCustomer, ownerOfCustomer } from './customerRelations.js'

interface FakeVisit {
  id: string
  customerId: string
  startAt: Date
}

/** A client whose visit reads answer from `visits` (newest first, as asked) and are recorded. */
function fakePrisma(visits: FakeVisit[], fail = false) {
  const calls: unknown[] = []
  const staffCalls: unknown[] = []
  const prisma = {
    visit: {
      findMany: async (args: { where: { customerId: { in: string[] } } }) => {
        calls.push(args)
        if (fail) throw new Error('database is locked')
        return visits
          .filter((v) => args.where.customerId.in.includes(v.customerId))
          .sort((a, b) => b.startAt.getTime() - a.startAt.getTime() || a.id.localeCompare(b.id))
      },
    },
    staff: {
      findUnique: async (args: { where: { id: string } }) => {
        staffCalls.push(args)
        return { id: args.where.id, name: '赵明' }
      },
    },
  }
  return { prisma: prisma as unknown as PrismaClient, calls, staffCalls }
}

const at = (iso: string): Date => new Date(iso)

describe('a customer page’s latest visits', () => {
  it('reads the latest visit of every customer asked for in one tick in one statement', async () => {
    const { prisma, calls } = fakePrisma([
      { id: 'v1', customerId: 'c1', startAt: at('2026-03-01T02:00:00Z') },
      { id: 'v2', customerId: 'c1', startAt: at('2026-03-04T02:00:00Z') },
      { id: 'v3', customerId: 'c2', startAt: at('2026-02-01T02:00:00Z') },
    ])
    const context = {}
    const customer = (id: string) => ({ id, ownerId: null })
    const [first, second, none, again] = await Promise.all([
      latestVisitOfCustomer(customer('c1'), prisma, context),
      latestVisitOfCustomer(customer('c2'), prisma, context),
      latestVisitOfCustomer(customer('c3'), prisma, context),
      latestVisitOfCustomer(customer('c1'), prisma, context),
    ])
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ where: { customerId: { in: ['c1', 'c2', 'c3'] } } })
    expect(first?.id).toBe('v2')
    expect(again?.id).toBe('v2')
    expect(second?.id).toBe('v3')
    expect(none).toBeNull()
  })

  it('answers from the row when the page read it, and reads nothing', async () => {
    const { prisma, calls } = fakePrisma([])
    const visit = { id: 'v9', customerId: 'c1', startAt: at('2026-03-04T02:00:00Z') }
    expect(latestVisitOfCustomer({ id: 'c1', ownerId: null, [LATEST_VISIT]: visit } as never, prisma, {})).toBe(visit)
    expect(latestVisitOfCustomer({ id: 'c2', ownerId: null, [LATEST_VISIT]: null } as never, prisma, {})).toBeNull()
    await Promise.resolve()
    expect(calls).toHaveLength(0)
  })

  it('keeps the requests apart: each request context has its own batch', async () => {
    const { prisma, calls } = fakePrisma([{ id: 'v1', customerId: 'c1', startAt: at('2026-03-01T02:00:00Z') }])
    await Promise.all([latestVisitOfCustomer({ id: 'c1', ownerId: null }, prisma, {}), latestVisitOfCustomer({ id: 'c1', ownerId: null }, prisma, {})])
    expect(calls).toHaveLength(2)
  })

  it('fails every customer of the batch when the read fails', async () => {
    const { prisma } = fakePrisma([], true)
    const context = {}
    const results = await Promise.allSettled([latestVisitOfCustomer({ id: 'c1', ownerId: null }, prisma, context), latestVisitOfCustomer({ id: 'c2', ownerId: null }, prisma, context)])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
  })
})

describe('a customer’s owner', () => {
  it('is the row’s own when read with it, null without an owner, else looked up by id', async () => {
    const { prisma, staffCalls } = fakePrisma([])
    const owner = { id: 'staff-zhou', name: '周' }
    expect(ownerOfCustomer({ id: 'c1', ownerId: 'staff-zhou', owner } as never, prisma)).toBe(owner)
    expect(ownerOfCustomer({ id: 'c2', ownerId: null }, prisma)).toBeNull()
    expect(staffCalls).toHaveLength(0)
    expect(await ownerOfCustomer({ id: 'c3', ownerId: 'staff-li' }, prisma)).toMatchObject({ id: 'staff-li' })
    expect(staffCalls).toEqual([{ where: { id: 'staff-li' } }])
  })
})
