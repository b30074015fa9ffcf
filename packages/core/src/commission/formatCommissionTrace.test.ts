import { describe, expect, it } from 'vitest'

import { fixedProjectCommission } from './fixedProjectCommission.js'
import { formatCommissionTrace } from './formatCommissionTrace.js'
import { riskProjectCommission } from './riskProjectCommission.js'
import { strategicProjectCommission } from './strategicProjectCommission.js'

describe('R-COM-8 formatCommissionTrace', () => {
  it('formats a fixed-project trace in English', () => {
    expect(formatCommissionTrace(fixedProjectCommission({ turnover: '100000', rate: '0.05' }).trace, 'en')).toEqual([
      'Fixed-project commission',
      '1. [R-COM-6] rate within its allowed range',
      '   formula: min ≤ rate ≤ max',
      '   inputs: rate = 0.05, range = [0.05, 0.1]',
      '2. [R-COM-1] fixed-project commission = turnover × rate',
      '   formula: turnover × rate',
      '   inputs: turnover = 100000.00, rate = 0.05',
      '   unrounded: 5000 → amount: ¥5,000.00',
      'rounding: each final amount rounded once to the fen (0.01 yuan), half up; intermediate values unrounded',
      'total: ¥5,000.00',
      'rules applied: R-COM-6, R-COM-1',
    ])
  })

  it('formats a strategic trace in Chinese with people, margin, bonus steps and total', () => {
    const result = strategicProjectCommission({ revenue: '1000000', profit: '450000', lead: { person: '张三', rate: '0.2' } })
    const lines = formatCommissionTrace(result.trace, 'zh')
    expect(lines[0]).toBe('策略性项目提成计算过程')
    expect(lines).toContain('2. [R-COM-3] 利润率 45% 达到门槛 30%，符合策略性项目提成条件')
    expect(lines).toContain('3. [R-COM-2] 张三：客户人员提成 = 利润 × 20%')
    expect(lines).toContain('   未舍入：90000 → 金额：¥90,000.00')
    expect(lines.some((line) => line.startsWith('4. [R-COM-4] 张三：超额利润奖励（按档）'))).toBe(true)
    expect(lines).toContain('利润率：0.45')
    expect(lines).toContain('超额档数：1')
    expect(lines).toContain('合计：¥100,000.00')
    expect(lines.at(-1)).toBe('适用规则：R-COM-6, R-COM-3, R-COM-2, R-COM-4')
  })

  it('defaults to Chinese and explains a zero risk commission', () => {
    const lines = formatCommissionTrace(riskProjectCommission({ profit: '-1' }).trace)
    expect(lines[0]).toBe('风险性项目提成计算过程')
    expect(lines[1]).toBe('1. [R-COM-5] 利润为 -1.00，无利润不提成，提成为 0')
    expect(lines).toContain('合计：¥0.00')
  })
})
