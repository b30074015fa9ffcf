/**
 * Trace steps of a strategic project (策略性项目计算步骤), R-COM-8. Internal.
 * @internal
 * @module
 */

import { Decimal } from '../money/decimal.js'
import type { Money } from '../money/money.js'
import { type Person, rangeText } from './inputs.js'
import { marginPercentText, marginText } from './margin.js'
import { percent } from './overProfitBonus.js'
import type { CommissionPolicy } from './policy.js'
import type { StrategicCommissionLine, ValidExecution, ValidRate } from './strategicTypes.js'
import type { CommissionTraceStep } from './trace.js'

const ROLE_TEXT: Record<'lead' | 'assistant' | 'medicalStrategy', { zh: string; en: string }> = {
  lead: { zh: '客户人员', en: 'lead customer staff' },
  assistant: { zh: '辅助性客户人员', en: 'assisting customer staff' },
  medicalStrategy: { zh: '医学策略', en: 'medical strategy' },
}

export function profitStep(line: StrategicCommissionLine): CommissionTraceStep {
  const role = ROLE_TEXT[line.role as 'lead' | 'assistant' | 'medicalStrategy']
  return {
    ruleId: 'R-COM-2',
    description: {
      zh: `${role.zh}提成 = 利润 × ${percent(line.rate)}`,
      en: `${role.en} commission = profit × ${percent(line.rate)}`,
    },
    formula: 'profit × rate',
    inputs: { profit: line.base.toFixed(2), rate: line.rate.toString() },
    unrounded: line.unrounded.toString(),
    amount: line.amount.toString(),
    person: line.person,
  }
}

export function executionStep(line: StrategicCommissionLine): CommissionTraceStep {
  return {
    ruleId: 'R-COM-2',
    description: {
      zh: `执行人员奖金 = 工时 × 小时工资 × ${line.rate.toString()} 倍（按工作强度）`,
      en: `execution bonus = hours × hourly wage × ${line.rate.toString()} (by work intensity)`,
    },
    formula: 'hours × hourlyWage × multiplier',
    inputs: { 'hours × hourlyWage': line.base.toString(), multiplier: line.rate.toString() },
    unrounded: line.unrounded.toString(),
    amount: line.amount.toString(),
    person: line.person,
  }
}

export function ratesStep(
  policy: CommissionPolicy,
  lead: ValidRate,
  assistants: readonly ValidRate[],
  medical: ValidRate | undefined,
  execution: readonly ValidExecution[],
): CommissionTraceStep {
  const inputs: Record<string, string> = { 'lead.rate': `${lead.rate.toString()} ∈ ${rangeText(policy.leadRateRange)}` }
  assistants.forEach((assistant, index) => {
    inputs[`assistants[${index}].rate`] = `${assistant.rate.toString()} ∈ ${rangeText(policy.assistantRateRange)}`
  })
  if (medical !== undefined) inputs['medicalStrategy.rate'] = `${medical.rate.toString()} (policy)`
  execution.forEach((member, index) => {
    inputs[`execution[${index}].multiplier`] = `${member.multiplier.toString()} ∈ ${rangeText(policy.executionMultiplierRange)}`
  })
  return {
    ruleId: 'R-COM-6',
    description: { zh: '各提成比例与倍数均在允许范围内', en: 'every rate and multiplier within its allowed range' },
    formula: 'min ≤ rate ≤ max',
    inputs,
    unrounded: null,
    amount: null,
  }
}

export function gateStep(
  revenue: Money,
  profit: Money,
  margin: Decimal | null,
  gate: Decimal,
  reason: 'revenueZero' | 'marginBelowGate' | undefined,
  policy: CommissionPolicy,
): CommissionTraceStep {
  const withheld = policy.executionBonusRequiresMarginGate
    ? { zh: '不发放策略性项目提成（含执行人员奖金）', en: 'no strategic commission is due (execution bonus included)' }
    : { zh: '不发放策略性项目提成（执行人员奖金照发）', en: 'no strategic commission is due (execution bonus still paid)' }
  const marginShown = marginPercentText(margin)
  const description =
    reason === 'revenueZero'
      ? { zh: `项目收入为 0，无法计算利润率，${withheld.zh}`, en: `revenue is 0, so there is no margin: ${withheld.en}` }
      : reason === 'marginBelowGate'
        ? {
            zh: `利润率 ${marginShown} 低于门槛 ${percent(gate)}，${withheld.zh}`,
            en: `margin ${marginShown} is below the gate of ${percent(gate)}: ${withheld.en}`,
          }
        : {
            zh: `利润率 ${marginShown} 达到门槛 ${percent(gate)}，符合策略性项目提成条件`,
            en: `margin ${marginShown} meets the gate of ${percent(gate)}: the project qualifies`,
          }
  return {
    ruleId: 'R-COM-3',
    description,
    formula: 'margin = profit ÷ revenue; qualifies when profit ≥ gate × revenue',
    inputs: { revenue: revenue.toString(), profit: profit.toString(), gate: gate.toString() },
    unrounded: marginText(margin),
    amount: null,
  }
}

export function withRecipient(step: CommissionTraceStep, leadPerson: Person | undefined): CommissionTraceStep {
  return leadPerson === undefined ? step : { ...step, person: leadPerson }
}
