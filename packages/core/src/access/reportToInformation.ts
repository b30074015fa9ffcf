import { AccessErrorCode, accessInputError, readObject } from './errors.js'

/** A contact with a customer (与客户接触的事项), as far as R-ACC-3 is concerned. */
export interface ContactEventFlags {
  /** A significant matter (重大事项). */
  readonly significant: boolean
  /** The business is confidential (该业务保密); **default** `false`. */
  readonly confidential?: boolean
}

/**
 * Codes of the R-ACC-3 verdict.
 *
 * @example
 * InformationReportCode.MUST_REPORT //=> 'ACCESS.REPORT_SIGNIFICANT_CONTACT'
 */
export const InformationReportCode = {
  /** A significant contact: report it to the information department (重要往来须报信息部, R-ACC-3). */
  MUST_REPORT: 'ACCESS.REPORT_SIGNIFICANT_CONTACT',
  /** Significant but marked confidential: not reported (保密业务除外, R-ACC-3). */
  CONFIDENTIAL_EXEMPT: 'ACCESS.REPORT_CONFIDENTIAL_EXEMPT',
  /** Not significant: nothing to report (R-ACC-3). */
  NOT_SIGNIFICANT: 'ACCESS.REPORT_NOT_SIGNIFICANT',
} as const

/** The verdict: whether to report to the information department (信息部), and why. */
export interface InformationReportVerdict {
  readonly mustReport: boolean
  readonly reason: { readonly code: (typeof InformationReportCode)[keyof typeof InformationReportCode]; readonly ruleId: 'R-ACC-3'; readonly messageZh: string; readonly messageEn: string }
}

/**
 * R-ACC-3 公司各部门与客户接触的重大事项，均需报告信息部（除该业务保密外）: a significant contact is
 * reported to the information department unless it is marked confidential.
 *
 * | significant | confidential | must report | code |
 * | --- | --- | --- | --- |
 * | yes | no | yes | `ACCESS.REPORT_SIGNIFICANT_CONTACT` |
 * | yes | yes | no | `ACCESS.REPORT_CONFIDENTIAL_EXEMPT` |
 * | no | any | no | `ACCESS.REPORT_NOT_SIGNIFICANT` |
 *
 * @throws {@link AccessInputError} `ACCESS.INVALID_CONTACT_EVENT` naming the field
 *
 * @example
 * mustReportToInformation({ significant: true, confidential: false }).mustReport //=> true
 * mustReportToInformation({ significant: true, confidential: true }).reason.code //=> 'ACCESS.REPORT_CONFIDENTIAL_EXEMPT'
 */
export function mustReportToInformation(event: ContactEventFlags): InformationReportVerdict {
  const given = readObject(event, 'event', AccessErrorCode.INVALID_CONTACT_EVENT)
  const significant = given['significant']
  const confidential = given['confidential']
  if (typeof significant !== 'boolean') throw accessInputError(AccessErrorCode.INVALID_CONTACT_EVENT, 'event.significant', 'must be true or false', '必须为 true 或 false', significant)
  if (confidential !== undefined && typeof confidential !== 'boolean') {
    throw accessInputError(AccessErrorCode.INVALID_CONTACT_EVENT, 'event.confidential', 'must be true or false when given', '如提供则必须为 true 或 false', confidential)
  }
  if (!significant) {
    return Object.freeze({ mustReport: false, reason: Object.freeze({ code: InformationReportCode.NOT_SIGNIFICANT, ruleId: 'R-ACC-3' as const, messageZh: '非重大事项，无需报告信息部', messageEn: 'Not a significant matter; no report to the information department' }) })
  }
  if (confidential === true) {
    return Object.freeze({ mustReport: false, reason: Object.freeze({ code: InformationReportCode.CONFIDENTIAL_EXEMPT, ruleId: 'R-ACC-3' as const, messageZh: '该业务保密，不报告信息部', messageEn: 'Confidential business is not reported to the information department' }) })
  }
  return Object.freeze({ mustReport: true, reason: Object.freeze({ code: InformationReportCode.MUST_REPORT, ruleId: 'R-ACC-3' as const, messageZh: '与客户接触的重大事项须报告信息部', messageEn: 'Significant contacts with customers are reported to the information department' }) })
}
