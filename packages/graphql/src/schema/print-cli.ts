import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { printedSchema } from './print.js'

// pnpm --filter @kehu/graphql schema:print → packages/graphql/schema.graphql
const file = fileURLToPath(new URL('../../schema.graphql', import.meta.url))
writeFileSync(file, printedSchema())
console.log(`wrote ${file}`)
