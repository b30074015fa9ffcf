import cluster from 'node:cluster'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { jwtSecretFromEnv, signStaffToken } from './auth/token.js'
import { databaseUrl } from './db/url.js'

// Migrates the database, seeds the demo company when it is empty, then serves /graphql.
//   DATABASE_URL        SQLite file (default file:<cwd>/kehu.db)
//   PORT, HOST          listen address (default 4000 on localhost; PORT=0 picks a free port)
//   KEHU_JWT_SECRET     token secret (required in production; a fixed development one otherwise)
//   KEHU_ACTOR_CACHE_MS how long an authenticated staff row is reused (default 1000)
//   KEHU_WORKERS        processes sharing the port (default 1); SQLite in WAL mode lets them all
//                       read at once while writes take turns. Workers run with --single-threaded-gc
//   KEHU_COMPILE_AFTER  runs of an operation before it is compiled (default 1; 0 at once; off never)
//   NODE_ENV=production no GraphiQL, no dev token, field suggestions hidden
const url = databaseUrl()
const production = process.env['NODE_ENV'] === 'production'
const secret = jwtSecretFromEnv(process.env, !production)
const workers = wholeNumber('KEHU_WORKERS', 1)
// Read here, so that a bad value stops the server before any process is started.
const actorCacheMs = wholeNumber('KEHU_ACTOR_CACHE_MS', 1000)
const compileOperations = compileAfter()

if (cluster.isPrimary && workers <= 1) {
  const seeded = await setUpDatabase()
  await serve((endpoint) => announce(endpoint, describe(seeded)))
} else if (cluster.isPrimary) {
  // The primary only hands out connections: schema and demo data are set up once by a short-lived
  // worker before any worker serves, so that the primary never loads the gateway (about 150 MiB).
  // With a worker per core, a worker's parallel garbage-collection threads only take time from the
  // other workers: each collects on its own thread.
  cluster.setupPrimary({ execArgv: [...process.execArgv, '--single-threaded-gc'] })
  const setup = cluster.fork({ KEHU_CLUSTER_ROLE: 'setup' })
  let seeded = false
  setup.on('message', (message: { seeded?: boolean }) => (seeded = message.seeded === true))
  setup.once('exit', (code) => {
    if (code !== 0) {
      console.error(`database set-up exited with ${String(code)}`)
      process.exit(1)
    }
    for (let i = 0; i < workers; i += 1) cluster.fork()
  })
  // Announced once every worker listens, so that the first requests are shared by all of them.
  let listening = 0
  cluster.on('listening', (_worker, address) => {
    listening += 1
    if (listening === workers) announce(`http://${process.env['HOST'] ?? 'localhost'}:${address.port}/graphql`, describe(seeded))
  })
  cluster.on('exit', (worker, code, signal) => {
    if (worker === setup) return
    if (code !== 0 && signal === null) console.error(`worker ${worker.process.pid ?? '?'} exited with ${code}`)
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
  })
  // Stopping the primary stops every worker, each finishing its requests.
  const stopAll = (): void => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM')
  }
  process.on('SIGINT', stopAll)
  process.on('SIGTERM', stopAll)
} else if (process.env['KEHU_CLUSTER_ROLE'] === 'setup') {
  const seeded = await setUpDatabase()
  process.send?.({ seeded }, () => process.exit(0))
} else {
  await serve(() => {})
}

function describe(seeded: boolean): string {
  return `database ${url}${seeded ? ', demo company seeded' : ''}${production ? ', production' : ''}${workers > 1 ? `, ${workers} workers` : ''}`
}

/** Migrates the database and seeds the demo company when it is empty; whether it seeded. */
async function setUpDatabase(): Promise<boolean> {
  const [{ migrateDatabase }, { createPrismaClient }, { seedDemoCompany }] = await Promise.all([import('./db/migrate.js'), import('./db/client.js'), import('./db/seed.js')])
  migrateDatabase(url)
  const prisma = await createPrismaClient(url)
  const seed = await seedDemoCompany(prisma)
  await prisma.$disconnect()
  return seed.seeded
}

/** One serving process: its own Prisma client, read connection, actor cache and duplicate tables. */
async function serve(onListening: (endpoint: string) => void): Promise<void> {
  const [{ createApp }, { warmDuplicateCandidateTables }, { createPrismaClient }, { openReadDatabase }] = await Promise.all([
    import('./app.js'),
    import('./archive/duplicateCandidates.js'),
    import('./db/client.js'),
    import('./db/readDatabase.js'),
  ])
  const prisma = await createPrismaClient(url)
  const readDatabase = openReadDatabase(url)
  const yoga = createApp({ prisma, jwtSecret: secret, actorCacheMs, readDatabase, compileOperations })
  // The duplicate check's character tables take about a second of CPU: build them before serving.
  await warmDuplicateCandidateTables()
  const server = createServer(yoga)
  // Keep connections open between a client's requests (benchmarks and browsers reuse them).
  server.keepAliveTimeout = 65_000
  const host = process.env['HOST'] ?? 'localhost'
  server.listen(wholeNumber('PORT', 4000), host, () => {
    const { port } = server.address() as AddressInfo
    onListening(`http://${host}:${port}${yoga.graphqlEndpoint}`)
  })
  const stop = (): void => {
    server.close(() => {
      readDatabase.close()
      void prisma.$disconnect().then(() => process.exit(0))
    })
    // Idle keep-alive connections would hold close() open.
    server.closeIdleConnections()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function announce(endpoint: string, describe: string): void {
  console.log(`kehu GraphQL gateway on ${endpoint} (${describe})`)
  if (production) return
  void signStaffToken('staff-zhao', secret).then((token) => {
    console.log(`GraphiQL: open ${endpoint} in a browser; send the header  Authorization: Bearer <token>`)
    console.log(`dev token (staff-zhao, director, 8 hours): ${token}`)
    console.log(`try: curl -s ${endpoint} -H 'content-type: application/json' -H 'authorization: Bearer ${token}' -d '{"query":"{ me { name roles } }"}'`)
  })
}

/** KEHU_COMPILE_AFTER: a whole number of runs, or `off`. */
function compileAfter(): { afterRuns: number } | false {
  const text = process.env['KEHU_COMPILE_AFTER']?.trim()
  if (text === 'off') return false
  if (text !== undefined && text !== '' && !/^\d+$/.test(text)) throw new Error(`KEHU_COMPILE_AFTER must be a whole number ≥ 0 or off, got ${JSON.stringify(text)}`)
  return { afterRuns: wholeNumber('KEHU_COMPILE_AFTER', 1) }
}

function wholeNumber(name: string, fallback: number): number {
  const text = process.env[name]
  if (text === undefined || text.trim() === '') return fallback
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${JSON.stringify(text)}`)
  return value
}
