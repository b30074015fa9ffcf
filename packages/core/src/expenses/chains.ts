import { createApprovalChain } from '../approval/chain.js'
import type { ApprovalChainPolicy } from '../approval/types.js'

/**
 * R-EXP-1 trip application (出差申请表) approval chain: the department manager (部门经理, role
 * `manager`) signs before the trip starts. A policy parameter: pass another chain to the approval
 * engine to change it.
 *
 * @example
 * defaultTripChain.steps.map((step) => step.id) //=> ['departmentManager']
 */
export const defaultTripChain: ApprovalChainPolicy = createApprovalChain({
  id: 'trip',
  nameZh: '出差申请',
  nameEn: 'Business trip application',
  ruleId: 'R-EXP-1',
  steps: [
    { id: 'departmentManager', nameZh: '部门经理审批', nameEn: 'Department manager', mode: 'any', approvers: [{ kind: 'role', role: 'manager' }] },
  ],
})

/**
 * R-EXP-5 entertainment expense form (业务招待费 费用报销单) chain: signed by the department
 * manager (部门经理签批, role `manager`).
 *
 * @example
 * defaultEntertainmentChain.steps[0]?.approvers //=> [{ kind: 'role', role: 'manager' }]
 */
export const defaultEntertainmentChain: ApprovalChainPolicy = createApprovalChain({
  id: 'entertainment',
  nameZh: '业务招待费报销单',
  nameEn: 'Entertainment expense form',
  ruleId: 'R-EXP-5',
  steps: [
    { id: 'departmentManager', nameZh: '部门经理签批', nameEn: 'Department manager', mode: 'any', approvers: [{ kind: 'role', role: 'manager' }] },
  ],
})

/**
 * R-EXP-6 approval of mobile-phone costs above the allowance (超标手机费用审批): the customer
 * department manager (客户部经理, role `manager`).
 *
 * @example
 * defaultPhoneAllowanceChain.ruleId //=> 'R-EXP-6'
 */
export const defaultPhoneAllowanceChain: ApprovalChainPolicy = createApprovalChain({
  id: 'phoneAboveAllowance',
  nameZh: '超标手机费用审批',
  nameEn: 'Phone cost above allowance',
  ruleId: 'R-EXP-6',
  steps: [
    { id: 'departmentManager', nameZh: '客户部经理审批', nameEn: 'Department manager', mode: 'any', approvers: [{ kind: 'role', role: 'manager' }] },
  ],
})
