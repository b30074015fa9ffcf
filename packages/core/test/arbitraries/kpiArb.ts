import fc from 'fast-check'

import type { CustomerTier } from '../../src/tiering/tier.js'

/** Period labels: months, quarters and years between 1992 and 2100. */
export const periodLabelArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1992, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1992, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.integer({ min: 1992, max: 2100 }).map(String),
)

/** Instants (as Dates) in 2025–2027, so that most fall near the periods the tests use. */
export const instantArb: fc.Arbitrary<Date> = fc.date({
  min: new Date('2025-01-01T00:00:00Z'),
  max: new Date('2027-12-31T23:59:59Z'),
  noInvalidDate: true,
})

/** Tiers. */
export const tierArb: fc.Arbitrary<CustomerTier> = fc.constantFrom('strategic', 'key', 'general', 'reserve')

/** A money amount ≥ 0 as text with two decimals, up to ¥10,000,000.00. */
export const amountArb: fc.Arbitrary<string> = fc
  .bigInt({ min: 0n, max: 1_000_000_000n })
  .map((fen) => `${(fen / 100n).toString()}.${(fen % 100n).toString().padStart(2, '0')}`)

/** Customer records with unique ids `c0`, `c1`, …, churnedAt (if any) after since. */
export const customersArb = fc
  .array(
    fc.record({
      tier: tierArb,
      since: instantArb,
      churnAfterMs: fc.option(fc.integer({ min: 0, max: 3 * 365 * 86_400_000 }), { nil: undefined }),
    }),
    { maxLength: 12 },
  )
  .map((rows) =>
    rows.map((row, index) => ({
      id: `c${index}`,
      tier: row.tier,
      since: row.since,
      ...(row.churnAfterMs === undefined ? {} : { churnedAt: new Date(row.since.getTime() + row.churnAfterMs) }),
    })),
  )
