/**
 * The gateway commands: `kehu serve`, `kehu db migrate|seed` and `kehu token <staffId>`, each
 * delegating to the GraphQL gateway's own entry point.
 * @module
 */
import type { Command } from 'commander'

import type { CliRuntime, CommandRegistrar } from '../io/command.js'
import { UsageError } from '../io/usageError.js'
import { runGatewayScript } from './gatewayScript.js'

interface DatabaseOption {
  readonly database?: string
}

function databaseEnv(values: DatabaseOption): Record<string, string> {
  return values.database === undefined ? {} : { DATABASE_URL: values.database }
}

/** Reads a whole number ≥ 0 option. */
function wholeNumber(text: string, name: string): string {
  if (!/^\d+$/u.test(text.trim())) throw new UsageError(`${name} 必须是不小于 0 的整数，实际为 ${JSON.stringify(text)}`, `${name} must be a whole number ≥ 0, got ${JSON.stringify(text)}`)
  return text.trim()
}

/** Registers `serve`, `db` and `token`. */
export const registerGateway: CommandRegistrar = (program: Command, runtime: CliRuntime) => {
  const exit = (code: 0 | 1 | 2): void => runtime.setExitCode(code)

  program
    .command('serve')
    .summary('启动 GraphQL 网关 serve the GraphQL gateway')
    .description('迁移数据库、空库时写入演示公司，然后在 /graphql 提供服务 / Migrates the database, seeds the demo company when it is empty, and serves /graphql (GraphiQL and a development token outside production).')
    .option('--database <url>', '数据库 SQLite database URL (default: DATABASE_URL or file:<cwd>/kehu.db)')
    .option('--port <port>', '端口 port (default: PORT or 4000; 0 picks a free one)')
    .option('--host <host>', '地址 host (default: HOST or localhost)')
    .addHelpText('after', '\nExamples:\n  $ kehu serve\n  $ kehu serve --port 8080 --database file:./company.db\n  $ NODE_ENV=production KEHU_JWT_SECRET=… kehu serve --host 0.0.0.0')
    .action(async (values: DatabaseOption & { port?: string; host?: string }) => {
      const env: Record<string, string> = { ...databaseEnv(values) }
      if (values.port !== undefined) env['PORT'] = wholeNumber(values.port, '--port')
      if (values.host !== undefined) env['HOST'] = values.host
      exit(await runGatewayScript('src/server.ts', runtime, { env }))
    })

  const db = program
    .command('db')
    .summary('数据库 migrate or seed the gateway’s database')
    .description('网关数据库 / The gateway’s SQLite database.')
    .addHelpText('after', '\nExamples:\n  $ kehu db migrate\n  $ kehu db seed --database file:./demo.db')
  db.command('migrate')
    .description('应用已提交的迁移 / Applies the committed migrations.')
    .option('--database <url>', '数据库 SQLite database URL (default: DATABASE_URL or file:<cwd>/kehu.db)')
    .addHelpText('after', '\nExample:\n  $ kehu db migrate --database file:./kehu.db')
    .action(async (values: DatabaseOption) => {
      exit(await runGatewayScript('src/db/migrate-cli.ts', runtime, { env: databaseEnv(values) }))
    })
  db.command('seed')
    .description('迁移并在空库中写入演示公司 / Migrates, then writes the demo company into an empty database.')
    .option('--database <url>', '数据库 SQLite database URL (default: DATABASE_URL or file:<cwd>/kehu.db)')
    .addHelpText('after', '\nExample:\n  $ kehu db seed')
    .action(async (values: DatabaseOption) => {
      exit(await runGatewayScript('src/db/seed-cli.ts', runtime, { env: databaseEnv(values) }))
    })

  program
    .command('token')
    .summary('签发访问令牌 sign a gateway access token for a staff member')
    .description('为员工签发网关访问令牌（密钥取自 KEHU_JWT_SECRET，开发环境有默认值）/ Signs a bearer token for a staff member (secret from KEHU_JWT_SECRET; a development one otherwise).')
    .argument('<staffId>', '员工编号 staff ID, e.g. staff-zhou')
    .option('--hours <hours>', '有效小时数 hours the token is valid', '8')
    .addHelpText('after', '\nExamples:\n  $ kehu token staff-zhou\n  $ kehu token staff-qian --hours 1')
    .action(async (staffId: string, values: { hours: string }) => {
      const hours = wholeNumber(values.hours, '--hours')
      if (hours === '0') throw new UsageError('--hours 必须大于 0', '--hours must be above 0')
      exit(await runGatewayScript('src/auth/token-cli.ts', runtime, { args: ['--staff', staffId, '--hours', hours] }))
    })
}
