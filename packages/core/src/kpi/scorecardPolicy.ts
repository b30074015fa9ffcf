import { Decimal } from '../money/decimal.js'
import { invalidPolicyField, policyDecimal, policyEnum, policyObject, rejectUnknownKeys } from '../policy/validate.js'

/** Whether a larger KPI value is better (completion rates) or worse (churn, cost) (指标方向). */
export type KpiDirection = 'higher-is-better' | 'lower-is-better'

/**
 * What the scorecard does with a KPI that is not defined (zero denominator): drop it and
 * share its weight among the others (`'exclude-and-reweight'`, **default**), or count it with
 * achievement 0 (`'score-zero'`). Either way the result lists it; it never silently becomes 0.
 */
export type UndefinedKpiTreatment = 'exclude-and-reweight' | 'score-zero'

/** One KPI of a scorecard policy (考核指标及权重, R-KPI-8). Decimals are exact strings. */
export interface ScorecardEntry {
  /** Key of the KPI in the values given to {@link kpiScorecard}, e.g. `'salesPlanCompletion'`. */
  readonly kpi: string
  /** Weight (权重), ≥ 0; weights need not sum to 100, they are normalised. */
  readonly weight: string
  readonly direction: KpiDirection
  /**
   * Target value (目标值) as a ratio (`'1'` = 100%) or a count. Higher-is-better: > 0, achievement
   * = value ÷ target. Lower-is-better: ≥ 0, achievement = target ÷ value (value 0 → the cap).
   */
  readonly target: string
  /** Highest achievement counted (达成率上限), > 0; **default** `'1'` (at most 100% of the weight). */
  readonly achievementCap: string
  /** Treatment of an undefined value for this KPI; when absent, the policy's `whenUndefined` applies. */
  readonly whenUndefined?: UndefinedKpiTreatment
}

/** A scorecard policy (考核评分政策, R-KPI-8): the KPIs, their weights, and the warning threshold. */
export interface ScorecardPolicy {
  /** Score out of 100 below which the result carries a warning (考核得分低于XX分者口头警告); **default** `'60'`. In [0, 100], ≤ 2 decimals. */
  readonly threshold: string
  /** Default treatment of undefined KPIs for entries that do not say; **default** `'exclude-and-reweight'`. */
  readonly whenUndefined: UndefinedKpiTreatment
  /** The KPIs, in display order; non-empty, unique `kpi` keys, weights summing to > 0. */
  readonly entries: readonly ScorecardEntry[]
}

const POLICY_KEYS = ['threshold', 'whenUndefined', 'entries'] as const
const ENTRY_KEYS = ['kpi', 'weight', 'direction', 'target', 'achievementCap', 'whenUndefined'] as const
const TREATMENTS = ['exclude-and-reweight', 'score-zero'] as const

/**
 * Creates a validated, frozen scorecard policy: `overrides` are merged onto `base` (**default**
 * {@link defaultManagerScorecardPolicy}); `entries`, when given, replaces the base list. Each
 * entry may omit `achievementCap` (→ `'1'`) and `whenUndefined` (the policy-wide one then applies).
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g.
 *   `scorecard.entries[1].weight` for a negative weight or `scorecard.entries` when all weights are 0
 *
 * @example
 * const policy = createScorecardPolicy({ threshold: 70, entries: [
 *   { kpi: 'salesPlanCompletion', weight: 70, direction: 'higher-is-better', target: 1 },
 *   { kpi: 'churnRate', weight: 30, direction: 'lower-is-better', target: '0.05' },
 * ] })
 * policy.entries[1].achievementCap //=> '1'
 * policy.threshold //=> '70'
 */
export function createScorecardPolicy(
  overrides: unknown = {},
  base: ScorecardPolicy = defaultManagerScorecardPolicy,
  field = 'scorecard',
): ScorecardPolicy {
  const given = policyObject(overrides, field)
  rejectUnknownKeys(given, field, POLICY_KEYS)
  const merged: Record<string, unknown> = { ...base, ...given }
  const threshold = policyDecimal(merged['threshold'], `${field}.threshold`, { min: 0, max: 100 })
  if (threshold.decimalPlaces() > 2) invalidPolicyField(`${field}.threshold`, 'must have at most 2 decimals', '最多两位小数', merged['threshold'])
  const whenUndefined = policyEnum(merged['whenUndefined'], `${field}.whenUndefined`, TREATMENTS)
  const list = merged['entries']
  if (!Array.isArray(list) || list.length === 0) {
    invalidPolicyField(`${field}.entries`, 'must be a non-empty list of KPI entries', '必须是非空的考核指标列表', list)
  }
  const seen = new Set<string>()
  let weightSum = new Decimal(0)
  const entries = list.map((item: unknown, index): ScorecardEntry => {
    const at = `${field}.entries[${index}]`
    const entry = policyObject(item, at)
    rejectUnknownKeys(entry, at, ENTRY_KEYS)
    const kpi = entry['kpi']
    if (typeof kpi !== 'string' || kpi.trim() === '') invalidPolicyField(`${at}.kpi`, 'must be a non-empty text', '必须是非空文本', kpi)
    if (seen.has(kpi)) invalidPolicyField(`${at}.kpi`, 'must not repeat another entry', '不能与其他指标重复', kpi)
    seen.add(kpi)
    const weight = policyDecimal(entry['weight'], `${at}.weight`, { min: 0 })
    weightSum = weightSum.plus(weight)
    const direction = policyEnum(entry['direction'], `${at}.direction`, ['higher-is-better', 'lower-is-better'])
    const target = policyDecimal(entry['target'], `${at}.target`, { min: 0, exclusiveMin: direction === 'higher-is-better' })
    const cap = policyDecimal(entry['achievementCap'] ?? '1', `${at}.achievementCap`, { min: 0, exclusiveMin: true })
    const own = entry['whenUndefined']
    return Object.freeze({
      kpi,
      weight: weight.toString(),
      direction,
      target: target.toString(),
      achievementCap: cap.toString(),
      ...(own === undefined ? {} : { whenUndefined: policyEnum(own, `${at}.whenUndefined`, TREATMENTS) }),
    })
  })
  if (!weightSum.greaterThan(0)) invalidPolicyField(`${field}.entries`, 'must have weights summing to more than 0', '权重之和必须大于 0', list)
  return Object.freeze({ threshold: threshold.toString(), whenUndefined, entries: Object.freeze(entries) })
}

/**
 * **default** scorecard of the customer department manager (客户部经理, R-KPI-7/8): 销售计划完成率
 * 40 (target 100%), 客户档案完整率 20 (target 100%), 客户流失率 20 (lower is better, target 5%),
 * 客户新开发率 20 (target 10%); caps 100%; threshold 60; undefined KPIs excluded and reweighted.
 *
 * @example
 * defaultManagerScorecardPolicy.entries.map((entry) => entry.kpi)
 * //=> ['salesPlanCompletion', 'archiveCompleteness', 'churnRate', 'newDevelopmentRate']
 */
export const defaultManagerScorecardPolicy: ScorecardPolicy = Object.freeze({
  threshold: '60',
  whenUndefined: 'exclude-and-reweight',
  entries: Object.freeze([
    entry('salesPlanCompletion', '40', 'higher-is-better', '1'),
    entry('archiveCompleteness', '20', 'higher-is-better', '1'),
    entry('churnRate', '20', 'lower-is-better', '0.05'),
    entry('newDevelopmentRate', '20', 'higher-is-better', '0.1'),
  ]),
})

/**
 * **default** scorecard of the customer department's big-customer KPIs (客户部, R-KPI-1..6/8):
 * 大客户销售计划完成率 30, 大客户流失数 10 (lower is better, target 1 customer), 大客户开发计划完成率
 * 15, 大客户意见反馈及时率 15, 大客户回访率 15 (targets 100%), 服务费用控制 15 (lower is better,
 * target 100% of budget); caps 100%; threshold 60.
 *
 * @example
 * defaultDepartmentScorecardPolicy.entries.length //=> 6
 */
export const defaultDepartmentScorecardPolicy: ScorecardPolicy = Object.freeze({
  threshold: '60',
  whenUndefined: 'exclude-and-reweight',
  entries: Object.freeze([
    entry('bigCustomerSalesPlanCompletion', '30', 'higher-is-better', '1'),
    entry('bigCustomerChurnCount', '10', 'lower-is-better', '1'),
    entry('bigCustomerDevelopmentPlanCompletion', '15', 'higher-is-better', '1'),
    entry('feedbackTimeliness', '15', 'higher-is-better', '1'),
    entry('bigCustomerRevisitRate', '15', 'higher-is-better', '1'),
    entry('serviceCostControl', '15', 'lower-is-better', '1'),
  ]),
})

function entry(kpi: string, weight: string, direction: KpiDirection, target: string): ScorecardEntry {
  return Object.freeze({ kpi, weight, direction, target, achievementCap: '1' })
}
