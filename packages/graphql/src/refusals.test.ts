import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { ConflictRefusal, kindNameZh, NotFoundRefusal } from './refusals.js'

const sourceDir = fileURLToPath(new URL('.', import.meta.url))

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const files = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path)
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
    }),
  )
  return files.flat()
}

describe('refusals name records in both languages', () => {
  it('every kind a refusal is raised with has a Chinese name', async () => {
    const kinds = new Set<string>()
    for (const file of await sources(sourceDir)) {
      const text = await readFile(file, 'utf8')
      for (const match of text.matchAll(/new (?:NotFound|Conflict)Refusal\('([^']+)'/gu)) kinds.add(match[1] as string)
      // Ownership commands pass their subject's kind through a variable.
      for (const match of text.matchAll(/kind: '([a-zA-Z]+)', id:/gu)) kinds.add(match[1] as string)
    }
    expect(kinds.size).toBeGreaterThan(5)
    for (const kind of kinds) expect(kindNameZh(kind), kind).not.toBe(kind)
  })

  it('puts the Chinese name in the Chinese message and the kind in the English one', () => {
    const conflict = new ConflictRefusal('expenseClaim', 'claim-1', 'R-EXP-2')
    expect(conflict.messageZh).toBe('费用报销单 claim-1 已被他人修改，请刷新后重试')
    expect(conflict.messageEn).toBe('expenseClaim claim-1 was changed by someone else; read it again and retry')
    expect(conflict.kind).toBe('expenseClaim')
    expect(new NotFoundRefusal('visitPlan', 'plan-9').messageZh).toBe('找不到拜访计划 plan-9')
  })
})
