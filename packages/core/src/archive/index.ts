/**
 * Customer archive checks (客户档案检查): field names of the archive record (R-ARC-1/2),
 * completeness score (R-ARC-3), identity-field validators (R-ARC-4) and the duplicate
 * check (R-ARC-5); validated records with every issue listed — the customer archive (R-ARC-1),
 * contacts (R-ARC-2) — and the archive timeline with its major changes (R-ARC-6).
 * @module
 */
export {
  ARCHIVE_FIELDS,
  ARCHIVE_FIELD_LABELS_ZH,
  ARCHIVE_IDENTITY_FIELDS,
  type AnnualSales,
  type ArchiveFieldName,
  type ArchiveValue,
  COMPANY_NATURES,
  CONTACT_FIELDS,
  type CompanyNature,
  type CompetitorInfo,
  type ContactFieldName,
  type CustomerArchiveDraft,
  type CustomerContactDraft,
  INDUSTRY_POSITIONS,
  type IndustryPosition,
} from './fields.js'
export { ArchiveErrorCode, InvalidArchiveFieldError, InvalidArchiveInputError } from './errors.js'
export { type ArchiveFieldIssue, type FieldVerdict, toHalfWidth, unwrapVerdict } from './verdict.js'
export {
  assertCreditCode,
  computeCreditCodeCheckCharacter,
  computeOrganisationCodeCheckCharacter,
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_WEIGHTS,
  type CreditCodeOptions,
  normaliseCreditCode,
  ORGANISATION_CODE_WEIGHTS,
  validateCreditCode,
} from './creditCode.js'
export { assertMobile, type MobileNumber, validateMobile } from './mobile.js'
export { assertLandline, type LandlineNumber, validateLandline } from './landline.js'
export { assertPhone, type PhoneNumber, validatePhone } from './phone.js'
export { assertPostalCode, validatePostalCode } from './postalCode.js'
export { assertEmail, EMAIL_LOCAL_PART_MAX_LENGTH, EMAIL_MAX_LENGTH, validateEmail } from './email.js'
export { type ArchiveCompletenessPolicy, createArchiveCompletenessPolicy, defaultArchiveCompletenessPolicy } from './completenessPolicy.js'
export { type ArchiveCompleteness, archiveCompleteness, isArchiveValueFilled, type MissingArchiveField } from './completeness.js'
export { createCustomerNamePolicy, type CustomerNamePolicy, defaultCustomerNamePolicy } from './customerNamePolicy.js'
export { normaliseCustomerName } from './customerName.js'
export {
  type BatchDuplicate,
  createDuplicateIndex,
  type CustomerId,
  type DuplicateBasis,
  type DuplicateCandidate,
  type DuplicateIndex,
  type DuplicateMatch,
  type ExistingCustomer,
  findDuplicates,
  findDuplicatesInBatch,
} from './duplicates.js'
export { ArchiveRecordErrorCode, InvalidArchiveRecordError } from './recordErrors.js'
export type { RecordIssue } from './recordIssues.js'
export { createCustomerArchivePolicy, type CustomerArchivePolicy, defaultCustomerArchivePolicy } from './recordPolicy.js'
export { assertContact, type Contact, type ContactVerdict, readContact } from './contact.js'
export {
  assertCustomerArchive,
  type Competitor,
  type CustomerArchive,
  type CustomerArchiveVerdict,
  readCustomerArchive,
  type YearlySales,
} from './records.js'
export {
  type AppendTimelineResult,
  appendTimelineEvent,
  assertTimelineEvent,
  type CustomerTimeline,
  emptyTimeline,
  type MajorChange,
  majorChangeEvent,
  type MajorChangeEventInput,
  majorChanges,
  readTimelineEvent,
  TIMELINE_EVENT_KINDS,
  type TimelineEvent,
  type TimelineEventKind,
  type TimelineEventVerdict,
  type TimelineRefusal,
} from './timeline.js'
