import { parseArgs } from 'node:util'

import { jwtSecretFromEnv, signStaffToken } from './token.js'

// pnpm --filter @kehu/graphql token -- --staff staff-zhou [--hours 8]
// pnpm passes the `--` separator through: drop it so that the options after it are read.
const args = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'))
const { values } = parseArgs({ args, options: { staff: { type: 'string' }, hours: { type: 'string', default: '8' } }, allowPositionals: true })
if (values.staff === undefined) {
  console.error('usage: token --staff <staff id> [--hours 8]')
  process.exit(2)
}
console.log(await signStaffToken(values.staff, jwtSecretFromEnv(process.env, true), { expiresInSeconds: Number(values.hours) * 3600 }))
