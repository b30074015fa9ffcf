import DecimalJs from 'decimal.js'

import { describeValue, inputError } from '../input/index.js'
import { Decimal, type DecimalInput, toDecimal } from '../money/decimal.js'
import { KpiErrorCode, KpiInputError } from './errors.js'
import type { KpiCount, KpiRate, KpiUndefinedReason } from './rate.js'
import {
  createScorecardPolicy,
  defaultManagerScorecardPolicy,
  type KpiDirection,
  type ScorecardPolicy,
  type UndefinedKpiTreatment,
} from './scorecardPolicy.js'

/** A KPI value given to the scorecard: a rate, a count, or a defined ratio of a company's own KPI. */
export type ScorecardValue = KpiRate | KpiCount | { readonly status: 'defined'; readonly ratio: DecimalInput }

/** How one KPI scored (单项得分). */
export interface ScorecardLine {
  readonly kpi: string
  readonly direction: KpiDirection
  readonly weight: Decimal
  readonly target: Decimal
  readonly achievementCap: Decimal
  /** The KPI's value (ratio or count), or `undefined` when the KPI is not defined. */
  readonly value: Decimal | undefined
  /** Why the KPI is not defined, when it is not. */
  readonly undefinedReason?: KpiUndefinedReason
  /** `scored`; `scored-zero` (undefined, counted as 0 by policy); `excluded` (undefined, weight shared among the others). */
  readonly treatment: 'scored' | 'scored-zero' | 'excluded'
  /** Achievement after the cap (达成率); 0 for `scored-zero`, `undefined` when excluded. */
  readonly achievement: Decimal | undefined
  /** Whether the cap lowered the achievement. */
  readonly capped: boolean
  /** Points out of 100 (加权得分) = 100 × weight × achievement ÷ sum of the counted weights; 0 when excluded. */
  readonly points: Decimal
  /** `points` with two decimals, half-up. */
  readonly pointsText: string
}

/** The warning of a score below the threshold (考核得分低于XX分者，将受到口头警告处分, R-KPI-8). */
export interface ScorecardWarning {
  readonly code: 'KPI.SCORE_BELOW_THRESHOLD'
  readonly ruleId: 'R-KPI-8'
  readonly messageZh: string
  readonly messageEn: string
}

/** The result of {@link kpiScorecard}. */
export type ScorecardResult =
  | {
      readonly status: 'scored'
      /** Score out of 100 (考核得分), exact: 100 × Σ(weight × achievement) ÷ Σ counted weights. */
      readonly total: Decimal
      /** The reported score, two decimals, half-up: `'87.50'`. The threshold is compared with this. */
      readonly totalText: string
      readonly threshold: Decimal
      readonly belowThreshold: boolean
      /** Present exactly when `belowThreshold`. */
      readonly warning?: ScorecardWarning
      readonly lines: readonly ScorecardLine[]
      /** KPIs that were not defined (whatever the treatment). */
      readonly undefinedKpis: readonly string[]
    }
  | {
      /** Every KPI with weight was excluded as undefined: there is nothing to score. */
      readonly status: 'not-scorable'
      readonly reason: KpiUndefinedReason
      readonly lines: readonly ScorecardLine[]
      readonly undefinedKpis: readonly string[]
    }

/**
 * Combines KPI values into a score out of 100 (绩效考核得分, R-KPI-8).
 *
 * For each policy entry: achievement = value ÷ target (higher-is-better) or target ÷ value
 * (lower-is-better; value 0 → the cap), then at most the entry's `achievementCap` (**default**
 * 1, a policy parameter, reported as `capped`). An undefined KPI is excluded and its weight shared
 * among the others (`exclude-and-reweight`, **default**) or counted with achievement 0
 * (`score-zero`); either way it is listed in `undefinedKpis`. Total = 100 × Σ(weight ×
 * achievement) ÷ Σ counted weights, exact; with caps ≤ 1 it lies in [0, 100]. When the reported
 * total (2 decimals, half-up) is below `policy.threshold` (**default** 60), the result carries a
 * warning.
 *
 * @param values - one value per policy entry, keyed by its `kpi`; no other keys
 * @throws {@link KpiInputError} `KPI.SCORECARD_MISSING_VALUE`, `KPI.SCORECARD_UNKNOWN_KPI`,
 *   `KPI.INVALID_KPI_VALUE` naming `values.<kpi>`; `POLICY.INVALID_FIELD` for a bad policy
 *
 * @example
 * const rate = (ratio: string) => ({ status: 'defined', ratio }) as const
 * const result = kpiScorecard({
 *   salesPlanCompletion: rate('0.9'),  // 90% of 100% → 0.9 × 40 = 36
 *   archiveCompleteness: rate('0.8'),  // 0.8 × 20 = 16
 *   churnRate: rate('0.1'),            // target 5%: 0.05 ÷ 0.1 = 0.5 × 20 = 10
 *   newDevelopmentRate: rate('0.12'),  // 120% of 10%, capped at 1 × 20 = 20
 * })
 * result.status === 'scored' && result.totalText //=> '82.00'
 */
export function kpiScorecard(values: Readonly<Record<string, ScorecardValue>>, policy: ScorecardPolicy = defaultManagerScorecardPolicy): ScorecardResult {
  const checked = policy === defaultManagerScorecardPolicy ? policy : createScorecardPolicy(policy, policy, 'policy')
  if (typeof values !== 'object' || values === null || Array.isArray(values)) throw invalidValue('values', 'must be an object keyed by KPI', '必须是以指标为键的对象', values)
  const known = new Set(checked.entries.map((entry) => entry.kpi))
  for (const key of Object.keys(values)) {
    if (!known.has(key)) {
      throw new KpiInputError({
        code: KpiErrorCode.SCORECARD_UNKNOWN_KPI,
        field: `values.${key}`,
        ruleId: 'R-KPI-8',
        messageEn: `values.${key} is not a KPI of the scorecard policy (known: ${[...known].join(', ')})`,
        messageZh: `values.${key} 不是考核政策中的指标（已知指标：${[...known].join('、')}）`,
      })
    }
  }

  const lines = checked.entries.map((entry) => {
    const field = `values.${entry.kpi}`
    if (!Object.hasOwn(values, entry.kpi)) {
      throw new KpiInputError({
        code: KpiErrorCode.SCORECARD_MISSING_VALUE,
        field,
        ruleId: 'R-KPI-8',
        messageEn: `${field} is missing: the scorecard policy weighs ${entry.kpi}; pass its result (an undefined KPI is passed as such)`,
        messageZh: `缺少 ${field}：考核政策包含指标 ${entry.kpi}，请传入其结果（无定义的指标也应原样传入）`,
      })
    }
    const read = readValue(values[entry.kpi], field)
    const weight = new Decimal(entry.weight)
    const target = new Decimal(entry.target)
    const cap = new Decimal(entry.achievementCap)
    const common = { kpi: entry.kpi, direction: entry.direction, weight, target, achievementCap: cap }
    if (read.status === 'undefined') {
      const treatment: 'excluded' | 'scored-zero' = (entry.whenUndefined ?? checked.whenUndefined) === 'score-zero' ? 'scored-zero' : 'excluded'
      return { ...common, value: undefined, undefinedReason: read.reason, treatment, achievement: treatment === 'excluded' ? undefined : new Decimal(0), capped: false }
    }
    const raw = rawAchievement(read.value, entry.direction, target)
    const capped = raw === 'unbounded' || raw.greaterThan(cap)
    return { ...common, value: read.value, treatment: 'scored' as const, achievement: capped ? cap : (raw as Decimal), capped }
  })

  const undefinedKpis = Object.freeze(lines.filter((line) => line.value === undefined).map((line) => line.kpi))
  const counted = lines.filter((line) => line.treatment !== 'excluded')
  const weightSum = counted.reduce((sum, line) => sum.plus(line.weight), new Decimal(0))
  const withPoints = lines.map((line): ScorecardLine => {
    const points = line.achievement === undefined || weightSum.isZero() ? new Decimal(0) : line.weight.times(line.achievement).times(100).dividedBy(weightSum)
    return Object.freeze({ ...line, points, pointsText: points.toFixed(2, Decimal.ROUND_HALF_UP) })
  })
  const frozenLines = Object.freeze(withPoints)
  if (weightSum.isZero()) {
    return Object.freeze({
      status: 'not-scorable',
      reason: Object.freeze({
        code: 'KPI.NO_SCORABLE_KPI',
        ruleId: 'R-KPI-8',
        messageZh: `所有有权重的指标均无定义（${undefinedKpis.join('、')}），无法评分`,
        messageEn: `every weighted KPI is undefined (${undefinedKpis.join(', ')}), so there is no score`,
      }),
      lines: frozenLines,
      undefinedKpis,
    })
  }
  const weighted = counted.reduce((sum, line) => sum.plus(line.weight.times(line.achievement ?? 0)), new Decimal(0))
  const total = weighted.times(100).dividedBy(weightSum)
  const totalText = total.toFixed(2, Decimal.ROUND_HALF_UP)
  const threshold = new Decimal(checked.threshold)
  const belowThreshold = new Decimal(totalText).lessThan(threshold)
  const warning: ScorecardWarning | undefined = belowThreshold
    ? Object.freeze({
        code: 'KPI.SCORE_BELOW_THRESHOLD',
        ruleId: 'R-KPI-8',
        messageZh: `考核得分 ${totalText} 低于 ${threshold.toString()} 分，将受到口头警告处分`,
        messageEn: `score ${totalText} is below the threshold ${threshold.toString()}: a verbal warning applies`,
      })
    : undefined
  return Object.freeze({
    status: 'scored',
    total,
    totalText,
    threshold,
    belowThreshold,
    ...(warning === undefined ? {} : { warning }),
    lines: frozenLines,
    undefinedKpis,
  })
}

function rawAchievement(value: Decimal, direction: KpiDirection, target: Decimal): Decimal | 'unbounded' {
  if (direction === 'higher-is-better') return value.dividedBy(target)
  return value.isZero() ? 'unbounded' : target.dividedBy(value)
}

type ReadValue = { status: 'defined'; value: Decimal } | { status: 'undefined'; reason: KpiUndefinedReason }

function readValue(value: unknown, field: string): ReadValue {
  if (typeof value !== 'object' || value === null) throw invalidValue(field, 'must be a KPI result', '必须是指标结果', value)
  const record = value as Record<string, unknown>
  if (record['status'] === 'undefined') {
    const reason = record['reason'] as Record<string, unknown> | undefined
    if (typeof reason !== 'object' || reason === null || typeof reason['code'] !== 'string') {
      throw invalidValue(`${field}.reason`, 'must be the reason of the undefined KPI', '必须是指标无定义的原因', reason)
    }
    return { status: 'undefined', reason: reason as unknown as KpiUndefinedReason }
  }
  if (record['status'] !== 'defined') throw invalidValue(`${field}.status`, "must be 'defined' or 'undefined'", "必须是 'defined' 或 'undefined'", record['status'])
  if ('ratio' in record) {
    const ratio = record['ratio']
    const decimal = toDecimal(ratio as DecimalInput | DecimalJs, `${field}.ratio`)
    if (decimal.isNegative() && !decimal.isZero()) throw invalidValue(`${field}.ratio`, 'must not be negative', '不能为负数', describeValue(decimal.toString()))
    return { status: 'defined', value: decimal }
  }
  const count = record['count']
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    throw invalidValue(`${field}.count`, 'must be a whole number ≥ 0 (or give a ratio)', '必须是不小于 0 的整数（或提供 ratio）', count)
  }
  return { status: 'defined', value: new Decimal(count) }
}

function invalidValue(field: string, en: string, zh: string, value: unknown): KpiInputError {
  return inputError(KpiInputError, { code: KpiErrorCode.INVALID_KPI_VALUE, field, expectedEn: en, expectedZh: zh, value, ruleId: 'R-KPI-8' })
}
