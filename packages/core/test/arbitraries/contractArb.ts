/**
 * Shared fast-check arbitraries for contracts and receivables (R-CON-1..3).
 */
import fc from 'fast-check'

import { Money } from '../../src/money/money.js'

const DAY = 86_400_000
const FROM = Date.parse('2024-01-01T00:00:00+08:00')
const TO = Date.parse('2026-12-31T23:59:59.999+08:00')

/** An instant in 2024–2026 (Asia/Shanghai), to the millisecond. */
export const contractInstantArb = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms))

/** A civil day in 2024–2026. */
export const contractDayArb = fc
  .integer({ min: 0, max: Math.floor((TO - FROM) / DAY) })
  .map((offset) => new Date(FROM + 8 * 3_600_000 + offset * DAY).toISOString().slice(0, 10))

/** Non-negative amounts up to ¥10,000,000.00. */
export const contractAmountArb = fc.bigInt({ min: 0n, max: 1_000_000_000n }).map((fen) => Money.fromFen(fen))

/** Positive amounts up to ¥10,000,000.00. */
export const positiveAmountArb = fc.bigInt({ min: 1n, max: 1_000_000_000n }).map((fen) => Money.fromFen(fen))

/** Past contracts: amount and signing instant. */
export const pastContractsArb = fc.array(fc.record({ amount: contractAmountArb, signedAt: contractInstantArb }), { maxLength: 12 })

/** 1–12 strictly increasing due dates. */
export const dueDatesArb = fc.uniqueArray(contractDayArb, { minLength: 1, maxLength: 12 }).map((days) => [...days].sort())

/** Positive integer ratios for `count` instalments. */
export function ratiosFor(count: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: 100 }), { minLength: count, maxLength: count })
}

/** Payments: positive amounts up to ¥5,000,000.00 on days in 2024–2026, with unique ids. */
export const paymentsArb = fc
  .array(fc.record({ amount: fc.bigInt({ min: 1n, max: 500_000_000n }).map((fen) => Money.fromFen(fen)), paidOn: contractDayArb }), { maxLength: 10 })
  .map((payments) => payments.map((payment, index) => ({ id: `P${index + 1}`, ...payment })))
