/**
 * The main example: from a sample company's export (data/sample-company.json) print
 *   1. a commission statement per person and project (R-COM-1..8),
 *   2. the manager KPI table and scorecard for the period (R-KPI-7/8),
 *   3. the dispatch deadline of a service call on the China working calendar (R-CAL-3).
 *
 * Run it with `npx -y pnpm@10.34.8 install --frozen-lockfile && npx -y pnpm@10.34.8 start`.
 */
import { readFileSync } from 'node:fs'

import { buildStatement } from './statementReport.js'

const data: unknown = JSON.parse(readFileSync(new URL('./data/sample-company.json', import.meta.url), 'utf8'))
process.stdout.write(buildStatement(data))
