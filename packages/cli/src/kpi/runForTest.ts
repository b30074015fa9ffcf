/**
 * Runs `kehu` in-process with captured streams, for the tests of the analysis commands.
 * @module
 */
import { Writable } from 'node:stream'

import { runCli } from '../program.js'

/** What a run printed and its exit code. */
export interface CapturedRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** The repository root: sample exports are under `examples/exports`. */
export const REPOSITORY_ROOT = new URL('../../../../', import.meta.url).pathname

/** Runs `kehu …argv` with `cwd` (default the repository root); stdout and stderr are not terminals. */
export async function runKehu(argv: readonly string[], cwd = REPOSITORY_ROOT): Promise<CapturedRun> {
  let stdout = ''
  let stderr = ''
  const sink = (append: (text: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        append(typeof chunk === 'string' ? chunk : chunk.toString('utf8'))
        callback()
      },
    })
  const code = await runCli(argv, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    stdin: process.stdin,
    cwd,
    env: {},
    setExitCode: () => undefined,
  })
  return { code, stdout, stderr }
}

/** Parses `-f json` output into its records. */
export function jsonRows(run: CapturedRun): Record<string, string>[] {
  if (run.code !== 0) throw new Error(`kehu exited ${run.code}: ${run.stderr}`)
  return JSON.parse(run.stdout) as Record<string, string>[]
}
