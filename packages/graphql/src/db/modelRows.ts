import { getDatamodel } from '../generated/pothos-types.js'

/**
 * Turns rows read with plain SQL into the objects Prisma returns for the same model, so that a
 * resolver may serve them in place of a Prisma read: DateTime (ISO text) as `Date`, BigInt as
 * `bigint`, Int and Float as `number`, Boolean (0/1) as `boolean`, Json (text) parsed. The columns
 * and their types come from the Prisma datamodel, so a new column is picked up by regenerating it.
 *
 * Statements read through {@link ModelRows.fromRaw} must return `raw` rows (arrays, columns in the
 * order of {@link ModelRows.columns}) with safe integers on, so that a BigInt is never rounded.
 */
export interface ModelRows {
  /** The scalar columns, quoted, for a `SELECT` list: `alias."id", alias."name", …`. */
  columns(alias: string): string
  /** How many columns {@link columns} lists. */
  readonly width: number
  /** Where `column` is in {@link columns}' list, or -1 when it is not read. */
  indexOf(column: string): number
  /**
   * The Prisma-shaped object of one raw row, whose columns start at `offset` (**default** 0; a
   * joined statement lists several models' columns one after the other).
   */
  fromRaw(row: readonly unknown[], offset?: number): Record<string, unknown>
}

type Convert = (value: unknown) => unknown

const CONVERT: Record<string, Convert> = {
  String: (v) => v,
  DateTime: (v) => (v === null ? null : new Date(v as string)),
  BigInt: (v) => v,
  Int: (v) => (v === null ? null : Number(v)),
  Float: (v) => (v === null ? null : Number(v)),
  Boolean: (v) => (v === null ? null : Number(v) !== 0),
  Json: (v) => (v === null ? null : (JSON.parse(v as string) as unknown)),
}

const cache = new Map<string, ModelRows>()
/** The most column sets kept (each is a few closures); past it the cache starts again. */
const MAX_CACHED = 512
let datamodel: ReturnType<typeof getDatamodel>['datamodel'] | undefined

/**
 * The {@link ModelRows} of a Prisma model by name (`'Customer'`): every scalar column, or only
 * `only` (the object then lacks the other columns: give it only to fields that read these).
 */
export function modelRows(model: string, only?: readonly string[]): ModelRows {
  const key = only === undefined ? model : `${model}:${only.join(',')}`
  const known = cache.get(key)
  if (known !== undefined) return known
  datamodel ??= getDatamodel().datamodel
  const fields = datamodel.models[model]?.fields
  if (fields === undefined) throw new Error(`no Prisma model ${model}`)
  for (const name of only ?? []) if (!fields.some((f) => f.name === name && f.kind === 'scalar')) throw new Error(`no scalar column ${model}.${name}`)
  const scalars = fields.filter((f) => (f.kind === 'scalar' || f.kind === 'enum') && (only === undefined || only.includes(f.name)))
  const names = scalars.map((f) => f.name)
  const converts = scalars.map((f) => {
    if (f.isList) throw new Error(`${model}.${f.name}: list columns are not read with plain SQL`)
    const convert = f.kind === 'enum' ? CONVERT['String'] : CONVERT[f.type]
    if (convert === undefined) throw new Error(`${model}.${f.name}: no plain-SQL reading of ${f.type}`)
    return convert
  })
  const rows: ModelRows = {
    columns: (alias) => names.map((name) => `${alias}."${name}"`).join(', '),
    width: names.length,
    indexOf: (column) => names.indexOf(column),
    fromRaw: (row, offset = 0) => {
      const out: Record<string, unknown> = {}
      for (let i = 0; i < names.length; i += 1) out[names[i]!] = converts[i]!(row[offset + i] ?? null)
      return out
    },
  }
  if (cache.size >= MAX_CACHED) cache.clear()
  cache.set(key, rows)
  return rows
}

/** The columns each GraphQL field of a model's object type reads from its row, where exactly known. */
export type FieldColumns = Readonly<Record<string, readonly string[]>>

/**
 * The columns to read for the selected `fields`: `keys` and the columns of each field in `known`,
 * sorted; `undefined` (every column) when a field is not in `known`.
 */
export function columnsFor(fields: Iterable<string>, known: FieldColumns, keys: readonly string[]): string[] | undefined {
  const columns = new Set(keys)
  for (const field of fields) {
    const read = known[field]
    if (read === undefined) return undefined
    for (const column of read) columns.add(column)
  }
  return [...columns].sort()
}
