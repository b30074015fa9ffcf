import { fixedProjectCommission, Money, riskProjectCommission, sumMoney } from '@kehu/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { InputRefusal } from '../refusals.js'
import { type CommissionMemberRow, type CommissionProjectInput, computeCommissionStatement, readStoredLineTrace, statementRows } from './commissionStatement.js'

const earner = (staffId: string, share: string | null = null): CommissionMemberRow => ({ staffId, role: 'earner', rate: null, hours: null, hourlyWageFen: null, multiplier: null, share })
const project = (fields: Partial<CommissionProjectInput> & Pick<CommissionProjectInput, 'id' | 'kind' | 'members'>): CommissionProjectInput => ({
  name: fields.id,
  customerId: null,
  contractId: null,
  rate: null,
  revenueFen: null,
  profitFen: null,
  ...fields,
})

describe('computeCommissionStatement', () => {
  it('skips projects the person is not a member of, and fixed projects without payments in the period', () => {
    const projects = [
      project({ id: 'p1', kind: 'fixed', contractId: 'c1', rate: '0.05', members: [earner('a')], payments: [] }),
      project({ id: 'p2', kind: 'fixed', contractId: 'c2', rate: '0.05', members: [earner('b')], payments: [{ amountFen: 100_00n }] }),
    ]
    expect(computeCommissionStatement('a', projects)).toMatchObject({ lines: [], total: Money.ZERO })
  })

  it('names the project and field of an unknown kind or a stray role', () => {
    const unknownKind = project({ id: 'p1', kind: 'bonus', members: [earner('a')] })
    expect(() => computeCommissionStatement('a', [unknownKind])).toThrow(InputRefusal)
    expect(() => computeCommissionStatement('a', [unknownKind])).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'projects[p1].kind' })] }))
    const strayRole = project({ id: 'p2', kind: 'risk', profitFen: 1000_00n, members: [earner('a', '1'), { ...earner('b', '1'), role: 'lead' }] })
    expect(() => computeCommissionStatement('a', [strayRole])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'projects[p2].members', code: 'COMMISSION.INVALID_PROJECT' })] }),
    )
  })

  it('stores each line with its project, role and traces, and reads them back', () => {
    const computed = computeCommissionStatement('a', [project({ id: 'p1', kind: 'risk', profitFen: 1234_56n, members: [earner('a')] })])
    const rows = statementRows('s1', computed)
    expect(rows.lines).toMatchObject([{ id: 's1-line-1', seq: 0, kind: 'risk', amountFen: 123_46n, rate: '0.1' }])
    expect(readStoredLineTrace(rows.lines[0]!.trace)).toMatchObject({ projectId: 'p1', role: 'earner', traces: [{ kind: 'riskProject', total: '123.46' }] })
    expect(rows.trace).toMatchObject({ projects: ['p1'], lines: ['s1-line-1'], rulesApplied: ['R-COM-5'], total: '123.46' })
  })

  it('reads back a line trace stored as a bare core trace, and nothing from anything else', () => {
    const bare = riskProjectCommission({ profit: '100.00' }).trace
    expect(readStoredLineTrace(JSON.parse(JSON.stringify(bare)))).toMatchObject({ projectId: null, role: null, traces: [{ kind: 'riskProject', total: '10.00' }] })
    expect(readStoredLineTrace(null).traces).toEqual([])
    expect(readStoredLineTrace({ lines: [] }).traces).toEqual([])
  })

  // R-COM-7: however a commission is shared, the earners' statements add up to it exactly, to the fen.
  it('the earners of a shared project together receive exactly its commission', () => {
    const people = ['a', 'b', 'c', 'd', 'e']
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10_000_000_00n }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('0.05', '0.06', '0.075', '0.1'),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 2, maxLength: 5 }),
        fc.constantFrom('fixed', 'risk'),
        (payments, rate, shares, kind) => {
          const members = shares.map((share, index) => earner(people[index]!, String(share)))
          const total = sumMoney(payments.map((fen) => Money.fromFen(fen)))
          const input =
            kind === 'fixed'
              ? project({ id: 'p', kind, contractId: 'c', rate, members, payments: payments.map((amountFen) => ({ amountFen })) })
              : project({ id: 'p', kind, profitFen: total.fen, members })
          const whole = kind === 'fixed' ? fixedProjectCommission({ turnover: total, rate }).amount : riskProjectCommission({ profit: total }).amount
          const parts = members.map((member) => computeCommissionStatement(member.staffId, [input]).total)
          expect(sumMoney(parts).equals(whole)).toBe(true)
        },
      ),
    )
  })
})
