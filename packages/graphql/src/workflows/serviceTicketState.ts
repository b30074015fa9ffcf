import { createWorkingCalendar, KehuError, Money, type ServiceTicket, type ServiceTicketEvent, type ServiceTicketResult, type WorkingCalendar, type WorkshopRepair } from '@kehu/core'

import type { Prisma, ServiceTicket as ServiceTicketRow } from '../generated/prisma/client.js'
import { InputRefusal, RuleRefusal } from '../refusals.js'

/**
 * The working calendar (工作日历, R-CAL) the service SLA is counted on: China's statutory holidays
 * and make-up days with the default working windows. Built once: it is immutable data.
 */
export const serviceCalendar: WorkingCalendar = createWorkingCalendar()

/** JSON dates come back as ISO text; a Date stays a Date. */
function instant(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value))
}

function optionalInstant(value: unknown): Date | undefined {
  return value === undefined || value === null ? undefined : instant(value)
}

type Json = Record<string, unknown>

function workshopFromJson(value: Prisma.JsonValue | null): WorkshopRepair | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const json = value as Json
  const receipt = json['receipt'] as Json
  const card = json['repairCard'] as Json
  const voidedAt = optionalInstant(receipt['voidedAt'])
  const repairedAt = optionalInstant(json['repairedAt'])
  const returnedAt = optionalInstant(json['returnedAt'])
  return {
    receipt: { number: String(receipt['number']), issuedAt: instant(receipt['issuedAt']), status: receipt['status'] as 'issued' | 'voided', ...(voidedAt === undefined ? {} : { voidedAt }) },
    repairCard: {
      number: String(card['number']),
      openedAt: instant(card['openedAt']),
      ...(card['workHours'] === undefined ? {} : { workHours: card['workHours'] as number }),
      ...(card['parts'] === undefined ? {} : { parts: card['parts'] as WorkshopRepair['repairCard']['parts'] & object }),
      ...(card['acceptedBy'] === undefined ? {} : { acceptedBy: String(card['acceptedBy']) }),
    },
    promisedDate: String(json['promisedDate']),
    takenAt: instant(json['takenAt']),
    ...(repairedAt === undefined ? {} : { repairedAt }),
    ...(returnedAt === undefined ? {} : { returnedAt }),
    register: ((json['register'] as Json[] | undefined) ?? []).map((entry) => ({
      direction: entry['direction'] as 'in' | 'out',
      at: instant(entry['at']),
      ticketId: String(entry['ticketId']),
      productModel: String(entry['productModel']),
    })),
  }
}

function historyFromJson(value: Prisma.JsonValue): ServiceTicketEvent[] {
  if (!Array.isArray(value)) return []
  return value.map((raw) => {
    const event = raw as Json
    return {
      type: event['type'] as ServiceTicketEvent['type'],
      at: instant(event['at']),
      ...(typeof event['actorId'] === 'string' ? { actorId: event['actorId'] } : {}),
    }
  })
}

/**
 * A stored `ServiceTicket` row as core's {@link ServiceTicket}: the columns, the workshop repair
 * (R-SVC-5) from its JSON and the `history` JSON as core's events. Core's transition functions
 * validate what they read (state, zone, type, instants), so a damaged row is reported by them.
 */
export function ticketFromRow(row: ServiceTicketRow): ServiceTicket {
  const workshop = workshopFromJson(row.workshop)
  return {
    id: row.id,
    customerId: row.customerId,
    customerName: row.customerName,
    address: row.address,
    phone: row.phone,
    productModel: row.productModel,
    zone: row.zone as ServiceTicket['zone'],
    serviceType: row.serviceType as ServiceTicket['serviceType'],
    callAt: row.callAt,
    state: row.state as ServiceTicket['state'],
    ...(row.technicianId === null ? {} : { technicianId: row.technicianId }),
    ...(row.dispatchedAt === null ? {} : { dispatchedAt: row.dispatchedAt }),
    ...(row.arrivedAt === null ? {} : { arrivedAt: row.arrivedAt }),
    ...(workshop === undefined ? {} : { workshop }),
    ...(row.completedAt === null ? {} : { completedAt: row.completedAt }),
    ...(row.chargeFen === null || row.chargedAt === null
      ? {}
      : { charge: { at: row.chargedAt, amount: Money.fromFen(row.chargeFen), ...(row.chargeInvoiceNumber === null ? {} : { invoiceNumber: row.chargeInvoiceNumber }) } }),
    ...(row.closedAt === null ? {} : { closedAt: row.closedAt }),
    ...(row.customerSignature === null ? {} : { customerSignature: row.customerSignature }),
    history: historyFromJson(row.history),
  }
}

const json = (value: unknown): Prisma.InputJsonValue => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue

/** Core's {@link ServiceTicket} as the columns of its row (every column, so a write replaces the whole state). */
export function ticketToRow(ticket: ServiceTicket): Omit<Prisma.ServiceTicketUncheckedCreateInput, 'createdAt' | 'updatedAt'> {
  return {
    id: ticket.id,
    customerId: ticket.customerId,
    customerName: ticket.customerName,
    address: ticket.address,
    phone: ticket.phone,
    productModel: ticket.productModel,
    zone: ticket.zone,
    serviceType: ticket.serviceType,
    callAt: ticket.callAt,
    state: ticket.state,
    technicianId: ticket.technicianId ?? null,
    dispatchedAt: ticket.dispatchedAt ?? null,
    arrivedAt: ticket.arrivedAt ?? null,
    completedAt: ticket.completedAt ?? null,
    closedAt: ticket.closedAt ?? null,
    chargeFen: ticket.charge === undefined ? null : ticket.charge.amount.fen,
    chargedAt: ticket.charge?.at ?? null,
    chargeInvoiceNumber: ticket.charge?.invoiceNumber ?? null,
    customerSignature: ticket.customerSignature ?? null,
    ...(ticket.workshop === undefined ? {} : { workshop: json(ticket.workshop) }),
    history: json(ticket.history),
  }
}

/**
 * Runs one of core's ticket steps: the new ticket, or core's refusal thrown as a
 * {@link RuleRefusal} (data for the client); a malformed input core throws as a `KehuError`
 * becomes an {@link InputRefusal} naming the field.
 */
export function runTicketStep(step: () => ServiceTicketResult, ruleId: string): ServiceTicket {
  let result: ServiceTicketResult
  try {
    result = step()
  } catch (error) {
    throw asInputRefusal(error, ruleId)
  }
  if (result.ok) return result.ticket
  if (result.refusal.issues !== undefined && result.refusal.issues.length > 0) throw new InputRefusal(result.refusal.issues, result.refusal.ruleId)
  throw new RuleRefusal(result.refusal)
}

/** A core `KehuError` as an {@link InputRefusal}; anything else unchanged. */
export function asInputRefusal(error: unknown, ruleId: string): unknown {
  if (!(error instanceof KehuError)) return error
  return new InputRefusal([{ field: error.field ?? 'input', code: error.code, messageZh: error.messageZh, messageEn: error.messageEn }], error.ruleId ?? ruleId)
}
