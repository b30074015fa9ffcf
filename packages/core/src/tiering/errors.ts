import { InvalidInputError } from '../errors.js'

/** Error codes of the tiering area (客户分级错误代码). Business refusals are data, not these. */
export const TieringErrorCode = {
  /** The customer figures are not an object, or a field is missing or of the wrong kind (客户数据无效). */
  INVALID_FIGURES: 'TIERING.INVALID_FIGURES',
  /** The annual volume is below zero (年业务量为负). */
  NEGATIVE_VOLUME: 'TIERING.NEGATIVE_VOLUME',
  /** What was passed as a classification is not one (分级结果无效). */
  INVALID_CLASSIFICATION: 'TIERING.INVALID_CLASSIFICATION',
  /** The approval record is malformed (审批记录无效): no role, an invalid instant. */
  INVALID_APPROVAL: 'TIERING.INVALID_APPROVAL',
} as const

/** A malformed input of the tiering area (客户分级输入无效). */
export class TieringInputError extends InvalidInputError {}
