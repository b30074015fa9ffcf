// Throughput and latency of the gateway's hottest read: a page of 20 customers with owner, tier and
// last visit, as the director sees it. Migrates and seeds a temporary database, starts the gateway
// in a child process as a deployment runs it (production mode, one worker process per core, real
// HTTP, the same code as `serve`), then drives it with wrk when it is installed (a C load generator
// that leaves the cores to the gateway), else with autocannon. Prints figures; asserts nothing but
// the shape of one response.
//
// Two runs, each of BENCH_SECONDS:
// - closed loop: every connection sends its next request as soon as the last is answered, so the
//   gateway runs flat out. It measures capacity (requests/s) and CPU per request; its latency is
//   mostly waiting behind the other connections' requests (32 connections ÷ throughput on average).
// - offered rate: BENCH_RATE requests a second (default 2,000) sent on a fixed schedule spread over
//   the same connections, as clients that do not wait for each other. It measures the latency a
//   client sees while the gateway serves that load. A request that could not be sent on time (its
//   connection still waiting for the previous answer) is counted as sent late, by more than 1 ms:
//   its wait before sending is not in the latency, so a run with many of them understates it.
//
//   pnpm --filter @kehu/graphql bench                  # 32 connections, 10 s, one worker per core
//   BENCH_SECONDS=30 BENCH_CONNECTIONS=64 pnpm --filter @kehu/graphql bench
//   BENCH_WORKERS=1 pnpm --filter @kehu/graphql bench   # KEHU_WORKERS=1: a single gateway process
//   BENCH_RATE=3000 pnpm --filter @kehu/graphql bench   # offered rate; 0 skips that run
//   BENCH_TOOL=autocannon pnpm --filter @kehu/graphql bench
//   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" pnpm --filter @kehu/graphql bench
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'

import autocannon from 'autocannon'

import { signStaffToken } from '../src/auth/token.js'
import { createPrismaClient } from '../src/db/client.js'
import { migrateDatabase } from '../src/db/migrate.js'
import { seedDemoCompany } from '../src/db/seed.js'
import { listeningUrl, spawnServer } from '../src/test/serverProcess.js'
import { tempDatabase } from '../src/test/tempDatabase.js'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10)
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32)
const WORKERS = Number(process.env['BENCH_WORKERS'] ?? availableParallelism())
const RATE = Number(process.env['BENCH_RATE'] ?? 2000)
const TOOL = process.env['BENCH_TOOL'] ?? (hasWrk() ? 'wrk' : 'autocannon')
for (const [name, value] of Object.entries({ BENCH_SECONDS: SECONDS, BENCH_CONNECTIONS: CONNECTIONS, BENCH_WORKERS: WORKERS, BENCH_RATE: RATE })) {
  if (!Number.isSafeInteger(value) || value < 0 || (value === 0 && name !== 'BENCH_RATE')) throw new Error(`${name} must be a whole number${name === 'BENCH_RATE' ? ' ≥ 0' : ' > 0'}, got ${JSON.stringify(process.env[name])}`)
}
const SECRET = 'bench-secret-bench-secret-bench-secret-00'

/** What one load run measured, whichever tool ran it. */
interface LoadResult {
  readonly requests: number
  readonly seconds: number
  readonly errors: number
  readonly non2xx: number
  readonly timeouts: number
  readonly p50: number
  readonly p90: number
  readonly p99: number
  readonly max: number
  /** Offered-rate runs with wrk: requests sent more than 1 ms after their slot in the schedule. */
  readonly late?: number
}

const db = tempDatabase()
let child: ChildProcess | undefined
try {
  migrateDatabase(db.url)
  const prisma = await createPrismaClient(db.url)
  await seedDemoCompany(prisma)
  const customers = await prisma.customer.count()
  await prisma.$disconnect()

  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(/\s+/).filter((a) => a !== '')
  child = spawnServer({ NODE_ENV: 'production', DATABASE_URL: db.url, KEHU_JWT_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', KEHU_WORKERS: String(WORKERS) }, nodeArgs)
  const endpoint = await listeningUrl(child)
  const token = await signStaffToken('staff-zhao', SECRET)
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }

  const visitSelection = await lastVisitSelection(endpoint, headers)
  const query = `query Page { customers(first: 20, orderBy: NAME_ASC) { edges { node { id name tier owner { staffId name } ${visitSelection} } } pageInfo { hasNextPage endCursor } } }`
  const body = JSON.stringify({ query })
  const check = (await (await fetch(endpoint, { method: 'POST', headers, body })).json()) as { errors?: unknown; data?: { customers: { edges: unknown[] } } }
  if (check.errors !== undefined || check.data?.customers.edges.length !== 20) throw new Error(`unexpected response: ${JSON.stringify(check).slice(0, 500)}`)

  const run = (duration: number, rate = 0): Promise<LoadResult> => (TOOL === 'wrk' ? wrk(endpoint, headers, body, duration, rate) : autocannonRun(endpoint, headers, body, duration, rate))
  const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  const hostLoop = hostLoopMs()
  const rssBefore = rssMiB(child.pid!)
  await run(3) // warm-up: JIT, caches, SQLite page cache, every worker reached
  const rssWarm = rssMiB(child.pid!)
  const cpuBefore = cpuSeconds(child.pid!)
  const machineBefore = machineTicks()
  // RSS every half second of the run: a leak climbs, a collected heap saws up and down.
  const rssSamples: number[] = []
  const sampler = setInterval(() => rssSamples.push(rssMiB(child!.pid!)), 500)
  const result = await run(SECONDS)
  clearInterval(sampler)
  const gatewaySeconds = cpuSeconds(child.pid!) - cpuBefore
  const machine = machineTicks()
  const cpuPerRequestMs = (gatewaySeconds * 1000) / Math.max(1, result.requests)
  const busySeconds = (machine.busy - machineBefore.busy) / 100
  const coreSeconds = (machine.total - machineBefore.total) / 100
  const stealSeconds = (machine.steal - machineBefore.steal) / 100
  const rssAfter = rssMiB(child.pid!)
  const half = Math.floor(rssSamples.length / 2)
  const rssFirstHalf = Math.max(...rssSamples.slice(0, half))
  const rssSecondHalf = Math.max(...rssSamples.slice(half))
  const processes = 1 + childrenOf(child.pid!).length
  const hostLoopOffered = RATE > 0 ? hostLoopMs() : 0
  const machineBeforeOffered = machineTicks()
  const offered = RATE > 0 ? await run(SECONDS, RATE) : undefined
  const machineOffered = machineTicks()

  console.log(`customers page bench: ${customers} customers on file, page of 20 with owner, tier, ${visitSelection === '' ? 'no visit field' : visitSelection}`)
  console.log(`  ${CONNECTIONS} connections, ${SECONDS} s, ${TOOL} on the same machine (${availableParallelism()} cores), production mode, ${WORKERS <= 1 ? 'one gateway process' : `KEHU_WORKERS=${WORKERS} (a primary and ${WORKERS} worker processes)`}`)
  console.log(`  closed loop, each connection sending as soon as it is answered:`)
  console.log(`  requests/s   ${(result.requests / result.seconds).toFixed(0)} (total ${result.requests}, errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts})`)
  console.log(`  latency ms   p50 ${fmt(result.p50)}  p90 ${fmt(result.p90)}  p99 ${fmt(result.p99)}  max ${fmt(result.max)}`)
  // CPU time per request does not depend on how many other processes share the cores, unlike requests/s.
  console.log(`  gateway CPU  ${cpuPerRequestMs.toFixed(2)} ms per request, all gateway processes (at most ${(1000 / cpuPerRequestMs).toFixed(0)} requests/s per fully available core)`)
  console.log(`  RSS MiB      before ${rssBefore.toFixed(1)}  after warm-up ${rssWarm.toFixed(1)}  after run ${rssAfter.toFixed(1)} (${processes} processes together); highest in the first half of the run ${rssFirstHalf.toFixed(1)}, in the second ${rssSecondHalf.toFixed(1)}`)
  // The cores are shared: the load generator and anything else running take their part of them, and
  // the host of the virtual machine takes its own (steal). Per-process CPU time is counted in ticks
  // and includes stolen time, so with steal the gateway's CPU per request reads high.
  console.log(`  machine      ${((busySeconds / coreSeconds) * 100).toFixed(0)}% of ${availableParallelism()} cores busy during the run: gateway ${((gatewaySeconds / coreSeconds) * 100).toFixed(0)}%, load generator and other processes ${((Math.max(0, busySeconds - gatewaySeconds) / coreSeconds) * 100).toFixed(0)}%, taken by the host (steal) ${((stealSeconds / coreSeconds) * 100).toFixed(0)}%; load average before the run ${loadBefore}`)
  console.log(`  host speed   a fixed arithmetic loop took ${hostLoop.toFixed(3)} ms before the run (the same loop every run: higher means a slower host)`)
  if (offered !== undefined) {
    console.log(`  offered ${RATE} requests/s on a fixed schedule over the same connections:`)
    const late = offered.late === undefined ? '' : `, sent late ${offered.late} (${((100 * offered.late) / Math.max(1, offered.requests)).toFixed(1)}%)`
    console.log(`  requests/s   ${(offered.requests / offered.seconds).toFixed(0)} (total ${offered.requests}, errors ${offered.errors}, non-2xx ${offered.non2xx}, timeouts ${offered.timeouts}${late})`)
    console.log(`  latency ms   p50 ${fmt(offered.p50)}  p90 ${fmt(offered.p90)}  p99 ${fmt(offered.p99)}  max ${fmt(offered.max)}`)
    const share = (ticks: number): string => `${((100 * ticks) / (machineOffered.total - machineBeforeOffered.total)).toFixed(0)}%`
    console.log(`  machine      ${share(machineOffered.busy - machineBeforeOffered.busy)} of ${availableParallelism()} cores busy during the run, taken by the host (steal) ${share(machineOffered.steal - machineBeforeOffered.steal)}; the host loop took ${hostLoopOffered.toFixed(3)} ms before it`)
  }
} finally {
  child?.kill('SIGTERM')
  db.remove()
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(0)
}

function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
    return true
  } catch (error) {
    // wrk --version exits 1 after printing its version: it is there when it could be started.
    return (error as { code?: string }).code !== 'ENOENT'
  }
}

/**
 * One wrk run (one thread: it keeps 32 connections busy with a fraction of a core). With `rate`
 * > 0, requests leave on a fixed schedule, one every 1/rate s, each on whichever connection is
 * free first; wrk's `delay` hook holds a connection until its request's slot (whole milliseconds).
 */
async function wrk(url: string, headers: Record<string, string>, body: string, seconds: number, rate: number): Promise<LoadResult> {
  const script = join(db.dir, 'bench.lua')
  // A JSON string literal reads as the same Lua string literal (the escapes used are \" \\ \n).
  const lua = (text: string): string => JSON.stringify(text)
  const schedule = [
    'local ffi = require("ffi")',
    'ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } bench_timespec; int clock_gettime(int clock, bench_timespec *time); ]]',
    'local now = ffi.new("bench_timespec")',
    'local function nowMs() ffi.C.clock_gettime(1, now); return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6 end',
    `local interval, start, sent = ${1000 / rate}, nil, 0`,
    'late = 0',
    'delay = function()',
    '  local t = nowMs()',
    '  if start == nil then start = t end',
    '  local wait = start + sent * interval - t',
    '  sent = sent + 1',
    '  if wait < -1 then late = late + 1 end',
    '  if wait <= 0 then return 0 end',
    '  return math.floor(wait + 0.5)',
    'end',
  ]
  writeFileSync(
    script,
    [
      'wrk.method = "POST"',
      `wrk.body = ${lua(body)}`,
      ...Object.entries(headers).map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}`),
      ...(rate > 0 ? schedule : ['late = 0']),
      // `done` runs in wrk's main Lua state; each thread's count is read through its handle.
      'local threads = {}',
      'setup = function(thread) table.insert(threads, thread) end',
      'done = function(summary, latency, requests)',
      '  local e, late = summary.errors, 0',
      '  for _, thread in ipairs(threads) do late = late + thread:get("late") end',
      '  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration, e.connect + e.read + e.write, e.status, e.timeout,',
      '    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, late))',
      'end',
    ].join('\n'),
  )
  const output = await new Promise<string>((resolve, reject) => {
    const process = spawn('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, url], { stdio: ['ignore', 'pipe', 'inherit'] })
    let text = ''
    process.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
    process.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${String(code)}: ${text}`))))
  })
  const match = /RESULT ([\d ]+)/.exec(output)
  if (match === null) throw new Error(`no result from wrk: ${output}`)
  const [requests, durationUs, errors, non2xx, timeouts, p50, p90, p99, max, late] = match[1]!.trim().split(' ').map(Number) as [number, number, number, number, number, number, number, number, number, number]
  const result = { requests, seconds: durationUs / 1e6, errors, non2xx, timeouts, p50: p50 / 1000, p90: p90 / 1000, p99: p99 / 1000, max: max / 1000 }
  return rate > 0 ? { ...result, late } : result
}

/** One autocannon run; with `rate` > 0 it spreads that many requests a second over the connections. */
async function autocannonRun(url: string, headers: Record<string, string>, body: string, duration: number, rate: number): Promise<LoadResult> {
  const result = await autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration, ...(rate > 0 ? { overallRate: rate } : {}) })
  return { requests: result.requests.total, seconds: result.duration, errors: result.errors, non2xx: result.non2xx, timeouts: result.timeouts, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max }
}

/** `lastVisit { startAt }` when Customer has it, else the latest visit through `visits`, else nothing. */
async function lastVisitSelection(endpoint: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query: '{ __type(name: "Customer") { fields { name args { name } } } }' }) })
  const result = (await response.json()) as { data: { __type: { fields: { name: string; args: { name: string }[] }[] } } }
  const fields = result.data.__type.fields
  if (fields.some((f) => f.name === 'lastVisit')) return 'lastVisit { startAt }'
  const visits = fields.find((f) => f.name === 'visits')
  if (visits !== undefined && visits.args.some((a) => a.name === 'first')) return 'visits(first: 1) { edges { node { startAt } } }'
  return ''
}


/** User + system CPU seconds of the gateway: the process and its workers (Linux /proc, 100 ticks a second). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return ticks / 100 + childrenOf(pid).reduce((sum, child) => sum + cpuSeconds(child), 0)
}

function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter((c) => c !== '').map(Number)
}

/** Busy and total CPU ticks of the whole machine, all cores (Linux /proc/stat, 100 ticks a second). */
/**
 * How fast the host runs the cores just now: the median time of a fixed loop of integer arithmetic
 * (25,000 steps, 200 passes, about 0.1 s). The host of a virtual machine may slow the cores without
 * taking them (steal stays low), and CPU per request then reads high for the same code. About
 * 0.6 ms on these machines when the host is fast, above 1 ms when it is not. It does not see every
 * slowdown: the gateway's CPU per request has doubled with this loop unchanged (memory, not
 * arithmetic, slowed), so compare runs taken close together.
 */
function hostLoopMs(): number {
  const times: number[] = []
  let sink = 0
  for (let pass = 0; pass < 200; pass += 1) {
    const start = performance.now()
    let x = 0
    for (let i = 0; i < 25_000; i += 1) x = (x * 1103515245 + i) % 2147483647
    sink ^= x
    times.push(performance.now() - start)
  }
  if (sink === -1) console.log('') // keeps the loop from being optimised away
  return times.sort((a, b) => a - b)[times.length >> 1]!
}

function machineTicks(): { busy: number; steal: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
  const ticks = fields.map(Number)
  const total = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0)
  const idle = ticks[3]! + ticks[4]!
  const steal = ticks[7]!
  return { busy: total - idle - steal, steal, total }
}

/** Resident memory of the gateway: the process and its workers (Linux /proc). */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN)
  return kib / 1024 + childrenOf(pid).reduce((sum, child) => sum + rssMiB(child), 0)
}
