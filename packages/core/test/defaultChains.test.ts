import { describe, expect, it } from 'vitest'

import { createApprovalChain, decideApproval, submitApproval } from '../src/approval/index.js'
import type { ApprovalChainPolicy, ApprovalRequest } from '../src/approval/types.js'
import { defaultContractChain } from '../src/contracts/index.js'
import { defaultEntertainmentChain, defaultPhoneAllowanceChain, defaultTripChain } from '../src/expenses/index.js'
import { defaultNewCustomerChain } from '../src/approval/index.js'
import type { Staff } from '../src/staff/index.js'
import { defaultGiftChain, defaultReceptionChain, defaultVisitPlanChain, visitMayTakePlace } from '../src/visits/index.js'

// R-LIF-2: one approval mechanism serves every approval of the catalogue, with chains as policy data.
const chains: Record<string, ApprovalChainPolicy> = {
  defaultNewCustomerChain,
  defaultVisitPlanChain,
  defaultGiftChain,
  defaultReceptionChain,
  defaultContractChain,
  defaultTripChain,
  defaultEntertainmentChain,
  defaultPhoneAllowanceChain,
}

describe('R-LIF-2 every default chain is valid policy data for the one approval engine', () => {
  it.each(Object.entries(chains))('%s passes the chain validator unchanged and survives JSON', (_name, chain) => {
    expect(createApprovalChain(chain)).toEqual(chain)
    expect(createApprovalChain(JSON.parse(JSON.stringify(chain)))).toEqual(chain)
  })

  it('names the rule each chain serves (R-LIF-2, R-VIS-1, R-VIS-5, R-CON-1, R-EXP-1, R-EXP-5, R-EXP-6)', () => {
    expect(defaultNewCustomerChain.ruleId).toBe('R-LIF-2')
    expect(defaultVisitPlanChain.ruleId).toBe('R-VIS-1')
    expect(defaultGiftChain.ruleId).toBe('R-VIS-5')
    expect(defaultReceptionChain.ruleId).toBe('R-VIS-5')
    expect(defaultContractChain.ruleId).toBe('R-CON-1')
    expect(defaultTripChain.ruleId).toBe('R-EXP-1')
    expect(defaultEntertainmentChain.ruleId).toBe('R-EXP-5')
    expect(defaultPhoneAllowanceChain.ruleId).toBe('R-EXP-6')
  })
})

describe('R-VIS-1 a visit plan approved through the engine lets the visit take place', () => {
  const specialist: Staff = { id: 'u-wang', roles: ['specialist'], teamId: 't1', active: true }
  const manager: Staff = { id: 'u-li', roles: ['manager'], teamId: 't1', active: true }
  const plan = {
    id: 'plan-1',
    customerId: 'C2026-00042',
    plannedAt: new Date('2026-09-28T10:00:00+08:00'),
    personToMeet: '张总',
    purpose: '产品说明',
    byStaffId: specialist.id,
  }
  const submitted: ApprovalRequest = submitApproval({
    id: 'ap-1',
    chain: defaultVisitPlanChain,
    subject: { kind: 'visitPlan', id: plan.id },
    submittedBy: specialist,
    at: new Date('2026-09-25T09:00:00+08:00'),
  })

  it('is refused before the manager signs, allowed after', () => {
    expect(visitMayTakePlace(plan, submitted, plan.plannedAt).ok).toBe(false)
    const decided = decideApproval(submitted, { actor: manager, decision: 'approve', at: new Date('2026-09-25T11:00:00+08:00') })
    if (!decided.ok) throw new Error(decided.refusal.messageEn)
    expect(visitMayTakePlace(plan, decided.request, plan.plannedAt).ok).toBe(true)
  })

  it('cannot be approved by the specialist who planned it', () => {
    const decided = decideApproval(submitted, { actor: specialist, decision: 'approve', at: new Date('2026-09-25T11:00:00+08:00') })
    expect(decided.ok).toBe(false)
  })
})
