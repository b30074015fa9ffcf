import { formatShanghaiInstant } from '../calendar/shanghaiTime.js'
import { workingDaysDeadline } from '../calendar/deadline.js'
import type { WorkingCalendar } from '../calendar/workingCalendar.js'
import type { ReadClaim } from './claim.js'
import type { ExpensePolicy } from './policy.js'
import { claimFinding, type Finding, ExpenseViolationCode as V } from './violation.js'

/**
 * R-EXP-1: a trip claim references its trip application's approval, which is approved and was
 * decided no later than the trip's start (departure instant, or 00:00 +08:00 of the first day).
 * @internal
 */
export function checkTripApproval(claim: ReadClaim): Finding[] {
  const trip = claim.trip
  if (trip === undefined) return []
  const approval = claim.tripApproval
  if (approval === undefined) {
    return [claimFinding(V.TRIP_APPROVAL_MISSING, 'R-EXP-1', 'claim.tripApproval', '报销单未关联出差申请审批（出差须先经部门经理同意）', 'The claim references no trip application approval (a trip needs the department manager’s approval first)')]
  }
  if (approval.status !== 'approved') {
    return [
      claimFinding(V.TRIP_NOT_APPROVED, 'R-EXP-1', 'claim.tripApproval.status', `出差申请未获批准（状态：${approval.status}）`, `The trip application is not approved (status: ${approval.status})`, { status: approval.status }),
    ]
  }
  const decidedAt = approval.decidedAt as Date
  if (decidedAt.getTime() > trip.startsAt.getTime()) {
    return [
      claimFinding(
        V.TRIP_APPROVED_AFTER_START,
        'R-EXP-1',
        'claim.tripApproval.decidedAt',
        `出差申请在出发后才批准（批准 ${formatShanghaiInstant(decidedAt)}，出发 ${formatShanghaiInstant(trip.startsAt)}）`,
        `The trip was approved only after it started (approved ${formatShanghaiInstant(decidedAt)}, started ${formatShanghaiInstant(trip.startsAt)})`,
        { decidedAt: decidedAt.toISOString(), tripStartsAt: trip.startsAt.toISOString() },
      ),
    ]
  }
  return []
}

/**
 * R-EXP-2: a trip claim is filed before the end of the N-th working day after the trip's last day
 * and carries the trip application.
 * @internal
 */
export function checkFiling(claim: ReadClaim, calendar: WorkingCalendar, policy: ExpensePolicy): Finding[] {
  const trip = claim.trip
  if (trip === undefined) return []
  const findings: Finding[] = []
  const deadline = workingDaysDeadline(calendar, trip.endDay, policy.claimWithinWorkingDays)
  if (claim.filedAt.getTime() >= deadline.getTime()) {
    const n = policy.claimWithinWorkingDays
    findings.push(
      claimFinding(
        V.CLAIM_FILED_LATE,
        'R-EXP-2',
        'claim.filedAt',
        `逾期报销：应在出差结束后 ${n} 个工作日内（${formatShanghaiInstant(deadline)} 前）提交，实际 ${formatShanghaiInstant(claim.filedAt)}`,
        `Filed late: due within ${n} working days after the trip (before ${formatShanghaiInstant(deadline)}), filed ${formatShanghaiInstant(claim.filedAt)}`,
        { deadline: deadline.toISOString(), filedAt: claim.filedAt.toISOString(), tripEndDay: trip.endDay },
      ),
    )
  }
  if (!claim.tripApplicationAttached) {
    findings.push(claimFinding(V.APPLICATION_NOT_ATTACHED, 'R-EXP-2', 'claim.tripApplicationAttached', '报销时未附出差申请单', 'The trip application is not attached to the claim'))
  }
  return findings
}
