/**
 * The KPI scorecard as an output table (考核结果表): one row per KPI with its value, numerator,
 * denominator and scorecard points, then one row per scorecard with the score and, below the
 * threshold, core's warning (R-KPI-8).
 * @module
 */
import { ratioToPercent, type ScorecardLine, type ScorecardResult } from '@kehu/core'

import type { OutputColumn, OutputRow, OutputTable } from '../io/command.js'
import type { KpiLine, KpiReport, KpiScorecardName } from './computeKpis.js'

/** The columns of the KPI table. */
export const KPI_COLUMNS: readonly OutputColumn[] = [
  { key: 'period', headerZh: '期间', headerEn: 'period' },
  { key: 'team', headerZh: '团队', headerEn: 'team' },
  { key: 'rule', headerZh: '规则', headerEn: 'rule' },
  { key: 'kpi', headerZh: '指标', headerEn: 'KPI' },
  { key: 'key', headerZh: '指标代码', headerEn: 'key' },
  { key: 'value', headerZh: '值', headerEn: 'value', numeric: true },
  { key: 'numerator', headerZh: '分子', headerEn: 'numerator', numeric: true },
  { key: 'denominator', headerZh: '分母', headerEn: 'denominator', numeric: true },
  { key: 'scorecard', headerZh: '考核表', headerEn: 'scorecard' },
  { key: 'weight', headerZh: '权重', headerEn: 'weight', numeric: true },
  { key: 'achievement', headerZh: '达成率', headerEn: 'achievement', numeric: true },
  { key: 'points', headerZh: '得分', headerEn: 'points', numeric: true },
  { key: 'note', headerZh: '说明', headerEn: 'note' },
]

const SCORECARD_NAMES: Readonly<Record<KpiScorecardName, { zh: string; en: string }>> = {
  department: { zh: '客户部', en: 'department' },
  manager: { zh: '客户部经理', en: 'manager' },
}

/** Builds the output table of a KPI report. */
export function kpiTable(report: KpiReport): OutputTable {
  return { columns: KPI_COLUMNS, rows: kpiRows(report), notes: () => report.notes }
}

/** The rows of {@link kpiTable}: each scorecard's KPIs, then its total. */
export function kpiRows(report: KpiReport): OutputRow[] {
  const common = { period: report.period, team: report.team ?? '全部 all' }
  const rows: OutputRow[] = []
  for (const scorecard of ['department', 'manager'] as const) {
    const result = report.scorecards[scorecard]
    const name = SCORECARD_NAMES[scorecard]
    for (const line of report.lines.filter((candidate) => candidate.scorecard === scorecard)) {
      const scored = result.lines.find((candidate) => candidate.kpi === line.key)
      const cells = kpiCells(line)
      const score = scored === undefined ? {} : scoreCells(scored)
      const note = [cells['note'], score['note']].filter((text) => text !== undefined && text !== '').join('; ')
      rows.push({ ...common, ...cells, scorecard: `${name.zh} ${name.en}`, ...score, note })
    }
    rows.push({ ...common, ...totalCells(result), kpi: `${name.zh}考核得分 ${name.en} score`, key: `${scorecard}Score`, scorecard: `${name.zh} ${name.en}` })
  }
  return rows
}

function kpiCells(line: KpiLine): OutputRow {
  const base = { rule: line.ruleId, kpi: `${line.nameZh} ${line.nameEn}`, key: line.key }
  const result = line.result
  if ('count' in result) return { ...base, value: String(result.count), note: result.customerIds.length > 0 ? result.customerIds.join(', ') : '' }
  if (result.status === 'undefined') return { ...base, value: '—', note: `${result.reason.messageZh} / ${result.reason.messageEn}` }
  const figure = (value: { toFixed(places: number): string; toString(): string }): string => (line.unit === 'money' ? value.toFixed(2) : value.toString())
  return { ...base, value: `${result.percent}%`, numerator: figure(result.numerator), denominator: figure(result.denominator) }
}

function scoreCells(line: ScorecardLine): OutputRow {
  const treatment =
    line.treatment === 'excluded' ? '无定义，权重分摊给其他指标 / undefined: weight shared among the others' : line.treatment === 'scored-zero' ? '无定义，按零计 / undefined: scored as 0' : ''
  return {
    weight: line.weight.toString(),
    achievement: line.achievement === undefined ? '—' : `${ratioToPercent(line.achievement)}%${line.capped ? ' (cap)' : ''}`,
    points: line.pointsText,
    ...(treatment === '' ? {} : { note: treatment }),
  }
}

function totalCells(result: ScorecardResult): OutputRow {
  if (result.status === 'not-scorable') return { rule: 'R-KPI-8', value: '—', note: `${result.reason.messageZh} / ${result.reason.messageEn}` }
  return {
    rule: 'R-KPI-8',
    value: result.totalText,
    points: result.totalText,
    note: result.warning === undefined ? `阈值 ${result.threshold.toString()} / threshold ${result.threshold.toString()}` : `${result.warning.messageZh} / ${result.warning.messageEn}`,
  }
}
