import { GraphQLError } from 'graphql'

/**
 * An error meant for the client, so yoga does not mask it: `UNAUTHENTICATED` (no valid token) or
 * `FORBIDDEN` (R-ACC-1 denies the record; the extensions carry the rule and both languages).
 */
export class AuthError extends GraphQLError {
  constructor(message: string, code = 'UNAUTHENTICATED', extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } })
  }
}
