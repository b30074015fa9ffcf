import type { Database } from 'better-sqlite3'
import { GraphQLError } from 'graphql'
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga'

import { createActorResolver } from './auth/actorCache.js'
import { bearerToken } from './auth/token.js'
import { isWriteContention } from './db/errors.js'
import { staffFromRow } from './db/mappers.js'
import { compiledExecutionPlugins, resolveCompiledExecution, type CompiledExecution } from './execution/compiledExecution.js'
import type { PrismaClient } from './generated/prisma/client.js'
import { CustomerPageReader } from './read/customerPage.js'
import { operationLimitPlugins, resolveOperationLimits, type OperationLimits } from './limits/operationLimits.js'

import type { Context } from './schema/builder.js'
import { schema } from './schema/index.js'

export interface AppOptions {
  /** The Prisma client the gateway reads and writes through (the caller owns it). */
  readonly prisma: PrismaClient
  /** The HS256 secret bearer tokens are signed with. */
  readonly jwtSecret: string
  /** The clock; **default** the system clock. */
  readonly now?: () => Date
  /** GraphiQL on GET /graphql; **default** when NODE_ENV is not production. */
  readonly graphiql?: boolean
  /**
   * Depth, cost, alias, token and body-size limits of every request, over {@link defaultOperationLimits}
   * (depth 10, cost 10000, aliases 15, tokens 5000, 1 MiB of body, field suggestions hidden in production).
   */
  readonly limits?: Partial<OperationLimits>
  /**
   * How long (real milliseconds) the acting staff row may be reused between requests; **default**
   * 0: read on every request, so a departure or a role change is seen at once. The server sets 1000
   * (`KEHU_ACTOR_CACHE_MS`): a staff member who leaves keeps access at most one second longer.
   */
  readonly actorCacheMs?: number
  /**
   * A better-sqlite3 connection on the same database file ({@link openReadDatabase}), for the hot
   * read paths (the customer list with owner and last visit) in plain prepared SQL; **default**
   * none: every read goes through Prisma. The caller owns it (close it at shutdown).
   */
  readonly readDatabase?: Database
  /**
   * When a client's operation is compiled to one JavaScript function (graphql-jit) and run compiled
   * from then on: the same resolvers and the same answers, at about four fifths of the CPU on the
   * customer page; **default** `{ afterRuns: 1 }`, from an operation's second run (an operation
   * sent once is not worth compiling); `{ afterRuns: 0 }` compiles at once, `false` never.
   * Compiling turns V8's compilation cache off for the process (it would keep every compiled
   * operation until the heap nears its limit; see docs/api.md, Compiled execution).
   */
  readonly compileOperations?: CompiledExecution | false
}

/**
 * The yoga instance of the gateway: `yoga.fetch(request)` in tests, `createServer(yoga)` to listen.
 * Each request's context carries the authenticated staff member (from `Authorization: Bearer`),
 * the clock and the client. Error masking stays on: only errors meant for clients show.
 */
export function createApp(options: AppOptions): YogaServerInstance<Record<string, never>, Context> {
  const now = options.now ?? (() => new Date())
  const limits = resolveOperationLimits(options.limits)
  const compiled = resolveCompiledExecution(options.compileOperations)
  const actorCacheMs = options.actorCacheMs ?? 0
  if (!Number.isSafeInteger(actorCacheMs) || actorCacheMs < 0) throw new RangeError(`actorCacheMs must be a whole number of milliseconds ≥ 0, got ${String(actorCacheMs)}`)
  const actors = createActorResolver({
    secret: options.jwtSecret,
    actorTtlMs: actorCacheMs,
    loadStaff: async (id) => {
      const row = await options.prisma.staff.findUnique({ where: { id }, select: { id: true, name: true, roles: true, teamId: true, active: true } })
      return row === null ? null : staffFromRow(row)
    },
  })
  const customerPages = options.readDatabase === undefined ? undefined : new CustomerPageReader(options.readDatabase)
  return createYoga<Record<string, never>, Context>({
    schema,
    graphiql: options.graphiql ?? process.env['NODE_ENV'] !== 'production',
    plugins: [...operationLimitPlugins(limits), ...compiledExecutionPlugins(compiled)],
    // Enforced by operationLimitPlugins (maxRequestBytes) without a stream per declared-length body.
    maxRequestBodySize: false,
    maskedErrors: {
      maskError: (error, message, isDev) => {
        if (isClientError(error)) return error as Error
        if (causeChain(error).some((cause) => isWriteContention(cause) || isTransactionStartTimeout(cause))) return databaseBusyError(error)
        return maskError(error, message, isDev)
      },
    },
    context: async ({ request }): Promise<Context> => {
      const at = now()
      const actor = await actors.actor(bearerToken(request.headers.get('authorization')), at)
      return customerPages === undefined ? { prisma: options.prisma, actor, now: at } : { prisma: options.prisma, actor, now: at, customerPages }
    },
  })
}

/** The code of {@link databaseBusyError}. */
export const DATABASE_BUSY = 'DATABASE_BUSY'

const BUSY_ZH = '数据库正忙于其他写入，请稍后重试'
const BUSY_EN = 'the database is busy with other writes; try again shortly'

/**
 * A write that waited its whole time for SQLite's write lock (other processes writing the same
 * file, see docs/storage.md), that SQLite refused for contention, or that waited too long behind
 * the process's other writes to begin at all. The client may simply send it again, so it is told
 * so (`extensions.code = "DATABASE_BUSY"`, both languages) instead of the masked "Unexpected
 * error". Nothing of it was written: its transaction never began or was rolled back.
 */
function databaseBusyError(error: unknown): GraphQLError {
  const at = error instanceof GraphQLError ? error : undefined
  return new GraphQLError(`${BUSY_EN} (${BUSY_ZH})`, {
    ...(at === undefined ? {} : { nodes: at.nodes ?? null, source: at.source, positions: at.positions, path: at.path }),
    extensions: { code: DATABASE_BUSY, messageZh: BUSY_ZH, messageEn: BUSY_EN },
  })
}

/**
 * Prisma's "Unable to start a transaction in the given time" (P2028 past `maxWait`): the process
 * had so many writes queued for its connection that this one never began.
 */
function isTransactionStartTimeout(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown }
  return code === 'P2028' && typeof message === 'string' && message.includes('Unable to start a transaction in the given time')
}

/** `error` and the errors it wraps (`originalError`), outermost first. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = []
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth += 1) {
    chain.push(current)
    current = (current as { originalError?: unknown }).originalError
  }
  return chain
}

/**
 * Whether an error is meant for the client: a GraphQL error all the way down its `originalError`
 * chain (an authentication or access refusal, a bad scalar). Compared by name rather than by
 * class, so that a second copy of the graphql module does not turn it into "Unexpected error".
 * Anything else (a database or programming error) is masked.
 */
function isClientError(error: unknown): boolean {
  const chain = causeChain(error)
  const innermost = chain.at(-1) as { originalError?: unknown } | undefined
  return chain.length > 0 && chain.every((link) => (link as Error).name === 'GraphQLError') && (innermost?.originalError === undefined || innermost.originalError === null)
}

export { openReadDatabase } from './db/readDatabase.js'
export { CompiledExecutionError, defaultCompiledExecution, type CompiledExecution } from './execution/compiledExecution.js'
export { defaultOperationLimits, OperationLimitCode, OperationLimitsError, type OperationLimits } from './limits/operationLimits.js'
