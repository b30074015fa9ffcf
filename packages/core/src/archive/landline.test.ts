import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { areaCodeArb, localNumberArb, toFullWidth } from '../../test/arbitraries/archiveArb.js'
import { ArchiveErrorCode, InvalidArchiveFieldError } from './errors.js'
import { assertLandline, validateLandline } from './landline.js'

describe('R-ARC-4 landline with area code 固定电话', () => {
  it.each([
    ['010-12345678', '010', '12345678', undefined],
    ['0755-1234567', '0755', '1234567', undefined],
    ['(021)12345678', '021', '12345678', undefined],
    ['（０２１）１２３４５６７８', '021', '12345678', undefined],
    ['02112345678', '021', '12345678', undefined],
    ['075512345678', '0755', '12345678', undefined],
    ['0755 123 4567', '0755', '1234567', undefined],
    ['+86 21 1234 5678', '021', '12345678', undefined],
    ['+86-755-1234567', '0755', '1234567', undefined],
    ['010-12345678-123', '010', '12345678', '123'],
    ['010-12345678转123', '010', '12345678', '123'],
    ['0571-87654321 ext. 8', '0571', '87654321', '8'],
    ['0571-87654321#801', '0571', '87654321', '801'],
    ['010 1234 5678 分机 12', '010', '12345678', '12'],
  ])('accepts %j as area %s, number %s, extension %s', (input, areaCode, localNumber, extension) => {
    const normalised = extension === undefined ? `${areaCode}-${localNumber}` : `${areaCode}-${localNumber}-${extension}`
    expect(validateLandline(input)).toEqual({ ok: true, value: { kind: 'landline', normalised, areaCode, localNumber, extension } })
  })

  it.each([
    [null, ArchiveErrorCode.NOT_TEXT],
    [' ', ArchiveErrorCode.BLANK],
    ['010-1234-5678-9-1', ArchiveErrorCode.LANDLINE_FORMAT],
    ['010/12345678', ArchiveErrorCode.LANDLINE_FORMAT],
    ['010-(1234)5678', ArchiveErrorCode.LANDLINE_FORMAT],
    ['tel 010-12345678', ArchiveErrorCode.LANDLINE_FORMAT],
    ['12345678', ArchiveErrorCode.LANDLINE_AREA_CODE],
    ['011-12345678', ArchiveErrorCode.LANDLINE_AREA_CODE],
    ['0211-1234567', ArchiveErrorCode.LANDLINE_AREA_CODE],
    ['075-51234567', ArchiveErrorCode.LANDLINE_AREA_CODE],
    ['010-123456', ArchiveErrorCode.LANDLINE_NUMBER],
    ['010-123456789', ArchiveErrorCode.LANDLINE_NUMBER],
    ['010-02345678', ArchiveErrorCode.LANDLINE_NUMBER],
    ['010-12345678转1234567', ArchiveErrorCode.LANDLINE_EXTENSION],
  ])('refuses %j with %s naming the field', (input, code) => {
    expect(validateLandline(input)).toMatchObject({ ok: false, issue: { code, field: 'phone' } })
    expect(validateLandline(input, 'fax')).toMatchObject({ ok: false, issue: { code, field: 'fax' } })
  })

  it('assertLandline returns the normalised number or throws naming the field', () => {
    expect(assertLandline('0755 1234567', 'fax')).toBe('0755-1234567')
    expect(() => assertLandline('12345678', 'fax')).toThrow(InvalidArchiveFieldError)
    expect(() => assertLandline('12345678', 'fax')).toThrow(expect.objectContaining({ code: ArchiveErrorCode.LANDLINE_AREA_CODE, field: 'fax' }))
  })

  it('property: area code + number in any usual layout reads back the same parts', () => {
    fc.assert(
      fc.property(
        areaCodeArb,
        localNumberArb,
        fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
        fc.constantFrom('dash', 'space', 'paren', 'none', 'intl'),
        fc.boolean(),
        (areaCode, localNumber, extension, layout, fullWidth) => {
          const main =
            layout === 'dash'
              ? `${areaCode}-${localNumber}`
              : layout === 'space'
                ? `${areaCode} ${localNumber}`
                : layout === 'paren'
                  ? `(${areaCode})${localNumber}`
                  : layout === 'none'
                    ? `${areaCode}${localNumber}`
                    : `+86 ${areaCode.slice(1)} ${localNumber}`
          let input = extension === undefined ? main : `${main}转${extension}`
          if (fullWidth) input = toFullWidth(input)
          expect(validateLandline(input)).toMatchObject({ ok: true, value: { areaCode, localNumber, extension } })
        },
      ),
    )
  })
})
