import { describe, expect, it } from 'vitest'

import { ArchiveErrorCode, InvalidArchiveFieldError } from './errors.js'
import { validatePostalCode } from './postalCode.js'
import { toHalfWidth, unwrapVerdict } from './verdict.js'

describe('R-ARC-4 field verdicts', () => {
  it('toHalfWidth turns full-width letters, digits, brackets and spaces into half-width', () => {
    expect(toHalfWidth('９１１１０１０８ＭＡ（）\u3000＠')).toBe('91110108MA() @')
  })

  it('unwrapVerdict returns the value or throws the issue as InvalidArchiveFieldError with details', () => {
    expect(unwrapVerdict(validatePostalCode('100080'))).toBe('100080')
    let thrown: unknown
    try {
      unwrapVerdict(validatePostalCode('1000'), '1000')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InvalidArchiveFieldError)
    expect((thrown as InvalidArchiveFieldError).toJSON()).toMatchObject({
      code: ArchiveErrorCode.POSTAL_CODE_FORMAT,
      field: 'postalCode',
      ruleId: 'R-ARC-4',
      details: { value: '"1000"' },
    })
    expect((thrown as Error).message).toContain('邮政编码')
  })
})
