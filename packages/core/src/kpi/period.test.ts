import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { periodLabelArb } from '../../test/arbitraries/kpiArb.js'
import { isInPeriod, parseKpiPeriod } from './period.js'

describe('R-KPI periods: month, quarter, year in Asia/Shanghai', () => {
  it('a month is [00:00 on the 1st, 00:00 on the next 1st) at +08:00', () => {
    const july = parseKpiPeriod('2026-07')
    expect(july).toMatchObject({ kind: 'month', year: 2026, month: 7, label: '2026-07' })
    expect(july.start.toISOString()).toBe('2026-06-30T16:00:00.000Z')
    expect(july.end.toISOString()).toBe('2026-07-31T16:00:00.000Z')
  })

  it('a quarter and a year, including the December rollover', () => {
    const q3 = parseKpiPeriod('2026-Q3')
    expect(q3).toMatchObject({ kind: 'quarter', quarter: 3 })
    expect(q3.start.toISOString()).toBe('2026-06-30T16:00:00.000Z')
    expect(q3.end.toISOString()).toBe('2026-09-30T16:00:00.000Z')
    const q4 = parseKpiPeriod('2026-Q4')
    expect(q4.end.toISOString()).toBe('2026-12-31T16:00:00.000Z')
    const year = parseKpiPeriod('2026')
    expect(year.kind).toBe('year')
    expect(year.start.toISOString()).toBe('2025-12-31T16:00:00.000Z')
    expect(year.end.toISOString()).toBe('2026-12-31T16:00:00.000Z')
    expect(parseKpiPeriod('2026-12').end.toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('2026-03-31T16:00:00Z is 2026-04-01 in Shanghai, so it belongs to Q2 and April, not Q1', () => {
    expect(isInPeriod('2026-03-31T16:00:00Z', '2026-Q2')).toBe(true)
    expect(isInPeriod('2026-03-31T16:00:00Z', '2026-04')).toBe(true)
    expect(isInPeriod('2026-03-31T16:00:00Z', '2026-Q1')).toBe(false)
    expect(isInPeriod('2026-03-31T15:59:59.999999999Z', '2026-Q1')).toBe(true)
    expect(isInPeriod(new Date('2026-03-31T16:00:00Z'), parseKpiPeriod('2026-Q2'))).toBe(true)
  })

  it('property: the start is in, the end is out, one nanosecond before the end is in', () => {
    fc.assert(
      fc.property(periodLabelArb, (label) => {
        const period = parseKpiPeriod(label)
        expect(isInPeriod(period.start, label)).toBe(true)
        expect(isInPeriod(period.end, label)).toBe(false)
        expect(isInPeriod(period.end.toISOString(), label)).toBe(false)
        const before = new Date(period.end.getTime() - 1000).toISOString().slice(0, 19)
        expect(isInPeriod(`${before}.999999999Z`, label)).toBe(true)
        expect(isInPeriod(new Date(period.start.getTime() - 1), label)).toBe(false)
      }),
    )
  })

  it('property: the three months of a quarter tile it exactly, and four quarters tile the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1992, max: 9998 }), fc.integer({ min: 1, max: 4 }), (year, quarter) => {
        const q = parseKpiPeriod(`${year}-Q${quarter}`)
        const months = [0, 1, 2].map((i) => parseKpiPeriod(`${year}-${String((quarter - 1) * 3 + 1 + i).padStart(2, '0')}`))
        expect(months[0]?.start).toEqual(q.start)
        expect(months[1]?.start).toEqual(months[0]?.end)
        expect(months[2]?.start).toEqual(months[1]?.end)
        expect(months[2]?.end).toEqual(q.end)
        const y = parseKpiPeriod(String(year))
        expect(parseKpiPeriod(`${year}-Q1`).start).toEqual(y.start)
        expect(parseKpiPeriod(`${year}-Q4`).end).toEqual(y.end)
        expect(y.end).toEqual(parseKpiPeriod(String(year + 1)).start)
      }),
    )
  })

  it.each(['2026-7', '2026-00', '2026-13', '2026-Q0', '2026-Q5', '2026-q3', ' 2026', '26', '1991', '1991-12', '2026/07', '2026-W10', ''])(
    'refuses %j with KPI.INVALID_PERIOD naming the field',
    (text) => {
      expect(() => parseKpiPeriod(text, 'plans[0].period')).toThrow(expect.objectContaining({ code: 'KPI.INVALID_PERIOD', field: 'plans[0].period' }))
    },
  )

  it('refuses a non-string period and a bad instant in isInPeriod', () => {
    expect(() => parseKpiPeriod(202607 as unknown as string)).toThrow(expect.objectContaining({ code: 'KPI.INVALID_PERIOD', field: 'period' }))
    expect(() => isInPeriod('2026-04-01', '2026-Q2')).toThrow(expect.objectContaining({ code: 'KPI.INSTANT_WITHOUT_OFFSET', field: 'instant' }))
  })
})
