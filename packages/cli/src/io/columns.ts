/**
 * Column mapping (列映射): which column of a file holds which field. Headers are matched by any of
 * their accepted Chinese or English names, ignoring case and spaces; `--map header=field`
 * overrides name a column for a field explicitly.
 * @module
 */
import { UsageError } from './usageError.js'

/** A field a command reads, and the headers it is accepted under. */
export interface ColumnSpec {
  /** Canonical field name, the key in {@link InputRow.values}. */
  readonly field: string
  /** Accepted header names, Chinese and English (`['客户名称', 'customer', 'customer name']`). */
  readonly headers: readonly string[]
  /** Whether a file without this column is refused. */
  readonly required: boolean
}

/** Where each field sits in a file's header row. */
export interface ColumnMapping {
  /** Field → index in the header row. Optional fields absent from the file are not in the map. */
  readonly positions: ReadonlyMap<string, number>
  /** Field → the header as written in the file (for messages). */
  readonly headerOf: ReadonlyMap<string, string>
}

/** Normalises a header for matching: case-insensitive, all whitespace and BOMs removed, full-width letters folded. */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(/[\s\uFEFF]+/gu, '').toLowerCase()
}

/**
 * Parses `--map` overrides, each `header=field` (e.g. `项目号=project`).
 * @throws {@link UsageError} for an entry without `=` or with an empty side
 */
export function parseMapOverrides(entries: readonly string[]): Map<string, string> {
  const overrides = new Map<string, string>()
  for (const entry of entries) {
    const at = entry.lastIndexOf('=')
    const header = at < 0 ? '' : entry.slice(0, at).trim()
    const field = at < 0 ? '' : entry.slice(at + 1).trim()
    if (header === '' || field === '') {
      throw new UsageError(`--map 的格式应为 表头=字段，实际为 ${JSON.stringify(entry)}`, `--map expects header=field, got ${JSON.stringify(entry)}`)
    }
    overrides.set(field, header)
  }
  return overrides
}

/**
 * Maps a file's header row onto the fields of `specs`, applying `overrides` (field → header)
 * first. A header may serve only one field; unknown headers are ignored.
 *
 * @throws {@link UsageError} when a required field has no column, an override names a field
 *   the command does not read or a header the file does not have, or two fields claim one column
 */
export function mapColumns(headerRow: readonly string[], specs: readonly ColumnSpec[], overrides: ReadonlyMap<string, string> = new Map()): ColumnMapping {
  const byName = new Map<string, number>()
  headerRow.forEach((header, index) => {
    const key = normaliseHeader(header)
    if (key !== '' && !byName.has(key)) byName.set(key, index)
  })
  const known = new Set(specs.map((spec) => spec.field))
  for (const [field, header] of overrides) {
    if (!known.has(field)) {
      throw new UsageError(
        `--map 指定的字段 ${JSON.stringify(field)} 不存在；可用字段：${[...known].join(', ')}`,
        `--map names an unknown field ${JSON.stringify(field)}; fields: ${[...known].join(', ')}`,
      )
    }
    if (!byName.has(normaliseHeader(header))) {
      throw new UsageError(`--map 指定的表头 ${JSON.stringify(header)} 不在文件中`, `--map names a header ${JSON.stringify(header)} that the file does not have`)
    }
  }
  const positions = new Map<string, number>()
  const headerOf = new Map<string, string>()
  const claimedBy = new Map<number, string>()
  const missing: ColumnSpec[] = []
  for (const spec of specs) {
    const override = overrides.get(spec.field)
    const candidates = override === undefined ? [spec.field, ...spec.headers] : [override]
    let index: number | undefined
    for (const candidate of candidates) {
      index = byName.get(normaliseHeader(candidate))
      if (index !== undefined) break
    }
    if (index === undefined) {
      if (spec.required) missing.push(spec)
      continue
    }
    const other = claimedBy.get(index)
    if (other !== undefined) {
      throw new UsageError(
        `列 ${JSON.stringify(headerRow[index])} 同时对应字段 ${other} 和 ${spec.field}；请用 --map 指明`,
        `column ${JSON.stringify(headerRow[index])} matches both ${other} and ${spec.field}; use --map to choose`,
      )
    }
    claimedBy.set(index, spec.field)
    positions.set(spec.field, index)
    headerOf.set(spec.field, headerRow[index] ?? spec.field)
  }
  if (missing.length > 0) {
    const list = missing.map((spec) => `${spec.field} (${spec.headers.join(' / ')})`).join('; ')
    throw new UsageError(`缺少必需的列：${list}；可用 --map 表头=字段 指定`, `missing required column(s): ${list}; use --map header=field to name them`)
  }
  return { positions, headerOf }
}
