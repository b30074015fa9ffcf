/**
 * Input checking shared by the areas (输入校验): rendering a bad value, building an area's
 * input error, and small readers that throw it. Internal: not exported from the package barrel.
 * @internal
 * @module
 */
export { describeValue } from './describeValue.js'
export { type InputErrorSpec, type InputProblem, inputError } from './inputError.js'
export { type InputFailure, readArray, readDate, readInstant, readRecord, type ReadRecordOptions, readText } from './readers.js'
