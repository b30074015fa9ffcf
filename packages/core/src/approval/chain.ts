import { invalidPolicyField, policyEnum, policyObject, rejectUnknownKeys } from '../policy/validate.js'
import { STAFF_ROLES } from '../staff/roles.js'
import type { ApprovalChainPolicy, ApprovalStepPolicy, ApproverSpec } from './types.js'

const CHAIN_KEYS = ['id', 'nameZh', 'nameEn', 'ruleId', 'steps'] as const
const STEP_KEYS = ['id', 'nameZh', 'nameEn', 'mode', 'approvers'] as const
const RULE_ID = /^R-[A-Z]{3}-\d+$/

/**
 * Validates an approval chain (审批流程) loaded from a company policy and returns it frozen
 * (R-LIF-2: the chain is a policy parameter). A chain has a non-empty `id`, names in both
 * languages, the `ruleId` it serves (`R-XXX-n`), and at least one step; step ids are unique; each
 * step has `mode` `'any'` (one signature) or `'all'` (会签 countersign: every entry), and a
 * non-empty list of approvers, each `{ kind: 'role', role }` with a known {@link StaffRole} or
 * `{ kind: 'person', personId }`, without the same entry twice in a step. Unknown keys are refused.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g.
 *   `chain.steps[1].approvers[0].role`
 *
 * @example
 * const chain = createApprovalChain({
 *   id: 'gift', nameZh: '礼品馈赠申请', nameEn: 'Gift request', ruleId: 'R-VIS-5',
 *   steps: [{ id: 'head', nameZh: '部门主管', nameEn: 'Department head', mode: 'any', approvers: [{ kind: 'role', role: 'departmentHead' }] }],
 * })
 * chain.steps.length //=> 1
 * Object.isFrozen(chain.steps[0]) //=> true
 * createApprovalChain({ ...chain, steps: [] }) // throws POLICY.INVALID_FIELD, field 'chain.steps'
 */
export function createApprovalChain(input: unknown, field = 'chain'): ApprovalChainPolicy {
  const record = policyObject(input, field)
  rejectUnknownKeys(record, field, CHAIN_KEYS)
  const id = policyText(record['id'], `${field}.id`)
  const nameZh = policyText(record['nameZh'], `${field}.nameZh`)
  const nameEn = policyText(record['nameEn'], `${field}.nameEn`)
  const ruleId = policyText(record['ruleId'], `${field}.ruleId`)
  if (!RULE_ID.test(ruleId)) invalidPolicyField(`${field}.ruleId`, 'must be a rule ID such as R-LIF-2', '必须是规则编号，如 R-LIF-2', ruleId)
  const steps = record['steps']
  if (!Array.isArray(steps) || steps.length === 0) {
    invalidPolicyField(`${field}.steps`, 'must be a non-empty list of steps', '必须是非空的审批步骤列表', steps)
  }
  const readSteps = steps.map((step, index) => readStep(step, `${field}.steps[${index}]`))
  const seen = new Set<string>()
  readSteps.forEach((step, index) => {
    if (seen.has(step.id)) invalidPolicyField(`${field}.steps[${index}].id`, `must be unique within the chain (${step.id} repeats)`, `在流程中必须唯一（${step.id} 重复）`, step.id)
    seen.add(step.id)
  })
  return Object.freeze({ id, nameZh, nameEn, ruleId, steps: Object.freeze(readSteps) })
}

function readStep(value: unknown, field: string): ApprovalStepPolicy {
  const record = policyObject(value, field)
  rejectUnknownKeys(record, field, STEP_KEYS)
  const id = policyText(record['id'], `${field}.id`)
  const nameZh = policyText(record['nameZh'], `${field}.nameZh`)
  const nameEn = policyText(record['nameEn'], `${field}.nameEn`)
  const mode = policyEnum(record['mode'], `${field}.mode`, ['any', 'all'])
  const approvers = record['approvers']
  if (!Array.isArray(approvers) || approvers.length === 0) {
    invalidPolicyField(`${field}.approvers`, 'must be a non-empty list of approvers', '必须是非空的审批人列表', approvers)
  }
  const read = approvers.map((approver, index) => readApprover(approver, `${field}.approvers[${index}]`))
  const keys = new Set<string>()
  read.forEach((approver, index) => {
    const key = approverKey(approver)
    if (keys.has(key)) invalidPolicyField(`${field}.approvers[${index}]`, 'must not repeat an approver entry of the same step', '同一步骤中不能重复列出同一审批人', approver)
    keys.add(key)
  })
  return Object.freeze({ id, nameZh, nameEn, mode, approvers: Object.freeze(read) })
}

function readApprover(value: unknown, field: string): ApproverSpec {
  const record = policyObject(value, field)
  const kind = policyEnum(record['kind'], `${field}.kind`, ['role', 'person'])
  if (kind === 'role') {
    rejectUnknownKeys(record, field, ['kind', 'role'])
    return Object.freeze({ kind, role: policyEnum(record['role'], `${field}.role`, STAFF_ROLES) })
  }
  rejectUnknownKeys(record, field, ['kind', 'personId'])
  return Object.freeze({ kind, personId: policyText(record['personId'], `${field}.personId`) })
}

function approverKey(approver: ApproverSpec): string {
  return approver.kind === 'role' ? `role:${approver.role}` : `person:${approver.personId}`
}

function policyText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') invalidPolicyField(field, 'must be a non-empty text', '必须是非空文本', value)
  return value
}
