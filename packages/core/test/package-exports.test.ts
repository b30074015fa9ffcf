import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

// The built package, as a consumer sees it: ESM and CommonJS through the `exports` map.
const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const consumerDir = fileURLToPath(new URL('../../../examples', import.meta.url))
const built = existsSync(`${packageRoot}/dist/index.js`)

function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: consumerDir, encoding: 'utf8' }).trim()
}

const subpaths = ['', '/errors', ...['money', 'calendar', 'staff', 'archive', 'tiering', 'commission', 'kpi', 'approval', 'lifecycle', 'ownership', 'visits', 'contracts', 'service', 'expenses', 'access'].map((area) => `/${area}`)]

describe.skipIf(!built)('the built package (run `pnpm build` first)', () => {
  it.each(subpaths)('@kehu/core%s loads as ESM and as CommonJS', (subpath) => {
    const specifier = `@kehu/core${subpath}`
    const esm = runNode(['--input-type=module', '-e', `const m = await import('${specifier}'); console.log(Object.keys(m).length)`])
    const cjs = runNode(['-e', `console.log(Object.keys(require('${specifier}')).length)`])
    expect(Number(esm)).toBeGreaterThan(0)
    expect(Number(cjs)).toBe(Number(esm))
  })

  it('computes the same exact money in both module systems', () => {
    const script = (load: string): string =>
      `${load}; console.log(m.allocate(m.Money.parse('100.00'), [1, 1, 1]).map(String).join(' '))`
    const esm = runNode(['--input-type=module', '-e', script("const m = await import('@kehu/core/money')")])
    const cjs = runNode(['-e', script("const m = require('@kehu/core/money')")])
    expect(esm).toBe('33.34 33.33 33.33')
    expect(cjs).toBe(esm)
  })
})
