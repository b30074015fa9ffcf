/**
 * Access and records (信息安全), rules R-ACC-1 … R-ACC-4: who may view, edit, export or reassign a
 * customer (decision table, grants, inactive staff), the view audit entry, reporting significant
 * contacts to the information department, and complaints under first-contact responsibility
 * (首问负责制).
 * @module
 */
export { buildViewAuditEntry, type ViewAuditEntry } from './auditEntry.js'
export {
  COMPLAINT_CATEGORIES,
  type Complaint,
  type ComplaintCategory,
  type ComplaintEvent,
  type ComplaintPolicy,
  type ComplaintStatus,
  type ComplaintUnit,
  createComplaintPolicy,
  defaultComplaintPolicy,
  responsibleUnitForComplaint,
} from './complaint.js'
export {
  answerComplaint,
  closeComplaint,
  type ComplaintRefusal,
  ComplaintRefusalCode,
  type ComplaintResult,
  receiveComplaint,
  routeComplaint,
} from './complaintTransitions.js'
export {
  type AccessDecision,
  type AccessGrant,
  type AccessReason,
  AccessReasonCode,
  type AccessRequest,
  type CustomerRecordRef,
  decideAccess,
} from './decideAccess.js'
export { AccessErrorCode, AccessInputError } from './errors.js'
export {
  ACCESS_ACTIONS,
  ACCESS_BASES,
  type AccessAction,
  type AccessBasis,
  type AccessPolicy,
  createAccessPolicy,
  defaultAccessPolicy,
} from './policy.js'
export { type ContactEventFlags, InformationReportCode, type InformationReportVerdict, mustReportToInformation } from './reportToInformation.js'
export { type UnansweredComplaint, unansweredComplaints } from './unansweredComplaints.js'
