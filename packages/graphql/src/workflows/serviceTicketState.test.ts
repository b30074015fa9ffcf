import { closeTicket, completeService, dispatchTicket, recordArrival, recordCharge, recordRepair, registerServiceCall, type ServiceTicket, type ServiceTicketResult, shanghaiInstant, type Staff, takeToWorkshop } from '@kehu/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { ServiceTicket as ServiceTicketRow } from '../generated/prisma/client.js'
import { InputRefusal, RuleRefusal } from '../refusals.js'
import { isServiceDepartment, serviceTicketPermission, type ServiceTicketAction } from './serviceAccess.js'
import { runTicketStep, ticketFromRow, ticketToRow } from './serviceTicketState.js'

const supervisor: Staff = { id: 'sup', roles: ['serviceSupervisor'], active: true }
const ok = (result: ServiceTicketResult): ServiceTicket => {
  if (!result.ok) throw new Error(result.refusal.code)
  return result.ticket
}

/** A ticket taken through the first `steps` steps of the longest path, as a row read back from the database would look. */
function ticketAfter(steps: number, type: 'A' | 'B' | 'C', minutes: number): ServiceTicket {
  const t0 = shanghaiInstant('2026-03-02', '10:00').getTime()
  const at = (k: number) => new Date(t0 + k * minutes * 60_000)
  const path: ((ticket: ServiceTicket) => ServiceTicket)[] = [
    (t) => ok(dispatchTicket(t, { technician: supervisor, at: at(1) })),
    (t) => ok(recordArrival(t, { at: at(2) })),
    (t) => ok(takeToWorkshop(t, { at: at(3), receiptNumber: 'R-1', repairCardNumber: 'K-1', promisedDate: '2026-03-20', customerSigned: true })),
    (t) => ok(recordRepair(t, { at: at(4), acceptedBy: supervisor, workHours: 1.5, parts: [{ name: '轴承', quantity: 2 }] })),
    (t) => ok(completeService(t, { at: at(5) })),
    (t) => (t.serviceType === 'A' ? ok(recordCharge(t, { at: at(6), amount: '350.05', invoiceNumber: 'F-1' })) : t),
    (t) => ok(closeTicket(t, { at: at(7), customerSignature: '张三' })),
  ]
  let ticket = ok(
    registerServiceCall({ id: 'T1', customerId: 'C1', customerName: '宁波某机械厂', address: '宁波市江北区', phone: '0574-87654321', productModel: 'NB-200', zone: 'urban', serviceType: type, callAt: at(0), registeredBy: 'clerk' }),
  )
  for (const step of path.slice(0, steps)) ticket = step(ticket)
  return ticket
}

/** What Prisma gives back for the written columns: JSON through text, the rest as written. */
function storedRow(ticket: ServiceTicket): ServiceTicketRow {
  const data = ticketToRow(ticket)
  return {
    ...(data as unknown as ServiceTicketRow),
    workshop: data.workshop === undefined ? null : JSON.parse(JSON.stringify(data.workshop)),
    history: JSON.parse(JSON.stringify(data.history)),
    createdAt: new Date(0),
    updatedAt: new Date(0),
  }
}

describe('ServiceTicket row ↔ core ticket', () => {
  it('maps every state of the longest path back to the same ticket', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.constantFrom('A' as const, 'B' as const, 'C' as const), fc.integer({ min: 1, max: 600 }), (steps, type, minutes) => {
        const ticket = ticketAfter(steps, type, minutes)
        expect(ticketFromRow(storedRow(ticket))).toEqual(ticket)
      }),
      { numRuns: 60 },
    )
  })

  it('a mapped ticket goes on through core: the next step works on what was read back', () => {
    const read = ticketFromRow(storedRow(ticketAfter(3, 'A', 30)))
    expect(read.state).toBe('inWorkshop')
    expect(ok(recordRepair(read, { at: shanghaiInstant('2026-03-02', '13:00'), acceptedBy: supervisor, workHours: 1 })).state).toBe('repaired')
  })
})

describe('runTicketStep', () => {
  it("turns core's refusal into a RuleRefusal, incomplete registration into an InputRefusal, a thrown KehuError into an InputRefusal", () => {
    const registered = ticketAfter(0, 'A', 10)
    expect(() => runTicketStep(() => recordArrival(registered, { at: shanghaiInstant('2026-03-02', '11:00') }), 'R-SVC-3')).toThrow(RuleRefusal)
    const incomplete = () =>
      runTicketStep(() => registerServiceCall({ id: 'T', customerId: 'C', customerName: '', address: 'x', phone: '1', productModel: 'm', zone: 'urban', serviceType: 'A', callAt: new Date() }), 'R-SVC-2')
    expect(incomplete).toThrow(InputRefusal)
    try {
      incomplete()
    } catch (error) {
      expect((error as InputRefusal).issues.map((issue) => issue.field).sort()).toEqual(['customerName', 'phone'])
    }
    expect(() => runTicketStep(() => recordArrival(registered, { at: new Date(Number.NaN) }), 'R-SVC-3')).toThrow(InputRefusal)
  })
})

describe('serviceTicketPermission (R-ACC-1 plus the service department)', () => {
  const staff = (roles: Staff['roles'], teamId?: string, active = true): Staff => ({ id: 'x', roles, active, ...(teamId === undefined ? {} : { teamId }) })
  const actions: ServiceTicketAction[] = ['view', 'register', 'work', 'charge']
  const table = (actor: Staff, customerAllowed: boolean) => Object.fromEntries(actions.map((action) => [action, serviceTicketPermission(actor, action, customerAllowed)]))

  it('the service supervisor and the service team may do everything on every ticket', () => {
    for (const actor of [staff(['serviceSupervisor', 'manager'], 'team-service'), staff(['serviceSupervisor']), staff(['specialist'], 'team-service')]) {
      expect(isServiceDepartment(actor)).toBe(true)
      expect(table(actor, false)).toEqual({ view: true, register: true, work: true, charge: true })
    }
  })

  it('everyone else follows R-ACC-1 on the customer for view and register and never works tickets; finance views and charges every ticket', () => {
    for (const roles of [['generalManager'], ['director'], ['manager'], ['specialist'], ['commerce'], ['customs'], ['quality'], ['information']] as Staff['roles'][]) {
      const actor = staff(roles, 'team-east')
      expect(table(actor, true), roles.join()).toEqual({ view: true, register: true, work: false, charge: false })
      expect(table(actor, false), roles.join()).toEqual({ view: false, register: false, work: false, charge: false })
    }
    expect(table(staff(['finance']), false)).toEqual({ view: true, register: false, work: false, charge: true })
    expect(table(staff(['finance']), true)).toEqual({ view: true, register: true, work: false, charge: true })
  })

  it('staff who have left may do nothing', () => {
    expect(table(staff(['serviceSupervisor'], 'team-service', false), true)).toEqual({ view: false, register: false, work: false, charge: false })
  })
})
