import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { contractAmountArb, contractInstantArb, pastContractsArb } from '../../test/arbitraries/contractArb.js'
import { thrown } from '../../test/thrown.js'
import { shanghaiInstant } from '../calendar/shanghaiTime.js'
import { InvalidInputError } from '../errors.js'
import { Money, sumMoney } from '../money/money.js'
import { accumulationPeriod } from './accumulationWindow.js'
import { contractNeedsApproval } from './contractApproval.js'
import { ACCUMULATION_WINDOWS, createContractPolicy } from './policy.js'

const at = shanghaiInstant('2026-06-01', '10:00')

describe('R-CON-1 contract approval threshold (累计达到4000元以上)', () => {
  it('includes ¥4,000.00 itself: 以上 includes the number', () => {
    const verdict = contractNeedsApproval({ customerId: 'C1', amount: '1500', signedAt: at }, [
      { amount: '2500', signedAt: shanghaiInstant('2026-03-02', '09:00') },
    ])
    expect(verdict.needsApproval).toBe(true)
    expect(verdict.cumulativeAmount.toString()).toBe('4000.00')
    expect(verdict.countedPastContracts).toBe(1)
    expect(verdict.ruleId).toBe('R-CON-1')
    expect(verdict.reason.code).toBe('CONTRACT.CUMULATIVE_REACHES_THRESHOLD')
    expect(verdict.reason.messageZh).toContain('须履行销售合同审批程序')
  })

  it('is not needed one fen below', () => {
    const verdict = contractNeedsApproval({ customerId: 'C1', amount: '1499.99', signedAt: at }, [
      { amount: '2500', signedAt: shanghaiInstant('2026-03-02', '09:00') },
    ])
    expect(verdict.needsApproval).toBe(false)
    expect(verdict.cumulativeAmount.toString()).toBe('3999.99')
    expect(verdict.reason.code).toBe('CONTRACT.CUMULATIVE_BELOW_THRESHOLD')
  })

  it("with thresholdComparison 'above', exactly ¥4,000.00 does not need approval", () => {
    const policy = createContractPolicy({ thresholdComparison: 'above' })
    expect(contractNeedsApproval({ customerId: 'C1', amount: '4000', signedAt: at }, [], policy).needsApproval).toBe(false)
    expect(contractNeedsApproval({ customerId: 'C1', amount: '4000.01', signedAt: at }, [], policy).needsApproval).toBe(true)
  })

  it('a single contract of ¥4,000 or more needs approval on its own', () => {
    expect(contractNeedsApproval({ customerId: 'C1', amount: 4000, signedAt: at }, []).needsApproval).toBe(true)
  })

  it('calendar year (Asia/Shanghai): last year does not count, 00:00 on 1 January does', () => {
    const past = (day: string, time: string) => [{ amount: '2500', signedAt: shanghaiInstant(day, time) }]
    expect(contractNeedsApproval({ customerId: 'C1', amount: '1500', signedAt: at }, past('2025-12-31', '23:59:59.999')).needsApproval).toBe(false)
    expect(contractNeedsApproval({ customerId: 'C1', amount: '1500', signedAt: at }, past('2026-01-01', '00:00')).needsApproval).toBe(true)
    const window = contractNeedsApproval({ customerId: 'C1', amount: '1', signedAt: at }, []).window
    expect(window).toEqual({ kind: 'calendarYear', from: shanghaiInstant('2026-01-01'), to: at })
  })

  it('ignores contracts signed after this one', () => {
    const verdict = contractNeedsApproval({ customerId: 'C1', amount: '1500', signedAt: at }, [
      { amount: '2500', signedAt: new Date(at.getTime() + 1) },
    ])
    expect(verdict.needsApproval).toBe(false)
    expect(verdict.countedPastContracts).toBe(0)
  })

  it('rolling 12 months: from the day after the same day a year earlier', () => {
    const policy = createContractPolicy({ accumulationWindow: 'rolling12Months' })
    const signedAt = shanghaiInstant('2026-05-10', '10:00')
    expect(accumulationPeriod(signedAt, 'rolling12Months').from).toEqual(shanghaiInstant('2025-05-11'))
    const past = (day: string) => [{ amount: '3000', signedAt: shanghaiInstant(day, '12:00') }]
    expect(contractNeedsApproval({ customerId: 'C1', amount: '1000', signedAt }, past('2025-05-11'), policy).needsApproval).toBe(true)
    expect(contractNeedsApproval({ customerId: 'C1', amount: '1000', signedAt }, past('2025-05-10'), policy).needsApproval).toBe(false)
    expect(accumulationPeriod(shanghaiInstant('2028-02-29', '10:00'), 'rolling12Months').from).toEqual(shanghaiInstant('2027-03-01'))
  })

  it('lifetime: every earlier contract counts', () => {
    const policy = createContractPolicy({ accumulationWindow: 'lifetime' })
    const verdict = contractNeedsApproval({ customerId: 'C1', amount: '1000', signedAt: at }, [
      { amount: '3000', signedAt: shanghaiInstant('2015-05-10', '10:00') },
    ], policy)
    expect(verdict.needsApproval).toBe(true)
    expect(verdict.window.from).toBeNull()
  })

  it('property: cumulative amount is exactly this contract plus the past ones in the window', () => {
    fc.assert(
      fc.property(contractAmountArb, contractInstantArb, pastContractsArb, fc.constantFrom(...ACCUMULATION_WINDOWS), (amount, signedAt, past, window) => {
        const verdict = contractNeedsApproval({ customerId: 'C1', amount, signedAt }, past, createContractPolicy({ accumulationWindow: window }))
        const inWindow = past.filter((p) => p.signedAt <= signedAt && (verdict.window.from === null || p.signedAt >= verdict.window.from))
        expect(verdict.cumulativeAmount.equals(sumMoney([amount, ...inWindow.map((p) => p.amount)]))).toBe(true)
        expect(verdict.countedPastContracts).toBe(inWindow.length)
      }),
    )
  })

  it('property: monotone — adding past contracts never turns a needed approval into not needed', () => {
    fc.assert(
      fc.property(contractAmountArb, contractInstantArb, pastContractsArb, pastContractsArb, fc.constantFrom(...ACCUMULATION_WINDOWS), (amount, signedAt, past, more, window) => {
        const policy = createContractPolicy({ accumulationWindow: window })
        const before = contractNeedsApproval({ customerId: 'C1', amount, signedAt }, past, policy)
        const after = contractNeedsApproval({ customerId: 'C1', amount, signedAt }, [...past, ...more], policy)
        expect(after.cumulativeAmount.compare(before.cumulativeAmount)).toBeGreaterThanOrEqual(0)
        if (before.needsApproval) expect(after.needsApproval).toBe(true)
      }),
    )
  })

  it('property: boundary exactness — needed iff cumulative ≥ threshold', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 800_000n }), (fen) => {
        const verdict = contractNeedsApproval({ customerId: 'C1', amount: Money.fromFen(fen), signedAt: at }, [])
        expect(verdict.needsApproval).toBe(fen >= 400_000n)
      }),
    )
  })

  it.each([
    [() => contractNeedsApproval(null as never, []), 'CONTRACT.INVALID_RECORD', 'contract'],
    [() => contractNeedsApproval({ customerId: '', amount: '1', signedAt: at }, []), 'CONTRACT.INVALID_RECORD', 'contract.customerId'],
    [() => contractNeedsApproval({ customerId: 'C1', amount: '-1', signedAt: at }, []), 'CONTRACT.INVALID_AMOUNT', 'contract.amount'],
    [() => contractNeedsApproval({ customerId: 'C1', amount: 1.5, signedAt: at }, []), 'MONEY.FLOAT_NOT_ACCEPTED', 'contract.amount'],
    [() => contractNeedsApproval({ customerId: 'C1', amount: '1', signedAt: new Date(Number.NaN) }, []), 'CONTRACT.INVALID_INSTANT', 'contract.signedAt'],
    [() => contractNeedsApproval({ customerId: 'C1', amount: '1', signedAt: '2026-01-01' as never }, []), 'CONTRACT.INVALID_INSTANT', 'contract.signedAt'],
    [() => contractNeedsApproval({ customerId: 'C1', amount: '1', signedAt: at }, {} as never), 'CONTRACT.INVALID_RECORD', 'pastContracts'],
    [() => contractNeedsApproval({ customerId: 'C1', amount: '1', signedAt: at }, [{ amount: '1', signedAt: null as never }]), 'CONTRACT.INVALID_INSTANT', 'pastContracts[0].signedAt'],
    [() => contractNeedsApproval({ customerId: 'C1', amount: '1', signedAt: at }, [{ amount: 'x', signedAt: at }]), 'MONEY.MALFORMED_AMOUNT', 'pastContracts[0].amount'],
    [() => contractNeedsApproval({ customerId: 'C1', amount: '1', signedAt: at }, [{ customerId: 'C2', amount: '1', signedAt: at }]), 'CONTRACT.INVALID_RECORD', 'pastContracts[0].customerId'],
    [() => contractNeedsApproval({ customerId: 'C1', amount: '1', signedAt: at }, [], { approvalThreshold: 'x' } as never), 'POLICY.INVALID_FIELD', 'policy.approvalThreshold'],
  ])('error path %#: %s at %s', (run, code, field) => {
    const error = thrown(run)
    expect(error.code).toBe(code)
    expect(error.field).toBe(field)
    if (code.startsWith('CONTRACT.')) {
      expect(error).toBeInstanceOf(InvalidInputError)
      expect(error.ruleId).toBe('R-CON-1')
    }
  })
})
