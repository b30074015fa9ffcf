import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions'
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit'
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens'
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql'
import type { Plugin } from 'graphql-yoga'

import { REQUEST_TOO_LARGE, requestBodyLimitPlugin } from './requestBodyLimit.js'

/**
 * The limits every operation is checked against before it runs, so that one request cannot make
 * the gateway walk an arbitrarily deep or wide tree of records. Introspection (`__schema`) is not
 * counted against depth and cost, so GraphiQL and code generators keep working.
 */
export interface OperationLimits {
  /** Deepest field nesting of an operation; **default** 10 (a customer page with its owner's team is 6). */
  readonly maxDepth: number
  /**
   * Highest static cost (graphql-armor's formula: 2 per object field, 1 per scalar field, children
   * weighted 1.5 per level, a field with a literal `first`/`last` multiplied by it); **default**
   * 10000. A page of 20 customers with owner, tier and last visit costs about 1,100; a page of 100
   * with owner and contacts about 4,800; three such pages under aliases are refused.
   */
  readonly maxCost: number
  /** Most aliases in one operation; **default** 15 (aliases multiply work without adding depth). */
  readonly maxAliases: number
  /** Most lexical tokens in one document, checked while parsing; **default** 5000. */
  readonly maxTokens: number
  /** Hide "Did you mean …?" field suggestions in validation errors; **default** true in production. */
  readonly blockFieldSuggestions: boolean
  /**
   * Largest request body in bytes; **default** 1 MiB (1,048,576). A larger body is refused with
   * HTTP 413 and `REQUEST_TOO_LARGE` before it is parsed. The largest operation of the API with its
   * variables (a claim with its invoices) is a few kilobytes.
   */
  readonly maxRequestBytes: number
}

/** The error codes (`extensions.code`) of a refused operation, one per limit. */
export const OperationLimitCode = {
  TOO_DEEP: 'OPERATION_TOO_DEEP',
  TOO_COSTLY: 'OPERATION_TOO_COSTLY',
  TOO_MANY_ALIASES: 'OPERATION_TOO_MANY_ALIASES',
  TOO_MANY_TOKENS: 'OPERATION_TOO_MANY_TOKENS',
  REQUEST_TOO_LARGE,
} as const

/** The default limits (see {@link OperationLimits} for each value and why). */
export function defaultOperationLimits(production = process.env['NODE_ENV'] === 'production'): OperationLimits {
  return { maxDepth: 10, maxCost: 10_000, maxAliases: 15, maxTokens: 5000, blockFieldSuggestions: production, maxRequestBytes: 1_048_576 }
}

/** A limit given to `createApp` that is not a positive whole number (or not a boolean). */
export class OperationLimitsError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
  ) {
    super(`limits.${field} must be ${field === 'blockFieldSuggestions' ? 'true or false' : 'a whole number ≥ 1'}, got ${JSON.stringify(value) ?? String(value)}`)
    this.name = 'OperationLimitsError'
  }
}

/**
 * The limits in force: `overrides` over {@link defaultOperationLimits}, each one checked.
 * @throws {@link OperationLimitsError} naming the bad field
 * @example resolveOperationLimits({ maxDepth: 6 }).maxDepth //=> 6
 */
export function resolveOperationLimits(overrides: Partial<OperationLimits> = {}, production?: boolean): OperationLimits {
  const limits = { ...defaultOperationLimits(production), ...withoutUndefined(overrides) }
  for (const field of ['maxDepth', 'maxCost', 'maxAliases', 'maxTokens', 'maxRequestBytes'] as const) {
    const value: unknown = limits[field]
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new OperationLimitsError(field, value)
  }
  if (typeof limits.blockFieldSuggestions !== 'boolean') throw new OperationLimitsError('blockFieldSuggestions', limits.blockFieldSuggestions)
  return Object.freeze(limits)
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** A graphql-armor rule whose rejection is reported as a GraphQL error with our code and the limit. */
type ArmorRule = (options: { propagateOnRejection: boolean; onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[] } & Record<string, unknown>) => ValidationRule

function limitRule(rule: ArmorRule, options: Record<string, unknown>, code: string, limit: number): ValidationRule {
  return rule({
    ...options,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context, error) => context?.reportError(refusal(error, code, limit))],
  })
}

function refusal(error: GraphQLError, code: string, limit: number): GraphQLError {
  return new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code, limit } })
}

/**
 * The yoga plugins enforcing `limits`: depth, cost and aliases as validation rules (they run once
 * per distinct document thanks to yoga's validation cache), tokens while parsing, and the masking
 * of field suggestions. A refused operation is answered with one error whose `extensions.code` is
 * one of {@link OperationLimitCode} and `extensions.limit` the limit, and nothing is executed.
 */
export function operationLimitPlugins(limits: OperationLimits): Plugin[] {
  const rules: ValidationRule[] = [
    limitRule(maxDepthRule as ArmorRule, { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true }, OperationLimitCode.TOO_DEEP, limits.maxDepth),
    limitRule(costLimitRule as ArmorRule, { maxCost: limits.maxCost, ignoreIntrospection: true }, OperationLimitCode.TOO_COSTLY, limits.maxCost),
    limitRule(maxAliasesRule as ArmorRule, { n: limits.maxAliases }, OperationLimitCode.TOO_MANY_ALIASES, limits.maxAliases),
  ]
  const plugins: Plugin[] = [
    { onValidate: ({ addValidationRule }) => rules.forEach((rule) => addValidationRule(rule)) },
    maxTokensPlugin({
      n: limits.maxTokens,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [
        (_context, error) => {
          throw refusal(error, OperationLimitCode.TOO_MANY_TOKENS, limits.maxTokens)
        },
      ],
    }) as Plugin,
  ]
  if (limits.blockFieldSuggestions) plugins.push(blockFieldSuggestionsPlugin() as Plugin)
  // Last, so that it sees the request parser yoga chose for the request.
  plugins.push(requestBodyLimitPlugin(limits.maxRequestBytes))
  return plugins
}
