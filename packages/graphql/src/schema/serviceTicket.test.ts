import {
  closeTicket,
  completeService,
  dispatchTicket,
  recordArrival,
  recordCharge,
  recordRepair,
  type ServiceTicket,
  type ServiceTicketResult,
  shanghaiInstant,
  takeToWorkshop,
} from '@kehu/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { staffFromRow } from '../db/mappers.js'
import { ticketFromRow } from '../workflows/serviceTicketState.js'

import { useTestGateway } from '../test/useTestGateway.js'

const gw = useTestGateway()

const TICKET_FIELDS = `ticketId customerId state serviceType zone callAt technician { staffId } arrivedAt customerSignature
  charge { amount invoiceNumber }
  workshop { receiptNumber receiptStatus repairCardNumber promisedDate workHours parts { name quantity } acceptedBy register { direction } }
  history { type actorId }
  sla { dispatch { status breached atRisk deadline allowedWorkingHours remainingWorkingMs overdueWorkingMs } charge { state violation } repairEscalation { daysLate promisedDate escalateTo messageZh } }`

const ERROR_FIELDS = `... on BusinessError { __typename code ruleId messageZh messageEn }
  ... on ValidationError { issues { field code } }
  ... on AccessDeniedError { reasonCode }`

const REGISTER = `mutation ($input: RegisterServiceCallInput!) {
  registerServiceCall(input: $input) {
    __typename
    ... on RegisterServiceCallPayload { ticket { ${TICKET_FIELDS} } serviceTypeReason { code messageZh messageEn } }
    ${ERROR_FIELDS}
  }
}`

const step = (name: string, args: string, params: string) => `mutation (${params}) {
  ${name}(${args}) {
    __typename
    ... on ${name[0]!.toUpperCase()}${name.slice(1)}Payload { ticket { ${TICKET_FIELDS} } }
    ${ERROR_FIELDS}
  }
}`

const DISPATCH = step('dispatchTicket', 'ticketId: $id, technicianId: $tech', '$id: String!, $tech: String!')
const ARRIVE = step('recordArrival', 'ticketId: $id', '$id: String!')
const TO_WORKSHOP = step(
  'sendToWorkshop',
  'ticketId: $id, receiptNumber: $receipt, repairCardNumber: $card, promisedDate: $promised, customerSigned: $signed',
  '$id: String!, $receipt: String!, $card: String!, $promised: String!, $signed: Boolean!',
)
const REPAIR = step('recordRepair', 'ticketId: $id, workHours: $hours, parts: $parts', '$id: String!, $hours: Float!, $parts: [RepairPartInput!]')
const COMPLETE = step('completeTicket', 'ticketId: $id', '$id: String!')
const CHARGE = step('chargeTicket', 'ticketId: $id, amount: $amount, invoiceNumber: $invoice', '$id: String!, $amount: Money!, $invoice: String')
const CLOSE = step('closeTicket', 'ticketId: $id, customerSignature: $signature', '$id: String!, $signature: String!')

const HOUR = 3_600_000

async function register(staffId: string, input: Record<string, unknown>) {
  const result = await gw.gql(REGISTER, { input: { customerId: 'cust-009', productModel: 'NB-300', zone: 'urban', ...input } }, staffId)
  expect(result.errors).toBeUndefined()
  return result.data.registerServiceCall
}

describe('registerServiceCall (R-SVC-1, R-SVC-2)', () => {
  it('registers at the request time with the service type from the coverage and the SLA computed by core', async () => {
    // Monday 2026-03-02 10:00: 2 h to 12:00, then 4 h from 13:00 → urban deadline 17:00 (R-SVC-3).
    const paid = await register('staff-li', {})
    expect(paid.__typename).toBe('RegisterServiceCallPayload')
    expect(paid.ticket).toMatchObject({ state: 'registered', serviceType: 'A', callAt: '2026-03-02T02:00:00.000Z', history: [{ type: 'registered', actorId: 'staff-li' }] })
    expect(paid.serviceTypeReason.code).toBe('SERVICE.NOT_COVERED')
    expect(paid.ticket.sla.dispatch).toMatchObject({ status: 'on-track', breached: false, deadline: shanghaiInstant('2026-03-02', '17:00').toISOString(), allowedWorkingHours: 6, remainingWorkingMs: 6 * HOUR })

    const free = await register('staff-he', { coverage: { warrantyUntil: '2026-12-31', maintenanceContractFrom: '2026-01-01', maintenanceContractTo: '2026-12-31' }, zone: 'suburban' })
    expect(free.ticket.serviceType).toBe('C')
    // Suburban: 7 working hours → 18:00.
    expect(free.ticket.sla.dispatch.deadline).toBe(shanghaiInstant('2026-03-02', '18:00').toISOString())

    const contract = await register('staff-li', { coverage: { warrantyUntil: '2025-12-31', maintenanceContractFrom: '2026-01-01', maintenanceContractTo: '2026-12-31' } })
    expect(contract.ticket.serviceType).toBe('B')
  })

  it('returns every registration issue at once and writes nothing', async () => {
    const before = await gw.snapshot()
    const result = await register('staff-li', { phone: '12345', productModel: '  ' })
    expect(result).toMatchObject({ __typename: 'ValidationError', ruleId: 'R-SVC-2' })
    expect(result.issues.map((issue: { field: string }) => issue.field).sort()).toEqual(['phone', 'productModel'])
    const badCoverage = await register('staff-li', { coverage: { maintenanceContractFrom: '2026-05-01', maintenanceContractTo: '2026-04-01' } })
    expect(badCoverage).toMatchObject({ __typename: 'ValidationError', ruleId: 'R-SVC-1', issues: [{ code: 'SERVICE.INVALID_PERIOD' }] })
    expect(await gw.snapshot()).toEqual(before)
  })

  it('R-ACC-1: only the service department or whoever may edit the customer registers a call', async () => {
    const before = await gw.snapshot()
    for (const staffId of ['staff-zhou', 'staff-chen', 'staff-qian', 'staff-sun']) {
      expect((await register(staffId, {})).__typename, staffId).toBe('AccessDeniedError')
    }
    expect((await register('staff-li', { customerId: 'cust-nope' })).__typename).toBe('NotFoundError')
    expect(await gw.snapshot()).toEqual(before)
    for (const staffId of ['staff-li', 'staff-he', 'staff-wang', 'staff-zhao']) {
      expect((await register(staffId, {})).__typename, staffId).toBe('RegisterServiceCallPayload')
    }
  })
})

describe('the ticket through its states (R-SVC-2, R-SVC-3, R-SVC-5)', () => {
  it('dispatch → arrival → workshop → repair → completion → charge → close, each step audited', async () => {
    const { ticket } = await register('staff-li', {})
    const id = ticket.ticketId

    gw.setNow(shanghaiInstant('2026-03-02', '16:10'))
    const dispatched = (await gw.gql(DISPATCH, { id, tech: 'staff-he' }, 'staff-he')).data.dispatchTicket
    expect(dispatched.ticket).toMatchObject({ state: 'dispatched', technician: { staffId: 'staff-he' } })
    // 50 working minutes left of the 6 hours: at risk (policy: at most 1 h left).
    expect(dispatched.ticket.sla.dispatch).toMatchObject({ status: 'at-risk', atRisk: true, remainingWorkingMs: 50 * 60_000 })

    gw.setNow(shanghaiInstant('2026-03-02', '16:45'))
    const arrived = (await gw.gql(ARRIVE, { id }, 'staff-he')).data.recordArrival
    expect(arrived.ticket.sla.dispatch.status).toBe('met')

    const workshop = (await gw.gql(TO_WORKSHOP, { id, receipt: 'R-001', card: 'K-001', promised: '2026-03-04', signed: true }, 'staff-he')).data.sendToWorkshop
    expect(workshop.ticket).toMatchObject({ state: 'inWorkshop', workshop: { receiptNumber: 'R-001', receiptStatus: 'issued', repairCardNumber: 'K-001', promisedDate: '2026-03-04', register: [{ direction: 'in' }] } })
    expect(workshop.ticket.sla.repairEscalation).toBeNull()

    // Thursday 03-05: the promised Wednesday has ended without the repair → escalate (R-SVC-5).
    gw.setNow(shanghaiInstant('2026-03-05', '09:30'))
    const late = await gw.gql(`query ($id: String!) { serviceTicket(id: $id) { sla { repairEscalation { daysLate promisedDate escalateTo } } } }`, { id }, 'staff-he')
    expect(late.data.serviceTicket.sla.repairEscalation).toEqual({ daysLate: 1, promisedDate: '2026-03-04', escalateTo: 'serviceSupervisor' })

    const repaired = (await gw.gql(REPAIR, { id, hours: 2.5, parts: [{ name: '轴承', quantity: 2 }] }, 'staff-he')).data.recordRepair
    expect(repaired.ticket).toMatchObject({ state: 'repaired', workshop: { workHours: 2.5, parts: [{ name: '轴承', quantity: 2 }], acceptedBy: 'staff-he' } })

    gw.setNow(shanghaiInstant('2026-03-05', '14:00'))
    const completed = (await gw.gql(COMPLETE, { id }, 'staff-he')).data.completeTicket
    expect(completed.ticket).toMatchObject({ state: 'completed', workshop: { receiptStatus: 'voided', register: [{ direction: 'in' }, { direction: 'out' }] }, sla: { charge: { state: 'dueToday', violation: false } } })

    // R-SVC-2 paid work is charged before closing.
    const unpaid = (await gw.gql(CLOSE, { id, signature: '张三' }, 'staff-he')).data.closeTicket
    expect(unpaid).toMatchObject({ __typename: 'RuleRefusalError', code: 'SERVICE.NOT_CHARGED', ruleId: 'R-SVC-2' })

    const charged = (await gw.gql(CHARGE, { id, amount: '350.00', invoice: 'F-0001' }, 'staff-qian')).data.chargeTicket
    expect(charged.ticket).toMatchObject({ charge: { amount: '350.00', invoiceNumber: 'F-0001' }, sla: { charge: { state: 'chargedOnTime' } } })

    const closed = (await gw.gql(CLOSE, { id, signature: '张三' }, 'staff-he')).data.closeTicket
    expect(closed.ticket).toMatchObject({ state: 'closed', customerSignature: '张三' })
    expect(closed.ticket.history.map((event: { type: string }) => event.type)).toEqual(['registered', 'dispatched', 'arrived', 'takenToWorkshop', 'repaired', 'completed', 'charged', 'closed'])

    const audit = await gw.prisma.auditLog.findMany({ where: { subjectKind: 'serviceTicket', subjectId: id }, orderBy: { id: 'asc' } })
    expect(audit.map((row) => row.action)).toEqual([
      'serviceTicket.register',
      'serviceTicket.dispatch',
      'serviceTicket.arrive',
      'serviceTicket.toWorkshop',
      'serviceTicket.repair',
      'serviceTicket.complete',
      'serviceTicket.charge',
      'serviceTicket.close',
    ])
  })

  it('refusals (state, signature, access, unknown records) leave every table unchanged', async () => {
    const { ticket } = await register('staff-li', {})
    const id = ticket.ticketId
    const before = await gw.snapshot()
    const refusals: [string, Record<string, unknown>, string, string][] = [
      [ARRIVE, { id }, 'staff-he', 'SERVICE.INVALID_TRANSITION'],
      [CLOSE, { id, signature: '张三' }, 'staff-he', 'SERVICE.INVALID_TRANSITION'],
      [DISPATCH, { id, tech: 'staff-liu' }, 'staff-he', 'SERVICE.INACTIVE_TECHNICIAN'],
      [DISPATCH, { id, tech: 'staff-nobody' }, 'staff-he', 'NOT_FOUND'],
      [DISPATCH, { id: 'ticket-nope', tech: 'staff-he' }, 'staff-he', 'NOT_FOUND'],
      // R-ACC-1 + the service department rule: the customer's owner may not dispatch.
      [DISPATCH, { id, tech: 'staff-he' }, 'staff-li', 'ACCESS.DENIED'],
      [CHARGE, { id, amount: '10.00' }, 'staff-li', 'ACCESS.DENIED'],
      [CHARGE, { id, amount: '10.00' }, 'staff-qian', 'SERVICE.INVALID_TRANSITION'],
    ]
    for (const [operation, variables, staffId, code] of refusals) {
      const result = await gw.gql(operation, variables, staffId)
      expect(result.errors).toBeUndefined()
      const payload = Object.values(result.data as Record<string, { code: string }>)[0]!
      expect(payload.code, `${staffId} ${JSON.stringify(variables)}`).toBe(code)
    }
    expect(await gw.snapshot()).toEqual(before)

    await gw.gql(DISPATCH, { id, tech: 'staff-he' }, 'staff-he')
    await gw.gql(ARRIVE, { id }, 'staff-he')
    const afterArrival = await gw.snapshot()
    const unsigned = (await gw.gql(TO_WORKSHOP, { id, receipt: 'R-9', card: 'K-9', promised: '2026-03-09', signed: false }, 'staff-he')).data.sendToWorkshop
    expect(unsigned).toMatchObject({ code: 'SERVICE.CUSTOMER_SIGNATURE_REQUIRED', ruleId: 'R-SVC-5' })
    const badDay = (await gw.gql(TO_WORKSHOP, { id, receipt: 'R-9', card: 'K-9', promised: '2026-02-30', signed: true }, 'staff-he')).data.sendToWorkshop
    expect(badDay).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'step.promisedDate', code: 'SERVICE.INVALID_DAY' }] })
    const negative = (await gw.gql(CHARGE, { id, amount: '-1.00' }, 'staff-he')).data.chargeTicket
    expect(negative).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'step.amount' }] })
    expect(await gw.snapshot()).toEqual(afterArrival)
  })

  it('only an active service supervisor accepts a workshop repair (R-SVC-5)', async () => {
    // A technician of the service team without the supervisor role works the ticket but may not accept the repair.
    await gw.prisma.staff.create({ data: { id: 'staff-tech', name: '技术员', roles: ['specialist'], teamId: 'team-service' } })
    const { ticket } = await register('staff-tech', {})
    const id = ticket.ticketId
    await gw.gql(DISPATCH, { id, tech: 'staff-tech' }, 'staff-tech')
    await gw.gql(ARRIVE, { id }, 'staff-tech')
    await gw.gql(TO_WORKSHOP, { id, receipt: 'R-1', card: 'K-1', promised: '2026-03-03', signed: true }, 'staff-tech')
    const before = await gw.snapshot()
    const refused = (await gw.gql(REPAIR, { id, hours: 1 }, 'staff-tech')).data.recordRepair
    expect(refused).toMatchObject({ code: 'SERVICE.NOT_SERVICE_SUPERVISOR', ruleId: 'R-SVC-5' })
    expect(await gw.snapshot()).toEqual(before)
    expect((await gw.gql(REPAIR, { id, hours: 1 }, 'staff-he')).data.recordRepair.ticket.state).toBe('repaired')
  })
})

describe('reading tickets', () => {
  const LIST = `query ($state: ServiceTicketState, $breached: Boolean, $first: Int, $after: String) {
    serviceTickets(state: $state, breached: $breached, first: $first, after: $after) {
      edges { node { ticketId state sla { dispatch { status } } } }
      pageInfo { hasNextPage endCursor }
    }
  }`
  const ids = async (staffId: string, variables: Record<string, unknown> = {}): Promise<string[]> => {
    const result = await gw.gql(LIST, variables, staffId)
    expect(result.errors).toBeUndefined()
    return result.data.serviceTickets.edges.map((edge: { node: { ticketId: string } }) => edge.node.ticketId).sort()
  }

  it('R-ACC-1 + service department: each role sees the tickets of the customers it may view, the department sees all', async () => {
    const all = ['ticket-001', 'ticket-002', 'ticket-003', 'ticket-004', 'ticket-005', 'ticket-006', 'ticket-007', 'ticket-008']
    // Demo data: tickets 001/003/005/007 belong to customers owned by staff-li (team-east), the others to staff-feng (team-south); staff-sun follows them all.
    const east = ['ticket-001', 'ticket-003', 'ticket-005', 'ticket-007']
    const south = ['ticket-002', 'ticket-004', 'ticket-006', 'ticket-008']
    const expected: Record<string, string[]> = {
      'staff-he': all, // serviceSupervisor, team-service
      'staff-wang': all, // generalManager
      'staff-zhao': all, // director
      'staff-sun': all, // commerce, follows these customers
      'staff-li': east, // manager (and owner) of team-east
      'staff-chen': south, // manager of team-south
      'staff-feng': south, // owner
      'staff-zhou': [], // specialist owning none of them
      'staff-qian': all, // finance charges paid service: it sees every ticket
      'staff-yang': [], // quality
    }
    for (const [staffId, tickets] of Object.entries(expected)) expect(await ids(staffId), staffId).toEqual(tickets)
  })

  it('filters by state and by the breached dispatch SLA computed at the request time, with pages', async () => {
    // Every not-yet-arrived demo call (February) is past its 6-hour deadline on 2026-03-02.
    expect(await ids('staff-he', { breached: true })).toEqual(['ticket-001', 'ticket-002', 'ticket-005', 'ticket-006'])
    expect(await ids('staff-he', { breached: false })).toEqual(['ticket-003', 'ticket-004', 'ticket-007', 'ticket-008'])
    expect(await ids('staff-li', { breached: true })).toEqual(['ticket-001', 'ticket-005'])
    expect(await ids('staff-he', { state: 'registered' })).toEqual(['ticket-001', 'ticket-005'])
    const page = await gw.gql(LIST, { first: 3 }, 'staff-he')
    expect(page.data.serviceTickets.edges).toHaveLength(3)
    expect(page.data.serviceTickets.pageInfo.hasNextPage).toBe(true)
    const rest = await gw.gql(LIST, { first: 10, after: page.data.serviceTickets.pageInfo.endCursor }, 'staff-he')
    expect(rest.data.serviceTickets.edges).toHaveLength(5)
    // Pages of the SLA-filtered list: newest call first, nothing lost or repeated.
    const breachedPages: string[] = []
    let after: string | undefined
    for (;;) {
      const result = await gw.gql(LIST, { breached: true, first: 3, ...(after === undefined ? {} : { after }) }, 'staff-he')
      breachedPages.push(...result.data.serviceTickets.edges.map((edge: { node: { ticketId: string } }) => edge.node.ticketId))
      if (!result.data.serviceTickets.pageInfo.hasNextPage) break
      after = result.data.serviceTickets.pageInfo.endCursor
    }
    expect(breachedPages).toEqual(['ticket-006', 'ticket-005', 'ticket-002', 'ticket-001'])
  })

  it('a nested customer is only reached when the actor may view it; a single ticket is refused past R-ACC-1', async () => {
    const query = `query { serviceTicket(id: "ticket-001") { ticketId customerName customer { name } } }`
    const asService = await gw.gql(query, {}, 'staff-he')
    expect(asService.data.serviceTicket.customerName).not.toBe('')
    expect(asService.data.serviceTicket.customer).toBeNull()
    const asOwner = await gw.gql(query, {}, 'staff-li')
    expect(asOwner.data.serviceTicket.customer.name).toBe(asOwner.data.serviceTicket.customerName)
    const asStranger = await gw.gql(query, {}, 'staff-zhou')
    expect(asStranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await gw.gql(`{ serviceTicket(id: "ticket-nope") { ticketId } }`, {}, 'staff-he')).data.serviceTicket).toBeNull()
  })

  it('Customer.serviceTickets lists the tickets of a customer the actor may view', async () => {
    const result = await gw.gql(`{ customer(id: "cust-009") { serviceTickets { ticketId state } } }`, {}, 'staff-li')
    expect(result.data.customer.serviceTickets).toEqual([{ ticketId: 'ticket-001', state: 'registered' }])
  })

  it("dispatchQueue: carried-over calls first, oldest first, then today's by call time (R-SVC-4)", async () => {
    gw.setNow(shanghaiInstant('2026-03-02', '09:10'))
    const early = (await register('staff-he', { customerId: 'cust-011' })).ticket.ticketId
    gw.setNow(shanghaiInstant('2026-03-02', '11:00'))
    const later = (await register('staff-he', { customerId: 'cust-009' })).ticket.ticketId
    const query = `{ dispatchQueue { position priority callDay priorityDay missedPriorityDay ticket { ticketId } } }`
    const queue = (await gw.gql(query, {}, 'staff-he')).data.dispatchQueue
    expect(queue.map((entry: { ticket: { ticketId: string } }) => entry.ticket.ticketId)).toEqual(['ticket-001', 'ticket-005', early, later])
    // ticket-001 was called on Tuesday 02-10: due first on Wednesday 02-11, long missed.
    expect(queue[0]).toMatchObject({ position: 1, priority: 'carriedOver', callDay: '2026-02-10', priorityDay: '2026-02-11', missedPriorityDay: true })
    expect(queue[2]).toMatchObject({ position: 3, priority: 'today', callDay: '2026-03-02', priorityDay: null })
    // Through R-ACC-1 the owner of team-east sees only the calls of its customers.
    const east = (await gw.gql(query, {}, 'staff-li')).data.dispatchQueue
    expect(east.map((entry: { ticket: { ticketId: string } }) => entry.ticket.ticketId)).toEqual(['ticket-001', 'ticket-005', later])
  })

  it('maintenanceRenewalNotice: one calendar month before the end (R-SVC-6)', async () => {
    const query = `query ($day: String!) { maintenanceRenewalNotice(contractEndDay: $day) { ruleId noticeDay status } }`
    expect((await gw.gql(query, { day: '2026-03-31' }, 'staff-he')).data.maintenanceRenewalNotice).toEqual({ ruleId: 'R-SVC-6', noticeDay: '2026-02-28', status: 'due' })
    expect((await gw.gql(query, { day: '2026-06-30' }, 'staff-he')).data.maintenanceRenewalNotice).toMatchObject({ noticeDay: '2026-05-30', status: 'notYet' })
    expect((await gw.gql(query, { day: '2026-02-31' }, 'staff-he')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', ruleId: 'R-SVC-6' })
  })
})

describe('concurrency', () => {
  it('many concurrent registerServiceCall writes all land', async () => {
    const before = await gw.prisma.serviceTicket.count()
    const results = await Promise.all(Array.from({ length: 24 }, (_, n) => register(n % 2 === 0 ? 'staff-he' : 'staff-li', { productModel: `NB-${n}` })))
    expect(results.every((result) => result.__typename === 'RegisterServiceCallPayload')).toBe(true)
    expect(await gw.prisma.serviceTicket.count()).toBe(before + 24)
    expect(await gw.prisma.auditLog.count({ where: { action: 'serviceTicket.register' } })).toBe(24)
  })

  it('two concurrent dispatches of one ticket: one wins, the other is refused and writes nothing', async () => {
    const { ticket } = await register('staff-he', {})
    const results = await Promise.all([gw.gql(DISPATCH, { id: ticket.ticketId, tech: 'staff-he' }, 'staff-he'), gw.gql(DISPATCH, { id: ticket.ticketId, tech: 'staff-he' }, 'staff-he')])
    const typenames = results.map((result) => result.data.dispatchTicket.__typename).sort()
    expect(typenames[0]).toBe('DispatchTicketPayload')
    expect(['ConflictError', 'RuleRefusalError']).toContain(typenames[1])
    const stored = await gw.prisma.serviceTicket.findUniqueOrThrow({ where: { id: ticket.ticketId } })
    expect((stored.history as unknown[]).length).toBe(2)
    expect(await gw.prisma.auditLog.count({ where: { action: 'serviceTicket.dispatch', subjectId: ticket.ticketId } })).toBe(1)
  })
})

describe('the gateway agrees with core on any sequence of steps', () => {
  type Step = { readonly name: string; readonly operation: string; readonly variables: (id: string) => Record<string, unknown>; readonly core: (ticket: ServiceTicket, at: Date) => ServiceTicketResult }

  it('each stored ticket is the ticket core computes; each refusal is core’s, with nothing written', async () => {
    const he = staffFromRow(await gw.prisma.staff.findUniqueOrThrow({ where: { id: 'staff-he' } }))
    const steps: Step[] = [
      { name: 'dispatchTicket', operation: DISPATCH, variables: (id) => ({ id, tech: 'staff-he' }), core: (t, at) => dispatchTicket(t, { technician: he, at }) },
      { name: 'recordArrival', operation: ARRIVE, variables: (id) => ({ id }), core: (t, at) => recordArrival(t, { at }) },
      {
        name: 'sendToWorkshop',
        operation: TO_WORKSHOP,
        variables: (id) => ({ id, receipt: 'R-1', card: 'K-1', promised: '2026-03-20', signed: true }),
        core: (t, at) => takeToWorkshop(t, { at, receiptNumber: 'R-1', repairCardNumber: 'K-1', promisedDate: '2026-03-20', customerSigned: true }),
      },
      { name: 'recordRepair', operation: REPAIR, variables: (id) => ({ id, hours: 1.5 }), core: (t, at) => recordRepair(t, { at, acceptedBy: he, workHours: 1.5, parts: [] }) },
      { name: 'completeTicket', operation: COMPLETE, variables: (id) => ({ id }), core: (t, at) => completeService(t, { at }) },
      { name: 'chargeTicket', operation: CHARGE, variables: (id) => ({ id, amount: '88.00' }), core: (t, at) => recordCharge(t, { at, amount: '88.00' }) },
      { name: 'closeTicket', operation: CLOSE, variables: (id) => ({ id, signature: '王五' }), core: (t, at) => closeTicket(t, { at, customerSignature: '王五' }) },
    ]
    const start = gw.now().getTime()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('A', 'B', 'C'),
        // -1: a step core allows next (to reach the deep states), otherwise any step.
        fc.array(fc.record({ step: fc.oneof({ arbitrary: fc.constant(-1), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: steps.length - 1 }), weight: 2 }), minutes: fc.integer({ min: 0, max: 600 }) }), {
          minLength: 1,
          maxLength: 9,
        }),
        async (coverage, sequence) => {
          gw.setNow(new Date(start))
          const input = coverage === 'A' ? {} : coverage === 'C' ? { coverage: { warrantyUntil: '2027-01-01' } } : { coverage: { maintenanceContractFrom: '2026-01-01', maintenanceContractTo: '2026-12-31' } }
          const { ticket } = await register('staff-he', input)
          let expected = ticketFromRow(await gw.prisma.serviceTicket.findUniqueOrThrow({ where: { id: ticket.ticketId } }))
          for (const { step, minutes } of sequence) {
            gw.setNow(new Date(gw.now().getTime() + minutes * 60_000))
            const chosen = step >= 0 ? step : Math.max(0, steps.findIndex((candidate) => candidate.core(expected, gw.now()).ok))
            const { name, operation, variables, core } = steps[chosen]!
            const result = await gw.gql(operation, variables(ticket.ticketId), 'staff-he')
            expect(result.errors).toBeUndefined()
            const verdict = core(expected, gw.now())
            if (verdict.ok) {
              expect(result.data[name].__typename).toBe(`${name[0]!.toUpperCase()}${name.slice(1)}Payload`)
              expected = verdict.ticket
            } else {
              expect(result.data[name]).toMatchObject({ __typename: 'RuleRefusalError', code: verdict.refusal.code, ruleId: verdict.refusal.ruleId })
            }
            expect(ticketFromRow(await gw.prisma.serviceTicket.findUniqueOrThrow({ where: { id: ticket.ticketId } }))).toEqual(expected)
          }
        },
      ),
      { numRuns: 10 },
    )
  })
})
