import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { toFullWidth } from '../../test/arbitraries/archiveArb.js'
import { ArchiveErrorCode, InvalidArchiveFieldError } from './errors.js'
import { assertPostalCode, validatePostalCode } from './postalCode.js'

describe('R-ARC-4 postal code 邮政编码', () => {
  it('accepts 6 digits, trimmed, full-width or not', () => {
    expect(validatePostalCode('100080')).toEqual({ ok: true, value: '100080' })
    expect(validatePostalCode('１０００８０')).toEqual({ ok: true, value: '100080' })
    expect(assertPostalCode(' 518000 ')).toBe('518000')
  })

  it.each([
    [100080, ArchiveErrorCode.NOT_TEXT],
    ['', ArchiveErrorCode.BLANK],
    ['10008', ArchiveErrorCode.POSTAL_CODE_FORMAT],
    ['1000800', ArchiveErrorCode.POSTAL_CODE_FORMAT],
    ['100 080', ArchiveErrorCode.POSTAL_CODE_FORMAT],
    ['10008O', ArchiveErrorCode.POSTAL_CODE_FORMAT],
  ])('refuses %j with %s naming the field', (input, code) => {
    expect(validatePostalCode(input)).toMatchObject({ ok: false, issue: { code, field: 'postalCode' } })
    expect(() => assertPostalCode(input, 'billing.postalCode')).toThrow(InvalidArchiveFieldError)
    expect(() => assertPostalCode(input, 'billing.postalCode')).toThrow(expect.objectContaining({ code, field: 'billing.postalCode' }))
  })

  it('property: exactly the 6-digit strings are accepted', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), fc.boolean(), (code, fullWidth) => {
        expect(validatePostalCode(fullWidth ? toFullWidth(code) : code)).toEqual({ ok: true, value: code })
      }),
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (text) => {
        fc.pre(!/^\s*\d{6}\s*$/.test(text.normalize('NFKC')))
        expect(validatePostalCode(text).ok).toBe(false)
      }),
    )
  })
})
