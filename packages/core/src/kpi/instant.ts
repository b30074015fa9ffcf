import { type InstantInput, readInstantInput } from '../calendar/isoInstant.js'
import { KpiErrorCode, KpiInputError } from './errors.js'

export { civilToEpochNanos, type InstantInput, nanosToDate } from '../calendar/isoInstant.js'

/**
 * Reads an instant of a KPI record into exact nanoseconds since 1970-01-01T00:00:00Z.
 *
 * @throws {@link KpiInputError} `KPI.INVALID_INSTANT` or `KPI.INSTANT_WITHOUT_OFFSET` naming `field`
 *
 * @example
 * readInstant('1970-01-01T08:00:00+08:00', 'at') //=> 0n
 * readInstant(new Date(1), 'at') //=> 1000000n
 */
export function readInstant(input: InstantInput | unknown, field: string): bigint {
  const reading = readInstantInput(input, field)
  if (reading.ok) return reading.nanos
  throw new KpiInputError({
    code: reading.problem === 'withoutOffset' ? KpiErrorCode.INSTANT_WITHOUT_OFFSET : KpiErrorCode.INVALID_INSTANT,
    field,
    messageEn: reading.messageEn,
    messageZh: reading.messageZh,
    details: { value: input instanceof Date ? 'Invalid Date' : String(input) },
  })
}
