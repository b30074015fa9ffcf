/**
 * Bench of `kehu commission` against the same computation in pandas.
 *
 * Generates a projects export (default 1,000,000 rows), runs the built `kehu commission` on it
 * and `commission_pandas.py` on Debian's python3-pandas, each under `/usr/bin/time` for wall
 * time and peak resident memory, checks that both wrote the same statement byte for byte (the
 * pandas script writes every column, line, note and total `kehu commission` writes), and prints
 * the figures side by side.
 *
 *   pnpm --filter @kehu/cli bench                      # 1,000,000 rows
 *   pnpm --filter @kehu/cli bench -- --rows 100000,1000000
 *
 * Needs `/usr/bin/time` and `/usr/bin/python3` with pandas
 * (`apt-get install -y --no-install-recommends python3-pandas`).
 * @module
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { generateProjects } from './generateProjects.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const bin = join(here, '..', 'dist', 'bin.js')
const pandasScript = join(here, 'commission_pandas.py')

interface Measured {
  readonly seconds: number
  /** User + system CPU seconds: comparable even when the machine is busy with other work. */
  readonly cpuSeconds: number
  readonly peakMb: number
  readonly stdout: string
}

/** Runs a command under GNU time and returns its wall time, peak RSS and stdout. */
function measure(command: string, args: readonly string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'BENCH_TIME %e %M %U %S', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const match = /BENCH_TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/u.exec(stderr)
      if (code !== 0 || match === null) {
        reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr.slice(-2000)}`))
        return
      }
      resolve({ seconds: Number(match[1]), peakMb: Number(match[2]) / 1024, cpuSeconds: Number(match[3]) + Number(match[4]), stdout })
    })
  })
}

/** SHA-256 of a file, read as a stream (a million-row statement is about 190 MB). */
async function digest(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function lastLine(path: string): Promise<string> {
  const text = await readFile(path, 'utf8')
  return text.trimEnd().slice(text.trimEnd().lastIndexOf('\n') + 1)
}

const { values } = parseArgs({ args: process.argv.slice(2).filter((arg) => arg !== '--'), options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean', default: false } } })
const sizes = (values.rows ?? '1000000').split(',').map((text) => Number(text.replaceAll('_', '')))
if (sizes.some((rows) => !Number.isSafeInteger(rows) || rows < 1)) throw new Error(`--rows must list whole numbers, got ${values.rows}`)
if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm --filter @kehu/cli build\` first`)

const dir = join(tmpdir(), 'kehu-commission-bench')
await mkdir(dir, { recursive: true })
const results: string[] = []
for (const rows of sizes) {
  const input = join(dir, `projects-${rows}.csv`)
  const started = performance.now()
  await generateProjects(input, rows)
  const size = (await stat(input)).size / 1024 / 1024
  console.log(`generated ${rows.toLocaleString('en')} projects (${size.toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${input}`)
  const kehuOut = join(dir, `kehu-${rows}.csv`)
  const pandasOut = join(dir, `pandas-${rows}.csv`)
  const kehu = await measure(process.execPath, [bin, 'commission', input, '-o', kehuOut])
  console.log(`kehu   ${kehu.seconds.toFixed(1)} s (CPU ${kehu.cpuSeconds.toFixed(1)} s), peak ${kehu.peakMb.toFixed(0)} MB`)
  const pandas = await measure('/usr/bin/python3', [pandasScript, input, pandasOut])
  console.log(`pandas ${pandas.seconds.toFixed(1)} s (CPU ${pandas.cpuSeconds.toFixed(1)} s), peak ${pandas.peakMb.toFixed(0)} MB`)
  const kehuTotal = (await lastLine(kehuOut)).split(',')[7] ?? '?'
  const pandasTotal = (await lastLine(pandasOut)).split(',')[7] ?? '?'
  const same = (await digest(kehuOut)) === (await digest(pandasOut))
  if (!same) process.exitCode = 1
  results.push(
    `${rows.toLocaleString('en').padStart(10)}  ${kehu.seconds.toFixed(1).padStart(8)} s  ${kehu.cpuSeconds.toFixed(1).padStart(8)} s  ${kehu.peakMb.toFixed(0).padStart(6)} MB  ${pandas.seconds.toFixed(1).padStart(8)} s  ${pandas.cpuSeconds.toFixed(1).padStart(8)} s  ${pandas.peakMb.toFixed(0).padStart(6)} MB  ${(pandas.cpuSeconds / kehu.cpuSeconds).toFixed(2).padStart(6)}×  ${same ? `identical (grand total ${kehuTotal})` : `DIFFER: grand totals kehu ${kehuTotal}, pandas ${pandasTotal}`}`,
  )
  if (values.keep !== true) await Promise.all([input, kehuOut, pandasOut].map((path) => rm(path, { force: true })))
}
console.log('\nkehu commission vs pandas (wall time, user+system CPU time and peak RSS from /usr/bin/time;')
console.log('speed = pandas CPU time ÷ kehu CPU time, above 1 means kehu is faster)')
console.log('      rows   kehu wall    kehu CPU  kehu RSS  pandas wall  pandas CPU  pandas RSS   speed  statements')
for (const line of results) console.log(line)
