import { setFlagsFromString } from 'node:v8'

import { GraphQLError, getOperationAST, getVariableValues, type DocumentNode, type ExecutionArgs, type ExecutionResult, type Source, type VariableDefinitionNode } from 'graphql'
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit'
import type { Plugin } from 'graphql-yoga'

/**
 * When an operation is compiled. graphql-jit turns a parsed operation into one JavaScript function
 * for this schema: the same resolvers run and the same answer comes back, without the standard
 * executor's work per field (collecting fields, reading arguments, checking types). On the page of
 * 20 customers with owner, tier and last visit that is about a fifth of the gateway's CPU per
 * request. Compiling costs more than one run (3 ms for that page, 40 ms for the introspection
 * query), so an operation runs `afterRuns` times through the standard executor first.
 */
export interface CompiledExecution {
  /** Runs of an operation through the standard executor before it is compiled; 0 compiles at once. */
  readonly afterRuns: number
}

/** The default: an operation sent once is never compiled; from its second run it runs compiled. */
export const defaultCompiledExecution: CompiledExecution = Object.freeze({ afterRuns: 1 })

/** A `compileOperations` option that is neither `false` nor `{ afterRuns }` with a whole number ≥ 0. */
export class CompiledExecutionError extends Error {
  constructor(readonly value: unknown) {
    super(`compileOperations must be false or { afterRuns: n } with n a whole number ≥ 0, got ${describe(value)}`)
    this.name = 'CompiledExecutionError'
  }
}

/**
 * The setting in force: `option`, or {@link defaultCompiledExecution} when it is undefined.
 * @throws {@link CompiledExecutionError} when it is anything but `false` or `{ afterRuns: n ≥ 0 }`
 */
export function resolveCompiledExecution(option: CompiledExecution | false | undefined): CompiledExecution | false {
  if (option === undefined) return defaultCompiledExecution
  if (option === false) return false
  const afterRuns: unknown = typeof option === 'object' && option !== null ? option.afterRuns : undefined
  if (typeof afterRuns !== 'number' || !Number.isSafeInteger(afterRuns) || afterRuns < 0) throw new CompiledExecutionError(option)
  return Object.freeze({ afterRuns })
}

/**
 * Whether a parsed operation is run compiled: `false` for its first `afterRuns` runs, `true` from
 * then on. Runs are counted per document object: yoga's parser cache hands back the same object for
 * the same text, so a client's repeated operation is one document. The counts are weakly held and
 * go with the document when the parser cache drops it.
 */
export function compileGate(afterRuns: number): (document: DocumentNode) => boolean {
  const runs = new WeakMap<DocumentNode, number>()
  return (document) => {
    const seen = runs.get(document) ?? 0
    if (seen >= afterRuns) return true
    runs.set(document, seen + 1)
    return false
  }
}

/** The yoga plugins that run operations compiled under `setting` (none when it is `false`). */
export function compiledExecutionPlugins(setting: CompiledExecution | false): Plugin[] {
  if (setting === false) return []
  // V8 keeps the source and code of every `new Function` in its compilation cache until the heap
  // nears its limit: about 85 KB for each distinct operation compiled, so a stream of distinct
  // operations would grow the process by hundreds of MiB. Without the cache a compiled operation
  // goes when its document does (measured: 5,000 distinct operations, heap flat at 43 MiB). The
  // cache only saves compiling the same source twice, which no part of the gateway does.
  setFlagsFromString('--no-compilation-cache')
  const compiled = compileGate(setting.afterRuns)
  const cache = new WeakMap<DocumentNode, Map<string, CompiledOperation | null>>()
  return [
    {
      onExecute({ args, setExecuteFn }) {
        if (!compiled(args.document)) return
        const operation = compiledOperation(cache, args)
        if (operation !== null) setExecuteFn((executionArgs) => executeCompiled(operation, executionArgs))
      },
    },
  ]
}

/** An operation's compiled form, with its variable definitions (which graphql-js coerces first). */
interface CompiledOperation {
  readonly query: CompiledQuery
  readonly variables: readonly VariableDefinitionNode[]
}

/**
 * The compiled form of the operation `args` names, compiled on first use and kept with its
 * document; `null` when it cannot be compiled (a subscription, or an operation graphql-jit does not
 * support): that operation keeps running through the standard executor.
 */
function compiledOperation(cache: WeakMap<DocumentNode, Map<string, CompiledOperation | null>>, args: ExecutionArgs): CompiledOperation | null {
  let byOperation = cache.get(args.document)
  if (byOperation === undefined) cache.set(args.document, (byOperation = new Map()))
  const name = args.operationName ?? ''
  let operation = byOperation.get(name)
  if (operation === undefined) {
    const definition = getOperationAST(args.document, args.operationName)
    const kind = definition?.operation
    const result = kind === 'query' || kind === 'mutation' ? compileQuery(args.schema, args.document, args.operationName ?? undefined) : null
    operation = result !== null && isCompiledQuery(result) ? { query: result, variables: definition?.variableDefinitions ?? [] } : null
    byOperation.set(name, operation)
  }
  return operation
}

/**
 * Runs a compiled operation and answers exactly as the standard executor does, so that a client
 * cannot tell which one ran:
 * - bad variables are refused by graphql-js's own coercion first, with its messages and locations
 *   and HTTP 400, before any resolver runs (the compiled code would word them differently);
 * - each error becomes a graphql-js `GraphQLError` at the same place in the source, keeping the
 *   error it wraps, so that masking and the `locations` of the response are those of the standard path;
 * - `errors` comes before `data`, as graphql-js orders them.
 */
async function executeCompiled(operation: CompiledOperation, args: ExecutionArgs): Promise<ExecutionResult> {
  if (operation.variables.length > 0) {
    const coerced = getVariableValues(args.schema, operation.variables, args.variableValues ?? {})
    if (coerced.errors !== undefined) return { errors: coerced.errors.map(asRequestError) }
  }
  const result = await operation.query.query(args.rootValue, args.contextValue, args.variableValues ?? {})
  const data = result.data ?? null
  if (result.errors === undefined || result.errors.length === 0) return { data }
  const source = args.document.loc?.source
  return { errors: result.errors.map((error) => standardError(error, source)), data }
}

/** A variable error as the standard executor reports it: a request error, HTTP 400. */
function asRequestError(error: GraphQLError): GraphQLError {
  const http = { ...(error.extensions['http'] as object | undefined), status: 400 }
  Object.defineProperty(error, 'extensions', { value: { ...error.extensions, http } })
  return error
}

/** A compiled operation's error as a graphql-js error at the same source positions. */
function standardError(error: GraphQLError, source: Source | undefined): GraphQLError {
  const positions = source === undefined ? undefined : (error.locations ?? []).map((location) => offsetOf(source.body, location.line, location.column))
  return new GraphQLError(error.message, {
    ...(source === undefined || positions === undefined || positions.length === 0 ? {} : { source, positions }),
    path: error.path,
    originalError: error.originalError ?? null,
    extensions: error.extensions,
  })
}

/** The character offset of a 1-based line and column in `body` (graphql-js counts \r\n, \n and \r as line ends). */
function offsetOf(body: string, line: number, column: number): number {
  let lineStart = 0
  const ends = /\r\n|[\n\r]/g
  for (let current = 1; current < line; current += 1) {
    const end = ends.exec(body)
    if (end === null) break
    lineStart = end.index + end[0].length
  }
  return lineStart + column - 1
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
