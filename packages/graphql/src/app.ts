import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga'

import { bearerToken, verifyStaffToken } from './auth/token.js'
import { staffFromRow } from './db/mappers.js'
import type { PrismaClient } from './generated/prisma/client.js'

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
}

/**
 * The yoga instance of the gateway: `yoga.fetch(request)` in tests, `createServer(yoga)` to listen.
 * Each request's context carries the authenticated staff member (from `Authorization: Bearer`),
 * the clock and the client. Error masking stays on: only errors meant for clients show.
 */
export function createApp(options: AppOptions): YogaServerInstance<Record<string, never>, Context> {
  const now = options.now ?? (() => new Date())
  return createYoga<Record<string, never>, Context>({
    schema,
    graphiql: options.graphiql ?? process.env['NODE_ENV'] !== 'production',
    maskedErrors: { maskError: (error, message, isDev) => (isClientError(error) ? (error as Error) : maskError(error, message, isDev)) },
    context: async ({ request }): Promise<Context> => {
      const at = now()
      const token = bearerToken(request.headers.get('authorization'))
      const staffId = token === null ? null : await verifyStaffToken(token, options.jwtSecret, at)
      const row = staffId === null ? null : await options.prisma.staff.findUnique({ where: { id: staffId } })
      return { prisma: options.prisma, actor: row === null ? null : staffFromRow(row), now: at }
    },
  })
}

/**
 * Whether an error is meant for the client: a GraphQL error all the way down its `originalError`
 * chain (an authentication or access refusal, a bad scalar). Compared by name rather than by
 * class, so that a second copy of the graphql module does not turn it into "Unexpected error".
 * Anything else (a database or programming error) is masked.
 */
function isClientError(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 10 && current instanceof Error; depth += 1) {
    if (current.name !== 'GraphQLError') return false
    const next = (current as { originalError?: unknown }).originalError
    if (next === undefined || next === null) return true
    current = next
  }
  return false
}
