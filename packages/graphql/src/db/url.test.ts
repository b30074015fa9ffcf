import { describe, expect, it } from 'vitest'

import { databaseFile, databaseUrl } from './url.js'

describe('databaseUrl', () => {
  it('defaults to kehu.db in the working directory', () => {
    expect(databaseUrl({}, '/home/li')).toBe('file:/home/li/kehu.db')
    expect(databaseUrl({ DATABASE_URL: '  ' }, '/home/li')).toBe('file:/home/li/kehu.db')
  })
  it('takes DATABASE_URL when set', () => {
    expect(databaseUrl({ DATABASE_URL: 'file:./data/dev.db' }, '/home/li')).toBe('file:./data/dev.db')
  })
})

describe('databaseFile', () => {
  it('resolves relative paths against the working directory', () => {
    expect(databaseFile('file:./kehu.db', '/srv')).toBe('/srv/kehu.db')
    expect(databaseFile('file:/var/lib/kehu.db?connection_limit=1', '/srv')).toBe('/var/lib/kehu.db')
  })
  it('refuses other URLs', () => {
    expect(() => databaseFile('postgres://x', '/srv')).toThrow(/SQLite file URL/)
  })
})
