import { createContextCache } from '@pothos/core'

import type { PrismaClient, Staff as StaffRow, Visit as VisitRow } from '../generated/prisma/client.js'

/**
 * A customer's owner and latest visit, the two relations of the customer list, resolved as plain
 * fields rather than Prisma-plugin relations. A plugin relation looks up, for every row, where its
 * data was planned in the response (a walk of the response path); on a page of 20 customers that
 * bookkeeping cost about as much as the rest of their fields. Here a row answers at once when its
 * reader preloaded the relation, and otherwise the rows of a request are loaded together: the
 * statement count of a page stays the same however many customers it holds.
 */

/** The row property the plain-SQL page reader sets to a customer's latest visit (or null). */
export const LATEST_VISIT = 'latestVisit'

/** The newest visit first: the order of `Customer.visits` and of `lastVisit`. */
export const VISITS_NEWEST_FIRST = [{ startAt: 'desc' }, { id: 'asc' }] as const satisfies readonly Record<string, 'asc' | 'desc'>[]

interface CustomerRow {
  readonly id: string
  readonly ownerId: string | null
  readonly owner?: StaffRow | null
}

/**
 * The customer's owner: the row's own when it was read with it, else looked up by id. Prisma
 * batches the lookups by unique id made in one tick, so the owners of a page are one statement.
 */
export function ownerOfCustomer(customer: CustomerRow, prisma: PrismaClient): StaffRow | null | Promise<StaffRow | null> {
  if (customer.owner !== undefined) return customer.owner
  if (customer.ownerId === null) return null
  return prisma.staff.findUnique({ where: { id: customer.ownerId } })
}

/** The customer's latest visit (最近一次拜访): the row's own when preloaded, else batched per request. */
export function latestVisitOfCustomer(customer: CustomerRow, prisma: PrismaClient, context: object): VisitRow | null | Promise<VisitRow | null> {
  const preloaded = (customer as { [LATEST_VISIT]?: VisitRow | null })[LATEST_VISIT]
  if (preloaded !== undefined) return preloaded
  return latestVisitBatches(context).load(prisma, customer.id)
}

/**
 * Collects the customers whose latest visit is asked for in one turn of the event loop's
 * microtasks (the rows of a list resolve their fields together), then reads their visits in one
 * statement, newest first, and keeps each customer's first.
 */
class LatestVisitBatch {
  private pending: Map<string, Waiter[]> | undefined

  load(prisma: PrismaClient, customerId: string): Promise<VisitRow | null> {
    return new Promise((resolve, reject) => {
      let pending = this.pending
      if (pending === undefined) {
        const batch = (pending = this.pending = new Map())
        queueMicrotask(() => {
          this.pending = undefined
          void flush(prisma, batch)
        })
      }
      const waiting = pending.get(customerId)
      if (waiting === undefined) pending.set(customerId, [{ resolve, reject }])
      else waiting.push({ resolve, reject })
    })
  }
}

interface Waiter {
  readonly resolve: (visit: VisitRow | null) => void
  readonly reject: (error: unknown) => void
}

async function flush(prisma: PrismaClient, batch: Map<string, Waiter[]>): Promise<void> {
  try {
    const visits = await prisma.visit.findMany({ where: { customerId: { in: [...batch.keys()] } }, orderBy: [...VISITS_NEWEST_FIRST] })
    const latest = new Map<string, VisitRow>()
    for (const visit of visits) if (!latest.has(visit.customerId)) latest.set(visit.customerId, visit)
    for (const [customerId, waiting] of batch) for (const waiter of waiting) waiter.resolve(latest.get(customerId) ?? null)
  } catch (error) {
    for (const waiting of batch.values()) for (const waiter of waiting) waiter.reject(error)
  }
}

const latestVisitBatches = createContextCache(() => new LatestVisitBatch())
