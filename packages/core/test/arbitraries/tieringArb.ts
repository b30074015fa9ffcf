import fc from 'fast-check'

import type { CustomerFigures } from '../../src/tiering/figures.js'
import { CUSTOMER_COMPANY_NATURES, CUSTOMER_SCALES, NEED_URGENCIES } from '../../src/tiering/figures.js'

/** A non-negative yuan amount as text with two decimals, up to ¥99,999,999.99, biased towards the default thresholds. */
export const annualVolumeArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.bigInt({ min: 0n, max: 9_999_999_999n }),
    fc.constantFrom(0n, 1n, 99_999_999n, 100_000_000n, 100_000_001n, 499_999_999n, 500_000_000n, 500_000_001n),
  )
  .map(fenToText)

/** Customer figures other than the volume. */
export const figuresWithoutVolumeArb: fc.Arbitrary<Omit<CustomerFigures, 'annualVolume'>> = fc.record(
  {
    scale: fc.constantFrom(...CUSTOMER_SCALES),
    urgency: fc.constantFrom(...NEED_URGENCIES),
    hasIntention: fc.boolean(),
    hasBusinessHistory: fc.boolean(),
    companyNature: fc.constantFrom(...CUSTOMER_COMPANY_NATURES),
  },
  { requiredKeys: ['scale', 'urgency', 'hasIntention', 'hasBusinessHistory'] },
)

/** Valid customer figures. */
export const customerFiguresArb: fc.Arbitrary<CustomerFigures> = fc
  .tuple(annualVolumeArb, figuresWithoutVolumeArb)
  .map(([annualVolume, rest]) => ({ ...rest, annualVolume }))

/** Fen as a yuan text with two decimals. */
export function fenToText(fen: bigint): string {
  return `${(fen / 100n).toString()}.${(fen % 100n).toString().padStart(2, '0')}`
}
