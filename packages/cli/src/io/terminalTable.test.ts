import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'

import { renderTerminalTable } from './terminalTable.js'

describe('renderTerminalTable', () => {
  it('lines columns up by display width, Chinese characters counting two', () => {
    const text = renderTerminalTable(
      [
        { key: 'person', headerZh: '人员', headerEn: 'person' },
        { key: 'amount', headerZh: '金额', headerEn: 'amount', numeric: true },
        { key: 'note', headerZh: '说明', headerEn: 'note' },
      ],
      [
        { person: '欧阳明月', amount: '5.00', note: 'x' },
        { person: 'Li', amount: '12345.67', note: '无' },
      ],
      'both',
    )
    const lines = text.trimEnd().split('\n')
    // Every row's third column starts at the same display column.
    const starts = lines.filter((_, index) => index !== 1).map((line) => stringWidth(line.slice(0, line.lastIndexOf('  ') + 2)))
    expect(new Set(starts).size).toBe(1)
    // Amounts are right-aligned.
    expect(lines[2]).toContain('    5.00')
  })

  it('spreads a multi-line cell over several lines of its row', () => {
    const text = renderTerminalTable([{ key: 'a', headerZh: '甲', headerEn: 'a' }, { key: 'b', headerZh: '乙', headerEn: 'b' }], [{ a: 'x', b: 'one\ntwo' }], 'en')
    expect(text.split('\n').slice(2, 4).map((line) => line.trim())).toEqual(['x  one', 'two'])
  })
})
