/**
 * `kehu commission` on the sample exports (UTF-8, GBK, .xlsx) and on JSON and NDJSON, every
 * output format, and the bad-row behaviour. Expected figures were worked out by hand from the
 * rules (R-COM-1..7) and the sample file; see the comments.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'

import { EXPORTS, runKehu } from './runKehu.js'

const UTF8 = join(EXPORTS, 'projects-utf8.csv')
const GBK = join(EXPORTS, 'projects-gbk.csv')
const XLSX = join(EXPORTS, 'projects.xlsx')
const WITH_ERRORS = join(EXPORTS, 'projects-with-errors.csv')

/** Parses the program's CSV output (no quoted line breaks unless --explain). */
function csvRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','))
}

function totalsOf(rows: readonly string[][]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row[0] === '合计 total').map((row) => [row[3], row[7]]))
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kehu-cli-'))
})

describe('kehu commission on the sample exports', () => {
  it('prints each person’s lines per project, their totals and the grand total (UTF-8)', async () => {
    const run = await runKehu(['commission', UTF8])
    expect(run.code).toBe(0)
    const rows = csvRows(run.stdout)
    expect(rows[0]).toEqual(['项目编号 project', '项目名称 name', '项目类型 type', '人员 person', '角色 role', '基数 base', '比例 rate', '提成金额 amount', '规则 rules', '说明 note'])
    const line = (project: string, person: string, role: string): string[] | undefined => rows.find((row) => row[0] === project && row[3] === person && row[4]?.startsWith(role) === true)
    // R-COM-1: 123,456.78 × 8% = 9,876.5424 → 9,876.54
    expect(line('P-2026-001', '周明', '固定')?.[7]).toBe('9876.54')
    // R-COM-1 + R-COM-7: 200,000 × 5% = 10,000 split 60:40
    expect(line('P-2026-002', '吴芳', '固定')?.[7]).toBe('6000.00')
    expect(line('P-2026-002', '郑伟', '固定')?.[7]).toBe('4000.00')
    // R-COM-3: margin 120,000 / 500,000 = 24% < 30%, nothing due
    expect(line('P-2026-005', '冯静', '不符合')?.[7]).toBe('0.00')
    expect(line('P-2026-005', '冯静', '不符合')?.[9]).toContain('24%')
    // R-COM-4: margin 50% → floor((0.50 − 0.40) / 0.05) = 2 steps, 0.2 × 2 × 0.05 × 2,000,000 = 40,000, split 2:1
    expect(line('P-2026-006', '吴芳', '超额')?.[7]).toBe('26666.67')
    expect(line('P-2026-006', '周明', '超额')?.[7]).toBe('13333.33')
    // R-COM-2 execution: 40 h × 50 × 2.5 = 5,000 and 12.5 h × 60 × 3 = 2,250
    expect(line('P-2026-006', '赵六', '执行')?.[7]).toBe('5000.00')
    expect(line('P-2026-006', '孙七', '执行')?.[7]).toBe('2250.00')
    // R-COM-5: a loss pays nothing, never a negative amount
    expect(line('P-2026-008', '郑伟', '风险')?.[7]).toBe('0.00')
    // Totals: 周明 = 9,876.54 + 90,000 + 10,000 + 20,000 + 13,333.33 + 8,888.89
    expect(totalsOf(rows)).toEqual({
      周明: '152098.76',
      吴芳: '305277.78',
      郑伟: '71311.11',
      冯静: '7911.11',
      钱八: '50000.00',
      赵六: '5000.00',
      孙七: '2250.00',
    })
    expect(rows.at(-1)?.[0]).toBe('总计 grand total')
    expect(rows.at(-1)?.[7]).toBe('593848.76')
    expect(run.stderr).toContain('9 project(s), 23 line(s), 7 people')
  })

  it('reads the GBK export (detected) and the .xlsx export to the same statement', async () => {
    const utf8 = await runKehu(['commission', UTF8])
    const gbk = await runKehu(['commission', GBK])
    const forced = await runKehu(['commission', GBK, '--encoding', 'gbk'])
    const xlsx = await runKehu(['commission', XLSX])
    expect(gbk.code).toBe(0)
    expect(xlsx.code).toBe(0)
    expect(gbk.stdout).toBe(utf8.stdout)
    expect(forced.stdout).toBe(utf8.stdout)
    expect(xlsx.stdout).toBe(utf8.stdout)
  })

  it('reads another worksheet with --sheet, and names the sheets when one is missing', async () => {
    const run = await runKehu(['commission', XLSX, '--sheet', '2026Q4', '--totals-only', '--headers', 'en'])
    expect(run.code).toBe(0)
    // 50,000 × 6% = 3,000; 20,000.50 × 10% = 2,000.05
    expect(run.stdout).toBe('project,person,amount\n合计 total,周明,3000.00\n合计 total,吴芳,2000.05\n总计 grand total,,5000.05\n')
    const missing = await runKehu(['commission', XLSX, '--sheet', 'Q9'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('2026Q4')
  })

  it('reads JSON arrays and NDJSON with English keys', async () => {
    const records = [
      { project: 'J-1', type: 'fixed', turnover: '80000', people: 'Ann', rate: '0.1' },
      { project: 'J-2', type: 'strategic', revenue: 100000, profit: 45000, people: 'Bo', rate: '0.25', assistants: 'Ann:0.01' },
    ]
    await writeFile(join(dir, 'projects.json'), JSON.stringify(records, null, 2))
    await writeFile(join(dir, 'projects.ndjson'), records.map((record) => JSON.stringify(record)).join('\n'))
    const json = await runKehu(['commission', 'projects.json', '--totals-only'], dir)
    const ndjson = await runKehu(['commission', 'projects.ndjson', '--totals-only'], dir)
    expect(json.code).toBe(0)
    // Ann: 80,000 × 10% + 45,000 × 1% = 8,450; Bo: 45,000 × 25% + bonus (45% → 1 step: 0.2 × 0.05 × 100,000 = 1,000)
    expect(totalsOf(csvRows(json.stdout).map((row) => [row[0] ?? '', '', '', row[1] ?? '', '', '', '', row[2] ?? '']))).toEqual({ Ann: '8450.00', Bo: '12250.00' })
    expect(ndjson.stdout).toBe(json.stdout)
  })

  it('maps a differently named column with --map', async () => {
    await writeFile(join(dir, 'renamed.csv'), '工程编码,类型,营业额,负责人,提成比例\nR-1,固定,1000,周明,10%\n')
    const without = await runKehu(['commission', 'renamed.csv'], dir)
    expect(without.code).toBe(2)
    expect(without.stderr).toContain('--map')
    const run = await runKehu(['commission', 'renamed.csv', '--map', '工程编码=project', '--totals-only'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('合计 total,周明,100.00')
  })

  it('adds each project’s trace with --explain (R-COM-8)', async () => {
    const run = await runKehu(['commission', UTF8, '--explain', '--lang', 'en', '-f', 'json'])
    expect(run.code).toBe(0)
    const rows = JSON.parse(run.stdout) as Record<string, string>[]
    const first = rows.find((row) => row['project'] === 'P-2026-006')
    expect(first?.['trace']).toContain('Strategic-project commission')
    expect(first?.['trace']).toContain('bonus steps: 2')
    expect(first?.['trace']).toContain('[R-COM-4]')
    const split = rows.find((row) => row['project'] === 'P-2026-002')
    expect(split?.['trace']).toContain('Commission split')
  })
})

describe('kehu commission output files', () => {
  it('writes JSON, NDJSON and .xlsx by the -o extension, and CSV with a BOM on request', async () => {
    for (const name of ['statement.json', 'statement.ndjson', 'statement.xlsx']) {
      const run = await runKehu(['commission', UTF8, '-o', join(dir, name)])
      expect(run.code).toBe(0)
      expect(run.stdout).toBe('')
    }
    const json = JSON.parse(await readFile(join(dir, 'statement.json'), 'utf8')) as Record<string, string>[]
    expect(json.at(-1)).toMatchObject({ project: '总计 grand total', amount: '593848.76' })
    const ndjson = (await readFile(join(dir, 'statement.ndjson'), 'utf8')).trimEnd().split('\n')
    expect(ndjson).toHaveLength(json.length)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(join(dir, 'statement.xlsx'))
    const sheet = workbook.worksheets[0]
    expect(sheet?.getRow(1).getCell(8).value).toBe('提成金额 amount')
    expect(sheet?.getRow(2).getCell(8).value).toBe(9876.54)
    expect(sheet?.rowCount).toBe(json.length + 1)
    await runKehu(['commission', UTF8, '--bom', '-o', join(dir, 'statement.csv')])
    expect([...(await readFile(join(dir, 'statement.csv'))).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('prints an aligned table with --format table', async () => {
    const run = await runKehu(['commission', UTF8, '--totals-only', '-f', 'table', '--headers', 'zh'])
    expect(run.code).toBe(0)
    // Widths in display columns: '总计 grand total' is 16 wide, '项目编号' 8 and '合计 total' 10.
    expect(run.stdout.split('\n')[0]).toBe(`项目编号${' '.repeat(10)}人员  提成金额`)
    expect(run.stdout).toContain(`合计 total${' '.repeat(8)}周明  152098.76`)
  })
})

describe('kehu commission on invalid rows', () => {
  it('fails with exit code 1, names row, column and reason, and writes no output file', async () => {
    const out = join(dir, 'bad', 'statement.csv')
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'bad'), { recursive: true }))
    const run = await runKehu(['commission', WITH_ERRORS, '-o', out])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    // R-COM-6: a rate of 12% on a fixed project is refused, not clamped
    expect(run.stderr).toMatch(/row 2 · 提成比例: .*0\.12.*outside the allowed range/u)
    expect(run.stderr).toContain('row 3 · 项目类型')
    expect(run.stderr).toContain('row 4 · 人员')
    expect(run.stderr).toContain('3 issue(s)')
    expect(await readdir(join(dir, 'bad'))).toEqual([])
  })

  it('leaves an existing output file untouched when the run fails', async () => {
    const out = join(dir, 'kept.csv')
    await writeFile(out, 'previous statement\n')
    const run = await runKehu(['commission', WITH_ERRORS, '-o', out])
    expect(run.code).toBe(1)
    expect(await readFile(out, 'utf8')).toBe('previous statement\n')
  })

  it('with --skip-invalid writes the valid rows and the rejected rows with reasons to a side file', async () => {
    const out = join(dir, 'skip', 'statement.csv')
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'skip'), { recursive: true }))
    const run = await runKehu(['commission', WITH_ERRORS, '-o', out, '--skip-invalid'])
    expect(run.code).toBe(0)
    expect((await readdir(join(dir, 'skip'))).sort()).toEqual(['statement.csv', 'statement.rejected.csv'])
    const rows = csvRows(await readFile(out, 'utf8'))
    // 150,000 × 8% = 12,000; 5,000 × 10% = 500
    expect(totalsOf(rows)).toEqual({ 周明: '12000.00', 冯静: '500.00' })
    const rejected = await readFile(join(dir, 'skip', 'statement.rejected.csv'), 'utf8')
    const lines = rejected.replace(/^\uFEFF/u, '').trimEnd().split('\n')
    expect(lines[0]).toBe('行号 row,列 column,原因 reason,项目编号,项目名称,项目类型,项目收入,项目利润,流水,人员,提成比例')
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['2', '3', '4'])
    expect(lines[1]).toContain('提成比例,')
    expect(lines[1]).toContain('outside the allowed range')
    expect(lines[3]).toContain('P-2026-104')
    expect(run.stderr).toContain('skipped 3 invalid row(s)')
  })

  it('writes the side file where --rejects says', async () => {
    const run = await runKehu(['commission', WITH_ERRORS, '--skip-invalid', '--rejects', join(dir, 'why.csv'), '--totals-only'])
    expect(run.code).toBe(0)
    expect(await readFile(join(dir, 'why.csv'), 'utf8')).toContain('P-2026-103')
  })
})

describe('kehu usage errors', () => {
  it.each([
    [['commission', 'no-such-file.csv'], 'cannot read file'],
    [['commission', UTF8, '--bogus'], "unknown option '--bogus'"],
    [['commission', UTF8, '-f', 'xlsx'], 'needs a file'],
    [['commission', UTF8, '--rejects', 'x.csv'], '--skip-invalid'],
    [['commission', UTF8, '--encoding', 'latin1'], 'unsupported encoding'],
    [['commission', UTF8, '--map', 'nothing'], 'header=field'],
    [['commission', UTF8, '-o', join(tmpdir(), 'kehu-no-such-directory', 'out.csv')], 'cannot write the output'],
    [['commission'], "missing required argument 'file'"],
    [['nonsense'], "unknown command 'nonsense'"],
  ])('kehu %j exits with 2', async (argv, message) => {
    const run = await runKehu(argv)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stdout).toBe('')
  })

  it('shows help with examples and exit codes, exiting 0', async () => {
    const top = await runKehu(['--help'])
    expect(top.code).toBe(0)
    expect(top.stdout).toContain('Exit codes')
    const help = await runKehu(['commission', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('$ kehu commission examples/exports/projects-utf8.csv')
  })
})
