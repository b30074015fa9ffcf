import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createApp } from './app.js'
import { signStaffToken } from './auth/token.js'
import type { PrismaClient } from './db/client.js'
import { startTestGateway, TEST_NOW, TEST_SECRET, type TestGateway } from './test/gateway.js'

// The gateway behind a real HTTP listener on a free port, as `serve` runs it.

let gw: TestGateway
const servers: Server[] = []

async function listen(app: ReturnType<typeof createApp>): Promise<string> {
  const server = createServer(app)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, staffId?: string): Promise<{ status: number; text: string; body: any }> {
  const token = staffId === undefined ? undefined : await signStaffToken(staffId, TEST_SECRET, { now: TEST_NOW })
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  })
  const text = await response.text()
  return { status: response.status, text, body: JSON.parse(text) }
}

// Seeding the first gateway of a test process can take a while on a busy machine.
beforeEach(async () => {
  gw = await startTestGateway()
}, 60_000)
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))))
  await gw.close()
})

describe('the gateway over HTTP', () => {
  it('answers a query with a token and refuses one without (UNAUTHENTICATED)', async () => {
    const url = await listen(gw.app)
    const me = await post(url, '{ me { staffId name roles } }', {}, 'staff-li')
    expect(me.status).toBe(200)
    expect(me.body).toEqual({ data: { me: { staffId: 'staff-li', name: expect.any(String), roles: ['manager', 'departmentHead'] } } })
    const anonymous = await post(url, '{ me { name } }')
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
    expect(anonymous.body.data ?? null).toBeNull()
    const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await signStaffToken('staff-li', 'another-secret-another-secret-another-0')}` }, body: JSON.stringify({ query: '{ me { name } }' }) })
    expect(((await forged.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED')
  })

  it('runs a mutation and a page of customers', async () => {
    const url = await listen(gw.app)
    const registered = await post(
      url,
      'mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { __typename ... on RegisterCustomerPayload { customer { customerId tier stage owner { staffId } } } } }',
      { input: { name: '宁波港口物流有限公司', annualVolume: '1200000.00', scale: 'large', urgency: 'urgent', hasIntention: true, hasBusinessHistory: true } },
      'staff-zhou',
    )
    expect(registered.body.data.registerCustomer).toMatchObject({ __typename: 'RegisterCustomerPayload', customer: { tier: 'key', stage: 'prospect', owner: { staffId: 'staff-zhou' } } })
    const page = await post(url, '{ customers(first: 20, text: "宁波港口") { edges { node { customerId name } } } }', {}, 'staff-zhou')
    expect(page.body.data.customers.edges.map((e: any) => e.node.customerId)).toEqual([registered.body.data.registerCustomer.customer.customerId])
  })

  it('masks an internal error: "Unexpected error." with no message, stack or path to the cause', async () => {
    const failing = new Proxy(gw.prisma, {
      get(target, property, receiver) {
        if (property === 'customer') return { findMany: () => Promise.reject(new Error('SQLITE_CORRUPT: database disk image is malformed at /srv/secret/kehu.db')) }
        return Reflect.get(target, property, receiver) as unknown
      },
    }) as PrismaClient
    const url = await listen(createApp({ prisma: failing, jwtSecret: TEST_SECRET, now: () => TEST_NOW }))
    const result = await post(url, '{ customers(first: 5) { edges { node { name } } } }', {}, 'staff-zhao')
    expect(result.body.errors).toHaveLength(1)
    expect(result.body.errors[0].message).toBe('Unexpected error.')
    expect(result.text).not.toMatch(/SQLITE|secret|kehu\.db|stack|at .*\.ts/)
  })

  it('serves GraphiQL on GET /graphql in development and not in production', async () => {
    const development = await listen(createApp({ prisma: gw.prisma, jwtSecret: TEST_SECRET, graphiql: true }))
    const page = await fetch(development, { headers: { accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/graphiql/i)

    const previous = process.env['NODE_ENV']
    process.env['NODE_ENV'] = 'production'
    let production: ReturnType<typeof createApp>
    try {
      production = createApp({ prisma: gw.prisma, jwtSecret: TEST_SECRET })
    } finally {
      process.env['NODE_ENV'] = previous
    }
    const closed = await fetch(await listen(production), { headers: { accept: 'text/html' } })
    expect(await closed.text()).not.toMatch(/graphiql/i)
    expect(closed.status).not.toBe(200)
  })

  it('refuses an operation over the limits with its code, over HTTP too', async () => {
    const url = await listen(gw.app)
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { name }`).join(' ')} }`
    const result = await post(url, aliases, {}, 'staff-zhao')
    expect(result.body.errors[0].extensions).toMatchObject({ code: 'OPERATION_TOO_MANY_ALIASES', limit: 15 })
    expect(result.body.data).toBeUndefined()
  })
})
