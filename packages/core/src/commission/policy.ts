import type { Decimal } from '../money/decimal.js'
import type { RoundingMode } from '../money/round.js'
import {
  invalidPolicyField,
  policyBoolean,
  policyDecimal,
  policyEnum,
  policyObject,
  rejectUnknownKeys,
} from '../policy/validate.js'

/** How the over-profit bonus is paid (超额利润奖励方式, R-COM-4). */
export type OverProfitBonusMode = 'stepwise' | 'continuous'

/** An inclusive range of allowed rates or multipliers, as exact decimal strings (允许范围). */
export interface RateRange {
  readonly min: string
  readonly max: string
}

/** Parameters of the over-profit bonus (超额利润奖励, R-COM-4). */
export interface OverProfitBonusPolicy {
  /** Margin above which the bonus starts (超额起点); **default** `'0.4'`. Paid only when the margin is strictly above it. */
  readonly threshold: string
  /** Width of one step in margin (每档利润率); **default** `'0.05'` (5 percentage points). */
  readonly step: string
  /** Share of the added profit paid as the bonus (奖励比例); **default** `'0.2'`. */
  readonly share: string
  /**
   * `stepwise` (**default**): only full steps above the threshold count (每增加 5 个百分点);
   * `continuous`: the whole profit above the threshold counts.
   */
  readonly mode: OverProfitBonusMode
}

/**
 * The commission policy (提成政策) of a company. Plain, JSON-serialisable data; decimals are
 * exact strings. Create one with {@link createCommissionPolicy}; the regulations' numbers are
 * {@link defaultCommissionPolicy}.
 */
export interface CommissionPolicy {
  /** R-COM-1 fixed projects (公司固定项目): allowed rate on turnover; **default** [0.05, 0.1]. */
  readonly fixedRateRange: RateRange
  /** R-COM-2 strategic projects: lead customer staff rate on profit (客户人员); **default** [0.2, 0.25]. */
  readonly leadRateRange: RateRange
  /** R-COM-2 assisting customer staff rate on profit (辅助性客户人员); **default** [0.01, 0.05]. */
  readonly assistantRateRange: RateRange
  /** R-COM-2 medical-strategy role rate on profit (医学策略); **default** `'0.05'`. */
  readonly medicalStrategyRate: string
  /** R-COM-2 execution staff bonus, multiple of the hourly wage (执行人员工时倍数); **default** [2, 3]. */
  readonly executionMultiplierRange: RateRange
  /**
   * R-COM-3 whether the execution bonus is also withheld below the margin gate; **default** `true`
   * (the gate "另项目利润要求达到30%以上" is stated for the strategic project as a whole).
   */
  readonly executionBonusRequiresMarginGate: boolean
  /** R-COM-3 minimum profit margin of a strategic project (利润率门槛); **default** `'0.3'`; margin ≥ gate qualifies. */
  readonly marginGate: string
  /** R-COM-4 over-profit bonus. */
  readonly overProfitBonus: OverProfitBonusPolicy
  /** R-COM-5 risk projects (风险性项目): rate on profit; **default** `'0.1'`. */
  readonly riskRate: string
  /** Rounding of each final amount to the fen; **default** `'halfUp'` (四舍五入). */
  readonly rounding: RoundingMode
}

const ROUNDING_MODES: readonly RoundingMode[] = ['halfUp', 'halfEven', 'down', 'up']
const BONUS_MODES: readonly OverProfitBonusMode[] = ['stepwise', 'continuous']
/** Smallest accepted bonus step (0.01 percentage point), which keeps step counts small integers. */
const MIN_BONUS_STEP = '0.0001'

const RAW_DEFAULTS = {
  fixedRateRange: { min: '0.05', max: '0.10' },
  leadRateRange: { min: '0.20', max: '0.25' },
  assistantRateRange: { min: '0.01', max: '0.05' },
  medicalStrategyRate: '0.05',
  executionMultiplierRange: { min: '2', max: '3' },
  executionBonusRequiresMarginGate: true,
  marginGate: '0.30',
  overProfitBonus: { threshold: '0.40', step: '0.05', share: '0.20', mode: 'stepwise' },
  riskRate: '0.10',
  rounding: 'halfUp',
} as const

const TOP_KEYS = Object.keys(RAW_DEFAULTS)

/**
 * Creates a validated, frozen commission policy (创建提成政策): `overrides` (plain data, e.g. read
 * from a company's JSON file) are deep-merged onto {@link defaultCommissionPolicy}, then every
 * field is checked: rates in [0, 1], each range with min ≤ max, multipliers ≥ 0, the bonus step
 * in [0.0001, 1], known enum values, no unknown keys.
 *
 * @param overrides - partial policy; numbers or decimal strings for decimals
 * @param path - prefix of field names in errors (default `commission`)
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the bad field, e.g. `commission.overProfitBonus.step`
 *
 * @example
 * createCommissionPolicy({ overProfitBonus: { mode: 'continuous' } }).overProfitBonus
 * //=> { threshold: '0.4', step: '0.05', share: '0.2', mode: 'continuous' }
 * createCommissionPolicy({ fixedRateRange: { min: 0.2 } })
 * //=> throws PolicyValidationError, field 'commission.fixedRateRange.max' (must be ≥ min)
 */
export function createCommissionPolicy(overrides?: unknown, path = 'commission'): CommissionPolicy {
  const merged = overrides === undefined ? RAW_DEFAULTS : deepMerge(RAW_DEFAULTS, policyObject(overrides, path), path)
  return validate(merged, path)
}

/**
 * The regulations' numbers (第5章销售项目提成制度): fixed 5–10% of turnover, strategic lead
 * 20–25% and assistants 1–5% of profit, medical strategy 5%, execution 2–3× hourly wage, margin
 * gate 30%, over-profit bonus 20% per full 5 points above 40% (stepwise), risk 10%, half-up.
 *
 * @example
 * defaultCommissionPolicy.marginGate //=> '0.3'
 * defaultCommissionPolicy.leadRateRange //=> { min: '0.2', max: '0.25' }
 */
export const defaultCommissionPolicy: CommissionPolicy = createCommissionPolicy()

function validate(raw: Readonly<Record<string, unknown>>, path: string): CommissionPolicy {
  rejectUnknownKeys(raw, path, TOP_KEYS)
  const bonus = policyObject(raw['overProfitBonus'], `${path}.overProfitBonus`)
  rejectUnknownKeys(bonus, `${path}.overProfitBonus`, Object.keys(RAW_DEFAULTS.overProfitBonus))
  const policy: CommissionPolicy = {
    fixedRateRange: rateRange(raw['fixedRateRange'], `${path}.fixedRateRange`, true),
    leadRateRange: rateRange(raw['leadRateRange'], `${path}.leadRateRange`, true),
    assistantRateRange: rateRange(raw['assistantRateRange'], `${path}.assistantRateRange`, true),
    medicalStrategyRate: unitRate(raw['medicalStrategyRate'], `${path}.medicalStrategyRate`).toString(),
    executionMultiplierRange: rateRange(raw['executionMultiplierRange'], `${path}.executionMultiplierRange`, false),
    executionBonusRequiresMarginGate: policyBoolean(raw['executionBonusRequiresMarginGate'], `${path}.executionBonusRequiresMarginGate`),
    marginGate: unitRate(raw['marginGate'], `${path}.marginGate`).toString(),
    overProfitBonus: Object.freeze({
      threshold: unitRate(bonus['threshold'], `${path}.overProfitBonus.threshold`).toString(),
      step: policyDecimal(bonus['step'], `${path}.overProfitBonus.step`, { min: MIN_BONUS_STEP, max: 1 }).toString(),
      share: unitRate(bonus['share'], `${path}.overProfitBonus.share`).toString(),
      mode: policyEnum(bonus['mode'], `${path}.overProfitBonus.mode`, BONUS_MODES),
    }),
    riskRate: unitRate(raw['riskRate'], `${path}.riskRate`).toString(),
    rounding: policyEnum(raw['rounding'], `${path}.rounding`, ROUNDING_MODES),
  }
  return Object.freeze(policy)
}

function unitRate(value: unknown, field: string): Decimal {
  return policyDecimal(value, field, { min: 0, max: 1 })
}

function rateRange(value: unknown, field: string, isRate: boolean): RateRange {
  const object = policyObject(value, field)
  rejectUnknownKeys(object, field, ['min', 'max'])
  const bounds = isRate ? { min: 0, max: 1 } : { min: 0 }
  const min = policyDecimal(object['min'], `${field}.min`, bounds)
  const max = policyDecimal(object['max'], `${field}.max`, bounds)
  if (max.lessThan(min)) {
    invalidPolicyField(`${field}.max`, `must be ≥ ${field}.min (${min.toString()})`, `必须不小于 ${field}.min（${min.toString()}）`, object['max'])
  }
  return Object.freeze({ min: min.toString(), max: max.toString() })
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function deepMerge(base: Readonly<Record<string, unknown>>, overrides: Readonly<Record<string, unknown>>, path: string): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(overrides)) {
    const current = base[key]
    if (isPlainObject(current)) {
      result[key] = deepMerge(current, policyObject(value, `${path}.${key}`), `${path}.${key}`)
    } else {
      result[key] = value
    }
  }
  return result
}
