import { type InstantInput, nanosToDate, readInstantInput } from '../calendar/isoInstant.js'
import type { CustomerClassification } from './classifyCustomer.js'
import { TieringErrorCode, TieringInputError } from './errors.js'
import { createTieringPolicy, defaultTieringPolicy, type TieringPolicy } from './policy.js'
import { type TieringReason, TieringReasonCode, tieringReason } from './reason.js'
import { isCustomerTier } from './tier.js'

/** The only approver role that may make a customer a strategic partner (总经理办公会 / 总经理办公室, R-TIE-4). */
export const GENERAL_MANAGER_OFFICE = 'general-manager-office'

/** A general-manager office approval of a strategic-partner proposal (战略合作伙伴审批, R-TIE-4). */
export interface StrategicApproval {
  /** Who approved; `role` must be {@link GENERAL_MANAGER_OFFICE} for the approval to take effect. */
  readonly approvedBy: { readonly role: string; readonly name?: string }
  /** When it was approved (审批时间). */
  readonly approvedAt: InstantInput
  /** Reference of the meeting minutes or approval form (会议纪要 / 审批单编号), if any. */
  readonly reference?: string
}

/** The verdict of {@link applyStrategicApproval}: a business outcome, returned as data. */
export type StrategicApprovalResult =
  | {
      readonly status: 'approved'
      /** The classification with tier `strategic` and a `TIERING.STRATEGIC_APPROVED` reason added. */
      readonly classification: CustomerClassification
      readonly approvedBy: { readonly role: string; readonly name?: string }
      readonly approvedAt: Date
      readonly reference?: string
    }
  | {
      readonly status: 'refused'
      /** The classification, unchanged. */
      readonly classification: CustomerClassification
      /** Why it was refused; never empty. */
      readonly refusals: readonly TieringReason[]
    }

/**
 * Makes a proposed strategic partner strategic (R-TIE-4), only with a general-manager office
 * approval. Decision: a refusal is a **business outcome returned as data** (`status: 'refused'`
 * with the reasons) — an approval from the wrong role, a classification that did not propose
 * strategic (when `policy.approvalRequiresProposal`, **default** `true`), or one that is already
 * strategic. A *malformed* approval or classification (no role, an instant without offset) is a
 * broken precondition and throws.
 *
 * @throws {@link TieringInputError} `TIERING.INVALID_CLASSIFICATION`, `TIERING.INVALID_APPROVAL` naming the field
 *
 * @example
 * const proposed = classifyCustomer({ annualVolume: '5000000', scale: 'large', urgency: 'urgent', hasIntention: true, hasBusinessHistory: true })
 * const verdict = applyStrategicApproval(proposed, { approvedBy: { role: 'general-manager-office' }, approvedAt: '2026-05-06T10:00:00+08:00' })
 * verdict.status //=> 'approved'
 * verdict.classification.tier //=> 'strategic'
 * applyStrategicApproval(proposed, { approvedBy: { role: 'sales-manager' }, approvedAt: '2026-05-06T10:00:00+08:00' }).status //=> 'refused'
 */
export function applyStrategicApproval(
  classification: CustomerClassification,
  approval: StrategicApproval,
  policy: TieringPolicy = defaultTieringPolicy,
): StrategicApprovalResult {
  const checked = policy === defaultTieringPolicy ? policy : createTieringPolicy(policy, 'policy')
  const current = readClassification(classification)
  const { approvedBy, approvedAt, reference } = readApproval(approval)

  const refusals: TieringReason[] = []
  if (current.tier === 'strategic') {
    refusals.push(tieringReason(TieringReasonCode.ALREADY_STRATEGIC, 'R-TIE-4', '该客户已是战略合作伙伴', 'the customer is already a strategic partner'))
  }
  if (approvedBy.role !== GENERAL_MANAGER_OFFICE) {
    refusals.push(
      tieringReason(
        TieringReasonCode.APPROVER_NOT_GENERAL_MANAGER_OFFICE,
        'R-TIE-4',
        `战略合作伙伴须经总经理办公会批准，审批角色 ${JSON.stringify(approvedBy.role)} 无此权限`,
        `a strategic partner needs the general-manager office's approval; role ${JSON.stringify(approvedBy.role)} may not approve it`,
      ),
    )
  }
  if (checked.approvalRequiresProposal && !current.proposedStrategic && current.tier !== 'strategic') {
    refusals.push(
      tieringReason(
        TieringReasonCode.NOT_PROPOSED_STRATEGIC,
        'R-TIE-4',
        '分级结果未建议列为战略合作伙伴，不能批准',
        'the classification did not propose strategic partner, so there is nothing to approve',
      ),
    )
  }
  if (refusals.length > 0) return Object.freeze({ status: 'refused', classification, refusals: Object.freeze(refusals) })

  const approvedReason = tieringReason(
    TieringReasonCode.STRATEGIC_APPROVED,
    'R-TIE-4',
    `经总经理办公会批准（${approvedAt.toISOString()}${reference === undefined ? '' : `，${reference}`}）：战略合作伙伴客户`,
    `approved by the general-manager office (${approvedAt.toISOString()}${reference === undefined ? '' : `, ${reference}`}): strategic partner`,
  )
  return Object.freeze({
    status: 'approved',
    classification: Object.freeze({ ...current, tier: 'strategic', reasons: Object.freeze([...current.reasons, approvedReason]) }),
    approvedBy,
    approvedAt,
    ...(reference === undefined ? {} : { reference }),
  })
}

function readClassification(value: unknown): CustomerClassification {
  const fail = (field: string, en: string, zh: string): never => {
    throw new TieringInputError({
      code: TieringErrorCode.INVALID_CLASSIFICATION,
      field,
      ruleId: 'R-TIE-4',
      messageEn: `${field} ${en}; pass the result of classifyCustomer`,
      messageZh: `${field} ${zh}；请传入 classifyCustomer 的结果`,
    })
  }
  if (typeof value !== 'object' || value === null) return fail('classification', 'must be an object', '必须是对象')
  const record = value as Record<string, unknown>
  if (!isCustomerTier(record['tier'])) fail('classification.tier', 'must be a tier', '必须是客户层级')
  if (typeof record['proposedStrategic'] !== 'boolean') fail('classification.proposedStrategic', 'must be true or false', '必须是 true 或 false')
  if (!['A', 'B', 'C'].includes(record['grade'] as string)) fail('classification.grade', 'must be A, B or C', '必须是 A、B 或 C')
  if (!Array.isArray(record['reasons'])) fail('classification.reasons', 'must be a list', '必须是列表')
  return value as CustomerClassification
}

function readApproval(value: unknown): { approvedBy: { readonly role: string; readonly name?: string }; approvedAt: Date; reference: string | undefined } {
  const fail = (field: string, en: string, zh: string, cause?: unknown): never => {
    throw new TieringInputError({
      code: TieringErrorCode.INVALID_APPROVAL,
      field,
      ruleId: 'R-TIE-4',
      messageEn: `${field} ${en}`,
      messageZh: `${field} ${zh}`,
      ...(cause === undefined ? {} : { cause }),
    })
  }
  if (typeof value !== 'object' || value === null) return fail('approval', 'must be an object', '必须是对象')
  const record = value as Record<string, unknown>
  const by = record['approvedBy']
  if (typeof by !== 'object' || by === null) return fail('approval.approvedBy', 'must be an object with a role', '必须是包含 role 的对象')
  const role = (by as Record<string, unknown>)['role']
  const name = (by as Record<string, unknown>)['name']
  if (typeof role !== 'string' || role.trim() === '') return fail('approval.approvedBy.role', 'must be a non-empty text', '必须是非空文本')
  if (name !== undefined && typeof name !== 'string') return fail('approval.approvedBy.name', 'must be a text', '必须是文本')
  const reading = readInstantInput(record['approvedAt'], 'approval.approvedAt')
  if (!reading.ok) return fail('approval.approvedAt', `is not a valid instant: ${reading.messageEn}`, `不是有效的时间点：${reading.messageZh}`)
  const approvedAt = nanosToDate(reading.nanos)
  const reference = record['reference']
  if (reference !== undefined && typeof reference !== 'string') return fail('approval.reference', 'must be a text', '必须是文本')
  return { approvedBy: Object.freeze(name === undefined ? { role } : { role, name }), approvedAt, reference }
}
