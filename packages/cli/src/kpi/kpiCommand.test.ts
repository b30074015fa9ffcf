import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { Decimal } from '@kehu/core'
import { describe, expect, it } from 'vitest'

import { jsonRows, runKehu } from './runForTest.js'

const SAMPLES = ['customers', 'sales', 'plans', 'visits', 'feedback', 'service-costs'].map((name) => `examples/exports/kpi-${name}.csv`)

const byKey = (rows: Record<string, string>[]): Map<string, Record<string, string>> => new Map(rows.map((row) => [row['key'] ?? '', row]))

describe('kehu kpi on the sample exports (customers in GBK)', () => {
  // Worked by hand from the sample files, team east, 2026-Q3 (customers C001–C005):
  // R-KPI-1 big customers C001+C002+C003+C005 sold 300,000+450,000+120,000+150,000 = 1,020,000 of 1,200,000 planned = 85.00%
  // R-KPI-2 C003 (key) churned 2026-08-20 → 1
  // R-KPI-3 C005 (key, since 2026-07-20) developed of 2 planned = 50.00%
  // R-KPI-4 big feedback due in Q3: C001 on time, C002 late, C003 on time = 2/3
  // R-KPI-5 big revisits planned: C001, C002, C003; revisited: C001, C003 = 2/3
  // R-KPI-6 costs 8,000 (C001) + 12,500.50 (C003) + 6,000 (team east) = 26,500.50 of 3 × 10,000 = 88.335% → 88.34
  // R-KPI-8 30×0.85 + 10×1 + 15×0.5 + 15×2/3 + 15×2/3 + 15×1 (cost under budget, capped) = 78.00
  it('computes every KPI and both scorecards of team east for 2026-Q3 (R-KPI-1..8)', async () => {
    const rows = byKey(jsonRows(await runKehu(['kpi', ...SAMPLES, '--period', '2026-Q3', '--team', 'east', '-f', 'json'])))
    expect(rows.get('bigCustomerSalesPlanCompletion')).toMatchObject({ rule: 'R-KPI-1', value: '85.00%', numerator: '1020000.00', denominator: '1200000.00', points: '25.50' })
    expect(rows.get('bigCustomerChurnCount')).toMatchObject({ rule: 'R-KPI-2', value: '1', note: 'C003', points: '10.00' })
    expect(rows.get('bigCustomerDevelopmentPlanCompletion')).toMatchObject({ rule: 'R-KPI-3', value: '50.00%', numerator: '1', denominator: '2', points: '7.50' })
    expect(rows.get('feedbackTimeliness')).toMatchObject({ rule: 'R-KPI-4', value: '66.67%', numerator: '2', denominator: '3', points: '10.00' })
    expect(rows.get('bigCustomerRevisitRate')).toMatchObject({ rule: 'R-KPI-5', value: '66.67%', numerator: '2', denominator: '3' })
    expect(rows.get('serviceCostControl')).toMatchObject({ rule: 'R-KPI-6', value: '88.34%', numerator: '26500.50', denominator: '30000.00', achievement: '100.00% (cap)', points: '15.00' })
    expect(rows.get('departmentScore')).toMatchObject({ rule: 'R-KPI-8', value: '78.00', note: '阈值 60 / threshold 60' })
    // R-KPI-7: all sales 1,100,000 of 1,300,000; completeness (1+0.9+0.8+0.6+0.7)/5; at the start C001–C004, C003 churned, C005 new.
    expect(rows.get('salesPlanCompletion')).toMatchObject({ rule: 'R-KPI-7', value: '84.62%', numerator: '1100000.00', denominator: '1300000.00' })
    expect(rows.get('archiveCompleteness')).toMatchObject({ value: '80.00%', numerator: '4', denominator: '5' })
    expect(rows.get('churnRate')).toMatchObject({ value: '25.00%', numerator: '1', denominator: '4', achievement: '20.00%', points: '4.00' })
    expect(rows.get('newDevelopmentRate')).toMatchObject({ value: '25.00%', achievement: '100.00% (cap)', points: '20.00' })
    // 40 × 1,100,000/1,300,000 + 16 + 4 + 20 = 73.846… → 73.85
    expect(rows.get('managerScore')).toMatchObject({ value: '73.85' })
    expect([...rows.values()].every((row) => row['period'] === '2026-Q3' && row['team'] === 'east')).toBe(true)
  })

  it('computes the whole company without --team', async () => {
    const rows = byKey(jsonRows(await runKehu(['kpi', ...SAMPLES, '--period', '2026-Q3', '-f', 'json'])))
    // 1,020,000 (east) + 500,000 (C006) + 200,000 (C008) of 1,200,000 + 800,000
    expect(rows.get('bigCustomerSalesPlanCompletion')).toMatchObject({ value: '86.00%', numerator: '1720000.00', denominator: '2000000.00' })
    // C006's feedback is unanswered; C008's falls due in Q4: 2 on time of 4
    expect(rows.get('feedbackTimeliness')).toMatchObject({ value: '50.00%', numerator: '2', denominator: '4' })
    // 26,500.50 + 15,000 + 9,000 (2026-09-30 23:30 Shanghai is still Q3) of 50,000; the 2026-10-02 cost is Q4
    expect(rows.get('serviceCostControl')).toMatchObject({ value: '101.00%', numerator: '50500.50', denominator: '50000.00' })
    // at the start: C001–C004, C006, C007; churned C003, C007; new C005, C008, C009
    expect(rows.get('churnRate')).toMatchObject({ value: '33.33%', numerator: '2', denominator: '6' })
    expect(rows.get('newDevelopmentRate')).toMatchObject({ value: '50.00%', numerator: '3', denominator: '6' })
    // 25.8 + 10 + 15×2/3 + 7.5 + 15×0.8 + 15/1.01001 = 80.151…
    expect(rows.get('departmentScore')).toMatchObject({ value: '80.15' })
    // 40 × 1,860,000/2,200,000 + 16 + 20 × 0.05/(1/3) + 20 = 72.818…
    expect(rows.get('managerScore')).toMatchObject({ value: '72.82' })
  })

  it('splits the company into its teams: counted figures of east and south add up to the whole', async () => {
    const run = async (team?: string): Promise<Map<string, Record<string, string>>> =>
      byKey(jsonRows(await runKehu(['kpi', ...SAMPLES, '--period', '2026-Q3', ...(team === undefined ? [] : ['--team', team]), '-f', 'json'])))
    const [company, east, south] = await Promise.all([run(), run('east'), run('south')])
    const additive = ['bigCustomerSalesPlanCompletion', 'feedbackTimeliness', 'bigCustomerRevisitRate', 'serviceCostControl', 'salesPlanCompletion', 'bigCustomerDevelopmentPlanCompletion']
    for (const key of additive) {
      for (const part of ['numerator', 'denominator']) {
        const sum = new Decimal(east?.get(key)?.[part] ?? 'NaN').plus(south?.get(key)?.[part] ?? 'NaN')
        expect(sum.equals(company?.get(key)?.[part] ?? 'NaN'), `${key} ${part}`).toBe(true)
      }
    }
  })

  it('reads the revisits from an .xlsx export with date cells alike', async () => {
    const fromXlsx = SAMPLES.map((file) => file.replace('kpi-visits.csv', 'kpi-visits.xlsx'))
    const rows = byKey(jsonRows(await runKehu(['kpi', ...fromXlsx, '--period', '2026-Q3', '-f', 'json'])))
    // planned big customers C001, C002, C003, C006, C008; of them revisited C001, C003, C006, C008
    expect(rows.get('bigCustomerRevisitRate')).toMatchObject({ value: '80.00%', numerator: '4', denominator: '5' })
  })

  it('prints the table with Chinese and English headers, and its notes on stderr', async () => {
    const run = await runKehu(['kpi', ...SAMPLES, '--period', '2026-Q3', '--team', 'south', '-f', 'table'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('大客户销售计划完成率 big-customer sales plan completion')
    expect(run.stdout).toContain('客户部考核得分 department score')
    // C009 has no completeness score
    expect(run.stderr).toContain('1 个客户没有档案完整率')
  })

  it('warns below the threshold and explains undefined KPIs (R-KPI-8)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-kpi-'))
    await writeFile(join(dir, 'customers.csv'), 'customer id,tier,since\nK1,key,2025-01-01\n')
    await writeFile(join(dir, 'sales.csv'), 'customer id,amount,date\nK1,100000.00,2026-07-15 10:00\n')
    await writeFile(join(dir, 'plans.csv'), 'period,plan type,amount\n2026-Q3,big-customer sales,1000000.00\n')
    const rows = byKey(jsonRows(await runKehu(['kpi', 'customers.csv', 'sales.csv', 'plans.csv', '--period', '2026-Q3', '-f', 'json'], dir)))
    // Only R-KPI-1 (10%) and R-KPI-2 (0 churned: full marks) are defined: (30 × 0.1 + 10 × 1) ÷ 40 = 32.50
    expect(rows.get('departmentScore')?.['value']).toBe('32.50')
    expect(rows.get('departmentScore')?.['note']).toContain('低于 60 分')
    expect(rows.get('feedbackTimeliness')).toMatchObject({ value: '—' })
    expect(rows.get('feedbackTimeliness')?.['note']).toContain('timeliness is not defined')
    expect(rows.get('feedbackTimeliness')?.['note']).toContain('weight shared among the others')
  })
})

describe('kehu kpi refusals', () => {
  it('reports bad rows by file, row and column, exits 1 and writes no output file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-kpi-'))
    await writeFile(join(dir, 'customers.csv'), '客户编号,客户层级,成为客户时间,流失时间\nA,重点客户,2025-01-01,2024-12-31\nB,VIP,2025-01-01,\n')
    await writeFile(join(dir, 'sales.csv'), '客户编号,销售额,销售日期\nA,-5.00,2026-07-01\nA,12.345,2026-07-32\n')
    const run = await runKehu(['kpi', 'customers.csv', 'sales.csv', '--period', '2026-Q3', '-o', 'out.csv'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('row 1 · customers.csv 流失时间: 流失时间早于成为客户时间')
    expect(run.stderr).toContain('row 2 · customers.csv 客户层级: "VIP" 不是可接受的值')
    expect(run.stderr).toContain('row 1 · sales.csv 销售额: 金额不能为负数')
    expect(run.stderr).toMatch(/row 2 · sales\.csv 销售额: .*精度超过分/u)
    expect(run.stderr).toMatch(/row 2 · sales\.csv 销售日期: .*2026-07-32/u)
    expect(existsSync(join(dir, 'out.csv'))).toBe(false)
  })

  it('names the rows of records that refer to customers nobody knows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-kpi-'))
    await writeFile(join(dir, 'customers.csv'), 'customer id,tier,since\nA,key,2025-01-01\n')
    await writeFile(join(dir, 'sales.csv'), 'customer id,amount,date\nA,1.00,2026-07-01\nZ,1.00,2026-07-01\n')
    const run = await runKehu(['kpi', 'customers.csv', 'sales.csv', '--period', '2026-Q3'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('row 2 · sales.csv customer id: 客户编号 Z 不在客户数据中')
  })

  it('maps a plan line core cannot attribute to the period back to its row', async () => {
    const run = await runKehu(['kpi', ...SAMPLES, '--period', '2026-07'])
    expect(run.code).toBe(1)
    // kpi-plans.csv row 1 is a 2026-Q3 line: longer than the month measured
    expect(run.stderr).toMatch(/row 1 · kpi-plans\.csv 期间: period 2026-Q3 的期间长于考核期间 2026-07/u)
  })

  it('refuses a file whose headers fit no kind, and accepts it named as kind=path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-kpi-'))
    await writeFile(join(dir, 'customers.csv'), 'customer id,tier,since\nA,key,2025-01-01\n')
    await writeFile(join(dir, 'odd.csv'), 'foo,bar\n1,2\n')
    const refused = await runKehu(['kpi', 'customers.csv', 'odd.csv', '--period', '2026-Q3'], dir)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('cannot tell what odd.csv holds')
    await writeFile(join(dir, 'july.csv'), 'customer id,amount,date\nA,5.00,2026-07-01\n')
    const named = await runKehu(['kpi', 'customers.csv', 'sales=july.csv', '--period', '2026-Q3', '-f', 'json'], dir)
    expect(byKey(jsonRows(named)).get('bigCustomerSalesPlanCompletion')?.['note']).toContain('not defined')
  })

  it('refuses a malformed --period with core’s message and a missing customers export', async () => {
    const period = await runKehu(['kpi', ...SAMPLES, '--period', '2026-Q5'])
    expect(period.code).toBe(2)
    expect(period.stderr).toContain('--period（考核周期）必须是月')
    const noCustomers = await runKehu(['kpi', 'examples/exports/kpi-sales.csv', '--period', '2026-Q3'])
    expect(noCustomers.code).toBe(2)
    expect(noCustomers.stderr).toContain('no customers export given')
  })

  it('refuses --team without a team column, and notes a team without customers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-kpi-'))
    await writeFile(join(dir, 'customers.csv'), 'customer id,tier,since\nA,key,2025-01-01\n')
    const run = await runKehu(['kpi', 'customers.csv', '--period', '2026-Q3', '--team', 'east'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--team needs a 团队 / team column')
    const other = await runKehu(['kpi', ...SAMPLES, '--period', '2026-Q3', '--team', 'west', '-f', 'json'])
    expect(other.code).toBe(0)
    expect(other.stderr).toContain('no customer of the customers export is in team west')
  })

  it('skips bad rows with --skip-invalid and writes them beside their file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-kpi-'))
    await writeFile(join(dir, 'customers.csv'), 'customer id,tier,since\nA,key,2025-01-01\nB,vip,2025-01-01\n')
    await writeFile(join(dir, 'sales.csv'), 'customer id,amount,date\nA,5.00,2026-07-01\n')
    const run = await runKehu(['kpi', 'customers.csv', 'sales.csv', '--period', '2026-Q3', '--skip-invalid', '-f', 'json'], dir)
    expect(run.code).toBe(0)
    const rejected = await readFile(join(dir, 'customers.rejected.csv'), 'utf8')
    expect(rejected).toContain('2,customers.csv tier')
  })

  it('leaves no side file behind when the run fails after skipping rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-kpi-'))
    await writeFile(join(dir, 'customers.csv'), 'customer id,tier,since\nA,key,2025-01-01\nB,vip,2025-01-01\n')
    await writeFile(join(dir, 'sales.csv'), 'customer id,amount,date\nZ,5.00,2026-07-01\n')
    const run = await runKehu(['kpi', 'customers.csv', 'sales.csv', '--period', '2026-Q3', '--skip-invalid'], dir)
    expect(run.code).toBe(1)
    expect(existsSync(join(dir, 'customers.rejected.csv'))).toBe(false)
  })
})
