import { fc, test } from '@fast-check/vitest'
import { normaliseCustomerName } from '@kehu/core'
import { describe, expect, it } from 'vitest'

import { duplicateCandidatesWhere, MAX_PROBES, nameProbes } from './duplicateCandidates.js'

/** What the `name` part of the SQL filter keeps: every probe is present through one of its sources. */
async function keeps(storedName: string, candidateName: string): Promise<boolean> {
  const probes = await nameProbes(normaliseCustomerName(candidateName))
  if (probes === null) return true
  return probes.every((sources) => sources.some((source) => storedName.includes(source)))
}

describe('duplicate pre-filter (R-ARC-5)', () => {
  it('probes a Chinese name by its own characters and keeps a full-width, bracketed, suffixed variant', async () => {
    const probes = await nameProbes(normaliseCustomerName('温州新材料有限公司'))
    expect(probes).toHaveLength(MAX_PROBES)
    expect(probes!.every((sources) => sources.length === 1 && '温州新材料'.includes(sources[0]!))).toBe(true)
    expect(await keeps('温州 新材料（中国）股份有限公司', '温州新材料有限公司')).toBe(true)
    expect(await keeps('杭州南方物流有限公司', '温州新材料有限公司')).toBe(false)
  })

  it('finds the sources of a character across compatibility forms', async () => {
    const [株] = (await nameProbes('株'))!
    expect(株).toEqual(expect.arrayContaining(['株', '㈱', '㍿']))
    const [a] = (await nameProbes('a'))!
    expect(a).toEqual(expect.arrayContaining(['a', 'A', 'ａ', 'Ａ', 'á', 'Á']))
    const [σ] = (await nameProbes('ς'))!
    expect(σ).toContain('Σ')
  })

  it('keeps every single-character name whose normalised form contains a probe (exhaustive over the changed code points)', async () => {
    const failures: string[] = []
    for (let cp = 0; cp <= 0x10ffff; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const name = String.fromCodePoint(cp)
      if (name.normalize('NFKC') === name && name.toLowerCase() === name && name.normalize('NFKD') === name) continue
      const key = normaliseCustomerName(name)
      if (key !== '' && !(await keeps(name, name))) failures.push(`U+${cp.toString(16)}`)
    }
    expect(failures).toEqual([])
  })

  const cjk = fc.constantFrom(...'温州新材料星河贸易南方物流华东精密机械人大山株会社投资'.split(''))
  const latin = fc.constantFrom(...'abcdefxyzABCXYZ0189'.split(''))
  const variant = (c: string): fc.Arbitrary<string> => {
    const forms = [c, c.toUpperCase(), c.toLowerCase()]
    if (/[!-~]/.test(c)) forms.push(String.fromCodePoint(c.codePointAt(0)! + 0xfee0)) // full width
    const compat: Record<string, string> = { 人: '⼈', 大: '⼤', 山: '⼭', 株: '㈱', a: 'á'.normalize('NFD') }
    if (compat[c] !== undefined) forms.push(compat[c])
    return fc.constantFrom(...forms)
  }
  const decoration = fc.constantFrom('', ' ', '（中国）', '(China)', '有限公司', '股份有限公司', 'Co., Ltd.', '·', '【', '】')

  test.prop([fc.array(fc.oneof(cjk, latin), { minLength: 1, maxLength: 8 }), fc.gen()])('keeps every stored name that core would match', async (base, gen) => {
    const candidate = base.join('') + gen(() => decoration)
    const stored = base.map((c) => gen(() => variant(c))).join('') + gen(() => decoration) + gen(() => decoration)
    fc.pre(normaliseCustomerName(stored) !== '' && normaliseCustomerName(stored) === normaliseCustomerName(candidate))
    expect(await keeps(stored, candidate)).toBe(true)
  })

  it('looks up a credit code alone when the name normalises to nothing, and by code or name otherwise', async () => {
    expect(await duplicateCandidatesWhere({ name: '有限公司', creditCode: ' 91350100m000100y43 ' })).toEqual({ OR: [{ creditCode: '91350100M000100Y43' }] })
    expect(await duplicateCandidatesWhere({ name: '有限公司' })).toEqual({ id: { in: [] } })
    const where = await duplicateCandidatesWhere({ name: '星河贸易', creditCode: '91350100M000100Y43' })
    expect(where.OR).toHaveLength(2)
  })
})
