/**
 * The commission statement (提成明细表): every project's lines per person and role, then each
 * person's total and the grand total. Lines stream out as projects stream in, a batch at a time; only the totals
 * per person are kept, so memory depends on the number of people, not of projects.
 * @module
 */
import { type CommissionTrace, formatCommissionTrace, type TraceLanguage } from '@kehu/core/commission'
import { Money } from '@kehu/core/money'

import type { OutputColumn, OutputRow, OutputTable } from '../io/command.js'
import { ROLE_NAMES, type ProjectStatement, TYPE_NAMES } from './projectStatement.js'

/** Options of {@link commissionStatement}. */
export interface StatementOptions {
  /** Add each project's trace (R-COM-8) to its first line. */
  readonly explain: boolean
  /** Language of the traces. */
  readonly language: TraceLanguage
  /** Print only the totals per person (no project lines). */
  readonly totalsOnly: boolean
}

const COLUMNS: readonly OutputColumn[] = [
  { key: 'project', headerZh: '项目编号', headerEn: 'project' },
  { key: 'name', headerZh: '项目名称', headerEn: 'name' },
  { key: 'type', headerZh: '项目类型', headerEn: 'type' },
  { key: 'person', headerZh: '人员', headerEn: 'person' },
  { key: 'role', headerZh: '角色', headerEn: 'role' },
  { key: 'base', headerZh: '基数', headerEn: 'base', numeric: true },
  { key: 'rate', headerZh: '比例', headerEn: 'rate', numeric: true },
  { key: 'amount', headerZh: '提成金额', headerEn: 'amount', numeric: true },
  { key: 'rules', headerZh: '规则', headerEn: 'rules' },
  { key: 'note', headerZh: '说明', headerEn: 'note' },
]

const TOTAL_COLUMNS: readonly OutputColumn[] = COLUMNS.filter((column) => column.key === 'project' || column.key === 'person' || column.key === 'amount')

const TRACE_COLUMN: OutputColumn = { key: 'trace', headerZh: '计算过程', headerEn: 'trace' }

/** Label of a person's total row and of the grand total row. */
export const TOTAL_LABEL = '合计 total'
export const GRAND_TOTAL_LABEL = '总计 grand total'

function explainText(traces: readonly CommissionTrace[], language: TraceLanguage): string {
  return traces.map((trace) => formatCommissionTrace(trace, language).join('\n')).join('\n\n')
}

/** Builds the statement table from project statements, in batches, consumed once in order. */
export function commissionStatement(projects: AsyncIterable<readonly ProjectStatement[]>, options: StatementOptions): OutputTable {
  // Totals in whole fen, one holder per person: an addition per line, no map update.
  const totals = new Map<string, { fen: bigint }>()
  let grand = 0n
  let projectCount = 0
  let lineCount = 0
  const explainOthers = options.language === 'zh' ? '（见本项目第一行）' : '(see the project’s first line)'
  function linesOf(project: ProjectStatement, rows: OutputRow[]): void {
    projectCount++
    let first = true
    for (const line of project.lines) {
      lineCount++
      let total = totals.get(line.person)
      if (total === undefined) totals.set(line.person, (total = { fen: 0n }))
      total.fen += line.amount.fen
      grand += line.amount.fen
      if (options.totalsOnly) continue
      const row: Record<string, string> = {
        project: project.project,
        name: project.name,
        type: TYPE_NAMES[project.type],
        person: line.person,
        role: ROLE_NAMES[line.role],
        base: line.base,
        rate: line.rate,
        amount: line.amount.toString(),
        rules: line.rules,
        note: line.note,
      }
      if (options.explain) row['trace'] = first ? explainText(project.traces(), options.language) : explainOthers
      first = false
      rows.push(row)
    }
  }
  async function* batches(): AsyncGenerator<OutputRow[]> {
    for await (const batch of projects) {
      const rows: OutputRow[] = []
      for (const project of batch) linesOf(project, rows)
      if (rows.length > 0) yield rows
    }
    const rows: OutputRow[] = []
    for (const [person, total] of totals) rows.push({ project: TOTAL_LABEL, person, amount: Money.fromFen(total.fen).toString() })
    rows.push({ project: GRAND_TOTAL_LABEL, amount: Money.fromFen(grand).toString() })
    yield rows
  }
  return {
    columns: options.totalsOnly ? TOTAL_COLUMNS : options.explain ? [...COLUMNS, TRACE_COLUMN] : COLUMNS,
    batches: batches(),
    notes: () => [`${projectCount} 个项目，${lineCount} 条提成明细，${totals.size} 人 / ${projectCount} project(s), ${lineCount} line(s), ${totals.size} people`],
  }
}
