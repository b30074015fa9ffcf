import { migrateDatabase } from './migrate.js'
import { databaseUrl } from './url.js'

// `pnpm db:migrate`: applies the committed migrations to DATABASE_URL (default file:<cwd>/kehu.db).
const url = databaseUrl()
const report = migrateDatabase(url)
console.log(`${url}: ${report.applied.length} migration(s) applied${report.applied.length > 0 ? ` (${report.applied.join(', ')})` : ''}, ${report.alreadyApplied.length} already applied`)
