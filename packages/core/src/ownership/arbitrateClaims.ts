import { hasRole, readStaff, type Staff } from '../staff/staff.js'
import { OwnershipErrorCode } from './errors.js'
import { defaultOwnershipPolicy, type OwnershipPolicy, readOwnershipPolicy } from './policy.js'
import { invalid, readArray, readDate, readId, readRecord } from './read.js'
import { type OwnershipRefusal, OwnershipRefusalCode, refusal } from './refusal.js'

/** A staff member's claim to a customer (认领记录), R-OWN-1. */
export interface CustomerClaim {
  readonly staffId: string
  /** The customer claimed (a customer id, or any reference both claims share). */
  readonly customerRef: string
  /** When the claim was recorded (记录时间). */
  readonly recordedAt: Date
  /**
   * Tie-breaker given by the caller, e.g. the database insertion sequence: among claims recorded
   * at the same instant the lower sequence is the earlier record. Whole number ≥ 0.
   */
  readonly sequence?: number
}

/** A manager's override of an arbitration (经理改判), kept as audit (R-OWN-1). */
export interface ClaimOverrideAudit {
  /** The manager's staff id. */
  readonly by: string
  readonly at: Date
  readonly reason: string
  /** Winner before the override; `null` when the claims were tied. */
  readonly previousWinner: string | null
  readonly newWinner: string
}

/**
 * The outcome of arbitrating claims to one customer (认领冲突裁决), R-OWN-1.
 *
 * - `decided`: `winner` is the earliest record (`decidedBy: 'earliest-record'`), the earliest by
 *   sequence among equal times (`'sequence'`), or the manager's choice (`'manager-override'`).
 * - `tied`: two or more staff recorded at the same instant and no sequence separates them — the
 *   records do not say who was first, so the manager decides with {@link managerOverride}.
 *
 * `losers` are every claim not by the winner (when tied: not among the tied ones).
 */
export type ClaimArbitration =
  | {
      readonly status: 'decided'
      readonly customerRef: string
      readonly winner: CustomerClaim
      readonly losers: readonly CustomerClaim[]
      readonly decidedBy: 'earliest-record' | 'sequence' | 'manager-override'
      readonly overrides: readonly ClaimOverrideAudit[]
    }
  | {
      readonly status: 'tied'
      readonly customerRef: string
      readonly tied: readonly CustomerClaim[]
      readonly losers: readonly CustomerClaim[]
      readonly overrides: readonly ClaimOverrideAudit[]
    }

const CODE = OwnershipErrorCode.INVALID_CLAIMS

/**
 * Decides who owns a customer claimed by several staff (客户负责人冲突): the earlier record wins
 * ("以记录先后顺序为准", R-OWN-1). Decision, in order:
 *
 * 1. the earliest `recordedAt` wins;
 * 2. among claims at that same instant, the lowest `sequence` wins (claims without a sequence
 *    rank after those with one);
 * 3. if still more than one staff member remains, the result is `tied` and a manager decides.
 *
 * Several claims by the same person count as one (their earliest). The input order never matters:
 * a permutation of the claims gives the same result.
 *
 * @throws {@link OwnershipInputError} `OWNERSHIP.INVALID_CLAIMS` (empty list, different customers,
 *   a malformed claim — naming `claims[1].recordedAt`), `OWNERSHIP.INVALID_INSTANT`
 *
 * @example
 * arbitrateClaims([
 *   { staffId: 'li', customerRef: 'c1', recordedAt: shanghaiInstant('2025-03-03', '10:05') },
 *   { staffId: 'wang', customerRef: 'c1', recordedAt: shanghaiInstant('2025-03-03', '09:40') },
 * ])
 * //=> { status: 'decided', winner: { staffId: 'wang', … }, losers: [{ staffId: 'li', … }], decidedBy: 'earliest-record', … }
 */
export function arbitrateClaims(claims: readonly CustomerClaim[]): ClaimArbitration {
  const read = readArray(claims, 'claims', CODE).map((claim, index) => readClaim(claim, `claims[${index}]`))
  const first = read[0]
  if (first === undefined) invalid(CODE, 'claims', 'must hold at least one claim', '至少需要一条认领记录', claims, 'R-OWN-1')
  read.forEach((claim, index) => {
    if (claim.customerRef !== first.customerRef) {
      invalid(CODE, `claims[${index}].customerRef`, `must be the same customer as claims[0] (${first.customerRef})`, `必须与 claims[0] 为同一客户（${first.customerRef}）`, claim.customerRef, 'R-OWN-1')
    }
  })
  const ordered = [...read].sort(listingOrder)
  const best = ordered[0] ?? first
  const sameInstant = ordered.filter((claim) => claim.recordedAt.getTime() === best.recordedAt.getTime())
  const tiedBySequence = sameInstant.filter((claim) => compareClaims(claim, best) === 0)
  const tiedStaff = new Set(tiedBySequence.map((claim) => claim.staffId))
  if (tiedStaff.size > 1) {
    // R-OWN-1: the records cannot tell who was first — the manager decides.
    const tied = uniqueByStaff(tiedBySequence)
    return { status: 'tied', customerRef: best.customerRef, tied, losers: ordered.filter((claim) => !tiedStaff.has(claim.staffId)), overrides: [] }
  }
  const otherStaffAtSameInstant = sameInstant.some((claim) => claim.staffId !== best.staffId)
  return {
    status: 'decided',
    customerRef: best.customerRef,
    winner: best,
    losers: ordered.filter((claim) => claim.staffId !== best.staffId),
    decidedBy: otherStaffAtSameInstant ? 'sequence' : 'earliest-record',
    overrides: [],
  }
}

/** The result of {@link managerOverride}. */
export type ClaimOverrideResult =
  | { readonly ok: true; readonly arbitration: ClaimArbitration & { readonly status: 'decided' }; readonly audit: ClaimOverrideAudit }
  | { readonly ok: false; readonly refusal: OwnershipRefusal }

/**
 * A manager's final say on a claim conflict (业务经理对于客户业务有最终决定权, R-OWN-1): the chosen
 * claimant wins, and the override is recorded with its reason (`audit`, also appended to
 * `overrides`). Refused as data when the actor is inactive or holds none of `policy.managerRoles`,
 * when the reason is empty, or when the chosen person did not claim the customer (to give the
 * customer to someone else, use {@link assignCustomer} / {@link reassignCustomer}).
 *
 * @throws {@link OwnershipInputError} for a malformed arbitration or instant; `STAFF.INVALID` for a malformed manager
 *
 * @example
 * const arbitration = arbitrateClaims(claimsOfWangAndLi) // wang earlier
 * managerOverride(arbitration, { manager: director, winnerStaffId: 'li', reason: '李已跟进该客户两年', at })
 * //=> { ok: true, arbitration: { status: 'decided', winner: { staffId: 'li', … }, decidedBy: 'manager-override', … },
 * //     audit: { by: 'zhao', at, reason: '李已跟进该客户两年', previousWinner: 'wang', newWinner: 'li' } }
 * managerOverride(arbitration, { manager: specialist, winnerStaffId: 'li', reason: 'x', at }).refusal.code
 * //=> 'OWNERSHIP.NOT_A_MANAGER'
 */
export function managerOverride(
  arbitration: ClaimArbitration,
  decision: { readonly manager: Staff; readonly winnerStaffId: string; readonly reason: string; readonly at: Date },
  policy: OwnershipPolicy = defaultOwnershipPolicy,
): ClaimOverrideResult {
  const checkedPolicy = readOwnershipPolicy(policy)
  const current = readArbitration(arbitration)
  const input = readRecord(decision, 'decision', OwnershipErrorCode.INVALID_COMMAND)
  const manager = readStaff(input['manager'], 'decision.manager')
  const winnerStaffId = readId(input['winnerStaffId'], 'decision.winnerStaffId', OwnershipErrorCode.INVALID_COMMAND)
  const reason = input['reason']
  if (reason !== undefined && typeof reason !== 'string') invalid(OwnershipErrorCode.INVALID_COMMAND, 'decision.reason', 'must be a string', '必须是字符串', reason)
  const at = readDate(input['at'], 'decision.at')

  if (!manager.active) {
    return { ok: false, refusal: refusal(OwnershipRefusalCode.ACTOR_INACTIVE, 'R-OWN-1', `${manager.id} is no longer active`, `${manager.id} 已离职，不能改判`, { staffId: manager.id }) }
  }
  if (!checkedPolicy.managerRoles.some((role) => hasRole(manager, role))) {
    return {
      ok: false,
      refusal: refusal(OwnershipRefusalCode.NOT_A_MANAGER, 'R-OWN-1', `only ${checkedPolicy.managerRoles.join(' or ')} may override a claim decision`, `只有经理或总监可以改判客户归属`, {
        staffId: manager.id,
        requiredRoles: checkedPolicy.managerRoles,
      }),
    }
  }
  if (reason === undefined || reason.trim() === '') {
    return { ok: false, refusal: refusal(OwnershipRefusalCode.REASON_REQUIRED, 'R-OWN-1', 'an override needs a reason', '改判必须填写理由') }
  }
  const claims = current.status === 'decided' ? [current.winner, ...current.losers] : [...current.tied, ...current.losers]
  const winner = [...claims].sort(listingOrder).find((claim) => claim.staffId === winnerStaffId)
  if (winner === undefined) {
    return {
      ok: false,
      refusal: refusal(OwnershipRefusalCode.NOT_A_CLAIMANT, 'R-OWN-1', `${winnerStaffId} did not claim ${current.customerRef}`, `${winnerStaffId} 未认领客户 ${current.customerRef}`, {
        staffId: winnerStaffId,
        customerRef: current.customerRef,
      }),
    }
  }
  const audit: ClaimOverrideAudit = {
    by: manager.id,
    at,
    reason,
    previousWinner: current.status === 'decided' ? current.winner.staffId : null,
    newWinner: winnerStaffId,
  }
  const losers = claims.filter((claim) => claim.staffId !== winnerStaffId).sort(listingOrder)
  return {
    ok: true,
    audit,
    arbitration: { status: 'decided', customerRef: current.customerRef, winner, losers, decidedBy: 'manager-override', overrides: [...current.overrides, audit] },
  }
}

/** Earlier record first: time, then sequence (absent last). 0 = the records cannot tell. */
function compareClaims(a: CustomerClaim, b: CustomerClaim): number {
  const byTime = a.recordedAt.getTime() - b.recordedAt.getTime()
  if (byTime !== 0) return byTime
  const seqA = a.sequence ?? Number.POSITIVE_INFINITY
  const seqB = b.sequence ?? Number.POSITIVE_INFINITY
  if (seqA !== seqB) return seqA < seqB ? -1 : 1
  return 0
}

/** {@link compareClaims}, then staff id: a total order, so that the input order never shows. */
function listingOrder(a: CustomerClaim, b: CustomerClaim): number {
  return compareClaims(a, b) || (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0)
}

function uniqueByStaff(claims: readonly CustomerClaim[]): CustomerClaim[] {
  const seen = new Set<string>()
  return [...claims]
    .sort((a, b) => (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0))
    .filter((claim) => (seen.has(claim.staffId) ? false : (seen.add(claim.staffId), true)))
}

function readClaim(value: unknown, field: string): CustomerClaim {
  const record = readRecord(value, field, CODE)
  const sequence = record['sequence']
  if (sequence !== undefined && (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 0)) {
    invalid(CODE, `${field}.sequence`, 'must be a whole number ≥ 0 when given', '如提供则必须是不小于 0 的整数', sequence, 'R-OWN-1')
  }
  return {
    staffId: readId(record['staffId'], `${field}.staffId`, CODE),
    customerRef: readId(record['customerRef'], `${field}.customerRef`, CODE),
    recordedAt: readDate(record['recordedAt'], `${field}.recordedAt`),
    ...(sequence === undefined ? {} : { sequence: sequence as number }),
  }
}

function readArbitration(value: unknown): ClaimArbitration {
  const record = readRecord(value, 'arbitration', OwnershipErrorCode.INVALID_ARBITRATION)
  const status = record['status']
  if (status !== 'decided' && status !== 'tied') {
    invalid(OwnershipErrorCode.INVALID_ARBITRATION, 'arbitration.status', "must be 'decided' or 'tied'", "必须是 'decided' 或 'tied'", status, 'R-OWN-1')
  }
  const overrides = readArray(record['overrides'], 'arbitration.overrides', OwnershipErrorCode.INVALID_ARBITRATION) as readonly ClaimOverrideAudit[]
  const losers = readArray(record['losers'], 'arbitration.losers', OwnershipErrorCode.INVALID_ARBITRATION).map((claim, index) => readClaim(claim, `arbitration.losers[${index}]`))
  const customerRef = readId(record['customerRef'], 'arbitration.customerRef', OwnershipErrorCode.INVALID_ARBITRATION)
  if (status === 'decided') {
    const winner = readClaim(record['winner'], 'arbitration.winner')
    const decidedBy = record['decidedBy'] as 'earliest-record' | 'sequence' | 'manager-override'
    return { status, customerRef, winner, losers, decidedBy, overrides }
  }
  const tied = readArray(record['tied'], 'arbitration.tied', OwnershipErrorCode.INVALID_ARBITRATION).map((claim, index) => readClaim(claim, `arbitration.tied[${index}]`))
  return { status, customerRef, tied, losers, overrides }
}
