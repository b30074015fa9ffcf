import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { defineConfig } from 'prisma/config'

import { databaseUrl } from './src/db/url.js'

// The CLI runs on the JavaScript schema engine with the better-sqlite3 driver adapter: no
// engine binary is downloaded. The database is the one DATABASE_URL names (see src/db/url.ts).
export default defineConfig({
  experimental: { adapter: true },
  schema: 'prisma/schema.prisma',
  engine: 'js',
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
})
