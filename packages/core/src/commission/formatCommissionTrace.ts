import { Money } from '../money/money.js'
import type { CommissionTrace, CommissionTraceKind } from './trace.js'

/** Language of a formatted trace (说明语言). */
export type TraceLanguage = 'zh' | 'en'

const TITLES: Record<CommissionTraceKind, Record<TraceLanguage, string>> = {
  fixedProject: { zh: '公司固定项目提成计算过程', en: 'Fixed-project commission' },
  strategicProject: { zh: '策略性项目提成计算过程', en: 'Strategic-project commission' },
  riskProject: { zh: '风险性项目提成计算过程', en: 'Risk-project commission' },
  overProfitBonus: { zh: '超额利润奖励计算过程', en: 'Over-profit bonus' },
  split: { zh: '提成分配过程', en: 'Commission split' },
}

const LABELS: Record<TraceLanguage, Record<'formula' | 'inputs' | 'unrounded' | 'amount' | 'margin' | 'bonusSteps' | 'rounding' | 'total' | 'rules', string>> = {
  zh: {
    formula: '公式',
    inputs: '输入',
    unrounded: '未舍入',
    amount: '金额',
    margin: '利润率',
    bonusSteps: '超额档数',
    rounding: '舍入',
    total: '合计',
    rules: '适用规则',
  },
  en: {
    formula: 'formula',
    inputs: 'inputs',
    unrounded: 'unrounded',
    amount: 'amount',
    margin: 'margin',
    bonusSteps: 'bonus steps',
    rounding: 'rounding',
    total: 'total',
    rules: 'rules applied',
  },
}

/**
 * Formats a commission trace (R-COM-8) as readable lines in Chinese or English, for an
 * employee to see how a figure came about (the CLI's `--explain`).
 *
 * @example
 * formatCommissionTrace(fixedProjectCommission({ turnover: '100000', rate: '0.05' }).trace, 'en')
 * //=> ['Fixed-project commission',
 * //    '1. [R-COM-6] rate within its allowed range',
 * //    '   formula: min ≤ rate ≤ max',
 * //    '   inputs: rate = 0.05, range = [0.05, 0.1]',
 * //    '2. [R-COM-1] fixed-project commission = turnover × rate',
 * //    '   formula: turnover × rate',
 * //    '   inputs: turnover = 100000.00, rate = 0.05',
 * //    '   unrounded: 5000 → amount: ¥5,000.00',
 * //    'rounding: each final amount rounded once to the fen (0.01 yuan), half up; intermediate values unrounded',
 * //    'total: ¥5,000.00',
 * //    'rules applied: R-COM-6, R-COM-1']
 */
export function formatCommissionTrace(trace: CommissionTrace, lang: TraceLanguage = 'zh'): string[] {
  const label = LABELS[lang]
  const separator = lang === 'zh' ? '：' : ': '
  const listSeparator = lang === 'zh' ? '，' : ', '
  const lines: string[] = [TITLES[trace.kind][lang]]
  trace.steps.forEach((step, index) => {
    const who = step.person === undefined ? '' : `${step.person}${separator}`
    lines.push(`${index + 1}. [${step.ruleId}] ${who}${step.description[lang]}`)
    lines.push(`   ${label.formula}${separator}${step.formula}`)
    const inputs = Object.entries(step.inputs).map(([name, value]) => `${name} = ${value}`)
    if (inputs.length > 0) lines.push(`   ${label.inputs}${separator}${inputs.join(listSeparator)}`)
    if (step.amount !== null) {
      lines.push(`   ${label.unrounded}${separator}${step.unrounded ?? '—'} → ${label.amount}${separator}${Money.parse(step.amount).format()}`)
    } else if (step.unrounded !== null && step.ruleId !== 'R-COM-3') {
      lines.push(`   ${label.unrounded}${separator}${step.unrounded}`)
    }
  })
  if (trace.margin !== null) lines.push(`${label.margin}${separator}${trace.margin}`)
  if (trace.bonusSteps !== null) lines.push(`${label.bonusSteps}${separator}${trace.bonusSteps}`)
  lines.push(`${label.rounding}${separator}${trace.rounding.description[lang]}`)
  if (trace.total !== null) lines.push(`${label.total}${separator}${Money.parse(trace.total).format()}`)
  lines.push(`${label.rules}${separator}${trace.rulesApplied.join(', ')}`)
  return lines
}
