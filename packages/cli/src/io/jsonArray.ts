/**
 * A streaming splitter for a JSON array of records (`[{…}, {…}]`): yields the text of each
 * top-level element without holding the whole file, so a large JSON export reads in flat memory.
 * @module
 */
import { UsageError } from './usageError.js'

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\uFEFF'])

/**
 * Yields the source text of each element of the top-level JSON array in `chunks`.
 * @throws {@link UsageError} when the text is not a JSON array
 */
export async function* splitJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let started = false
  let ended = false
  let depth = 0 // nesting inside the current element
  let inString = false
  let escaped = false
  let element = ''
  for await (const chunk of chunks) {
    let from = -1 // start of the current element within this chunk
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string
      if (!started) {
        if (WHITESPACE.has(ch)) continue
        if (ch !== '[') throw notAnArray()
        started = true
        continue
      }
      if (ended) {
        if (!WHITESPACE.has(ch)) throw notAnArray()
        continue
      }
      if (inString) {
        if (escaped) escaped = false
        else if (ch === '\\') escaped = true
        else if (ch === '"') inString = false
        continue
      }
      if (depth === 0) {
        if (WHITESPACE.has(ch) || ch === ',') continue
        if (ch === ']') {
          ended = true
          continue
        }
        // Records must be objects: a scalar or nested array is not a row.
        if (ch !== '{') throw new UsageError('JSON 数组的元素必须是对象（每个对象一行数据）', 'elements of the JSON array must be objects (one object per row)')
        from = i
        element = ''
      }
      if (ch === '"') inString = true
      else if (ch === '{' || ch === '[') depth++
      else if (ch === '}' || ch === ']') {
        depth--
        if (depth === 0) {
          yield element + chunk.slice(from < 0 ? 0 : from, i + 1)
          element = ''
          from = -1
        }
      }
    }
    if (from >= 0 || depth > 0) element += chunk.slice(from < 0 ? 0 : from)
  }
  if (!started || !ended) throw notAnArray()
}

function notAnArray(): UsageError {
  return new UsageError('JSON 文件必须是一个对象数组 [{…}, …]（每行一个对象请用 .ndjson）', 'a JSON file must be one array of objects [{…}, …] (use .ndjson for one object per line)')
}
