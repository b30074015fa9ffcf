import { jwtVerify, SignJWT } from 'jose'

/** The token's audience and issuer: tokens of other systems are refused. */
const ISSUER = 'kehu'
const AUDIENCE = 'kehu-graphql'

/** The HS256 key from a secret text (at least 32 characters). */
export function jwtKey(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error('the JWT secret (KEHU_JWT_SECRET) must be at least 32 characters')
  return new TextEncoder().encode(secret)
}

/** `KEHU_JWT_SECRET`, or a fixed development secret when `allowDevDefault` and it is unset. */
export function jwtSecretFromEnv(env: NodeJS.ProcessEnv = process.env, allowDevDefault = false): string {
  const secret = env['KEHU_JWT_SECRET']
  if (secret !== undefined && secret !== '') return secret
  if (allowDevDefault) return 'kehu-development-secret-change-me-000000'
  throw new Error('KEHU_JWT_SECRET is not set')
}

/**
 * Signs a bearer token (HS256) for a staff member: `sub` is the staff id.
 * @example await signStaffToken('staff-zhou', secret, { now: new Date() }) //=> 'eyJhbGciOiJIUzI1NiJ9…'
 */
export async function signStaffToken(staffId: string, secret: string, options: { readonly now?: Date; readonly expiresInSeconds?: number } = {}): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000)
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(staffId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.expiresInSeconds ?? 8 * 3600))
    .sign(jwtKey(secret))
}

/** The staff id of a valid token, or `null` for a missing, malformed, expired or foreign one. */
export async function verifyStaffToken(token: string, secret: string, now: Date = new Date()): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, jwtKey(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, currentDate: now })
    return typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : null
  } catch {
    return null
  }
}

/** The token of an `Authorization: Bearer <token>` header, or `null`. */
export function bearerToken(header: string | null): string | null {
  const match = header === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match === null ? null : match[1]!
}
