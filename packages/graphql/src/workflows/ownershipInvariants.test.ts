import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { startTestGateway, TEST_NOW, type TestGateway } from '../test/gateway.js'

// Whatever the sequence of ownership commands, by whomever and whenever, the stored state stays
// one core would accept (R-OWN-5, R-OWN-6) and the history accounts for every change.

const ACTORS = ['staff-zhou', 'staff-wu', 'staff-li', 'staff-chen', 'staff-zhao', 'staff-feng'] as const
const CUSTOMERS = ['cust-001', 'cust-002', 'cust-005', 'cust-008', 'cust-025', 'cust-037'] as const
const PEOPLE = ['staff-zhou', 'staff-wu', 'staff-feng', 'staff-li'] as const

type Command =
  | { op: 'claimFromPool'; customerId: string }
  | { op: 'assignCustomer'; customerId: string; toStaffId: string }
  | { op: 'reassignCustomer'; customerId: string; toStaffId: string; reason?: string | undefined }
  | { op: 'releaseToPool'; customerId: string; reason?: string | undefined }
  | { op: 'recordFirstContact'; customerId: string }
  | { op: 'handOverDeparting'; leaverId: string; successorId: string }

const customer = fc.constantFrom(...CUSTOMERS)
const person = fc.constantFrom(...PEOPLE)
const reason = fc.option(fc.constantFrom('客户要求更换对接人', '客户长期无回应'), { nil: undefined })
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('claimFromPool' as const), customerId: customer }),
  fc.record({ op: fc.constant('assignCustomer' as const), customerId: customer, toStaffId: person }),
  fc.record({ op: fc.constant('reassignCustomer' as const), customerId: customer, toStaffId: person, reason }, { requiredKeys: ['op', 'customerId', 'toStaffId'] }),
  fc.record({ op: fc.constant('releaseToPool' as const), customerId: customer, reason }, { requiredKeys: ['op', 'customerId'] }),
  fc.record({ op: fc.constant('recordFirstContact' as const), customerId: customer }),
  fc.record({ op: fc.constant('handOverDeparting' as const), leaverId: fc.constantFrom('staff-wu', 'staff-feng'), successorId: person }),
)
// Weighted towards the people who may change most (director, team-east manager), so that runs
// have successes as well as refusals.
const actor = fc.oneof(
  { arbitrary: fc.constant('staff-zhao'), weight: 3 },
  { arbitrary: fc.constant('staff-li'), weight: 3 },
  { arbitrary: fc.constant('staff-zhou'), weight: 2 },
  { arbitrary: fc.constant('staff-wu'), weight: 2 },
  { arbitrary: fc.constantFrom<string>(...ACTORS), weight: 2 },
)
const step = fc.record({ actor, command, advanceHours: fc.nat({ max: 72 }) })

async function send(gw: TestGateway, actor: string, command: Command): Promise<{ kind: string; entries: number } | 'unauthenticated'> {
  const { op, ...input } = command
  const typeName = op[0]!.toUpperCase() + op.slice(1)
  const result = await gw.gql(
    `mutation M($input: ${typeName}Input!) { ${op}(input: $input) { __typename ... on ${typeName}Payload { entries { customerId } } ... on BusinessError { code } } }`,
    { input },
    actor,
  )
  if (result.errors !== undefined) {
    // The only error allowed is a leaver's own request after the handover (R-OWN-5).
    expect(result.errors.map((e: any) => e.extensions?.code)).toEqual(['UNAUTHENTICATED'])
    return 'unauthenticated'
  }
  const value = result.data[op]
  return { kind: value.__typename === `${typeName}Payload` ? 'ok' : value.code, entries: value.entries?.length ?? 0 }
}

describe('ownership state invariants under random command sequences', () => {
  it('keeps owners, pool rows, co-owners, leavers and history consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const gw = await startTestGateway()
        try {
          const historyBefore = await gw.prisma.ownershipHistory.count()
          let now = TEST_NOW.getTime()
          let appended = 0
          const touched = new Set<string>()
          for (const { actor, command, advanceHours } of steps) {
            now += advanceHours * 3_600_000
            gw.setNow(new Date(now))
            const outcome = await send(gw, actor, command)
            if (outcome !== 'unauthenticated' && outcome.kind === 'ok') {
              appended += outcome.entries
              if ('customerId' in command) touched.add(command.customerId)
            }
          }

          // Every change is in the history, once.
          expect(await gw.prisma.ownershipHistory.count()).toBe(historyBefore + appended)
          const customers = await gw.prisma.customer.findMany({
            select: { id: true, ownerId: true, assignedAt: true, firstContactAt: true, coOwners: { select: { staffId: true } }, poolEntries: { where: { claimedAt: null }, select: { id: true } } },
          })
          for (const row of customers) {
            // R-OWN-6: at most one open pool row, and only for a customer without an owner.
            expect(row.poolEntries.length, row.id).toBeLessThanOrEqual(1)
            if (row.poolEntries.length === 1) expect(row.ownerId, row.id).toBeNull()
            // An owner comes with its assignment instant; no owner, no co-owners, no contact.
            expect(row.assignedAt === null, row.id).toBe(row.ownerId === null)
            if (row.ownerId === null) {
              expect(row.coOwners, row.id).toEqual([])
              expect(row.firstContactAt, row.id).toBeNull()
            }
          }
          // The owner column agrees with the last history entry of every customer a command changed.
          for (const id of touched) {
            const last = await gw.prisma.ownershipHistory.findFirstOrThrow({ where: { customerId: id }, orderBy: [{ at: 'desc' }, { id: 'desc' }] })
            expect(customers.find((c) => c.id === id)!.ownerId, id).toBe(last.toOwnerId)
          }
          // R-OWN-5: nothing stays owned or co-owned by someone who has left.
          expect(await gw.prisma.customer.count({ where: { owner: { active: false } } })).toBe(0)
          expect(await gw.prisma.customerCoOwner.count({ where: { staff: { active: false } } })).toBe(0)
        } finally {
          await gw.close()
        }
      }),
      { numRuns: 12 },
    )
  }, 240_000)
})
