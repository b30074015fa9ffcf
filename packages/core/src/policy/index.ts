/**
 * Policy validation primitives shared by every area (政策参数校验).
 * @module
 */
export {
  type DecimalBounds,
  invalidPolicyField,
  policyBoolean,
  policyDecimal,
  policyEnum,
  policyInteger,
  policyObject,
  rejectUnknownKeys,
} from './validate.js'
