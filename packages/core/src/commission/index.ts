/**
 * Commissions (提成), R-COM-1..8 — 第5章销售项目提成制度: fixed projects (公司固定项目),
 * strategic projects (策略性项目) with the margin gate and the over-profit bonus, risk projects
 * (风险性项目), exact splits, and a bilingual trace of every figure.
 * @module
 */
export { CommissionErrorCode, CommissionInputError } from './errors.js'
export {
  type CommissionPolicy,
  createCommissionPolicy,
  defaultCommissionPolicy,
  type OverProfitBonusMode,
  type OverProfitBonusPolicy,
  type RateRange,
} from './policy.js'
export type { Person, Share, ShareInput } from './inputs.js'
export type {
  BilingualText,
  CommissionRounding,
  CommissionTrace,
  CommissionTraceKind,
  CommissionTraceStep,
} from './trace.js'
export { fixedProjectCommission, type FixedProjectCommissionInput, type FixedProjectCommissionResult } from './fixedProjectCommission.js'
export { overProfitBonus, type OverProfitBonusInput, type OverProfitBonusResult } from './overProfitBonus.js'
export {
  type ExecutionInput,
  type PersonTotal,
  type ProfitShareInput,
  type StrategicCommissionLine,
  type StrategicNotQualified,
  type StrategicOverProfitBonus,
  strategicProjectCommission,
  type StrategicProjectCommissionInput,
  type StrategicProjectCommissionResult,
  type StrategicQualified,
  type StrategicRole,
} from './strategicProjectCommission.js'
export { riskProjectCommission, type RiskProjectCommissionInput, type RiskProjectCommissionResult } from './riskProjectCommission.js'
export { type CommissionPart, splitCommission, type SplitCommissionResult } from './splitCommission.js'
export { formatCommissionTrace, type TraceLanguage } from './formatCommissionTrace.js'
export {
  type FixedProjectAmounts,
  fixedProjectCommissionAmounts,
  type RiskProjectAmounts,
  riskProjectCommissionAmounts,
  type SplitAmounts,
  splitCommissionAmounts,
  type StrategicAmountLine,
  strategicProjectCommissionAmounts,
  type StrategicProjectAmounts,
} from './amounts.js'
