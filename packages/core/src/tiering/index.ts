/**
 * Customer tiering (客户分级, R-TIE-1..5): tiers, demand grades, the classification formula,
 * the general-manager office approval of strategic partners, and "big customer" for the KPIs.
 * @module
 */
export { CUSTOMER_TIERS, CUSTOMER_TIER_NAMES, type CustomerTier, type FormulaTier, compareTiers, isCustomerTier } from './tier.js'
export { TieringErrorCode, TieringInputError } from './errors.js'
export { type TieringReason, TieringReasonCode } from './reason.js'
export {
  CUSTOMER_COMPANY_NATURES,
  CUSTOMER_SCALES,
  NEED_URGENCIES,
  type CustomerCompanyNature,
  type CustomerFigures,
  type CustomerScale,
  type NeedUrgency,
} from './figures.js'
export { type BigCustomerPolicy, type TieringPolicy, createTieringPolicy, defaultTieringPolicy } from './policy.js'
export { type DemandFigures, type DemandGrade, demandGrade } from './demandGrade.js'
export { type CustomerClassification, type FormulaClassification, classifyCustomer } from './classifyCustomer.js'
export {
  GENERAL_MANAGER_OFFICE,
  type StrategicApproval,
  type StrategicApprovalResult,
  applyStrategicApproval,
} from './strategicApproval.js'
export { isBigCustomer } from './bigCustomer.js'
