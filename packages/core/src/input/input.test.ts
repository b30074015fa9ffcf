import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors.js'
import { describeValue, inputError, type InputFailure, readArray, readDate, readInstant, readRecord, readText } from './index.js'

class TestInputError extends InvalidInputError {}

const fail: InputFailure = (problem) => inputError(TestInputError, { code: 'TEST.INVALID', ruleId: 'R-T-1', ...problem })

describe('describeValue', () => {
  it('renders dates as ISO text and other values as JSON', () => {
    expect(describeValue(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z')
    expect(describeValue(new Date(Number.NaN))).toBe('Invalid Date')
    expect(describeValue('x')).toBe('"x"')
    expect(describeValue({ a: 1 })).toBe('{"a":1}')
    expect(describeValue(undefined)).toBe('undefined')
    expect(describeValue(5n)).toBe('5')
  })
})

describe('inputError', () => {
  it('builds the area error with both messages, the field, the code and the rule', () => {
    const error = inputError(TestInputError, { code: 'TEST.INVALID', field: 'a.b', expectedEn: 'must be an object', expectedZh: '必须是对象', value: 3, ruleId: 'R-T-1' })
    expect(error).toBeInstanceOf(TestInputError)
    expect(error.toJSON()).toEqual({
      name: 'TestInputError',
      code: 'TEST.INVALID',
      message: 'a.b must be an object, got 3 (a.b 必须是对象，实际为 3)',
      messageEn: 'a.b must be an object, got 3',
      messageZh: 'a.b 必须是对象，实际为 3',
      field: 'a.b',
      ruleId: 'R-T-1',
      details: { value: '3' },
    })
  })

  it('leaves the rule out when there is none and renders with the given describe', () => {
    const error = inputError(TestInputError, { code: 'TEST.INVALID', field: 'n', expectedEn: 'is bad', expectedZh: '无效', value: 5n, describe: (value) => `${String(value)}n` })
    expect(error.ruleId).toBeUndefined()
    expect(error.messageEn).toBe('n is bad, got 5n')
  })
})

describe('readers', () => {
  it('return good values as given', () => {
    const record = { a: 1 }
    const list = [1]
    const at = new Date('2026-01-01T00:00:00Z')
    expect(readRecord(record, 'r', fail)).toBe(record)
    expect(readArray(list, 'l', fail)).toBe(list)
    expect(readText(' x ', 't', fail)).toBe(' x ')
    expect(readDate(at, 'd', fail)).toBe(at)
    expect(readInstant(at, 'i', fail)).toBe(at)
  })

  it('throw the area error for bad values', () => {
    expect(() => readRecord([], 'r', fail)).toThrow('r must be an object, got []')
    expect(() => readRecord(new Date(0), 'r', fail)).toThrow(TestInputError)
    expect(readRecord(new Date(0), 'r', fail, { acceptDate: true })).toBeInstanceOf(Date)
    expect(() => readArray({}, 'l', fail)).toThrow('l must be a list, got {}')
    expect(() => readText('  ', 't', fail)).toThrow('t must be a non-empty string, got "  "')
    expect(() => readDate(new Date(Number.NaN), 'd', fail)).toThrow('d must be a valid Date, got Invalid Date')
    expect(() => readInstant(new Date('1991-12-31T00:00:00Z'), 'i', fail)).toThrow('i must be a valid Date between 1992 and 9999')
  })
})
