import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { ExpenseInputError } from './errors.js'
import { areConsecutiveTicketNumbers } from './ticketNumbers.js'

describe('R-EXP-3 车票连号 definition', () => {
  it.each([
    [{ number: 'Z12A034567' }, { number: 'z12a034568' }, true],
    [{ number: '0999' }, { number: '1000' }, true],
    [{ number: '999' }, { number: '1000' }, false],
    [{ number: 'E100' }, { number: 'F101' }, false],
    [{ number: 'E100' }, { number: 'E100' }, false],
    [{ number: 'E100' }, { number: 'E102' }, false],
    [{ number: 'ABC' }, { number: 'ABD' }, false],
    [{ code: '3100231130', number: '00012345' }, { code: '3100231130', number: '00012346' }, true],
    [{ code: '3100231130', number: '00012345' }, { code: '3100231131', number: '00012346' }, false],
    [{ code: '3100231130', number: '00012345' }, { number: '00012346' }, false],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(areConsecutiveTicketNumbers(a, b)).toBe(expected)
  })

  it('n and n+1 with the same prefix and width are always consecutive, in either order; n and n+k (k ≥ 2) never', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{0,3}$/), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 2n, max: 1000n }), (prefix, n, k) => {
        const width = 14
        const number = (value: bigint): string => `${prefix}${value.toString().padStart(width, '0')}`
        expect(areConsecutiveTicketNumbers({ number: number(n) }, { number: number(n + 1n) })).toBe(true)
        expect(areConsecutiveTicketNumbers({ number: number(n + 1n) }, { number: number(n) })).toBe(true)
        expect(areConsecutiveTicketNumbers({ number: number(n) }, { number: number(n + k) })).toBe(false)
      }),
    )
  })

  it('refuses an empty number naming the argument', () => {
    const error = thrown(() => areConsecutiveTicketNumbers({ number: ' ' }, { number: '1' }), ExpenseInputError)
    expect(error.code).toBe('EXPENSE.INVALID_ITEM')
    expect(error.field).toBe('a.number')
  })
})
