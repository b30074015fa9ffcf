import { LifecycleErrorCode, lifecycleInputError } from './errors.js'
import type { SelectionAssessment } from './selectionCriteria.js'
import { type ActivePhase, type CustomerStage, isCustomerStage } from './stages.js'

/**
 * Where a customer stands in its lifecycle (客户生命周期状态, R-LIF-1..5). Immutable, plain data the
 * application stores; every transition returns a new one.
 */
export interface CustomerLifecycle {
  readonly customerId: string
  readonly stage: CustomerStage
  /** Present exactly when `stage` is `active`: `cooperation` (正式合作), then `maintenance` (维护). */
  readonly activePhase?: ActivePhase
  /** Time of the last accepted event; later events may not be earlier. */
  readonly updatedAt: Date
  /** R-LIF-2 qualification documents attached at submission (资质文件). */
  readonly qualificationDocuments?: readonly string[]
  /** R-LIF-3 the selection assessment given at submission. */
  readonly selection?: SelectionAssessment
  /** R-LIF-2 id of the linked new-customer approval request. */
  readonly approvalRequestId?: string
  /** R-LIF-2 when the linked request was approved. */
  readonly approvedAt?: Date
  /** R-LIF-4 when the agency agreement was sent (代理协议发出). */
  readonly agreementSentAt?: Date
  /** R-LIF-4 when both contracts were signed (签约). */
  readonly signedAt?: Date
  /** R-LIF-4 customer code (新客代码), kept for good once assigned (also after a win-back). */
  readonly customerCode?: string
  /** R-LIF-5 the commerce staff member following the customer (跟进商务人员). */
  readonly commerceStaffId?: string
  /** Why the customer churned, when it did (流失原因). */
  readonly churnReason?: string
}

/**
 * A new customer's lifecycle: stage `prospect` (储备/潜在).
 *
 * @throws {@link LifecycleInputError} `LIFECYCLE.INVALID_STATE` for an empty id or an invalid instant
 *
 * @example
 * startCustomerLifecycle('cust-17', new Date('2026-03-01T09:00:00+08:00')).stage //=> 'prospect'
 */
export function startCustomerLifecycle(customerId: string, at: Date): CustomerLifecycle {
  if (typeof customerId !== 'string' || customerId.trim() === '') throw invalidState('customerId', 'must be a non-empty text', '必须是非空文本', customerId)
  return Object.freeze({ customerId, stage: 'prospect', updatedAt: readStateDate(at, 'at') })
}

/**
 * Validates a lifecycle state at the boundary (shape and the `activePhase` ⇔ `active` link).
 * @internal
 */
export function readLifecycleState(value: unknown, field = 'state'): CustomerLifecycle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidState(field, 'must be an object', '必须是对象', value)
  const record = value as Record<string, unknown>
  if (typeof record['customerId'] !== 'string' || record['customerId'].trim() === '') throw invalidState(`${field}.customerId`, 'must be a non-empty text', '必须是非空文本', record['customerId'])
  const stage = record['stage']
  if (!isCustomerStage(stage)) throw invalidState(`${field}.stage`, 'must be a customer stage', '必须是客户阶段', stage)
  const phase = record['activePhase']
  if (stage === 'active' ? phase !== 'cooperation' && phase !== 'maintenance' : phase !== undefined) {
    throw invalidState(`${field}.activePhase`, stage === 'active' ? "must be 'cooperation' or 'maintenance'" : 'must be absent outside stage active', stage === 'active' ? "必须是 'cooperation' 或 'maintenance'" : '仅正式合作阶段可有', phase)
  }
  readStateDate(record['updatedAt'], `${field}.updatedAt`)
  for (const key of ['approvedAt', 'agreementSentAt', 'signedAt'] as const) {
    if (record[key] !== undefined) readStateDate(record[key], `${field}.${key}`)
  }
  for (const key of ['approvalRequestId', 'customerCode', 'commerceStaffId', 'churnReason'] as const) {
    if (record[key] !== undefined && typeof record[key] !== 'string') throw invalidState(`${field}.${key}`, 'must be a text when given', '如提供则必须是文本', record[key])
  }
  return value as CustomerLifecycle
}

function readStateDate(value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw invalidState(field, 'must be a valid Date', '必须是有效的时间', value)
  return value
}

function invalidState(field: string, en: string, zh: string, value: unknown): Error {
  return lifecycleInputError(LifecycleErrorCode.INVALID_STATE, field, en, zh, value, 'R-LIF-1')
}
