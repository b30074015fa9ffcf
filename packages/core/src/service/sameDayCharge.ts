import { toShanghaiDay } from '../calendar/shanghaiTime.js'
import { readInstant } from './readers.js'
import { readTicket } from './readTicket.js'
import type { ServiceTicket } from './ticket.js'

/**
 * Whether paid work was charged on time (有费服务当天收费), R-SVC-2, at an instant:
 *
 * - `notRequired` — not paid service (B or C);
 * - `notYetDue` — paid, not completed, not charged;
 * - `dueToday` — completed today (Asia/Shanghai) and not yet charged;
 * - `chargedOnTime` — charged on or before the completion day (on site, or at the accountant that day);
 * - `chargedLate` — charged on a later day;
 * - `overdue` — completed on an earlier day and still not charged.
 */
export type ChargeState = 'notRequired' | 'notYetDue' | 'dueToday' | 'chargedOnTime' | 'chargedLate' | 'overdue'

/** The verdict of {@link chargeStatus}. */
export interface ChargeStatus {
  readonly ruleId: 'R-SVC-2'
  readonly state: ChargeState
  /** True for `chargedLate` and `overdue` (a violation of the same-day rule). */
  readonly violation: boolean
}

/**
 * R-SVC-2 "有费服务…应在当天凭服务凭证至会计员处开票": paid service (A) must be charged the same
 * Asia/Shanghai day it is completed (for a workshop repair, the day the product is returned). A
 * charge or completion after `now` is not known yet at `now`.
 *
 * @throws {@link ServiceInputError} for a malformed ticket or `now`
 *
 * @example
 * chargeStatus(completedAt1600NotCharged, shanghaiInstant('2026-10-08', '17:00')).state //=> 'dueToday'
 * chargeStatus(completedAt1600NotCharged, shanghaiInstant('2026-10-09', '09:00')).state //=> 'overdue'
 */
export function chargeStatus(ticket: ServiceTicket, now: Date): ChargeStatus {
  const { ticket: current } = readTicket(ticket, 'ticket', 'R-SVC-2')
  const at = readInstant(now, 'now', 'R-SVC-2').getTime()
  const state = decide(current, at)
  return { ruleId: 'R-SVC-2', state, violation: state === 'chargedLate' || state === 'overdue' }
}

function decide(ticket: ServiceTicket, now: number): ChargeState {
  if (ticket.serviceType !== 'A') return 'notRequired'
  const completedAt = ticket.completedAt !== undefined && ticket.completedAt.getTime() <= now ? ticket.completedAt : undefined
  const chargedAt = ticket.charge !== undefined && ticket.charge.at.getTime() <= now ? ticket.charge.at : undefined
  if (completedAt === undefined) return chargedAt === undefined ? 'notYetDue' : 'chargedOnTime'
  const completedDay = toShanghaiDay(completedAt)
  if (chargedAt !== undefined) return toShanghaiDay(chargedAt) <= completedDay ? 'chargedOnTime' : 'chargedLate'
  return toShanghaiDay(new Date(now)) === completedDay ? 'dueToday' : 'overdue'
}
