/**
 * Values computed on first read (惰性字段), internal. A commission result carries its trace
 * (R-COM-8) and its margin, but building them costs several times more than the amounts; a
 * caller adding up a million projects reads neither, a caller explaining one reads both.
 * @internal
 * @module
 */

/**
 * Defines `key` on `target` as an enumerable property computed by `compute` on first read
 * and kept, so it reads like a plain field (also for `JSON.stringify` and spreads).
 */
export function defineLazy<T extends object, K extends string, V>(target: T, key: K, compute: () => V): T & Readonly<Record<K, V>> {
  Object.defineProperty(target, key, { enumerable: true, configurable: false, get: memo(compute) })
  return target as T & Readonly<Record<K, V>>
}

/** A function computing `compute()` once, on its first call. */
export function memo<V>(compute: () => V): () => V {
  let done = false
  let value: V
  return () => {
    if (!done) {
      value = compute()
      done = true
    }
    return value
  }
}
