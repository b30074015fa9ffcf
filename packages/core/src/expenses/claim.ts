import type { ApprovalRequest } from '../approval/types.js'
import { type CivilDay, isCivilDay } from '../calendar/civilDay.js'
import { readDate, readRecord, readText } from '../input/index.js'
import { Money, type MoneyInput } from '../money/money.js'
import { ExpenseErrorCode, expenseFailure, expenseInputError } from './errors.js'
import { EXPENSE_ITEM_KINDS, type ExpenseItemKind, LOCAL_TRANSPORT_MODES, type LocalTransportMode, TRAVEL_ITEM_KINDS } from './items.js'

/**
 * An invoice or ticket (发票/车票) attached to an item: the invoice code (发票代码) when the document
 * has one, and its number (发票号码 / 车票号). Numbers are compared after trimming and upper-casing.
 */
export interface InvoiceRef {
  readonly code?: string
  readonly number: string
}

/**
 * What the expense checks need of an approval request (审批单): its status and when it was
 * decided. A full `ApprovalRequest` fits.
 */
export type ApprovalEvidence = Pick<ApprovalRequest, 'status' | 'decidedAt'>

/** The business trip a claim is for (出差): its first and last civil days, and optionally the departure instant. */
export interface TripInput {
  /** First day of the trip (出发日), `YYYY-MM-DD` Asia/Shanghai. */
  readonly startDay: CivilDay
  /** Last day of the trip (返回日), `YYYY-MM-DD`, not before `startDay`. */
  readonly endDay: CivilDay
  /** Departure instant, when known; otherwise the trip starts at 00:00 +08:00 of `startDay`. */
  readonly departureAt?: Date
}

interface ItemBase {
  /** Identifier of the item, unique within the claim. */
  readonly id: string
  /** The amount claimed (报销金额), above zero. */
  readonly amount: MoneyInput
  /** The invoice or ticket attached (所附发票/车票); absent = not attached. */
  readonly invoice?: InvoiceRef
}

/** 在途交通费: a train, plane or coach ticket in a fare category of the policy's fare standard. */
export interface FareItemInput extends ItemBase {
  readonly kind: 'fare'
  /** A key of the policy's `fareStandards`, e.g. `'rail.highSpeedSecondClass'`. */
  readonly fareCategory: string
}

/** 市内交通费 during the trip. */
export interface LocalTransportItemInput extends ItemBase {
  readonly kind: 'localTransport'
  readonly mode: LocalTransportMode
}

/** 住宿费. */
export interface LodgingItemInput extends ItemBase {
  readonly kind: 'lodging'
}

/** 公务杂费 (postage, copying, fax) reimbursed at cost: `receiptAmount` is what the receipt says. */
export interface SundryItemInput extends ItemBase {
  readonly kind: 'sundry'
  /** One of the policy's `sundryCategories`, e.g. `'postage'`. */
  readonly category: string
  /** The amount on the receipt (票面金额), ≥ 0. */
  readonly receiptAmount: MoneyInput
}

/** 业务招待费, with the expense form (费用报销单) signed by the department manager. */
export interface EntertainmentItemInput extends ItemBase {
  readonly kind: 'entertainment'
  /** The expense-form approval (chain {@link defaultEntertainmentChain}); absent = not signed. */
  readonly expenseForm?: ApprovalEvidence
}

/** 手机费 of one month. */
export interface PhoneItemInput extends ItemBase {
  readonly kind: 'phone'
  /** The month the cost is for, `YYYY-MM`. */
  readonly month: string
  /** The manager's approval of the part above the allowance (chain {@link defaultPhoneAllowanceChain}). */
  readonly aboveAllowanceApproval?: ApprovalEvidence
}

/** One line of a claim (费用明细). */
export type ExpenseItemInput =
  | FareItemInput
  | LocalTransportItemInput
  | LodgingItemInput
  | SundryItemInput
  | EntertainmentItemInput
  | PhoneItemInput

/** An expense claim (费用报销单) as submitted. */
export interface ExpenseClaimInput {
  readonly id: string
  /** Staff id of the person claiming (报销人). */
  readonly claimantId: string
  /** When the claim was filed (报销提交时间). */
  readonly filedAt: Date
  /** The trip, required when the claim has travel items (fares, local transport, lodging). */
  readonly trip?: TripInput
  /** R-EXP-1 the trip application's approval request (出差申请表审批); absent = none. */
  readonly tripApproval?: ApprovalEvidence
  /** R-EXP-2 the trip application (出差申请单) is attached; required (true/false) when `trip` is given. */
  readonly tripApplicationAttached?: boolean
  /** The items, at least one. */
  readonly items: readonly ExpenseItemInput[]
}

/** What the checks need of a past claim (历史报销单): its invoices and its phone costs. A full {@link ExpenseClaimInput} fits. */
export interface PastExpenseClaim {
  readonly id: string
  readonly claimantId: string
  readonly items: readonly {
    readonly kind: ExpenseItemKind
    readonly amount: MoneyInput
    readonly invoice?: InvoiceRef
    readonly month?: string
  }[]
}

/** The context of a check: past claims (any claimant) for the duplicate-invoice and phone-allowance checks. */
export interface ExpenseCheckContext {
  readonly history?: readonly PastExpenseClaim[]
}

/** @internal validated approval evidence */
export interface ReadApproval {
  readonly status: ApprovalRequest['status']
  readonly decidedAt: Date | undefined
}

/** @internal validated item */
export interface ReadItem {
  readonly index: number
  readonly field: string
  readonly id: string
  readonly kind: ExpenseItemKind
  readonly amount: Money
  readonly invoice: { readonly code: string; readonly number: string } | undefined
  readonly fareCategory?: string
  readonly mode?: LocalTransportMode
  readonly category?: string
  readonly receiptAmount?: Money
  readonly month?: string
  readonly approval?: ReadApproval | undefined
}

/** @internal validated claim */
export interface ReadClaim {
  readonly id: string
  readonly claimantId: string
  readonly filedAt: Date
  readonly trip: { readonly startDay: CivilDay; readonly endDay: CivilDay; readonly startsAt: Date } | undefined
  readonly tripApproval: ReadApproval | undefined
  readonly tripApplicationAttached: boolean
  readonly items: readonly ReadItem[]
}

/** @internal validated past claim */
export interface ReadPastClaim {
  readonly id: string
  readonly claimantId: string
  readonly items: readonly { readonly kind: ExpenseItemKind; readonly amount: Money; readonly invoice: { readonly code: string; readonly number: string } | undefined; readonly month: string | undefined }[]
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/
const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const

/**
 * Validates a claim at the boundary.
 * @throws {@link ExpenseInputError} naming the field; `MONEY.*` errors for malformed amounts
 * @internal
 */
export function readExpenseClaim(value: unknown, field = 'claim'): ReadClaim {
  const fail = expenseFailure(ExpenseErrorCode.INVALID_CLAIM)
  const claim = readRecord(value, field, fail)
  const id = readText(claim['id'], `${field}.id`, fail)
  const claimantId = readText(claim['claimantId'], `${field}.claimantId`, fail)
  const filedAt = instant(claim['filedAt'], `${field}.filedAt`, ExpenseErrorCode.INVALID_CLAIM)
  const rawItems = claim['items']
  if (!Array.isArray(rawItems) || rawItems.length === 0) {
    throw expenseInputError(ExpenseErrorCode.INVALID_CLAIM, `${field}.items`, 'must be a non-empty list of items', '必须是非空的费用明细列表', rawItems)
  }
  const items = rawItems.map((item, index) => readItem(item, index, `${field}.items[${index}]`))
  const seen = new Set<string>()
  for (const item of items) {
    if (seen.has(item.id)) throw expenseInputError(ExpenseErrorCode.INVALID_ITEM, `${item.field}.id`, 'must be unique within the claim', '在报销单内必须唯一', item.id)
    seen.add(item.id)
  }

  let trip: ReadClaim['trip']
  if (claim['trip'] !== undefined) {
    const rawTrip = readRecord(claim['trip'], `${field}.trip`, fail)
    const startDay = civilDay(rawTrip['startDay'], `${field}.trip.startDay`)
    const endDay = civilDay(rawTrip['endDay'], `${field}.trip.endDay`)
    if (endDay < startDay) throw expenseInputError(ExpenseErrorCode.INVALID_CLAIM, `${field}.trip.endDay`, `must not be before startDay ${startDay}`, `不能早于出发日 ${startDay}`, endDay)
    const startsAt = rawTrip['departureAt'] === undefined ? new Date(Date.parse(`${startDay}T00:00:00+08:00`)) : instant(rawTrip['departureAt'], `${field}.trip.departureAt`, ExpenseErrorCode.INVALID_CLAIM)
    trip = { startDay, endDay, startsAt }
  } else {
    const travel = items.find((item) => TRAVEL_ITEM_KINDS.includes(item.kind))
    if (travel !== undefined) {
      throw expenseInputError(ExpenseErrorCode.TRIP_REQUIRED, `${field}.trip`, `is required: ${travel.field} is a travel expense (${travel.kind})`, `为必填：${travel.field} 是差旅费用（${travel.kind}）`, undefined, 'R-EXP-1')
    }
  }
  const attached = claim['tripApplicationAttached']
  if (trip !== undefined && typeof attached !== 'boolean') {
    throw expenseInputError(ExpenseErrorCode.INVALID_CLAIM, `${field}.tripApplicationAttached`, 'must be true or false for a trip claim', '出差报销时必须为 true 或 false', attached)
  }
  if (trip === undefined && attached !== undefined && typeof attached !== 'boolean') {
    throw expenseInputError(ExpenseErrorCode.INVALID_CLAIM, `${field}.tripApplicationAttached`, 'must be true or false when given', '如提供则必须为 true 或 false', attached)
  }
  const tripApproval = claim['tripApproval'] === undefined ? undefined : readApproval(claim['tripApproval'], `${field}.tripApproval`)
  return { id, claimantId, filedAt, trip, tripApproval, tripApplicationAttached: attached === true, items }
}

/**
 * Validates the history of past claims.
 * @internal
 */
export function readHistory(value: unknown, field = 'context.history'): readonly ReadPastClaim[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw expenseInputError(ExpenseErrorCode.INVALID_HISTORY, field, 'must be a list of past claims', '必须是历史报销单列表', value)
  const fail = expenseFailure(ExpenseErrorCode.INVALID_HISTORY)
  return value.map((raw, claimIndex) => {
    const claimField = `${field}[${claimIndex}]`
    const claim = readRecord(raw, claimField, fail)
    const items = claim['items']
    if (!Array.isArray(items)) throw expenseInputError(ExpenseErrorCode.INVALID_HISTORY, `${claimField}.items`, 'must be a list', '必须是列表', items)
    return {
      id: readText(claim['id'], `${claimField}.id`, fail),
      claimantId: readText(claim['claimantId'], `${claimField}.claimantId`, fail),
      items: items.map((rawItem, itemIndex) => {
        const itemField = `${claimField}.items[${itemIndex}]`
        const item = readRecord(rawItem, itemField, fail)
        const kind = oneOf(item['kind'], `${itemField}.kind`, EXPENSE_ITEM_KINDS, ExpenseErrorCode.INVALID_HISTORY)
        const month = item['month'] === undefined ? undefined : monthOf(item['month'], `${itemField}.month`, ExpenseErrorCode.INVALID_HISTORY)
        return {
          kind,
          amount: Money.of(item['amount'] as MoneyInput, `${itemField}.amount`),
          invoice: item['invoice'] === undefined ? undefined : readInvoice(item['invoice'], `${itemField}.invoice`, ExpenseErrorCode.INVALID_HISTORY),
          month,
        }
      }),
    }
  })
}

function readItem(value: unknown, index: number, field: string): ReadItem {
  const code = ExpenseErrorCode.INVALID_ITEM
  const fail = expenseFailure(code)
  const item = readRecord(value, field, fail)
  const kind = oneOf(item['kind'], `${field}.kind`, EXPENSE_ITEM_KINDS, code)
  const id = readText(item['id'], `${field}.id`, fail)
  const amount = Money.of(item['amount'] as MoneyInput, `${field}.amount`)
  if (!amount.isPositive()) throw expenseInputError(code, `${field}.amount`, 'must be above zero', '必须大于零', amount.toString())
  const invoice = item['invoice'] === undefined ? undefined : readInvoice(item['invoice'], `${field}.invoice`, code)
  const base = { index, field, id, kind, amount, invoice }
  switch (kind) {
    case 'fare':
      return { ...base, fareCategory: readText(item['fareCategory'], `${field}.fareCategory`, fail) }
    case 'localTransport':
      return { ...base, mode: oneOf(item['mode'], `${field}.mode`, LOCAL_TRANSPORT_MODES, code) }
    case 'lodging':
      return base
    case 'sundry': {
      const receiptAmount = Money.of(item['receiptAmount'] as MoneyInput, `${field}.receiptAmount`)
      if (receiptAmount.isNegative()) throw expenseInputError(code, `${field}.receiptAmount`, 'must not be negative', '不能为负数', receiptAmount.toString())
      return { ...base, category: readText(item['category'], `${field}.category`, fail), receiptAmount }
    }
    case 'entertainment':
      return { ...base, approval: item['expenseForm'] === undefined ? undefined : readApproval(item['expenseForm'], `${field}.expenseForm`) }
    case 'phone':
      return {
        ...base,
        month: monthOf(item['month'], `${field}.month`, code),
        approval: item['aboveAllowanceApproval'] === undefined ? undefined : readApproval(item['aboveAllowanceApproval'], `${field}.aboveAllowanceApproval`),
      }
  }
}

function readApproval(value: unknown, field: string): ReadApproval {
  const code = ExpenseErrorCode.INVALID_APPROVAL
  const approval = readRecord(value, field, expenseFailure(code))
  const status = oneOf(approval['status'], `${field}.status`, APPROVAL_STATUSES, code)
  const rawDecidedAt = approval['decidedAt']
  const decidedAt = rawDecidedAt === undefined ? undefined : instant(rawDecidedAt, `${field}.decidedAt`, code)
  if (status !== 'pending' && decidedAt === undefined) {
    throw expenseInputError(code, `${field}.decidedAt`, `is required for a ${status} request`, `${status} 状态的审批单必须有决定时间`, rawDecidedAt)
  }
  return { status, decidedAt }
}

function readInvoice(value: unknown, field: string, code: ExpenseErrorCode): { code: string; number: string } {
  const fail = expenseFailure(code)
  const invoice = readRecord(value, field, fail)
  const number = readText(invoice['number'], `${field}.number`, fail)
  const invoiceCode = invoice['code'] === undefined ? '' : readText(invoice['code'], `${field}.code`, fail)
  return { code: normaliseInvoiceText(invoiceCode), number: normaliseInvoiceText(number) }
}

/** Invoice codes and numbers are compared without whitespace, upper-cased. @internal */
export function normaliseInvoiceText(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase()
}

function oneOf<const T extends string>(value: unknown, field: string, allowed: readonly T[], code: ExpenseErrorCode): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw expenseInputError(code, field, `must be one of ${allowed.join(', ')}`, `必须是 ${allowed.join('、')} 之一`, value)
  }
  return value as T
}

function instant(value: unknown, field: string, code: ExpenseErrorCode): Date {
  return new Date(readDate(value, field, expenseFailure(code)).getTime())
}

function civilDay(value: unknown, field: string): CivilDay {
  if (!isCivilDay(value)) throw expenseInputError(ExpenseErrorCode.INVALID_CLAIM, field, 'must be a civil day YYYY-MM-DD', '必须是 YYYY-MM-DD 格式的日期', value)
  return value
}

function monthOf(value: unknown, field: string, code: ExpenseErrorCode): string {
  if (typeof value !== 'string' || !MONTH_PATTERN.test(value)) throw expenseInputError(code, field, 'must be a month YYYY-MM', '必须是 YYYY-MM 格式的月份', value)
  return value
}
