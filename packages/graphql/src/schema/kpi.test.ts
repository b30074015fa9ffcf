import { parseKpiPeriod, shanghaiInstant } from '@kehu/core'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createPrismaClient } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'
import { seedDemoCompany } from '../db/seed.js'
import { PrismaClient as GeneratedClient } from '../generated/prisma/client.js'
import { useTestGateway } from '../test/useTestGateway.js'
import { tempDatabase } from '../test/tempDatabase.js'
import { loadTeamKpiRecords } from '../workflows/kpiInputs.js'

const SCORECARD = `query($period: String!, $teamId: String!) { kpiScorecard(period: $period, teamId: $teamId) {
  __typename
  ... on KpiScorecard { period periodKind periodStart periodEnd teamId teamName
    department { ...section } manager { ...section } }
  ... on BusinessError { code ruleId messageZh messageEn }
  ... on ValidationError { issues { field code messageEn } }
} }
fragment section on KpiScorecardSection {
  kind status total totalText threshold belowThreshold undefinedKpis
  warning { code ruleId } notScorableReason { code }
  indicators { kpi ruleId nameZh direction weight target defined value percent treatment achievement capped pointsText
    undefinedReason { code ruleId } figures { numerator denominator count customerIds } }
}`

interface Indicator {
  kpi: string
  ruleId: string
  value: string | null
  percent: string | null
  treatment: string
  achievement: string | null
  capped: boolean
  pointsText: string
  undefinedReason: { code: string } | null
  figures: { numerator: string | null; denominator: string | null; count: number | null; customerIds: string[] }
}

const gw = useTestGateway()

const day = (civil: string, time = '10:00'): Date => shanghaiInstant(civil, time)
const scorecard = async (period: string, teamId: string, actor: string) => (await gw.gql(SCORECARD, { period, teamId }, actor)).data?.kpiScorecard
const byKpi = (indicators: Indicator[]): Record<string, Indicator> => Object.fromEntries(indicators.map((line) => [line.kpi, line]))

/**
 * A small team whose figures are checked by hand: five customers (A key, B general, C key
 * developed in 2026-Q1, D strategic churned in 2026-Q1, E a prospect) and their 2026-Q1 records.
 * Archive fields (R-ARC-3, 28 weight units: five identity fields weigh 2, eighteen others 1):
 * A name + phone + address = 6, B name = 2, C name + mainBusiness + status = 4, D name + phone = 4, E name + email = 3.
 */
async function seedFixtureTeam(): Promise<void> {
  const p = gw.prisma
  await p.team.create({ data: { id: 'team-kpi', name: '测试客户部', managerId: 'staff-kpi-manager' } })
  await p.staff.createMany({
    data: [
      { id: 'staff-kpi-manager', name: '测经理', roles: ['manager'], teamId: 'team-kpi' },
      { id: 'staff-kpi-specialist', name: '测专员', roles: ['specialist'], teamId: 'team-kpi' },
    ],
  })
  const customer = (id: string, tier: string, ownerId: string, stage: string, signedAt: Date | null, extra: Record<string, unknown> = {}) => ({
    id,
    name: `测试客户${id}`,
    scale: 'medium',
    urgency: 'ordinary',
    tier,
    demandGrade: 'B',
    tierReasons: [],
    stage,
    stageUpdatedAt: signedAt ?? day('2025-12-01'),
    signedAt,
    ownerId,
    ...extra,
  })
  await p.customer.createMany({
    data: [
      customer('kpi-a', 'key', 'staff-kpi-specialist', 'active', day('2025-06-01'), { phone: '0574-86000001', address: '宁波市江北区人民路1号' }),
      customer('kpi-b', 'general', 'staff-kpi-manager', 'active', day('2025-03-01')),
      customer('kpi-c', 'key', 'staff-kpi-specialist', 'signed', day('2026-02-10'), { mainBusiness: '精密机械', status: '正常' }),
      customer('kpi-d', 'strategic', 'staff-kpi-specialist', 'churned', day('2024-01-01'), { phone: '0574-86000004', stageUpdatedAt: day('2026-03-15') }),
      customer('kpi-e', 'reserve', 'staff-kpi-manager', 'prospect', null, { email: 'e@example.cn' }),
    ],
  })
  const contract = (id: string, customerId: string, amount: bigint, signedAt: Date, status = 'signed') => ({ id, customerId, number: `HT-${id}`, title: id, amountFen: amount, signedAt, status, createdById: 'staff-kpi-manager' })
  await p.contract.createMany({
    data: [
      contract('kpi-a-1', 'kpi-a', 300_000_00n, day('2026-01-20')),
      contract('kpi-b-1', 'kpi-b', 120_000_00n, day('2026-02-05')),
      contract('kpi-c-1', 'kpi-c', 200_000_00n, day('2026-02-10')),
      contract('kpi-a-draft', 'kpi-a', 999_999_00n, day('2026-02-01'), 'draft'), // not a sale
      contract('kpi-a-old', 'kpi-a', 50_000_00n, day('2025-12-31', '23:59')), // before the period
    ],
  })
  await p.salesPlan.createMany({
    data: [
      { id: 'kpi-plan-all', teamId: 'team-kpi', period: '2026-Q1', scope: 'all', amountFen: 800_000_00n },
      { id: 'kpi-plan-big', teamId: 'team-kpi', period: '2026-Q1', scope: 'bigCustomers', amountFen: 400_000_00n },
    ],
  })
  await p.developmentPlan.create({ data: { id: 'kpi-develop', teamId: 'team-kpi', period: '2026-Q1', count: 2 } })
  const feedback = (id: string, customerId: string, dueAt: Date, answeredAt: Date | null) => ({ id, customerId, receivedAt: new Date(dueAt.getTime() - 2 * 86_400_000), dueAt, answeredAt, summary: id })
  await p.customerFeedback.createMany({
    data: [
      feedback('kpi-f1', 'kpi-a', day('2026-01-10'), day('2026-01-09')), // on time
      feedback('kpi-f2', 'kpi-a', day('2026-02-10'), day('2026-02-11')), // late
      feedback('kpi-f3', 'kpi-c', day('2026-03-01'), null), // unanswered: late
      feedback('kpi-f4', 'kpi-d', day('2026-03-20'), day('2026-03-19')), // on time
      feedback('kpi-f5', 'kpi-b', day('2026-02-01'), day('2026-01-31')), // general customer: not counted
    ],
  })
  const plan = (id: string, customerId: string, plannedAt: Date) => ({ id, customerId, staffId: 'staff-kpi-specialist', plannedAt })
  await p.revisitPlan.createMany({ data: [plan('kpi-rp-a', 'kpi-a', day('2026-01-15')), plan('kpi-rp-c', 'kpi-c', day('2026-03-05')), plan('kpi-rp-d', 'kpi-d', day('2026-02-01')), plan('kpi-rp-b', 'kpi-b', day('2026-02-01'))] })
  const revisit = (id: string, customerId: string, at: Date) => ({ id, customerId, staffId: 'staff-kpi-specialist', at, summary: id })
  await p.revisit.createMany({ data: [revisit('kpi-r1', 'kpi-a', day('2026-01-16')), revisit('kpi-r2', 'kpi-a', day('2026-02-20')), revisit('kpi-r3', 'kpi-b', day('2026-02-02')), revisit('kpi-r4', 'kpi-d', day('2026-02-02'))] })
  await p.serviceBudget.create({ data: { id: 'kpi-budget', teamId: 'team-kpi', period: '2026-Q1', amountFen: 30_000_00n } })
  await p.serviceCost.createMany({
    data: [
      { id: 'kpi-cost-1', teamId: 'team-kpi', at: day('2026-01-10'), amountFen: 12_000_00n, description: '差旅' },
      { id: 'kpi-cost-2', teamId: 'team-kpi', customerId: 'kpi-a', at: day('2026-02-10'), amountFen: 15_000_00n, description: '备件' },
      { id: 'kpi-cost-3', teamId: 'team-kpi', at: day('2026-04-01'), amountFen: 9_000_00n, description: '下季度' },
    ],
  })
}

describe('kpiScorecard — worked figures on a small team (2026-Q1)', () => {
  beforeEach(seedFixtureTeam)

  it('the department scorecard (R-KPI-1..6, R-KPI-8): 30 + 10 + 7.5 + 7.5 + 10 + 15 = 80.00', async () => {
    const card = await scorecard('2026-Q1', 'team-kpi', 'staff-kpi-manager')
    expect(card).toMatchObject({ __typename: 'KpiScorecard', period: '2026-Q1', periodKind: 'quarter', periodStart: '2025-12-31T16:00:00.000Z', periodEnd: '2026-03-31T16:00:00.000Z', teamName: '测试客户部' })
    const lines = byKpi(card.department.indicators)
    // R-KPI-1: big customers' signed contracts A 300,000 + C 200,000 = 500,000 ÷ 400,000 planned = 125%, capped at 100% → 30
    expect(lines['bigCustomerSalesPlanCompletion']).toMatchObject({ ruleId: 'R-KPI-1', percent: '125.00', capped: true, pointsText: '30.00', figures: { numerator: '500000', denominator: '400000' } })
    // R-KPI-2: D churned on 2026-03-15; target 1 (lower is better) → 1 ÷ 1 → 10
    expect(lines['bigCustomerChurnCount']).toMatchObject({ ruleId: 'R-KPI-2', value: '1', pointsText: '10.00', figures: { count: 1, customerIds: ['kpi-d'] } })
    // R-KPI-3: one big customer developed (C) of 2 planned = 50% → 7.5
    expect(lines['bigCustomerDevelopmentPlanCompletion']).toMatchObject({ percent: '50.00', pointsText: '7.50', figures: { numerator: '1', denominator: '2' } })
    // R-KPI-4: big customers' feedback due: A on time, A late, C unanswered, D on time → 2 of 4 → 7.5
    expect(lines['feedbackTimeliness']).toMatchObject({ percent: '50.00', pointsText: '7.50', figures: { numerator: '2', denominator: '4' } })
    // R-KPI-5: planned A, C, D; revisited A (twice) and D → 2 of 3 → 15 × 2/3 = 10
    expect(lines['bigCustomerRevisitRate']).toMatchObject({ percent: '66.67', pointsText: '10.00', figures: { numerator: '2', denominator: '3' } })
    // R-KPI-6: 12,000 + 15,000 spent of a 30,000 budget = 90% (lower is better, target 100%) → capped → 15
    expect(lines['serviceCostControl']).toMatchObject({ percent: '90.00', capped: true, pointsText: '15.00', figures: { numerator: '27000', denominator: '30000' } })
    expect(card.department).toMatchObject({ status: 'scored', totalText: '80.00', belowThreshold: false, warning: null, undefinedKpis: [], threshold: '60' })
  })

  it('the manager scorecard (R-KPI-7, R-KPI-8): 31 + 2.71 + 3 + 20 = 56.71, below 60 with the warning', async () => {
    const card = await scorecard('2026-Q1', 'team-kpi', 'staff-kpi-manager')
    const lines = byKpi(card.manager.indicators)
    // sales: 300,000 + 120,000 + 200,000 = 620,000 ÷ 800,000 = 77.5% × 40 = 31
    expect(lines['salesPlanCompletion']).toMatchObject({ percent: '77.50', pointsText: '31.00', figures: { numerator: '620000', denominator: '800000' } })
    // archives: (6 + 2 + 4 + 4 + 3) ÷ 28 ÷ 5 = 19/140 = 13.57% × 20 = 2.71
    expect(lines['archiveCompleteness']).toMatchObject({ percent: '13.57', pointsText: '2.71', figures: { denominator: '5' } })
    // churn: D of the 3 customers at the start (A, B, D) = 33.33%; target 5% → 0.05 ÷ (1/3) = 0.15 × 20 = 3
    expect(lines['churnRate']).toMatchObject({ percent: '33.33', achievement: '0.15', pointsText: '3.00', figures: { numerator: '1', denominator: '3' } })
    // new development: C of 3 at the start = 33.33% against 10% → capped → 20
    expect(lines['newDevelopmentRate']).toMatchObject({ percent: '33.33', capped: true, pointsText: '20.00' })
    expect(card.manager).toMatchObject({ status: 'scored', totalText: '56.71', belowThreshold: true, warning: { code: 'KPI.SCORE_BELOW_THRESHOLD', ruleId: 'R-KPI-8' } })
  })

  it('a KPI without a denominator is not defined, says why and is left out of the weights (2026-Q2)', async () => {
    const card = await scorecard('2026-Q2', 'team-kpi', 'staff-kpi-manager')
    expect(card.department.undefinedKpis).toEqual(['bigCustomerSalesPlanCompletion', 'bigCustomerDevelopmentPlanCompletion', 'feedbackTimeliness', 'bigCustomerRevisitRate', 'serviceCostControl'])
    const lines = byKpi(card.department.indicators)
    expect(lines['bigCustomerSalesPlanCompletion']).toMatchObject({ value: null, treatment: 'excluded', pointsText: '0.00', undefinedReason: { code: 'KPI.NO_SALES_PLAN', ruleId: 'R-KPI-1' } })
    expect(lines['serviceCostControl']!.undefinedReason).toMatchObject({ code: 'KPI.NO_SERVICE_BUDGET' })
    // only the churn count is left: none churned in Q2 → the whole weight → 100.00
    expect(card.department.totalText).toBe('100.00')
    // manager: sales excluded; archives 19/140 × 20, churn 0 of A, B, C → capped 20, new 0 → 0; over 60 weight
    expect(card.manager.undefinedKpis).toEqual(['salesPlanCompletion'])
    expect(card.manager.totalText).toBe('37.86') // (2.7142857 + 20 + 0) ÷ 60 × 100
  })

  it('a month inside a quarter with quarterly plans is refused, naming the plan that cannot be attributed', async () => {
    const before = await gw.snapshot()
    const card = await scorecard('2026-02', 'team-kpi', 'staff-kpi-manager')
    expect(card).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'bigCustomerSalesPlanCompletion.plans[kpi-plan-big].period', code: 'KPI.PLAN_PERIOD_STRADDLES' }] })
    expect(await gw.snapshot()).toEqual(before)
  })

  it('a negative stored service cost is refused, naming the row', async () => {
    await gw.prisma.serviceCost.update({ where: { id: 'kpi-cost-2' }, data: { amountFen: -15_000_00n } })
    const card = await scorecard('2026-Q1', 'team-kpi', 'staff-kpi-manager')
    expect(card).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'serviceCostControl.costs[kpi-cost-2].amount', code: 'KPI.NEGATIVE_AMOUNT' }] })
  })
})

describe('kpiScorecard — demo data', () => {
  it('the east team in 2025: sales against the quarterly plans, and feedback answered late or not at all', async () => {
    const card = await scorecard('2025', 'team-east', 'staff-li')
    const department = byKpi(card.department.indicators)
    // the east team's big customers signed 3,712,500.04 in Q3 and 11,312,500.04 in Q4 against 17,500,000 planned
    expect(department['bigCustomerSalesPlanCompletion']!.figures).toEqual({ numerator: '15025000.08', denominator: '17500000', count: null, customerIds: [] })
    expect(department['feedbackTimeliness']!.figures.denominator).toBe('16')
    expect(card.department.status).toBe('scored')
  })

  it('refuses a malformed period and an unknown team, writing nothing', async () => {
    const before = await gw.snapshot()
    expect(await scorecard('2026-13', 'team-east', 'staff-wang')).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'period', code: 'KPI.INVALID_PERIOD' }] })
    expect(await scorecard('2026-q1', 'team-east', 'staff-wang')).toMatchObject({ __typename: 'ValidationError' })
    expect(await scorecard('2026-Q1', 'team-nowhere', 'staff-wang')).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' })
    expect(await gw.snapshot()).toEqual(before)
  })
})

describe("kpiScorecard — who may see a team's scorecard (R-ACC-1)", () => {
  const CASES: [actor: string, allowed: boolean, why: string][] = [
    ['staff-wang', true, 'the general manager'],
    ['staff-zhao', true, 'a director'],
    ['staff-li', true, "the east team's manager"],
    ['staff-chen', false, 'the manager of another team'],
    ['staff-he', false, 'the service supervisor, a manager of another team'],
    ['staff-zhou', false, 'a specialist of the team'],
    ['staff-wu', false, 'a specialist of the team'],
    ['staff-zheng', false, 'a specialist of another team'],
    ['staff-sun', false, 'commerce'],
    ['staff-qian', false, 'finance'],
    ['staff-han', false, 'customs'],
    ['staff-yang', false, 'quality'],
  ]
  it.each(CASES)('%s → %s (%s)', async (actor, allowed) => {
    const card = await scorecard('2025-Q4', 'team-east', actor)
    if (allowed) expect(card.__typename).toBe('KpiScorecard')
    else expect(card).toMatchObject({ __typename: 'AccessDeniedError', code: 'ACCESS.DENIED', ruleId: 'R-ACC-1' })
  })

  it('a person who has left is refused by the gateway', async () => {
    const result = await gw.gql(SCORECARD, { period: '2025-Q4', teamId: 'team-east' }, 'staff-liu')
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('loadTeamKpiRecords — SQL statements do not grow with the team', () => {
  let db: ReturnType<typeof tempDatabase>
  let client: GeneratedClient<'query'>
  let statements = 0
  beforeAll(async () => {
    db = tempDatabase()
    migrateDatabase(db.url)
    const seeding = await createPrismaClient(db.url)
    await seedDemoCompany(seeding)
    await seeding.$disconnect()
    client = new GeneratedClient({ adapter: new PrismaBetterSQLite3({ url: `file:${db.file}` }), log: [{ emit: 'event', level: 'query' }] })
    client.$on('query', () => {
      statements += 1
    })
  }, 60_000)
  afterAll(async () => {
    await client.$disconnect()
    db.remove()
  })

  async function countStatements(): Promise<{ statements: number; customers: number; feedback: number }> {
    statements = 0
    const records = await loadTeamKpiRecords(client, 'team-south', parseKpiPeriod('2025-Q4'))
    return { statements, customers: records.customers.length, feedback: records.feedback.length }
  }

  it('reads the same number of statements for 16 customers and for 216', async () => {
    const small = await countStatements()
    const extra = Array.from({ length: 200 }, (_, i) => `grow-${i}`)
    await client.customer.createMany({
      data: extra.map((id) => ({ id, name: id, scale: 'large', urgency: 'urgent', tier: 'key', demandGrade: 'A', tierReasons: [], stage: 'active', stageUpdatedAt: day('2025-01-02'), signedAt: day('2025-01-02'), ownerId: 'staff-zheng' })),
    })
    await client.customerFeedback.createMany({ data: extra.map((id) => ({ id: `fb-${id}`, customerId: id, receivedAt: day('2025-11-01'), dueAt: day('2025-11-03'), summary: id })) })
    const large = await countStatements()
    expect(large.customers).toBe(small.customers + 200)
    expect(large.feedback).toBe(small.feedback + 200)
    expect(small.statements).toBeGreaterThan(0)
    expect(large.statements).toBe(small.statements)
  })
})
