import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { baseCustomerNameArb, legalSuffixArb, toFullWidth, withInsertedWhitespace } from '../../test/arbitraries/archiveArb.js'
import { normaliseCustomerName } from './customerName.js'
import { createCustomerNamePolicy } from './customerNamePolicy.js'
import { ArchiveErrorCode, InvalidArchiveInputError } from './errors.js'

describe('R-ARC-5 customer-name normalisation 客户名称规范化', () => {
  it.each([
    ['三星（中国）投资有限公司', '三星投资'],
    ['三星(中国)投资有限公司', '三星投资'],
    ['ＡＢＣ Trading Co., Ltd.', 'abctrading'],
    ['ABC TRADING CO.,LTD', 'abctrading'],
    ['abc trading limited', 'abctrading'],
    ['华为技术 有限公司', '华为技术'],
    ['华为技术有限责任公司', '华为技术'],
    ['海尔集团股份有限公司', '海尔'],
    ['海尔集团公司', '海尔'],
    ['海尔（集团）有限公司', '海尔'],
    ['XX投资中心(有限合伙)', 'xx投资中心'],
    ['【北京】星河贸易有限公司', '北京星河贸易'],
    ['星河贸易［北京］有限公司', '星河贸易北京'],
    ['Cisco Systems, Inc.', 'ciscosystems'],
    ['Costco', 'costco'],
    ['Siemens (China) Co., Ltd.', 'siemens'],
    ['某某有限公司上海分公司', '某某有限公司上海分公司'],
    ['有限公司', ''],
    ['', ''],
  ])('%j → %j', (name, key) => {
    expect(normaliseCustomerName(name)).toBe(key)
  })

  it('follows the policy: an extra bracket marker, a removed suffix', () => {
    expect(normaliseCustomerName('星河贸易（香港）有限公司')).toBe('星河贸易香港')
    expect(normaliseCustomerName('星河贸易（香港）有限公司', createCustomerNamePolicy({ bracketMarkers: ['中国', '香港'] }))).toBe('星河贸易')
    expect(normaliseCustomerName('星河集团', createCustomerNamePolicy({ legalFormSuffixes: ['有限公司'] }))).toBe('星河集团')
  })

  it('refuses a name that is not text with ARCHIVE.NOT_TEXT on name', () => {
    expect(() => normaliseCustomerName(42 as unknown as string)).toThrow(InvalidArchiveInputError)
    expect(() => normaliseCustomerName(42 as unknown as string)).toThrow(expect.objectContaining({ code: ArchiveErrorCode.NOT_TEXT, field: 'name', ruleId: 'R-ARC-5' }))
  })

  describe('properties', () => {
    it('is idempotent on any text', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })), (name) => {
          const once = normaliseCustomerName(name)
          expect(normaliseCustomerName(once)).toBe(once)
        }),
        { numRuns: 200 },
      )
    })

    it('is idempotent on realistic names with suffixes, brackets and widths', () => {
      fc.assert(
        fc.property(baseCustomerNameArb, fc.option(legalSuffixArb, { nil: '' }), fc.boolean(), (base, suffix, fullWidth) => {
          const name = fullWidth ? toFullWidth(base + suffix) : base + suffix
          const once = normaliseCustomerName(name)
          expect(normaliseCustomerName(once)).toBe(once)
        }),
      )
    })

    it('a name keeps its key with added whitespace, in full width, and with a legal-form suffix', () => {
      fc.assert(
        fc.property(
          baseCustomerNameArb.chain((base) => fc.tuple(fc.constant(base), withInsertedWhitespace(base))),
          legalSuffixArb,
          fc.boolean(),
          ([base, spaced], suffix, fullWidth) => {
            const key = normaliseCustomerName(base)
            expect(key).not.toBe('')
            const variant = fullWidth ? toFullWidth(spaced + suffix) : spaced + suffix
            expect(normaliseCustomerName(variant)).toBe(key)
          },
        ),
      )
    })

    it('the key has no whitespace, no brackets and no upper-case Latin letters', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
          expect(normaliseCustomerName(name)).not.toMatch(/[\s()[\]{}【】（）A-Z]/u)
        }),
      )
    })
  })
})
