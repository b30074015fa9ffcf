import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { buildStatement } from './statementReport.js'

const data: unknown = JSON.parse(readFileSync(new URL('./data/sample-company.json', import.meta.url), 'utf8'))
const statement = buildStatement(data)
const lines = statement.split('\n')
const lineWith = (...parts: string[]): string | undefined => lines.find((line) => parts.every((part) => line.includes(part)))

// Figures worked out by hand from data/sample-company.json.
describe('the sample statement', () => {
  it('pays fixed projects turnover × rate (R-COM-1): 286,400.00 × 8% and 52,310.50 × 5% (half-up)', () => {
    expect(lineWith('P-101', '王芳', '¥22,912.00')).toBeDefined()
    expect(lineWith('P-102', '李强', '¥2,615.53')).toBeDefined() // 2,615.525 → 2,615.53
  })

  it('pays the qualifying strategic project by role, with one over-profit step at a 47% margin (R-COM-2/4)', () => {
    expect(lineWith('P-201', '王芳', 'lead', '¥124,080.00')).toBeDefined() // 564,000 × 22%
    expect(lineWith('P-201', '李强', 'assistant', '¥16,920.00')).toBeDefined() // 564,000 × 3%
    expect(lineWith('P-201', '陈医生', 'medicalStrategy', '¥28,200.00')).toBeDefined() // 564,000 × 5%
    expect(lineWith('P-201', '赵敏', 'execution', '¥7,756.25')).toBeDefined() // 36.5 h × 85.00 × 2.5
    expect(lineWith('P-201', '王芳', 'overProfitBonus', '¥12,000.00')).toBeDefined() // 20% × 1 × 5% × 1,200,000
  })

  it('refuses the strategic project below the 30% gate and pays no risk commission on a loss (R-COM-3/5)', () => {
    expect(lines.some((line) => line.includes('P-202') && line.includes('¥'))).toBe(false)
    expect(lineWith('P-202', 'below the 30% gate')).toBeDefined()
    expect(lineWith('P-302', '¥0.00')).toBeDefined()
    expect(lineWith('P-301', '赵敏', '¥4,825.08')).toBeDefined() // 48,250.75 × 10% = 4,825.075 → 4,825.08
  })

  it('totals every line exactly', () => {
    expect(lineWith('total 合计', '¥219,308.86')).toBeDefined()
  })

  it('prints the manager KPIs for 2026-Q3 (R-KPI-7)', () => {
    expect(lineWith('sales plan completion', '89.46%')).toBeDefined() // 2,505,000 ÷ 2,800,000
    expect(lineWith('churn rate', '25.00%')).toBeDefined() // 1 of 4 customers at the start of Q3
    expect(lineWith('new development rate', '50.00%')).toBeDefined() // 2 new ÷ 4
  })

  it('counts the SLA across the 2026 National Day holiday (R-CAL-3)', () => {
    // 16:30–18:00 on 30 Sep (1.5 h), 1–7 Oct off, 8 Oct 09:00–12:00 (3 h) and 13:00–14:30 (1.5 h)
    expect(lineWith('due within 6 working hours', '2026-10-08T14:30:00.000+08:00')).toBeDefined()
  })
})
