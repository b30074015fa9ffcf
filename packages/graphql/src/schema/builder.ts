import SchemaBuilder, { brandWithType } from '@pothos/core'
import ErrorsPlugin from '@pothos/plugin-errors'
import PrismaPlugin from '@pothos/plugin-prisma'
import RelayPlugin from '@pothos/plugin-relay'
import ScopeAuthPlugin from '@pothos/plugin-scope-auth'
import ValidationPlugin from '@pothos/plugin-validation'
import type { Staff } from '@kehu/core'

import { viewCustomer } from '../access/customerAccess.js'
import { AuthError } from '../auth/authError.js'
import { pageSizeArgOptions, validationError } from '../limits/pageSize.js'

import type { PrismaClient } from '../generated/prisma/client.js'
import type { CustomerPageReader } from '../read/customerPage.js'
import type PrismaTypes from '../generated/pothos-types.js'
import { getDatamodel } from '../generated/pothos-types.js'

/**
 * Per-request context. `prisma` is the client `createApp` was given (no global client): the
 * Prisma plugin reads it from here, as its `client: (ctx) => …` option intends.
 */
export interface Context {
  readonly prisma: PrismaClient
  /** The authenticated staff member (core's Staff), or `null` without a valid token. */
  readonly actor: Staff | null
  /** The clock of the request (tests fix it). */
  readonly now: Date
  /** The plain-SQL reader of customer pages, when the app has a read connection; Prisma otherwise. */
  readonly customerPages?: CustomerPageReader
}

export const builder = new SchemaBuilder<{
  Context: Context
  PrismaTypes: PrismaTypes
  AuthScopes: { authenticated: boolean }
  Scalars: {
    Money: { Input: string; Output: bigint | string }
    DateTime: { Input: Date; Output: Date }
  }
  DefaultFieldNullability: false
}>({
  // Order matters: scope-auth first, errors before prisma.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({ authenticated: ctx.actor !== null && ctx.actor.active }),
    unauthorizedError: (_parent, _context, _info, result) => new AuthError(result.message),
  },
  errors: { defaultTypes: [] },
  validation: { validationError },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env['NODE_ENV'] === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    // Pages are capped (MAX_PAGE_SIZE); a larger `first`/`last` is refused, not silently shortened.
    firstArgOptions: pageSizeArgOptions('first'),
    lastArgOptions: pageSizeArgOptions('last'),
    cursorType: 'String',
    // A customer reached through `node` is checked and recorded like `customer(id)` (R-ACC-1/2);
    // `nodes` is left out so that no path reads customers in bulk past the audit.
    nodeQueryOptions: {
      resolve: async (_root, { id }, ctx, _info, resolveNode) => {
        if (id.typename !== 'Customer') return resolveNode(id)
        const row = await viewCustomer(ctx.prisma, ctx.actor!, id.id, ctx.now, (tx) => tx.customer.findUnique({ where: { id: id.id } }))
        if (row !== null) brandWithType(row, 'Customer' as never)
        return row
      },
    },
    nodesQueryOptions: false,
  },
})
