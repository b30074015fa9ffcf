import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createApp } from './app.js'
import { warmDuplicateCandidateTables } from './archive/duplicateCandidates.js'
import { jwtSecretFromEnv, signStaffToken } from './auth/token.js'
import { createPrismaClient } from './db/client.js'
import { migrateDatabase } from './db/migrate.js'
import { seedDemoCompany } from './db/seed.js'
import { databaseUrl } from './db/url.js'

// Migrates the database, seeds the demo company when it is empty, then serves /graphql.
//   DATABASE_URL        SQLite file (default file:<cwd>/kehu.db)
//   PORT, HOST          listen address (default 4000 on localhost; PORT=0 picks a free port)
//   KEHU_JWT_SECRET     token secret (required in production; a fixed development one otherwise)
//   KEHU_ACTOR_CACHE_MS how long an authenticated staff row is reused (default 1000)
//   NODE_ENV=production no GraphiQL, no dev token, field suggestions hidden
const url = databaseUrl()
migrateDatabase(url)
const prisma = await createPrismaClient(url)
const seed = await seedDemoCompany(prisma)
const production = process.env['NODE_ENV'] === 'production'
const secret = jwtSecretFromEnv(process.env, !production)
const actorCacheMs = wholeNumber('KEHU_ACTOR_CACHE_MS', 1000)
const port = wholeNumber('PORT', 4000)
const host = process.env['HOST'] ?? 'localhost'
const yoga = createApp({ prisma, jwtSecret: secret, actorCacheMs })
const server = createServer(yoga)
// The duplicate check's character tables take about a second to build: build them before the first registration.
warmDuplicateCandidateTables()
// Keep connections open between a client's requests (benchmarks and browsers reuse them).
server.keepAliveTimeout = 65_000

server.listen(port, host, () => {
  const { port: bound } = server.address() as AddressInfo
  const endpoint = `http://${host}:${bound}${yoga.graphqlEndpoint}`
  console.log(`kehu GraphQL gateway on ${endpoint} (database ${url}${seed.seeded ? ', demo company seeded' : ''}${production ? ', production' : ''})`)
  if (!production) {
    void signStaffToken('staff-zhao', secret).then((token) => {
      console.log(`GraphiQL: open ${endpoint} in a browser; send the header  Authorization: Bearer <token>`)
      console.log(`dev token (staff-zhao, director, 8 hours): ${token}`)
      console.log(`try: curl -s ${endpoint} -H 'content-type: application/json' -H 'authorization: Bearer ${token}' -d '{"query":"{ me { name roles } }"}'`)
    })
  }
})

const stop = (): void => {
  server.close(() => void prisma.$disconnect().then(() => process.exit(0)))
  // Idle keep-alive connections would hold close() open.
  server.closeIdleConnections()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

function wholeNumber(name: string, fallback: number): number {
  const text = process.env[name]
  if (text === undefined || text.trim() === '') return fallback
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${JSON.stringify(text)}`)
  return value
}
