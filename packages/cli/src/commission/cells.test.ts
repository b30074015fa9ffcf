import { fc, test } from '@fast-check/vitest'
import { Decimal } from '@kehu/core/money'
import { describe, expect, it } from 'vitest'

import { rateText } from './cells.js'

describe('rateText', () => {
  it('reads percentages as exact decimals and passes anything else on as written', () => {
    expect(rateText('8%')).toBe('0.08')
    expect(rateText(' 2.50 ％')).toBe('0.025')
    expect(rateText('150%')).toBe('1.5')
    expect(rateText('.5%')).toBe('0.005')
    expect(rateText('-3%')).toBe('-0.03')
    expect(rateText('0.08')).toBe('0.08')
    expect(rateText('abc%')).toBe('abc%')
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
