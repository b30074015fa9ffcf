import { LifecycleErrorCode, type LifecycleInputError, lifecycleInputError } from './errors.js'

/**
 * The six new-customer selection criteria (新客户选择原则, R-LIF-3), each of which the regulation
 * says a new customer 必须具备 "must have".
 *
 * @example
 * SELECTION_CRITERIA.length //=> 6
 */
export const SELECTION_CRITERIA = [
  'equipmentAndTechnology', // 设备和技术满足质量要求
  'onTimeDelivery', // 按时供货的管理能力
  'financialStrength', // 经济水平、财务能力与信用
  'cooperativeAttitude', // 积极的合作态度
  'confidentiality', // 遵循商业与技术保密原则
  'costLevel', // 成本管理和成本水平符合要求
] as const

/** One of {@link SELECTION_CRITERIA}. */
export type SelectionCriterion = (typeof SELECTION_CRITERIA)[number]

/** Chinese names of the criteria. */
export const SELECTION_CRITERION_NAMES_ZH: Readonly<Record<SelectionCriterion, string>> = Object.freeze({
  equipmentAndTechnology: '设备和技术满足质量要求',
  onTimeDelivery: '具备按时供货的管理能力',
  financialStrength: '经济水平较高、财务能力较强、信用较好',
  cooperativeAttitude: '具有积极的合作态度',
  confidentiality: '遵循商业和技术保密原则',
  costLevel: '成本管理和成本水平符合要求',
})

/** The assessment of one criterion: pass or fail, with a note (评估说明). */
export interface CriterionAssessment {
  readonly passed: boolean
  readonly note: string
}

/** Assessments by criterion; a criterion left out is "not assessed". */
export type SelectionAssessment = Readonly<Partial<Record<SelectionCriterion, CriterionAssessment>>>

/** What {@link reviewSelection} found. */
export interface SelectionReview {
  /** Criteria without an assessment. */
  readonly missing: readonly SelectionCriterion[]
  /** Criteria assessed as failed. */
  readonly failed: readonly SelectionCriterion[]
  /** True when every criterion is assessed and passed. */
  readonly allPassed: boolean
}

/**
 * Reviews a selection assessment (R-LIF-3): which of the six criteria are missing and which failed.
 * Each given assessment must be `{ passed: boolean, note: string }` with a non-empty note.
 *
 * @throws {@link LifecycleInputError} `LIFECYCLE.INVALID_EVENT` naming the field (`event.selection.costLevel.note`)
 *
 * @example
 * reviewSelection({ costLevel: { passed: false, note: '报价高于同类 15%' } }).failed //=> ['costLevel']
 * reviewSelection({}).missing.length //=> 6
 */
export function reviewSelection(assessment: SelectionAssessment, field = 'selection'): SelectionReview {
  if (typeof assessment !== 'object' || assessment === null || Array.isArray(assessment)) fail(field, 'must be an object of assessments by criterion', '必须是按评估项组织的对象', assessment)
  const record = assessment as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!(SELECTION_CRITERIA as readonly string[]).includes(key)) fail(`${field}.${key}`, `is not a selection criterion (known: ${SELECTION_CRITERIA.join(', ')})`, `不是新客户选择原则中的评估项`, record[key])
  }
  const missing: SelectionCriterion[] = []
  const failed: SelectionCriterion[] = []
  for (const criterion of SELECTION_CRITERIA) {
    const value = record[criterion]
    if (value === undefined) {
      missing.push(criterion)
      continue
    }
    if (typeof value !== 'object' || value === null) fail(`${field}.${criterion}`, 'must be { passed, note }', '必须是 { passed, note }', value)
    const entry = value as Record<string, unknown>
    if (typeof entry['passed'] !== 'boolean') fail(`${field}.${criterion}.passed`, 'must be true or false', '必须是 true 或 false', entry['passed'])
    if (typeof entry['note'] !== 'string' || entry['note'].trim() === '') fail(`${field}.${criterion}.note`, 'must be a non-empty note', '必须填写评估说明', entry['note'])
    if (!entry['passed']) failed.push(criterion)
  }
  return Object.freeze({ missing: Object.freeze(missing), failed: Object.freeze(failed), allPassed: missing.length === 0 && failed.length === 0 })
}

function fail(field: string, en: string, zh: string, value: unknown): never {
  throw lifecycleInputError(LifecycleErrorCode.INVALID_EVENT, field, en, zh, value, 'R-LIF-3')
}
