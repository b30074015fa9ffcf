import { calendarDaysBetween, type CivilDay } from '../calendar/civilDay.js'
import { toShanghaiDay } from '../calendar/shanghaiTime.js'
import type { StaffRole } from '../staff/roles.js'
import { defaultServicePolicy, readServicePolicy, type ServicePolicy } from './policy.js'
import { readArray, readInstant } from './readers.js'
import { readTicket } from './readTicket.js'
import type { ServiceTicket } from './ticket.js'

const RULE = 'R-SVC-5'

/** A workshop repair late against its promised date, to be reported to the service supervisor (报请服务主任协助). */
export interface RepairEscalation {
  readonly ruleId: 'R-SVC-5'
  readonly ticketId: string
  readonly technicianId?: string
  readonly promisedDate: CivilDay
  /** Whole calendar days since the promised date (≥ 1). */
  readonly daysLate: number
  /** The role to escalate to; **default** `serviceSupervisor` (服务主任). */
  readonly escalateTo: StaffRole
  readonly messageZh: string
  readonly messageEn: string
}

/**
 * R-SVC-5 "凡待修商品，不能按原定时间修妥者，技术员应即报请服务主任予以协助": the workshop repairs
 * (state `inWorkshop`) whose promised date is before `now`'s Asia/Shanghai day — the promised day
 * has ended without the repair — each to be escalated to the `supervisorRole`. Most late first,
 * then by ticket id. Repairs already done (`repaired`, `completed`, `closed`) are never escalated.
 *
 * @throws {@link ServiceInputError} for a malformed ticket or `now`
 *
 * @example
 * repairEscalations([inWorkshopPromised1012], shanghaiInstant('2026-10-13', '09:00'))
 * //=> [{ ticketId: 'T1', promisedDate: '2026-10-12', daysLate: 1, escalateTo: 'serviceSupervisor', … }]
 */
export function repairEscalations(tickets: readonly ServiceTicket[], now: Date, policy: ServicePolicy = defaultServicePolicy): RepairEscalation[] {
  const rules = readServicePolicy(policy)
  const today = toShanghaiDay(readInstant(now, 'now', RULE))
  const escalations: RepairEscalation[] = []
  readArray(tickets, 'tickets', RULE).forEach((value, index) => {
    const { ticket } = readTicket(value, `tickets[${index}]`, RULE)
    if (ticket.state !== 'inWorkshop') return
    const promisedDate = ticket.workshop!.promisedDate
    const daysLate = calendarDaysBetween(today, promisedDate)
    if (daysLate < 1) return
    escalations.push({
      ruleId: RULE,
      ticketId: ticket.id,
      ...(ticket.technicianId === undefined ? {} : { technicianId: ticket.technicianId }),
      promisedDate,
      daysLate,
      escalateTo: rules.supervisorRole,
      messageEn: `ticket ${ticket.id}: the workshop repair promised for ${promisedDate} is ${daysLate} day(s) late; report to the service supervisor`,
      messageZh: `服务单 ${ticket.id}：带回修理的商品原定 ${promisedDate} 修妥，已逾期 ${daysLate} 天，应报请服务主任协助`,
    })
  })
  return escalations.sort((a, b) => b.daysLate - a.daysLate || (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0))
}
