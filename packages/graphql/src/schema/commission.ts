import { randomUUID } from 'node:crypto'

import { type CommissionTrace, type CommissionTraceStep, formatCommissionTrace, isCivilDay, KehuError, parseKpiPeriod, toShanghaiDay } from '@kehu/core'

import { recordAction, viewableCustomerNamed } from '../access/customerAccess.js'
import { fenToMoney } from '../db/money.js'
import type { Prisma } from '../generated/prisma/client.js'
import { AccessDeniedRefusal, ConflictRefusal, InputRefusal, NotFoundRefusal, RuleRefusal, WORKFLOW_ERRORS } from '../refusals.js'
import { commissionPermission, type CommissionAction, viewableStatementsWhere } from '../workflows/commissionAccess.js'
import { computeCommissionStatement, readStoredLineTrace, statementRows, statementWindow } from '../workflows/commissionStatement.js'
import { builder, type Context } from './builder.js'
import { CustomerRef } from './customer.js'

type Tx = Prisma.TransactionClient

const STATEMENT_INCLUDE = { lines: { orderBy: { seq: 'asc' } }, staff: { select: { id: true, name: true, teamId: true } } } as const satisfies Prisma.CommissionStatementInclude
type StatementRow = Prisma.CommissionStatementGetPayload<{ include: typeof STATEMENT_INCLUDE }>
type LineRow = StatementRow['lines'][number]

// ---- trace (R-COM-8) ------------------------------------------------------------------------

const TraceInputRef = builder.objectRef<{ name: string; value: string }>('CommissionTraceInput').implement({
  description: 'One input of a trace step: its name in the formula and its exact value (amounts in yuan, rates as decimals).',
  fields: (t) => ({ name: t.exposeString('name'), value: t.exposeString('value') }),
})

const TraceStepRef = builder.objectRef<CommissionTraceStep>('CommissionTraceStep').implement({
  description: 'One step of a commission calculation (计算步骤, R-COM-8).',
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    descriptionZh: t.string({ resolve: (step) => step.description.zh }),
    descriptionEn: t.string({ resolve: (step) => step.description.en }),
    formula: t.exposeString('formula'),
    inputs: t.field({ type: [TraceInputRef], resolve: (step) => Object.entries(step.inputs).map(([name, value]) => ({ name, value })) }),
    unrounded: t.exposeString('unrounded', { nullable: true, description: 'The exact, unrounded result (未舍入值); null for a pure check.' }),
    amount: t.field({ type: 'Money', nullable: true, description: 'The final amount rounded once to the fen, when the step produces one.', resolve: (step) => step.amount }),
    person: t.exposeString('person', { nullable: true, description: 'The staff id the amount is for.' }),
  }),
})

const TraceRef = builder.objectRef<CommissionTrace>('CommissionTrace').implement({
  description: "How a commission figure came about (提成计算过程, R-COM-8): core's trace, structured and as readable text in both languages.",
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'fixedProject | strategicProject | riskProject | overProfitBonus | split' }),
    steps: t.field({ type: [TraceStepRef], resolve: (trace) => [...trace.steps] }),
    margin: t.exposeString('margin', { nullable: true, description: 'Profit ÷ revenue (利润率), when it applies.' }),
    bonusSteps: t.exposeInt('bonusSteps', { nullable: true, description: 'Full over-profit bonus steps (超额档数, R-COM-4).' }),
    roundingMode: t.string({ resolve: (trace) => trace.rounding.mode }),
    roundingZh: t.string({ resolve: (trace) => trace.rounding.description.zh }),
    roundingEn: t.string({ resolve: (trace) => trace.rounding.description.en }),
    total: t.field({ type: 'Money', nullable: true, resolve: (trace) => trace.total }),
    rulesApplied: t.stringList({ resolve: (trace) => [...trace.rulesApplied] }),
    textZh: t.stringList({ description: "core's formatCommissionTrace in Chinese, one line per entry.", resolve: (trace) => formatCommissionTrace(trace, 'zh') }),
    textEn: t.stringList({ description: "core's formatCommissionTrace in English, one line per entry.", resolve: (trace) => formatCommissionTrace(trace, 'en') }),
  }),
})

// ---- statement and lines --------------------------------------------------------------------

const CommissionLineRef = builder.objectRef<LineRow>('CommissionLine').implement({
  description: 'One line of a commission statement (提成明细): what it pays, the base, the rate, the amount and its trace.',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    kind: t.exposeString('kind', { description: 'fixed (R-COM-1) | strategic (R-COM-2) | overProfit (R-COM-4) | risk (R-COM-5)' }),
    role: t.string({ nullable: true, description: 'earner | lead | assistant | medicalStrategy | execution | overProfitBonus', resolve: (line) => readStoredLineTrace(line.trace).role }),
    projectId: t.string({ nullable: true, resolve: (line) => readStoredLineTrace(line.trace).projectId }),
    projectName: t.string({ nullable: true, resolve: (line) => readStoredLineTrace(line.trace).projectName }),
    customer: t.field({
      type: CustomerRef,
      nullable: true,
      description: 'The customer of the project, or null when there is none or the actor may not view it (R-ACC-1).',
      resolve: (line, _args, ctx) => (line.customerId === null ? null : viewableCustomerNamed(ctx.prisma, ctx.actor!, line.customerId, {}, ctx.now)),
    }),
    base: t.field({ type: 'Money', description: 'What the rate applies to, to the fen; the trace holds the exact figure.', resolve: (line) => line.baseFen }),
    rate: t.exposeString('rate', { nullable: true, description: 'Rate, multiplier or bonus fraction as a decimal; null when nothing was due.' }),
    amount: t.field({ type: 'Money', resolve: (line) => line.amountFen }),
    traces: t.field({
      type: [TraceRef],
      description: "The project's trace, then the split's when the commission was shared (R-COM-7).",
      resolve: (line) => [...readStoredLineTrace(line.trace).traces],
    }),
  }),
})

const CommissionStatementRef = builder.objectRef<StatementRow>('CommissionStatement').implement({
  description: 'A commission statement (提成结算单) of one person for a period of civil days (Asia/Shanghai, inclusive).',
  fields: (t) => ({
    statementId: t.exposeString('id'),
    staffId: t.exposeString('staffId'),
    staffName: t.string({ resolve: (statement) => statement.staff.name }),
    periodStart: t.exposeString('periodStart', { description: 'YYYY-MM-DD, inclusive' }),
    periodEnd: t.exposeString('periodEnd', { description: 'YYYY-MM-DD, inclusive' }),
    total: t.field({ type: 'Money', description: 'Exact sum of the lines.', resolve: (statement) => statement.totalFen }),
    rulesApplied: t.stringList({ resolve: (statement) => ((statement.trace as { rulesApplied?: string[] } | null)?.rulesApplied ?? []).map(String) }),
    computedAt: t.field({ type: 'DateTime', resolve: (statement) => statement.createdAt }),
    lines: t.field({ type: [CommissionLineRef], resolve: (statement) => statement.lines }),
  }),
})

const CommissionStatementList = builder.objectRef<{ statements: StatementRow[] }>('CommissionStatementList').implement({
  fields: (t) => ({ statements: t.field({ type: [CommissionStatementRef], resolve: (list) => list.statements }) }),
})

/** R-ACC-1 on a statement's holder; throws the refusal when it is denied. */
function requireCommissionPermission(ctx: Context, action: CommissionAction, holder: { id: string; teamId: string | null }): void {
  if (commissionPermission(ctx.actor!, action, holder) !== null) return
  throw action === 'view'
    ? new AccessDeniedRefusal('COMMISSION.NOT_VISIBLE', '提成结算单仅本人、所在小组经理、财务部、总监和总经理可查看', 'a commission statement is visible to the person, their team manager, finance, directors and the general manager')
    : new AccessDeniedRefusal('COMMISSION.NOT_COMPUTABLE', '提成结算单由财务部、总监或总经理核算', 'commission statements are computed by finance, directors or the general manager')
}

/** A KPI-style period (`2026`, `2026-Q1`, `2026-03`) as its first and last civil day. */
function periodDays(period: string): { first: string; last: string } {
  try {
    const parsed = parseKpiPeriod(period, 'period')
    return { first: toShanghaiDay(parsed.start), last: toShanghaiDay(new Date(parsed.end.getTime() - 1)) }
  } catch (error) {
    if (error instanceof KehuError) throw new InputRefusal([{ field: 'period', code: error.code, messageZh: error.messageZh, messageEn: error.messageEn }], 'R-COM-8')
    throw error
  }
}

builder.queryFields((t) => ({
  commissionStatements: t.field({
    type: CommissionStatementList,
    description: "A person's commission statements, newest period first; with `period` (2026, 2026-Q1, 2026-03) those overlapping it. R-ACC-1: the person, their team manager, finance, directors, the general manager.",
    errors: { types: [AccessDeniedRefusal, NotFoundRefusal, InputRefusal], union: { name: 'CommissionStatementsResult' }, result: { name: 'CommissionStatementsSuccess' } },
    args: { staffId: t.arg.string({ required: true }), period: t.arg.string({ required: false }) },
    resolve: async (_root, args, ctx) => {
      const days = args.period == null ? undefined : periodDays(args.period)
      const holder = await ctx.prisma.staff.findUnique({ where: { id: args.staffId }, select: { id: true, teamId: true } })
      if (holder === null) throw new NotFoundRefusal('staff', args.staffId)
      requireCommissionPermission(ctx, 'view', holder)
      const where: Prisma.CommissionStatementWhereInput = {
        AND: [{ staffId: holder.id }, viewableStatementsWhere(ctx.actor!), ...(days === undefined ? [] : [{ periodStart: { lte: days.last }, periodEnd: { gte: days.first } }])],
      }
      const statements = await ctx.prisma.commissionStatement.findMany({ where, include: STATEMENT_INCLUDE, orderBy: [{ periodStart: 'desc' }, { periodEnd: 'desc' }] })
      return { statements }
    },
  }),
  commissionStatement: t.field({
    type: CommissionStatementRef,
    description: 'One commission statement with its lines and traces (R-COM-8). R-ACC-1 as for commissionStatements.',
    errors: { types: [AccessDeniedRefusal, NotFoundRefusal], directResult: true, union: { name: 'CommissionStatementResult' } },
    args: { id: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const statement = await ctx.prisma.commissionStatement.findUnique({ where: { id: args.id }, include: STATEMENT_INCLUDE })
      if (statement === null) throw new NotFoundRefusal('commission statement', args.id)
      requireCommissionPermission(ctx, 'view', statement.staff)
      return statement
    },
  }),
}))

// ---- computeCommissionStatement -------------------------------------------------------------

const ComputeCommissionStatementPayload = builder.objectRef<{ statementId: string; replacedStatementId: string | null }>('ComputeCommissionStatementPayload').implement({
  fields: (t) => ({
    statementId: t.exposeString('statementId'),
    replacedStatementId: t.exposeString('replacedStatementId', { nullable: true, description: 'The statement of the same person and period this one replaced, if any.' }),
    statement: t.field({
      type: CommissionStatementRef,
      resolve: (payload, _args, ctx) => ctx.prisma.commissionStatement.findUniqueOrThrow({ where: { id: payload.statementId }, include: STATEMENT_INCLUDE }),
    }),
  }),
})

function readPeriod(periodStart: string, periodEnd: string): void {
  const issues = []
  if (!isCivilDay(periodStart)) issues.push({ field: 'periodStart', code: 'COMMISSION.INVALID_PERIOD', messageZh: `periodStart 必须是日期 YYYY-MM-DD，实际为 ${JSON.stringify(periodStart)}`, messageEn: `periodStart must be a day YYYY-MM-DD, got ${JSON.stringify(periodStart)}` })
  if (!isCivilDay(periodEnd)) issues.push({ field: 'periodEnd', code: 'COMMISSION.INVALID_PERIOD', messageZh: `periodEnd 必须是日期 YYYY-MM-DD，实际为 ${JSON.stringify(periodEnd)}`, messageEn: `periodEnd must be a day YYYY-MM-DD, got ${JSON.stringify(periodEnd)}` })
  if (issues.length === 0 && periodEnd < periodStart) issues.push({ field: 'periodEnd', code: 'COMMISSION.INVALID_PERIOD', messageZh: `结算期末 ${periodEnd} 早于期初 ${periodStart}`, messageEn: `periodEnd ${periodEnd} is before periodStart ${periodStart}` })
  if (issues.length > 0) throw new InputRefusal(issues, 'R-COM-8')
}

/** The person's projects that count in the period: fixed projects (their payments are filtered below) and projects settled in it. */
async function loadProjects(tx: Tx, staffId: string, periodStart: string, periodEnd: string) {
  const { from, to } = statementWindow(periodStart, periodEnd)
  const rows = await tx.commissionProject.findMany({
    where: { members: { some: { staffId } }, OR: [{ kind: { notIn: ['strategic', 'risk'] } }, { settledOn: { gte: periodStart, lte: periodEnd } }] },
    include: { members: { orderBy: [{ role: 'asc' }, { staffId: 'asc' }] }, contract: { select: { payments: { where: { receivedAt: { gte: from, lt: to } }, select: { amountFen: true }, orderBy: { receivedAt: 'asc' } } } } },
    orderBy: { id: 'asc' },
  })
  return rows.map(({ contract, ...project }) => ({ ...project, payments: contract?.payments ?? [] }))
}

builder.mutationField('computeCommissionStatement', (t) =>
  t.field({
    type: ComputeCommissionStatementPayload,
    description:
      "Computes a person's commission statement for a period of civil days from the stored commission projects and payments with core's commission functions (R-COM-1..8), and stores it with its lines and traces. Recomputing the same person and period replaces the earlier statement in the same transaction; a period overlapping another statement of the person is refused. Finance, directors and the general manager (R-ACC-1).",
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'ComputeCommissionStatementResult' } },
    args: { staffId: t.arg.string({ required: true }), periodStart: t.arg.string({ required: true }), periodEnd: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const actor = ctx.actor!
      readPeriod(args.periodStart, args.periodEnd)
      const statementId = `stmt-${randomUUID()}`
      try {
        return await ctx.prisma.$transaction(async (tx) => {
          const holder = await tx.staff.findUnique({ where: { id: args.staffId }, select: { id: true, teamId: true } })
          if (holder === null) throw new NotFoundRefusal('staff', args.staffId)
          requireCommissionPermission(ctx, 'compute', holder)
          const overlapping = await tx.commissionStatement.findMany({
            where: { staffId: holder.id, periodStart: { lte: args.periodEnd }, periodEnd: { gte: args.periodStart } },
            select: { id: true, periodStart: true, periodEnd: true, totalFen: true },
          })
          const same = overlapping.find((s) => s.periodStart === args.periodStart && s.periodEnd === args.periodEnd)
          const other = overlapping.find((s) => s !== same)
          if (other !== undefined) {
            throw new RuleRefusal({
              code: 'COMMISSION.PERIOD_OVERLAPS',
              ruleId: 'R-COM-8',
              messageZh: `结算期 ${args.periodStart}～${args.periodEnd} 与已有结算单 ${other.id}（${other.periodStart}～${other.periodEnd}）重叠，同一笔提成不能结算两次`,
              messageEn: `the period ${args.periodStart}..${args.periodEnd} overlaps statement ${other.id} (${other.periodStart}..${other.periodEnd}); a commission is not settled twice`,
              details: { statementId: other.id, periodStart: other.periodStart, periodEnd: other.periodEnd },
            })
          }
          const computed = computeCommissionStatement(holder.id, await loadProjects(tx, holder.id, args.periodStart, args.periodEnd))
          const rows = statementRows(statementId, computed)
          if (same !== undefined) await tx.commissionStatement.delete({ where: { id: same.id } }) // lines cascade
          await tx.commissionStatement.create({
            data: { id: statementId, staffId: holder.id, periodStart: args.periodStart, periodEnd: args.periodEnd, totalFen: computed.total.fen, trace: rows.trace, createdAt: ctx.now },
          })
          await tx.commissionLine.createMany({ data: rows.lines.map((line) => ({ ...line, statementId })) })
          await recordAction(tx, {
            actor,
            at: ctx.now,
            action: 'commission.compute',
            subjectKind: 'commissionStatement',
            subjectId: statementId,
            details: {
              staffId: holder.id,
              periodStart: args.periodStart,
              periodEnd: args.periodEnd,
              total: computed.total.toString(),
              lines: rows.lines.length,
              ...(same === undefined ? {} : { replaced: same.id, replacedTotal: fenToMoney(same.totalFen).toString() }),
            },
          })
          return { statementId, replacedStatementId: same?.id ?? null }
        })
      } catch (error) {
        // Two computations of the same person and period at once: the unique key lets one win.
        if ((error as { code?: unknown }).code === 'P2002') throw new ConflictRefusal('commission statement', `${args.staffId} ${args.periodStart}..${args.periodEnd}`, 'R-COM-8')
        throw error
      }
    },
  }),
)
