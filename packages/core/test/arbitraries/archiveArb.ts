import fc from 'fast-check'

import { computeCreditCodeCheckCharacter, computeOrganisationCodeCheckCharacter, CREDIT_CODE_CHARSET } from '../../src/archive/creditCode.js'
import { ARCHIVE_FIELDS, type ArchiveFieldName } from '../../src/archive/fields.js'

/**
 * Shared arbitraries of the customer archive area (客户档案, R-ARC).
 * @module
 */

const digit = fc.constantFrom(...'0123456789')
const codeChar = fc.constantFrom(...CREDIT_CODE_CHARSET)

/** A valid unified social credit code, built with the exported check-character functions. */
export const creditCodeArb: fc.Arbitrary<string> = fc
  .tuple(codeChar, codeChar, fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(codeChar, { minLength: 8, maxLength: 8 }))
  .map(([authority, type, division, organisation]) => {
    const orgBody = organisation.join('')
    const first17 = authority + type + division.join('') + orgBody + computeOrganisationCodeCheckCharacter(orgBody)
    return first17 + computeCreditCodeCheckCharacter(first17)
  })

/** Half-width ASCII to full-width (全角): `A` → `Ａ`, space → U+3000. */
export function toFullWidth(text: string): string {
  return [...text].map((ch) => (ch === ' ' ? '\u3000' : ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch)).join('')
}

/** A valid mainland mobile number, 11 digits. */
export const mobileArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...'3456789'), fc.array(digit, { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join('')}`)

/** An area code: 010, 02x or 0 + 3 digits starting with 3–9. */
export const areaCodeArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant('010'),
  digit.map((d) => `02${d}`),
  fc.tuple(fc.constantFrom(...'3456789'), digit, digit).map(([a, b, c]) => `0${a}${b}${c}`),
)

/** A local landline number, 7–8 digits not starting with 0. */
export const localNumberArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...'123456789'), fc.array(digit, { minLength: 6, maxLength: 7 }))
  .map(([first, rest]) => first + rest.join(''))

/** CJK characters that are not part of any default legal-form suffix or branch ending. */
const SAFE_HAN = [...'华东精密机械星河贸易南方物流科技电子医疗器械北京上海深圳广州杭州天宇恒信达安瑞博远鑫泰']
/** Latin words that neither are nor end with a default suffix. */
const SAFE_WORDS = ['alpha', 'sino', 'kehu', 'delta', 'jin', 'mei', 'trading', 'medical', 'tech', 'star', 'river']

/** A customer name without legal-form suffix whose normalised form is non-empty and unchanged by suffix removal. */
export const baseCustomerNameArb: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...SAFE_HAN), fc.constantFrom(...SAFE_WORDS).map((word) => ` ${word} `)), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join('').trim())

/** One of the default legal-form suffixes, written in one of its usual forms. */
export const legalSuffixArb: fc.Arbitrary<string> = fc.constantFrom(
  '有限公司',
  '有限责任公司',
  '股份有限公司',
  '集团有限公司',
  '集团股份有限公司',
  '集团',
  '公司',
  '（中国）有限公司',
  '(中国)有限公司',
  '【集团】',
  '（有限合伙）',
  ' Co., Ltd.',
  ' CO.,LTD',
  ' Co. Limited',
  ' Limited',
  ' Inc.',
  ' Corporation',
  ' Group Co., Ltd.',
  ' (China) Co., Ltd.',
)

/** Inserts whitespace (ASCII, full-width, tabs) at arbitrary positions of a string. */
export function withInsertedWhitespace(text: string): fc.Arbitrary<string> {
  const chars = [...text]
  return fc
    .array(fc.tuple(fc.nat({ max: chars.length }), fc.constantFrom(' ', '  ', '\u3000', '\t')), { maxLength: 6 })
    .map((insertions) => {
      const out = [...chars]
      for (const [at, space] of [...insertions].sort((a, b) => b[0] - a[0])) out.splice(at, 0, space)
      return out.join('')
    })
}

/** A filled value suitable for the given archive field. */
export function filledValueArb(field: ArchiveFieldName): fc.Arbitrary<unknown> {
  switch (field) {
    case 'registeredCapital':
      return fc.constantFrom('1000000.00', 500000, '¥2,000,000')
    case 'salesLastThreeYears':
      return fc.constant([{ year: 2025, amount: '1200000.00' }])
    case 'decisionMakers':
      return fc.constant(['张总'])
    case 'competitors':
      return fc.constant([{ company: '竞争对手甲', price: '100.00', solution: '方案A' }])
    case 'companyNature':
      return fc.constantFrom('listed', 'stateOwned')
    case 'industryPosition':
      return fc.constantFrom('leader', 'other')
    default:
      return fc.string({ minLength: 1, maxLength: 6 }).map((s) => `x${s}`)
  }
}

/** An empty value: absent, null, blank text, an empty list. */
export const emptyValueArb: fc.Arbitrary<unknown> = fc.constantFrom(undefined, null, '', '   ', '\u3000', [], [''])

/** An archive record where each field is independently filled or empty. */
export const archiveRecordArb: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(...ARCHIVE_FIELDS.map((field) => fc.option(filledValueArb(field), { nil: undefined }).chain((v) => (v === undefined ? emptyValueArb : fc.constant(v)))))
  .map((values) => Object.fromEntries(ARCHIVE_FIELDS.map((field, i) => [field, values[i]])))
