/**
 * The `kehu expenses check` table command (报销检查): every violation of every claim (R-EXP-7),
 * or with `--summary` one line per claim with core's claimed, withheld and reimbursable totals.
 * Violations are the command's findings, not bad data: a run that checked every claim exits 0.
 * @module
 */
import { formatShanghaiInstant } from '@kehu/core'

import type { OutputColumn, OutputRow, OutputTable, TableCommand } from '../io/command.js'
import { type CheckedClaim, checkClaims, type ExpenseCheckOptions, groupClaims } from './checkClaims.js'
import { CLAIM_COLUMNS, type ClaimLineRow, KIND_CHOICES, readClaimRow } from './claimRows.js'

/** Options of the command. */
export interface ExpensesRunOptions extends ExpenseCheckOptions {
  /** One line per claim instead of one per violation. */
  readonly summary: boolean
}

/** Columns of the violations view. */
export const VIOLATION_COLUMNS: readonly OutputColumn[] = [
  { key: 'claim', headerZh: '报销单', headerEn: 'claim' },
  { key: 'claimant', headerZh: '报销人', headerEn: 'claimant' },
  { key: 'row', headerZh: '行', headerEn: 'row' },
  { key: 'item', headerZh: '明细', headerEn: 'item' },
  { key: 'kind', headerZh: '费用类型', headerEn: 'kind' },
  { key: 'rule', headerZh: '规则', headerEn: 'rule' },
  { key: 'code', headerZh: '代码', headerEn: 'code' },
  { key: 'problemZh', headerZh: '问题', headerEn: 'problem (zh)' },
  { key: 'problemEn', headerZh: '问题（英文）', headerEn: 'problem' },
  { key: 'withheld', headerZh: '核减金额', headerEn: 'withheld', numeric: true },
]

/** Columns of the summary view. */
export const SUMMARY_COLUMNS: readonly OutputColumn[] = [
  { key: 'claim', headerZh: '报销单', headerEn: 'claim' },
  { key: 'claimant', headerZh: '报销人', headerEn: 'claimant' },
  { key: 'filedAt', headerZh: '提交时间', headerEn: 'filed at' },
  { key: 'items', headerZh: '明细数', headerEn: 'items' },
  { key: 'violations', headerZh: '问题数', headerEn: 'violations' },
  { key: 'claimed', headerZh: '申报金额', headerEn: 'claimed', numeric: true },
  { key: 'withheld', headerZh: '核减金额', headerEn: 'withheld', numeric: true },
  { key: 'reimbursable', headerZh: '核定金额', headerEn: 'reimbursable', numeric: true },
  { key: 'result', headerZh: '结论', headerEn: 'result' },
]

/** The `kehu expenses check` command over one claims export. */
export const expensesCheckCommand: TableCommand<ClaimLineRow, ExpensesRunOptions> = {
  columns: CLAIM_COLUMNS,
  readRow: (row) => readClaimRow(row),
  async compute(records, options) {
    const rows: ClaimLineRow[] = []
    for await (const batch of records) rows.push(...batch)
    const checked = checkClaims(groupClaims(rows), options)
    return options.summary ? summaryTable(checked) : violationsTable(checked)
  },
}

/** One row per violation; a claim without any gets one row saying so. */
export function violationsTable(claims: readonly CheckedClaim[]): OutputTable {
  const rows: OutputRow[] = []
  for (const claim of claims) {
    const common = { claim: claim.claimId, claimant: claim.input.claimantId }
    if (claim.result.violations.length === 0) {
      rows.push({ ...common, row: String(claim.rows[0] ?? ''), problemZh: '无问题', problemEn: 'no violations', withheld: '0.00' })
      continue
    }
    for (const violation of claim.result.violations) {
      const index = violation.details['itemIndex']
      const item = typeof index === 'number' ? claim.input.items[index] : undefined
      const withheld = violation.details['withheld']
      rows.push({
        ...common,
        row: String((typeof index === 'number' ? claim.rows[index] : claim.rows[0]) ?? ''),
        item: item?.id ?? '',
        kind: item === undefined ? '' : kindName(item.kind),
        rule: violation.ruleId,
        code: violation.code,
        problemZh: violation.messageZh,
        problemEn: violation.messageEn,
        withheld: typeof withheld === 'string' ? withheld : '0.00',
      })
    }
  }
  const total = claims.reduce((sum, claim) => sum + claim.result.violations.length, 0)
  const failing = claims.filter((claim) => !claim.result.ok).length
  return {
    columns: VIOLATION_COLUMNS,
    rows,
    notes: () => [`${claims.length} 张报销单，${failing} 张有问题，共 ${total} 个问题 / ${claims.length} claim(s), ${failing} with violations, ${total} violation(s) in all`],
  }
}

/** One row per claim with core's totals. */
export function summaryTable(claims: readonly CheckedClaim[]): OutputTable {
  const rows = claims.map(
    (claim): OutputRow => ({
      claim: claim.claimId,
      claimant: claim.input.claimantId,
      filedAt: formatShanghaiInstant(claim.input.filedAt),
      items: String(claim.input.items.length),
      violations: String(claim.result.violations.length),
      claimed: claim.result.totals.claimed.toString(),
      withheld: claim.result.totals.withheld.toString(),
      reimbursable: claim.result.totals.reimbursable.toString(),
      result: claim.result.ok ? '通过 ok' : '有问题 violations',
    }),
  )
  return { columns: SUMMARY_COLUMNS, rows }
}

function kindName(kind: string): string {
  const choice = KIND_CHOICES.find((candidate) => candidate.value === kind)
  return choice === undefined ? kind : `${choice.aliases[0] ?? ''} ${kind}`
}
