import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { splitJsonArray } from './jsonArray.js'
import { UsageError } from './usageError.js'

async function* chunks(text: string, cuts: readonly number[]): AsyncGenerator<string> {
  let from = 0
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= text.length) continue
    yield text.slice(from, cut)
    from = cut
  }
  yield text.slice(from)
}

async function split(text: string, cuts: readonly number[] = []): Promise<unknown[]> {
  const out: unknown[] = []
  for await (const element of splitJsonArray(chunks(text, cuts))) out.push(JSON.parse(element))
  return out
}

const record = fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 })), { maxKeys: 4 })

describe('splitJsonArray', () => {
  test.prop([fc.array(record, { maxLength: 6 }), fc.array(fc.nat(300), { maxLength: 8 }), fc.boolean()])(
    'yields every record of the array however the text is cut into chunks',
    async (records, cuts, pretty) => {
      const text = pretty ? JSON.stringify(records, null, 2) : JSON.stringify(records)
      expect(await split(text, cuts)).toEqual(records)
    },
  )

  it('keeps brackets and quotes inside strings out of the structure', async () => {
    expect(await split('[{"a":"}]\\"{["},{"b":"x"}]', [3, 5, 9])).toEqual([{ a: '}]"{[' }, { b: 'x' }])
  })

  it('refuses text that is not an array of objects', async () => {
    await expect(split('{"a":1}')).rejects.toThrow(UsageError)
    await expect(split('[1, 2]')).rejects.toThrow(/must be objects/u)
    await expect(split('[{"a":1}')).rejects.toThrow(UsageError)
    await expect(split('[{"a":1}] x')).rejects.toThrow(UsageError)
  })
})
