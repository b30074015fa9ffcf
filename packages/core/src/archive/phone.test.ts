import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { areaCodeArb, localNumberArb, mobileArb } from '../../test/arbitraries/archiveArb.js'
import { ArchiveErrorCode, InvalidArchiveFieldError } from './errors.js'
import { assertPhone, validatePhone } from './phone.js'

describe('R-ARC-4 phone 联系电话: mobile or landline, and which kind', () => {
  it('says which kind it is', () => {
    expect(validatePhone('13812345678')).toEqual({ ok: true, value: { kind: 'mobile', normalised: '13812345678' } })
    expect(validatePhone('+86 138 1234 5678')).toMatchObject({ ok: true, value: { kind: 'mobile' } })
    expect(validatePhone('0755-1234567')).toMatchObject({ ok: true, value: { kind: 'landline', normalised: '0755-1234567' } })
    expect(validatePhone('(021)12345678')).toMatchObject({ ok: true, value: { kind: 'landline', areaCode: '021' } })
    expect(validatePhone('+86 21 1234 5678')).toMatchObject({ ok: true, value: { kind: 'landline', areaCode: '021' } })
  })

  it.each([
    [undefined, ArchiveErrorCode.NOT_TEXT],
    ['', ArchiveErrorCode.BLANK],
    ['12812345678', ArchiveErrorCode.MOBILE_PREFIX],
    ['138 1234 567', ArchiveErrorCode.MOBILE_LENGTH],
    ['+86 138 1234 567', ArchiveErrorCode.MOBILE_LENGTH],
    ['0211-1234567', ArchiveErrorCode.LANDLINE_AREA_CODE],
    ['(010)123', ArchiveErrorCode.LANDLINE_NUMBER],
    ['87654321', ArchiveErrorCode.PHONE_FORMAT],
    ['abc', ArchiveErrorCode.PHONE_FORMAT],
  ])('refuses %j with the issue of the kind it looks like: %s', (input, code) => {
    expect(validatePhone(input)).toMatchObject({ ok: false, issue: { code, field: 'phone' } })
    expect(validatePhone(input, 'contacts[1].phone')).toMatchObject({ ok: false, issue: { field: 'contacts[1].phone' } })
  })

  it('assertPhone returns the number or throws naming the field', () => {
    expect(assertPhone('010-12345678')).toMatchObject({ kind: 'landline', normalised: '010-12345678' })
    expect(() => assertPhone('87654321', 'phone')).toThrow(InvalidArchiveFieldError)
    expect(() => assertPhone('87654321', 'phone')).toThrow(expect.objectContaining({ code: ArchiveErrorCode.PHONE_FORMAT, field: 'phone' }))
  })

  it('property: every valid mobile is a mobile and every valid landline a landline', () => {
    fc.assert(
      fc.property(mobileArb, areaCodeArb, localNumberArb, (mobile, areaCode, localNumber) => {
        expect(validatePhone(mobile)).toMatchObject({ ok: true, value: { kind: 'mobile', normalised: mobile } })
        expect(validatePhone(`${areaCode}-${localNumber}`)).toMatchObject({ ok: true, value: { kind: 'landline', areaCode, localNumber } })
      }),
    )
  })
})
