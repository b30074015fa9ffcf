/**
 * Shared fast-check arbitraries for after-sales service (R-SVC-1..6).
 */
import fc from 'fast-check'

import type { ServiceZone } from '../../src/service/policy.js'
import { registerServiceCall, type ServiceCallInput } from '../../src/service/registerServiceCall.js'
import type { ServiceTicket, ServiceTicketResult } from '../../src/service/ticket.js'

const MINUTE = 60_000
// Within the shipped holiday data, leaving room for a 7-working-hour deadline before 2027.
const FROM = Date.parse('2025-01-01T00:00:00+08:00')
const TO = Date.parse('2026-12-20T00:00:00+08:00')

/** An instant in 2025-01-01 … 2026-12-20 (Asia/Shanghai), to the minute. */
export const serviceInstantArb = fc.integer({ min: 0, max: (TO - FROM) / MINUTE }).map((minutes) => new Date(FROM + minutes * MINUTE))

/** A service zone. */
export const zoneArb: fc.Arbitrary<ServiceZone> = fc.constantFrom('urban', 'suburban')

/** A civil day in 2020–2030. */
export const serviceDayArb = fc
  .integer({ min: 0, max: 4017 })
  .map((offset) => new Date(Date.parse('2020-01-01T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10))

/** A working duration in ms, up to 40 working hours, to the minute. */
export const workingSpanArb = fc.integer({ min: 0, max: 40 * 60 }).map((minutes) => minutes * MINUTE)

/** A valid repair-call input, with overrides. */
export function serviceCallInput(overrides: Partial<ServiceCallInput> = {}): ServiceCallInput {
  return {
    id: 'T1',
    customerId: 'C1',
    customerName: '宁波某机械有限公司',
    address: '宁波市江北区某路 1 号',
    phone: '0574-87654321',
    productModel: 'NB-200',
    zone: 'urban',
    serviceType: 'A',
    callAt: new Date('2026-09-30T16:30:00+08:00'),
    ...overrides,
  }
}

/** A registered ticket (via the real registration), with overrides of the call. */
export function registeredTicket(overrides: Partial<ServiceCallInput> = {}): ServiceTicket {
  const result = registerServiceCall(serviceCallInput(overrides))
  if (!result.ok) throw new Error(`fixture refused: ${result.refusal.code}`)
  return result.ticket
}

/** Unwraps a successful step in a test, failing loudly otherwise. */
export function okTicket(result: ServiceTicketResult): ServiceTicket {
  if (!result.ok) throw new Error(`expected ok, got ${result.refusal.code}: ${result.refusal.messageEn}`)
  return result.ticket
}
