import { createApprovalChain } from '../approval/chain.js'
import type { ApprovalChainPolicy } from '../approval/types.js'

/**
 * The **default** contract approval chain (销售合同审批程序, R-CON-1). The regulation says a contract
 * reaching ¥4,000 cumulatively "履行销售合同审批程序" but names no approvers; this default has the
 * customer-department manager (客户部经理) check the business, finance (财务部) check price, payment
 * terms and credit, and the general manager (总经理) sign last. A policy parameter: replace it with
 * the company's own chain.
 *
 * @example
 * defaultContractChain.steps.map((step) => step.id) //=> ['manager', 'finance', 'generalManager']
 */
export const defaultContractChain: ApprovalChainPolicy = createApprovalChain({
  id: 'contract',
  nameZh: '销售合同审批',
  nameEn: 'Sales contract approval',
  ruleId: 'R-CON-1',
  steps: Object.freeze([
    Object.freeze({
      id: 'manager',
      nameZh: '客户部经理审核',
      nameEn: 'Customer-department manager review',
      mode: 'any' as const,
      approvers: Object.freeze([Object.freeze({ kind: 'role' as const, role: 'manager' as const })]),
    }),
    Object.freeze({
      id: 'finance',
      nameZh: '财务部审核',
      nameEn: 'Finance review',
      mode: 'any' as const,
      approvers: Object.freeze([Object.freeze({ kind: 'role' as const, role: 'finance' as const })]),
    }),
    Object.freeze({
      id: 'generalManager',
      nameZh: '总经理审批',
      nameEn: 'General manager approval',
      mode: 'any' as const,
      approvers: Object.freeze([Object.freeze({ kind: 'role' as const, role: 'generalManager' as const })]),
    }),
  ]),
})
