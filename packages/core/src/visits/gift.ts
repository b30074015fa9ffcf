import { createApprovalChain } from '../approval/chain.js'
import type { ApprovalChainPolicy } from '../approval/types.js'
import { IssueList, readAmount, readCivilDayField, readPositiveInteger, readRecord, type RecordIssue, readText } from '../archive/recordIssues.js'
import type { CivilDay } from '../calendar/civilDay.js'
import type { Money } from '../money/money.js'
import { InvalidVisitRecordError } from './errors.js'

/** A validated gift request (礼品馈赠申请, R-VIS-5). */
export interface GiftRequest {
  /** Identifier chosen by the application, when given. */
  readonly id?: string
  /** 馈赠对象: the customer the gift goes to, when given. */
  readonly customerId?: string
  /** 礼品收受人员: the person receiving it. */
  readonly recipient: string
  /** 礼品名称. */
  readonly item: string
  /** 数量: whole number ≥ 1. */
  readonly quantity: number
  /** 价值(元): the total value of the gift line, > 0. */
  readonly value: Money
  /** 馈赠日期. */
  readonly date: CivilDay
  /** 填表人, when given. */
  readonly requestedBy?: string
  /** 申请部门, when given. */
  readonly department?: string
  /** 备注, when given. */
  readonly note?: string
}

/** The verdict of {@link readGiftRequest}. */
export type GiftRequestVerdict = { readonly ok: true; readonly request: GiftRequest } | { readonly ok: false; readonly issues: readonly RecordIssue[] }

/**
 * **default** approval chain of a gift request (R-VIS-5): department head (部门主管) → marketing
 * director (营销总监).
 *
 * @example
 * defaultGiftChain.steps.map((step) => step.id) //=> ['departmentHead', 'marketingDirector']
 */
export const defaultGiftChain: ApprovalChainPolicy = createApprovalChain({
  id: 'gift',
  nameZh: '礼品馈赠申请审批',
  nameEn: 'Gift request approval',
  ruleId: 'R-VIS-5',
  steps: Object.freeze([
    Object.freeze({
      id: 'departmentHead',
      nameZh: '部门主管审批',
      nameEn: 'Department head',
      mode: 'any' as const,
      approvers: Object.freeze([Object.freeze({ kind: 'role' as const, role: 'departmentHead' as const })]),
    }),
    Object.freeze({
      id: 'marketingDirector',
      nameZh: '营销总监审批',
      nameEn: 'Marketing director',
      mode: 'any' as const,
      approvers: Object.freeze([Object.freeze({ kind: 'role' as const, role: 'marketingDirector' as const })]),
    }),
  ]),
})

/**
 * Fields of a gift request.
 * @example
 * GIFT_REQUEST_FIELDS.includes('recipient') //=> true
 */
export const GIFT_REQUEST_FIELDS = ['id', 'customerId', 'recipient', 'item', 'quantity', 'value', 'date', 'requestedBy', 'department', 'note'] as const

/**
 * R-VIS-5 Reads a gift request (礼品馈赠申请) and reports **every** issue at once. Required:
 * recipient, item, quantity (whole number ≥ 1), value (money > 0: a text amount, a whole number
 * of yuan or a `Money`; a fractional JS number is refused), date (`YYYY-MM-DD`). Optional: id,
 * customer, requester, department, note. Unknown keys are issues.
 *
 * @example
 * const verdict = readGiftRequest({ recipient: '王采购', item: '茶叶礼盒', quantity: 2, value: '680.00', date: '2026-09-24' })
 * verdict.ok && verdict.request.value.toString() //=> '680.00'
 * readGiftRequest({ recipient: '王采购', item: '茶叶', quantity: 0, value: '0', date: '2026-02-30' }).ok //=> false (quantity, value, date)
 */
export function readGiftRequest(input: unknown): GiftRequestVerdict {
  const issues = new IssueList('VISIT')
  const record = readRecord(input, '', issues, GIFT_REQUEST_FIELDS, 'a gift request', '礼品馈赠申请')
  if (record === undefined) return Object.freeze({ ok: false, issues: issues.frozen() })
  const id = readText(record['id'], { field: 'id', labelEn: 'the request id', labelZh: '申请编号' }, issues, false)
  const customerId = readText(record['customerId'], { field: 'customerId', labelEn: 'the customer', labelZh: '馈赠对象' }, issues, false)
  const recipient = readText(record['recipient'], { field: 'recipient', labelEn: 'the recipient', labelZh: '礼品收受人员' }, issues, true)
  const item = readText(record['item'], { field: 'item', labelEn: 'the gift', labelZh: '礼品名称' }, issues, true)
  const quantity = readPositiveInteger(record['quantity'], { field: 'quantity', labelEn: 'the quantity', labelZh: '数量' }, issues, true)
  const value = readAmount(record['value'], { field: 'value', labelEn: 'the value', labelZh: '价值' }, issues, true, 'positive')
  const date = readCivilDayField(record['date'], { field: 'date', labelEn: 'the gift date', labelZh: '馈赠日期' }, issues, true)
  const requestedBy = readText(record['requestedBy'], { field: 'requestedBy', labelEn: 'the requester', labelZh: '填表人' }, issues, false)
  const department = readText(record['department'], { field: 'department', labelEn: 'the department', labelZh: '申请部门' }, issues, false)
  const note = readText(record['note'], { field: 'note', labelEn: 'the note', labelZh: '备注' }, issues, false)
  if (issues.count > 0 || recipient === undefined || item === undefined || quantity === undefined || value === undefined || date === undefined) {
    return Object.freeze({ ok: false, issues: issues.frozen() })
  }
  return Object.freeze({
    ok: true,
    request: Object.freeze({
      ...(id === undefined ? {} : { id }),
      ...(customerId === undefined ? {} : { customerId }),
      recipient,
      item,
      quantity,
      value,
      date,
      ...(requestedBy === undefined ? {} : { requestedBy }),
      ...(department === undefined ? {} : { department }),
      ...(note === undefined ? {} : { note }),
    }),
  })
}

/**
 * R-VIS-5 Like {@link readGiftRequest}, but returns the request or throws.
 * @throws {@link InvalidVisitRecordError} `VISIT.INVALID_RECORD` listing every issue
 *
 * @example
 * assertGiftRequest({ recipient: '王采购', item: '茶叶礼盒', quantity: 1, value: 300, date: '2026-09-24' }).value.toString() //=> '300.00'
 */
export function assertGiftRequest(input: unknown): GiftRequest {
  const verdict = readGiftRequest(input)
  if (verdict.ok) return verdict.request
  throw new InvalidVisitRecordError(verdict.issues, 'R-VIS-5', 'the gift request', '礼品馈赠申请')
}
