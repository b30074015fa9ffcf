import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestGateway, type TestGateway } from '../test/gateway.js'
import { MAX_PAGE_SIZE } from './pageSize.js'

let gw: TestGateway
beforeAll(async () => {
  gw = await startTestGateway()
})
afterAll(async () => {
  await gw.close()
})

describe('the page size of connections', () => {
  it.each([
    ['customers(first: $n)', 'first', MAX_PAGE_SIZE + 1],
    ['customers(last: $n)', 'last', 500],
    ['customers(first: $n)', 'first', -1],
    ['staffDirectory(first: $n)', 'first', 1000],
  ])('refuses %s with n = %i as BAD_USER_INPUT naming the argument and the limit, reading nothing', async (field, argument, n) => {
    const result = await gw.gql(`query($n: Int) { ${field} { edges { cursor } } }`, { n }, 'staff-zhao')
    expect(result.data).toBeNull()
    expect(result.errors).toHaveLength(1)
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: argument, limit: MAX_PAGE_SIZE })
    expect(result.errors![0].extensions.messageZh).toContain(String(MAX_PAGE_SIZE))
  })

  it('serves a page of exactly the limit', async () => {
    const result = await gw.gql(`query($n: Int) { customers(first: $n) { edges { cursor } } }`, { n: MAX_PAGE_SIZE }, 'staff-zhao')
    expect(result.errors).toBeUndefined()
    expect(result.data.customers.edges.length).toBe(Math.min(MAX_PAGE_SIZE, await gw.prisma.customer.count()))
  })
})
