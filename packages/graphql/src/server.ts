import { createServer } from 'node:http'

import { createApp } from './app.js'
import { jwtSecretFromEnv, signStaffToken } from './auth/token.js'
import { createPrismaClient } from './db/client.js'
import { migrateDatabase } from './db/migrate.js'
import { seedDemoCompany } from './db/seed.js'
import { databaseUrl } from './db/url.js'

// Migrates the database, seeds the demo company when it is empty, then serves /graphql.
const url = databaseUrl()
migrateDatabase(url)
const prisma = await createPrismaClient(url)
const seed = await seedDemoCompany(prisma)
const production = process.env['NODE_ENV'] === 'production'
const secret = jwtSecretFromEnv(process.env, !production)
const yoga = createApp({ prisma, jwtSecret: secret })
const port = Number(process.env['PORT'] ?? 4000)
const server = createServer(yoga)
server.listen(port, () => {
  console.log(`kehu GraphQL gateway on http://localhost:${port}${yoga.graphqlEndpoint} (database ${url}${seed.seeded ? ', demo company seeded' : ''})`)
  if (!production) {
    void signStaffToken('staff-zhao', secret).then((token) => console.log(`dev token (staff-zhao, director): ${token}`))
  }
})
const stop = (): void => {
  server.close(() => void prisma.$disconnect().then(() => process.exit(0)))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
