import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { okTicket, registeredTicket, serviceCallInput } from '../../test/arbitraries/serviceArb.js'
import { thrown } from '../../test/thrown.js'
import { shanghaiInstant } from '../calendar/shanghaiTime.js'
import { Money } from '../money/money.js'
import type { Staff } from '../staff/staff.js'
import { ServiceRefusalCode } from './errors.js'
import { createServicePolicy } from './policy.js'
import { registerServiceCall } from './registerServiceCall.js'
import { chargeStatus } from './sameDayCharge.js'
import type { ServiceTicket, ServiceTicketResult, ServiceTicketState } from './ticket.js'
import { closeTicket, completeService, dispatchTicket, recordArrival, recordCharge, recordRepair, takeToWorkshop } from './transitions.js'

const technician: Staff = { id: 'tech-1', roles: ['specialist'], active: true }
const supervisor: Staff = { id: 'sup-1', roles: ['serviceSupervisor'], active: true }
const t = (day: string, time: string): Date => shanghaiInstant(day, time)

function onSite(type: 'A' | 'B' | 'C' = 'A'): ServiceTicket {
  const registered = registeredTicket({ serviceType: type })
  const dispatched = okTicket(dispatchTicket(registered, { technician, at: t('2026-10-08', '09:10') }))
  return okTicket(recordArrival(dispatched, { at: t('2026-10-08', '11:00') }))
}

describe('R-SVC-2 registering a repair call (叫修登记)', () => {
  it('registers customer, address, normalised phone and model', () => {
    const result = registerServiceCall(serviceCallInput({ phone: '(0574)87654321', registeredBy: 'clerk-1' }))
    expect(result.ok).toBe(true)
    const ticket = okTicket(result)
    expect(ticket).toMatchObject({ state: 'registered', phone: '0574-87654321', productModel: 'NB-200', zone: 'urban', serviceType: 'A' })
    expect(ticket.history).toEqual([{ type: 'registered', at: t('2026-09-30', '16:30'), actorId: 'clerk-1' }])
  })

  it('refuses (as data) a missing address and an invalid phone, listing each issue', () => {
    const result = registerServiceCall(serviceCallInput({ address: '  ', phone: '12345' }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.refusal.code).toBe(ServiceRefusalCode.INCOMPLETE_REGISTRATION)
    expect(result.refusal.ruleId).toBe('R-SVC-2')
    expect(result.refusal.issues?.map((issue) => issue.field)).toEqual(['address', 'phone'])
    expect(result.refusal.issues?.[1]?.code).toMatch(/^ARCHIVE\./)
  })

  it.each([
    [{ id: '' }, 'SERVICE.INVALID_RECORD', 'call.id'],
    [{ customerId: 5 as never }, 'SERVICE.INVALID_RECORD', 'call.customerId'],
    [{ zone: 'rural' as never }, 'SERVICE.INVALID_TICKET', 'call.zone'],
    [{ serviceType: 'D' as never }, 'SERVICE.INVALID_TICKET', 'call.serviceType'],
    [{ callAt: new Date(Number.NaN) }, 'SERVICE.INVALID_INSTANT', 'call.callAt'],
    [{ registeredBy: '' }, 'SERVICE.INVALID_RECORD', 'call.registeredBy'],
  ])('throws for malformed program data %j', (overrides, code, field) => {
    const error = thrown(() => registerServiceCall(serviceCallInput(overrides)))
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })
})

describe('R-SVC-2 ticket flow: dispatch → arrive → complete → charge → close with signature', () => {
  it('runs the on-site flow', () => {
    const arrived = onSite('A')
    expect(arrived).toMatchObject({ state: 'arrived', technicianId: 'tech-1', dispatchedAt: t('2026-10-08', '09:10'), arrivedAt: t('2026-10-08', '11:00') })
    const completed = okTicket(completeService(arrived, { at: t('2026-10-08', '16:00') }))
    const charged = okTicket(recordCharge(completed, { at: t('2026-10-08', '17:00'), amount: '350.00', invoiceNumber: 'F-0001' }))
    expect(charged.charge).toEqual({ at: t('2026-10-08', '17:00'), amount: Money.parse('350.00'), invoiceNumber: 'F-0001' })
    const closed = okTicket(closeTicket(charged, { at: t('2026-10-09', '10:00'), customerSignature: '张三' }))
    expect(closed).toMatchObject({ state: 'closed', customerSignature: '张三', closedAt: t('2026-10-09', '10:00') })
    expect(closed.history.map((event) => event.type)).toEqual(['registered', 'dispatched', 'arrived', 'completed', 'charged', 'closed'])
    // The input ticket is never changed.
    expect(arrived.state).toBe('arrived')
  })

  it('refuses out-of-order steps, steps dated before the last event, and inactive technicians', () => {
    const registered = registeredTicket()
    expectRefusal(recordArrival(registered, { at: t('2026-10-08', '10:00') }), ServiceRefusalCode.INVALID_TRANSITION)
    expectRefusal(dispatchTicket(registered, { technician, at: t('2026-09-30', '16:00') }), ServiceRefusalCode.BEFORE_LAST_EVENT)
    expectRefusal(dispatchTicket(registered, { technician: { ...technician, active: false }, at: t('2026-10-08', '09:00') }), ServiceRefusalCode.INACTIVE_TECHNICIAN)
    expectRefusal(closeTicket(onSite(), { at: t('2026-10-08', '12:00'), customerSignature: 'x' }), ServiceRefusalCode.INVALID_TRANSITION)
  })

  it('closing needs the customer signature, and paid work needs its charge', () => {
    const completed = okTicket(completeService(onSite('A'), { at: t('2026-10-08', '16:00') }))
    expectRefusal(closeTicket(completed, { at: t('2026-10-08', '17:00'), customerSignature: '' }), ServiceRefusalCode.CUSTOMER_SIGNATURE_REQUIRED)
    expectRefusal(closeTicket(completed, { at: t('2026-10-08', '17:00'), customerSignature: '张三' }), ServiceRefusalCode.NOT_CHARGED)
    expect(closeTicket(completed, { at: t('2026-10-08', '17:00'), customerSignature: '张三' }, createServicePolicy({ requireChargeBeforeClose: false })).ok).toBe(true)
    const free = okTicket(completeService(onSite('C'), { at: t('2026-10-08', '16:00') }))
    expect(closeTicket(free, { at: t('2026-10-08', '17:00'), customerSignature: '张三' }).ok).toBe(true)
  })

  it('only paid service is charged, and only once', () => {
    const contract = okTicket(completeService(onSite('B'), { at: t('2026-10-08', '16:00') }))
    expectRefusal(recordCharge(contract, { at: t('2026-10-08', '17:00'), amount: '100' }), ServiceRefusalCode.NOT_PAID_SERVICE)
    const charged = okTicket(recordCharge(onSite('A'), { at: t('2026-10-08', '11:30'), amount: '80' }))
    expectRefusal(recordCharge(charged, { at: t('2026-10-08', '12:30'), amount: '80' }), ServiceRefusalCode.ALREADY_CHARGED)
    expectRefusal(recordCharge(registeredTicket(), { at: t('2026-10-08', '12:30'), amount: '80' }), ServiceRefusalCode.INVALID_TRANSITION)
  })

  it.each([
    [() => dispatchTicket(null as never, { technician, at: t('2026-10-08', '09:00') }), 'SERVICE.INVALID_RECORD', 'ticket'],
    [() => dispatchTicket({ ...registeredTicket(), state: 'lost' as never }, { technician, at: t('2026-10-08', '09:00') }), 'SERVICE.INVALID_TICKET', 'ticket.state'],
    [() => dispatchTicket(registeredTicket(), { technician, at: '09:00' as never }), 'SERVICE.INVALID_INSTANT', 'step.at'],
    [() => dispatchTicket(registeredTicket(), { technician: { id: 'x' } as never, at: t('2026-10-08', '09:00') }), 'STAFF.INVALID', 'step.technician.roles'],
    [() => recordCharge(onSite(), { at: t('2026-10-08', '12:00'), amount: '0' }), 'SERVICE.INVALID_AMOUNT', 'step.amount'],
    [() => recordCharge(onSite(), { at: t('2026-10-08', '12:00'), amount: 1.5 }), 'MONEY.FLOAT_NOT_ACCEPTED', 'step.amount'],
    [() => closeTicket(okTicket(completeService(onSite('C'), { at: t('2026-10-08', '16:00') })), { at: t('2026-10-08', '17:00'), customerSignature: 5 as never }), 'SERVICE.INVALID_RECORD', 'step.customerSignature'],
  ])('error path %#: %s at %s', (run, code, field) => {
    const error = thrown(run)
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })
})

describe('R-SVC-5 workshop repair: receipt, repair card, in/out register (带回修理)', () => {
  const take = (ticket: ServiceTicket, overrides: Partial<Parameters<typeof takeToWorkshop>[1]> = {}) =>
    takeToWorkshop(ticket, { at: t('2026-10-08', '11:30'), receiptNumber: 'R-001', repairCardNumber: 'K-001', promisedDate: '2026-10-12', customerSigned: true, ...overrides })

  it('issues the receipt, opens the card, registers in; on return registers out and voids the receipt', () => {
    const inWorkshop = okTicket(take(onSite('A')))
    expect(inWorkshop.state).toBe('inWorkshop')
    expect(inWorkshop.workshop).toEqual({
      receipt: { number: 'R-001', issuedAt: t('2026-10-08', '11:30'), status: 'issued' },
      repairCard: { number: 'K-001', openedAt: t('2026-10-08', '11:30') },
      promisedDate: '2026-10-12',
      takenAt: t('2026-10-08', '11:30'),
      register: [{ direction: 'in', at: t('2026-10-08', '11:30'), ticketId: 'T1', productModel: 'NB-200' }],
    })
    const repaired = okTicket(recordRepair(inWorkshop, { at: t('2026-10-10', '15:00'), acceptedBy: supervisor, workHours: 2.5, parts: [{ name: '轴承', quantity: 2 }] }))
    expect(repaired.workshop?.repairCard).toEqual({ number: 'K-001', openedAt: t('2026-10-08', '11:30'), workHours: 2.5, parts: [{ name: '轴承', quantity: 2 }], acceptedBy: 'sup-1' })
    const returned = okTicket(completeService(repaired, { at: t('2026-10-12', '10:00') }))
    expect(returned.workshop?.receipt).toEqual({ number: 'R-001', issuedAt: t('2026-10-08', '11:30'), status: 'voided', voidedAt: t('2026-10-12', '10:00') })
    expect(returned.workshop?.register.map((entry) => entry.direction)).toEqual(['in', 'out'])
    expect(returned.workshop?.returnedAt).toEqual(t('2026-10-12', '10:00'))
    // Paid workshop repair: charged the day the product is returned.
    expect(chargeStatus(returned, t('2026-10-12', '17:00')).state).toBe('dueToday')
  })

  it('refuses without the customer signature, with a promise before the day taken, and acceptance by a non-supervisor', () => {
    expectRefusal(take(onSite(), { customerSigned: false }), ServiceRefusalCode.CUSTOMER_SIGNATURE_REQUIRED)
    expectRefusal(take(onSite(), { promisedDate: '2026-10-07' }), ServiceRefusalCode.PROMISED_BEFORE_TAKEN)
    expect(take(onSite(), { promisedDate: '2026-10-08' }).ok).toBe(true)
    const inWorkshop = okTicket(take(onSite()))
    expectRefusal(recordRepair(inWorkshop, { at: t('2026-10-10', '15:00'), acceptedBy: technician, workHours: 1 }), ServiceRefusalCode.NOT_SERVICE_SUPERVISOR)
    expectRefusal(recordRepair(inWorkshop, { at: t('2026-10-10', '15:00'), acceptedBy: { ...supervisor, active: false }, workHours: 1 }), ServiceRefusalCode.NOT_SERVICE_SUPERVISOR)
    expectRefusal(completeService(inWorkshop, { at: t('2026-10-10', '15:00') }), ServiceRefusalCode.INVALID_TRANSITION)
  })

  it.each([
    [() => take(onSite(), { promisedDate: '2026-10-32' }), 'SERVICE.INVALID_DAY', 'step.promisedDate'],
    [() => take(onSite(), { receiptNumber: '' }), 'SERVICE.INVALID_RECORD', 'step.receiptNumber'],
    [() => take(onSite(), { customerSigned: 'yes' as never }), 'SERVICE.INVALID_RECORD', 'step.customerSigned'],
    [() => recordRepair(okTicket(take(onSite())), { at: t('2026-10-10', '15:00'), acceptedBy: supervisor, workHours: -1 }), 'SERVICE.INVALID_AMOUNT', 'step.workHours'],
    [() => recordRepair(okTicket(take(onSite())), { at: t('2026-10-10', '15:00'), acceptedBy: supervisor, workHours: 1, parts: [{ name: '轴承', quantity: 0 }] }), 'SERVICE.INVALID_AMOUNT', 'step.parts[0].quantity'],
    [() => completeService({ ...onSite(), state: 'repaired' }, { at: t('2026-10-10', '15:00') }), 'SERVICE.INVALID_TICKET', 'ticket.workshop'],
  ])('error path %#: %s at %s', (run, code, field) => {
    const error = thrown(run)
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
  })
})

describe('R-SVC-2 paid work is charged the same Shanghai day it is completed (当天开票)', () => {
  const completed = okTicket(completeService(onSite('A'), { at: t('2026-10-08', '16:00') }))

  it('walks through the states', () => {
    expect(chargeStatus(onSite('A'), t('2026-10-08', '12:00')).state).toBe('notYetDue')
    expect(chargeStatus(completed, t('2026-10-08', '15:59')).state).toBe('notYetDue')
    expect(chargeStatus(completed, t('2026-10-08', '23:59')).state).toBe('dueToday')
    expect(chargeStatus(completed, t('2026-10-09', '00:00'))).toEqual({ ruleId: 'R-SVC-2', state: 'overdue', violation: true })
    const sameDay = okTicket(recordCharge(completed, { at: t('2026-10-08', '17:00'), amount: '350' }))
    expect(chargeStatus(sameDay, t('2026-10-20', '09:00'))).toEqual({ ruleId: 'R-SVC-2', state: 'chargedOnTime', violation: false })
    const nextDay = okTicket(recordCharge(completed, { at: t('2026-10-09', '09:00'), amount: '350' }))
    expect(chargeStatus(nextDay, t('2026-10-20', '09:00')).state).toBe('chargedLate')
    const onSpot = okTicket(recordCharge(onSite('A'), { at: t('2026-10-08', '11:30'), amount: '50' }))
    expect(chargeStatus(okTicket(completeService(onSpot, { at: t('2026-10-08', '11:45') })), t('2026-10-09', '09:00')).state).toBe('chargedOnTime')
    expect(chargeStatus(okTicket(completeService(onSite('C'), { at: t('2026-10-08', '16:00') })), t('2026-10-09', '09:00')).state).toBe('notRequired')
  })

  it('refuses a bad instant', () => {
    expect(thrown(() => chargeStatus(completed, new Date(Number.NaN))).field).toBe('now')
  })
})

describe('R-SVC-2 / R-SVC-5 state machine property: only listed transitions happen, refusals change nothing', () => {
  const allowed: Record<string, readonly [ServiceTicketState[], ServiceTicketState]> = {
    dispatch: [['registered'], 'dispatched'],
    arrive: [['dispatched'], 'arrived'],
    take: [['arrived'], 'inWorkshop'],
    repair: [['inWorkshop'], 'repaired'],
    complete: [['arrived', 'repaired'], 'completed'],
    close: [['completed'], 'closed'],
  }

  it('holds for random step sequences', () => {
    const stepArb = fc.record({
      kind: fc.constantFrom('dispatch', 'arrive', 'take', 'repair', 'complete', 'charge', 'close'),
      minutes: fc.integer({ min: -120, max: 3000 }),
      signed: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.constantFrom<'A' | 'B' | 'C'>('A', 'B', 'C'), fc.array(stepArb, { maxLength: 12 }), (type, steps) => {
        let ticket = registeredTicket({ serviceType: type })
        let clock = ticket.callAt.getTime()
        for (const step of steps) {
          const at = new Date(clock + step.minutes * 60_000)
          const result: ServiceTicketResult =
            step.kind === 'dispatch'
              ? dispatchTicket(ticket, { technician, at })
              : step.kind === 'arrive'
                ? recordArrival(ticket, { at })
                : step.kind === 'take'
                  ? takeToWorkshop(ticket, { at, receiptNumber: 'R', repairCardNumber: 'K', promisedDate: '2026-12-31', customerSigned: step.signed })
                  : step.kind === 'repair'
                    ? recordRepair(ticket, { at, acceptedBy: supervisor, workHours: 1 })
                    : step.kind === 'complete'
                      ? completeService(ticket, { at })
                      : step.kind === 'charge'
                        ? recordCharge(ticket, { at, amount: '100' })
                        : closeTicket(ticket, { at, customerSignature: step.signed ? '签名' : '' })
          if (!result.ok) {
            expect(Object.values(ServiceRefusalCode)).toContain(result.refusal.code)
            continue
          }
          const next = result.ticket
          if (step.kind === 'charge') {
            expect(next.state).toBe(ticket.state)
            expect(type).toBe('A')
          } else {
            const [from, to] = allowed[step.kind]!
            expect(from).toContain(ticket.state)
            expect(next.state).toBe(to)
          }
          expect(at.getTime()).toBeGreaterThanOrEqual(clock)
          expect(next.history.length).toBe(ticket.history.length + 1)
          if (next.state === 'closed') {
            expect(next.customerSignature).toBeTruthy()
            if (type === 'A') expect(next.charge).toBeDefined()
          }
          ticket = next
          clock = at.getTime()
        }
      }),
    )
  })
})

function expectRefusal(result: ServiceTicketResult, code: string): void {
  expect(result.ok).toBe(false)
  if (!result.ok) {
    expect(result.refusal.code).toBe(code)
    expect(result.refusal.messageZh).toMatch(/\p{Script=Han}/u)
    expect(result.refusal.messageEn.length).toBeGreaterThan(0)
  }
}
