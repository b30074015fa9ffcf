import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { creditCodeArb, toFullWidth } from '../../test/arbitraries/archiveArb.js'
import {
  assertCreditCode,
  computeCreditCodeCheckCharacter,
  computeOrganisationCodeCheckCharacter,
  CREDIT_CODE_CHARSET,
  normaliseCreditCode,
  validateCreditCode,
} from './creditCode.js'
import { ArchiveErrorCode, InvalidArchiveFieldError, InvalidArchiveInputError } from './errors.js'

function issueOf(value: unknown, field?: string) {
  const verdict = field === undefined ? validateCreditCode(value) : validateCreditCode(value, field)
  if (verdict.ok) throw new Error(`expected an issue for ${String(value)}`)
  return verdict.issue
}

describe('R-ARC-4 unified social credit code 统一社会信用代码 (GB 32100-2015)', () => {
  describe('worked examples', () => {
    it('computes the check character of 91350100M000100Y4 by hand: Σ = 1640, 1640 mod 31 = 28, 31 − 28 = 3', () => {
      // values 9,1,3,5,0,1,0,0,21(M),0,0,0,1,0,0,30(Y),4 × weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28
      // = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3
      expect(computeCreditCodeCheckCharacter('91350100M000100Y4')).toBe('3')
      expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' })
    })

    it('computes the GB 11714 organisation check digit of M000100Y by hand: Σ = 139, 11 − 139 mod 11 = 4', () => {
      // M=22, Y=34: 22×3 + 1×5 + 34×2 = 139; 139 mod 11 = 7; 11 − 7 = 4
      expect(computeOrganisationCodeCheckCharacter('M000100Y')).toBe('4')
    })

    it('writes an organisation check value of 10 as X and 11 as 0', () => {
      // 00000005: 5 × 2 = 10 → 11 − 10 = 1
      expect(computeOrganisationCodeCheckCharacter('00000005')).toBe('1')
      // 00000000: Σ = 0 → 11 − 0 = 11 → '0'
      expect(computeOrganisationCodeCheckCharacter('00000000')).toBe('0')
      // 00000010: 1 × 4 = 4 → 7;  01000000: 1 × 7 = 7 → 4
      expect(computeOrganisationCodeCheckCharacter('00000010')).toBe('7')
      expect(computeOrganisationCodeCheckCharacter('01000000')).toBe('4')
      // A0000000: 10 × 3 = 30, 30 mod 11 = 8 → 3
      expect(computeOrganisationCodeCheckCharacter('A0000000')).toBe('3')
      // 00010001: 1 × 10 + 1 × 2 = 12, 12 mod 11 = 1 → 10 → 'X'
      expect(computeOrganisationCodeCheckCharacter('00010001')).toBe('X')
    })

    it('writes a GB 32100 check value of 31 as 0', () => {
      // all zeros: Σ = 0, 31 − 0 = 31 → '0'
      expect(computeCreditCodeCheckCharacter('00000000000000000')).toBe('0')
      // '1' at position 1 (weight 1): Σ = 1 → 30 → 'Y'
      expect(computeCreditCodeCheckCharacter('10000000000000000')).toBe('Y')
    })

    it('accepts codes whose organisation check digit is X and published-style codes that pass both checks', () => {
      // Codes in the published format that pass both check characters (a random 18-character
      // string does so with probability 1/341); the owners are deliberately not asserted here.
      for (const code of ['9144030071526726XG', '91330100799655058B', '911100007109339484']) {
        expect(validateCreditCode(code)).toEqual({ ok: true, value: code })
      }
    })

    it('refuses 91110000100000589B: both its check characters are wrong (A and 5 expected)', () => {
      expect(issueOf('91110000100000589B').code).toBe(ArchiveErrorCode.CREDIT_CODE_CHECK_MISMATCH)
      expect(validateCreditCode('91110000100000589A')).toMatchObject({ ok: false, issue: { code: ArchiveErrorCode.ORGANISATION_CODE_CHECK_MISMATCH } })
      expect(validateCreditCode('91110000100000589A', 'creditCode', { verifyOrganisationCode: false })).toEqual({ ok: true, value: '91110000100000589A' })
    })
  })

  describe('normalisation', () => {
    it('trims, removes whitespace, upper-cases and turns full-width into half-width', () => {
      expect(normaliseCreditCode(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('91350100M000100Y43')
      expect(validateCreditCode('9135 0100 m000 100Y 43')).toEqual({ ok: true, value: '91350100M000100Y43' })
      expect(assertCreditCode('\u3000９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43')
    })
  })

  describe('every issue code names the field', () => {
    it.each([
      [42, ArchiveErrorCode.NOT_TEXT],
      [null, ArchiveErrorCode.NOT_TEXT],
      ['   ', ArchiveErrorCode.BLANK],
      ['91350100M000100Y4', ArchiveErrorCode.CREDIT_CODE_LENGTH],
      ['91350100M000100Y433', ArchiveErrorCode.CREDIT_CODE_LENGTH],
      ['91350100M000100I43', ArchiveErrorCode.CREDIT_CODE_INVALID_CHARACTER],
      ['9135010OM000100Y43', ArchiveErrorCode.CREDIT_CODE_INVALID_CHARACTER],
      ['91350100M000100Y4-', ArchiveErrorCode.CREDIT_CODE_INVALID_CHARACTER],
      ['913501A0M000100Y43', ArchiveErrorCode.CREDIT_CODE_DIVISION_NOT_DIGITS],
      ['91350100M000100Y44', ArchiveErrorCode.CREDIT_CODE_CHECK_MISMATCH],
    ])('%j → %s', (value, code) => {
      expect(issueOf(value)).toMatchObject({ code, field: 'creditCode' })
      expect(issueOf(value, 'customers[3].creditCode').field).toBe('customers[3].creditCode')
    })

    it('ORGANISATION_CODE_CHECK_MISMATCH: position 17 wrong, position 18 recomputed to match', () => {
      const first17 = '91350100M000100Y5'
      const code = first17 + computeCreditCodeCheckCharacter(first17)
      const issue = issueOf(code)
      expect(issue).toMatchObject({ code: ArchiveErrorCode.ORGANISATION_CODE_CHECK_MISMATCH, field: 'creditCode' })
      expect(issue.messageEn).toContain('requires 4')
      expect(issue.messageZh).toContain('应为 4')
    })

    it('names the position of a forbidden character', () => {
      expect(issueOf('91350100M000100I43').messageEn).toContain('position 16')
      expect(issueOf('91350100M000100I43').messageZh).toContain('第 16 位')
    })

    it('assertCreditCode throws InvalidArchiveFieldError with the code, the field and R-ARC-4', () => {
      expect.assertions(5)
      try {
        assertCreditCode('91350100M000100Y44', 'candidate.creditCode')
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArchiveFieldError)
        const e = error as InvalidArchiveFieldError
        expect(e.code).toBe(ArchiveErrorCode.CREDIT_CODE_CHECK_MISMATCH)
        expect(e.field).toBe('candidate.creditCode')
        expect(e.ruleId).toBe('R-ARC-4')
        expect(e.details).toEqual({ value: '"91350100M000100Y44"' })
      }
    })

    it.each([['91350100M000100Y'], ['91350100M000100I4'], [17]])('computeCreditCodeCheckCharacter(%j) throws CREDIT_CODE_BODY_INVALID on first17', (value) => {
      expect(() => computeCreditCodeCheckCharacter(value as string)).toThrow(InvalidArchiveInputError)
      expect(() => computeCreditCodeCheckCharacter(value as string)).toThrow(expect.objectContaining({ code: ArchiveErrorCode.CREDIT_CODE_BODY_INVALID, field: 'first17' }))
    })

    it.each([['M000100'], ['M000100_'], [8]])('computeOrganisationCodeCheckCharacter(%j) throws CREDIT_CODE_BODY_INVALID on first8', (value) => {
      expect(() => computeOrganisationCodeCheckCharacter(value as string)).toThrow(expect.objectContaining({ code: ArchiveErrorCode.CREDIT_CODE_BODY_INVALID, field: 'first8' }))
    })
  })

  describe('properties', () => {
    it('every code built with the two check characters is accepted, in any case or width', () => {
      fc.assert(
        fc.property(creditCodeArb, fc.boolean(), fc.boolean(), (code, lower, fullWidth) => {
          let input = lower ? code.toLowerCase() : code
          if (fullWidth) input = toFullWidth(input)
          expect(validateCreditCode(input)).toEqual({ ok: true, value: code })
        }),
      )
    })

    it('every single-character substitution is detected (31 is prime, no weight is 0 mod 31)', () => {
      fc.assert(
        fc.property(creditCodeArb, fc.nat({ max: 17 }), fc.constantFrom(...CREDIT_CODE_CHARSET), (code, position, replacement) => {
          fc.pre(code.charAt(position) !== replacement)
          const changed = code.slice(0, position) + replacement + code.slice(position + 1)
          expect(validateCreditCode(changed).ok).toBe(false)
        }),
      )
    })

    it('every transposition of two different adjacent characters is detected', () => {
      fc.assert(
        fc.property(creditCodeArb, fc.nat({ max: 16 }), (code, position) => {
          const a = code.charAt(position)
          const b = code.charAt(position + 1)
          fc.pre(a !== b)
          const swapped = code.slice(0, position) + b + a + code.slice(position + 2)
          expect(validateCreditCode(swapped).ok).toBe(false)
        }),
      )
    })

    it('exactly one of the 31 characters completes any 17-character body', () => {
      fc.assert(
        fc.property(creditCodeArb, (code) => {
          const body = code.slice(0, 17)
          const passing = [...CREDIT_CODE_CHARSET].filter((ch) => validateCreditCode(body + ch).ok)
          expect(passing).toEqual([code.charAt(17)])
        }),
        { numRuns: 50 },
      )
    })
  })
})
