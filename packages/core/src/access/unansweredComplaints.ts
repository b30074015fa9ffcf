import type { Complaint } from './complaint.js'
import { readComplaint } from './complaintTransitions.js'
import { AccessErrorCode, accessInputError, readInstantArg } from './errors.js'

/** An open complaint with who answers for it and for how long it has waited. */
export interface UnansweredComplaint {
  readonly complaint: Complaint
  /** The person responsible now (the first receiver until handed over). */
  readonly responsibleStaffId: string
  /** Milliseconds from receipt to `now`. */
  readonly openForMs: number
}

/**
 * R-ACC-4 every complaint is answered: the complaints received at or before `now` that are not
 * answered yet (status `received` or `routed`), oldest first (ties by id), each with the person
 * responsible — a follow-up list (催办清单).
 *
 * @throws {@link AccessInputError} `COMPLAINT.INVALID_INPUT` naming the field
 *
 * @example
 * unansweredComplaints([answered, routed, received], new Date('2026-03-03T10:00:00+08:00')).map((open) => open.complaint.id)
 * //=> ['TS-2', 'TS-3'] (oldest first)
 */
export function unansweredComplaints(complaints: readonly Complaint[], now: Date): readonly UnansweredComplaint[] {
  if (!Array.isArray(complaints)) throw accessInputError(AccessErrorCode.INVALID_COMPLAINT, 'complaints', 'must be a list', '必须是列表', complaints)
  const at = readInstantArg(now, 'now', AccessErrorCode.INVALID_COMPLAINT)
  return Object.freeze(
    complaints
      .map((complaint, index) => readComplaint(complaint, `complaints[${index}]`))
      .filter((complaint) => (complaint.status === 'received' || complaint.status === 'routed') && complaint.receivedAt.getTime() <= at.getTime())
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((complaint) => Object.freeze({ complaint, responsibleStaffId: complaint.responsibleStaffId, openForMs: at.getTime() - complaint.receivedAt.getTime() })),
  )
}
