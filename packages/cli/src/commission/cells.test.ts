import { fc, test } from '@fast-check/vitest'
import { Decimal } from '@kehu/core/money'
import { describe, expect, it } from 'vitest'

import { listEntries, rateText } from './cells.js'

describe('rateText', () => {
  it('reads percentages as exact decimals and passes anything else on as written', () => {
    expect(rateText('8%')).toBe('0.08')
    expect(rateText(' 2.50 ％')).toBe('0.025')
    expect(rateText(' 12.5 ％')).toBe('0.125')
    expect(rateText('150%')).toBe('1.5')
    expect(rateText('.5%')).toBe('0.005')
    expect(rateText('-3%')).toBe('-0.03')
    expect(rateText('0.08')).toBe('0.08')
    expect(rateText('abc%')).toBe('abc%')
    expect(rateText('eight%')).toBe('eight%')
    expect(rateText('%')).toBe('%')
  })

  // Whatever the digits, the rate is the exact hundredth of the number written.
  test.prop([fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,6}$/u), fc.stringMatching(/^\d{0,6}$/u), fc.boolean()])(
    'a percentage is exactly the number ÷ 100',
    (sign, whole, fraction, point) => {
      const number = `${sign}${whole}${point ? `.${fraction}` : ''}`
      fc.pre(/\d/u.test(number))
      expect(rateText(`${number}%`)).toBe(new Decimal(number).dividedBy(100).toString())
    },
  )
})

describe('listEntries', () => {
  it('splits entries on ; ； or line breaks and parts on : or ：, trimming each', () => {
    expect(listEntries(' 张三 ')).toEqual([['张三']])
    expect(listEntries('李四:0.03; 王五：2%')).toEqual([
      ['李四', '0.03'],
      ['王五', '2%'],
    ])
    expect(listEntries('赵六 : 40 : 50 : 2.5；\n；孙七')).toEqual([['赵六', '40', '50', '2.5'], ['孙七']])
    expect(listEntries(' ; ')).toEqual([])
  })

  // Whatever the cell, its entries are clean (no separators, no edge spaces, no blank entry; a
  // part may be empty, for the reader of the entry to refuse), and writing them back with ; and
  // : reads back to the same entries.
  const cell = fc.array(fc.constantFrom('张三', 'a', ' ', ':', '：', ';', '；', '\n', '0.5', '%'), { maxLength: 12 }).map((pieces) => pieces.join(''))
  test.prop([cell])('reads a cell to clean entries and reads their rewriting back the same', (text) => {
    const entries = listEntries(text)
    for (const parts of entries) {
      expect(parts).not.toEqual([''])
      for (const part of parts) {
        expect(part).toBe(part.trim())
        expect(part).not.toMatch(/[;；\n:：]/u)
      }
    }
    expect(listEntries(entries.map((parts) => parts.join(':')).join('; '))).toEqual(entries)
  })
})
