import { createApprovalChain } from '../approval/chain.js'
import type { ApprovalChainPolicy, ApprovalRequest } from '../approval/types.js'
import { IssueList, readInstantField, readRecord, type RecordIssue, readText } from '../archive/recordIssues.js'
import { InvalidVisitRecordError, invalidVisitArgument, readDateArgument, VisitErrorCode, type VisitRefusal, visitRefusal } from './errors.js'

/** A validated visit plan (客户拜访计划 / 客户走访单, R-VIS-1). */
export interface VisitPlan {
  /** Identifier chosen by the application, when given (the approval's subject id). */
  readonly id?: string
  /** 访问客户. */
  readonly customerId: string
  /** 访问时间 / 约定时间. */
  readonly plannedAt: Date
  /** 拜访对象 (the person to meet). */
  readonly personToMeet: string
  /** 拜访目的. */
  readonly purpose: string
  /** Who plans the visit (拜访人). */
  readonly byStaffId: string
}

/** The verdict of {@link readVisitPlan}. */
export type VisitPlanVerdict = { readonly ok: true; readonly plan: VisitPlan } | { readonly ok: false; readonly issues: readonly RecordIssue[] }

/** The approval facts {@link visitMayTakePlace} needs: a request of the approval engine, or these fields of it. */
export type VisitPlanApproval = Pick<ApprovalRequest, 'status' | 'decidedAt' | 'chain'>

/** The verdict of {@link visitMayTakePlace}. */
export type VisitPermission = { readonly ok: true; readonly ruleId: 'R-VIS-1'; readonly approvedAt: Date } | { readonly ok: false; readonly refusal: VisitRefusal }

/**
 * **default** approval chain of a visit plan (R-VIS-1): one step, the customer-department
 * manager (客户部经理, role `manager`).
 *
 * @example
 * defaultVisitPlanChain.steps.map((step) => step.id) //=> ['manager']
 */
export const defaultVisitPlanChain: ApprovalChainPolicy = createApprovalChain({
  id: 'visitPlan',
  nameZh: '客户拜访计划审批',
  nameEn: 'Customer visit plan approval',
  ruleId: 'R-VIS-1',
  steps: Object.freeze([
    Object.freeze({
      id: 'manager',
      nameZh: '客户部经理审批',
      nameEn: 'Customer-department manager',
      mode: 'any' as const,
      approvers: Object.freeze([Object.freeze({ kind: 'role' as const, role: 'manager' as const })]),
    }),
  ]),
})

const PLAN_KEYS = ['id', 'customerId', 'plannedAt', 'personToMeet', 'purpose', 'byStaffId'] as const

/** @internal reads a plan into `issues`. */
export function readVisitPlanInto(input: unknown, issues: IssueList): VisitPlan | undefined {
  const before = issues.count
  const record = readRecord(input, '', issues, PLAN_KEYS, 'a visit plan', '拜访计划')
  if (record === undefined) return undefined
  const id = readText(record['id'], { field: 'id', labelEn: 'the plan id', labelZh: '计划编号' }, issues, false)
  const customerId = readText(record['customerId'], { field: 'customerId', labelEn: 'the customer', labelZh: '访问客户' }, issues, true)
  const plannedAt = readInstantField(record['plannedAt'], { field: 'plannedAt', labelEn: 'the planned time', labelZh: '访问时间' }, issues, true)
  const personToMeet = readText(record['personToMeet'], { field: 'personToMeet', labelEn: 'the person to meet', labelZh: '拜访对象' }, issues, true)
  const purpose = readText(record['purpose'], { field: 'purpose', labelEn: 'the purpose', labelZh: '拜访目的' }, issues, true)
  const byStaffId = readText(record['byStaffId'], { field: 'byStaffId', labelEn: 'the visiting staff', labelZh: '拜访人' }, issues, true)
  if (issues.count !== before || customerId === undefined || plannedAt === undefined || personToMeet === undefined || purpose === undefined || byStaffId === undefined) {
    return undefined
  }
  return Object.freeze({ ...(id === undefined ? {} : { id }), customerId, plannedAt, personToMeet, purpose, byStaffId })
}

/**
 * R-VIS-1 Reads a visit plan (客户拜访计划) and reports **every** issue at once: customer, planned
 * time (a `Date` or ISO text with an offset), person to meet, purpose and the visiting staff are
 * required; an `id` is optional; unknown keys are issues.
 *
 * @example
 * readVisitPlan({ customerId: 'C1', plannedAt: '2026-09-28T10:00:00+08:00', personToMeet: '张经理', purpose: '产品说明', byStaffId: 'u7' }).ok //=> true
 * readVisitPlan({ customerId: 'C1' }) //=> { ok: false, issues: [plannedAt, personToMeet, purpose, byStaffId: VISIT.REQUIRED] }
 */
export function readVisitPlan(input: unknown): VisitPlanVerdict {
  const issues = new IssueList('VISIT')
  const plan = readVisitPlanInto(input, issues)
  return plan === undefined ? Object.freeze({ ok: false, issues: issues.frozen() }) : Object.freeze({ ok: true, plan })
}

/**
 * R-VIS-1 Like {@link readVisitPlan}, but returns the plan or throws.
 * @throws {@link InvalidVisitRecordError} `VISIT.INVALID_RECORD` listing every issue
 *
 * @example
 * assertVisitPlan({ customerId: 'C1', plannedAt: new Date('2026-09-28T02:00:00Z'), personToMeet: '张经理', purpose: '建立关系', byStaffId: 'u7' }).customerId //=> 'C1'
 */
export function assertVisitPlan(input: unknown): VisitPlan {
  const verdict = readVisitPlan(input)
  if (verdict.ok) return verdict.plan
  throw new InvalidVisitRecordError(verdict.issues, 'R-VIS-1', 'the visit plan', '拜访计划')
}

/**
 * R-VIS-1 May the visit take place at `visitAt`? Only when the plan's approval (a request of the
 * approval engine on a chain serving R-VIS-1, e.g. {@link defaultVisitPlanChain}) is `approved`
 * and was decided no later than `visitAt`. Otherwise a refusal, as data:
 *
 * | approval                                  | verdict                        |
 * |-------------------------------------------|--------------------------------|
 * | chain.ruleId ≠ `R-VIS-1`                  | `VISIT.WRONG_APPROVAL_CHAIN`   |
 * | status pending / rejected / withdrawn     | `VISIT.PLAN_NOT_APPROVED`      |
 * | approved, decidedAt > visitAt             | `VISIT.APPROVED_AFTER_VISIT`   |
 * | approved, decidedAt ≤ visitAt             | ok                             |
 *
 * @throws {@link InvalidVisitRecordError} for an invalid plan; {@link InvalidVisitInputError}
 *   `VISIT.INVALID_ARGUMENT` for a malformed approval (unknown status, an approved request without
 *   `decidedAt`) or `visitAt`
 *
 * @example
 * const approval = { status: 'approved', decidedAt: new Date('2026-09-25T01:00:00Z'), chain: defaultVisitPlanChain } as const
 * visitMayTakePlace(plan, approval, new Date('2026-09-28T02:00:00Z')).ok //=> true
 * visitMayTakePlace(plan, { ...approval, status: 'pending' }, new Date('2026-09-28T02:00:00Z')) //=> { ok: false, refusal: { code: 'VISIT.PLAN_NOT_APPROVED', … } }
 */
export function visitMayTakePlace(plan: VisitPlan, approval: VisitPlanApproval, visitAt: Date): VisitPermission {
  assertVisitPlan(plan)
  const when = readDateArgument(visitAt, 'visitAt', 'R-VIS-1')
  const { status, decidedAt, chain } = readApproval(approval)
  if (chain.ruleId !== 'R-VIS-1') {
    return refused(
      VisitErrorCode.WRONG_APPROVAL_CHAIN,
      `审批流程 ${chain.id}（${chain.ruleId}）不是拜访计划审批（R-VIS-1）`,
      `approval chain ${chain.id} (${chain.ruleId}) is not a visit-plan approval (R-VIS-1)`,
    )
  }
  if (status !== 'approved') {
    return refused(VisitErrorCode.PLAN_NOT_APPROVED, `拜访计划须经经理批准后方可拜访，当前审批状态为 ${status}`, `the visit plan must be approved by the manager before the visit; the approval is ${status}`)
  }
  if (decidedAt === undefined) throw invalidVisitArgument('approval.decidedAt', 'must be set on an approved request', '已批准的审批单必须有批准时间', decidedAt, 'R-VIS-1')
  if (decidedAt.getTime() > when.getTime()) {
    return refused(
      VisitErrorCode.APPROVED_AFTER_VISIT,
      `拜访计划于 ${decidedAt.toISOString()} 才获批准，晚于拜访时间 ${when.toISOString()}`,
      `the visit plan was approved at ${decidedAt.toISOString()}, after the visit at ${when.toISOString()}`,
    )
  }
  return Object.freeze({ ok: true, ruleId: 'R-VIS-1', approvedAt: decidedAt })
}

function refused(code: VisitErrorCode, zh: string, en: string): VisitPermission {
  return Object.freeze({ ok: false, refusal: visitRefusal(code, 'R-VIS-1', zh, en) })
}

const STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const

function readApproval(approval: unknown): { status: (typeof STATUSES)[number]; decidedAt: Date | undefined; chain: { id: string; ruleId: string } } {
  if (typeof approval !== 'object' || approval === null) throw invalidVisitArgument('approval', 'must be an approval request', '必须是审批单', approval, 'R-VIS-1')
  const record = approval as Record<string, unknown>
  const status = record['status']
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
    throw invalidVisitArgument('approval.status', `must be one of ${STATUSES.join(', ')}`, `必须是 ${STATUSES.join('、')} 之一`, status, 'R-VIS-1')
  }
  const decided = record['decidedAt']
  const decidedAt = decided === undefined ? undefined : readDateArgument(decided, 'approval.decidedAt', 'R-VIS-1')
  const chain = record['chain']
  if (typeof chain !== 'object' || chain === null) throw invalidVisitArgument('approval.chain', 'must be an approval chain', '必须是审批流程', chain, 'R-VIS-1')
  const chainRecord = chain as Record<string, unknown>
  const id = chainRecord['id']
  const ruleId = chainRecord['ruleId']
  if (typeof id !== 'string' || typeof ruleId !== 'string') {
    throw invalidVisitArgument('approval.chain', 'must have a string id and ruleId', '必须有字符串 id 和 ruleId', chain, 'R-VIS-1')
  }
  return { status: status as (typeof STATUSES)[number], decidedAt, chain: { id, ruleId } }
}
