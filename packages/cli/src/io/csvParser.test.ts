import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'

import { csvLine, csvRowLine } from './csvLine.js'
import { CsvParser, CsvSyntaxError } from './csvParser.js'

/** Parses text delivered in chunks cut at the given positions. */
function parse(text: string, cuts: readonly number[] = [], delimiter = ','): string[][] {
  const parser = new CsvParser(delimiter)
  const rows: string[][] = []
  let from = 0
  for (const cut of [...new Set(cuts)].filter((at) => at > 0 && at < text.length).sort((a, b) => a - b)) {
    rows.push(...parser.push(text.slice(from, cut)))
    from = cut
  }
  rows.push(...parser.push(text.slice(from)))
  rows.push(...parser.end())
  return rows
}

const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', '"', '""', ',', '\n', '\r\n', '\r', ' a ', '客户,名称', '"引号"'))
// A row that is one empty cell is an empty line, which is skipped: keep rows with content.
const row = fc.array(cell, { minLength: 1, maxLength: 6 }).filter((cells) => !(cells.length === 1 && cells[0] === ''))

describe('CsvParser', () => {
  test.prop([fc.array(row, { maxLength: 8 }), fc.array(fc.nat(400), { maxLength: 6 })])(
    'reads back exactly what csvLine wrote, however the text is cut into chunks',
    (rows, cuts) => {
      const text = rows.map(csvLine).join('')
      expect(parse(text, cuts)).toEqual(rows)
    },
  )

  test.prop([fc.array(row, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(400), { maxLength: 6 })])('CRLF line ends read the same as LF', (rows, cuts) => {
    const lf = rows.map(csvLine).join('')
    // Only line ends outside quoted cells become CRLF: rewrite the unquoted rows.
    const simple = rows.filter((cells) => cells.every((text) => !/[",\r\n]/u.test(text) && !text.startsWith(' ') && !text.endsWith(' ')))
    const crlf = simple.map((cells) => csvLine(cells).replace(/\n$/u, '\r\n')).join('')
    expect(parse(crlf, cuts)).toEqual(simple)
    expect(parse(lf, cuts)).toEqual(rows)
  })

  test.prop([fc.array(cell, { minLength: 2, maxLength: 6 }), fc.array(fc.nat(400), { maxLength: 3 })])('a row written by its keys reads back cell by cell, a missing key as an empty cell', (cells, cuts) => {
    const keys = cells.map((_, index) => `k${index}`)
    const row: Record<string, string> = {}
    cells.forEach((text, index) => {
      if (index > 0) row[`k${index}`] = text // k0 is missing
    })
    expect(parse(csvRowLine(row, keys), cuts)).toEqual([['', ...cells.slice(1)]])
  })

  it('reads a last row without a line end, a trailing empty cell and skips empty lines', () => {
    expect(parse('a,b\n\n\r\nc,\n\nd')).toEqual([['a', 'b'], ['c', ''], ['d']])
    expect(parse('a,"b"')).toEqual([['a', 'b']])
    expect(parse('a,"b",')).toEqual([['a', 'b', '']])
  })

  it('keeps rows of any length (a short row is judged by the command)', () => {
    expect(parse('a,b,c\n1\n1,2,3,4\n')).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']])
  })

  it('reads tab-separated text', () => {
    expect(parse('客户\t金额\n"a\tb"\t1\n', [], '\t')).toEqual([['客户', '金额'], ['a\tb', '1']])
  })

  it('refuses malformed quoting with the line it is on', () => {
    expect(() => parse('a,b\nc,d"e\n')).toThrow(CsvSyntaxError)
    try {
      parse('a,b\nc,d"e\n')
    } catch (error) {
      expect(error).toMatchObject({ line: 2, reasonEn: 'a quote inside an unquoted cell' })
    }
    expect(() => parse('a\n"b"c\n')).toThrow(/line 2: text follows a closing quote/u)
    expect(() => parse('a\n"b\nc')).toThrow(/line 2: a quoted cell has no closing quote/u)
  })
})
