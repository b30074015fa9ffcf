import { describe, expect, it } from 'vitest'

import { outputBatches, type OutputRow, outputRows, type OutputTable } from './command.js'

const columns = [{ key: 'n', headerZh: '序号', headerEn: 'n' }]
const rows = (count: number): OutputRow[] => Array.from({ length: count }, (_, index) => ({ n: String(index) }))

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

describe('a table read one row at a time or in batches, whichever way it produces its rows', () => {
  it('groups rows given one by one into batches of up to 1,024, in order', async () => {
    const table: OutputTable = { columns, rows: rows(2500) }
    const batches = await collect(outputBatches(table))
    expect(batches.map((batch) => batch.length)).toEqual([1024, 1024, 452])
    expect(batches.flat()).toEqual(rows(2500))
  })

  it('passes batches through as given, and flattens them for a reader of rows', async () => {
    async function* given(): AsyncGenerator<OutputRow[]> {
      yield rows(3)
      yield []
      yield rows(2)
    }
    expect((await collect(outputBatches({ columns, batches: given() }))).map((batch) => batch.length)).toEqual([3, 0, 2])
    expect(await collect(outputRows({ columns, batches: given() }))).toEqual([...rows(3), ...rows(2)])
    expect(await collect(outputRows({ columns, rows: rows(4) }))).toEqual(rows(4))
  })
})
