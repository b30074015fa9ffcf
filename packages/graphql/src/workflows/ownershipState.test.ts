import { isDeepStrictEqual } from 'node:util'

import { KehuError } from '@kehu/core'
import { OWNERSHIP_ACTIONS, type OwnershipHistoryEntry, releaseToPool } from '@kehu/core/ownership'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { TEST_NOW } from '../test/gateway.js'
import { useTestGateway } from '../test/useTestGateway.js'
import { ownershipSettings } from './ownershipPolicy.js'
import { historyEntryFromRow, historyRowFromEntry, loadOwnershipSlice, persistOwnershipResult } from './ownershipState.js'

const gw = useTestGateway()

describe('history rows ⇄ core history entries', () => {
  const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/)
  const entry = fc.record({
    customerId: id,
    action: fc.constantFrom(...OWNERSHIP_ACTIONS),
    at: fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
    by: id,
    fromOwnerId: fc.option(id, { nil: null }),
    toOwnerId: fc.option(id, { nil: null }),
    reason: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
    ruleId: fc.constantFrom('R-OWN-1', 'R-OWN-2', 'R-OWN-3', 'R-OWN-5', 'R-OWN-6'),
  })

  it('a row written from an entry reads back as the same entry', () => {
    fc.assert(
      fc.property(entry, (original: OwnershipHistoryEntry) => {
        const row = historyRowFromEntry(original)
        expect(historyEntryFromRow({ ...row, at: row.at as Date, fromOwnerId: row.fromOwnerId ?? null, toOwnerId: row.toOwnerId ?? null, reason: row.reason ?? null })).toEqual(original)
      }),
    )
  })
})

describe('loadOwnershipSlice', () => {
  it("loads a leaver's whole book in full, the successor's customers light, and everyone they name", async () => {
    const slice = await gw.prisma.$transaction((tx) => loadOwnershipSlice(tx, { customersOf: ['staff-li'], countOwnedBy: ['staff-zhou'], staffIds: ['staff-zhao'] }))
    const ownedOrCoOwned = await gw.prisma.customer.findMany({ where: { OR: [{ ownerId: 'staff-li' }, { coOwners: { some: { staffId: 'staff-li' } } }] }, select: { id: true }, orderBy: { id: 'asc' } })
    expect([...slice.fullCustomerIds].sort()).toEqual(ownedOrCoOwned.map((row) => row.id))
    // Every customer zhou owns is there (for the owner cap), whether loaded in full or light.
    const zhou = await gw.prisma.customer.count({ where: { ownerId: 'staff-zhou' } })
    expect(slice.state.customers.filter((c) => c.ownerId === 'staff-zhou')).toHaveLength(zhou)
    for (const customer of slice.state.customers) {
      if (!slice.fullCustomerIds.has(customer.id)) expect(customer).toMatchObject({ coOwnerIds: [], history: [] })
      // Only the last history entry: enough for core's time-order check.
      expect(customer.history.length).toBeLessThanOrEqual(1)
    }
    const people = new Set(slice.state.staff.map((s) => s.id))
    for (const customer of slice.state.customers) {
      if (customer.ownerId !== undefined) expect(people.has(customer.ownerId)).toBe(true)
      for (const co of customer.coOwnerIds) expect(people.has(co)).toBe(true)
    }
    expect(people.has('staff-zhao')).toBe(true)
  })

  it('counts the claims of the Asia/Shanghai day of the command only', async () => {
    // Three claims by staff-wu around the 2026-03-02 boundary (00:00 +08:00 = 2026-03-01T16:00Z).
    const claims = [
      ['cust-025', '2026-03-01T15:59:59.999Z'],
      ['cust-037', '2026-03-01T16:00:00.000Z'],
      ['cust-037', '2026-03-02T15:59:59.999Z'],
    ] as const
    for (const [customerId, at] of claims) {
      await gw.prisma.poolEntry.create({ data: { customerId, releasedAt: new Date('2026-01-01T00:00:00Z'), claimedAt: new Date(at), claimedById: 'staff-wu' } })
    }
    const slice = await gw.prisma.$transaction((tx) => loadOwnershipSlice(tx, { staffIds: ['staff-wu'], claimsOf: { staffIds: ['staff-wu'], at: TEST_NOW } }))
    expect(slice.state.claims.map((claim) => claim.at.toISOString())).toEqual(['2026-03-01T16:00:00.000Z', '2026-03-02T15:59:59.999Z'])
  })

  it('refuses a malformed row with core’s error naming it, rather than guessing', async () => {
    await gw.prisma.customer.update({ where: { id: 'cust-001' }, data: { assignedAt: null } })
    const load = gw.prisma.$transaction((tx) => loadOwnershipSlice(tx, { customerIds: ['cust-001'] }))
    await expect(load).rejects.toBeInstanceOf(KehuError)
    await expect(load).rejects.toMatchObject({ code: 'OWNERSHIP.INVALID_STATE', field: 'ownershipSlice.customers[0].assignedAt' })
  })
})

describe('persistOwnershipResult', () => {
  it('writes back exactly what core changed: owner columns, co-owners, the pool row and the history', async () => {
    // cust-008 is a key customer owned by staff-wu with staff-li as co-owner.
    const before = await gw.snapshot()
    const { calendar, policy } = ownershipSettings(gw.prisma)
    const rows = await gw.prisma.$transaction(async (tx) => {
      const slice = await loadOwnershipSlice(tx, { customerIds: ['cust-008'], staffIds: ['staff-li'] })
      const li = slice.state.staff.find((s) => s.id === 'staff-li')!
      const result = releaseToPool(slice.state, { customerId: 'cust-008', at: TEST_NOW, by: li, reason: '客户长期无回应' }, calendar, policy)
      if (!result.ok) throw new Error(result.refusal.messageEn)
      return persistOwnershipResult(tx, slice, result)
    })
    expect(rows).toMatchObject([{ customerId: 'cust-008', action: 'released', by: 'staff-li', fromOwnerId: 'staff-wu', toOwnerId: null, reason: '客户长期无回应', ruleId: 'R-OWN-6' }])
    const after = await gw.snapshot()
    // Tables the release does not concern are untouched, row for row.
    for (const table of Object.keys(before)) {
      if (['Customer', 'CustomerCoOwner', 'PoolEntry', 'OwnershipHistory'].includes(table)) continue
      expect(after[table], table).toEqual(before[table])
    }
    expect(after['CustomerCoOwner']!.length).toBe(before['CustomerCoOwner']!.length - 1)
    expect(after['PoolEntry']!.length).toBe(before['PoolEntry']!.length + 1)
    expect(after['OwnershipHistory']!.length).toBe(before['OwnershipHistory']!.length + 1)
    const changed = (after['Customer'] as { id: string }[]).filter((row, index) => !isDeepStrictEqual(row, before['Customer']![index]))
    expect(changed.map((row) => row.id)).toEqual(['cust-008'])
  })
})
