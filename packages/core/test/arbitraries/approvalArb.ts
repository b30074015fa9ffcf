import fc from 'fast-check'

import type { ApprovalChainPolicy, ApprovalStepPolicy, ApproverSpec } from '../../src/approval/types.js'
import type { StaffRole } from '../../src/staff/roles.js'
import type { Staff } from '../../src/staff/staff.js'

/** The roles the generated chains and people use: few, so that people often match steps. */
export const approvalRolesArb: fc.Arbitrary<StaffRole> = fc.constantFrom<StaffRole>('customs', 'commerce', 'finance', 'generalManager')

/** Ids of the generated approver pool. */
export const APPROVER_IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'] as const

/** The submitter of generated requests (an active specialist, never an approver). */
export const SUBMITTER: Staff = Object.freeze({ id: 'submitter', roles: Object.freeze(['specialist'] as StaffRole[]), active: true })

/** An approver entry: a role, or one person of {@link APPROVER_IDS}. */
export const approverSpecArb: fc.Arbitrary<ApproverSpec> = fc.oneof(
  { weight: 3, arbitrary: approvalRolesArb.map((role): ApproverSpec => ({ kind: 'role', role })) },
  { weight: 1, arbitrary: fc.constantFrom(...APPROVER_IDS).map((personId): ApproverSpec => ({ kind: 'person', personId })) },
)

const approverKey = (spec: ApproverSpec): string => (spec.kind === 'role' ? `role:${spec.role}` : `person:${spec.personId}`)

/** One step (without its id). */
const stepBodyArb = fc.record({
  mode: fc.constantFrom<'any' | 'all'>('any', 'all'),
  approvers: fc.uniqueArray(approverSpecArb, { minLength: 1, maxLength: 3, selector: approverKey }),
})

/** A valid approval chain of 1–4 steps, `any` and `all` (会签) mixed, as plain data. */
export const approvalChainArb: fc.Arbitrary<ApprovalChainPolicy> = fc.array(stepBodyArb, { minLength: 1, maxLength: 4 }).map((bodies) => ({
  id: 'generated',
  nameZh: '生成的审批流程',
  nameEn: 'Generated chain',
  ruleId: 'R-LIF-2',
  steps: bodies.map(
    (body, index): ApprovalStepPolicy => ({ id: `s${index}`, nameZh: `第${index + 1}步`, nameEn: `Step ${index + 1}`, mode: body.mode, approvers: body.approvers }),
  ),
}))

/** A pool of six people p0…p5 with one or two of the chain roles each; about one in six has left. */
export const approverPoolArb: fc.Arbitrary<readonly Staff[]> = fc.tuple(
  ...APPROVER_IDS.map((id) =>
    fc.record({
      roles: fc.uniqueArray(approvalRolesArb, { minLength: 1, maxLength: 2 }),
      active: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }).map((person): Staff => ({ id, roles: person.roles, active: person.active })),
  ),
)
