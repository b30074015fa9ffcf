import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { jsonRows, REPOSITORY_ROOT, runKehu } from '../kpi/runForTest.js'

const NOW = ['--now', '2026-10-08T14:00:00+08:00']
const byId = (rows: Record<string, string>[]): Map<string, Record<string, string>> => new Map(rows.map((row) => [row['id'] ?? '', row]))

describe('kehu sla --rule dispatch (R-SVC-3) on the sample service calls', () => {
  // Working windows 09:00–12:00 and 13:00–18:00; 国庆节 2026-10-01…10-07 off; 2026-09-20 (Sunday) a make-up working day.
  it('gives each call its deadline and state at --now', async () => {
    const rows = byId(jsonRows(await runKehu(['sla', 'examples/exports/sla-service-calls.csv', '--rule', 'dispatch', ...NOW, '-f', 'json'])))
    // 09-30 16:30 urban: 1.5 h on 09-30, 4.5 h on 10-08 → 14:30; at 14:00 half an hour is left (≤ 1 h: at risk)
    expect(rows.get('SV-001')).toMatchObject({ deadlineLocal: '2026-10-08T14:30:00.000+08:00', deadline: '2026-10-08T06:30:00.000Z', state: '临近 at-risk', remainingHours: '0.50' })
    // 09-30 10:00 suburban, 7 h: 10:00–12:00 and 13:00–18:00 → 18:00; arrived 15:00
    expect(rows.get('SV-002')).toMatchObject({ deadlineLocal: '2026-09-30T18:00:00.000+08:00', state: '按时 met' })
    // 09-29 14:00 urban: 4 h on 09-29, 2 h on 09-30 → 11:00; not arrived: 1 + 5 + 3 + 1 = 10 working hours over
    expect(rows.get('SV-003')).toMatchObject({ deadlineLocal: '2026-09-30T11:00:00.000+08:00', state: '超时 breached', overdueHours: '10.00' })
    // 10-08 09:30 suburban → 17:30; 3.5 h left at 14:00
    expect(rows.get('SV-004')).toMatchObject({ deadlineLocal: '2026-10-08T17:30:00.000+08:00', state: '正常 on-track', remainingHours: '3.50' })
    // 09-28 09:00 urban → 16:00; arrived 09-29 10:00: 2 + 1 = 3 working hours late
    expect(rows.get('SV-005')).toMatchObject({ deadlineLocal: '2026-09-28T16:00:00.000+08:00', state: '超时 breached', overdueHours: '3.00' })
    // 09-20 (make-up Sunday) 17:00 urban: 1 h, then 09-21 09:00–12:00 and 13:00–15:00 → 15:00
    expect(rows.get('SV-006')).toMatchObject({ deadlineLocal: '2026-09-21T15:00:00.000+08:00', state: '按时 met' })
  })

  it('reads the same calls from an .xlsx sheet with date cells', async () => {
    const fromCsv = jsonRows(await runKehu(['sla', 'examples/exports/sla-service-calls.csv', '--rule', 'dispatch', ...NOW, '-f', 'json']))
    const fromXlsx = jsonRows(await runKehu(['sla', 'examples/exports/sla-service-calls.xlsx', '--rule', 'dispatch', ...NOW, '-f', 'json']))
    expect(fromXlsx).toEqual(fromCsv)
  })

  it('dispatch-suburban ignores the zone column; --at-risk widens the margin', async () => {
    const rows = byId(jsonRows(await runKehu(['sla', 'examples/exports/sla-service-calls.csv', '--rule', 'dispatch-suburban', ...NOW, '--at-risk', '4', '-f', 'json'])))
    // 09-30 16:30 + 7 h → 10-08 15:30: 1.5 h left
    expect(rows.get('SV-001')).toMatchObject({ rule: 'dispatch-suburban R-SVC-3', deadlineLocal: '2026-10-08T15:30:00.000+08:00', state: '临近 at-risk' })
    // 3.5 h left is within the 4 h margin
    expect(rows.get('SV-004')).toMatchObject({ state: '临近 at-risk', remainingHours: '3.50' })
  })
})

describe('kehu sla --rule claim-3wd (R-EXP-2)', () => {
  it('counts 3 working days after the trip, exclusive day ends (R-CAL-4)', async () => {
    const rows = byId(jsonRows(await runKehu(['sla', 'examples/exports/sla-trips.csv', '--rule', 'claim-3wd', ...NOW, '-f', 'json'])))
    // Trip ends Fri 09-25 (中秋节): 09-28, 09-29, 09-30 → before 10-01 00:00; filed 09-30 17:00
    expect(rows.get('T-01')).toMatchObject({ deadlineLocal: '2026-10-01T00:00:00.000+08:00', onTimeIf: '早于截止 before', state: '按时 met' })
    // Ends 09-29: 09-30, 10-08, 10-09 → before 10-10; filed 10-09, after --now, so not known yet: 4 + 8 working hours left
    expect(rows.get('T-02')).toMatchObject({ deadlineLocal: '2026-10-10T00:00:00.000+08:00', state: '正常 on-track', remainingHours: '12.00' })
    // Ends 09-22: 09-23, 09-24, 09-28 → before 09-29; unfiled: 8 + 8 + 4 working hours over
    expect(rows.get('T-03')).toMatchObject({ deadlineLocal: '2026-09-29T00:00:00.000+08:00', state: '超时 breached', overdueHours: '20.00' })
    // Ends 10-08: 10-09, 10-10 (make-up Saturday), 10-12 → before 10-13
    expect(rows.get('T-04')).toMatchObject({ deadlineLocal: '2026-10-13T00:00:00.000+08:00', state: '正常 on-track', remainingHours: '28.00' })
  })

  it('applies company overrides from --calendar (R-CAL-1)', async () => {
    const rows = byId(jsonRows(await runKehu(['sla', 'examples/exports/sla-trips.csv', '--rule', 'claim-3wd', ...NOW, '--calendar', 'examples/exports/sla-company-calendar.json', '-f', 'json'])))
    // 2026-10-09 is a company day off: T-02 now counts 09-30, 10-08, 10-10
    expect(rows.get('T-02')).toMatchObject({ deadlineLocal: '2026-10-11T00:00:00.000+08:00' })
    expect(rows.get('T-04')).toMatchObject({ deadlineLocal: '2026-10-14T00:00:00.000+08:00' })
  })
})

describe('kehu sla calendars and refusals', () => {
  it('refuses a date in a year without a schedule, then accepts it with the year loaded (R-CAL-2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-sla-'))
    await writeFile(join(dir, 'calls.csv'), 'id,start,zone\nA,2026-12-31 17:00,urban\nB,2027-01-04 09:00,urban\n')
    const refused = await runKehu(['sla', 'calls.csv', '--rule', 'dispatch', ...NOW], dir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/row 1 · start: .*2027/u)
    expect(refused.stderr).toMatch(/row 2 · start: .*2027/u)
    expect(refused.stderr).toContain('load it with --calendar <schedule.json>')
    // A test schedule for 2027 (not an official notice): New Year's Day off, nothing else.
    const schedule = {
      year: 2027,
      sources: [{ title: 'test schedule 测试用节假日安排', documentNumber: 'TEST-2027', publishedOn: '2026-11-01' }],
      holidays: [{ nameZh: '元旦', nameEn: "New Year's Day", start: '2027-01-01', end: '2027-01-01', makeUpWorkdays: [] }],
    }
    await writeFile(join(dir, 'cn-2027.json'), JSON.stringify(schedule))
    const rows = byId(jsonRows(await runKehu(['sla', 'calls.csv', '--rule', 'dispatch', ...NOW, '--calendar', 'cn-2027.json', '-f', 'json'], dir)))
    // 12-31 17:00: 1 h, then 01-01 off, 01-02/03 weekend, 01-04 09:00–12:00 and 13:00–15:00
    expect(rows.get('A')).toMatchObject({ deadlineLocal: '2027-01-04T15:00:00.000+08:00', state: '正常 on-track' })
    expect(rows.get('B')).toMatchObject({ deadlineLocal: '2027-01-04T16:00:00.000+08:00' })
  })

  it('refuses a bad calendar file with core’s field and reason (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-sla-'))
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ overrides: { extraDaysOff: ['2026-02-30'] } }))
    const run = await runKehu(['sla', join(REPOSITORY_ROOT, 'examples/exports/sla-trips.csv'), '--rule', 'claim-3wd', ...NOW, '--calendar', 'bad.json'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('the calendar file bad.json is invalid (overrides.extraDaysOff[0])')
    const notJson = join(dir, 'not.json')
    await writeFile(notJson, '{ overrides')
    expect((await runKehu(['sla', 'examples/exports/sla-trips.csv', '--rule', 'claim-3wd', '--calendar', notJson])).stderr).toContain('is not valid JSON')
  })

  it('reports bad rows with their row and column (exit 1)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-sla-'))
    await writeFile(join(dir, 'calls.csv'), '编号,叫修时间,区域,到场时间\nA,2026-10-08 25:00,市区,\nB,2026-10-08 09:00,,\nC,2026-10-08 09:00,山区,2026-10-07 09:00\n')
    const run = await runKehu(['sla', 'calls.csv', '--rule', 'dispatch', ...NOW], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/row 1 · 叫修时间: .*25:00/u)
    expect(run.stderr).toContain('row 2 · 区域: 规则 dispatch 须有区域')
    expect(run.stderr).toContain('row 3 · 区域: "山区" 不是可接受的值')
    expect(run.stderr).toContain('row 3 · 到场时间: 完成时间早于开始时间')
  })

  it('lists every rule in --help and refuses an unknown one (exit 2)', async () => {
    const help = await runKehu(['sla', '--help'])
    for (const rule of ['dispatch-urban', 'dispatch-suburban', 'claim-3wd', 'arrears-reply-2wd', 'late-delivery-1w', 'data-entry-2wd', 'minutes-2wd']) expect(help.stdout).toContain(rule)
    const unknown = await runKehu(['sla', 'examples/exports/sla-trips.csv', '--rule', 'claim-5wd'])
    expect(unknown.code).toBe(2)
  })
})

describe('kehu sla on JSON exports', () => {
  it('reads NDJSON records by their keys like CSV columns', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-sla-'))
    await writeFile(join(dir, 'calls.ndjson'), '{"id":"N1","start":"2026-09-30T16:30:00+08:00","zone":"urban"}\n{"id":"N2","start":"2026-10-08 09:30","zone":"郊区"}\n')
    const rows = byId(jsonRows(await runKehu(['sla', 'calls.ndjson', '--rule', 'dispatch', ...NOW, '-f', 'json'], dir)))
    expect(rows.get('N1')).toMatchObject({ deadlineLocal: '2026-10-08T14:30:00.000+08:00', state: '临近 at-risk' })
    expect(rows.get('N2')).toMatchObject({ deadlineLocal: '2026-10-08T17:30:00.000+08:00', state: '正常 on-track' })
  })
})

describe('kehu sla: the other rules of core', () => {
  it('late-delivery-1w counts a calendar week; arrears-reply-2wd two working days (R-CON-3)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kehu-sla-'))
    await writeFile(join(dir, 'delivery.csv'), 'id,start,done\nD1,2026-09-28,2026-10-05 17:00\nD2,2026-09-28,\n')
    const delivery = byId(jsonRows(await runKehu(['sla', 'delivery.csv', '--rule', 'late-delivery-1w', ...NOW, '-f', 'json'], dir)))
    // 09-28 + 7 calendar days = 10-05 (holidays count) → before 10-06
    expect(delivery.get('D1')).toMatchObject({ deadlineLocal: '2026-10-06T00:00:00.000+08:00', state: '按时 met' })
    expect(delivery.get('D2')).toMatchObject({ state: '超时 breached' })
    await writeFile(join(dir, 'arrears.csv'), 'id,start,done\nA1,2026-09-30 15:00,\n')
    const arrears = byId(jsonRows(await runKehu(['sla', 'arrears.csv', '--rule', 'arrears-reply-2wd', ...NOW, '-f', 'json'], dir)))
    // 10-08 and 10-09 count → before 10-10; 4 + 8 working hours left at 10-08 14:00
    expect(arrears.get('A1')).toMatchObject({ deadlineLocal: '2026-10-10T00:00:00.000+08:00', state: '正常 on-track', remainingHours: '12.00' })
  })
})
