import type { StaffRole } from '../staff/roles.js'
import { readStaff, type Staff } from '../staff/staff.js'
import type { AccessDecision, AccessReasonCode, CustomerRecordRef } from './decideAccess.js'
import { readRecord } from './decideAccess.js'
import { AccessErrorCode, accessInputError, readInstantArg, readObject } from './errors.js'
import { ACCESS_ACTIONS, type AccessAction } from './policy.js'

/**
 * One entry of the customer-archive access log (客户档案查阅记录), R-ACC-2: who, what, when, and
 * the decision. Deeply frozen; `when` is ISO-8601 UTC text so the entry is plain JSON. Keeping the
 * log append-only (no update, no delete) is the persistence layer's job.
 */
export interface ViewAuditEntry {
  readonly who: { readonly staffId: string; readonly roles: readonly StaffRole[] }
  readonly what: { readonly kind: 'customer'; readonly customerId: string; readonly action: AccessAction }
  readonly when: string
  readonly allowed: boolean
  readonly reason: { readonly code: AccessReasonCode; readonly ruleId: string }
}

/**
 * Builds the audit entry of an access attempt (查阅留痕), R-ACC-2: every view — allowed or
 * denied — is recorded with who, what and when. The action is the decision's (`view`, or any
 * other action the application also logs).
 *
 * @throws {@link AccessInputError} `ACCESS.INVALID_DECISION`, `ACCESS.INVALID_RECORD`,
 *   `ACCESS.INVALID_REQUEST` (for `at`), `STAFF.INVALID` — naming the field
 *
 * @example
 * const actor = { id: 'u1', roles: ['specialist'], teamId: 't1', active: true } as const
 * const record = { kind: 'customer', id: 'C2026-00042', ownerId: 'u1' } as const
 * const at = new Date('2026-03-02T10:00:00+08:00')
 * buildViewAuditEntry({ actor, record, at, decision: decideAccess({ actor, action: 'view', record, at }) })
 * //=> { who: { staffId: 'u1', roles: ['specialist'] }, what: { kind: 'customer', customerId: 'C2026-00042', action: 'view' },
 * //     when: '2026-03-02T02:00:00.000Z', allowed: true, reason: { code: 'ACCESS.OWNER', ruleId: 'R-ACC-1' } }
 */
export function buildViewAuditEntry(input: { readonly actor: Staff; readonly record: CustomerRecordRef; readonly at: Date; readonly decision: AccessDecision }): ViewAuditEntry {
  const given = readObject(input, 'input', AccessErrorCode.INVALID_REQUEST)
  const actor = readStaff(given['actor'], 'input.actor')
  const record = readRecord(given['record'], 'input.record')
  const at = readInstantArg(given['at'], 'input.at', AccessErrorCode.INVALID_REQUEST)
  const decision = readObject(given['decision'], 'input.decision', AccessErrorCode.INVALID_DECISION)
  const allowed = decision['allowed']
  if (typeof allowed !== 'boolean') throw accessInputError(AccessErrorCode.INVALID_DECISION, 'input.decision.allowed', 'must be true or false', '必须为 true 或 false', allowed)
  const action = decision['action']
  if (typeof action !== 'string' || !(ACCESS_ACTIONS as readonly string[]).includes(action)) {
    throw accessInputError(AccessErrorCode.INVALID_DECISION, 'input.decision.action', `must be one of ${ACCESS_ACTIONS.join(', ')}`, `必须是 ${ACCESS_ACTIONS.join('、')} 之一`, action)
  }
  const reason = readObject(decision['reason'], 'input.decision.reason', AccessErrorCode.INVALID_DECISION)
  const code = reason['code']
  const ruleId = reason['ruleId']
  if (typeof code !== 'string' || !code.startsWith('ACCESS.')) throw accessInputError(AccessErrorCode.INVALID_DECISION, 'input.decision.reason.code', 'must be an ACCESS.* reason code', '必须是 ACCESS.* 原因代码', code)
  if (typeof ruleId !== 'string' || ruleId === '') throw accessInputError(AccessErrorCode.INVALID_DECISION, 'input.decision.reason.ruleId', 'must be a rule id', '必须是规则编号', ruleId)
  return Object.freeze({
    who: Object.freeze({ staffId: actor.id, roles: Object.freeze([...actor.roles]) }),
    what: Object.freeze({ kind: 'customer' as const, customerId: record.id, action: action as AccessAction }),
    when: at.toISOString(),
    allowed,
    reason: Object.freeze({ code: code as AccessReasonCode, ruleId }),
  })
}
