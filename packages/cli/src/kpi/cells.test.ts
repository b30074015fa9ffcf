import { fc, test } from '@fast-check/vitest'
import { formatShanghaiInstant } from '@kehu/core'
import { describe, expect, it } from 'vitest'

import type { RowIssue } from '../io/rows.js'
import { readCells, type RowCells } from './cells.js'

const read = <T>(values: Record<string, string>, build: (cells: RowCells) => T): T | RowIssue[] => readCells({ rowNumber: 7, values }, build)

describe('RowCells', () => {
  it('reads office wall-clock times as Asia/Shanghai and ISO times with their offset', () => {
    expect(read({ at: '2026-07-15 10:00' }, (cells) => cells.instant('at'))).toEqual(new Date('2026-07-15T02:00:00Z'))
    expect(read({ at: '2026/7/5 9:05:30' }, (cells) => cells.instant('at'))).toEqual(new Date('2026-07-05T01:05:30Z'))
    expect(read({ at: '2026-07-15' }, (cells) => cells.instant('at'))).toEqual(new Date('2026-07-14T16:00:00Z'))
    expect(read({ at: '2026-07-15T10:00:00Z' }, (cells) => cells.instant('at'))).toEqual(new Date('2026-07-15T10:00:00Z'))
  })

  it('reads spreadsheet date serials (date cells read without their format) as Shanghai wall-clock', () => {
    // 46295 is 2026-09-30; .6875 of a day is 16:30; 10:00 is stored as 0.41666…
    expect(read({ at: '46295.6875' }, (cells) => cells.instant('at'))).toEqual(new Date('2026-09-30T08:30:00Z'))
    expect(read({ at: '46295.41666666667' }, (cells) => cells.instant('at'))).toEqual(new Date('2026-09-30T02:00:00Z'))
    expect(read({ day: '46295' }, (cells) => cells.day('day'))).toBe('2026-09-30')
    // Not a date before 1992 (serial 33604) nor a day with a time of day
    expect(read({ at: '12345' }, (cells) => cells.instant('at'))).toHaveLength(1)
    expect(read({ day: '46295.5' }, (cells) => cells.day('day'))).toHaveLength(1)
  })

  it('refuses impossible times with the row, the column and a bilingual reason', () => {
    expect(read({ at: '2026-02-30 10:00' }, (cells) => cells.instant('at'))).toEqual([
      { rowNumber: 7, column: 'at', reason: expect.stringMatching(/2026-02-30.* \/ .*2026-02-30/u) as string },
    ])
    expect(read({ at: '2026-07-15 24:00' }, (cells) => cells.instant('at'))).toHaveLength(1)
    expect(read({ at: 'yesterday' }, (cells) => cells.instant('at'))).toHaveLength(1)
    expect(read({ at: '' }, (cells) => cells.instant('at'))).toEqual([{ rowNumber: 7, column: 'at', reason: '时间不能为空 / the date-time must not be empty' }])
  })

  it('parses amounts exactly with core and refuses what core refuses', () => {
    expect(read({ amount: '¥1,234.50' }, (cells) => cells.money('amount').toString())).toBe('1234.50')
    expect(read({ amount: '0.1' }, (cells) => cells.money('amount').fen)).toBe(10n)
    const subFen = read({ amount: '1.005' }, (cells) => cells.money('amount'))
    expect(subFen).toEqual([{ rowNumber: 7, column: 'amount', reason: expect.stringContaining('0.01') as string }])
    expect(read({ amount: '-3' }, (cells) => cells.money('amount'))).toEqual([
      { rowNumber: 7, column: 'amount', reason: '金额不能为负数，实际为 -3.00 / the amount must not be negative, got -3.00' },
    ])
    expect(read({ amount: 'NaN' }, (cells) => cells.money('amount'))).toHaveLength(1)
  })

  it('reads completeness scores in [0, 1], also as percentages, and refuses the rest', () => {
    expect(read({ c: '0.85' }, (cells) => cells.unitInterval('c'))).toBe('0.85')
    expect(read({ c: '85%' }, (cells) => cells.unitInterval('c'))).toBe('0.85')
    expect(read({ c: '5%' }, (cells) => cells.unitInterval('c'))).toBe('0.05')
    expect(read({ c: '100%' }, (cells) => cells.unitInterval('c'))).toBe('1')
    expect(read({ c: '1.2' }, (cells) => cells.unitInterval('c'))).toHaveLength(1)
    expect(read({ c: '120%' }, (cells) => cells.unitInterval('c'))).toHaveLength(1)
    expect(read({ c: 'NaN' }, (cells) => cells.unitInterval('c'))).toHaveLength(1)
  })

  it('collects every issue of a row, not only the first', () => {
    const issues = read({ a: '', b: 'x' }, (cells) => [cells.text('a'), cells.count('b'), cells.money('c')])
    expect((issues as RowIssue[]).map((issue) => issue.column)).toEqual(['a', 'b', 'c'])
  })

  test.prop([fc.integer({ min: 1992, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })])(
    'a Shanghai wall-clock time reads back as itself',
    (year, month, day, hour, minute) => {
      const pad = (value: number): string => String(value).padStart(2, '0')
      const text = `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`
      const instant = read({ at: text }, (cells) => cells.instant('at'))
      expect(instant).toBeInstanceOf(Date)
      expect(formatShanghaiInstant(instant as Date)).toBe(`${text.replace(' ', 'T')}:00.000+08:00`)
    },
  )
})
