import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { jsonRows, REPOSITORY_ROOT, runKehu } from '../kpi/runForTest.js'

const CLAIMS = 'examples/exports/claims-2026-09.csv'

describe('kehu expenses check on the sample claims (GBK CSV)', () => {
  it('lists every violation of every claim with its rule, row and withheld amount (R-EXP-7)', async () => {
    const rows = jsonRows(await runKehu(['expenses', 'check', CLAIMS, '-f', 'json']))
    const found = rows.map((row) => [row['claim'], row['row'], row['rule'], row['code']?.replace('EXPENSE.', ''), row['withheld']])
    expect(found).toEqual([
      // 车票连号 E012345678 / E012345679 flags the second ticket and withholds nothing; the taxi is withheld whole
      ['BX-0901', '2', 'R-EXP-3', 'CONSECUTIVE_TICKET_NUMBERS', '0.00'],
      ['BX-0901', '4', 'R-EXP-4', 'TAXI_NOT_ALLOWED', '86.00'],
      // Trip from 09-14 approved 09-15; ends Wed 09-16: 09-17, 09-18, 09-20 (make-up Sunday) → due before 09-21, filed 09-22
      ['BX-0902', '5', 'R-EXP-1', 'TRIP_APPROVED_AFTER_START', '0.00'],
      ['BX-0902', '5', 'R-EXP-2', 'CLAIM_FILED_LATE', '0.00'],
      ['BX-0902', '5', 'R-EXP-2', 'APPLICATION_NOT_ATTACHED', '0.00'],
      // ¥2,800 economy fare above the ¥2,500 standard; row 6 takes the claim's fields from row 5 and has no invoice
      ['BX-0902', '5', 'R-EXP-3', 'FARE_ABOVE_STANDARD', '300.00'],
      ['BX-0902', '6', 'R-EXP-2', 'INVOICE_MISSING', '600.00'],
      // ¥260 phone cost, ¥200 allowance; postage claimed ¥45 against a ¥40 receipt
      ['BX-0903', '8', 'R-EXP-6', 'PHONE_ABOVE_ALLOWANCE', '60.00'],
      ['BX-0903', '9', 'R-EXP-5', 'SUNDRY_NOT_AT_COST', '5.00'],
      // Invoice 88990001 was claimed by BX-0903, filed an hour earlier; no signed form
      ['BX-0904', '10', 'R-EXP-3', 'DUPLICATE_INVOICE_IN_HISTORY', '800.00'],
      ['BX-0904', '10', 'R-EXP-5', 'ENTERTAINMENT_FORM_NOT_SIGNED', '800.00'],
      ['BX-0905', '12', '', '', '0.00'],
    ])
    expect(rows.at(-1)).toMatchObject({ claim: 'BX-0905', claimant: 'staff-zhou', problemEn: 'no violations' })
    expect(rows[1]).toMatchObject({ item: '4', kind: '市内交通费 localTransport', problemZh: '出差期间市内交通应使用公共交通，出租车/网约车费不予报销' })
  })

  it('exits 0 when violations are found: they are the findings, not bad data', async () => {
    const run = await runKehu(['expenses', 'check', CLAIMS, '-f', 'csv'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('5 claim(s), 4 with violations, 11 violation(s) in all')
  })

  it('sums claimed, withheld and reimbursable per claim with --summary', async () => {
    const rows = jsonRows(await runKehu(['expenses', 'check', CLAIMS, '--summary', '-f', 'json']))
    expect(rows.map((row) => [row['claim'], row['violations'], row['claimed'], row['withheld'], row['reimbursable']])).toEqual([
      ['BX-0901', '2', '2392.00', '86.00', '2306.00'],
      ['BX-0902', '5', '3400.00', '900.00', '2500.00'],
      ['BX-0903', '2', '1805.00', '65.00', '1740.00'],
      // both findings of the entertainment item withhold it whole: the larger, not the sum
      ['BX-0904', '2', '830.00', '800.00', '30.00'],
      ['BX-0905', '0', '150.00', '0.00', '150.00'],
    ])
  })
})

describe('kehu expenses check: bad rows', () => {
  it('reports every bad cell of the sample bad-rows file and writes nothing (exit 1)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-expenses-'))
    const run = await runKehu(['expenses', 'check', join(REPOSITORY_ROOT, 'examples/exports/claims-bad-rows.csv'), '-o', join(dir, 'out.csv')])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('5 个问题')
    expect(run.stderr).toMatch(/row 1 · amount: .*12\.345.*below the fen/u)
    expect(run.stderr).toContain('row 2 · kind: "gift" 不是可接受的值')
    expect(run.stderr).toContain('row 3 · claim: 不能为空')
    expect(run.stderr).toMatch(/row 3 · filed at: .*2026-13-01/u)
    expect(run.stderr).toContain('row 4 · mode: "spaceship" 不是可接受的值')
    expect(existsSync(join(dir, 'out.csv'))).toBe(false)
  })

  it('checks the remaining rows with --skip-invalid and writes the rejected ones with their reasons', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-expenses-'))
    await writeFile(
      join(dir, 'claims.csv'),
      'claim,claimant,filed at,kind,amount,invoice number,month\nB1,u1,2026-09-30 10:00,phone,150.00,P-1,2026-09\nB1,u1,2026-09-30 10:00,phone,abc,P-2,2026-09\n',
    )
    const run = await runKehu(['expenses', 'check', 'claims.csv', '--skip-invalid', '--summary', '-f', 'json'], dir)
    expect(jsonRows(run)).toEqual([expect.objectContaining({ claim: 'B1', items: '1', claimed: '150.00', result: '通过 ok' })])
    const rejected = await readFile(join(dir, 'claims.rejected.csv'), 'utf8')
    expect(rejected).toContain('2,amount,')
    expect(rejected).toContain('abc')
  })

  it('refuses rows of one claim that disagree on the claim’s fields', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-expenses-'))
    await writeFile(join(dir, 'claims.csv'), 'claim,claimant,filed at,kind,amount,invoice number,month\nB1,u1,2026-09-30 10:00,phone,150.00,P-1,2026-09\nB1,u2,,phone,20.00,P-2,2026-09\n')
    const run = await runKehu(['expenses', 'check', 'claims.csv'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('row 2 · claimant: 与报销单 B1 第 1 行的值 u1 不一致')
  })

  it('names the row of a travel item in a claim without a trip (core’s EXPENSE.TRIP_REQUIRED)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-expenses-'))
    await writeFile(join(dir, 'claims.csv'), 'claim,claimant,filed at,kind,amount,invoice number\nB1,u1,2026-09-30 10:00,lodging,300.00,H-1\n')
    const run = await runKehu(['expenses', 'check', 'claims.csv'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/row 1 · tripStart: .*travel expense/u)
  })
})
