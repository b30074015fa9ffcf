/**
 * Contracts and receivables (合同与回款, R-CON-1..3): when a sales contract needs the approval
 * procedure, instalment schedules that sum exactly, payment reminders and reconciliation with the
 * ledger entries to post, and the arrears reply and late-delivery deadlines.
 * @module
 */
export { ContractErrorCode, ContractInputError } from './errors.js'
export {
  ACCUMULATION_WINDOWS,
  type AccumulationWindow,
  type ContractPolicy,
  createContractPolicy,
  defaultContractPolicy,
  type ThresholdComparison,
} from './policy.js'
export { defaultContractChain } from './approvalChain.js'
export { type AccumulationPeriod, accumulationPeriod } from './accumulationWindow.js'
export {
  type ContractApprovalReason,
  type ContractApprovalVerdict,
  contractNeedsApproval,
  type ContractToSign,
  type PastContract,
} from './contractApproval.js'
export { type Instalment, type InstalmentSchedule, type InstalmentScheduleInput, instalmentSchedule } from './instalmentSchedule.js'
export { type InstalmentReminder, reminderDates } from './reminders.js'
export {
  type ContractPayment,
  type InstalmentPosition,
  type LedgerEntry,
  overdueInstalments,
  type PaymentReconciliation,
  reconcilePayments,
} from './reconcilePayments.js'
export {
  arrearsReplyDeadline,
  arrearsReplyStatus,
  type DayDeadline,
  type DeadlineStatus,
  lateDeliveryDeadline,
  lateDeliveryStatus,
} from './arrears.js'
