import type { RecordIssue } from '@kehu/core'

// Business refusals returned as data in the mutation result unions (plugin-errors); their
// GraphQL types are in schema/errors.ts. Plain classes, so that any module may throw them.
/** A business refusal returned as data: stable code, rule ID, both languages. */
export class BusinessRefusal extends Error {
  constructor(
    readonly code: string,
    readonly ruleId: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageEn} (${messageZh})`)
  }
}

/** Input that core refuses (R-ARC-1/2/4, R-TIE-3): every issue with its field path. */
export class InputRefusal extends BusinessRefusal {
  constructor(readonly issues: readonly RecordIssue[], ruleId = 'R-ARC-1') {
    super('INPUT.INVALID', ruleId, `输入有 ${issues.length} 处错误`, `the input has ${issues.length} issue(s)`)
  }
}

/** R-ARC-5: the customer is already on file (客户重复). */
export class DuplicateRefusal extends BusinessRefusal {
  constructor(readonly matches: readonly { id: string; name: string; by: string; creditCodesDiffer: boolean }[]) {
    super('ARCHIVE.DUPLICATE_CUSTOMER', 'R-ARC-5', '该客户已建档，不得重复建档', 'this customer is already on file and may not be registered twice')
  }
}

/**
 * A refusal from one of core's workflow functions (approval, lifecycle, ownership, visits,
 * contracts, service, expenses…): core's `{ code, ruleId, messageZh, messageEn }` as returned in
 * its `{ ok: false, refusal }` results, with the guard or step it concerns when core names one.
 */
export class RuleRefusal extends BusinessRefusal {
  readonly guard: string | null
  readonly stepId: string | null
  readonly details: string | null
  constructor(refusal: { readonly code: string; readonly ruleId: string; readonly messageZh: string; readonly messageEn: string; readonly guard?: string; readonly stepId?: string; readonly details?: unknown }) {
    super(refusal.code, refusal.ruleId, refusal.messageZh, refusal.messageEn)
    this.guard = refusal.guard ?? null
    this.stepId = refusal.stepId ?? null
    this.details = refusal.details === undefined ? null : JSON.stringify(refusal.details, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))
  }
}

/** R-ACC-1: the actor may not perform this action on this record (无权操作). */
export class AccessDeniedRefusal extends BusinessRefusal {
  constructor(
    readonly reasonCode: string,
    messageZh: string,
    messageEn: string,
    ruleId = 'R-ACC-1',
  ) {
    super('ACCESS.DENIED', ruleId, messageZh, messageEn)
  }
}

/** Chinese names of the kinds of records refusals name; the kind itself is the English name. */
const KIND_NAMES_ZH: Readonly<Record<string, string>> = {
  approvalRequest: '审批申请',
  'commission statement': '提成单',
  contract: '合同',
  customer: '客户',
  expenseClaim: '费用报销单',
  expenseItem: '报销明细',
  meetingMinutes: '会议纪要',
  poolEntry: '公海客户记录',
  serviceTicket: '服务工单',
  staff: '员工',
  team: '团队',
  visit: '拜访记录',
  visitPlan: '拜访计划',
}

/** A record kind as Chinese text (the kind itself when it has no Chinese name). */
export function kindNameZh(kind: string): string {
  return KIND_NAMES_ZH[kind] ?? kind
}

/** The record named by the input does not exist (记录不存在). */
export class NotFoundRefusal extends BusinessRefusal {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super('NOT_FOUND', 'R-ACC-1', `找不到${kindNameZh(kind)} ${id}`, `no ${kind} with id ${id}`)
  }
}

/**
 * The record changed between read and write (another request won the race): nothing was written;
 * read it again and retry if the action still makes sense.
 */
export class ConflictRefusal extends BusinessRefusal {
  constructor(
    readonly kind: string,
    readonly id: string,
    ruleId: string,
  ) {
    super('CONFLICT.STALE', ruleId, `${kindNameZh(kind)} ${id} 已被他人修改，请刷新后重试`, `${kind} ${id} was changed by someone else; read it again and retry`)
  }
}

/** The error types every workflow mutation may return, besides its own. */
export const WORKFLOW_ERRORS = [RuleRefusal, AccessDeniedRefusal, NotFoundRefusal, ConflictRefusal, InputRefusal] as const
