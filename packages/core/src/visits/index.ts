/**
 * Visits and contact (拜访与接待), rules R-VIS-1 … R-VIS-5: visit plans and their approval before
 * the visit, visit records with the per-customer summary, the data-entry and minutes deadlines
 * on the working calendar, the minutes workflow, and gift and reception requests with their
 * default approval chains. Every reader reports every issue of a form at once.
 * @module
 */
export {
  InvalidVisitInputError,
  InvalidVisitRecordError,
  VisitErrorCode,
  type VisitRefusal,
} from './errors.js'
export { createVisitPolicy, defaultVisitPolicy, type VisitPolicy } from './policy.js'
export {
  assertVisitPlan,
  defaultVisitPlanChain,
  readVisitPlan,
  type VisitPermission,
  type VisitPlan,
  type VisitPlanApproval,
  type VisitPlanVerdict,
  visitMayTakePlace,
} from './visitPlan.js'
export {
  assertVisitRecord,
  CUSTOMER_ATTITUDES,
  type CustomerAttitude,
  readVisitRecord,
  VISIT_METHODS,
  VISIT_RECORD_FIELDS,
  type VisitMethod,
  type VisitRecord,
  type VisitRecordVerdict,
} from './visitRecord.js'
export { type VisitSummary, visitSummary } from './visitSummary.js'
export { dataEntryDeadline, isDataEntryLate, minutesDeadline } from './deadlines.js'
export {
  confirmMinutesReceived,
  draftMinutes,
  isMinutesLate,
  type MeetingMinutes,
  type MinutesActionResult,
  type MinutesDraftVerdict,
  type MinutesStatus,
  reviewMinutes,
  sendMinutesToCustomer,
} from './minutes.js'
export { assertGiftRequest, defaultGiftChain, GIFT_REQUEST_FIELDS, type GiftRequest, type GiftRequestVerdict, readGiftRequest } from './gift.js'
export {
  assertReceptionRequest,
  defaultReceptionChain,
  RECEPTION_COST_CATEGORIES,
  RECEPTION_LEVELS,
  RECEPTION_PAYMENTS,
  RECEPTION_PURPOSES,
  RECEPTION_REQUEST_FIELDS,
  type ReceptionCostCategory,
  type ReceptionCostLine,
  type ReceptionLevel,
  type ReceptionPayment,
  type ReceptionPurpose,
  type ReceptionRequest,
  type ReceptionRequestVerdict,
  type ReceptionTotals,
  readReceptionRequest,
  receptionTotals,
} from './reception.js'
