import type { CivilDay } from '../calendar/civilDay.js'
import { toShanghaiDay } from '../calendar/shanghaiTime.js'
import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import { addWorkingDays } from '../calendar/workingDays.js'
import { ServiceErrorCode } from './errors.js'
import { invalid, readArray, readInstant } from './readers.js'
import { readTicket } from './readTicket.js'
import type { ServiceTicket } from './ticket.js'

const RULE = 'R-SVC-4'

/** One call waiting for dispatch (待派工), in queue order. */
export interface DispatchQueueEntry {
  readonly ruleId: 'R-SVC-4'
  readonly ticket: ServiceTicket
  /** 1-based place in the queue. */
  readonly position: number
  /** `carriedOver` (前日未派，优先派工) or `today` (当日叫修). */
  readonly priority: 'carriedOver' | 'today'
  /** Shanghai day of the call. */
  readonly callDay: CivilDay
  /** For a carried-over call: the working day it was due to be dispatched first (the next working day after its call day). */
  readonly priorityDay?: CivilDay
  /** For a carried-over call: true when even that priority day has passed. */
  readonly missedPriorityDay?: boolean
}

/**
 * R-SVC-4 "将当天未派修工作，于次日送请主任优先派工": the order in which registered calls are
 * dispatched at `now`. Calls from an earlier Asia/Shanghai day than `now`'s (carried over, whatever
 * the day) come first, oldest call first; then today's calls by call time; ties by ticket id. Only
 * tickets in state `registered` with a call at or before `now` are queued; calls after `now` are not
 * known yet and are left out.
 *
 * @throws {@link ServiceInputError} `SERVICE.INVALID_TICKET`, `SERVICE.DUPLICATE_TICKET`, `SERVICE.INVALID_INSTANT`; `CALENDAR.YEAR_NOT_COVERED`
 *
 * @example
 * // now Thursday 2026-10-08 09:05: yesterday's holiday call and 09-30's call are carried over
 * dispatchQueue([today0900, holiday1002, sept30], shanghaiInstant('2026-10-08', '09:05'), calendar).map((e) => e.ticket.id)
 * //=> ['sept30', 'holiday1002', 'today0900']
 */
export function dispatchQueue(tickets: readonly ServiceTicket[], now: Date, calendar: WorkingCalendar): DispatchQueueEntry[] {
  const at = readInstant(now, 'now', RULE)
  const today = toShanghaiDay(at)
  const seen = new Set<string>()
  const waiting = readArray(tickets, 'tickets', RULE)
    .map((value, index) => {
      const { ticket } = readTicket(value, `tickets[${index}]`, RULE)
      if (seen.has(ticket.id)) {
        throw invalid(ServiceErrorCode.DUPLICATE_TICKET, `tickets[${index}].id`, 'repeats an earlier ticket id', '与之前的服务单号重复', ticket.id, RULE)
      }
      seen.add(ticket.id)
      return ticket
    })
    .filter((ticket) => ticket.state === 'registered' && ticket.callAt.getTime() <= at.getTime())
    .map((ticket) => ({ ticket, callDay: toShanghaiDay(ticket.callAt) }))
  waiting.sort((a, b) => {
    const aCarried = a.callDay < today
    const bCarried = b.callDay < today
    if (aCarried !== bCarried) return aCarried ? -1 : 1
    const byTime = a.ticket.callAt.getTime() - b.ticket.callAt.getTime()
    if (byTime !== 0) return byTime
    return a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0
  })
  return waiting.map(({ ticket, callDay }, index) => {
    if (callDay >= today) return { ruleId: RULE, ticket, position: index + 1, priority: 'today', callDay }
    const priorityDay = addWorkingDays(calendar, callDay, 1)
    return { ruleId: RULE, ticket, position: index + 1, priority: 'carriedOver', callDay, priorityDay, missedPriorityDay: priorityDay < today }
  })
}
