import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { decideAccess } from '@kehu/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ACCESS_SELECT, customerRecordRef } from './access/customerAccess.js'
import { signStaffToken } from './auth/token.js'
import { staffFromRow } from './db/mappers.js'
import { startTestGateway, TEST_NOW, TEST_SECRET, type TestGateway } from './test/gateway.js'

// R-ACC-1/2 authorization matrix over real HTTP: every demo role × every read path that reaches a
// customer archive, against one customer of team-east owned by a specialist and followed by
// commerce. Expected outcomes are written out by hand and checked against core's decideAccess.

type Outcome = 'allowed' | 'denied' | 'unauthenticated'

const ROLES: readonly { readonly label: string; readonly staffId: string | undefined; readonly expected: Outcome }[] = [
  { label: 'general manager 总经理', staffId: 'staff-wang', expected: 'allowed' },
  { label: 'director 总监', staffId: 'staff-zhao', expected: 'allowed' },
  { label: 'manager of the owner’s team', staffId: 'staff-li', expected: 'allowed' },
  { label: 'manager of another team', staffId: 'staff-chen', expected: 'denied' },
  { label: 'specialist who owns it', staffId: 'staff-zhou', expected: 'allowed' },
  { label: 'specialist of another team', staffId: 'staff-zheng', expected: 'denied' },
  { label: 'commerce staff following it', staffId: 'staff-sun', expected: 'allowed' },
  { label: 'finance (not following it)', staffId: 'staff-qian', expected: 'denied' },
  { label: 'staff who has left', staffId: 'staff-liu', expected: 'unauthenticated' },
  { label: 'no token', staffId: undefined, expected: 'unauthenticated' },
]

let gw: TestGateway
let server: Server
let url: string
let target: { id: string; name: string; ownerId: string }
/** Customer fields that lead to other records (relations, computed objects), found by introspection. */
let nestedFields: string[] = []

async function post(query: string, variables: Record<string, unknown>, staffId: string | undefined): Promise<{ text: string; body: any }> {
  const token = staffId === undefined ? undefined : await signStaffToken(staffId, TEST_SECRET, { now: TEST_NOW })
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) }, body: JSON.stringify({ query, variables }) })
  const text = await response.text()
  return { text, body: JSON.parse(text) }
}

const views = async (): Promise<{ allowed: boolean }[]> =>
  (await gw.prisma.auditLog.findMany({ where: { action: 'customer.view', subjectId: target.id }, select: { details: true }, orderBy: { id: 'asc' } })).map((row) => row.details as { allowed: boolean })

beforeAll(async () => {
  gw = await startTestGateway()
  server = createServer(gw.app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
  const row = await gw.prisma.customer.findFirstOrThrow({
    where: { ownerId: 'staff-zhou', commerceStaffId: 'staff-sun', coOwners: { none: { staffId: { in: ['staff-chen', 'staff-zheng', 'staff-qian'] } } } },
    select: { id: true, name: true, ownerId: true },
  })
  target = { id: row.id, name: row.name, ownerId: row.ownerId! }
  const types = await post('{ __type(name: "Customer") { fields { name args { type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }', {}, 'staff-zhao')
  const leaf = (type: any): string => (type.ofType == null ? type.kind : leaf(type.ofType))
  nestedFields = types.body.data.__type.fields
    .filter((f: any) => leaf(f.type) === 'OBJECT' && f.args.every((a: any) => a.type.kind !== 'NON_NULL'))
    .map((f: any) => f.name as string)
}, 60_000)
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await gw.close()
})

describe('the expected outcomes are core’s decideAccess (R-ACC-1)', () => {
  it.each(ROLES.filter((r) => r.staffId !== undefined))('$label', async ({ staffId, expected }) => {
    const staff = staffFromRow(await gw.prisma.staff.findUniqueOrThrow({ where: { id: staffId! } }))
    const record = customerRecordRef(await gw.prisma.customer.findUniqueOrThrow({ where: { id: target.id }, select: ACCESS_SELECT }))
    const decision = decideAccess({ actor: staff, action: 'view', record, at: TEST_NOW })
    expect(decision.allowed).toBe(expected === 'allowed')
    if (expected === 'unauthenticated') expect(decision.reason.code).toBe('ACCESS.INACTIVE_STAFF')
  })
  it('covers the nested relations of a customer defined in the schema', () => {
    expect(nestedFields).toEqual(expect.arrayContaining(['owner', 'contacts', 'completeness']))
  })
})

describe.each(ROLES)('$label', ({ staffId, expected }) => {
  it('customers: lists the customer exactly when allowed, nested owner and contacts included, and records nothing', async () => {
    const before = (await views()).length
    const { body } = await post('{ customers(first: 100) { edges { node { customerId owner { staffId } contacts { name } } } } }', {}, staffId)
    if (expected === 'unauthenticated') {
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
    } else {
      expect(body.errors).toBeUndefined()
      const listed = body.data.customers.edges.find((e: any) => e.node.customerId === target.id)
      expect(listed !== undefined).toBe(expected === 'allowed')
      if (listed !== undefined) expect(listed.node.owner.staffId).toBe(target.ownerId)
    }
    expect((await views()).length).toBe(before)
  })

  const single: readonly [string, () => { query: string; variables: Record<string, unknown>; pick: (data: any) => unknown }][] = [
    ['customer(id)', () => ({ query: 'query($id: String!) { customer(id: $id) { customerId name } }', variables: { id: target.id }, pick: (d) => d?.customer })],
    ['node(id) on Customer', () => ({ query: 'query($id: ID!) { node(id: $id) { ... on Customer { customerId name } } }', variables: { id: Buffer.from(`Customer:${target.id}`).toString('base64') }, pick: (d) => d?.node })],
    ['customer(id) { owner }', () => ({ query: 'query($id: String!) { customer(id: $id) { owner { staffId name } } }', variables: { id: target.id }, pick: (d) => d?.customer?.owner })],
    ['customer(id) { contacts }', () => ({ query: 'query($id: String!) { customer(id: $id) { contacts { name phone } } }', variables: { id: target.id }, pick: (d) => d?.customer?.contacts })],
    ['node(id) { … on Customer { owner contacts } }', () => ({ query: 'query($id: ID!) { node(id: $id) { ... on Customer { owner { name } contacts { name } } } }', variables: { id: Buffer.from(`Customer:${target.id}`).toString('base64') }, pick: (d) => d?.node })],
  ]

  it.each(single)('%s: answers as decided and records exactly one view', async (_path, build) => {
    const { query, variables, pick } = build()
    const before = await views()
    const { text, body } = await post(query, variables, staffId)
    const after = await views()
    if (expected === 'allowed') {
      expect(body.errors).toBeUndefined()
      expect(pick(body.data)).toBeTruthy()
      expect(after.slice(before.length)).toEqual([expect.objectContaining({ allowed: true })])
    } else if (expected === 'denied') {
      expect(body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', ruleId: expect.stringMatching(/^R-ACC-/) })
      expect(pick(body.data) ?? null).toBeNull()
      expect(text).not.toContain(target.name)
      expect(after.slice(before.length)).toEqual([expect.objectContaining({ allowed: false })])
    } else {
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
      expect(after).toHaveLength(before.length)
    }
  })

  it('every nested relation of the customer: only through an allowed, recorded view', async () => {
    for (const field of nestedFields) {
      const before = (await views()).length
      const { text, body } = await post(`query($id: String!) { customer(id: $id) { customerId ${field} { __typename } } }`, { id: target.id }, staffId)
      const recorded = (await views()).length - before
      if (expected === 'allowed') {
        expect({ field, errors: body.errors }).toEqual({ field, errors: undefined })
        expect(body.data.customer.customerId).toBe(target.id)
        expect({ field, recorded }).toEqual({ field, recorded: 1 })
      } else {
        expect({ field, code: body.errors?.[0]?.extensions?.code }).toEqual({ field, code: expected === 'denied' ? 'FORBIDDEN' : 'UNAUTHENTICATED' })
        expect(body.data?.customer ?? null).toBeNull()
        expect(text).not.toContain(target.name)
        expect({ field, recorded }).toEqual({ field, recorded: expected === 'denied' ? 1 : 0 })
      }
    }
  })

  it('node(id) on Staff: the directory is open to active staff only, and is not a customer view', async () => {
    const before = (await views()).length
    const { body } = await post('query($id: ID!) { node(id: $id) { ... on Staff { staffId name roles teamId active } } }', { id: Buffer.from(`Staff:${target.ownerId}`).toString('base64') }, staffId)
    if (expected === 'unauthenticated') expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
    else expect(body.data.node).toMatchObject({ staffId: target.ownerId, teamId: 'team-east', active: true })
    expect((await views()).length).toBe(before)
  })
})
