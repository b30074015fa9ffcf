import { addCalendarDays, addMonths, dayNumberOf } from '../calendar/civilDay.js'
import { startOfDayNumberMs, toShanghaiDay } from '../calendar/shanghaiTime.js'
import type { AccumulationWindow } from './policy.js'

/**
 * The period over which a contract's cumulative amount is summed (累计期间), R-CON-1. Both ends
 * are inclusive: a contract signed at `from` or at `to` counts. `from` is `null` for `lifetime`.
 */
export interface AccumulationPeriod {
  readonly kind: AccumulationWindow
  readonly from: Date | null
  readonly to: Date
}

/**
 * The accumulation period ending at a signing instant (R-CON-1):
 *
 * - `calendarYear`: from 00:00 Asia/Shanghai on 1 January of the signing's year;
 * - `rolling12Months`: from 00:00 of the day after the same day 12 months earlier (a 2026-05-10
 *   signing counts contracts from 2025-05-11), i.e. the last 12 months of days;
 * - `lifetime`: no start.
 *
 * @example
 * accumulationPeriod(shanghaiInstant('2026-05-10', '10:00'), 'calendarYear').from //=> 2026-01-01T00:00+08:00
 * accumulationPeriod(shanghaiInstant('2026-05-10', '10:00'), 'rolling12Months').from //=> 2025-05-11T00:00+08:00
 */
export function accumulationPeriod(signedAt: Date, kind: AccumulationWindow): AccumulationPeriod {
  const day = toShanghaiDay(signedAt)
  if (kind === 'lifetime') return { kind, from: null, to: signedAt }
  const firstDay = kind === 'calendarYear' ? `${day.slice(0, 4)}-01-01` : addCalendarDays(addMonths(day, -12), 1)
  return { kind, from: new Date(startOfDayNumberMs(dayNumberOf(firstDay))), to: signedAt }
}
