/**
 * Runs the `kehu` program in-process with captured stdout and stderr (neither a terminal), the
 * way a script or a pipe sees it.
 * @module
 */
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'

import { runCli } from '../src/program.js'

/** What a run printed and its exit code. */
export interface KehuRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** The sample exports. */
export const EXPORTS = fileURLToPath(new URL('../../../examples/exports/', import.meta.url))

function sink(append: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      append(typeof chunk === 'string' ? chunk : chunk.toString('utf8'))
      callback()
    },
  })
}

/** Runs `kehu …argv` in `cwd` (default the repository root). */
export async function runKehu(argv: readonly string[], cwd = ROOT, env: Readonly<Record<string, string | undefined>> = process.env): Promise<KehuRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    stdin: process.stdin,
    cwd,
    env,
    setExitCode: () => undefined,
  })
  return { code, stdout, stderr }
}
