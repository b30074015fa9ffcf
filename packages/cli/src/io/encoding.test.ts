import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { decodeText, detectEncoding, parseEncoding } from './encoding.js'
import { UsageError } from './usageError.js'

// 客户 in GBK, and 𠀀 (U+20000), a 4-byte GB18030 sequence.
const GBK_KEHU = Uint8Array.from([0xbf, 0xcd, 0xbb, 0xa7])
const GB18030_U20000 = Uint8Array.from([0x95, 0x32, 0x82, 0x36])

async function* chunksOf(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue
    yield bytes.subarray(from, cut)
    from = cut
  }
  yield bytes.subarray(from)
}

async function decodeAll(bytes: Uint8Array, cuts: readonly number[] = [], forced?: 'utf-8' | 'gb18030'): Promise<string> {
  let text = ''
  for await (const part of decodeText(chunksOf(bytes, cuts), forced)) text += part
  return text
}

describe('detectEncoding', () => {
  it('reads a BOM as UTF-8, valid UTF-8 as UTF-8 and anything else as GB18030', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0xbf, 0xcd]))).toBe('utf-8')
    expect(detectEncoding(new TextEncoder().encode('客户名称,金额'))).toBe('utf-8')
    expect(detectEncoding(GBK_KEHU)).toBe('gb18030')
  })

  it('does not take a UTF-8 character cut at the end of the first chunk for GBK', () => {
    expect(detectEncoding(new TextEncoder().encode('客户').subarray(0, 5))).toBe('utf-8')
  })
})

describe('decodeText', () => {
  it('decodes GBK, including 4-byte GB18030 characters, and drops a UTF-8 BOM', async () => {
    expect(await decodeAll(Uint8Array.from([...GBK_KEHU, 0x2c, ...GB18030_U20000]))).toBe('客户,\u{20000}')
    expect(await decodeAll(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('项目')]))).toBe('项目')
  })

  test.prop([fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(fc.nat(200), { maxLength: 6 })])(
    'gives the same UTF-8 text however the bytes are cut into chunks',
    async (text, cuts) => {
      const bytes = new TextEncoder().encode(text)
      expect(await decodeAll(bytes, cuts, 'utf-8')).toBe(text)
    },
  )

  it('says to pass --encoding gbk when a file read as UTF-8 is not UTF-8 further on', async () => {
    const ascii = new TextEncoder().encode('a'.repeat(100))
    await expect(decodeAll(Uint8Array.from([...ascii, ...GBK_KEHU]), [100])).rejects.toThrow(/--encoding gbk/u)
  })
})

describe('parseEncoding', () => {
  it('reads GBK names as the GB18030 decoder, its superset', () => {
    expect(parseEncoding('GBK')).toBe('gb18030')
    expect(parseEncoding('utf8')).toBe('utf-8')
    expect(() => parseEncoding('latin1')).toThrow(UsageError)
  })
})
