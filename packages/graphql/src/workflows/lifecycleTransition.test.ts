import { type LifecycleContext, type LifecycleEvent, transitionCustomer } from '@kehu/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { staffFromRow } from '../db/mappers.js'
import { startTestGateway, type TestGateway } from '../test/gateway.js'
import { lifecycleFromRow } from './lifecycleState.js'
import { readLifecycleRow } from './lifecycleTransition.js'

let gw: TestGateway
beforeAll(async () => {
  gw = await startTestGateway()
}, 60_000)
afterAll(async () => {
  await gw.close()
})

/** A lifecycle mutation and the core event it stands for (contexts are read from the database). */
type Step = { readonly mutation: string; readonly input: Record<string, unknown>; readonly event: () => Promise<{ event: LifecycleEvent; context: Omit<LifecycleContext, 'at'> }> }

const step = (customerId: string): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.constant({ mutation: 'startCustomerDevelopment', input: { customerId }, event: async () => ({ event: { type: 'startDevelopment' as const }, context: {} }) }),
    fc.constant({ mutation: 'sendCustomerAgreement', input: { customerId }, event: async () => ({ event: { type: 'sendAgreement' as const }, context: {} }) }),
    fc.record({ supply: fc.boolean(), quality: fc.boolean() }).map(({ supply, quality }) => ({
      mutation: 'signCustomer',
      input: { customerId, supplyContractSigned: supply, qualityContractSigned: quality },
      event: async () => {
        const codes = await gw.prisma.customer.findMany({ where: { customerCode: { not: null } }, select: { customerCode: true } })
        return { event: { type: 'sign' as const, supplyContractSigned: supply, qualityContractSigned: quality }, context: { existingCustomerCodes: codes.map((c) => c.customerCode!) } }
      },
    })),
    fc.constantFrom('staff-sun', 'staff-qian').map((staffId) => ({
      mutation: 'activateCustomer',
      input: { customerId, commerceStaffId: staffId },
      event: async () => ({ event: { type: 'activate' as const, commerceStaff: staffFromRow(await gw.prisma.staff.findUniqueOrThrow({ where: { id: staffId } })) }, context: {} }),
    })),
    fc.constant({ mutation: 'enterCustomerMaintenance', input: { customerId }, event: async () => ({ event: { type: 'enterMaintenance' as const }, context: {} }) }),
    fc.constant({ mutation: 'churnCustomer', input: { customerId, reason: '转向竞争对手' }, event: async () => ({ event: { type: 'churn' as const, reason: '转向竞争对手' }, context: {} }) }),
    fc.constant({ mutation: 'winBackCustomer', input: { customerId }, event: async () => ({ event: { type: 'winBack' as const }, context: {} }) }),
  )

// One seeded customer of each of the twelve demo profiles: every stage and phase is a starting point.
const customers = Array.from({ length: 12 }, (_, k) => `cust-${String(k + 1).padStart(3, '0')}`)

describe('every lifecycle mutation does what core says on the stored state (R-LIF-1..5)', () => {
  it('accepted: the row becomes core’s new state; refused: the same code and rule, and the row is unchanged', { timeout: 120_000 }, async () => {
    let clock = new Date('2026-03-02T02:00:00Z').getTime()
    const seen = { accepted: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...customers).chain((customerId) => fc.array(fc.tuple(step(customerId), fc.integer({ min: -2, max: 48 })), { minLength: 1, maxLength: 6 })),
        async (steps) => {
          for (const [next, hours] of steps) {
            // Mostly forward in time; now and then an event earlier than the last change (R-LIF-1 time order).
            clock += hours * 3_600_000
            const at = new Date(clock)
            gw.setNow(at)
            const customerId = next.input['customerId'] as string
            const before = (await readLifecycleRow(gw.prisma, customerId))!
            const { event, context } = await next.event()
            const expected = transitionCustomer(lifecycleFromRow(before), event, { ...context, at })

            const typeName = next.mutation[0]!.toUpperCase() + next.mutation.slice(1)
            const result = await gw.gql(
              `mutation M($input: ${typeName}Input!) { ${next.mutation}(input: $input) { __typename ... on BusinessError { code ruleId } ... on RuleRefusalError { guard } } }`,
              { input: next.input },
              'staff-zhao',
            )
            expect(result.errors).toBeUndefined()
            const outcome = result.data[next.mutation]
            const after = (await readLifecycleRow(gw.prisma, customerId))!
            if (expected.ok) {
              expect(outcome.__typename).toBe(`${typeName}Payload`)
              expect(lifecycleFromRow(after)).toEqual(expected.state)
              seen.accepted += 1
            } else {
              expect(outcome).toEqual({ __typename: 'RuleRefusalError', code: expected.refusal.code, ruleId: expected.refusal.ruleId, guard: expected.refusal.guard })
              expect(after).toEqual(before)
              seen.refused += 1
            }
          }
        },
      ),
      { numRuns: 25, seed: 20260302 },
    )
    // Both branches were exercised.
    expect(seen.accepted).toBeGreaterThan(10)
    expect(seen.refused).toBeGreaterThan(10)
  })
})
