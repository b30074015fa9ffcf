import { shanghaiInstant } from '@kehu/core'
import { describe, expect, it } from 'vitest'

import { useTestGateway } from '../test/useTestGateway.js'

const gw = useTestGateway({ now: shanghaiInstant('2026-03-02', '10:00') })

const TIMELINE = `query($id: String!) { customer(id: $id) { timeline { eventId kind kindZh at summary byStaffId confidential changedFields } } }`
const APPEND = `mutation($input: AppendTimelineEventInput!) { appendTimelineEvent(input: $input) {
  __typename
  ... on AppendTimelineEventPayload { eventId event { eventId customerId kind kindZh at summary byStaffId confidential changedFields } }
  ... on BusinessError { code ruleId messageZh messageEn }
  ... on ValidationError { issues { field code } }
} }`

const timeline = async (customerId: string, actor = 'staff-zhou') => (await gw.gql(TIMELINE, { id: customerId }, actor)).data.customer.timeline as { eventId: string; kind: string; at: string; byStaffId: string | null }[]
const append = async (input: Record<string, unknown>, actor = 'staff-zhou') => (await gw.gql(APPEND, { input: { customerId: 'cust-001', kind: 'call', at: '2026-03-01T02:00:00.000Z', summary: '电话确认交期', ...input } }, actor)).data.appendTimelineEvent

describe('Customer.timeline (R-ARC-6)', () => {
  it('lists the events newest first', async () => {
    // cust-001 was created 2025-01-01: the first call two days later, the major change after twenty
    expect((await timeline('cust-001')).map((event) => [event.eventId, event.kind])).toEqual([
      ['cust-001-event-2', 'majorChange'],
      ['cust-001-event-1', 'call'],
    ])
  })

  it('is reached only through a customer the actor may view (R-ACC-1)', async () => {
    const result = await gw.gql(TIMELINE, { id: 'cust-001' }, 'staff-zheng')
    expect(result.data?.customer ?? null).toBeNull()
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})

describe('appendTimelineEvent (R-ARC-6)', () => {
  it('records a contact by its Chinese kind, with the actor and an audit row, and the timeline shows it in time order', async () => {
    const added = await append({ kind: '传真', summary: '传真报价单', at: '2026-02-27T06:30:00.000Z', eventKey: 'fax-quote-0227', confidential: true })
    expect(added).toMatchObject({
      __typename: 'AppendTimelineEventPayload',
      eventId: 'cust-001-fax-quote-0227',
      event: { kind: 'fax', kindZh: '传真', at: '2026-02-27T06:30:00.000Z', byStaffId: 'staff-zhou', confidential: true, changedFields: [] },
    })
    // an older contact entered later still takes its place in time
    const older = await append({ kind: 'letter', summary: '寄送样品', at: '2025-06-01T01:00:00.000Z' })
    expect(older.__typename).toBe('AppendTimelineEventPayload')
    expect((await timeline('cust-001')).map((event) => event.eventId)).toEqual(['cust-001-fax-quote-0227', older.eventId, 'cust-001-event-2', 'cust-001-event-1'])
    const audit = await gw.prisma.auditLog.findMany({ where: { action: 'timeline.append' }, orderBy: { id: 'asc' } })
    expect(audit.map((row) => [row.actorId, row.subjectId, (row.details as { eventId: string }).eventId])).toEqual([
      ['staff-zhou', 'cust-001', 'cust-001-fax-quote-0227'],
      ['staff-zhou', 'cust-001', older.eventId],
    ])
  })

  it('records a major change with the archive fields that changed', async () => {
    const added = await append({ kind: 'majorChange', summary: '注册地址迁至杭州', changedFields: ['address', 'postalCode'] })
    expect(added.event).toMatchObject({ kind: 'majorChange', changedFields: ['address', 'postalCode'], confidential: false })
  })

  it('appends to a timeline holding events recorded without a staff member', async () => {
    await gw.prisma.timelineEvent.update({ where: { id: 'cust-001-event-1' }, data: { actorId: null } })
    expect((await append({})).__typename).toBe('AppendTimelineEventPayload')
    expect((await timeline('cust-001')).find((event) => event.eventId === 'cust-001-event-1')?.byStaffId).toBeNull()
  })

  it("lets the team's manager record on a specialist's customer", async () => {
    expect((await append({}, 'staff-li')).event.byStaffId).toBe('staff-li')
  })
})

describe('appendTimelineEvent — refusals write nothing', () => {
  async function expectRefused(input: Record<string, unknown>, actor: string, typename: string, check: (result: any) => void = () => undefined) {
    const before = await gw.snapshot()
    const audit = await gw.prisma.auditLog.count()
    const result = await append(input, actor)
    expect(result.__typename).toBe(typename)
    check(result)
    expect(await gw.snapshot()).toEqual(before)
    expect(await gw.prisma.auditLog.count()).toBe(audit)
  }

  it("refuses a key already on the customer's timeline (core's ARCHIVE.DUPLICATE_EVENT_ID)", async () => {
    await expectRefused({ eventKey: 'event-1' }, 'staff-zhou', 'RuleRefusalError', (r) => expect(r).toMatchObject({ code: 'ARCHIVE.DUPLICATE_EVENT_ID', ruleId: 'R-ARC-6' }))
  })

  it('refuses a retry with the same key instead of recording the contact twice', async () => {
    expect((await append({ eventKey: 'call-0301' })).__typename).toBe('AppendTimelineEventPayload')
    await expectRefused({ eventKey: 'call-0301' }, 'staff-zhou', 'RuleRefusalError', (r) => expect(r.code).toBe('ARCHIVE.DUPLICATE_EVENT_ID'))
  })

  it('two requests with the same key at once record the event once; the other is the duplicate refusal', async () => {
    const results = await Promise.all([append({ eventKey: 'call-race' }), append({ eventKey: 'call-race' })])
    expect(results.map((r) => r.__typename).sort()).toEqual(['AppendTimelineEventPayload', 'RuleRefusalError'])
    expect(results.find((r) => r.__typename === 'RuleRefusalError')).toMatchObject({ code: 'ARCHIVE.DUPLICATE_EVENT_ID', ruleId: 'R-ARC-6' })
    expect(await gw.prisma.timelineEvent.count({ where: { id: 'cust-001-call-race' } })).toBe(1)
    expect(await gw.prisma.auditLog.count({ where: { action: 'timeline.append' } })).toBe(1)
  })

  it('reports every issue of a malformed event at once', async () => {
    await expectRefused({ kind: 'telegram', summary: '   ', changedFields: ['shoeSize'] }, 'staff-zhou', 'ValidationError', (r) => {
      expect(r.issues.map((issue: { field: string }) => issue.field).sort()).toEqual(['changedFields[0]', 'kind', 'summary'])
    })
  })

  it('refuses an event in the future and a malformed key', async () => {
    await expectRefused({ at: '2026-03-02T03:00:00.000Z' }, 'staff-zhou', 'ValidationError', (r) => expect(r.issues).toEqual([{ field: 'at', code: 'ARCHIVE.EVENT_IN_FUTURE' }]))
    await expectRefused({ eventKey: 'a b' }, 'staff-zhou', 'ValidationError', (r) => expect(r.issues).toEqual([{ field: 'eventKey', code: 'ARCHIVE.INVALID_EVENT_KEY' }]))
  })

  it.each(['staff-zheng', 'staff-chen', 'staff-sun', 'staff-qian'])('refuses %s, who may not edit the customer (R-ACC-1)', async (actor) => {
    await expectRefused({}, actor, 'AccessDeniedError', (r) => expect(r.code).toBe('ACCESS.DENIED'))
  })

  it('refuses an unknown customer', async () => {
    await expectRefused({ customerId: 'cust-none' }, 'staff-wang', 'NotFoundError')
  })
})
