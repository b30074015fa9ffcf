import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { printedSchema } from './print.js'

describe('schema.graphql', () => {
  it('is the printed schema (run `pnpm --filter @kehu/graphql schema:print` after a change)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../schema.graphql', import.meta.url)), 'utf8')
    expect(printedSchema()).toBe(committed)
  })
})
