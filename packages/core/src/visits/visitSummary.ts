import { IssueList } from '../archive/recordIssues.js'
import { InvalidVisitRecordError, invalidVisitArgument } from './errors.js'
import { readVisitRecordInto, type VisitRecord } from './visitRecord.js'

/** What the archive shows about a customer's visits (拜访汇总, R-VIS-2). */
export interface VisitSummary {
  readonly ruleId: 'R-VIS-2'
  readonly customerId: string
  /** 累计接触次数: the number of visit records of the customer. */
  readonly cumulativeContacts: number
  /** 拜访总时间: the sum of their durations, in minutes. */
  readonly totalVisitMinutes: number
  /** Start of the earliest visit (第一次拜访), when there is one. */
  readonly firstVisitAt?: Date
  /** Start of the latest visit, when there is one. */
  readonly lastVisitAt?: Date
}

/**
 * R-VIS-2 Cumulative contacts (累计接触次数) and total visit time (拜访总时间) of one customer,
 * from visit records of any customers (others are ignored): the count of the customer's records,
 * the exact sum of their durations, and the first and last visit starts. Every record is
 * validated first.
 *
 * @throws {@link InvalidVisitRecordError} `VISIT.INVALID_RECORD` listing every issue of every record
 *   (paths `records[i].…`); `VISIT.INVALID_ARGUMENT` for a records argument that is not a list or a blank customer id
 *
 * @example
 * visitSummary([visit('C1', '2026-09-01T10:00:00+08:00', 60), visit('C2', …, 30), visit('C1', '2026-09-15T14:00:00+08:00', 45)], 'C1')
 * //=> { ruleId: 'R-VIS-2', customerId: 'C1', cumulativeContacts: 2, totalVisitMinutes: 105, firstVisitAt: 2026-09-01T02:00Z, lastVisitAt: 2026-09-15T06:00Z }
 */
export function visitSummary(records: readonly VisitRecord[], customerId: string): VisitSummary {
  if (!Array.isArray(records as unknown)) throw invalidVisitArgument('records', 'must be a list of visit records', '必须是拜访记录列表', records, 'R-VIS-2')
  if (typeof customerId !== 'string' || customerId.trim() === '') throw invalidVisitArgument('customerId', 'must be a non-empty string', '必须是非空字符串', customerId, 'R-VIS-2')
  const issues = new IssueList('VISIT')
  const checked = records.map((record, index) => readVisitRecordInto(record, `records[${index}]`, issues))
  if (issues.count > 0) throw new InvalidVisitRecordError(issues.frozen(), 'R-VIS-2', 'the visit records', '拜访记录')
  const id = customerId.trim()
  let count = 0
  let minutes = 0
  let first: Date | undefined
  let last: Date | undefined
  for (const record of checked as VisitRecord[]) {
    if (record.customerId !== id) continue
    count += 1
    minutes += record.durationMinutes
    if (first === undefined || record.startAt.getTime() < first.getTime()) first = record.startAt
    if (last === undefined || record.startAt.getTime() > last.getTime()) last = record.startAt
  }
  if (!Number.isSafeInteger(minutes)) throw invalidVisitArgument('records', 'sum to more minutes than can be counted exactly', '的总时长超出可精确计数的范围', minutes, 'R-VIS-2')
  return Object.freeze({
    ruleId: 'R-VIS-2',
    customerId: id,
    cumulativeContacts: count,
    totalVisitMinutes: minutes,
    ...(first === undefined ? {} : { firstVisitAt: first }),
    ...(last === undefined ? {} : { lastVisitAt: last }),
  })
}
