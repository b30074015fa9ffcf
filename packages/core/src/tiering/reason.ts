/**
 * One reason of a classification or an approval verdict (分级理由): a stable code, the rule it
 * comes from, and a message in both languages.
 */
export interface TieringReason {
  /** Stable code, e.g. `TIERING.VOLUME_AT_KEY_THRESHOLD`. */
  readonly code: string
  /** Rule of the catalogue, e.g. `R-TIE-3`. */
  readonly ruleId: string
  /** Message in Chinese. */
  readonly messageZh: string
  /** Message in English. */
  readonly messageEn: string
}

/** Codes of the reasons a classification or an approval verdict may carry (分级理由代码). */
export const TieringReasonCode = {
  /** R-TIE-1: no annual volume and no business history → reserve (储备). */
  NO_BUSINESS: 'TIERING.NO_BUSINESS',
  /** R-TIE-1: no annual volume but past business → the tier the policy names for it. */
  NO_VOLUME_WITH_HISTORY: 'TIERING.NO_VOLUME_WITH_HISTORY',
  /** R-TIE-3: annual volume at or above the key threshold → key (重点). */
  VOLUME_AT_KEY_THRESHOLD: 'TIERING.VOLUME_AT_KEY_THRESHOLD',
  /** R-TIE-3: annual volume above zero and below the key threshold → general (一般). */
  VOLUME_BELOW_KEY_THRESHOLD: 'TIERING.VOLUME_BELOW_KEY_THRESHOLD',
  /** R-TIE-1: small private company or sole trader → at most general. */
  SMALL_PRIVATE_OR_SOLE_TRADER: 'TIERING.SMALL_PRIVATE_OR_SOLE_TRADER',
  /** R-TIE-4: volume at or above the strategic threshold → proposed as strategic partner. */
  STRATEGIC_PROPOSED: 'TIERING.STRATEGIC_PROPOSED',
  /** R-TIE-2: demand grade A. */
  GRADE_A: 'TIERING.GRADE_A',
  /** R-TIE-2: demand grade B. */
  GRADE_B: 'TIERING.GRADE_B',
  /** R-TIE-2: demand grade C. */
  GRADE_C: 'TIERING.GRADE_C',
  /** R-TIE-4: approved as strategic partner by the general-manager office. */
  STRATEGIC_APPROVED: 'TIERING.STRATEGIC_APPROVED',
  /** R-TIE-4 refusal: the approver is not the general-manager office. */
  APPROVER_NOT_GENERAL_MANAGER_OFFICE: 'TIERING.APPROVER_NOT_GENERAL_MANAGER_OFFICE',
  /** R-TIE-4 refusal: the classification did not propose strategic partner. */
  NOT_PROPOSED_STRATEGIC: 'TIERING.NOT_PROPOSED_STRATEGIC',
  /** R-TIE-4 refusal: the classification is already strategic. */
  ALREADY_STRATEGIC: 'TIERING.ALREADY_STRATEGIC',
} as const

/** @internal builds a frozen reason. */
export function tieringReason(code: string, ruleId: string, messageZh: string, messageEn: string): TieringReason {
  return Object.freeze({ code, ruleId, messageZh, messageEn })
}
