import { describeValue } from '../input/index.js'
import { Decimal, type DecimalInput } from '../money/decimal.js'
import { KpiErrorCode, KpiInputError } from './errors.js'
import { type KpiRate, KpiUndefinedCode, kpiRate, undefinedReason } from './rate.js'
import { type ArchiveCompletenessRecord, readId, readInputObject, readList, readUnitInterval } from './records.js'

/**
 * How archive completeness is aggregated (R-KPI-7): the mean of the scores (**default**), or the
 * share of archives whose score is at or above a bar (完整率达标的档案占比).
 */
export type ArchiveCompletenessRateMode = { readonly kind: 'mean' } | { readonly kind: 'share-at-or-above'; readonly bar: DecimalInput }

/** Input of {@link archiveCompletenessRate}. */
export interface ArchiveCompletenessRateInput {
  /** One completeness score in [0, 1] per customer archive (R-ARC-3); customer ids must be unique. */
  readonly archives: readonly ArchiveCompletenessRecord[]
}

/**
 * 客户档案完整率 archive completeness, a manager KPI (R-KPI-7): either the mean of the
 * per-customer completeness scores (numerator = sum of scores, denominator = number of
 * archives), or the share of archives with a score ≥ `bar` (numerator = archives at or above).
 *
 * @returns the rate, or `undefined` with `KPI.NO_ARCHIVES` for an empty list
 * @throws {@link KpiInputError} `KPI.SCORE_OUT_OF_RANGE` for a score or bar outside [0, 1],
 *   `KPI.DUPLICATE_CUSTOMER`, `KPI.INVALID_RECORD` — each naming the field (e.g. `archives[1].completeness`)
 *
 * @example
 * const archives = [{ customerId: 'a', completeness: '1' }, { customerId: 'b', completeness: '0.75' }, { customerId: 'c', completeness: '0.5' }]
 * archiveCompletenessRate({ archives }).percent //=> '75.00'
 * archiveCompletenessRate({ archives }, { kind: 'share-at-or-above', bar: '0.75' }).percent //=> '66.67'
 */
export function archiveCompletenessRate(input: ArchiveCompletenessRateInput, mode: ArchiveCompletenessRateMode = { kind: 'mean' }): KpiRate {
  const fields = readInputObject(input, 'input')
  const kind = (mode as { kind?: unknown } | null)?.kind
  if (kind !== 'mean' && kind !== 'share-at-or-above') {
    throw new KpiInputError({
      code: KpiErrorCode.INVALID_RECORD,
      field: 'mode.kind',
      messageEn: `mode.kind must be 'mean' or 'share-at-or-above', got ${describeValue(kind)}`,
      messageZh: `mode.kind 必须是 'mean' 或 'share-at-or-above'，实际为 ${describeValue(kind)}`,
    })
  }
  const bar = mode.kind === 'share-at-or-above' ? readUnitInterval(mode.bar, 'mode.bar') : undefined
  const seen = new Set<string>()
  let numerator = new Decimal(0)
  let denominator = new Decimal(0)
  readList(fields['archives'], 'archives').forEach((archive, index) => {
    const at = `archives[${index}]`
    const customerId = readId(archive['customerId'], `${at}.customerId`)
    if (seen.has(customerId)) {
      throw new KpiInputError({
        code: KpiErrorCode.DUPLICATE_CUSTOMER,
        field: `${at}.customerId`,
        messageEn: `${at}.customerId ${JSON.stringify(customerId)} has more than one archive score`,
        messageZh: `${at}.customerId ${JSON.stringify(customerId)} 有多个档案完整率`,
        details: { id: customerId },
      })
    }
    seen.add(customerId)
    const score = readUnitInterval(archive['completeness'], `${at}.completeness`)
    denominator = denominator.plus(1)
    if (bar === undefined) numerator = numerator.plus(score)
    else if (score.greaterThanOrEqualTo(bar)) numerator = numerator.plus(1)
  })
  return kpiRate(
    numerator,
    denominator,
    undefinedReason(KpiUndefinedCode.NO_ARCHIVES, 'R-KPI-7', '没有客户档案，档案完整率无定义', 'no archives were given, so archive completeness is not defined'),
  )
}
