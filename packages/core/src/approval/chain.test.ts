import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { PolicyValidationError } from '../errors.js'
import { createApprovalChain } from './chain.js'
import { defaultApprovalChains, defaultNewCustomerChain } from './defaultChains.js'

const valid = {
  id: 'gift',
  nameZh: '礼品馈赠申请',
  nameEn: 'Gift request',
  ruleId: 'R-VIS-5',
  steps: [
    { id: 'head', nameZh: '部门主管', nameEn: 'Department head', mode: 'any', approvers: [{ kind: 'role', role: 'departmentHead' }] },
    { id: 'board', nameZh: '会签', nameEn: 'Countersign', mode: 'all', approvers: [{ kind: 'role', role: 'marketingDirector' }, { kind: 'person', personId: 'wang' }] },
  ],
}

describe('R-LIF-2 default new-customer chain 新客户审批表', () => {
  it('is customs → commerce → finance → general manager, one signature each', () => {
    expect(defaultNewCustomerChain.id).toBe('newCustomer')
    expect(defaultNewCustomerChain.ruleId).toBe('R-LIF-2')
    expect(defaultNewCustomerChain.steps.map((step) => [step.id, step.mode, step.approvers])).toEqual([
      ['customs', 'any', [{ kind: 'role', role: 'customs' }]],
      ['commerce', 'any', [{ kind: 'role', role: 'commerce' }]],
      ['finance', 'any', [{ kind: 'role', role: 'finance' }]],
      ['generalManager', 'any', [{ kind: 'role', role: 'generalManager' }]],
    ])
    expect(defaultApprovalChains).toEqual({ newCustomer: defaultNewCustomerChain })
  })

  it('is frozen, JSON-serialisable policy data that validates as itself', () => {
    expect(Object.isFrozen(defaultNewCustomerChain.steps[0]?.approvers[0])).toBe(true)
    expect(createApprovalChain(JSON.parse(JSON.stringify(defaultNewCustomerChain)))).toEqual(defaultNewCustomerChain)
  })
})

describe('R-LIF-2 createApprovalChain validates a chain policy', () => {
  it('accepts a valid chain and freezes every level', () => {
    const chain = createApprovalChain(valid)
    expect(chain).toEqual(valid)
    expect(Object.isFrozen(chain) && Object.isFrozen(chain.steps) && Object.isFrozen(chain.steps[1]?.approvers)).toBe(true)
  })

  const step0 = valid.steps[0] as (typeof valid.steps)[number]
  it.each([
    [null, 'chain'],
    [{ ...valid, id: '' }, 'chain.id'],
    [{ ...valid, nameZh: 3 }, 'chain.nameZh'],
    [{ ...valid, nameEn: ' ' }, 'chain.nameEn'],
    [{ ...valid, ruleId: 'LIF-2' }, 'chain.ruleId'],
    [{ ...valid, extra: 1 }, 'chain.extra'],
    [{ ...valid, steps: [] }, 'chain.steps'],
    [{ ...valid, steps: 'x' }, 'chain.steps'],
    [{ ...valid, steps: [step0, { ...step0 }] }, 'chain.steps[1].id'],
    [{ ...valid, steps: [{ ...step0, mode: 'some' }] }, 'chain.steps[0].mode'],
    [{ ...valid, steps: [{ ...step0, approvers: [] }] }, 'chain.steps[0].approvers'],
    [{ ...valid, steps: [{ ...step0, approvers: [{ kind: 'role', role: 'ceo' }] }] }, 'chain.steps[0].approvers[0].role'],
    [{ ...valid, steps: [{ ...step0, approvers: [{ kind: 'team' }] }] }, 'chain.steps[0].approvers[0].kind'],
    [{ ...valid, steps: [{ ...step0, approvers: [{ kind: 'person', personId: '' }] }] }, 'chain.steps[0].approvers[0].personId'],
    [{ ...valid, steps: [{ ...step0, approvers: [{ kind: 'role', role: 'finance', personId: 'x' }] }] }, 'chain.steps[0].approvers[0].personId'],
    [{ ...valid, steps: [{ ...step0, approvers: [{ kind: 'role', role: 'finance' }, { kind: 'role', role: 'finance' }] }] }, 'chain.steps[0].approvers[1]'],
    [{ ...valid, steps: [{ ...step0, approvers: [{ kind: 'person', personId: 'a' }, { kind: 'person', personId: 'a' }] }] }, 'chain.steps[0].approvers[1]'],
    [{ ...valid, steps: [{ ...step0, name: 'x' }] }, 'chain.steps[0].name'],
  ])('refuses a malformed chain with POLICY.INVALID_FIELD at %#', (input, field) => {
    const error = thrown(() => createApprovalChain(input), PolicyValidationError)
    expect(error.code).toBe('POLICY.INVALID_FIELD')
    expect(error.field).toBe(field)
    expect(error.messageZh).toContain(field)
  })

  it('names the field under the prefix given', () => {
    expect(thrown(() => createApprovalChain({ ...valid, steps: [] }, 'policy.visitPlanChain')).field).toBe('policy.visitPlanChain.steps')
  })
})
