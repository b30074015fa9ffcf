/**
 * One project's commission statement (项目提成明细): a row of a projects export mapped onto
 * core's commission functions, and core's result turned into lines per person and role.
 * Every figure, check and trace is core's (R-COM-1..8); this module only maps.
 * @module
 */
import {
  type CommissionPolicy,
  type CommissionTrace,
  fixedProjectCommission,
  fixedProjectCommissionAmounts,
  riskProjectCommission,
  riskProjectCommissionAmounts,
  splitCommission,
  splitCommissionAmounts,
  strategicProjectCommission,
  strategicProjectCommissionAmounts,
  type StrategicProjectCommissionInput,
  type StrategicRole,
} from '@kehu/core/commission'
import { KehuError } from '@kehu/core/errors'
import { type Decimal, Money, toDecimal } from '@kehu/core/money'

import type { InputRow, RowIssue } from '../io/rows.js'
import { bilingual } from '../io/rows.js'
import { CellError, entryParts, executionEntries, listEntries, personValues, rateText } from './cells.js'

/** `T` with its properties writable, to build an input step by step. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Project types of the commission regulations (项目类型). */
export type ProjectType = 'fixed' | 'strategic' | 'risk'

/** The role a statement line is paid for (角色). */
export type StatementRole = 'fixed' | 'risk' | StrategicRole | 'notQualified'

/** One person's amount on one project for one role (提成明细行). */
export interface StatementLine {
  readonly person: string
  readonly role: StatementRole
  /** What the rate applies to, yuan. */
  readonly base: string
  /** The rate, multiplier or share applied. */
  readonly rate: string
  readonly amount: Money
  readonly rules: string
  /** Why the amount is what it is, when it needs saying (bilingual), else ''. */
  readonly note: string
}

/** A project's statement: its lines and core's traces (R-COM-8). */
export interface ProjectStatement {
  readonly project: string
  readonly name: string
  readonly type: ProjectType
  readonly lines: readonly StatementLine[]
  /**
   * Core's traces, in order (the commission, then its split when there is one). A function:
   * the figures come from core's amount functions, which keep no trace; only `--explain` asks
   * core's traced functions for the same calculation with its trace.
   */
  readonly traces: () => readonly CommissionTrace[]
}

const TYPES: ReadonlyMap<string, ProjectType> = new Map([
  ['fixed', 'fixed'],
  ['固定', 'fixed'],
  ['固定项目', 'fixed'],
  ['公司固定项目', 'fixed'],
  ['strategic', 'strategic'],
  ['策略', 'strategic'],
  ['策略性', 'strategic'],
  ['策略项目', 'strategic'],
  ['策略性项目', 'strategic'],
  ['risk', 'risk'],
  ['风险', 'risk'],
  ['风险性', 'risk'],
  ['风险项目', 'risk'],
  ['风险性项目', 'risk'],
])

/** Chinese and English names of the project types. */
export const TYPE_NAMES: Readonly<Record<ProjectType, string>> = {
  fixed: '公司固定项目 fixed',
  strategic: '策略性项目 strategic',
  risk: '风险性项目 risk',
}

/** Chinese and English names of the roles. */
export const ROLE_NAMES: Readonly<Record<StatementRole, string>> = {
  fixed: '固定项目提成 fixed',
  risk: '风险项目提成 risk',
  lead: '客户人员 lead',
  assistant: '辅助人员 assistant',
  medicalStrategy: '医学策略 medical strategy',
  execution: '执行人员 execution',
  overProfitBonus: '超额利润奖励 over-profit bonus',
  notQualified: '不符合提成条件 not qualified',
}

/** Which column a core error's field (`assistants[1].rate`, `lead.person`, …) comes from. */
function columnOfCoreField(field: string | undefined, type: ProjectType): string {
  const head = (field ?? '').split(/[.[]/u)[0] ?? ''
  switch (head) {
    case 'turnover':
    case 'revenue':
    case 'profit':
    case 'assistants':
    case 'medicalStrategy':
    case 'execution':
    case 'bonusShares':
      return head
    case 'rate':
      return 'rate'
    case 'lead':
      return field?.endsWith('.rate') === true ? 'rate' : 'people'
    case 'shares':
      return 'people'
    case 'amount':
      return type === 'fixed' ? 'turnover' : 'profit'
    default:
      return 'project'
  }
}

/** Formats an exact yuan figure: two decimals when it has at most two, else every digit. */
function yuan(value: Decimal): string {
  if (value.decimalPlaces() > 2) return value.toString()
  // From the plain digits: padding them costs less than Decimal's toFixed.
  const text = value.toString()
  if (text.includes('e')) return value.toFixed(2)
  const point = text.indexOf('.')
  return point < 0 ? `${text}.00` : point === text.length - 2 ? `${text}0` : text
}

function required(row: InputRow, field: string, issues: RowIssue[], zh: string, en: string): string {
  const value = row.values[field] ?? ''
  if (value === '') issues.push({ rowNumber: row.rowNumber, column: field, reason: bilingual(`${zh}不能为空`, `${en} is required`) })
  return value
}

function mustBeEmpty(row: InputRow, field: string, issues: RowIssue[], type: ProjectType, zh: string, en: string): void {
  if ((row.values[field] ?? '') !== '') {
    issues.push({ rowNumber: row.rowNumber, column: field, reason: bilingual(`${TYPE_NAMES[type].split(' ')[0]}不使用${zh}，该列应为空`, `a ${type} project has no ${en}; leave the column empty`) })
  }
}

/**
 * Reads one row of a projects export and computes its statement with core, or returns every
 * issue of the row (a missing or malformed cell, or core's refusal such as a rate outside its
 * range, R-COM-6).
 */
export function projectStatement(row: InputRow, policy: CommissionPolicy): ProjectStatement | RowIssue[] {
  const issues: RowIssue[] = []
  const project = required(row, 'project', issues, '项目编号', 'project')
  const name = row.values['name'] ?? ''
  const typeText = required(row, 'type', issues, '项目类型', 'type')
  const type = TYPES.get(typeText) ?? TYPES.get(typeText.replace(/\s+/gu, '').toLowerCase())
  if (type === undefined) {
    if (typeText !== '') {
      issues.push({
        rowNumber: row.rowNumber,
        column: 'type',
        reason: bilingual(`未知项目类型 ${JSON.stringify(typeText)}；应为 固定、策略 或 风险`, `unknown project type ${JSON.stringify(typeText)}; use fixed, strategic or risk`),
      })
    }
    return issues
  }
  try {
    switch (type) {
      case 'fixed':
        return fixedProject(row, project, name, policy, issues)
      case 'risk':
        return riskProject(row, project, name, policy, issues)
      case 'strategic':
        return strategicProject(row, project, name, policy, issues)
    }
  } catch (error) {
    if (error instanceof CellError) return [...issues, { rowNumber: row.rowNumber, column: error.field, reason: bilingual(error.reasonZh, error.reasonEn) }]
    if (error instanceof KehuError) {
      return [...issues, { rowNumber: row.rowNumber, column: columnOfCoreField(error.field, type), reason: bilingual(error.messageZh, error.messageEn) }]
    }
    throw error
  }
}

/** The people of a fixed or risk project: one person, or several with ratios (`张三:60; 李四:40`, or `张三; 李四` for equal parts). */
function sharesOf(text: string): { person: string; ratio: string }[] {
  return listEntries(text).map((parts, index) => {
    const entry = entryParts(parts, 1) ?? entryParts(parts, 2)
    if (entry === undefined) {
      throw new CellError('people', `第 ${index + 1} 项应写作 人员 或 人员:比例`, `entry ${index + 1} must read person or person:ratio`)
    }
    return { person: entry[0] as string, ratio: entry[1] ?? '1' }
  })
}

/** What one commission of a fixed or risk project pays, before it is split among its people. */
type Commission = Omit<StatementLine, 'person'>

/** Lines for one commission paid to the people of a fixed or risk project: split exactly when several (R-COM-7). */
function paidTo(peopleText: string, commission: Commission, policy: CommissionPolicy): { lines: StatementLine[]; split: (() => CommissionTrace) | undefined } {
  const { role, base, rate, amount, rules, note } = commission
  const shares = sharesOf(peopleText)
  const only = shares[0]
  if (shares.length === 1 && only !== undefined) return { lines: [{ person: only.person, role, base, rate, amount, rules, note }], split: undefined }
  const split = splitCommissionAmounts(amount, shares, policy) // R-COM-7
  const rates = shareRates(split.parts)
  const whole = amount.toString()
  const lines = split.parts.map((part, index) => ({
    person: part.person,
    role,
    base: whole,
    rate: rates[index] ?? '',
    amount: part.amount,
    rules: `${rules}, R-COM-7`,
    note: note !== '' ? note : bilingual(`按比例分配 ${whole}`, `share of ${whole}`),
  }))
  return { lines, split: () => splitCommission(amount, shares, policy).trace }
}

/** Columns only a strategic project fills: field, Chinese and English name. */
const STRATEGIC_ONLY = [
  ['assistants', '辅助人员', 'assistants'],
  ['medicalStrategy', '医学策略', 'medical strategy'],
  ['execution', '执行人员', 'execution staff'],
  ['bonusShares', '超额奖励分配', 'bonus shares'],
] as const

/** Columns a fixed project leaves empty. */
const NOT_FOR_FIXED = [['revenue', '项目收入', 'revenue'], ['profit', '项目利润', 'profit'], ...STRATEGIC_ONLY] as const

/** Columns a risk project leaves empty. */
const NOT_FOR_RISK = [['turnover', '流水', 'turnover'], ...STRATEGIC_ONLY] as const

function fixedProject(row: InputRow, project: string, name: string, policy: CommissionPolicy, issues: RowIssue[]): ProjectStatement | RowIssue[] {
  const turnover = required(row, 'turnover', issues, '流水', 'turnover')
  const rate = required(row, 'rate', issues, '提成比例', 'rate')
  const people = required(row, 'people', issues, '人员', 'people')
  for (const [field, zh, en] of NOT_FOR_FIXED) {
    mustBeEmpty(row, field, issues, 'fixed', zh, en)
  }
  if (issues.length > 0) return issues
  const input = { turnover, rate: rateText(rate) }
  const result = fixedProjectCommissionAmounts(input, policy) // R-COM-1, R-COM-6
  const { lines, split } = paidTo(people, { role: 'fixed', base: result.turnover.toString(), rate: result.rate.toString(), amount: result.amount, rules: 'R-COM-1', note: '' }, policy)
  return { project, name, type: 'fixed', lines, traces: () => withSplit(fixedProjectCommission(input, policy).trace, split) }
}

function riskProject(row: InputRow, project: string, name: string, policy: CommissionPolicy, issues: RowIssue[]): ProjectStatement | RowIssue[] {
  const profit = required(row, 'profit', issues, '项目利润', 'profit')
  const people = required(row, 'people', issues, '人员', 'people')
  for (const [field, zh, en] of NOT_FOR_RISK) {
    mustBeEmpty(row, field, issues, 'risk', zh, en)
  }
  // The risk rate is the policy's (R-COM-5): a different rate in the file is refused, not ignored.
  const rate = row.values['rate'] ?? ''
  if (rate !== '') {
    let same = false
    try {
      same = toDecimal(rateText(rate), 'rate').equals(policy.riskRate)
    } catch {
      same = false
    }
    if (!same) {
      issues.push({
        rowNumber: row.rowNumber,
        column: 'rate',
        reason: bilingual(`风险性项目按制度比例 ${policy.riskRate} 提成（R-COM-5），不接受 ${rate}`, `risk projects pay the policy rate ${policy.riskRate} (R-COM-5), not ${rate}`),
      })
    }
  }
  if (issues.length > 0) return issues
  const result = riskProjectCommissionAmounts({ profit }, policy) // R-COM-5
  const note = result.outcome === 'noProfit' ? bilingual('无利润不提成', 'no profit, no commission') : ''
  const { lines, split } = paidTo(people, { role: 'risk', base: result.profit.toString(), rate: result.rate.toString(), amount: result.amount, rules: 'R-COM-5', note }, policy)
  return { project, name, type: 'risk', lines, traces: () => withSplit(riskProjectCommission({ profit }, policy).trace, split) }
}

function strategicProject(row: InputRow, project: string, name: string, policy: CommissionPolicy, issues: RowIssue[]): ProjectStatement | RowIssue[] {
  const revenue = required(row, 'revenue', issues, '项目收入', 'revenue')
  const profit = required(row, 'profit', issues, '项目利润', 'profit')
  const lead = required(row, 'people', issues, '客户人员', 'lead (people)')
  const rate = required(row, 'rate', issues, '提成比例', 'rate')
  mustBeEmpty(row, 'turnover', issues, 'strategic', '流水', 'turnover')
  if (issues.length > 0) return issues
  const assistantsText = row.values['assistants'] ?? ''
  const medicalText = row.values['medicalStrategy'] ?? ''
  const executionText = row.values['execution'] ?? ''
  const bonusText = row.values['bonusShares'] ?? ''
  const input: Mutable<StrategicProjectCommissionInput> = {
    revenue,
    profit,
    lead: { person: lead, rate: rateText(rate) },
    assistants: personValues(assistantsText, 'assistants', '比例', 'rate').map(({ person, value }) => ({ person, rate: rateText(value) })),
    execution: executionEntries(executionText, 'execution'),
  }
  if (medicalText !== '') input.medicalStrategy = { person: medicalText }
  if (bonusText !== '') input.bonusShares = personValues(bonusText, 'bonusShares', '比例', 'ratio').map(({ person, value }) => ({ person, ratio: value }))
  // R-COM-2, R-COM-3, R-COM-4, R-COM-6, R-COM-7
  const result = strategicProjectCommissionAmounts(input, policy)
  // A bonus part's rate is shown as the ratio written in the file (2/3), not as a long fraction.
  const recipients = result.bonusRecipients
  const bonusRates = recipients.length < 2 ? undefined : new Map(shareRates(recipients).map((rate, index) => [recipients[index]?.person, rate]))
  const profitText = result.profit.toString()
  const lines: StatementLine[] = result.lines.map((line) => ({
    person: line.person,
    role: line.role,
    // The roles paid on profit have the profit as their base: its text is already known.
    base: line.role === 'lead' || line.role === 'assistant' || line.role === 'medicalStrategy' ? profitText : yuan(line.base),
    rate: (line.role === 'overProfitBonus' ? bonusRates?.get(line.person) : undefined) ?? line.rate.toString(),
    amount: line.amount,
    rules: line.ruleId,
    note: '',
  }))
  if (!result.qualified) {
    const margin = result.marginBelowGate === null ? '—' : `${result.marginBelowGate.times(100).toDecimalPlaces(2).toString()}%`
    const gate = `${result.gate.times(100).toString()}%`
    lines.unshift({
      person: lead,
      role: 'notQualified',
      base: profitText,
      rate: '',
      amount: Money.ZERO,
      rules: 'R-COM-3',
      note:
        result.reason === 'revenueZero'
          ? bilingual('项目收入为 0，无法计算利润率，不符合提成条件', 'revenue is zero: no margin, not qualified')
          : bilingual(`利润率 ${margin} 低于 ${gate}，不符合策略性项目提成条件`, `margin ${margin} is below ${gate}: not qualified`),
    })
  }
  return { project, name, type: 'strategic', lines, traces: () => [strategicProjectCommission(input, policy).trace] }
}

/** Each part's ratio as written over the sum of the ratios (`60/100`, `1/3`): how a share is shown (R-COM-7). */
function shareRates(parts: readonly { readonly ratio: Decimal }[]): string[] {
  const sum = parts.reduce((total, part) => total.plus(part.ratio), toDecimal(0)).toString()
  return parts.map((part) => `${part.ratio.toString()}/${sum}`)
}

function withSplit(trace: CommissionTrace, split: (() => CommissionTrace) | undefined): CommissionTrace[] {
  return split === undefined ? [trace] : [trace, split()]
}
