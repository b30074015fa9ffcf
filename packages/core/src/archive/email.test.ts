import { describe, expect, it } from 'vitest'
import fc from 'fast-check'

import { assertEmail, validateEmail } from './email.js'
import { ArchiveErrorCode, InvalidArchiveFieldError } from './errors.js'

describe('R-ARC-4 email 电子邮箱 (practical check, not full RFC 5322)', () => {
  it.each([
    ['Zhang.San@Example.COM', 'Zhang.San@example.com'],
    ['sales＠example.cn', 'sales@example.cn'],
    [' li_si+orders@mail.example.com.cn ', 'li_si+orders@mail.example.com.cn'],
    ['info@例子.中国', 'info@例子.中国'],
    ['a@b-c.io', 'a@b-c.io'],
  ])('accepts %j as %s', (input, normalised) => {
    expect(validateEmail(input)).toEqual({ ok: true, value: normalised })
  })

  it.each([
    [{}, ArchiveErrorCode.NOT_TEXT],
    ['\u3000', ArchiveErrorCode.BLANK],
    ['zhangsan.example.com', ArchiveErrorCode.EMAIL_FORMAT],
    ['a@b@example.com', ArchiveErrorCode.EMAIL_FORMAT],
    ['zhang san@example.com', ArchiveErrorCode.EMAIL_FORMAT],
    [`${'a'.repeat(65)}@example.com`, ArchiveErrorCode.EMAIL_TOO_LONG],
    [`a@${Array.from({ length: 5 }, () => 'b'.repeat(60)).join('.')}.com`, ArchiveErrorCode.EMAIL_TOO_LONG],
    ['@example.com', ArchiveErrorCode.EMAIL_LOCAL_PART],
    ['.zhang@example.com', ArchiveErrorCode.EMAIL_LOCAL_PART],
    ['zhang.@example.com', ArchiveErrorCode.EMAIL_LOCAL_PART],
    ['zh..ang@example.com', ArchiveErrorCode.EMAIL_LOCAL_PART],
    ['"zhang"@example.com', ArchiveErrorCode.EMAIL_LOCAL_PART],
    ['张三@example.com', ArchiveErrorCode.EMAIL_LOCAL_PART],
    ['zhang@', ArchiveErrorCode.EMAIL_DOMAIN],
    ['zhang@localhost', ArchiveErrorCode.EMAIL_DOMAIN],
    ['zhang@example..com', ArchiveErrorCode.EMAIL_DOMAIN],
    ['zhang@-example.com', ArchiveErrorCode.EMAIL_DOMAIN],
    ['zhang@example.com.', ArchiveErrorCode.EMAIL_DOMAIN],
    ['zhang@192.168.1.1', ArchiveErrorCode.EMAIL_DOMAIN],
    ['zhang@exa_mple.com', ArchiveErrorCode.EMAIL_DOMAIN],
  ])('refuses %j with %s naming the field', (input, code) => {
    expect(validateEmail(input)).toMatchObject({ ok: false, issue: { code, field: 'email' } })
    expect(validateEmail(input, 'contacts[2].email')).toMatchObject({ ok: false, issue: { code, field: 'contacts[2].email' } })
  })

  it('assertEmail returns the address or throws naming the field', () => {
    expect(assertEmail('sales＠example.cn')).toBe('sales@example.cn')
    expect(() => assertEmail('zhang@localhost')).toThrow(InvalidArchiveFieldError)
    expect(() => assertEmail('zhang@localhost')).toThrow(expect.objectContaining({ code: ArchiveErrorCode.EMAIL_DOMAIN, field: 'email', ruleId: 'R-ARC-4' }))
  })

  it('property: simple local@label.tld addresses are accepted and the result is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,10}[a-z0-9])?$/), fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.constantFrom('com', 'cn', 'com.cn', 'net'), (local, label, tld) => {
        fc.pre(!local.includes('..'))
        const verdict = validateEmail(`${local}@${label}.${tld}`)
        expect(verdict).toEqual({ ok: true, value: `${local}@${label}.${tld}` })
        if (verdict.ok) expect(validateEmail(verdict.value)).toEqual(verdict)
      }),
    )
  })
})
