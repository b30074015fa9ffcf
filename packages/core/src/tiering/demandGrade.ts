import type { CustomerScale, NeedUrgency } from './figures.js'
import { defaultTieringPolicy, type TieringPolicy } from './policy.js'
import { type TieringReason, TieringReasonCode, tieringReason } from './reason.js'

/** Demand grade (需求等级, R-TIE-2): A 需求规模较大且迫切, B 一般需求、有需求想法, C 潜在需求. */
export type DemandGrade = 'A' | 'B' | 'C'

/** What the demand grade is read from (R-TIE-2). */
export interface DemandFigures {
  readonly scale: CustomerScale
  readonly urgency: NeedUrgency
  readonly hasIntention: boolean
}

/**
 * Demand grade of a customer (客户需求等级, R-TIE-2), with the reason. Decision table, first
 * matching row wins (`large` means a scale in `policy.gradeAScales`, **default** `['large']`):
 *
 * | urgency  | large? | intention | grade |
 * |----------|--------|-----------|-------|
 * | urgent   | yes    | any       | A     |
 * | urgent   | no     | any       | B     |
 * | ordinary | any    | yes       | B     |
 * | ordinary | any    | no        | C     |
 * | latent   | any    | any       | C     |
 *
 * An urgent need implies an intention, so a smaller customer with an urgent need is B; an
 * ordinary need without a stated intention is still only latent demand, so C.
 * Inputs are assumed valid (see {@link classifyCustomer}, which validates them).
 *
 * @example
 * demandGrade({ scale: 'large', urgency: 'urgent', hasIntention: true }).grade //=> 'A'
 * demandGrade({ scale: 'small', urgency: 'ordinary', hasIntention: true }).grade //=> 'B'
 * demandGrade({ scale: 'large', urgency: 'latent', hasIntention: false }).grade //=> 'C'
 */
export function demandGrade(
  figures: DemandFigures,
  policy: Pick<TieringPolicy, 'gradeAScales'> = defaultTieringPolicy,
): { readonly grade: DemandGrade; readonly reason: TieringReason } {
  const large = policy.gradeAScales.includes(figures.scale)
  if (figures.urgency === 'urgent' && large) {
    return grade('A', TieringReasonCode.GRADE_A, '需求规模较大且需求迫切：A 级', 'large scale and urgent need: grade A')
  }
  if (figures.urgency === 'urgent') {
    return grade('B', TieringReasonCode.GRADE_B, '需求迫切但规模不属于较大：B 级', 'urgent need but not a large scale: grade B')
  }
  if (figures.urgency === 'ordinary' && figures.hasIntention) {
    return grade('B', TieringReasonCode.GRADE_B, '一般需求状态，有需求的想法：B 级', 'ordinary need with an intention: grade B')
  }
  if (figures.urgency === 'ordinary') {
    return grade('C', TieringReasonCode.GRADE_C, '一般需求但尚无需求意向，视为潜在需求：C 级', 'ordinary need without an intention counts as latent: grade C')
  }
  return grade('C', TieringReasonCode.GRADE_C, '潜在需求状态：C 级', 'latent need: grade C')
}

function grade(value: DemandGrade, code: string, zh: string, en: string): { readonly grade: DemandGrade; readonly reason: TieringReason } {
  return Object.freeze({ grade: value, reason: tieringReason(code, 'R-TIE-2', zh, en) })
}
