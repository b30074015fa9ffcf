import type { KehuError, KehuErrorOptions } from '../errors.js'
import { describeValue } from './describeValue.js'

/**
 * One bad input: the field, what it should be in both languages, and what it was.
 * @internal
 */
export interface InputProblem {
  /** Path of the offending input field, e.g. `claim.items[0].amount`. */
  readonly field: string
  /** What the field must be, in English, read after the field: `must be an object`. */
  readonly expectedEn: string
  /** What the field must be, in Chinese: `必须是对象`. */
  readonly expectedZh: string
  /** The value that was given. */
  readonly value: unknown
}

/**
 * Everything {@link inputError} needs: the problem, the area's code and, where there is one,
 * the rule the precondition comes from.
 * @internal
 */
export interface InputErrorSpec extends InputProblem {
  /** The area's stable error code, e.g. `EXPENSE.INVALID_CLAIM`. */
  readonly code: string
  /** Rule ID of the catalogue, e.g. `R-SVC-1`; left out of the error when `undefined`. */
  readonly ruleId?: string | undefined
  /** How to render the value; {@link describeValue} unless the area renders some values its own way. */
  readonly describe?: (value: unknown) => string
}

/**
 * Builds an area's error for a malformed input (输入无效), with the messages
 * `"<field> <expectedEn>, got <value>"` and `"<field> <expectedZh>，实际为 <value>"` and
 * `details.value` holding the rendered value.
 *
 * @example
 * inputError(ExpenseInputError, { code: 'EXPENSE.INVALID_CLAIM', field: 'claim', expectedEn: 'must be an object', expectedZh: '必须是对象', value: 3 }).messageEn
 * //=> 'claim must be an object, got 3'
 * @internal
 */
export function inputError<E extends KehuError>(ErrorClass: new (options: KehuErrorOptions) => E, spec: InputErrorSpec): E {
  const { code, field, expectedEn, expectedZh, value, ruleId, describe = describeValue } = spec
  const shown = describe(value)
  return new ErrorClass({
    code,
    field,
    messageEn: `${field} ${expectedEn}, got ${shown}`,
    messageZh: `${field} ${expectedZh}，实际为 ${shown}`,
    details: { value: shown },
    ...(ruleId === undefined ? {} : { ruleId }),
  })
}
