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

  it('refuses a body over maxRequestBytes with 413, declared or chunked, and runs nothing', async () => {
    const url = await listen(createApp({ prisma: gw.prisma, jwtSecret: TEST_SECRET, now: () => TEST_NOW, limits: { maxRequestBytes: 2000 } }))
    const token = await signStaffToken('staff-zhao', TEST_SECRET, { now: TEST_NOW })
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }
    const register = (name: string): string =>
      JSON.stringify({
        query: 'mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) { __typename } }',
        variables: { input: { name, annualVolume: '1200000.00', scale: 'large', urgency: 'urgent', hasIntention: true, hasBusinessHistory: true } },
      })
    const before = await gw.prisma.customer.count()
    const large = register(`上海${'很'.repeat(800)}有限公司`)
    expect(Buffer.byteLength(large)).toBeGreaterThan(2000)
    // Content-Length declared: refused on the header.
    const declared = await fetch(url, { method: 'POST', headers, body: large })
    expect(declared.status).toBe(413)
    expect(((await declared.json()) as any).errors[0].extensions).toMatchObject({ code: 'REQUEST_TOO_LARGE', limit: 2000 })
    // No Content-Length (chunked): refused once the count passes the limit.
    const bytes = new TextEncoder().encode(large)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 500) controller.enqueue(bytes.slice(at, at + 500))
        controller.close()
      },
    })
    const chunked = await fetch(url, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit)
    expect(chunked.status).toBe(413)
    expect(((await chunked.json()) as any).errors[0].extensions).toMatchObject({ code: 'REQUEST_TOO_LARGE', limit: 2000 })
    expect(await gw.prisma.customer.count()).toBe(before)
    // Under the limit, both ways, the same request runs.
    const small = register('上海小件包装有限公司')
    expect(Buffer.byteLength(small)).toBeLessThan(2000)
    const ok = await fetch(url, { method: 'POST', headers, body: small })
    expect(((await ok.json()) as any).data.registerCustomer.__typename).toBe('RegisterCustomerPayload')
    expect(await gw.prisma.customer.count()).toBe(before + 1)
    const smallChunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{ "query": "{ me { staffId } }"'))
        controller.enqueue(new TextEncoder().encode(' }'))
        controller.close()
      },
    })
    const okChunked = await fetch(url, { method: 'POST', headers, body: smallChunked, duplex: 'half' } as RequestInit)
    expect(await okChunked.json()).toEqual({ data: { me: { staffId: 'staff-zhao' } } })
  })
})
