import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { useTestGateway } from '../test/useTestGateway.js'

// The plans and budgets KPIs are measured against (R-KPI-1, R-KPI-3, R-KPI-6, R-KPI-7), set by the
// company-wide roles (R-ACC-1), and what the scorecard (R-KPI-8) then computes from them.

const ERRORS = `... on BusinessError { code ruleId messageZh messageEn } ... on AccessDeniedError { reasonCode } ... on ValidationError { issues { field code messageEn } }`
const SET_SALES = `mutation ($input: SetSalesPlanInput!) { setSalesPlan(input: $input) { __typename ... on SetSalesPlanPayload { teamId period scope amount replacedAmount } ${ERRORS} } }`
const SET_DEVELOPMENT = `mutation ($input: SetDevelopmentPlanInput!) { setDevelopmentPlan(input: $input) { __typename ... on SetDevelopmentPlanPayload { teamId period count replacedCount } ${ERRORS} } }`
const SET_BUDGET = `mutation ($input: SetServiceBudgetInput!) { setServiceBudget(input: $input) { __typename ... on SetServiceBudgetPayload { teamId period amount replacedAmount } ${ERRORS} } }`
const SCORECARD = `query ($period: String!, $teamId: String!) { kpiScorecard(period: $period, teamId: $teamId) {
  __typename ... on KpiScorecard { department { indicators { kpi defined figures { numerator denominator } } } manager { indicators { kpi defined figures { numerator denominator } } } }
} }`

const gw = useTestGateway()

async function newTeam(): Promise<void> {
  await gw.prisma.team.create({ data: { id: 'team-plan', name: '计划测试部' } })
}

describe('setting plans and budgets (R-KPI-1, R-KPI-3, R-KPI-6, R-KPI-7)', () => {
  it('a director sets each line; setting it again replaces it and says what it replaced; each change is audited', async () => {
    await newTeam()
    const first = await gw.gql(SET_SALES, { input: { teamId: 'team-plan', period: '2026-Q2', scope: 'bigCustomers', amount: '1200000.00' } }, 'staff-zhao')
    expect(first.data.setSalesPlan).toEqual({ __typename: 'SetSalesPlanPayload', teamId: 'team-plan', period: '2026-Q2', scope: 'bigCustomers', amount: '1200000.00', replacedAmount: null })
    const again = await gw.gql(SET_SALES, { input: { teamId: 'team-plan', period: '2026-Q2', scope: 'bigCustomers', amount: '1500000.50' } }, 'staff-wang')
    expect(again.data.setSalesPlan).toMatchObject({ amount: '1500000.50', replacedAmount: '1200000.00' })
    // The other scope is its own line.
    expect((await gw.gql(SET_SALES, { input: { teamId: 'team-plan', period: '2026-Q2', scope: 'all', amount: '3000000.00' } }, 'staff-zhao')).data.setSalesPlan).toMatchObject({ scope: 'all', replacedAmount: null })
    expect((await gw.gql(SET_DEVELOPMENT, { input: { teamId: 'team-plan', period: '2026-Q2', count: 4 } }, 'staff-zhao')).data.setDevelopmentPlan).toEqual({ __typename: 'SetDevelopmentPlanPayload', teamId: 'team-plan', period: '2026-Q2', count: 4, replacedCount: null })
    expect((await gw.gql(SET_DEVELOPMENT, { input: { teamId: 'team-plan', period: '2026-Q2', count: 0 } }, 'staff-zhao')).data.setDevelopmentPlan).toMatchObject({ count: 0, replacedCount: 4 })
    expect((await gw.gql(SET_BUDGET, { input: { teamId: 'team-plan', period: '2026-Q2', amount: '80000.00' } }, 'staff-zhao')).data.setServiceBudget).toMatchObject({ amount: '80000.00', replacedAmount: null })

    expect(await gw.prisma.salesPlan.findMany({ where: { teamId: 'team-plan' }, select: { period: true, scope: true, amountFen: true }, orderBy: { scope: 'asc' } })).toEqual([
      { period: '2026-Q2', scope: 'all', amountFen: 300_000_000n },
      { period: '2026-Q2', scope: 'bigCustomers', amountFen: 150_000_050n },
    ])
    expect(await gw.prisma.developmentPlan.findMany({ where: { teamId: 'team-plan' }, select: { period: true, count: true } })).toEqual([{ period: '2026-Q2', count: 0 }])
    const audit = await gw.prisma.auditLog.findMany({ where: { subjectKind: 'team', subjectId: 'team-plan' }, orderBy: { id: 'asc' }, select: { actorId: true, action: true, details: true } })
    expect(audit.map((row) => row.action)).toEqual(['kpi.setSalesPlan', 'kpi.setSalesPlan', 'kpi.setSalesPlan', 'kpi.setDevelopmentPlan', 'kpi.setDevelopmentPlan', 'kpi.setServiceBudget'])
    expect(audit[1]).toEqual({ actorId: 'staff-wang', action: 'kpi.setSalesPlan', details: { period: '2026-Q2', scope: 'bigCustomers', amountFen: '150000050', replacedAmountFen: '120000000' } })
    expect(audit[4]!.details).toEqual({ period: '2026-Q2', count: 0, replacedCount: 4 })
  })

  it('the scorecard is measured against the lines set (R-KPI-1, R-KPI-3, R-KPI-6, R-KPI-7)', async () => {
    await newTeam()
    await gw.gql(SET_SALES, { input: { teamId: 'team-plan', period: '2026-03', scope: 'bigCustomers', amount: '500000.00' } }, 'staff-zhao')
    await gw.gql(SET_SALES, { input: { teamId: 'team-plan', period: '2026-03', scope: 'all', amount: '900000.00' } }, 'staff-zhao')
    await gw.gql(SET_DEVELOPMENT, { input: { teamId: 'team-plan', period: '2026-03', count: 3 } }, 'staff-zhao')
    await gw.gql(SET_BUDGET, { input: { teamId: 'team-plan', period: '2026-03', amount: '20000.00' } }, 'staff-zhao')
    const card = (await gw.gql(SCORECARD, { period: '2026-03', teamId: 'team-plan' }, 'staff-zhao')).data.kpiScorecard
    expect(card.__typename).toBe('KpiScorecard')
    const lines = [...card.department.indicators, ...card.manager.indicators] as { kpi: string; figures: { denominator: string | null } }[]
    const denominators = Object.fromEntries(lines.map((line) => [line.kpi, line.figures.denominator]))
    expect(denominators).toMatchObject({ bigCustomerSalesPlanCompletion: '500000', salesPlanCompletion: '900000', bigCustomerDevelopmentPlanCompletion: '3', serviceCostControl: '20000' })
  })

  it('a period is stored by its canonical label', async () => {
    await newTeam()
    const set = await gw.gql(SET_BUDGET, { input: { teamId: 'team-plan', period: '2026', amount: '1.00' } }, 'staff-zhao')
    expect(set.data.setServiceBudget).toMatchObject({ period: '2026' })
  })
})

describe('refusals write nothing', () => {
  it('only directors and the general manager set plans: the team manager, specialists and other roles are refused (R-ACC-1)', async () => {
    const before = await gw.snapshot()
    for (const staffId of ['staff-li', 'staff-zhou', 'staff-qian', 'staff-he']) {
      const refused = await gw.gql(SET_SALES, { input: { teamId: 'team-east', period: '2026-Q2', scope: 'all', amount: '1.00' } }, staffId)
      expect(refused.data.setSalesPlan).toMatchObject({ __typename: 'AccessDeniedError', code: 'ACCESS.DENIED', ruleId: 'R-ACC-1', reasonCode: 'KPI.PLAN_NOT_PERMITTED' })
    }
    expect((await gw.gql(SET_BUDGET, { input: { teamId: 'team-east', period: '2026-Q2', amount: '1.00' } })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED')
    expect(await gw.snapshot()).toEqual(before)
  })

  it('an unknown team is NOT_FOUND', async () => {
    const before = await gw.snapshot()
    const refused = await gw.gql(SET_DEVELOPMENT, { input: { teamId: 'team-nowhere', period: '2026-Q2', count: 1 } }, 'staff-zhao')
    expect(refused.data.setDevelopmentPlan).toMatchObject({ code: 'NOT_FOUND', messageEn: 'no team with id team-nowhere' })
    expect(await gw.snapshot()).toEqual(before)
  })

  it('a bad period, a negative amount and a negative count are refused, every issue at once, with the rule ID', async () => {
    const before = await gw.snapshot()
    const sales = await gw.gql(SET_SALES, { input: { teamId: 'team-east', period: '2026-13', scope: 'all', amount: '-5.00' } }, 'staff-zhao')
    expect(sales.data.setSalesPlan).toMatchObject({ __typename: 'ValidationError', ruleId: 'R-KPI-1' })
    expect(sales.data.setSalesPlan.issues.map((issue: { field: string }) => issue.field)).toEqual(['period', 'amount'])
    const development = await gw.gql(SET_DEVELOPMENT, { input: { teamId: 'team-east', period: '2026-Q2', count: -1 } }, 'staff-zhao')
    expect(development.data.setDevelopmentPlan).toMatchObject({ __typename: 'ValidationError', ruleId: 'R-KPI-3', issues: [{ field: 'count', code: 'KPI.NEGATIVE_PLAN' }] })
    expect(await gw.snapshot()).toEqual(before)
  })

  it('an amount beyond what the database holds is refused at the boundary, for every Money input', async () => {
    const before = await gw.snapshot()
    const budget = await gw.gql(SET_BUDGET, { input: { teamId: 'team-east', period: '2026-Q2', amount: '92233720368547758.08' } }, 'staff-zhao')
    expect(budget.data).toBeUndefined()
    expect(budget.errors?.[0]?.message).toContain('Money must be at most 92233720368547758.07 either way, got "92233720368547758.08"')
    const claim = await gw.gql(`mutation ($input: CreateExpenseClaimInput!) { createExpenseClaim(input: $input) { __typename } }`, { input: { items: [{ kind: 'sundry', amount: '-99999999999999999999.00', category: 'copying', receiptAmount: '1.00', invoiceNumber: 'H-1' }] } }, 'staff-zhou')
    expect(claim.errors?.[0]?.message).toContain('Money must be at most 92233720368547758.07 either way')
    // The largest storable amount itself is accepted and stored exactly.
    const largest = await gw.gql(SET_BUDGET, { input: { teamId: 'team-east', period: '2026-Q2', amount: '92233720368547758.07' } }, 'staff-zhao')
    expect(largest.data.setServiceBudget).toMatchObject({ amount: '92233720368547758.07' })
    expect((await gw.prisma.serviceBudget.findUniqueOrThrow({ where: { teamId_period: { teamId: 'team-east', period: '2026-Q2' } } })).amountFen).toBe(2n ** 63n - 1n)
    await gw.prisma.serviceBudget.delete({ where: { teamId_period: { teamId: 'team-east', period: '2026-Q2' } } })
    expect(await gw.snapshot()).toEqual(before)
  })

  it('any text that is not a period is refused and writes nothing (property)', async () => {
    const before = await gw.snapshot()
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 12 }).filter((text) => !/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/.test(text)),
        async (period) => {
          const refused = await gw.gql(SET_BUDGET, { input: { teamId: 'team-east', period, amount: '1.00' } }, 'staff-zhao')
          expect(refused.data.setServiceBudget.__typename).toBe('ValidationError')
          expect(refused.data.setServiceBudget.issues[0].field).toBe('period')
        },
      ),
      { numRuns: 30 },
    )
    expect(await gw.snapshot()).toEqual(before)
  })
})
