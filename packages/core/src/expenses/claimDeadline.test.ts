import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { createWorkingCalendar } from '../calendar/workingCalendar.js'
import { expenseClaimDeadline } from './claimDeadline.js'
import { createExpensePolicy } from './policy.js'

const calendar = createWorkingCalendar()

describe('R-EXP-2 claim deadline: end of the 3rd working day after the trip', () => {
  it.each([
    ['2026-09-25', '2026-10-01T00:00:00+08:00'], // Friday, 中秋节: 09-28, 09-29, 09-30
    ['2026-03-13', '2026-03-19T00:00:00+08:00'], // Friday: Mon–Wed
    ['2026-09-17', '2026-09-22T00:00:00+08:00'], // Thursday: 09-18, 09-20 (调休), 09-21
    ['2026-09-30', '2026-10-11T00:00:00+08:00'], // before National Day: 10-08, 10-09, 10-10 (调休)
  ])('trip ending %s is due before %s', (endDay, deadline) => {
    expect(expenseClaimDeadline(calendar, endDay)).toEqual(new Date(deadline))
  })

  it('follows the policy', () => {
    expect(expenseClaimDeadline(calendar, '2026-03-13', createExpensePolicy({ claimWithinWorkingDays: 1 }))).toEqual(new Date('2026-03-17T00:00:00+08:00'))
  })

  it('refuses a year the calendar has no data for', () => {
    expect(thrown(() => expenseClaimDeadline(calendar, '2031-01-02')).code).toBe('CALENDAR.YEAR_NOT_COVERED')
  })
})
