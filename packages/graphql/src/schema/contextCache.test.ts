import { createContextCache, initContextCache } from '@pothos/core'
import { describe, expect, it } from 'vitest'

// Pothos keeps each request's plugin state (auth scopes, planned selections, loaders) in context
// caches. The gateway runs a patched @pothos/core (patches/@pothos__core@4.15.1.patch) whose
// caches keep an entry on the context object instead of in a WeakMap keyed by it: an entry refers
// back to its context, and V8's minor collections hold a WeakMap's values strongly, so an entry
// reaching its own key kept every request alive through them, promoted to the old generation.
// What the minor collections promote per request is a figure of `bench:heap`, not asserted here.

describe('context caches', () => {
  it('give one entry per context, made once', () => {
    let made = 0
    const cache = createContextCache((context: object) => ({ context, n: (made += 1) }))
    const first = {}
    const second = {}
    expect(cache(first)).toBe(cache(first))
    expect(cache(second)).not.toBe(cache(first))
    expect(cache(second).context).toBe(second)
    expect(made).toBe(2)
  })

  it('keep the entry on the context itself, under a symbol of the cache (the patch is in force)', () => {
    const cache = createContextCache(() => ({ loaded: true }))
    const context = {}
    const entry = cache(context)
    const symbols = Object.getOwnPropertySymbols(context)
    expect(symbols).toHaveLength(1)
    expect((context as Record<symbol, unknown>)[symbols[0]!]).toBe(entry)
    cache.delete(context)
    expect(Object.getOwnPropertySymbols(context)).toHaveLength(0)
  })

  it('leave the context as it was to the eye: no enumerable key, nothing copied by a spread or JSON', () => {
    const cache = createContextCache(() => ({ loaded: true }))
    const context = { actor: 'staff-zhao' }
    cache(context)
    expect(Object.keys(context)).toEqual(['actor'])
    expect(JSON.stringify(context)).toBe('{"actor":"staff-zhao"}')
    // A copy is another context with entries of its own, as with a WeakMap.
    const copy = { ...context }
    expect(cache(copy)).not.toBe(cache(context))
  })

  it('share the entries of contexts that carry the same initContextCache key', () => {
    const cache = createContextCache(() => ({}))
    const context = { ...initContextCache(), actor: 'staff-zhao' }
    expect(cache({ ...context })).toBe(cache(context))
  })

  it('work on a context that cannot take a property (frozen), and delete an entry', () => {
    let made = 0
    const cache = createContextCache(() => ({ n: (made += 1) }))
    const frozen = Object.freeze({ actor: 'staff-zhao' })
    expect(cache(frozen)).toBe(cache(frozen))
    const open = {}
    const before = cache(open)
    cache.delete(open)
    cache.delete(frozen)
    expect(cache(open)).not.toBe(before)
    expect(cache(frozen).n).toBe(4)
  })
})
