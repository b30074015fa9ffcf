/**
 * Runs one of the GraphQL gateway's own entry points (`src/server.ts`, `src/db/migrate-cli.ts`,
 * …) in a child process on its TypeScript sources. Those entry points run on import (they are
 * scripts, not functions), and the gateway ships no build: a child process with tsx is the one
 * way to run them that works both from the repository and from a built `kehu`.
 * @module
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

import type { CliRuntime } from '../io/command.js'
import { UsageError } from '../io/usageError.js'

/** The gateway package's directory and the tsx command line interface to run its sources with. */
function locate(): { packageDir: string; tsxCli: string } {
  const require = createRequire(import.meta.url)
  let packageJson: string
  try {
    packageJson = require.resolve('@kehu/graphql/package.json')
  } catch (cause) {
    throw new UsageError('找不到 @kehu/graphql 网关包；请在仓库中安装依赖后再试', 'the @kehu/graphql gateway package is not installed; install the repository’s dependencies first', { cause })
  }
  const packageDir = dirname(packageJson)
  let tsxCli: string
  try {
    tsxCli = createRequire(packageJson).resolve('tsx/cli')
  } catch (cause) {
    throw new UsageError('找不到 tsx，无法运行网关源代码；请安装仓库的开发依赖', 'tsx is not installed, so the gateway’s sources cannot run; install the repository’s development dependencies', { cause })
  }
  return { packageDir, tsxCli }
}

/** Options of {@link runGatewayScript}. */
export interface GatewayScriptOptions {
  /** Extra environment (DATABASE_URL, PORT, …). */
  readonly env?: Readonly<Record<string, string>>
  /** Arguments after the script. */
  readonly args?: readonly string[]
}

/**
 * Runs `script` (relative to the gateway package, e.g. `src/db/migrate-cli.ts`) with the
 * runtime's working directory, piping its output to the runtime's streams; forwards Ctrl-C and
 * termination. Resolves with the exit code `kehu` should end with.
 */
export async function runGatewayScript(script: string, runtime: CliRuntime, options: GatewayScriptOptions = {}): Promise<0 | 1 | 2> {
  const { packageDir, tsxCli } = locate()
  const child = spawn(process.execPath, [tsxCli, '--conditions=@kehu/source', join(packageDir, script), ...(options.args ?? [])], {
    cwd: runtime.cwd,
    env: { ...runtime.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.pipe(runtime.stdout, { end: false })
  child.stderr.pipe(runtime.stderr, { end: false })
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal)
  }
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (exitCode, signal) => resolve(exitCode ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)))
    })
    return code === 0 ? 0 : code === 2 ? 2 : 1
  } finally {
    process.off('SIGINT', forward)
    process.off('SIGTERM', forward)
  }
}
