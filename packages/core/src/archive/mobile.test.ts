import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { mobileArb, toFullWidth } from '../../test/arbitraries/archiveArb.js'
import { ArchiveErrorCode, InvalidArchiveFieldError } from './errors.js'
import { assertMobile, validateMobile } from './mobile.js'

describe('R-ARC-4 mainland mobile number 手机号码', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['86 138 1234 5678', '13812345678'],
    ['１９９１２３４５６７８', '19912345678'],
    [' 150-0000-0000 ', '15000000000'],
  ])('accepts %j as %s', (input, normalised) => {
    expect(validateMobile(input)).toEqual({ ok: true, value: { kind: 'mobile', normalised } })
  })

  it.each([
    [13812345678, ArchiveErrorCode.NOT_TEXT],
    ['', ArchiveErrorCode.BLANK],
    ['138-1234-567a', ArchiveErrorCode.MOBILE_INVALID_CHARACTER],
    ['(138)12345678', ArchiveErrorCode.MOBILE_INVALID_CHARACTER],
    ['1381234567', ArchiveErrorCode.MOBILE_LENGTH],
    ['138123456789', ArchiveErrorCode.MOBILE_LENGTH],
    ['8613812345678 9', ArchiveErrorCode.MOBILE_LENGTH],
    ['12812345678', ArchiveErrorCode.MOBILE_PREFIX],
    ['10012345678', ArchiveErrorCode.MOBILE_PREFIX],
    ['23812345678', ArchiveErrorCode.MOBILE_PREFIX],
  ])('refuses %j with %s naming the field', (input, code) => {
    expect(validateMobile(input)).toMatchObject({ ok: false, issue: { code, field: 'phone' } })
    expect(validateMobile(input, 'contacts[0].phone')).toMatchObject({ ok: false, issue: { code, field: 'contacts[0].phone' } })
  })

  it('assertMobile returns the digits or throws InvalidArchiveFieldError naming the field', () => {
    expect(assertMobile('138 1234 5678')).toBe('13812345678')
    expect(() => assertMobile('12812345678', 'contactPhone')).toThrow(InvalidArchiveFieldError)
    expect(() => assertMobile('12812345678', 'contactPhone')).toThrow(expect.objectContaining({ code: ArchiveErrorCode.MOBILE_PREFIX, field: 'contactPhone', ruleId: 'R-ARC-4' }))
  })

  it('property: any valid number is accepted with any decoration (prefix, separators, full width)', () => {
    fc.assert(
      fc.property(
        mobileArb,
        fc.constantFrom('', '+86', '+86 ', '0086', '86', '86-'),
        fc.constantFrom('', ' ', '-'),
        fc.boolean(),
        (digits, prefix, separator, fullWidth) => {
          let input = `${prefix}${digits.slice(0, 3)}${separator}${digits.slice(3, 7)}${separator}${digits.slice(7)}`
          if (fullWidth) input = toFullWidth(input)
          expect(validateMobile(input)).toEqual({ ok: true, value: { kind: 'mobile', normalised: digits } })
        },
      ),
    )
  })

  it('property: dropping or adding a digit is refused for length', () => {
    fc.assert(
      fc.property(mobileArb, fc.boolean(), (digits, drop) => {
        const input = drop ? digits.slice(0, 10) : `${digits}0`
        expect(validateMobile(input)).toMatchObject({ ok: false, issue: { code: ArchiveErrorCode.MOBILE_LENGTH } })
      }),
    )
  })
})
