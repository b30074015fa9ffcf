import { InputValidationError, type ValidationPluginOptions } from '@pothos/plugin-validation'
import type { SchemaTypes } from '@pothos/core'
import { GraphQLError } from 'graphql'
import { z } from 'zod'

/** The most items one page of any connection (`customers`, `staffDirectory`, …) returns. */
export const MAX_PAGE_SIZE = 100

/**
 * The options of a connection's `first` / `last` argument: a whole number from 0 to
 * {@link MAX_PAGE_SIZE}. A larger page is refused with a `BAD_USER_INPUT` error naming the argument
 * and the limit, rather than shortened without a word (a client would take a clamped page for the
 * whole list). Pothos' own cap of 100 stays behind it as a second line.
 */
export function pageSizeArgOptions(argument: 'first' | 'last') {
  return {
    description: `Page size, 0 to ${MAX_PAGE_SIZE}; a larger one is refused (BAD_USER_INPUT).`,
    validate: z.number().superRefine((value, context) => {
      if (Number.isInteger(value) && value >= 0 && value <= MAX_PAGE_SIZE) return
      context.addIssue({ code: 'custom', message: pageSizeError(argument).message, fatal: true })
    }),
  }
}

/** The error of a page size out of range, as the gateway answers it. */
export function pageSizeError(argument: 'first' | 'last'): GraphQLError {
  const messageEn = `${argument} must be a whole number from 0 to ${MAX_PAGE_SIZE}`
  const messageZh = `${argument} 必须是 0 至 ${MAX_PAGE_SIZE} 的整数`
  return new GraphQLError(`${messageEn} (${messageZh})`, { extensions: { code: 'BAD_USER_INPUT', field: argument, limit: MAX_PAGE_SIZE, messageZh, messageEn } })
}

/**
 * The validation plugin's error: a refused page size as {@link pageSizeError}, any other failure as
 * the plugin reports it.
 */
export const validationError: NonNullable<ValidationPluginOptions<SchemaTypes>['validationError']> = (failure) => {
  for (const issue of failure.issues) {
    const [first, ...rest] = (issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment))
    if (rest.length > 0 || (first !== 'first' && first !== 'last')) continue
    const refusal = pageSizeError(first)
    if (issue.message === refusal.message) return refusal
  }
  return new InputValidationError(failure)
}
