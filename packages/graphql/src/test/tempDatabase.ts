import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh directory with a database URL in it; `remove()` deletes both. */
export function tempDatabase(): { readonly dir: string; readonly url: string; readonly file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-db-'))
  const file = join(dir, 'kehu.db')
  return { dir, file, url: `file:${file}`, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
