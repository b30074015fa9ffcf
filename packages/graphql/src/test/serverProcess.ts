import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * Starts the server (`src/server.ts`) in a child process as a deployment runs it, with `env` over
 * this process's environment; its standard output is piped for {@link listeningUrl}. The caller stops it.
 */
export function spawnServer(env: NodeJS.ProcessEnv, nodeArgs: readonly string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', '--conditions=@kehu/source', 'src/server.ts'], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
}

/** The URL the server announces once it listens (every worker, with KEHU_WORKERS); rejects if it exits first. */
export function listeningUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    server.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const match = /gateway on (http:\/\/\S+)/.exec(text)
      if (match !== null) resolve(match[1]!)
    })
    server.once('exit', (code) => reject(new Error(`the gateway exited with ${String(code)} before listening`)))
  })
}
