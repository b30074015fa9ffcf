import type { Staff } from '@kehu/core'

import { decodeJwt } from 'jose'

import { verifyStaffToken } from './token.js'

/**
 * Resolves a bearer token to the acting staff member, with two short-lived caches on the hot path
 * (every request authenticates):
 *
 * - **verified tokens**: a token's signature and claims never change, so a verified token is
 *   remembered with its expiry and checked against the request's clock on each use (an expired
 *   token is refused exactly as by a fresh verification). Bounded to `maxTokens` entries.
 * - **actors** (the staff row as core's `Staff`): kept at most `actorTtlMs` milliseconds of real
 *   time, so that a staff member who leaves (`active = false`) or changes roles is seen by every
 *   request at most `actorTtlMs` later. `actorTtlMs = 0` reads the row on every request.
 */
export interface ActorResolver {
  actor(token: string | null, at: Date): Promise<Staff | null>
  /** Forgets a staff member's cached row (call after writing it). */
  forget(staffId: string): void
}

export interface ActorResolverOptions {
  readonly secret: string
  readonly loadStaff: (staffId: string) => Promise<Staff | null>
  /** How long an actor row may be reused; 0 disables the actor cache. */
  readonly actorTtlMs: number
  /** Most verified tokens remembered; **default** 10,000. */
  readonly maxTokens?: number
  /** Real-time clock for the cache (not the request clock, which tests fix); **default** `performance.now`. */
  readonly monotonicMs?: () => number
}

export function createActorResolver(options: ActorResolverOptions): ActorResolver {
  const maxTokens = options.maxTokens ?? 10_000
  const clock = options.monotonicMs ?? (() => performance.now())
  const tokens = new Map<string, { staffId: string; expiresAtMs: number }>()
  const actors = new Map<string, { staff: Promise<Staff | null>; loadedAtMs: number }>()

  async function staffIdOf(token: string, at: Date): Promise<string | null> {
    const known = tokens.get(token)
    if (known !== undefined) return at.getTime() < known.expiresAtMs ? known.staffId : null
    const staffId = await verifyStaffToken(token, options.secret, at)
    if (staffId === null) return null
    // Verified above, so the claims are ours; `exp` is always set by signStaffToken.
    const { exp } = decodeJwt(token)
    if (typeof exp !== 'number') return staffId
    if (tokens.size >= maxTokens) tokens.delete(tokens.keys().next().value!)
    tokens.set(token, { staffId, expiresAtMs: exp * 1000 })
    return staffId
  }

  function staffOf(staffId: string): Promise<Staff | null> {
    if (options.actorTtlMs <= 0) return options.loadStaff(staffId)
    const now = clock()
    const cached = actors.get(staffId)
    if (cached !== undefined && now - cached.loadedAtMs < options.actorTtlMs) return cached.staff
    // Concurrent requests of one actor share a single read; a failed read is not kept.
    const staff = options.loadStaff(staffId)
    actors.set(staffId, { staff, loadedAtMs: now })
    staff.catch(() => actors.delete(staffId))
    return staff
  }

  return {
    async actor(token, at) {
      if (token === null) return null
      const staffId = await staffIdOf(token, at)
      return staffId === null ? null : staffOf(staffId)
    },
    forget(staffId) {
      actors.delete(staffId)
    },
  }
}
