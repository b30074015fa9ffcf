/**
 * The `kehu sla` table command (时效检查): its columns, its row reader and its computation — each
 * row's deadline and state under the chosen rule, from core, on the working calendar.
 * @module
 */
import { formatShanghaiInstant, isKehuError, MS_PER_HOUR, type ServiceZone, toShanghaiDay } from '@kehu/core'

import type { OutputColumn, OutputRow, OutputTable, TableCommand } from '../io/command.js'
import { bilingual, RowError, type RowIssue } from '../io/rows.js'
import { type CellChoice, readCells } from '../kpi/cells.js'
import { calendarErrorMessage } from './calendarFile.js'
import { type SlaContext, type SlaItem, type SlaRule, type SlaState } from './slaRules.js'

/** The options the table command needs (resolved by the command's action). */
export interface SlaRunOptions extends SlaContext {
  readonly rule: SlaRule
}

/** Service zones under their Chinese and English names. */
export const ZONE_CHOICES: readonly CellChoice<ServiceZone>[] = [
  { value: 'urban', aliases: ['市区', '城区', 'city'] },
  { value: 'suburban', aliases: ['郊区', '郊县', 'suburbs'] },
]

const STATE_NAMES: Readonly<Record<SlaState, string>> = {
  met: '按时 met',
  'on-track': '正常 on-track',
  'at-risk': '临近 at-risk',
  breached: '超时 breached',
}

/** The columns of the output. */
export const SLA_OUTPUT_COLUMNS: readonly OutputColumn[] = [
  { key: 'id', headerZh: '编号', headerEn: 'id' },
  { key: 'rule', headerZh: '规则', headerEn: 'rule' },
  { key: 'start', headerZh: '开始', headerEn: 'start' },
  { key: 'deadline', headerZh: '截止（UTC）', headerEn: 'deadline (UTC)' },
  { key: 'deadlineLocal', headerZh: '截止（北京时间）', headerEn: 'deadline (Shanghai)' },
  { key: 'onTimeIf', headerZh: '按时条件', headerEn: 'on time if' },
  { key: 'done', headerZh: '完成', headerEn: 'done' },
  { key: 'state', headerZh: '状态', headerEn: 'state' },
  { key: 'remainingHours', headerZh: '剩余工时', headerEn: 'working hours left', numeric: true },
  { key: 'overdueHours', headerZh: '超时工时', headerEn: 'working hours over', numeric: true },
]

/** The `kehu sla` command over one file. */
export const slaTableCommand: TableCommand<SlaItem, SlaRunOptions> = {
  columns: [
    { field: 'id', headers: ['编号', '单号', '工单号', 'id', 'number', 'ticket'], required: false },
    { field: 'start', headers: ['开始', '开始时间', '叫修时间', '出差结束日', '发现时间', '原定交付日', '收集时间', '会谈时间', 'start', 'started at', 'call at', 'called at'], required: true },
    { field: 'done', headers: ['完成', '完成时间', '到场时间', '报销提交时间', '答复时间', '交付时间', '录入时间', 'done', 'done at', 'arrived at', 'filed at'], required: false },
    { field: 'zone', headers: ['区域', '服务区域', 'zone', 'area'], required: false },
  ],

  readRow(row, options) {
    return readCells(row, (cells): SlaItem => {
      const start = options.rule.start === 'day' ? dayOrInstantDay(cells.raw('start'), () => cells.day('start'), () => toShanghaiDay(cells.instant('start'))) : cells.instant('start')
      const doneAt = cells.optionalInstant('done')
      if (doneAt !== undefined && typeof start !== 'string' && doneAt.getTime() < start.getTime()) cells.fail('done', '完成时间早于开始时间', 'done before it started')
      let zone: ServiceZone | undefined
      if (options.rule.needsZone) {
        if (cells.has('zone')) zone = cells.choice('zone', ZONE_CHOICES)
        else cells.fail('zone', `规则 ${options.rule.name} 须有区域（市区/郊区）`, `the rule ${options.rule.name} needs the zone (urban/suburban)`)
      }
      return {
        rowNumber: row.rowNumber,
        id: cells.optionalText('id') ?? `#${row.rowNumber}`,
        start,
        ...(doneAt === undefined ? {} : { doneAt }),
        ...(zone === undefined ? {} : { zone }),
      }
    })
  },

  async compute(records, options) {
    const rows: OutputRow[] = []
    const issues: RowIssue[] = []
    for await (const batch of records) {
      for (const item of batch) {
        try {
          rows.push(slaRow(item, options))
        } catch (error) {
          // E.g. a year the calendar has no schedule for (R-CAL-2): the row names it, --calendar fixes it.
          if (!isKehuError(error)) throw error
          const message = calendarErrorMessage(error)
          issues.push({ rowNumber: item.rowNumber, column: 'start', reason: bilingual(message.zh, message.en) })
        }
      }
    }
    if (issues.length > 0) throw new RowError(issues)
    return slaOutput(rows)
  },
}

/** The output table of computed rows. */
export function slaOutput(rows: readonly OutputRow[]): OutputTable {
  return { columns: SLA_OUTPUT_COLUMNS, rows }
}

/** One output row: core's verdict on the item. */
export function slaRow(item: SlaItem, options: SlaRunOptions): OutputRow {
  const verdict = options.rule.evaluate(item, options)
  return {
    id: item.id,
    rule: `${options.rule.name} ${verdict.ruleId}`,
    start: typeof item.start === 'string' ? item.start : formatShanghaiInstant(item.start),
    deadline: verdict.deadline.toISOString(),
    deadlineLocal: formatShanghaiInstant(verdict.deadline),
    onTimeIf: verdict.onTimeIf === 'at-or-before' ? '不晚于截止 at or before' : '早于截止 before',
    done: item.doneAt === undefined ? '' : formatShanghaiInstant(item.doneAt),
    state: STATE_NAMES[verdict.state],
    remainingHours: verdict.remainingWorkingMs === undefined ? '' : hours(verdict.remainingWorkingMs),
    overdueHours: verdict.overdueWorkingMs === undefined ? '' : hours(verdict.overdueWorkingMs),
  }
}

/** Working hours with two decimals, for reading; core's figures are exact milliseconds. */
function hours(ms: number): string {
  return (ms / MS_PER_HOUR).toFixed(2)
}

function dayOrInstantDay(text: string, asDay: () => string, asInstantDay: () => string): string {
  return /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(text) || text === '' ? asDay() : asInstantDay()
}
