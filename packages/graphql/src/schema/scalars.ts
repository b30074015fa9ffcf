import { Money } from '@kehu/core'
import { GraphQLError } from 'graphql'

import { fenToMoney } from '../db/money.js'
import { builder } from './builder.js'
import { instantText } from './instantText.js'

/** The most fen a column holds (SQLite's 64-bit integer): 92,233,720,368,547,758.07 yuan. */
const MAX_STORED_FEN = 2n ** 63n - 1n

/** Money in yuan as an exact decimal string (`"1234.50"`); stored as integer fen. */
builder.scalarType('Money', {
  description: 'Money in yuan (人民币元) as an exact decimal string with two decimals, e.g. "1234.50"; at most 92233720368547758.07 either way.',
  serialize: (value) => (typeof value === 'bigint' ? fenToMoney(value).toString() : Money.parse(value).toString()),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('Money must be a decimal string such as "1234.50"')
    let money: Money
    try {
      money = Money.parse(value)
    } catch {
      throw new GraphQLError(`Money must be a decimal string with at most two decimals, got ${JSON.stringify(value)}`)
    }
    // Refused here rather than by the database, where it would be an internal error.
    if (money.fen > MAX_STORED_FEN || money.fen < -MAX_STORED_FEN) throw new GraphQLError(`Money must be at most ${fenToMoney(MAX_STORED_FEN).toString()} either way, got ${JSON.stringify(value)}`)
    return money.toString()
  },
})

/** An instant as ISO-8601 UTC text. */
builder.scalarType('DateTime', {
  description: 'An instant, ISO-8601 in UTC, e.g. "2026-03-02T02:00:00.000Z".',
  serialize: (value) => instantText(value),
  parseValue: (value) => {
    const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(Number.NaN)
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 instant')
    return date
  },
})
