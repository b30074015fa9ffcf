import { COMPANY_NATURES as ARCHIVE_COMPANY_NATURES, type CompanyNature } from '../archive/fields.js'
import { inputError } from '../input/index.js'
import { Money, type MoneyInput } from '../money/money.js'
import { TieringErrorCode, TieringInputError } from './errors.js'

/** Scales of a customer's business (客户规模), largest first. */
export const CUSTOMER_SCALES = ['large', 'medium', 'small', 'sole-trader'] as const
/** Scale of a customer's business: 大型 large, 中型 medium, 小型 small, 个体 sole trader. */
export type CustomerScale = (typeof CUSTOMER_SCALES)[number]

/** Urgency of the customer's need (需求的及时性), most urgent first. */
export const NEED_URGENCIES = ['urgent', 'ordinary', 'latent'] as const
/** Urgency of the customer's need: 迫切 urgent, 一般 ordinary, 潜在 latent. */
export type NeedUrgency = (typeof NEED_URGENCIES)[number]

/**
 * Company nature as tiering reads it (公司性质): the archive's list of R-ARC-1
 * ({@link ARCHIVE_COMPANY_NATURES}: 上市公司, 私人有限公司, 中外合资, 外商独资, 国营) plus
 * 个体经营者 `soleTrader` and 其他 `other`.
 */
export const CUSTOMER_COMPANY_NATURES = [
  ...(Object.keys(ARCHIVE_COMPANY_NATURES) as CompanyNature[]),
  'soleTrader',
  'other',
] as const satisfies readonly string[]
/** One of {@link CUSTOMER_COMPANY_NATURES}. */
export type CustomerCompanyNature = CompanyNature | 'soleTrader' | 'other'

/** The figures a customer is classified from (分级依据, R-TIE-3). */
export interface CustomerFigures {
  /** Annual business volume (年业务量) in yuan; zero means no business this year. */
  readonly annualVolume: MoneyInput
  /** Scale of the customer's business (规模). */
  readonly scale: CustomerScale
  /** Urgency of the need (需求迫切程度). */
  readonly urgency: NeedUrgency
  /** Whether the customer has stated an intention to buy (有需求意向). */
  readonly hasIntention: boolean
  /** Whether the customer has done business with us before (有业务往来历史). */
  readonly hasBusinessHistory: boolean
  /** Company nature (公司性质), when known. */
  readonly companyNature?: CustomerCompanyNature
}

/** @internal figures after validation. */
export interface ValidFigures {
  readonly annualVolume: Money
  readonly scale: CustomerScale
  readonly urgency: NeedUrgency
  readonly hasIntention: boolean
  readonly hasBusinessHistory: boolean
  readonly companyNature: CustomerCompanyNature | undefined
}

const KNOWN_KEYS = ['annualVolume', 'scale', 'urgency', 'hasIntention', 'hasBusinessHistory', 'companyNature']

/**
 * @internal Validates customer figures at the boundary.
 * @throws {@link TieringInputError} `TIERING.INVALID_FIGURES`, `TIERING.NEGATIVE_VOLUME`; money errors for a bad amount
 */
export function readCustomerFigures(figures: unknown, field = 'figures'): ValidFigures {
  if (typeof figures !== 'object' || figures === null || Array.isArray(figures)) {
    throw invalidFigures(field, 'must be an object', '必须是对象', figures)
  }
  const record = figures as Readonly<Record<string, unknown>>
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.includes(key)) throw invalidFigures(`${field}.${key}`, 'is not a known field', '不是已知字段', record[key])
  }
  const volumeInput = record['annualVolume']
  if (volumeInput === undefined) throw invalidFigures(`${field}.annualVolume`, 'is required', '为必填项', volumeInput)
  const annualVolume = Money.of(volumeInput as MoneyInput, `${field}.annualVolume`)
  if (annualVolume.isNegative()) {
    throw new TieringInputError({
      code: TieringErrorCode.NEGATIVE_VOLUME,
      field: `${field}.annualVolume`,
      ruleId: 'R-TIE-3',
      messageEn: `${field}.annualVolume must not be negative, got ${annualVolume.toString()}`,
      messageZh: `${field}.annualVolume（年业务量）不能为负数，实际为 ${annualVolume.toString()}`,
      details: { value: annualVolume.toString() },
    })
  }
  const nature = record['companyNature']
  return {
    annualVolume,
    scale: oneOf(record['scale'], `${field}.scale`, CUSTOMER_SCALES),
    urgency: oneOf(record['urgency'], `${field}.urgency`, NEED_URGENCIES),
    hasIntention: bool(record['hasIntention'], `${field}.hasIntention`),
    hasBusinessHistory: bool(record['hasBusinessHistory'], `${field}.hasBusinessHistory`),
    companyNature: nature === undefined ? undefined : oneOf(nature, `${field}.companyNature`, CUSTOMER_COMPANY_NATURES),
  }
}

function oneOf<const T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidFigures(field, `must be one of ${allowed.join(', ')}`, `必须是 ${allowed.join('、')} 之一`, value)
  }
  return value as T
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalidFigures(field, 'must be true or false', '必须是 true 或 false', value)
  return value
}

function invalidFigures(field: string, en: string, zh: string, value: unknown): TieringInputError {
  return inputError(TieringInputError, { code: TieringErrorCode.INVALID_FIGURES, field, expectedEn: en, expectedZh: zh, value, ruleId: 'R-TIE-3', describe })
}

/** Tiering messages show a `Date` as its JSON, as they always have. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined'
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
