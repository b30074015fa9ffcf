import { fc, test } from '@fast-check/vitest'
import { defaultCommissionPolicy, fixedProjectCommission } from '@kehu/core/commission'
import { Money } from '@kehu/core/money'
import { describe, expect, it } from 'vitest'

import type { RowIssue } from '../io/rows.js'
import { type ProjectStatement, projectStatement } from './projectStatement.js'

function row(values: Record<string, string>): { rowNumber: number; values: Record<string, string> } {
  return { rowNumber: 7, values }
}

function statementOf(values: Record<string, string>): ProjectStatement {
  const result = projectStatement(row(values), defaultCommissionPolicy)
  if (Array.isArray(result)) throw new Error(`unexpected issues: ${JSON.stringify(result)}`)
  return result
}

function issuesOf(values: Record<string, string>): RowIssue[] {
  const result = projectStatement(row(values), defaultCommissionPolicy)
  if (!Array.isArray(result)) throw new Error('expected issues')
  return result
}

describe('projectStatement', () => {
  // R-COM-7: however a fixed commission is split, the parts sum exactly to core's amount.
  test.prop([fc.integer({ min: 0, max: 10_000_000_00 }), fc.integer({ min: 5, max: 10 }), fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 5 })])(
    'splits a fixed commission among several people exactly (R-COM-7)',
    (turnoverFen, ratePercent, ratios) => {
      const turnover = Money.fromFen(turnoverFen).toString()
      const people = ratios.map((ratio, index) => `p${index}:${ratio}`).join('; ')
      const statement = statementOf({ project: 'P', type: '固定', turnover, rate: `${ratePercent}%`, people })
      const whole = fixedProjectCommission({ turnover, rate: String(ratePercent / 100) }).amount
      const sum = statement.lines.reduce((total, line) => total.plus(line.amount), Money.ZERO)
      expect(sum.toString()).toBe(whole.toString())
      expect(statement.lines.map((line) => line.person)).toEqual(ratios.map((_, index) => `p${index}`))
    },
  )

  it('names the column core refuses a figure in (R-COM-6)', () => {
    const issues = issuesOf({ project: 'P', type: 'strategic', revenue: '100', profit: '50', people: 'a', rate: '20%', assistants: 'b:6%' })
    expect(issues).toEqual([{ rowNumber: 7, column: 'assistants', reason: expect.stringContaining('assistants[0].rate') as string }])
  })

  it('refuses a risk rate other than the policy’s instead of ignoring it (R-COM-5)', () => {
    expect(issuesOf({ project: 'P', type: 'risk', profit: '100', people: 'a', rate: '12%' })[0]?.column).toBe('rate')
    expect(statementOf({ project: 'P', type: 'risk', profit: '100', people: 'a', rate: '10%' }).lines[0]?.amount.toString()).toBe('10.00')
  })

  it('reports every missing or misplaced cell of a row at once', () => {
    const issues = issuesOf({ project: '', type: 'fixed', turnover: '', rate: '', people: 'a', revenue: '100' })
    expect(issues.map((issue) => issue.column)).toEqual(['project', 'turnover', 'rate', 'revenue'])
    expect(issues.every((issue) => issue.rowNumber === 7 && issue.reason.includes(' / '))).toBe(true)
  })

  it('reads execution staff as person:hours:wage:multiplier and refuses anything else', () => {
    const ok = statementOf({ project: 'P', type: '策略', revenue: '1000', profit: '400', people: 'a', rate: '20%', execution: '赵六：7.5：40：2' })
    expect(ok.lines.find((line) => line.role === 'execution')?.amount.toString()).toBe('600.00')
    expect(issuesOf({ project: 'P', type: '策略', revenue: '1000', profit: '400', people: 'a', rate: '20%', execution: '赵六:7.5' })[0]?.column).toBe('execution')
  })

  it('says why a strategic project below the margin gate pays nothing (R-COM-3)', () => {
    const statement = statementOf({ project: 'P', type: 'strategic', revenue: '1000', profit: '299.99', people: 'a', rate: '20%' })
    expect(statement.lines).toHaveLength(1)
    expect(statement.lines[0]).toMatchObject({ role: 'notQualified', rules: 'R-COM-3' })
    expect(statement.lines[0]?.amount.isZero()).toBe(true)
    expect(statement.lines[0]?.note).toContain('30%')
  })
})
