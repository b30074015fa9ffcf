import { fc, test } from '@fast-check/vitest'
import { parse } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApp } from '../app.js'
import { openReadDatabase } from '../db/readDatabase.js'
import { postOperation, startTestGateway, TEST_SECRET, type TestGateway } from '../test/gateway.js'
import { schema } from '../schema/index.js'
import { compiledExecutionPlugins, compileGate, CompiledExecutionError, defaultCompiledExecution, resolveCompiledExecution } from './compiledExecution.js'

/** Whether the plugins under `afterRuns` hand yoga a compiled executor for this run of `document`. */
function runsCompiled(plugin: ReturnType<typeof compiledExecutionPlugins>[number], document: ReturnType<typeof parse>, operationName?: string): boolean {
  let compiled = false
  const onExecute = plugin.onExecute as unknown as (payload: { args: object; setExecuteFn: () => void }) => void
  onExecute({ args: { schema, document, operationName }, setExecuteFn: () => (compiled = true) })
  return compiled
}

describe('compileGate', () => {
  test.prop([fc.nat(20), fc.nat(40)])('answers false for exactly the first afterRuns runs of a document, then true for good', (afterRuns, runs) => {
    const gate = compileGate(afterRuns)
    const document = parse('{ __typename }')
    const answers = Array.from({ length: runs }, () => gate(document))
    expect(answers.filter((compiled) => !compiled)).toHaveLength(Math.min(runs, afterRuns))
    expect(answers.indexOf(true) === -1 || answers.slice(answers.indexOf(true)).every(Boolean)).toBe(true)
  })

  it('counts each document on its own', () => {
    const gate = compileGate(1)
    const [a, b] = [parse('{ __typename }'), parse('{ __typename }')]
    expect([gate(a), gate(a), gate(b), gate(a), gate(b)]).toEqual([false, true, false, true, true])
  })
})

describe('compiledExecutionPlugins', () => {
  it('hands yoga a compiled executor from the run after afterRuns, for each document', () => {
    const [plugin] = compiledExecutionPlugins({ afterRuns: 2 })
    const page = parse('{ customers(first: 20) { edges { node { name tier } } } }')
    expect([runsCompiled(plugin!, page), runsCompiled(plugin!, page), runsCompiled(plugin!, page), runsCompiled(plugin!, page)]).toEqual([false, false, true, true])
  })

  it('adds no plugin when compiling is off', () => {
    expect(compiledExecutionPlugins(false)).toEqual([])
  })
})

describe('resolveCompiledExecution', () => {
  it('defaults to compiling from the second run, and keeps false and { afterRuns }', () => {
    expect(resolveCompiledExecution(undefined)).toEqual({ afterRuns: 1 })
    expect(defaultCompiledExecution).toEqual({ afterRuns: 1 })
    expect(resolveCompiledExecution(false)).toBe(false)
    expect(resolveCompiledExecution({ afterRuns: 0 })).toEqual({ afterRuns: 0 })
  })

  it.each([[{ afterRuns: -1 }], [{ afterRuns: 1.5 }], [{ afterRuns: '2' }], [{ afterRuns: Number.NaN }], [{}], [null], [true], [3]])('refuses %j, naming the option and the value', (value) => {
    expect(() => resolveCompiledExecution(value as never)).toThrow(CompiledExecutionError)
    expect(() => resolveCompiledExecution(value as never)).toThrow(/compileOperations must be false or \{ afterRuns: n \}/)
    expect(() => createApp({ prisma: {} as never, jwtSecret: TEST_SECRET, compileOperations: value as never })).toThrow(CompiledExecutionError)
  })
})

// The same operations through an app that never compiles and one that compiles at once must give
// byte-identical answers: data, typed refusals, access errors and input errors alike.
describe('compiled and standard execution answer alike', () => {
  let gw: TestGateway
  let standard: ReturnType<typeof createApp>
  let closeRead: () => void
  let customerId: string
  let otherTeamCustomerId: string
  let existingName: string

  beforeAll(async () => {
    gw = await startTestGateway()
    const main = (await gw.prisma.$queryRawUnsafe<{ name: string; file: string }[]>('PRAGMA database_list')).find((row) => row.name === 'main')!
    const readDatabase = openReadDatabase(`file:${main.file}`)
    closeRead = () => readDatabase.close()
    standard = createApp({ prisma: gw.prisma, jwtSecret: TEST_SECRET, now: () => gw.now(), readDatabase, compileOperations: false })
    customerId = (await gw.prisma.customer.findFirstOrThrow({ where: { ownerId: 'staff-zhou' }, select: { id: true } })).id
    otherTeamCustomerId = (await gw.prisma.customer.findFirstOrThrow({ where: { owner: { teamId: { not: 'team-east' } } }, select: { id: true } })).id
    existingName = (await gw.prisma.customer.findFirstOrThrow({ select: { name: true } })).name
  })
  afterAll(async () => {
    closeRead()
    await gw.close()
  })

  const post = async (app: ReturnType<typeof createApp>, query: string, variables: Record<string, unknown>, staffId: string | undefined, operationName?: string): Promise<{ status: number; text: string }> => {
    const response = await postOperation(app, { query, variables, ...(operationName === undefined ? {} : { operationName }) }, staffId, gw.now())
    return { status: response.status, text: await response.text() }
  }

  const REGISTER = `mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) {
    __typename
    ... on DuplicateCustomerError { code ruleId messageZh messageEn matches { customerId by } }
    ... on ValidationError { code ruleId issues { field code messageZh messageEn } }
  } }`
  const figures = { annualVolume: '1200000.00', scale: 'large', urgency: 'urgent', hasIntention: true, hasBusinessHistory: true }

  // Each case: a label, the operation (query, variables, staff), and text its answer must contain.
  const cases: [string, () => [string, Record<string, unknown>, string | undefined], string][] = [
    ['the benchmarked customer page', () => ['{ customers(first: 20, orderBy: NAME_ASC) { edges { cursor node { id name tier owner { staffId name } lastVisit { startAt } } } pageInfo { hasNextPage endCursor } } }', {}, 'staff-zhao'], '"lastVisit":{"startAt"'],
    ['a filtered page of a specialist, by variables', () => ['query($tier: CustomerTier, $n: Int) { customers(first: $n, tier: $tier, orderBy: UPDATED_DESC) { edges { node { customerId name stage annualVolume createdAt } } } }', { tier: 'key', n: 5 }, 'staff-zhou'], '"stage"'],
    ['an archive with its nested records', () => ['query($id: String!) { customer(id: $id) { name tier tierReasons { code ruleId messageZh messageEn } annualVolume stage owner { name } contacts { name } completeness { percent ruleId } } }', { id: customerId }, 'staff-zhou'], '"completeness"'],
    ['an archive another team may not read', () => ['query($id: String!) { customer(id: $id) { name } }', { id: otherTeamCustomerId }, 'staff-zhou'], '"FORBIDDEN"'],
    ['no token', () => ['{ customers(first: 2) { edges { node { name } } } }', {}, undefined], '"UNAUTHENTICATED"'],
    ['a page size over the limit', () => ['query($n: Int) { customers(first: $n) { edges { cursor } } }', { n: 1000 }, 'staff-zhao'], '"BAD_USER_INPUT"'],
    ['a variable of the wrong type', () => ['query($n: Int) { customers(first: $n) { edges { cursor } } }', { n: 'twenty' }, 'staff-zhao'], 'got invalid value'],
    ['a duplicate registration (typed refusal, nothing written)', () => [REGISTER, { input: { name: existingName, ...figures } }, 'staff-zhou'], '"DuplicateCustomerError"'],
    ['a registration with a bad credit code', () => [REGISTER, { input: { name: '某公司', creditCode: '123', ...figures } }, 'staff-zhou'], '"ValidationError"'],
    ['a customer of another team through node', () => ['query($id: ID!) { node(id: $id) { id ... on Customer { name } } }', { id: Buffer.from(`Customer:${otherTeamCustomerId}`).toString('base64') }, 'staff-zhou'], '"FORBIDDEN"'],
    [
      'one operation of several, with aliases and an error on a later line',
      () => [
        `query Other { me { name } }
query Both($id: String!) {
  mine: customers(first: 2, orderBy: NAME_ASC) { edges { node { name } } }
  theirs: customer(id: $id) { name }
}`,
        { id: otherTeamCustomerId },
        'staff-zhou',
      ],
      '"locations":[{"line":4,"column":3}]',
    ],
    ['introspection of the customer type', () => ['{ __type(name: "Customer") { name fields { name type { kind name ofType { kind name } } } } }', {}, 'staff-zhao'], '"__type"'],
  ]

  it.each(cases)('%s', async (_label, operation, shows) => {
    const [query, variables, staffId] = operation()
    const operationName = query.startsWith('query Other') ? 'Both' : undefined
    // The operation does compile: the comparison below is not the standard executor against itself.
    expect(runsCompiled(compiledExecutionPlugins({ afterRuns: 0 })[0]!, parse(query), operationName)).toBe(true)
    const expected = await post(standard, query, variables, staffId, operationName)
    expect(expected.text).toContain(shows)
    // Twice: the compiled function is made on the first run and reused on the second.
    for (let run = 0; run < 2; run += 1) expect(await post(gw.app, query, variables, staffId, operationName)).toEqual(expected)
  })

  it('an internal error is masked alike, at the same place', async () => {
    const failing = new Proxy(gw.prisma, {
      get(target, property, receiver) {
        if (property === 'customer') return { findMany: () => Promise.reject(new Error('SQLITE_CORRUPT: database disk image is malformed')) }
        return Reflect.get(target, property, receiver) as unknown
      },
    }) as typeof gw.prisma
    const query = '{ customers(first: 5, text: "华") { edges { node { name } } } }'
    const [plain, compiled] = [false as const, { afterRuns: 0 }].map((compileOperations) => createApp({ prisma: failing, jwtSecret: TEST_SECRET, now: () => gw.now(), compileOperations }))
    const expected = await post(plain!, query, {}, 'staff-zhao')
    expect(expected.text).toContain('Unexpected error.')
    expect(expected.text).toContain('"locations"')
    expect(await post(compiled!, query, {}, 'staff-zhao')).toEqual(expected)
  })
})
