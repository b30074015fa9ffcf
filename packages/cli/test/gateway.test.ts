/**
 * The gateway commands delegate to the gateway's own entry points: a token the gateway's
 * verifier accepts, migrate and seed on a fresh database, and serve answering a query.
 */
import { spawn } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { runKehu } from './runKehu.js'

/** The claims of a JWT (its middle part), without checking the signature. */
function claimsOf(token: string): { sub?: string; iat?: number; exp?: number } {
  const [, payload = ''] = token.split('.')
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string; iat?: number; exp?: number }
}

describe('kehu token', () => {
  it('prints a token for the staff member, valid for the hours asked', async () => {
    const run = await runKehu(['token', 'staff-zhou', '--hours', '2'])
    expect(run.code).toBe(0)
    const claims = claimsOf(run.stdout.trim())
    expect(claims.sub).toBe('staff-zhou')
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(2 * 3600)
  })

  it('refuses hours that are not a whole number above zero with exit code 2', async () => {
    expect((await runKehu(['token', 'staff-zhou', '--hours', 'soon'])).code).toBe(2)
    expect((await runKehu(['token', 'staff-zhou', '--hours', '0'])).code).toBe(2)
  })
})

describe('kehu db', () => {
  it('migrates a fresh database, seeds the demo company once, then has nothing to do', async () => {
    const database = `file:${join(await mkdtemp(join(tmpdir(), 'kehu-db-')), 'kehu.db')}`
    const migrate = await runKehu(['db', 'migrate', '--database', database])
    expect(migrate.code).toBe(0)
    expect(migrate.stdout).toMatch(/[1-9]\d* migration\(s\) applied/u)
    const seed = await runKehu(['db', 'seed', '--database', database])
    expect(seed.code).toBe(0)
    expect(seed.stdout).toContain('demo company written')
    const again = await runKehu(['db', 'seed', '--database', database])
    expect(again.stdout).toContain('nothing written')
    const migrateAgain = await runKehu(['db', 'migrate', '--database', database])
    expect(migrateAgain.stdout).toContain(' 0 migration(s) applied')
  }, 120_000)
})

describe('kehu serve', () => {
  it('serves the gateway on the port asked for until it is stopped', async () => {
    const database = `file:${join(await mkdtemp(join(tmpdir(), 'kehu-serve-')), 'kehu.db')}`
    const tsx = createRequire(import.meta.url).resolve('tsx/cli')
    const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url))
    // A real process: serve runs until it is signalled.
    const child = spawn(process.execPath, [tsx, '--conditions=@kehu/source', bin, 'serve', '--port', '0', '--database', database], { stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const match = /gateway on (http:\/\/\S+)/u.exec(out)
          if (match?.[1] !== undefined) resolve(match[1])
        })
        child.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)))
      })
      const token = (await runKehu(['token', 'staff-wang'])).stdout.trim()
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { name roles } }' }),
      })
      const body = (await response.json()) as { data?: { me?: { name?: string; roles?: string[] } } }
      expect(body.data?.me?.roles).toContain('generalManager')
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    }
  }, 120_000)
})
