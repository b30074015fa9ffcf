import { createApprovalChain } from './chain.js'
import type { ApprovalChainPolicy } from './types.js'

/**
 * The default new-customer approval chain (新客户审批表, R-LIF-2): 报关部 customs → 商务部
 * commerce → 财务部 finance → 总经理 general manager, one signature of the role per step, in this
 * order. A company replaces it with its own chain through {@link createApprovalChain}.
 *
 * @example
 * defaultNewCustomerChain.steps.map((step) => step.id) //=> ['customs', 'commerce', 'finance', 'generalManager']
 * defaultNewCustomerChain.ruleId //=> 'R-LIF-2'
 */
export const defaultNewCustomerChain: ApprovalChainPolicy = createApprovalChain(
  {
    id: 'newCustomer',
    nameZh: '新客户审批表',
    nameEn: 'New-customer approval',
    ruleId: 'R-LIF-2',
    steps: [
      { id: 'customs', nameZh: '报关部审批', nameEn: 'Customs department', mode: 'any', approvers: [{ kind: 'role', role: 'customs' }] },
      { id: 'commerce', nameZh: '商务部审批', nameEn: 'Commerce department', mode: 'any', approvers: [{ kind: 'role', role: 'commerce' }] },
      { id: 'finance', nameZh: '财务部审批', nameEn: 'Finance department', mode: 'any', approvers: [{ kind: 'role', role: 'finance' }] },
      { id: 'generalManager', nameZh: '总经理审批', nameEn: 'General manager', mode: 'any', approvers: [{ kind: 'role', role: 'generalManager' }] },
    ],
  },
  'defaultNewCustomerChain',
)

/**
 * The default chains owned by the approval/lifecycle area, by chain id. Other areas export their
 * own defaults (`defaultVisitPlanChain` …) beside their rules; the docs list them all.
 *
 * @example
 * Object.keys(defaultApprovalChains) //=> ['newCustomer']
 * defaultApprovalChains.newCustomer === defaultNewCustomerChain //=> true
 */
export const defaultApprovalChains: Readonly<{ newCustomer: ApprovalChainPolicy }> = Object.freeze({
  newCustomer: defaultNewCustomerChain,
})
