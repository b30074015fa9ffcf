import { KehuError, type KpiCount, type KpiPeriod, type KpiRate, parseKpiPeriod, ratioToPercent, type RecordIssue, type ScorecardLine } from '@kehu/core'

import { AccessDeniedRefusal, InputRefusal, NotFoundRefusal } from '../refusals.js'
import { kpiScorecardPermission } from '../workflows/kpiAccess.js'
import { loadTeamKpiRecords, teamKpiInputs } from '../workflows/kpiInputs.js'
import { KPI_INDICATORS, type TeamScorecard, teamScorecards } from '../workflows/kpiScorecard.js'
import { builder } from './builder.js'

interface Notice {
  readonly code: string
  readonly ruleId: string
  readonly messageZh: string
  readonly messageEn: string
}

const KpiNoticeRef = builder.objectRef<Notice>('KpiNotice').implement({
  description: 'A warning or the reason a KPI or a score is not defined: code, rule and both languages.',
  fields: (t) => ({ code: t.exposeString('code'), ruleId: t.exposeString('ruleId'), messageZh: t.exposeString('messageZh'), messageEn: t.exposeString('messageEn') }),
})

interface Figures {
  readonly kpi: string
  readonly value: KpiRate | KpiCount
}

const KpiFiguresRef = builder.objectRef<Figures>('KpiFigures').implement({
  description: 'The figures a KPI was computed from: numerator and denominator of a rate (exact decimals; amounts in yuan), or the count and the customers counted.',
  fields: (t) => ({
    numerator: t.string({ nullable: true, resolve: ({ value }) => ('numerator' in value ? value.numerator.toString() : null) }),
    denominator: t.string({ nullable: true, resolve: ({ value }) => ('denominator' in value ? value.denominator.toString() : null) }),
    count: t.int({ nullable: true, resolve: ({ value }) => ('count' in value ? value.count : null) }),
    customerIds: t.stringList({ description: 'The customers counted, for a count KPI (R-KPI-2).', resolve: ({ value }) => ('customerIds' in value ? [...value.customerIds] : []) }),
    numeratorZh: t.string({ resolve: ({ kpi }) => KPI_INDICATORS[kpi]?.numeratorZh ?? '' }),
    numeratorEn: t.string({ resolve: ({ kpi }) => KPI_INDICATORS[kpi]?.numeratorEn ?? '' }),
    denominatorZh: t.string({ nullable: true, resolve: ({ kpi }) => KPI_INDICATORS[kpi]?.denominatorZh ?? null }),
    denominatorEn: t.string({ nullable: true, resolve: ({ kpi }) => KPI_INDICATORS[kpi]?.denominatorEn ?? null }),
  }),
})

type Indicator = ScorecardLine & { readonly measured: KpiRate | KpiCount }

const KpiIndicatorRef = builder.objectRef<Indicator>('KpiIndicator').implement({
  description: "One KPI of a scorecard (考核指标): its value, target and weight, the points it earned, the rule that defines it and the figures it was computed from — all as core's kpiScorecard computed them.",
  fields: (t) => ({
    kpi: t.exposeString('kpi'),
    ruleId: t.string({ resolve: (line) => KPI_INDICATORS[line.kpi]?.ruleId ?? 'R-KPI-8' }),
    nameZh: t.string({ resolve: (line) => KPI_INDICATORS[line.kpi]?.nameZh ?? line.kpi }),
    nameEn: t.string({ resolve: (line) => KPI_INDICATORS[line.kpi]?.nameEn ?? line.kpi }),
    direction: t.exposeString('direction', { description: 'higher-is-better | lower-is-better' }),
    weight: t.string({ resolve: (line) => line.weight.toString() }),
    target: t.string({ description: 'A ratio (1 = 100%) or a count.', resolve: (line) => line.target.toString() }),
    achievementCap: t.string({ resolve: (line) => line.achievementCap.toString() }),
    defined: t.boolean({ resolve: (line) => line.value !== undefined }),
    value: t.string({ nullable: true, description: 'The ratio (exact) or the count; null when the KPI is not defined.', resolve: (line) => line.value?.toString() ?? null }),
    percent: t.string({ nullable: true, description: 'A rate as a percentage, two decimals, half-up.', resolve: (line) => (line.measured.status === 'defined' && 'ratio' in line.measured ? ratioToPercent(line.measured.ratio) : null) }),
    undefinedReason: t.field({ type: KpiNoticeRef, nullable: true, description: 'Why the KPI is not defined (a zero denominator), never a silent 0.', resolve: (line) => line.undefinedReason ?? null }),
    treatment: t.exposeString('treatment', { description: 'scored | scored-zero | excluded' }),
    achievement: t.string({ nullable: true, resolve: (line) => line.achievement?.toString() ?? null }),
    capped: t.exposeBoolean('capped'),
    points: t.string({ description: 'Points out of 100, exact.', resolve: (line) => line.points.toString() }),
    pointsText: t.exposeString('pointsText'),
    figures: t.field({ type: KpiFiguresRef, resolve: (line) => ({ kpi: line.kpi, value: line.measured }) }),
  }),
})

const KpiScorecardSectionRef = builder.objectRef<TeamScorecard>('KpiScorecardSection').implement({
  description: "One scorecard (R-KPI-8): core's weighted score out of 100 and its KPIs.",
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'department (客户部大客户指标, R-KPI-1..6) | manager (客户部经理指标, R-KPI-7)' }),
    status: t.string({ description: 'scored | not-scorable', resolve: (card) => card.result.status }),
    total: t.string({ nullable: true, description: 'The exact score.', resolve: (card) => (card.result.status === 'scored' ? card.result.total.toString() : null) }),
    totalText: t.string({ nullable: true, description: 'The reported score, two decimals, half-up.', resolve: (card) => (card.result.status === 'scored' ? card.result.totalText : null) }),
    threshold: t.string({ resolve: (card) => card.policy.threshold }),
    belowThreshold: t.boolean({ resolve: (card) => card.result.status === 'scored' && card.result.belowThreshold }),
    warning: t.field({ type: KpiNoticeRef, nullable: true, resolve: (card) => (card.result.status === 'scored' ? card.result.warning ?? null : null) }),
    notScorableReason: t.field({ type: KpiNoticeRef, nullable: true, resolve: (card) => (card.result.status === 'not-scorable' ? card.result.reason : null) }),
    undefinedKpis: t.stringList({ resolve: (card) => [...card.result.undefinedKpis] }),
    indicators: t.field({ type: [KpiIndicatorRef], resolve: (card) => card.result.lines.map((line) => ({ ...line, measured: card.values[line.kpi]! })) }),
  }),
})

interface Scorecard {
  readonly period: KpiPeriod
  readonly team: { readonly id: string; readonly name: string }
  readonly department: TeamScorecard
  readonly manager: TeamScorecard
}

const KpiScorecardRef = builder.objectRef<Scorecard>('KpiScorecard').implement({
  description: "A team's KPI scorecards for a period (绩效考核): the customer department's big-customer KPIs and its manager's KPIs.",
  fields: (t) => ({
    period: t.string({ resolve: (card) => card.period.label }),
    periodKind: t.string({ description: 'month | quarter | year', resolve: (card) => card.period.kind }),
    periodStart: t.field({ type: 'DateTime', description: 'First instant (00:00 Asia/Shanghai).', resolve: (card) => card.period.start }),
    periodEnd: t.field({ type: 'DateTime', description: 'First instant after the period (exclusive).', resolve: (card) => card.period.end }),
    teamId: t.string({ resolve: (card) => card.team.id }),
    teamName: t.string({ resolve: (card) => card.team.name }),
    department: t.field({ type: KpiScorecardSectionRef, resolve: (card) => card.department }),
    manager: t.field({ type: KpiScorecardSectionRef, resolve: (card) => card.manager }),
  }),
})

/** A `period` argument as core's {@link parseKpiPeriod} reads it, or the issue that refuses it. */
export function parsePeriodArgument(text: string): { readonly period: KpiPeriod } | { readonly issue: RecordIssue } {
  try {
    return { period: parseKpiPeriod(text, 'period') }
  } catch (error) {
    if (error instanceof KehuError) return { issue: { field: 'period', code: error.code, messageZh: error.messageZh, messageEn: error.messageEn } }
    throw error
  }
}

function readPeriod(text: string): KpiPeriod {
  const parsed = parsePeriodArgument(text)
  if ('issue' in parsed) throw new InputRefusal([parsed.issue], 'R-KPI-8')
  return parsed.period
}

builder.queryField('kpiScorecard', (t) =>
  t.field({
    type: KpiScorecardRef,
    description:
      "A team's KPI scorecards for a month, quarter or year (`2026-03`, `2026-Q1`, `2026`, Asia/Shanghai), computed by core from the team's stored records (R-KPI-1..8). Visible to the team's manager, directors and the general manager (R-ACC-1).",
    errors: { types: [AccessDeniedRefusal, NotFoundRefusal, InputRefusal], directResult: true, union: { name: 'KpiScorecardResult' } },
    args: { period: t.arg.string({ required: true }), teamId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const period = readPeriod(args.period)
      const team = await ctx.prisma.team.findUnique({ where: { id: args.teamId }, select: { id: true, name: true, managerId: true } })
      if (team === null) throw new NotFoundRefusal('team', args.teamId)
      if (kpiScorecardPermission(ctx.actor!, team) === null) {
        throw new AccessDeniedRefusal('KPI.NOT_VISIBLE', '小组考核结果仅该组经理、总监和总经理可查看', "a team's scorecard is visible to its manager, directors and the general manager")
      }
      const records = await ctx.prisma.$transaction((tx) => loadTeamKpiRecords(tx, team.id, period))
      const cards = teamScorecards(teamKpiInputs(records), period)
      return { period, team: { id: team.id, name: team.name }, ...cards }
    },
  }),
)
