/**
 * `kehu expenses check`: groups the rows of a claims export into claims and checks each with
 * core's {@link checkExpenseClaim} (R-EXP-1..7). Claims filed earlier in the same export are the
 * history of a later one (an invoice claimed twice, the month's phone allowance already used).
 * @module
 */
import {
  CalendarErrorCode,
  checkExpenseClaim,
  createExpensePolicy,
  type ExpenseCheckResult,
  type ExpenseClaimInput,
  type ExpensePolicy,
  isKehuError,
  type PastExpenseClaim,
  type WorkingCalendar,
} from '@kehu/core'

import { bilingual, RowError, type RowIssue } from '../io/rows.js'
import { calendarErrorMessage } from '../sla/calendarFile.js'
import { approvalEvidence, type ClaimCells, type ClaimLineRow } from './claimRows.js'

/** A claim as grouped from its rows. */
export interface GroupedClaim {
  readonly claimId: string
  /** Data row numbers of the claim's items, in order. */
  readonly rows: readonly number[]
  readonly input: ExpenseClaimInput
}

/** A checked claim: the claim and core's verdict. */
export interface CheckedClaim extends GroupedClaim {
  readonly result: ExpenseCheckResult
}

/** What a check needs besides the rows. */
export interface ExpenseCheckOptions {
  readonly calendar: WorkingCalendar
  readonly policy?: ExpensePolicy
}

const CLAIM_CELL_COLUMNS: Readonly<Record<keyof ClaimCells, string>> = {
  claimantId: 'claimant',
  filedAt: 'filedAt',
  tripStartDay: 'tripStart',
  tripEndDay: 'tripEnd',
  departureAt: 'departureAt',
  tripApproval: 'tripApproval',
  applicationAttached: 'applicationAttached',
}

/**
 * Groups rows into claims (by claim id, in order of first appearance). A claim-level cell left
 * empty on a row takes the claim's value; a different value on a later row is an issue.
 *
 * @throws {@link RowError} with every inconsistent or missing claim-level cell
 */
export function groupClaims(rows: Iterable<ClaimLineRow>): GroupedClaim[] {
  const claims = new Map<string, { rows: number[]; cells: Partial<Record<keyof ClaimCells, { value: unknown; text: string; rowNumber: number }>>; items: ClaimLineRow['item'][] }>()
  const issues: RowIssue[] = []
  for (const row of rows) {
    let claim = claims.get(row.claimId)
    if (claim === undefined) {
      claim = { rows: [], cells: {}, items: [] }
      claims.set(row.claimId, claim)
    }
    claim.rows.push(row.rowNumber)
    claim.items.push(row.item)
    for (const key of Object.keys(row.claim) as (keyof ClaimCells)[]) {
      const value = row.claim[key]
      const text = comparable(value)
      const first = claim.cells[key]
      if (first === undefined) claim.cells[key] = { value, text, rowNumber: row.rowNumber }
      else if (first.text !== text) {
        issues.push({
          rowNumber: row.rowNumber,
          column: CLAIM_CELL_COLUMNS[key],
          reason: bilingual(`与报销单 ${row.claimId} 第 ${first.rowNumber} 行的值 ${first.text} 不一致`, `differs from ${first.text} on row ${first.rowNumber} of claim ${row.claimId}`),
        })
      }
    }
  }
  const grouped: GroupedClaim[] = []
  for (const [claimId, claim] of claims) {
    const firstRow = claim.rows[0] ?? 0
    const cell = <K extends keyof ClaimCells>(key: K): ClaimCells[K] | undefined => claim.cells[key]?.value as ClaimCells[K] | undefined
    const claimantId = cell('claimantId')
    const filedAt = cell('filedAt')
    const missing = (key: keyof ClaimCells, zh: string, en: string): void => {
      issues.push({ rowNumber: firstRow, column: CLAIM_CELL_COLUMNS[key], reason: bilingual(`报销单 ${claimId} 缺少${zh}`, `claim ${claimId} has no ${en}`) })
    }
    if (claimantId === undefined) missing('claimantId', '报销人', 'claimant')
    if (filedAt === undefined) missing('filedAt', '提交时间', 'filing time')
    const start = cell('tripStartDay')
    const end = cell('tripEndDay')
    if ((start === undefined) !== (end === undefined)) {
      if (start === undefined) missing('tripStartDay', '出发日（已有返回日）', 'trip start day (it has an end day)')
      else missing('tripEndDay', '返回日（已有出发日）', 'trip end day (it has a start day)')
    }
    if (claimantId === undefined || filedAt === undefined) continue
    const departureAt = cell('departureAt')
    const approval = cell('tripApproval')
    const attached = cell('applicationAttached')
    const input: ExpenseClaimInput = {
      id: claimId,
      claimantId,
      filedAt,
      ...(start !== undefined && end !== undefined ? { trip: { startDay: start, endDay: end, ...(departureAt === undefined ? {} : { departureAt }) } } : {}),
      ...(approval === undefined ? {} : { tripApproval: approvalEvidence(approval) }),
      ...(attached === undefined ? {} : { tripApplicationAttached: attached }),
      items: claim.items,
    }
    grouped.push({ claimId, rows: claim.rows, input })
  }
  if (issues.length > 0) throw new RowError(issues)
  return grouped
}

/**
 * Checks every claim with core, in filing order (ties in file order), each against the claims
 * filed before it; returns them in file order.
 *
 * @throws {@link RowError} for claims core refuses as malformed (e.g. travel items without a
 *   trip), naming the row and column core's field points to
 */
export function checkClaims(claims: readonly GroupedClaim[], options: ExpenseCheckOptions): CheckedClaim[] {
  const policy = options.policy ?? createExpensePolicy()
  const order = claims.map((claim, index) => ({ claim, index })).sort((a, b) => a.claim.input.filedAt.getTime() - b.claim.input.filedAt.getTime() || a.index - b.index)
  const history: PastExpenseClaim[] = []
  const checked = new Map<string, CheckedClaim>()
  const issues: RowIssue[] = []
  for (const { claim } of order) {
    try {
      const result = checkExpenseClaim(claim.input, { history }, options.calendar, policy)
      checked.set(claim.claimId, { ...claim, result })
    } catch (error) {
      if (!isKehuError(error)) throw error
      const message = calendarErrorMessage(error)
      // A year the calendar lacks is met counting from the trip's last day (R-EXP-2).
      const field = error.code === CalendarErrorCode.YEAR_NOT_COVERED ? 'claim.trip.endDay' : error.field
      issues.push(issueOf(claim, field, message.zh, message.en))
    }
    history.push(claim.input)
  }
  if (issues.length > 0) throw new RowError(issues.sort((a, b) => a.rowNumber - b.rowNumber))
  return claims.map((claim) => checked.get(claim.claimId) as CheckedClaim)
}

// Core's claim fields (`claim.trip.endDay`, `claim.items[2].month`) → the export's columns.
const CLAIM_FIELD_COLUMNS: readonly (readonly [RegExp, string])[] = [
  [/^claim\.claimantId/, 'claimant'],
  [/^claim\.filedAt/, 'filedAt'],
  [/^claim\.trip\.startDay/, 'tripStart'],
  [/^claim\.trip\.endDay/, 'tripEnd'],
  [/^claim\.trip\.departureAt/, 'departureAt'],
  [/^claim\.trip/, 'tripStart'],
  [/^claim\.tripApproval\.decidedAt/, 'tripApprovedAt'],
  [/^claim\.tripApproval/, 'tripApproval'],
  [/^claim\.tripApplicationAttached/, 'applicationAttached'],
]
const ITEM_FIELD_COLUMNS: Readonly<Record<string, string>> = {
  id: 'itemId',
  kind: 'kind',
  amount: 'amount',
  invoice: 'invoiceNumber',
  fareCategory: 'fareCategory',
  mode: 'mode',
  category: 'sundryCategory',
  receiptAmount: 'receiptAmount',
  expenseForm: 'itemApproval',
  aboveAllowanceApproval: 'itemApproval',
  month: 'month',
}

/** The row and column a core error field is about. */
function issueOf(claim: GroupedClaim, field: string | undefined, zh: string, en: string): RowIssue {
  // Core's messages name its own paths (`claim.items[0]`); the export knows rows.
  const rows = (text: string): string => text.replace(/claim\.items\[(\d+)\]/gu, (_, index: string) => `row ${claim.rows[Number(index)] ?? '?'}`)
  const reason = bilingual(rows(zh), rows(en))
  const item = field === undefined ? null : /^claim\.items\[(\d+)\]\.?(\w*)/.exec(field)
  if (item) {
    const rowNumber = claim.rows[Number(item[1])] ?? claim.rows[0] ?? 0
    const property = item[2] ?? ''
    return { rowNumber, column: ITEM_FIELD_COLUMNS[property] ?? (property === '' ? 'kind' : property), reason }
  }
  const column = CLAIM_FIELD_COLUMNS.find(([pattern]) => field !== undefined && pattern.test(field))?.[1] ?? 'claimId'
  return { rowNumber: claim.rows[0] ?? 0, column, reason }
}

function comparable(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object' && value !== null) {
    const approval = value as { status?: unknown; decidedAt?: unknown }
    return `${String(approval.status)}${approval.decidedAt instanceof Date ? ` ${approval.decidedAt.toISOString()}` : ''}`
  }
  return String(value)
}
