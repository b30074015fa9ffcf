import { fc, test } from '@fast-check/vitest'
import { decodeBase64, encodeBase64 } from '@pothos/core'
import { describe, expect, it } from 'vitest'

// Every global ID and cursor is base64 of text. The gateway runs a patched @pothos/core
// (patches/@pothos__core@4.15.1.patch) whose encodeBase64 encodes ASCII text with `btoa`, several
// times faster than a Buffer (two encodings per row of a page); other text takes the Buffer as
// before. Either way the result must be the base64 of the text's UTF-8 bytes.

describe('base64 of global IDs and cursors', () => {
  it('encodes ASCII and other text as the base64 of its UTF-8 bytes', () => {
    for (const text of ['', 'Customer:cust-001', 'GPC:S:cust-001', '客户:甲', 'café', 'a\u007fb\u0080c', '😀'])
      expect(encodeBase64(text), text).toBe(Buffer.from(text, 'utf8').toString('base64'))
  })

  test.prop([fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }))])('agrees with a Buffer and decodes back, for any text', (text) => {
    const encoded = encodeBase64(text)
    expect(encoded).toBe(Buffer.from(text, 'utf8').toString('base64'))
    // Lone surrogates are not UTF-8: they come back as U+FFFD, as from a Buffer.
    expect(decodeBase64(encoded)).toBe(Buffer.from(text, 'utf8').toString('utf8'))
  })
})
