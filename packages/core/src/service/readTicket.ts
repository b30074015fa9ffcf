import { ServiceErrorCode } from './errors.js'
import { SERVICE_ZONES } from './policy.js'
import { invalid, readArray, readInstant, readRecord, readText } from './readers.js'
import { SERVICE_TICKET_STATES, type ServiceTicket } from './ticket.js'

/**
 * Checks the parts of a ticket the rules rely on (id, state, type, zone, call time, history) and
 * returns it with the instant of its last event.
 * @internal
 */
export function readTicket(value: unknown, field: string, ruleId: string): { ticket: ServiceTicket; lastAt: number } {
  const record = readRecord(value, field, ruleId)
  readText(record['id'], `${field}.id`, ruleId)
  const state = record['state']
  if (typeof state !== 'string' || !(SERVICE_TICKET_STATES as readonly string[]).includes(state)) {
    throw invalid(ServiceErrorCode.INVALID_TICKET, `${field}.state`, `must be one of ${SERVICE_TICKET_STATES.join(', ')}`, `必须是 ${SERVICE_TICKET_STATES.join('、')} 之一`, state, ruleId)
  }
  if (!['A', 'B', 'C'].includes(record['serviceType'] as string)) {
    throw invalid(ServiceErrorCode.INVALID_TICKET, `${field}.serviceType`, 'must be A, B or C', '必须是 A、B 或 C', record['serviceType'], ruleId)
  }
  if (!(SERVICE_ZONES as readonly unknown[]).includes(record['zone'])) {
    throw invalid(ServiceErrorCode.INVALID_TICKET, `${field}.zone`, 'must be urban or suburban', '必须是 urban（市区）或 suburban（郊区）', record['zone'], ruleId)
  }
  if ((state === 'inWorkshop' || state === 'repaired') && (typeof record['workshop'] !== 'object' || record['workshop'] === null)) {
    throw invalid(ServiceErrorCode.INVALID_TICKET, `${field}.workshop`, `must be present in state ${state}`, `状态为 ${state} 时必须有带回修理记录`, record['workshop'], ruleId)
  }
  let lastAt = readInstant(record['callAt'], `${field}.callAt`, ruleId).getTime()
  readArray(record['history'], `${field}.history`, ruleId).forEach((event, index) => {
    const at = readInstant(readRecord(event, `${field}.history[${index}]`, ruleId)['at'], `${field}.history[${index}].at`, ruleId).getTime()
    if (at > lastAt) lastAt = at
  })
  return { ticket: value as ServiceTicket, lastAt }
}
