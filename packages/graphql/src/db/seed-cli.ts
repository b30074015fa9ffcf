import { createPrismaClient } from './client.js'
import { migrateDatabase } from './migrate.js'
import { seedDemoCompany } from './seed.js'
import { databaseUrl } from './url.js'

// `pnpm db:seed`: migrates DATABASE_URL (default file:<cwd>/kehu.db) and writes the demo company
// into it when it is empty.
const url = databaseUrl()
migrateDatabase(url)
const prisma = await createPrismaClient(url)
try {
  const result = await seedDemoCompany(prisma)
  console.log(result.seeded ? `${url}: demo company written (${Object.entries(result.counts).map(([k, n]) => `${n} ${k}`).join(', ')})` : `${url}: nothing written — ${result.reason}`)
} finally {
  await prisma.$disconnect()
}
