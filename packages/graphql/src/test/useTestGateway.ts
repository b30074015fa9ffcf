/**
 * A fresh test gateway for every test of a file or `describe` block: started before each test
 * on a copy of the seeded database, closed after it.
 * @module
 */
import { afterEach, beforeEach } from 'vitest'

import { startTestGateway, type TestGateway } from './gateway.js'

/** Starting one migrates and copies a database: allow for a slow first start. */
const START_TIMEOUT_MS = 60_000

/**
 * Registers the hooks and returns the gateway of the running test. The returned object always
 * speaks for the current test's gateway, so it can be kept in a `const` at the top of the file.
 */
export function useTestGateway(options?: Parameters<typeof startTestGateway>[0]): TestGateway {
  let current: TestGateway | undefined
  beforeEach(async () => {
    current = await startTestGateway(options)
  }, START_TIMEOUT_MS)
  afterEach(async () => {
    const closing = current
    current = undefined
    await closing?.close()
  })
  return new Proxy({} as TestGateway, {
    get(_target, key) {
      if (current === undefined) throw new Error('the test gateway exists only while a test runs (use it inside it/test or the hooks)')
      const value: unknown = Reflect.get(current, key)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value
    },
  })
}
