import { Money } from '../money/money.js'
import { type DemandGrade, demandGrade } from './demandGrade.js'
import { type CustomerFigures, readCustomerFigures, type ValidFigures } from './figures.js'
import { createTieringPolicy, defaultTieringPolicy, type TieringPolicy } from './policy.js'
import { type TieringReason, TieringReasonCode, tieringReason } from './reason.js'
import type { CustomerTier, FormulaTier } from './tier.js'

/** The result of classifying a customer (客户分级结果). */
export interface CustomerClassification {
  /** The tier (层级). `strategic` only after {@link applyStrategicApproval}. */
  readonly tier: CustomerTier
  /** Whether the formula proposes strategic partner (建议列为战略合作伙伴, R-TIE-4). */
  readonly proposedStrategic: boolean
  /** Demand grade (需求等级, R-TIE-2). */
  readonly grade: DemandGrade
  /** Why: one reason for the tier, one per adjustment, one for a proposal, one for the grade. Never empty. */
  readonly reasons: readonly TieringReason[]
}

/** A classification produced by the formula alone: never `strategic` (R-TIE-4). */
export interface FormulaClassification extends CustomerClassification {
  readonly tier: FormulaTier
}

/**
 * Classifies a customer (客户分级, R-TIE-1..4): a pure function of its figures and the policy.
 *
 * 1. Annual volume 0 → 储备 reserve (no business), or the policy's `zeroVolumeWithHistory` tier
 *    (**default** general) when the customer has past business.
 * 2. Volume ≥ `keyMinAnnualVolume` (**default** ¥1,000,000) → 重点 key, except that a small
 *    private company (私人有限公司 of small scale) or a sole trader (个体经营者) is at most 一般
 *    general when `capSmallPrivateAtGeneral` (**default**).
 * 3. Otherwise (0 < volume < key threshold) → 一般 general.
 * 4. A key customer with volume ≥ `strategicProposalMinAnnualVolume` (**default** ¥5,000,000) is
 *    *proposed* as strategic partner; the formula never assigns `strategic` (R-TIE-4).
 * 5. The demand grade follows {@link demandGrade} (R-TIE-2).
 *
 * More volume never gives a lower tier, and every valid input gets exactly one tier and grade.
 *
 * @throws {@link TieringInputError} `TIERING.INVALID_FIGURES` / `TIERING.NEGATIVE_VOLUME` naming the field;
 *   money errors (`MONEY.*`) for a malformed amount; `POLICY.INVALID_FIELD` for a bad policy
 *
 * @example
 * const figures = { annualVolume: '1000000.00', scale: 'large', urgency: 'urgent', hasIntention: true, hasBusinessHistory: true } as const
 * classifyCustomer(figures).tier //=> 'key'
 * classifyCustomer({ ...figures, annualVolume: '999999.99' }).tier //=> 'general'
 * classifyCustomer({ ...figures, annualVolume: '5000000' }).proposedStrategic //=> true
 * classifyCustomer({ ...figures, annualVolume: 0, hasBusinessHistory: false }).tier //=> 'reserve'
 */
export function classifyCustomer(figures: CustomerFigures, policy: TieringPolicy = defaultTieringPolicy): FormulaClassification {
  const valid = readCustomerFigures(figures)
  const checked = policy === defaultTieringPolicy ? policy : createTieringPolicy(policy, 'policy')
  const reasons: TieringReason[] = []
  const tier = tierOf(valid, checked, reasons)
  const proposedStrategic = tier === 'key' && valid.annualVolume.compare(Money.parse(checked.strategicProposalMinAnnualVolume)) >= 0
  if (proposedStrategic) {
    reasons.push(
      tieringReason(
        TieringReasonCode.STRATEGIC_PROPOSED,
        'R-TIE-4',
        `年业务量 ${valid.annualVolume.format()} 达到战略合作伙伴建议门槛 ${Money.parse(checked.strategicProposalMinAnnualVolume).format()}：建议列为战略合作伙伴，须经总经理办公会批准`,
        `annual volume ${valid.annualVolume.format()} reaches the strategic proposal threshold ${Money.parse(checked.strategicProposalMinAnnualVolume).format()}: proposed as strategic partner, effective only with general-manager office approval`,
      ),
    )
  }
  const graded = demandGrade(valid, checked)
  reasons.push(graded.reason)
  return Object.freeze({ tier, proposedStrategic, grade: graded.grade, reasons: Object.freeze(reasons) })
}

function tierOf(figures: ValidFigures, policy: TieringPolicy, reasons: TieringReason[]): FormulaTier {
  const volume = figures.annualVolume
  if (volume.isZero()) {
    if (figures.hasBusinessHistory && policy.zeroVolumeWithHistory === 'general') {
      reasons.push(
        tieringReason(
          TieringReasonCode.NO_VOLUME_WITH_HISTORY,
          'R-TIE-1',
          '本年无业务量但有业务往来历史：一般客户（年业务量少）',
          'no annual volume but past business: general (low annual volume)',
        ),
      )
      return 'general'
    }
    reasons.push(
      figures.hasBusinessHistory
        ? tieringReason(TieringReasonCode.NO_VOLUME_WITH_HISTORY, 'R-TIE-1', '本年无业务量（政策将其列为储备）：储备客户', 'no annual volume (the policy treats it as no business): reserve')
        : tieringReason(TieringReasonCode.NO_BUSINESS, 'R-TIE-1', '尚无业务往来：储备客户', 'no business yet: reserve'),
    )
    return 'reserve'
  }
  const key = Money.parse(policy.keyMinAnnualVolume)
  if (volume.compare(key) < 0) {
    reasons.push(
      tieringReason(
        TieringReasonCode.VOLUME_BELOW_KEY_THRESHOLD,
        'R-TIE-3',
        `年业务量 ${volume.format()} 大于零且低于重点客户门槛 ${key.format()}：一般客户`,
        `annual volume ${volume.format()} is above zero and below the key threshold ${key.format()}: general`,
      ),
    )
    return 'general'
  }
  reasons.push(
    tieringReason(
      TieringReasonCode.VOLUME_AT_KEY_THRESHOLD,
      'R-TIE-3',
      `年业务量 ${volume.format()} 达到重点客户门槛 ${key.format()}`,
      `annual volume ${volume.format()} reaches the key threshold ${key.format()}`,
    ),
  )
  if (policy.capSmallPrivateAtGeneral && isSmallPrivateOrSoleTrader(figures)) {
    reasons.push(
      tieringReason(
        TieringReasonCode.SMALL_PRIVATE_OR_SOLE_TRADER,
        'R-TIE-1',
        '小型民营公司或个体经营者属于一般客户：一般客户',
        'a small private company or a sole trader is a general customer: general',
      ),
    )
    return 'general'
  }
  return 'key'
}

/** R-TIE-1: 小型民营公司 (small-scale private limited company) or 个体经营者 (sole trader). */
function isSmallPrivateOrSoleTrader(figures: ValidFigures): boolean {
  return (
    figures.scale === 'sole-trader' ||
    figures.companyNature === 'soleTrader' ||
    (figures.companyNature === 'privateLimited' && figures.scale === 'small')
  )
}
