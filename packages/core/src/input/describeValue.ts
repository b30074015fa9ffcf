/**
 * Renders a bad input value for an error message (错误信息中的实际值): a `Date` as its ISO text
 * (or `Invalid Date`), anything else as JSON, falling back to `String(value)` where JSON has no
 * text for it (`undefined`, functions, symbols) or cannot write it (a `bigint`, a cycle).
 *
 * @example
 * describeValue('x') //=> '"x"'
 * describeValue(undefined) //=> 'undefined'
 * describeValue(new Date(Number.NaN)) //=> 'Invalid Date'
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
