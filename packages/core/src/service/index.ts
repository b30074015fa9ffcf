/**
 * After-sales service (售后服务, R-SVC-1..6): service types A/B/C, the repair-ticket state machine
 * (叫修登记 → 派工 → 到场 → 带回修理 → 完工 → 客户签字结案), same-day charging of paid work, the
 * 6/7 working-hour dispatch SLA, the carried-over dispatch queue, workshop documents and
 * escalations, and the maintenance-contract renewal notice.
 * @module
 */
export { ServiceErrorCode, ServiceInputError, ServiceRefusalCode } from './errors.js'
export {
  type CoveragePrecedence,
  createServicePolicy,
  defaultServicePolicy,
  SERVICE_ZONES,
  type ServicePolicy,
  type ServiceZone,
} from './policy.js'
export { type ProductCoverage, SERVICE_TYPE_NAMES_ZH, type ServiceType, serviceType, type ServiceTypeVerdict } from './serviceType.js'
export {
  type RepairPart,
  type ServiceCharge,
  type ServiceRefusal,
  SERVICE_TICKET_STATES,
  type ServiceTicket,
  type ServiceTicketEvent,
  type ServiceTicketResult,
  type ServiceTicketState,
  type WorkshopRegisterEntry,
  type WorkshopRepair,
} from './ticket.js'
export { registerServiceCall, type ServiceCallInput } from './registerServiceCall.js'
export { closeTicket, completeService, dispatchTicket, recordArrival, recordCharge, recordRepair, takeToWorkshop } from './transitions.js'
export { type ChargeState, type ChargeStatus, chargeStatus } from './sameDayCharge.js'
export { breachStatus, dispatchDeadline, type DispatchSlaState, type DispatchSlaStatus, type DispatchSlaSubject } from './dispatchSla.js'
export { dispatchQueue, type DispatchQueueEntry } from './dispatchQueue.js'
export { type RepairEscalation, repairEscalations } from './repairEscalations.js'
export { renewalNoticeDate, renewalNoticeStatus } from './renewalNotice.js'
