import { describe, expect, it } from 'vitest'

import { useTestGateway } from '../test/useTestGateway.js'

const gw = useTestGateway()

const STATEMENT_FIELDS = `statementId staffId periodStart periodEnd total rulesApplied
  lines { seq kind role projectId base rate amount customer { customerId }
    traces { kind margin bonusSteps total rulesApplied textZh textEn steps { ruleId formula unrounded amount person inputs { name value } } } }`

const STATEMENT = `query($id: String!) { commissionStatement(id: $id) {
  __typename
  ... on CommissionStatement { ${STATEMENT_FIELDS} }
  ... on BusinessError { code ruleId messageZh messageEn }
} }`

const STATEMENTS = `query($staffId: String!, $period: String) { commissionStatements(staffId: $staffId, period: $period) {
  __typename
  ... on CommissionStatementsSuccess { data { statements { statementId periodStart periodEnd total } } }
  ... on BusinessError { code ruleId }
  ... on ValidationError { issues { field code } }
} }`

const COMPUTE = `mutation($staffId: String!, $start: String!, $end: String!) { computeCommissionStatement(staffId: $staffId, periodStart: $start, periodEnd: $end) {
  __typename
  ... on ComputeCommissionStatementPayload { statementId replacedStatementId statement { ${STATEMENT_FIELDS} } }
  ... on BusinessError { code ruleId messageZh messageEn }
  ... on ValidationError { issues { field code messageEn } }
  ... on RuleRefusalError { details }
} }`

interface Line {
  kind: string
  role: string | null
  projectId: string | null
  base: string
  rate: string | null
  amount: string
  customer: { customerId: string } | null
  traces: { kind: string; margin: string | null; bonusSteps: number | null; rulesApplied: string[]; textZh: string[]; textEn: string[]; steps: { ruleId: string; person: string | null; amount: string | null }[] }[]
}

const compute = (staffId: string, start: string, end: string, actor = 'staff-qian') => gw.gql(COMPUTE, { staffId, start, end }, actor)
const summary = (lines: Line[]) => lines.map((line) => [line.projectId, line.kind, line.role, line.base, line.rate, line.amount])

describe('commissionStatement — the seeded 2025 statement of 周强, figures checked by hand', () => {
  it('pays two fixed projects on the payments received in 2025 and a strategic project with its over-profit bonus', async () => {
    const result = await gw.gql(STATEMENT, { id: 'stmt-zhou-2025' }, 'staff-zhou')
    const statement = result.data.commissionStatement
    expect(statement.__typename).toBe('CommissionStatement')
    expect(summary(statement.lines)).toEqual([
      // R-COM-1: payments 840,000.00 + 1,120,000.01 = 1,960,000.01 × 8% = 156,800.0008 → 156,800.00
      ['proj-fixed-010', 'fixed', 'earner', '1960000.01', '0.08', '156800.00'],
      // R-COM-1 + R-COM-7: 1,973,125.01 × 6% = 118,387.5006 → 118,387.50, 周强 3 of 3 + 2 shares → 71,032.50
      ['proj-fixed-022', 'fixed', 'earner', '1973125.01', '0.06', '71032.50'],
      // R-COM-2: lead 20% of the profit 450,000 = 90,000
      ['proj-strategic-009', 'strategic', 'lead', '450000.00', '0.2', '90000.00'],
      // R-COM-4: margin 45% → one full step: 0.2 × 1 × 0.05 × 1,000,000 = 10,000, all to the lead
      ['proj-strategic-009', 'overProfit', 'overProfitBonus', '10000.00', '1', '10000.00'],
    ])
    expect(statement.total).toBe('327832.50')
    expect(statement.rulesApplied).toEqual(expect.arrayContaining(['R-COM-1', 'R-COM-2', 'R-COM-3', 'R-COM-4', 'R-COM-6', 'R-COM-7']))
  })

  it("carries core's trace, structured and as text in both languages (R-COM-8)", async () => {
    const statement = (await gw.gql(STATEMENT, { id: 'stmt-zhou-2025' }, 'staff-zhou')).data.commissionStatement
    const [fixed, shared, lead] = statement.lines as Line[]
    expect(fixed!.traces).toHaveLength(1)
    expect(fixed!.traces[0]!.textEn).toContain('2. [R-COM-1] fixed-project commission = turnover × rate')
    expect(fixed!.traces[0]!.textZh[0]).toBe('公司固定项目提成计算过程')
    // the shared project: the project's trace, then the split (R-COM-7)
    expect(shared!.traces.map((trace) => trace.kind)).toEqual(['fixedProject', 'split'])
    expect(shared!.traces[1]!.steps.find((step) => step.person === 'staff-zhou')?.amount).toBe('71032.50')
    expect(shared!.traces[1]!.steps.find((step) => step.person === 'staff-wu')?.amount).toBe('47355.00')
    expect(lead!.traces[0]).toMatchObject({ kind: 'strategicProject', margin: '0.45', bonusSteps: 1 })
    expect(lead!.traces[0]!.textEn).toContain('margin: 0.45')
  })

  it('hides the customer of a line from an actor who may not view it (R-ACC-1)', async () => {
    // cust-009 is 李华's key customer; 周强 leads a project on it but may not open its archive.
    const asZhou = (await gw.gql(STATEMENT, { id: 'stmt-zhou-2025' }, 'staff-zhou')).data.commissionStatement.lines as Line[]
    const asLi = (await gw.gql(STATEMENT, { id: 'stmt-zhou-2025' }, 'staff-li')).data.commissionStatement.lines as Line[]
    expect(asZhou.map((line) => line.customer?.customerId ?? null)).toEqual(['cust-010', 'cust-022', null, null])
    expect(asLi.map((line) => line.customer?.customerId ?? null)).toEqual(['cust-010', 'cust-022', 'cust-009', 'cust-009'])
  })
})

describe('computeCommissionStatement — worked figures', () => {
  it('recomputing the seeded period gives the same figures and replaces the statement atomically', async () => {
    const result = (await compute('staff-zhou', '2025-01-01', '2025-12-31')).data.computeCommissionStatement
    expect(result.__typename).toBe('ComputeCommissionStatementPayload')
    expect(result.replacedStatementId).toBe('stmt-zhou-2025')
    expect(result.statement.total).toBe('327832.50')
    expect(await gw.prisma.commissionStatement.count({ where: { staffId: 'staff-zhou' } })).toBe(1)
    expect(await gw.prisma.commissionLine.count({ where: { statementId: 'stmt-zhou-2025' } })).toBe(0)
    const audit = await gw.prisma.auditLog.findFirstOrThrow({ where: { action: 'commission.compute' } })
    expect(audit).toMatchObject({ actorId: 'staff-qian', subjectKind: 'commissionStatement', subjectId: result.statementId })
    expect(audit.details).toMatchObject({ replaced: 'stmt-zhou-2025', replacedTotal: '327832.50', total: '327832.50' })
    // and once more: still one statement for the period
    const again = (await compute('staff-zhou', '2025-01-01', '2025-12-31')).data.computeCommissionStatement
    expect(again.replacedStatementId).toBe(result.statementId)
    expect(await gw.prisma.commissionStatement.count({ where: { staffId: 'staff-zhou' } })).toBe(1)
  })

  it('two computations of the same period at once leave one statement with its own lines', async () => {
    const results = (await Promise.all([compute('staff-wu', '2026-01-01', '2026-03-31'), compute('staff-wu', '2026-01-01', '2026-03-31', 'staff-wang')])).map((r) => r.data.computeCommissionStatement)
    for (const result of results) expect(['ComputeCommissionStatementPayload', 'ConflictError']).toContain(result.__typename)
    const statements = await gw.prisma.commissionStatement.findMany({ where: { staffId: 'staff-wu' }, include: { lines: true } })
    expect(statements).toHaveLength(1)
    expect(statements[0]!.lines.map((line) => line.amountFen)).toEqual([65_000_00n, 7_500_00n])
    expect(await gw.prisma.commissionLine.count({ where: { statement: { staffId: 'staff-wu' } } })).toBe(2)
  })

  it('2026-Q1: margin 52% gives two bonus steps, split 3 : 1 between the lead and the assistant', async () => {
    // revenue 500,000, profit 260,000: steps = floor((0.52 − 0.40) ÷ 0.05) = 2, bonus = 0.2 × 2 × 0.05 × 500,000 = 10,000
    const wu = (await compute('staff-wu', '2026-01-01', '2026-03-31')).data.computeCommissionStatement.statement
    expect(summary(wu.lines)).toEqual([
      ['proj-strategic-021', 'strategic', 'lead', '260000.00', '0.25', '65000.00'], // 25% of 260,000
      ['proj-strategic-021', 'overProfit', 'overProfitBonus', '10000.00', '0.75', '7500.00'], // 3 of 4 shares
    ])
    expect(wu.total).toBe('72500.00')
    expect(wu.lines[0].traces[0]).toMatchObject({ bonusSteps: 2, margin: '0.52' })

    const zhou = (await compute('staff-zhou', '2026-01-01', '2026-03-31')).data.computeCommissionStatement.statement
    expect(summary(zhou.lines)).toEqual([
      // R-COM-5: a loss of 20,000 pays nothing, and the line says why
      ['proj-risk-033', 'risk', 'earner', '-20000.00', '0.1', '0.00'],
      ['proj-strategic-021', 'strategic', 'assistant', '260000.00', '0.05', '13000.00'], // 5% of 260,000
      ['proj-strategic-021', 'overProfit', 'overProfitBonus', '10000.00', '0.25', '2500.00'], // 1 of 4 shares
    ])
    expect(zhou.total).toBe('15500.00')
    expect(zhou.lines[0].traces[0].textEn.join('\n')).toContain('no profit, no commission')
  })

  it('2025 in the south: below the margin gate the lead gets a zero line saying why; a shared risk project is split exactly', async () => {
    const feng = (await compute('staff-feng', '2025-01-01', '2025-12-31')).data.computeCommissionStatement.statement
    expect(summary(feng.lines)).toEqual([
      // R-COM-5: 10% of 123,456.78 = 12,345.678 → 12,345.68; R-COM-7: 1 : 1 → 6,172.84 each
      ['proj-risk-023', 'risk', 'earner', '123456.78', '0.1', '6172.84'],
      // R-COM-3: margin 200,000 ÷ 800,000 = 25% < 30%: nothing due
      ['proj-strategic-011', 'strategic', 'lead', '200000.00', null, '0.00'],
    ])
    expect(feng.total).toBe('6172.84')
    const gate = (feng.lines[1] as Line).traces[0]!
    expect(gate.margin).toBe('0.25')
    expect(gate.steps.map((step) => step.ruleId)).toContain('R-COM-3')
  })

  it('execution staff earn hours × hourly wage × multiplier; the medical-strategy role 5% of the profit', async () => {
    const he = (await compute('staff-he', '2025-01-01', '2025-12-31')).data.computeCommissionStatement.statement
    // 12.5 h × 85.00 = 1,062.50 × 2.5 = 2,656.25
    expect(summary(he.lines)).toEqual([['proj-strategic-009', 'strategic', 'execution', '1062.50', '2.5', '2656.25']])
    const yang = (await compute('staff-yang', '2025-01-01', '2025-12-31')).data.computeCommissionStatement.statement
    expect(summary(yang.lines)).toEqual([['proj-strategic-009', 'strategic', 'medicalStrategy', '450000.00', '0.05', '22500.00']])
  })

  it('a period without projects gives an empty statement with total 0.00', async () => {
    const statement = (await compute('staff-zheng', '2024-01-01', '2024-12-31')).data.computeCommissionStatement.statement
    expect(statement).toMatchObject({ total: '0.00', lines: [] })
  })
})

describe('computeCommissionStatement — refusals write nothing', () => {
  async function expectRefused(run: () => Promise<{ data?: any }>, typename: string, check: (result: any) => void = () => undefined) {
    const before = await gw.snapshot()
    const auditBefore = await gw.prisma.auditLog.count()
    const result = (await run()).data.computeCommissionStatement
    expect(result.__typename).toBe(typename)
    check(result)
    expect(await gw.snapshot()).toEqual(before)
    expect(await gw.prisma.auditLog.count()).toBe(auditBefore)
  }

  it('refuses malformed days and a period that ends before it starts', async () => {
    await expectRefused(() => compute('staff-zhou', '2026-02-30', '2026-3-31'), 'ValidationError', (r) => expect(r.issues.map((i: { field: string }) => i.field)).toEqual(['periodStart', 'periodEnd']))
    await expectRefused(() => compute('staff-zhou', '2026-03-31', '2026-01-01'), 'ValidationError', (r) => expect(r.issues).toMatchObject([{ field: 'periodEnd', code: 'COMMISSION.INVALID_PERIOD' }]))
  })

  it('refuses an unknown person', async () => {
    await expectRefused(() => compute('staff-nobody', '2026-01-01', '2026-03-31'), 'NotFoundError')
  })

  it('refuses a period overlapping another statement of the person (a commission is not settled twice)', async () => {
    await expectRefused(() => compute('staff-zhou', '2025-07-01', '2026-06-30'), 'RuleRefusalError', (r) => {
      expect(r).toMatchObject({ code: 'COMMISSION.PERIOD_OVERLAPS', ruleId: 'R-COM-8' })
      expect(JSON.parse(r.details)).toMatchObject({ statementId: 'stmt-zhou-2025' })
    })
  })

  it('refuses a stored rate outside its range instead of clamping it (R-COM-6), keeping the old statement', async () => {
    await gw.prisma.commissionProject.update({ where: { id: 'proj-fixed-010' }, data: { rate: '0.12' } })
    await expectRefused(() => compute('staff-zhou', '2025-01-01', '2025-12-31'), 'ValidationError', (r) => {
      expect(r).toMatchObject({ ruleId: 'R-COM-6', issues: [{ field: 'projects[proj-fixed-010].rate', code: 'COMMISSION.RATE_OUT_OF_RANGE' }] })
    })
    expect(await gw.prisma.commissionStatement.findUnique({ where: { id: 'stmt-zhou-2025' } })).not.toBeNull()
  })

  it('refuses a malformed project: a strategic project without its lead', async () => {
    await gw.prisma.commissionProjectMember.delete({ where: { projectId_staffId_role: { projectId: 'proj-strategic-021', staffId: 'staff-wu', role: 'lead' } } })
    await expectRefused(() => compute('staff-zhou', '2026-01-01', '2026-03-31'), 'ValidationError', (r) => {
      expect(r.issues).toMatchObject([{ field: 'projects[proj-strategic-021].members', code: 'COMMISSION.INVALID_PROJECT' }])
    })
  })

  it.each(['staff-zhou', 'staff-li', 'staff-chen', 'staff-sun', 'staff-he'])('refuses %s: only finance, directors and the general manager compute (R-ACC-1)', async (actor) => {
    await expectRefused(() => compute('staff-wu', '2026-01-01', '2026-03-31', actor), 'AccessDeniedError', (r) => expect(r).toMatchObject({ code: 'ACCESS.DENIED', ruleId: 'R-ACC-1' }))
  })

  it.each(['staff-qian', 'staff-zhao', 'staff-wang'])('lets %s compute', async (actor) => {
    expect((await compute('staff-wu', '2026-01-01', '2026-03-31', actor)).data.computeCommissionStatement.__typename).toBe('ComputeCommissionStatementPayload')
  })
})

describe('commission statements — who may see them (R-ACC-1)', () => {
  const CASES: [actor: string, allowed: boolean, why: string][] = [
    ['staff-zhou', true, 'the person'],
    ['staff-li', true, 'the manager of their team'],
    ['staff-qian', true, 'finance'],
    ['staff-zhao', true, 'a director'],
    ['staff-wang', true, 'the general manager'],
    ['staff-wu', false, 'a colleague of the same team'],
    ['staff-chen', false, 'the manager of another team'],
    ['staff-he', false, 'the service supervisor (a manager of another team)'],
    ['staff-sun', false, 'commerce'],
    ['staff-han', false, 'customs'],
    ['staff-yang', false, 'quality'],
  ]

  it.each(CASES)('%s → %s (%s)', async (actor, allowed) => {
    const one = (await gw.gql(STATEMENT, { id: 'stmt-zhou-2025' }, actor)).data.commissionStatement
    const list = (await gw.gql(STATEMENTS, { staffId: 'staff-zhou' }, actor)).data.commissionStatements
    if (allowed) {
      expect(one.__typename).toBe('CommissionStatement')
      expect(list.data.statements.map((s: { statementId: string }) => s.statementId)).toEqual(['stmt-zhou-2025'])
    } else {
      expect(one).toMatchObject({ __typename: 'AccessDeniedError', ruleId: 'R-ACC-1' })
      expect(list).toMatchObject({ __typename: 'AccessDeniedError', ruleId: 'R-ACC-1' })
    }
  })

  it('a person who has left sees nothing: the gateway refuses the request', async () => {
    const result = await gw.gql(STATEMENT, { id: 'stmt-zhou-2025' }, 'staff-liu')
    expect(result.data?.commissionStatement ?? null).toBeNull()
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('lists by period and refuses a malformed period or an unknown statement', async () => {
    await compute('staff-zhou', '2026-01-01', '2026-03-31')
    const periods = async (period?: string) => (await gw.gql(STATEMENTS, { staffId: 'staff-zhou', ...(period === undefined ? {} : { period }) }, 'staff-zhou')).data.commissionStatements
    expect((await periods()).data.statements.map((s: { periodStart: string }) => s.periodStart)).toEqual(['2026-01-01', '2025-01-01'])
    expect((await periods('2026-02')).data.statements.map((s: { periodStart: string }) => s.periodStart)).toEqual(['2026-01-01'])
    expect((await periods('2025-Q4')).data.statements.map((s: { periodStart: string }) => s.periodStart)).toEqual(['2025-01-01'])
    expect((await periods('2024')).data.statements).toEqual([])
    expect(await periods('2026-13')).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'period', code: 'KPI.INVALID_PERIOD' }] })
    expect((await gw.gql(STATEMENT, { id: 'stmt-none' }, 'staff-wang')).data.commissionStatement).toMatchObject({ __typename: 'NotFoundError' })
  })
})
