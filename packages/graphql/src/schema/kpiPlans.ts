import { defaultAccessPolicy, type KpiPeriod, Money, type RecordIssue } from '@kehu/core'

import { recordAction } from '../access/customerAccess.js'
import { fenToMoney, moneyToFen } from '../db/money.js'
import type { Prisma } from '../generated/prisma/client.js'
import { AccessDeniedRefusal, InputRefusal, NotFoundRefusal } from '../refusals.js'
import { builder, type Context } from './builder.js'
import { parsePeriodArgument } from './kpi.js'

// The plans and budgets a team's KPIs are measured against (R-KPI-1, R-KPI-3, R-KPI-6, R-KPI-7):
// one line per team, period (and scope, for sales), set again to change it. They are set by the
// company-wide roles (总监, 总经理, R-ACC-1): a team's manager is measured against them, so does not
// set them. Each change writes an audit row with the value it replaced.

const SalesPlanScopeEnum = builder.enumType('SalesPlanScope', {
  description: 'Whose sales a sales plan counts.',
  values: {
    all: { value: 'all', description: '销售计划 — all of the team’s sales (R-KPI-7)' },
    bigCustomers: { value: 'bigCustomers', description: '大客户销售计划 — sales to signed big customers (R-KPI-1)' },
  } as const,
})

const PERIOD_DESCRIPTION = 'The period: a month `2026-03`, a quarter `2026-Q1` or a year `2026` (Asia/Shanghai).'

const SetSalesPlanInput = builder.inputType('SetSalesPlanInput', {
  fields: (t) => ({
    teamId: t.string({ required: true }),
    period: t.string({ required: true, description: PERIOD_DESCRIPTION }),
    scope: t.field({ type: SalesPlanScopeEnum, required: true }),
    amount: t.field({ type: 'Money', required: true, description: 'Planned sales in yuan, ≥ 0.' }),
  }),
})
const SetDevelopmentPlanInput = builder.inputType('SetDevelopmentPlanInput', {
  fields: (t) => ({
    teamId: t.string({ required: true }),
    period: t.string({ required: true, description: PERIOD_DESCRIPTION }),
    count: t.int({ required: true, description: 'Big customers the team plans to develop, a whole number ≥ 0.' }),
  }),
})
const SetServiceBudgetInput = builder.inputType('SetServiceBudgetInput', {
  fields: (t) => ({
    teamId: t.string({ required: true }),
    period: t.string({ required: true, description: PERIOD_DESCRIPTION }),
    amount: t.field({ type: 'Money', required: true, description: 'The service budget in yuan, ≥ 0.' }),
  }),
})

/** A plan or budget line as set: the value, and the one it replaced (null for a new line). */
interface PlanLine {
  readonly teamId: string
  readonly period: string
  readonly scope: string | null
  readonly amountFen: bigint | null
  readonly count: number | null
  readonly replacedAmountFen: bigint | null
  readonly replacedCount: number | null
}

const payload = (name: string, description: string, kind: 'amount' | 'count', scoped = false) =>
  builder.objectRef<PlanLine>(name).implement({
    description,
    fields: (t) => ({
      teamId: t.exposeString('teamId'),
      period: t.exposeString('period', { description: 'The canonical period label.' }),
      ...(scoped ? { scope: t.field({ type: SalesPlanScopeEnum, resolve: (line) => line.scope as 'all' | 'bigCustomers' }) } : {}),
      ...(kind === 'amount'
        ? {
            amount: t.field({ type: 'Money', resolve: (line) => fenToMoney(line.amountFen!).toString() }),
            replacedAmount: t.field({ type: 'Money', nullable: true, description: 'The amount this replaced; null for a new line.', resolve: (line) => (line.replacedAmountFen === null ? null : fenToMoney(line.replacedAmountFen).toString()) }),
          }
        : {
            count: t.int({ resolve: (line) => line.count! }),
            replacedCount: t.int({ nullable: true, description: 'The count this replaced; null for a new line.', resolve: (line) => line.replacedCount }),
          }),
    }),
  })

const SetSalesPlanPayload = payload('SetSalesPlanPayload', "A team's sales plan for a period, as set (R-KPI-1, R-KPI-7).", 'amount', true)
const SetDevelopmentPlanPayload = payload('SetDevelopmentPlanPayload', "A team's big-customer development plan for a period, as set (R-KPI-3).", 'count')
const SetServiceBudgetPayload = payload('SetServiceBudgetPayload', "A team's service budget for a period, as set (R-KPI-6).", 'amount')

const PLAN_ERRORS = [InputRefusal, AccessDeniedRefusal, NotFoundRefusal]

builder.mutationField('setSalesPlan', (t) =>
  t.field({
    type: SetSalesPlanPayload,
    description: "Sets a team's sales plan for a period and scope (R-KPI-1 big customers, R-KPI-7 all sales), replacing the line set before. Directors and the general manager (R-ACC-1).",
    errors: { types: PLAN_ERRORS, directResult: true, union: { name: 'SetSalesPlanResult' } },
    args: { input: t.arg({ type: SetSalesPlanInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { period, amountFen } = checked(input.period, 'R-KPI-1', { amount: input.amount })
      return setLine(ctx, input.teamId, 'kpi.setSalesPlan', async (tx) => {
        const where = { teamId_period_scope: { teamId: input.teamId, period: period.label, scope: input.scope } }
        const before = await tx.salesPlan.findUnique({ where, select: { amountFen: true } })
        await tx.salesPlan.upsert({ where, update: { amountFen: amountFen! }, create: { id: `sales-plan-${input.teamId}-${period.label}-${input.scope}`, teamId: input.teamId, period: period.label, scope: input.scope, amountFen: amountFen! } })
        return { teamId: input.teamId, period: period.label, scope: input.scope, amountFen: amountFen!, count: null, replacedAmountFen: before?.amountFen ?? null, replacedCount: null }
      })
    },
  }),
)

builder.mutationField('setDevelopmentPlan', (t) =>
  t.field({
    type: SetDevelopmentPlanPayload,
    description: "Sets how many big customers a team plans to develop in a period (R-KPI-3), replacing the line set before. Directors and the general manager (R-ACC-1).",
    errors: { types: PLAN_ERRORS, directResult: true, union: { name: 'SetDevelopmentPlanResult' } },
    args: { input: t.arg({ type: SetDevelopmentPlanInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { period } = checked(input.period, 'R-KPI-3', { count: input.count })
      return setLine(ctx, input.teamId, 'kpi.setDevelopmentPlan', async (tx) => {
        const where = { teamId_period: { teamId: input.teamId, period: period.label } }
        const before = await tx.developmentPlan.findUnique({ where, select: { count: true } })
        await tx.developmentPlan.upsert({ where, update: { count: input.count }, create: { id: `development-plan-${input.teamId}-${period.label}`, teamId: input.teamId, period: period.label, count: input.count } })
        return { teamId: input.teamId, period: period.label, scope: null, amountFen: null, count: input.count, replacedAmountFen: null, replacedCount: before?.count ?? null }
      })
    },
  }),
)

builder.mutationField('setServiceBudget', (t) =>
  t.field({
    type: SetServiceBudgetPayload,
    description: "Sets a team's service budget for a period (R-KPI-6), replacing the line set before. Directors and the general manager (R-ACC-1).",
    errors: { types: PLAN_ERRORS, directResult: true, union: { name: 'SetServiceBudgetResult' } },
    args: { input: t.arg({ type: SetServiceBudgetInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { period, amountFen } = checked(input.period, 'R-KPI-6', { amount: input.amount })
      return setLine(ctx, input.teamId, 'kpi.setServiceBudget', async (tx) => {
        const where = { teamId_period: { teamId: input.teamId, period: period.label } }
        const before = await tx.serviceBudget.findUnique({ where, select: { amountFen: true } })
        await tx.serviceBudget.upsert({ where, update: { amountFen: amountFen! }, create: { id: `service-budget-${input.teamId}-${period.label}`, teamId: input.teamId, period: period.label, amountFen: amountFen! } })
        return { teamId: input.teamId, period: period.label, scope: null, amountFen: amountFen!, count: null, replacedAmountFen: before?.amountFen ?? null, replacedCount: null }
      })
    },
  }),
)

/** The period and the value of a plan line, every issue at once, or {@link InputRefusal}. */
function checked(periodText: string, ruleId: string, value: { readonly amount?: string; readonly count?: number }): { period: KpiPeriod; amountFen: bigint | undefined } {
  const issues: RecordIssue[] = []
  const parsed = parsePeriodArgument(periodText)
  const period = 'period' in parsed ? parsed.period : undefined
  if ('issue' in parsed) issues.push(parsed.issue)
  let amountFen: bigint | undefined
  if (value.amount !== undefined) {
    amountFen = moneyToFen(Money.parse(value.amount))
    if (amountFen < 0n) issues.push({ field: 'amount', code: 'KPI.NEGATIVE_PLAN', messageZh: `计划或预算金额不能为负数，实际为 ${value.amount}`, messageEn: `a plan or budget amount may not be negative, got ${value.amount}` })
  }
  if (value.count !== undefined && (!Number.isSafeInteger(value.count) || value.count < 0)) {
    issues.push({ field: 'count', code: 'KPI.NEGATIVE_PLAN', messageZh: `计划开发数必须是不小于 0 的整数，实际为 ${value.count}`, messageEn: `a planned count must be a whole number ≥ 0, got ${value.count}` })
  }
  if (issues.length > 0 || period === undefined) throw new InputRefusal(issues, ruleId)
  return { period, amountFen }
}

/**
 * Checks who may set a team's plans (R-ACC-1: the company-wide roles) and that the team exists, then
 * writes the line and its audit row in one transaction: a refusal leaves nothing written.
 */
async function setLine(ctx: Context, teamId: string, action: string, write: (tx: Prisma.TransactionClient) => Promise<PlanLine>): Promise<PlanLine> {
  const actor = ctx.actor!
  if (!actor.active || !actor.roles.some((role) => defaultAccessPolicy.companyWideRoles.includes(role))) {
    throw new AccessDeniedRefusal('KPI.PLAN_NOT_PERMITTED', '小组的计划和预算由总监或总经理设定', "a team's plans and budgets are set by a director or the general manager")
  }
  return ctx.prisma.$transaction(async (tx) => {
    if ((await tx.team.findUnique({ where: { id: teamId }, select: { id: true } })) === null) throw new NotFoundRefusal('team', teamId)
    const line = await write(tx)
    await recordAction(tx, {
      actor,
      at: ctx.now,
      action,
      subjectKind: 'team',
      subjectId: teamId,
      details: {
        period: line.period,
        ...(line.scope === null ? {} : { scope: line.scope }),
        ...(line.amountFen === null ? { count: line.count, replacedCount: line.replacedCount } : { amountFen: line.amountFen.toString(), replacedAmountFen: line.replacedAmountFen?.toString() ?? null }),
      },
    })
    return line
  })
}
