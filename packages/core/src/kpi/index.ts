/**
 * KPIs (绩效考核指标, R-KPI-1..8): assessment periods in Asia/Shanghai, the big-customer KPIs of
 * the customer department, the manager KPIs, and the weighted scorecard with its warning.
 * @module
 */
export { KpiErrorCode, KpiInputError } from './errors.js'
export type { InstantInput } from './instant.js'
export { KPI_PERIOD_YEARS, type KpiPeriod, type KpiPeriodInput, SHANGHAI_OFFSET_MINUTES, isInPeriod, parseKpiPeriod } from './period.js'
export { type KpiCount, type KpiRate, type KpiUndefinedReason, KpiUndefinedCode, ratioToPercent } from './rate.js'
export type {
  ArchiveCompletenessRecord,
  CustomerRecord,
  DevelopmentPlanRecord,
  FeedbackRecord,
  PlannedRevisitRecord,
  RevisitRecord,
  SaleRecord,
  SalesPlanRecord,
  ServiceBudgetRecord,
  ServiceCostRecord,
} from './records.js'
export { type BigCustomerSalesInput, bigCustomerSalesPlanCompletion } from './bigCustomerSalesPlanCompletion.js'
export { type BigCustomerChurnInput, bigCustomerChurnCount } from './bigCustomerChurnCount.js'
export { type BigCustomerDevelopmentInput, bigCustomerDevelopmentPlanCompletion } from './bigCustomerDevelopmentPlanCompletion.js'
export { type FeedbackTimelinessInput, feedbackTimeliness } from './feedbackTimeliness.js'
export { type RevisitRateInput, type RevisitRateOptions, bigCustomerRevisitRate } from './bigCustomerRevisitRate.js'
export { type ServiceCostInput, serviceCostControl } from './serviceCostControl.js'
export { type SalesPlanInput, salesPlanCompletion } from './salesPlanCompletion.js'
export { type ArchiveCompletenessRateInput, type ArchiveCompletenessRateMode, archiveCompletenessRate } from './archiveCompletenessRate.js'
export { type CustomerBaseInput, churnRate } from './churnRate.js'
export { newDevelopmentRate } from './newDevelopmentRate.js'
export {
  type KpiDirection,
  type ScorecardEntry,
  type ScorecardPolicy,
  type UndefinedKpiTreatment,
  createScorecardPolicy,
  defaultDepartmentScorecardPolicy,
  defaultManagerScorecardPolicy,
} from './scorecardPolicy.js'
export { type ScorecardLine, type ScorecardResult, type ScorecardValue, type ScorecardWarning, kpiScorecard } from './scorecard.js'
