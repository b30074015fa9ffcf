import { dayNumberOf, type CivilDay } from '../calendar/civilDay.js'
import { toShanghaiDay } from '../calendar/shanghaiTime.js'
import { Money, type MoneyInput } from '../money/money.js'
import { hasRole, readStaff, type Staff } from '../staff/staff.js'
import { ServiceErrorCode, ServiceRefusalCode } from './errors.js'
import { defaultServicePolicy, readServicePolicy, type ServicePolicy } from './policy.js'
import { invalid, readArray, readDay, readInstant, readRecord, readText } from './readers.js'
import { readTicket } from './readTicket.js'
import type { RepairPart, ServiceRefusal, ServiceTicket, ServiceTicketEvent, ServiceTicketResult, ServiceTicketState } from './ticket.js'

const STATE_ZH: Record<ServiceTicketState, string> = {
  registered: '已登记',
  dispatched: '已派工',
  arrived: '已到场',
  inWorkshop: '带回修理中',
  repaired: '已修妥',
  completed: '已完工',
  closed: '已结案',
}

function refuse(code: string, ruleId: string, messageEn: string, messageZh: string): ServiceTicketResult {
  const refusal: ServiceRefusal = { code, ruleId, messageEn, messageZh }
  return { ok: false, refusal }
}

/** The common checks of a step: state allowed, not dated before the last event. */
function begin(
  value: unknown,
  at: unknown,
  allowed: readonly ServiceTicketState[],
  step: { en: string; zh: string },
  ruleId: string,
): { ticket: ServiceTicket; at: Date } | { refused: ServiceTicketResult } {
  const { ticket, lastAt } = readTicket(value, 'ticket', ruleId)
  const instant = readInstant(at, 'step.at', ruleId)
  if (!allowed.includes(ticket.state)) {
    return {
      refused: refuse(
        ServiceRefusalCode.INVALID_TRANSITION,
        ruleId,
        `cannot ${step.en} a ticket that is ${ticket.state} (allowed from: ${allowed.join(', ')})`,
        `服务单状态为"${STATE_ZH[ticket.state]}"，不能${step.zh}（仅限：${allowed.map((state) => STATE_ZH[state]).join('、')}）`,
      ),
    }
  }
  if (instant.getTime() < lastAt) {
    return {
      refused: refuse(
        ServiceRefusalCode.BEFORE_LAST_EVENT,
        ruleId,
        `cannot ${step.en} at ${instant.toISOString()}: before the ticket's last event at ${new Date(lastAt).toISOString()}`,
        `${step.zh}时间 ${instant.toISOString()} 早于服务单上一记录时间 ${new Date(lastAt).toISOString()}`,
      ),
    }
  }
  return { ticket, at: instant }
}

function withEvent(ticket: ServiceTicket, changes: Partial<ServiceTicket>, event: ServiceTicketEvent): ServiceTicketResult {
  return { ok: true, ticket: { ...ticket, ...changes, history: [...ticket.history, event] } }
}

/**
 * R-SVC-2 The supervisor dispatches a registered call to a technician (主任派工).
 * Refused (data): not `registered`, dated before the last event, technician inactive.
 *
 * @throws {@link ServiceInputError} for a malformed ticket or instant; `STAFF.INVALID` for a malformed technician
 *
 * @example
 * dispatchTicket(ticket, { technician: { id: 'tech-1', roles: ['specialist'], active: true }, at: shanghaiInstant('2026-10-08', '09:30') })
 * //=> { ok: true, ticket: { state: 'dispatched', technicianId: 'tech-1', … } }
 */
export function dispatchTicket(ticket: ServiceTicket, step: { readonly technician: Staff; readonly at: Date }): ServiceTicketResult {
  const input = readRecord(step, 'step', 'R-SVC-2')
  const started = begin(ticket, input['at'], ['registered'], { en: 'dispatch', zh: '派工' }, 'R-SVC-2')
  if ('refused' in started) return started.refused
  const technician = readStaff(input['technician'], 'step.technician')
  if (!technician.active) {
    return refuse(ServiceRefusalCode.INACTIVE_TECHNICIAN, 'R-SVC-2', `technician ${technician.id} has left and cannot be dispatched`, `技术员 ${technician.id} 已离职，不能派工`)
  }
  return withEvent(
    started.ticket,
    { state: 'dispatched', technicianId: technician.id, dispatchedAt: started.at },
    { type: 'dispatched', at: started.at, actorId: technician.id },
  )
}

/**
 * R-SVC-2 / R-SVC-3 The technician arrives at the customer (抵达服务): the instant that ends the
 * dispatch SLA clock.
 *
 * @example
 * recordArrival(dispatched, { at: shanghaiInstant('2026-10-08', '14:00') }) //=> { ok: true, ticket: { state: 'arrived', … } }
 */
export function recordArrival(ticket: ServiceTicket, step: { readonly at: Date }): ServiceTicketResult {
  const input = readRecord(step, 'step', 'R-SVC-3')
  const started = begin(ticket, input['at'], ['dispatched'], { en: 'record the arrival of', zh: '登记到场' }, 'R-SVC-3')
  if ('refused' in started) return started.refused
  return withEvent(started.ticket, { state: 'arrived', arrivedAt: started.at }, { type: 'arrived', at: started.at, ...actor(started.ticket) })
}

/**
 * R-SVC-5 A repair that cannot be finished on site is taken back to the workshop (带回修理): the
 * customer signs the service voucher, gets a receipt (客户商品领取收据), the product is entered `in`
 * the register (客户商品进出登记薄) and a repair card (修理卡) is opened, with the promised date.
 * Refused (data): not `arrived`, no customer signature, promised date before the day it is taken.
 *
 * @example
 * takeToWorkshop(arrived, { at, receiptNumber: 'R-001', repairCardNumber: 'K-001', promisedDate: '2026-10-12', customerSigned: true })
 * //=> { ok: true, ticket: { state: 'inWorkshop', workshop: { receipt: { number: 'R-001', status: 'issued', … }, register: [{ direction: 'in', … }], … } } }
 */
export function takeToWorkshop(
  ticket: ServiceTicket,
  step: { readonly at: Date; readonly receiptNumber: string; readonly repairCardNumber: string; readonly promisedDate: CivilDay; readonly customerSigned: boolean },
): ServiceTicketResult {
  const input = readRecord(step, 'step', 'R-SVC-5')
  const started = begin(ticket, input['at'], ['arrived'], { en: 'take to the workshop', zh: '带回修理' }, 'R-SVC-5')
  if ('refused' in started) return started.refused
  const receiptNumber = readText(input['receiptNumber'], 'step.receiptNumber', 'R-SVC-5')
  const repairCardNumber = readText(input['repairCardNumber'], 'step.repairCardNumber', 'R-SVC-5')
  const promisedDate = readDay(input['promisedDate'], 'step.promisedDate', 'R-SVC-5')
  if (typeof input['customerSigned'] !== 'boolean') {
    throw invalid(ServiceErrorCode.INVALID_RECORD, 'step.customerSigned', 'must be true or false', '必须是 true 或 false', input['customerSigned'], 'R-SVC-5')
  }
  if (!input['customerSigned']) {
    return refuse(ServiceRefusalCode.CUSTOMER_SIGNATURE_REQUIRED, 'R-SVC-5', 'the customer must sign the service voucher before the product is taken', '带回商品前须请客户在服务凭证上签字')
  }
  const takenDay = toShanghaiDay(started.at)
  if (dayNumberOf(promisedDate) < dayNumberOf(takenDay)) {
    return refuse(ServiceRefusalCode.PROMISED_BEFORE_TAKEN, 'R-SVC-5', `promised date ${promisedDate} is before the day taken ${takenDay}`, `约定修复日期 ${promisedDate} 早于带回日期 ${takenDay}`)
  }
  const { ticket: current, at } = started
  return withEvent(
    current,
    {
      state: 'inWorkshop',
      workshop: {
        receipt: { number: receiptNumber, issuedAt: at, status: 'issued' },
        repairCard: { number: repairCardNumber, openedAt: at },
        promisedDate,
        takenAt: at,
        register: [{ direction: 'in', at, ticketId: current.id, productModel: current.productModel }],
      },
    },
    { type: 'takenToWorkshop', at, ...actor(current) },
  )
}

/**
 * R-SVC-5 The workshop repair is done and accepted by the service supervisor (商品修妥经主任验收):
 * the repair card gets the actual working hours and the parts used.
 * Refused (data): not `inWorkshop`; the acceptor is not an active holder of `supervisorRole`.
 *
 * @throws {@link ServiceInputError} `SERVICE.INVALID_AMOUNT` for negative hours or a part quantity that is not a whole number ≥ 1
 *
 * @example
 * recordRepair(inWorkshop, { at, acceptedBy: supervisor, workHours: 2.5, parts: [{ name: '轴承', quantity: 2 }] })
 * //=> { ok: true, ticket: { state: 'repaired', … } }
 */
export function recordRepair(
  ticket: ServiceTicket,
  step: { readonly at: Date; readonly acceptedBy: Staff; readonly workHours: number; readonly parts?: readonly RepairPart[] },
  policy: ServicePolicy = defaultServicePolicy,
): ServiceTicketResult {
  const rules = readServicePolicy(policy)
  const input = readRecord(step, 'step', 'R-SVC-5')
  const started = begin(ticket, input['at'], ['inWorkshop'], { en: 'record the repair of', zh: '登记修妥' }, 'R-SVC-5')
  if ('refused' in started) return started.refused
  const acceptedBy = readStaff(input['acceptedBy'], 'step.acceptedBy')
  const workHours = input['workHours']
  if (typeof workHours !== 'number' || !Number.isFinite(workHours) || workHours < 0) {
    throw invalid(ServiceErrorCode.INVALID_AMOUNT, 'step.workHours', 'must be a finite number of hours ≥ 0', '必须是不小于 0 的有限小时数', workHours, 'R-SVC-5')
  }
  const parts = input['parts'] === undefined ? [] : readArray(input['parts'], 'step.parts', 'R-SVC-5').map((value, index) => readPart(value, `step.parts[${index}]`))
  if (!acceptedBy.active || !hasRole(acceptedBy, rules.supervisorRole)) {
    return refuse(
      ServiceRefusalCode.NOT_SERVICE_SUPERVISOR,
      'R-SVC-5',
      `${acceptedBy.id} cannot accept the repair: an active ${rules.supervisorRole} must`,
      `${acceptedBy.id} 不能验收：须由在职的服务主任（${rules.supervisorRole}）验收`,
    )
  }
  const { ticket: current, at } = started
  const workshop = current.workshop!
  return withEvent(
    current,
    {
      state: 'repaired',
      workshop: { ...workshop, repairedAt: at, repairCard: { ...workshop.repairCard, workHours, parts, acceptedBy: acceptedBy.id } },
    },
    { type: 'repaired', at, actorId: acceptedBy.id },
  )
}

/**
 * R-SVC-2 / R-SVC-5 The service is completed (完工): on site (from `arrived`, 当场处理好), or the
 * repaired product is returned (from `repaired`, 还商品): then the register gets its `out` entry and
 * the receipt is taken back and voided (收据作废). Paid service must be charged this same day.
 *
 * @example
 * completeService(arrived, { at: shanghaiInstant('2026-10-08', '16:00') }) //=> { ok: true, ticket: { state: 'completed', … } }
 */
export function completeService(ticket: ServiceTicket, step: { readonly at: Date }): ServiceTicketResult {
  const input = readRecord(step, 'step', 'R-SVC-2')
  const started = begin(ticket, input['at'], ['arrived', 'repaired'], { en: 'complete', zh: '完工' }, 'R-SVC-2')
  if ('refused' in started) return started.refused
  const { ticket: current, at } = started
  const event: ServiceTicketEvent = { type: 'completed', at, ...actor(current) }
  if (current.state === 'arrived') return withEvent(current, { state: 'completed', completedAt: at }, event)
  const workshop = current.workshop!
  return withEvent(
    current,
    {
      state: 'completed',
      completedAt: at,
      workshop: {
        ...workshop,
        returnedAt: at,
        receipt: { ...workshop.receipt, status: 'voided', voidedAt: at },
        register: [...workshop.register, { direction: 'out', at, ticketId: current.id, productModel: current.productModel }],
      },
    },
    event,
  )
}

/**
 * R-SVC-2 Records the charge of paid service (有费服务收费 / 开票). Refused (data): the ticket is not
 * type A, it is already charged, or the technician has not yet arrived.
 *
 * @throws {@link ServiceInputError} `SERVICE.INVALID_AMOUNT` for an amount ≤ 0; `MONEY.*` for a malformed one
 *
 * @example
 * recordCharge(completed, { at: shanghaiInstant('2026-10-08', '17:00'), amount: '350.00', invoiceNumber: 'F-0001' })
 * //=> { ok: true, ticket: { charge: { amount: Money(350.00), … }, … } }
 */
export function recordCharge(
  ticket: ServiceTicket,
  step: { readonly at: Date; readonly amount: MoneyInput; readonly invoiceNumber?: string },
): ServiceTicketResult {
  const input = readRecord(step, 'step', 'R-SVC-2')
  const started = begin(ticket, input['at'], ['arrived', 'inWorkshop', 'repaired', 'completed', 'closed'], { en: 'charge', zh: '收费' }, 'R-SVC-2')
  if ('refused' in started) return started.refused
  const amount = Money.of(input['amount'] as MoneyInput, 'step.amount')
  if (!amount.isPositive()) {
    throw invalid(ServiceErrorCode.INVALID_AMOUNT, 'step.amount', 'must be above zero', '必须大于零', amount.toString(), 'R-SVC-2')
  }
  const invoiceNumber = input['invoiceNumber'] === undefined ? undefined : readText(input['invoiceNumber'], 'step.invoiceNumber', 'R-SVC-2')
  const { ticket: current, at } = started
  if (current.serviceType !== 'A') {
    return refuse(ServiceRefusalCode.NOT_PAID_SERVICE, 'R-SVC-2', `only paid service (A) is charged; this ticket is type ${current.serviceType}`, `仅有费服务（A）收费，本服务单为 ${current.serviceType} 类`)
  }
  if (current.charge !== undefined) {
    return refuse(ServiceRefusalCode.ALREADY_CHARGED, 'R-SVC-2', 'the ticket is already charged', '本服务单已收费')
  }
  return withEvent(
    current,
    { charge: { at, amount, ...(invoiceNumber === undefined ? {} : { invoiceNumber }) } },
    { type: 'charged', at, ...actor(current) },
  )
}

/**
 * R-SVC-2 Closes a completed ticket with the customer's signature on the service voucher (客户签字,
 * 注销叫修登记). Refused (data): not `completed`, no signature, paid service not yet charged (when
 * `requireChargeBeforeClose`, the default).
 *
 * @example
 * closeTicket(completed, { at, customerSignature: '张三' }) //=> { ok: true, ticket: { state: 'closed', … } }
 * closeTicket(completed, { at, customerSignature: '' }).ok //=> false (SERVICE.CUSTOMER_SIGNATURE_REQUIRED)
 */
export function closeTicket(
  ticket: ServiceTicket,
  step: { readonly at: Date; readonly customerSignature: string },
  policy: ServicePolicy = defaultServicePolicy,
): ServiceTicketResult {
  const rules = readServicePolicy(policy)
  const input = readRecord(step, 'step', 'R-SVC-2')
  const started = begin(ticket, input['at'], ['completed'], { en: 'close', zh: '结案' }, 'R-SVC-2')
  if ('refused' in started) return started.refused
  const signature = input['customerSignature']
  if (signature !== undefined && typeof signature !== 'string') {
    throw invalid(ServiceErrorCode.INVALID_RECORD, 'step.customerSignature', 'must be a string', '必须是字符串', signature, 'R-SVC-2')
  }
  if (signature === undefined || signature.trim() === '') {
    return refuse(ServiceRefusalCode.CUSTOMER_SIGNATURE_REQUIRED, 'R-SVC-2', 'the customer must sign the service voucher to close the ticket', '结案须请客户在服务凭证上签字')
  }
  const { ticket: current, at } = started
  if (rules.requireChargeBeforeClose && current.serviceType === 'A' && current.charge === undefined) {
    return refuse(ServiceRefusalCode.NOT_CHARGED, 'R-SVC-2', 'paid service (A) must be charged before the ticket is closed', '有费服务（A）须先收费（开票）才能结案')
  }
  return withEvent(current, { state: 'closed', closedAt: at, customerSignature: signature }, { type: 'closed', at, ...actor(current) })
}

function actor(ticket: ServiceTicket): { actorId?: string } {
  return ticket.technicianId === undefined ? {} : { actorId: ticket.technicianId }
}

function readPart(value: unknown, field: string): RepairPart {
  const part = readRecord(value, field, 'R-SVC-5')
  const name = readText(part['name'], `${field}.name`, 'R-SVC-5')
  const quantity = part['quantity']
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
    throw invalid(ServiceErrorCode.INVALID_AMOUNT, `${field}.quantity`, 'must be a whole number ≥ 1', '必须是不小于 1 的整数', quantity, 'R-SVC-5')
  }
  return { name, quantity }
}
