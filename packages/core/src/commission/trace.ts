import type { RoundingMode } from '../money/round.js'
import { defineLazy } from './lazy.js'

/** What a commission trace explains (提成计算类型). */
export type CommissionTraceKind = 'fixedProject' | 'strategicProject' | 'riskProject' | 'overProfitBonus' | 'split'

/** A description in both languages (中英文说明). */
export interface BilingualText {
  readonly zh: string
  readonly en: string
}

/**
 * One step of a commission calculation (计算步骤), R-COM-8: the rule it applies, what it does in
 * both languages, its formula, its inputs as exact strings, the unrounded value and — for a final
 * amount — the amount rounded to the fen.
 */
export interface CommissionTraceStep {
  /** Rule of the catalogue applied in this step, e.g. `R-COM-4`. */
  readonly ruleId: string
  /** What the step does (步骤说明). */
  readonly description: BilingualText
  /** The formula, with the names of {@link CommissionTraceStep.inputs}, e.g. `turnover × rate`. */
  readonly formula: string
  /** Inputs of the formula as exact strings (amounts in yuan, rates as decimals). */
  readonly inputs: Readonly<Record<string, string>>
  /** The exact, unrounded result of the formula (未舍入值), or null for a pure check. */
  readonly unrounded: string | null
  /** The final amount rounded once to the fen (舍入后金额), or null when the step is not a final amount. */
  readonly amount: string | null
  /** The person the amount is for, when the step produces a person's amount. */
  readonly person?: string
}

/** How final amounts were rounded (舍入方式). */
export interface CommissionRounding {
  readonly mode: RoundingMode
  /** Always `'0.01'` (to the fen, 分). */
  readonly unit: '0.01'
  readonly description: BilingualText
}

/**
 * The full explanation of a commission result (提成计算过程), R-COM-8. JSON-serialisable:
 * every number is an exact string.
 */
export interface CommissionTrace {
  readonly kind: CommissionTraceKind
  /** Ordered steps. */
  readonly steps: readonly CommissionTraceStep[]
  /** The profit margin (利润率) as a decimal string, or null when it does not apply or revenue is zero. */
  readonly margin: string | null
  /** Full over-profit bonus steps (超额档数), or null when no bonus is computed. */
  readonly bonusSteps: number | null
  /** The rounding applied to final amounts. */
  readonly rounding: CommissionRounding
  /** The total in yuan (合计), or null when not applicable. */
  readonly total: string | null
  /** The distinct rule IDs applied, in order of first use. */
  readonly rulesApplied: readonly string[]
}

const ROUNDING_RECORDS = new Map<RoundingMode, CommissionRounding>()

/** @internal Builds the rounding record of a trace (one frozen record per mode). */
export function roundingRecord(mode: RoundingMode): CommissionRounding {
  const known = ROUNDING_RECORDS.get(mode)
  if (known !== undefined) return known
  const names: Record<RoundingMode, BilingualText> = {
    halfUp: { zh: '四舍五入', en: 'half up' },
    halfEven: { zh: '银行家舍入', en: 'half even' },
    down: { zh: '舍去', en: 'toward zero' },
    up: { zh: '进一', en: 'away from zero' },
  }
  const name = names[mode]
  const record: CommissionRounding = Object.freeze({
    mode,
    unit: '0.01',
    description: Object.freeze({
      zh: `每个最终金额按${name.zh}一次性舍入到分（0.01 元），中间值不舍入`,
      en: `each final amount rounded once to the fen (0.01 yuan), ${name.en}; intermediate values unrounded`,
    }),
  })
  ROUNDING_RECORDS.set(mode, record)
  return record
}

/** @internal Assembles a frozen trace. */
export function buildTrace(parts: {
  kind: CommissionTraceKind
  steps: readonly CommissionTraceStep[]
  margin?: string | null
  bonusSteps?: number | null
  rounding: RoundingMode
  total?: string | null
}): CommissionTrace {
  const rulesApplied: string[] = []
  for (const step of parts.steps) if (!rulesApplied.includes(step.ruleId)) rulesApplied.push(step.ruleId)
  return Object.freeze({
    kind: parts.kind,
    steps: Object.freeze(parts.steps.map((step) => Object.freeze({ ...step, inputs: Object.freeze({ ...step.inputs }) }))),
    margin: parts.margin ?? null,
    bonusSteps: parts.bonusSteps ?? null,
    rounding: roundingRecord(parts.rounding),
    total: parts.total ?? null,
    rulesApplied: Object.freeze(rulesApplied),
  })
}

/** A trace step built only when the trace is read. */
export type LazyStep = () => CommissionTraceStep

/**
 * @internal Freezes a result with its `trace` (R-COM-8) built on first read: the steps are
 * thunks over values the calculation already holds, so the figures never wait for the text.
 */
export function withTrace<T extends object>(result: T, parts: () => Parameters<typeof buildTrace>[0]): Readonly<T & { trace: CommissionTrace }> {
  return Object.freeze(defineLazy(result, 'trace', () => buildTrace(parts())))
}
