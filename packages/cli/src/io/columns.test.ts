import { describe, expect, it } from 'vitest'

import { type ColumnSpec, mapColumns, normaliseHeader, parseMapOverrides } from './columns.js'
import { UsageError } from './usageError.js'

const SPECS: readonly ColumnSpec[] = [
  { field: 'customer', headers: ['客户名称', 'customer', 'customer name'], required: true },
  { field: 'amount', headers: ['金额', 'amount'], required: true },
  { field: 'note', headers: ['备注', 'note'], required: false },
]

describe('mapColumns', () => {
  it('matches Chinese and English headers ignoring case, spaces and full-width letters', () => {
    const mapping = mapColumns([' Customer  Name ', '金额', 'ｎｏｔｅ'], SPECS)
    expect(Object.fromEntries(mapping.positions)).toEqual({ customer: 0, amount: 1, note: 2 })
    expect(mapping.headerOf.get('customer')).toBe(' Customer  Name ')
  })

  it('leaves an absent optional column out and ignores unknown columns', () => {
    const mapping = mapColumns(['其他', '客户名称', 'AMOUNT'], SPECS)
    expect(Object.fromEntries(mapping.positions)).toEqual({ customer: 1, amount: 2 })
  })

  it('refuses a file without a required column, naming the column and its accepted headers', () => {
    const attempt = (): unknown => mapColumns(['客户名称', '备注'], SPECS)
    expect(attempt).toThrow(UsageError)
    expect(attempt).toThrow(/amount \(金额 \/ amount\)/u)
  })

  it('takes a --map override before the accepted names', () => {
    const mapping = mapColumns(['客户名称', '结算额', '金额'], SPECS, parseMapOverrides(['结算额=amount']))
    expect(mapping.positions.get('amount')).toBe(1)
  })

  it('refuses an override naming an unknown field or a header the file lacks', () => {
    expect(() => mapColumns(['客户名称', '金额'], SPECS, parseMapOverrides(['x=nope']))).toThrow(/unknown field "nope"/u)
    expect(() => mapColumns(['客户名称', '金额'], SPECS, parseMapOverrides(['结算额=amount']))).toThrow(/header "结算额"/u)
  })

  it('refuses one column serving two fields', () => {
    expect(() => mapColumns(['customer', '金额'], SPECS, parseMapOverrides(['customer=note']))).toThrow(/matches both/u)
  })
})

describe('parseMapOverrides', () => {
  it('reads header=field pairs, keeping = inside the header', () => {
    expect(Object.fromEntries(parseMapOverrides(['项目号=project', 'a=b=c']))).toEqual({ project: '项目号', c: 'a=b' })
  })

  it('refuses an entry without both sides', () => {
    expect(() => parseMapOverrides(['project'])).toThrow(UsageError)
    expect(() => parseMapOverrides(['=project'])).toThrow(UsageError)
  })
})

describe('normaliseHeader', () => {
  it('drops a byte-order mark and whitespace', () => {
    expect(normaliseHeader('\uFEFF项目 编号\t')).toBe('项目编号')
  })
})
