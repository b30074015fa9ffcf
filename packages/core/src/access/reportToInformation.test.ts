import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { AccessInputError } from './errors.js'
import { mustReportToInformation } from './reportToInformation.js'

describe('R-ACC-3 significant contacts are reported to the information department unless confidential', () => {
  it.each([
    [{ significant: true, confidential: false }, true, 'ACCESS.REPORT_SIGNIFICANT_CONTACT'],
    [{ significant: true }, true, 'ACCESS.REPORT_SIGNIFICANT_CONTACT'],
    [{ significant: true, confidential: true }, false, 'ACCESS.REPORT_CONFIDENTIAL_EXEMPT'],
    [{ significant: false, confidential: false }, false, 'ACCESS.REPORT_NOT_SIGNIFICANT'],
    [{ significant: false, confidential: true }, false, 'ACCESS.REPORT_NOT_SIGNIFICANT'],
  ])('%j → %s', (event, mustReport, code) => {
    const verdict = mustReportToInformation(event)
    expect(verdict.mustReport).toBe(mustReport)
    expect(verdict.reason).toMatchObject({ code, ruleId: 'R-ACC-3' })
  })

  it.each([
    ['event', null],
    ['event.significant', { significant: 'yes' }],
    ['event.confidential', { significant: true, confidential: 0 }],
  ])('refuses a malformed event at %s', (field, event) => {
    const error = thrown(() => mustReportToInformation(event as never), AccessInputError)
    expect(error.code).toBe('ACCESS.INVALID_CONTACT_EVENT')
    expect(error.field).toBe(field)
  })
})
