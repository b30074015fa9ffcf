import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { nanosToDate, readInstantInput } from './isoInstant.js'

describe('readInstantInput — instants as data, independent of the process time zone', () => {
  it('reads Dates and ISO text with Z or an offset to the same instant', () => {
    expect(readInstantInput('2026-04-01T00:00:00+08:00', 'at')).toEqual({ ok: true, nanos: 1_774_972_800_000_000_000n })
    expect(readInstantInput('2026-03-31T16:00:00Z', 'at')).toEqual(readInstantInput('2026-04-01T00:00:00+08:00', 'at'))
    expect(readInstantInput(new Date('2026-03-31T16:00:00Z'), 'at')).toEqual(readInstantInput('2026-03-31T16:00:00Z', 'at'))
    expect(readInstantInput('2026-03-31T16:00:00.000000001Z', 'at')).toEqual({ ok: true, nanos: 1_774_972_800_000_000_001n })
  })

  it('says which problem a bad value has, naming the field, without throwing', () => {
    const noOffset = readInstantInput('2026-04-01 09:00', 'visit.at')
    expect(noOffset).toMatchObject({ ok: false, problem: 'withoutOffset' })
    if (!noOffset.ok) expect(noOffset.messageEn).toContain('visit.at')
    for (const bad of ['2026-02-30T00:00:00Z', '2026-04-01T24:00:00Z', 'tomorrow', 42, null, new Date(Number.NaN)]) {
      expect(readInstantInput(bad, 'at')).toMatchObject({ ok: false, problem: 'invalid' })
    }
  })

  it('round-trips every millisecond instant through ISO text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        const reading = readInstantInput(new Date(ms).toISOString(), 'at')
        expect(reading.ok && nanosToDate(reading.nanos).getTime()).toBe(ms)
      }),
    )
  })
})
