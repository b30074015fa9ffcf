import { Decimal } from '../money/decimal.js'

/** Why a KPI rate is not defined (指标无定义的原因): its denominator is zero. */
export interface KpiUndefinedReason {
  /** Stable code, e.g. `KPI.NO_SALES_PLAN`. */
  readonly code: string
  /** The rule of the KPI, e.g. `R-KPI-1`. */
  readonly ruleId: string
  readonly messageZh: string
  readonly messageEn: string
}

/** Codes of {@link KpiUndefinedReason} (指标无定义原因代码), one per kind of empty denominator. */
export const KpiUndefinedCode = {
  /** No sales were planned in the period (计划销售额为零). */
  NO_SALES_PLAN: 'KPI.NO_SALES_PLAN',
  /** No big customers were planned to be developed (计划开发数为零). */
  NO_DEVELOPMENT_PLAN: 'KPI.NO_DEVELOPMENT_PLAN',
  /** No feedback fell due in the period (无到期的客户意见). */
  NO_FEEDBACK_DUE: 'KPI.NO_FEEDBACK_DUE',
  /** No revisits were planned in the period (无计划回访). */
  NO_REVISITS_PLANNED: 'KPI.NO_REVISITS_PLANNED',
  /** The service budget of the period is zero (服务费用预算为零). */
  NO_SERVICE_BUDGET: 'KPI.NO_SERVICE_BUDGET',
  /** No archives were given (无客户档案). */
  NO_ARCHIVES: 'KPI.NO_ARCHIVES',
  /** There were no customers at the start of the period (期初客户数为零). */
  NO_CUSTOMERS_AT_START: 'KPI.NO_CUSTOMERS_AT_START',
} as const

/**
 * A rate KPI (比率型指标): defined with its exact ratio in [0, ∞), or not defined with the reason
 * when the denominator is zero. Never NaN or Infinity.
 */
export type KpiRate =
  | {
      readonly status: 'defined'
      /** numerator ÷ denominator, to 40 significant digits (unrounded otherwise). */
      readonly ratio: Decimal
      /** The ratio as a percentage with two decimals, rounded half-up: `'87.50'` for 0.875. */
      readonly percent: string
      readonly numerator: Decimal
      readonly denominator: Decimal
    }
  | { readonly status: 'undefined'; readonly reason: KpiUndefinedReason }

/** A count KPI (计数型指标, e.g. R-KPI-2 churned big customers): always defined. */
export interface KpiCount {
  readonly status: 'defined'
  readonly count: number
  /** Ids of the customers counted, in input order. */
  readonly customerIds: readonly string[]
}

/**
 * Formats a ratio as a percentage with two decimals, half-up (百分比，保留两位小数，四舍五入).
 *
 * @example
 * ratioToPercent(new Decimal('0.875')) //=> '87.50'
 * ratioToPercent(new Decimal(2).dividedBy(3)) //=> '66.67'
 */
export function ratioToPercent(ratio: Decimal): string {
  return ratio.times(100).toFixed(2, Decimal.ROUND_HALF_UP)
}

/** @internal numerator ÷ denominator, or "not defined" for a zero denominator. Both are ≥ 0 by construction. */
export function kpiRate(numerator: Decimal, denominator: Decimal, reason: KpiUndefinedReason): KpiRate {
  if (denominator.isZero()) return Object.freeze({ status: 'undefined', reason: Object.freeze({ ...reason }) })
  const ratio = numerator.dividedBy(denominator)
  return Object.freeze({ status: 'defined', ratio, percent: ratioToPercent(ratio), numerator, denominator })
}

/** @internal */
export function undefinedReason(code: string, ruleId: string, messageZh: string, messageEn: string): KpiUndefinedReason {
  return { code, ruleId, messageZh, messageEn }
}
