/**
 * Rows of a claims export (报销明细行): one row per expense item, the claim's own fields (报销人,
 * 提交时间, 出差 …) repeated on its rows or given once on its first row. Each row is read into the
 * item of core's {@link ExpenseItemInput} types and the claim-level cells it carries.
 * @module
 */
import type { ExpenseItemInput, ExpenseItemKind, LocalTransportMode, Money } from '@kehu/core'

import type { ColumnSpec } from '../io/columns.js'
import type { InputRow, RowIssue } from '../io/rows.js'
import { type CellChoice, findChoice, readCells, type RowCells, YES_NO } from '../kpi/cells.js'

/** An approval as the export gives it: its status and when it was decided. */
export interface ApprovalCells {
  readonly status: 'pending' | 'approved' | 'rejected' | 'withdrawn'
  readonly decidedAt?: Date
}

/**
 * The claim-level cells of one row that are not empty, each with its comparable text (rows of one
 * claim must agree on them).
 */
export interface ClaimCells {
  readonly claimantId?: string
  readonly filedAt?: Date
  readonly tripStartDay?: string
  readonly tripEndDay?: string
  readonly departureAt?: Date
  readonly tripApproval?: ApprovalCells
  readonly applicationAttached?: boolean
}

/** One row of the export: the claim it belongs to, its claim-level cells and its item. */
export interface ClaimLineRow {
  readonly rowNumber: number
  readonly claimId: string
  readonly claim: ClaimCells
  readonly item: ExpenseItemInput
}

/** The columns of a claims export, with Chinese and English headers. */
export const CLAIM_COLUMNS: readonly ColumnSpec[] = [
  { field: 'claimId', headers: ['报销单号', '报销单', '单号', 'claim', 'claim id', 'claim no'], required: true },
  { field: 'claimant', headers: ['报销人', '员工编号', '员工', 'claimant', 'staff', 'staff id'], required: false },
  { field: 'filedAt', headers: ['提交时间', '报销时间', '报销日期', 'filed at', 'filed', 'submitted at'], required: false },
  { field: 'tripStart', headers: ['出发日', '出差开始日', 'trip start', 'trip start day'], required: false },
  { field: 'tripEnd', headers: ['返回日', '出差结束日', 'trip end', 'trip end day'], required: false },
  { field: 'departureAt', headers: ['出发时间', 'departure at', 'departure'], required: false },
  { field: 'tripApproval', headers: ['出差审批状态', '出差申请审批', 'trip approval', 'trip approval status'], required: false },
  { field: 'tripApprovedAt', headers: ['出差审批时间', 'trip approved at', 'trip approval decided at'], required: false },
  { field: 'applicationAttached', headers: ['附出差申请单', '出差申请单', 'application attached', 'trip application attached'], required: false },
  { field: 'itemId', headers: ['明细编号', '明细', '行号', 'item', 'item id'], required: false },
  { field: 'kind', headers: ['费用类型', '费用类别', '类型', 'kind', 'expense kind', 'type'], required: true },
  { field: 'amount', headers: ['金额', '报销金额', 'amount'], required: true },
  { field: 'invoiceCode', headers: ['发票代码', 'invoice code'], required: false },
  { field: 'invoiceNumber', headers: ['发票号码', '发票号', '车票号', 'invoice number', 'invoice', 'ticket number'], required: false },
  { field: 'fareCategory', headers: ['交通工具等级', '座位等级', '舱位', 'fare category', 'class'], required: false },
  { field: 'mode', headers: ['交通方式', '市内交通方式', 'mode', 'transport mode'], required: false },
  { field: 'sundryCategory', headers: ['杂费类别', 'sundry category', 'category'], required: false },
  { field: 'receiptAmount', headers: ['票面金额', 'receipt amount', 'receipt'], required: false },
  { field: 'itemApproval', headers: ['明细审批状态', '费用单审批状态', 'item approval', 'approval'], required: false },
  { field: 'itemApprovedAt', headers: ['明细审批时间', '费用单审批时间', 'item approved at', 'approved at'], required: false },
  { field: 'month', headers: ['费用月份', '月份', 'month'], required: false },
]

/** Expense kinds (费用类型) under their Chinese and English names. */
export const KIND_CHOICES: readonly CellChoice<ExpenseItemKind>[] = [
  { value: 'fare', aliases: ['在途交通费', '交通费', '车船费', '城际交通费', 'fare', 'travel fare'] },
  { value: 'localTransport', aliases: ['市内交通费', '市内交通', 'local transport'] },
  { value: 'lodging', aliases: ['住宿费', '住宿', 'hotel'] },
  { value: 'sundry', aliases: ['公务杂费', '杂费', 'sundries'] },
  { value: 'entertainment', aliases: ['业务招待费', '招待费'] },
  { value: 'phone', aliases: ['手机费', '通讯费', '话费', 'mobile phone'] },
]

/** Local transport modes (市内交通方式). */
export const MODE_CHOICES: readonly CellChoice<LocalTransportMode>[] = [
  { value: 'bus', aliases: ['公交车', '公交', '公共汽车'] },
  { value: 'minibus', aliases: ['中巴', '小巴'] },
  { value: 'rail', aliases: ['轨道交通', '地铁', '轻轨', 'metro', 'subway'] },
  { value: 'taxi', aliases: ['出租车', '的士'] },
  { value: 'rideHailing', aliases: ['网约车', '滴滴', 'ride hailing', 'ride-hailing'] },
  { value: 'other', aliases: ['其他'] },
]

/** Chinese names of the default policy's fare categories; other texts are passed on as written (core flags unknown ones). */
export const FARE_CATEGORY_CHOICES: readonly CellChoice<string>[] = [
  { value: 'rail.highSpeedSecondClass', aliases: ['高铁二等座', '动车二等座', '二等座'] },
  { value: 'rail.hardSleeper', aliases: ['硬卧'] },
  { value: 'rail.hardSeat', aliases: ['硬座'] },
  { value: 'plane.economy', aliases: ['飞机经济舱', '经济舱'] },
  { value: 'coach', aliases: ['长途汽车', '长途客车', '大巴'] },
]

/** Chinese names of the default sundry categories (邮电费、复印费、传真费); others pass as written. */
export const SUNDRY_CATEGORY_CHOICES: readonly CellChoice<string>[] = [
  { value: 'postage', aliases: ['邮电费', '邮费', '邮寄费'] },
  { value: 'copying', aliases: ['复印费', '打印复印费'] },
  { value: 'fax', aliases: ['传真费'] },
]

/** Approval statuses (审批状态). */
export const APPROVAL_CHOICES: readonly CellChoice<ApprovalCells['status']>[] = [
  { value: 'approved', aliases: ['已批准', '批准', '同意', '已同意', '通过', '已通过'] },
  { value: 'pending', aliases: ['待审批', '审批中', '未审批'] },
  { value: 'rejected', aliases: ['已驳回', '驳回', '不同意', '拒绝'] },
  { value: 'withdrawn', aliases: ['已撤回', '撤回'] },
]

/** Reads one row of a claims export. */
export function readClaimRow(row: InputRow): ClaimLineRow | RowIssue[] {
  return readCells(row, (cells): ClaimLineRow => {
    const claimId = cells.text('claimId')
    const beforeKind = cells.issues.length
    const kind = cells.choice('kind', KIND_CHOICES)
    const kindKnown = cells.issues.length === beforeKind
    const beforeAmount = cells.issues.length
    const amount = cells.money('amount')
    if (cells.issues.length === beforeAmount && amount.isZero()) cells.fail('amount', '金额必须大于零', 'the amount must be above zero')
    // The columns an item needs depend on its kind: with an unknown kind there is nothing more to ask.
    const item: ExpenseItemInput = kindKnown ? readItem(cells, kind, amount, `#${row.rowNumber}`) : { kind: 'lodging', id: `#${row.rowNumber}`, amount: '0' }
    return { rowNumber: row.rowNumber, claimId, claim: readClaimCells(cells), item }
  })
}

function readClaimCells(cells: RowCells): ClaimCells {
  const tripStartDay = cells.has('tripStart') ? cells.day('tripStart') : undefined
  const tripEndDay = cells.has('tripEnd') ? cells.day('tripEnd') : undefined
  if (tripStartDay !== undefined && tripEndDay !== undefined && tripEndDay < tripStartDay) cells.fail('tripEnd', `返回日早于出发日 ${tripStartDay}`, `the trip ends before it starts (${tripStartDay})`)
  const attached = cells.optionalChoice('applicationAttached', YES_NO)
  const tripApproval = readApproval(cells, 'tripApproval', 'tripApprovedAt')
  return {
    ...optional('claimantId', cells.optionalText('claimant')),
    ...optional('filedAt', cells.optionalInstant('filedAt')),
    ...optional('tripStartDay', tripStartDay),
    ...optional('tripEndDay', tripEndDay),
    ...optional('departureAt', cells.optionalInstant('departureAt')),
    ...optional('tripApproval', tripApproval),
    ...optional('applicationAttached', attached === undefined ? undefined : attached === 'yes'),
  }
}

function readItem(cells: RowCells, kind: ExpenseItemKind, amount: Money, fallbackId: string): ExpenseItemInput {
  const id = cells.optionalText('itemId') ?? fallbackId
  const invoiceNumber = cells.optionalText('invoiceNumber')
  const invoiceCode = cells.optionalText('invoiceCode')
  if (invoiceCode !== undefined && invoiceNumber === undefined) cells.fail('invoiceNumber', '有发票代码但缺少发票号码', 'an invoice code without the invoice number')
  const base = {
    id,
    amount: amount.toString(),
    ...(invoiceNumber === undefined ? {} : { invoice: { number: invoiceNumber, ...(invoiceCode === undefined ? {} : { code: invoiceCode }) } }),
  }
  const approval = readApproval(cells, 'itemApproval', 'itemApprovedAt')
  const required = (field: string, zh: string, en: string): string => {
    const text = cells.raw(field)
    if (text === '') cells.fail(field, `${zh}须填写此列`, `${en} needs this column`)
    return text
  }
  switch (kind) {
    case 'fare': {
      const text = required('fareCategory', '在途交通费', 'a fare')
      return { ...base, kind, fareCategory: findChoice(text, FARE_CATEGORY_CHOICES) ?? text }
    }
    case 'localTransport':
      return { ...base, kind, mode: cells.has('mode') ? cells.choice('mode', MODE_CHOICES) : (required('mode', '市内交通费', 'local transport'), 'other') }
    case 'lodging':
      return { ...base, kind }
    case 'sundry': {
      const text = required('sundryCategory', '公务杂费', 'a sundry')
      const receipt = cells.has('receiptAmount') ? cells.money('receiptAmount') : (required('receiptAmount', '公务杂费', 'a sundry'), amount)
      return { ...base, kind, category: findChoice(text, SUNDRY_CATEGORY_CHOICES) ?? text, receiptAmount: receipt.toString() }
    }
    case 'entertainment':
      return { ...base, kind, ...(approval === undefined ? {} : { expenseForm: approvalEvidence(approval) }) }
    case 'phone': {
      const month = required('month', '手机费', 'a phone cost')
      const normalised = /^(\d{4})[-/](\d{1,2})$/.exec(month)
      const text = normalised ? `${normalised[1]}-${(normalised[2] ?? '').padStart(2, '0')}` : month
      if (month !== '' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) cells.fail('month', `${JSON.stringify(month)} 不是 YYYY-MM 格式的月份`, `${JSON.stringify(month)} is not a month YYYY-MM`)
      return { ...base, kind, month: text, ...(approval === undefined ? {} : { aboveAllowanceApproval: approvalEvidence(approval) }) }
    }
  }
}

function readApproval(cells: RowCells, statusField: string, decidedField: string): ApprovalCells | undefined {
  const status = cells.optionalChoice(statusField, APPROVAL_CHOICES)
  const decidedAt = cells.optionalInstant(decidedField)
  if (status === undefined) {
    if (decidedAt !== undefined) cells.fail(statusField, '有审批时间但缺少审批状态', 'an approval time without the approval status')
    return undefined
  }
  if (status !== 'pending' && decidedAt === undefined) cells.fail(decidedField, `审批状态为 ${status}，须填写审批时间`, `a ${status} approval needs the time it was decided`)
  return { status, ...optional('decidedAt', decidedAt) }
}

/** Core's approval evidence of an approval's cells. */
export function approvalEvidence(approval: ApprovalCells): { status: ApprovalCells['status']; decidedAt?: Date } {
  return { status: approval.status, ...(approval.decidedAt === undefined ? {} : { decidedAt: approval.decidedAt }) }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
