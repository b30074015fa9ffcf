import { InvalidInputError } from '../errors.js'

/** Error codes of the KPI area (绩效考核错误代码). A zero denominator is not an error: it is a result. */
export const KpiErrorCode = {
  /** A period string is not `YYYY-MM`, `YYYY-Qn` or `YYYY`, or is out of range (考核期间无效). */
  INVALID_PERIOD: 'KPI.INVALID_PERIOD',
  /** An instant is not a valid Date or ISO-8601 date-time (时间点无效). */
  INVALID_INSTANT: 'KPI.INVALID_INSTANT',
  /** An ISO-8601 date-time has no offset or `Z`, so it is ambiguous (时间缺少时区偏移). */
  INSTANT_WITHOUT_OFFSET: 'KPI.INSTANT_WITHOUT_OFFSET',
  /** A record or a field of a record is missing or of the wrong kind (记录无效). */
  INVALID_RECORD: 'KPI.INVALID_RECORD',
  /** An amount that must not be negative is (金额为负). */
  NEGATIVE_AMOUNT: 'KPI.NEGATIVE_AMOUNT',
  /** Two customer records share an id (客户编号重复). */
  DUPLICATE_CUSTOMER: 'KPI.DUPLICATE_CUSTOMER',
  /** A record refers to a customer id that is not in the customer list (未知客户). */
  UNKNOWN_CUSTOMER: 'KPI.UNKNOWN_CUSTOMER',
  /** Instants of one record are out of order, e.g. churned before it started (时间先后矛盾). */
  INCONSISTENT_DATES: 'KPI.INCONSISTENT_DATES',
  /** A plan or budget covers a longer period than the one measured, so it cannot be attributed (计划期间跨越考核期间). */
  PLAN_PERIOD_STRADDLES: 'KPI.PLAN_PERIOD_STRADDLES',
  /** A completeness score or bar is outside [0, 1] (完整率超出范围). */
  SCORE_OUT_OF_RANGE: 'KPI.SCORE_OUT_OF_RANGE',
  /** The scorecard policy names a KPI for which no value was given (缺少指标值). */
  SCORECARD_MISSING_VALUE: 'KPI.SCORECARD_MISSING_VALUE',
  /** A value was given for a KPI the scorecard policy does not name (未知指标). */
  SCORECARD_UNKNOWN_KPI: 'KPI.SCORECARD_UNKNOWN_KPI',
  /** A KPI value passed to the scorecard is not a KPI result (指标值无效). */
  INVALID_KPI_VALUE: 'KPI.INVALID_KPI_VALUE',
} as const

/** A malformed input of the KPI area (绩效考核输入无效). */
export class KpiInputError extends InvalidInputError {}
