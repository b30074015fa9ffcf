import { type CivilDay, monthsBefore } from '../calendar/civilDay.js'
import { toShanghaiDay } from '../calendar/shanghaiTime.js'
import { defaultServicePolicy, readServicePolicy, type ServicePolicy } from './policy.js'
import { readDay, readInstant } from './readers.js'

const RULE = 'R-SVC-6'

/**
 * R-SVC-6 "保养合同期满前一个月…填具保养到期通知书寄给客户，并派员前往争取续约": the day the
 * renewal notice (保养到期通知书) goes out, `renewalNoticeMonthsBefore` (**default** 1) calendar
 * months before the contract's last day; from the 31st (or 29th/30th) of a longer month it is the
 * last day of the shorter month (R-CAL-4).
 *
 * @throws {@link ServiceInputError} `SERVICE.INVALID_DAY`
 *
 * @example
 * renewalNoticeDate('2026-12-31') //=> '2026-11-30'
 * renewalNoticeDate('2026-03-31') //=> '2026-02-28'
 * renewalNoticeDate('2028-03-30') //=> '2028-02-29'
 */
export function renewalNoticeDate(contractEndDay: CivilDay, policy: ServicePolicy = defaultServicePolicy): CivilDay {
  const rules = readServicePolicy(policy)
  return monthsBefore(readDay(contractEndDay, 'contractEndDay', RULE), rules.renewalNoticeMonthsBefore)
}

/**
 * R-SVC-6 Where a maintenance contract's renewal notice stands at `now`: `notYet` before the
 * notice day, `due` from the notice day to the contract's last day, `expired` after it.
 *
 * @example
 * renewalNoticeStatus('2026-12-31', shanghaiInstant('2026-11-30', '09:00')) //=> 'due'
 */
export function renewalNoticeStatus(contractEndDay: CivilDay, now: Date, policy: ServicePolicy = defaultServicePolicy): 'notYet' | 'due' | 'expired' {
  const noticeDay = renewalNoticeDate(contractEndDay, policy)
  const today = toShanghaiDay(readInstant(now, 'now', RULE))
  if (today < noticeDay) return 'notYet'
  return today <= contractEndDay ? 'due' : 'expired'
}
