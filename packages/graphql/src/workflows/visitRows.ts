import { type CustomerAttitude, KehuError, type MeetingMinutes, type VisitMethod, type VisitPlan, type VisitRecord } from '@kehu/core'

import type { MeetingMinutes as MinutesRow, Prisma, Visit as VisitRow, VisitPlan as VisitPlanRow } from '../generated/prisma/client.js'
import { InputRefusal } from '../refusals.js'

/**
 * Runs a core call whose malformed input is thrown as a {@link KehuError} and answers that input
 * as an {@link InputRefusal} (one issue: field, code, both languages) under `ruleId` when core
 * names no rule. Anything else is rethrown untouched.
 */
export function inputFromCore<T>(ruleId: string, call: () => T): T {
  try {
    return call()
  } catch (error) {
    if (error instanceof KehuError) {
      const issues = 'issues' in error && Array.isArray(error.issues) && error.issues.length > 0 ? error.issues : [{ field: error.field ?? 'input', code: error.code, messageZh: error.messageZh, messageEn: error.messageEn }]
      throw new InputRefusal(issues, error.ruleId ?? ruleId)
    }
    throw error
  }
}

/** A stored visit plan (拜访计划) as core's {@link VisitPlan}. */
export function visitPlanFromRow(row: Pick<VisitPlanRow, 'id' | 'customerId' | 'plannedAt' | 'personToMeet' | 'purpose' | 'byStaffId'>): VisitPlan {
  return { id: row.id, customerId: row.customerId, plannedAt: row.plannedAt, personToMeet: row.personToMeet, purpose: row.purpose, byStaffId: row.byStaffId }
}

/** A stored visit (拜访记录) as core's {@link VisitRecord}; core validates it where it is used. */
export function visitRecordFromRow(row: VisitRow): VisitRecord {
  return {
    id: row.id,
    customerId: row.customerId,
    startAt: row.startAt,
    durationMinutes: row.durationMinutes,
    peopleMet: row.peopleMet as string[],
    method: row.method as VisitMethod,
    progress: row.progress,
    attitude: row.attitude as CustomerAttitude,
    summary: row.summary,
    ...(row.outcomeReasons === null ? {} : { outcomeReasons: row.outcomeReasons }),
    byStaffId: row.byStaffId,
  }
}

/** Stored meeting minutes (会谈纪要) as core's {@link MeetingMinutes}: the steps not reached yet are left out. */
export function minutesFromRow(row: MinutesRow): MeetingMinutes {
  return {
    id: row.id,
    customerId: row.customerId,
    meetingAt: row.meetingAt,
    authorId: row.authorId,
    draftedAt: row.draftedAt,
    content: row.content,
    status: row.status as MeetingMinutes['status'],
    ...(row.reviewedBy === null ? {} : { reviewedBy: row.reviewedBy }),
    ...(row.reviewedAt === null ? {} : { reviewedAt: row.reviewedAt }),
    ...(row.sentBy === null ? {} : { sentBy: row.sentBy }),
    ...(row.sentAt === null ? {} : { sentAt: row.sentAt }),
    ...(row.acknowledgedAt === null ? {} : { acknowledgedAt: row.acknowledgedAt }),
  }
}

/** The workflow columns of core's minutes after a step (R-VIS-4), for an update of the stored row. */
export function minutesStepToRow(minutes: MeetingMinutes): Prisma.MeetingMinutesUpdateManyMutationInput {
  return {
    status: minutes.status,
    reviewedBy: minutes.reviewedBy ?? null,
    reviewedAt: minutes.reviewedAt ?? null,
    sentBy: minutes.sentBy ?? null,
    sentAt: minutes.sentAt ?? null,
    acknowledgedAt: minutes.acknowledgedAt ?? null,
  }
}
