import { createApprovalChain } from '../approval/chain.js'
import type { ApprovalChainPolicy } from '../approval/types.js'
import { IssueList, joinPath, readAmount, readChoice, readInstantField, readList, readRecord, type RecordIssue, readText } from '../archive/recordIssues.js'
import { type Money, sumMoney } from '../money/money.js'
import { InvalidVisitRecordError } from './errors.js'

/**
 * Cost categories of the 客户接待申请表 (费用明细), R-VIS-5.
 * @example
 * RECEPTION_COST_CATEGORIES.seminar //=> '研讨'
 */
export const RECEPTION_COST_CATEGORIES = {
  hospitality: '招待',
  socialising: '交际',
  meeting: '会议',
  seminar: '研讨',
  ceremony: '典礼',
  gifts: '礼品',
  other: '其他',
} as const

/** One of the {@link RECEPTION_COST_CATEGORIES} keys. */
export type ReceptionCostCategory = keyof typeof RECEPTION_COST_CATEGORIES

/**
 * The 8 purposes of a reception (招待目的) on the 客户接待申请表, R-VIS-5.
 * @example
 * RECEPTION_PURPOSES.festivalOrCeremony //=> '重要的节日或庆典'
 */
export const RECEPTION_PURPOSES = {
  newPartner: '招待新的合作客户',
  newPartnershipCelebration: '庆祝新客户合作关系的建立',
  customerVisit: '客户来访时的招待',
  staffVisitHosting: '客户服务人员出访时的请客',
  thanksAfterCooperation: '与客户合作结束后的致谢',
  thanksForSuggestions: '接纳各种客户建议后的致谢',
  thanksForGoalsAchieved: '达到各种目的后的致谢',
  festivalOrCeremony: '重要的节日或庆典',
} as const

/** One of the {@link RECEPTION_PURPOSES} keys. */
export type ReceptionPurpose = keyof typeof RECEPTION_PURPOSES

/**
 * Reception levels (客户接待档次): high 高档 (高级饭店), medium 中档 (中高档餐馆), low 低档 (大众用餐场所).
 * @example
 * RECEPTION_LEVELS.medium //=> '中档'
 */
export const RECEPTION_LEVELS = {
  high: '高档',
  medium: '中档',
  low: '低档',
} as const

/** One of the {@link RECEPTION_LEVELS} keys. */
export type ReceptionLevel = keyof typeof RECEPTION_LEVELS

/**
 * How the costs are borne (费用类型): fully 全部执行, partly 部分执行, by the guest 自费.
 * @example
 * RECEPTION_PAYMENTS.guestPaid //=> '自费'
 */
export const RECEPTION_PAYMENTS = {
  full: '全部执行',
  partial: '部分执行',
  guestPaid: '自费',
} as const

/** One of the {@link RECEPTION_PAYMENTS} keys. */
export type ReceptionPayment = keyof typeof RECEPTION_PAYMENTS

/** One cost line of a reception request (费用明细). */
export interface ReceptionCostLine {
  readonly category: ReceptionCostCategory
  /** 金额(元), > 0. */
  readonly amount: Money
  readonly note?: string
}

/** A validated reception request (客户接待申请, R-VIS-5). */
export interface ReceptionRequest {
  /** Identifier chosen by the application, when given. */
  readonly id?: string
  /** 客户名. */
  readonly customerId: string
  /** 接待时间. */
  readonly receptionAt: Date
  /** 费用明细, at least one line. */
  readonly costLines: readonly ReceptionCostLine[]
  /** 招待目的. */
  readonly purpose: ReceptionPurpose
  /** Free text about the purpose (说明), when given. */
  readonly purposeNote?: string
  /** 客户接待档次. */
  readonly level: ReceptionLevel
  /** 费用类型. */
  readonly payment: ReceptionPayment
  /** 申请人, when given. */
  readonly requestedBy?: string
}

/** The verdict of {@link readReceptionRequest}. */
export type ReceptionRequestVerdict = { readonly ok: true; readonly request: ReceptionRequest } | { readonly ok: false; readonly issues: readonly RecordIssue[] }

/** Totals of a reception request: per category (every category present, ¥0.00 when none) and overall. */
export interface ReceptionTotals {
  readonly byCategory: Readonly<Record<ReceptionCostCategory, Money>>
  readonly total: Money
}

/**
 * **default** approval chain of a reception request (R-VIS-5): customer-department manager
 * (客户部经理, role `manager`) → vice general manager (副总经理).
 *
 * @example
 * defaultReceptionChain.steps.map((step) => step.id) //=> ['manager', 'viceGeneralManager']
 */
export const defaultReceptionChain: ApprovalChainPolicy = createApprovalChain({
  id: 'reception',
  nameZh: '客户接待申请审批',
  nameEn: 'Customer reception request approval',
  ruleId: 'R-VIS-5',
  steps: Object.freeze([
    Object.freeze({
      id: 'manager',
      nameZh: '客户部经理审批',
      nameEn: 'Customer-department manager',
      mode: 'any' as const,
      approvers: Object.freeze([Object.freeze({ kind: 'role' as const, role: 'manager' as const })]),
    }),
    Object.freeze({
      id: 'viceGeneralManager',
      nameZh: '副总经理审批',
      nameEn: 'Vice general manager',
      mode: 'any' as const,
      approvers: Object.freeze([Object.freeze({ kind: 'role' as const, role: 'viceGeneralManager' as const })]),
    }),
  ]),
})

/**
 * Fields of a reception request.
 * @example
 * RECEPTION_REQUEST_FIELDS.length //=> 9
 */
export const RECEPTION_REQUEST_FIELDS = ['id', 'customerId', 'receptionAt', 'costLines', 'purpose', 'purposeNote', 'level', 'payment', 'requestedBy'] as const

/**
 * R-VIS-5 Reads a reception request (客户接待申请) and reports **every** issue at once. Required:
 * customer, reception time (a `Date` or ISO text with an offset), at least one cost line
 * (`{ category, amount, note? }`, category from {@link RECEPTION_COST_CATEGORIES}, amount money > 0),
 * purpose ({@link RECEPTION_PURPOSES}), level ({@link RECEPTION_LEVELS}), payment
 * ({@link RECEPTION_PAYMENTS}); choices by key or Chinese label. Optional: id, purpose note,
 * requester. A category may appear on several lines.
 *
 * @example
 * readReceptionRequest({ customerId: 'C1', receptionAt: '2026-09-28T18:00:00+08:00', purpose: '客户来访时的招待', level: '中档', payment: 'full',
 *   costLines: [{ category: '招待', amount: '1280.50' }, { category: 'gifts', amount: '399.90' }] }).ok //=> true
 */
export function readReceptionRequest(input: unknown): ReceptionRequestVerdict {
  const issues = new IssueList('VISIT')
  const record = readRecord(input, '', issues, RECEPTION_REQUEST_FIELDS, 'a reception request', '客户接待申请')
  if (record === undefined) return Object.freeze({ ok: false, issues: issues.frozen() })
  const id = readText(record['id'], { field: 'id', labelEn: 'the request id', labelZh: '申请编号' }, issues, false)
  const customerId = readText(record['customerId'], { field: 'customerId', labelEn: 'the customer', labelZh: '客户名' }, issues, true)
  const receptionAt = readInstantField(record['receptionAt'], { field: 'receptionAt', labelEn: 'the reception time', labelZh: '接待时间' }, issues, true)
  const lines = readList(record['costLines'], { field: 'costLines', labelEn: 'the cost lines', labelZh: '费用明细' }, issues, true, true)
  const costLines = lines?.map((line, index) => readCostLine(line, `costLines[${index}]`, issues))
  const purpose = readChoice(record['purpose'], { field: 'purpose', labelEn: 'the purpose', labelZh: '招待目的' }, issues, true, RECEPTION_PURPOSES)
  const purposeNote = readText(record['purposeNote'], { field: 'purposeNote', labelEn: 'the purpose note', labelZh: '招待目的说明' }, issues, false)
  const level = readChoice(record['level'], { field: 'level', labelEn: 'the reception level', labelZh: '接待档次' }, issues, true, RECEPTION_LEVELS)
  const payment = readChoice(record['payment'], { field: 'payment', labelEn: 'the payment', labelZh: '费用类型' }, issues, true, RECEPTION_PAYMENTS)
  const requestedBy = readText(record['requestedBy'], { field: 'requestedBy', labelEn: 'the requester', labelZh: '申请人' }, issues, false)
  if (issues.count > 0 || customerId === undefined || receptionAt === undefined || costLines === undefined || purpose === undefined || level === undefined || payment === undefined) {
    return Object.freeze({ ok: false, issues: issues.frozen() })
  }
  return Object.freeze({
    ok: true,
    request: Object.freeze({
      ...(id === undefined ? {} : { id }),
      customerId,
      receptionAt,
      costLines: Object.freeze(costLines as ReceptionCostLine[]),
      purpose,
      ...(purposeNote === undefined ? {} : { purposeNote }),
      level,
      payment,
      ...(requestedBy === undefined ? {} : { requestedBy }),
    }),
  })
}

function readCostLine(value: unknown, path: string, issues: IssueList): ReceptionCostLine | undefined {
  const before = issues.count
  const row = readRecord(value, path, issues, ['category', 'amount', 'note'], 'a cost line', '费用明细')
  if (row === undefined) return undefined
  const category = readChoice(row['category'], { field: joinPath(path, 'category'), labelEn: 'the cost category', labelZh: '费用类别' }, issues, true, RECEPTION_COST_CATEGORIES)
  const amount = readAmount(row['amount'], { field: joinPath(path, 'amount'), labelEn: 'the amount', labelZh: '金额' }, issues, true, 'positive')
  const note = readText(row['note'], { field: joinPath(path, 'note'), labelEn: 'the note', labelZh: '备注' }, issues, false)
  if (issues.count !== before || category === undefined || amount === undefined) return undefined
  return Object.freeze({ category, amount, ...(note === undefined ? {} : { note }) })
}

/**
 * R-VIS-5 Like {@link readReceptionRequest}, but returns the request or throws.
 * @throws {@link InvalidVisitRecordError} `VISIT.INVALID_RECORD` listing every issue
 *
 * @example
 * assertReceptionRequest({ customerId: 'C1', receptionAt: '2026-09-28T18:00:00+08:00', purpose: 'customerVisit', level: 'medium', payment: 'partial',
 *   costLines: [{ category: 'hospitality', amount: '800' }] }).payment //=> 'partial'
 */
export function assertReceptionRequest(input: unknown): ReceptionRequest {
  const verdict = readReceptionRequest(input)
  if (verdict.ok) return verdict.request
  throw new InvalidVisitRecordError(verdict.issues, 'R-VIS-5', 'the reception request', '客户接待申请')
}

/**
 * R-VIS-5 Exact totals of a reception request (费用合计): the sum per cost category (every
 * category listed, ¥0.00 when it has no line) and the grand total, to the fen, with no rounding
 * (the lines are already whole fen).
 *
 * @throws {@link InvalidVisitRecordError} for an invalid request
 *
 * @example
 * receptionTotals(request) // lines 招待 1280.50, 礼品 399.90, 招待 19.60
 * //=> { byCategory: { hospitality: 1300.10, gifts: 399.90, others 0.00 }, total: 1700.00 }
 */
export function receptionTotals(request: ReceptionRequest): ReceptionTotals {
  const checked = assertReceptionRequest(request)
  const byCategory = {} as Record<ReceptionCostCategory, Money>
  for (const category of Object.keys(RECEPTION_COST_CATEGORIES) as ReceptionCostCategory[]) {
    byCategory[category] = sumMoney(checked.costLines.filter((line) => line.category === category).map((line) => line.amount))
  }
  return Object.freeze({ byCategory: Object.freeze(byCategory), total: sumMoney(checked.costLines.map((line) => line.amount)) })
}
