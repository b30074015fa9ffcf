import {
  addWorkingHours,
  archiveCompletenessRate,
  churnRate,
  createWorkingCalendar,
  fixedProjectCommission,
  formatCommissionTrace,
  formatShanghaiInstant,
  type KpiRate,
  kpiScorecard,
  Money,
  newDevelopmentRate,
  parseKpiPeriod,
  riskProjectCommission,
  salesPlanCompletion,
  strategicProjectCommission,
  sumMoney,
  workingHoursBetween,
} from '@kehu/core'

/** The sample export's shape (see data/sample-company.json). */
interface SampleCompany {
  company: string
  period: string
  projects: Project[]
  customers: Parameters<typeof churnRate>[0]['customers']
  sales: Parameters<typeof salesPlanCompletion>[0]['sales']
  salesPlans: Parameters<typeof salesPlanCompletion>[0]['plans']
  archives: Parameters<typeof archiveCompletenessRate>[0]['archives']
  serviceCall: { id: string; calledAt: string; zone: string; slaWorkingHours: number }
}

type Project =
  | { id: string; name: string; type: 'fixed'; turnover: string; person: string; rate: string }
  | { id: string; name: string; type: 'risk'; profit: string; person: string }
  | ({ id: string; name: string; type: 'strategic' } & Parameters<typeof strategicProjectCommission>[0])

interface StatementLine {
  project: string
  person: string
  role: string
  amount: Money
}

/** Builds the printed statement from the sample export. Pure: text in, text out. */
export function buildStatement(input: unknown): string {
  const data = input as SampleCompany
  const out: string[] = []
  out.push(`kehu 客户 — ${data.company}`, '')
  out.push(...commissionSection(data), '')
  out.push(...kpiSection(data), '')
  out.push(...slaSection(data), '')
  return out.join('\n')
}

function commissionSection(data: SampleCompany): string[] {
  const lines: StatementLine[] = []
  const notes: string[] = []
  let explained: string[] = []
  for (const project of data.projects) {
    if (project.type === 'fixed') {
      const result = fixedProjectCommission({ turnover: project.turnover, rate: project.rate })
      lines.push({ project: project.id, person: project.person, role: 'fixed 固定项目', amount: result.amount })
    } else if (project.type === 'risk') {
      const result = riskProjectCommission({ profit: project.profit })
      lines.push({ project: project.id, person: project.person, role: 'risk 风险性项目', amount: result.amount })
      if (result.outcome === 'noProfit') notes.push(`${project.id}: no profit, no commission (R-COM-5) 无利润不提成`)
    } else {
      const result = strategicProjectCommission(project)
      for (const line of result.lines) {
        lines.push({ project: project.id, person: String(line.person), role: `${line.role} 策略性项目`, amount: line.amount })
      }
      if (!result.qualified) {
        notes.push(`${project.id}: margin ${result.margin?.times(100).toFixed(2) ?? '—'}% is below the ${result.gate.times(100).toFixed(0)}% gate, no strategic commission (R-COM-3) 利润率未达标`)
      } else if (explained.length === 0) {
        explained = formatCommissionTrace(result.trace, 'en').map((line) => `    ${line}`)
        explained.unshift(`  How ${project.id} came about (R-COM-8 trace):`)
      }
    }
  }

  const out = ['== Commission statement 提成明细 ' + data.period + ' ==']
  out.push(row(['project', 'person 人员', 'role 类别', 'amount 金额'], [8, 10, 28, 14]))
  for (const line of lines) out.push(row([line.project, line.person, line.role, line.amount.format()], [8, 10, 28, 14]))
  out.push('  per person 个人合计:')
  const people = [...new Set(lines.map((line) => line.person))]
  for (const person of people) {
    const total = sumMoney(lines.filter((line) => line.person === person).map((line) => line.amount))
    out.push(row(['', person, '', total.format()], [8, 10, 28, 14]))
  }
  out.push(row(['', 'total 合计', '', sumMoney(lines.map((line) => line.amount)).format()], [8, 10, 28, 14]))
  out.push(...notes.map((note) => `  note: ${note}`), ...explained)
  return out
}

function kpiSection(data: SampleCompany): string[] {
  const period = parseKpiPeriod(data.period)
  const kpis: Record<string, KpiRate> = {
    salesPlanCompletion: salesPlanCompletion({ sales: data.sales, plans: data.salesPlans }, period),
    archiveCompleteness: archiveCompletenessRate({ archives: data.archives }),
    churnRate: churnRate({ customers: data.customers }, period),
    newDevelopmentRate: newDevelopmentRate({ customers: data.customers }, period),
  }
  const names: Record<string, string> = {
    salesPlanCompletion: '销售计划完成率 sales plan completion',
    archiveCompleteness: '客户档案完整率 archive completeness',
    churnRate: '客户流失率 churn rate',
    newDevelopmentRate: '客户新开发率 new development rate',
  }
  const out = [`== Manager KPIs 经理考核指标 ${data.period} (R-KPI-7) ==`]
  for (const [key, rate] of Object.entries(kpis)) {
    const shown = rate.status === 'defined' ? `${rate.percent}%` : `not defined: ${rate.reason.messageEn}`
    out.push(row([names[key] ?? key, shown], [40, 30]))
  }
  const scorecard = kpiScorecard(kpis)
  if (scorecard.status === 'scored') {
    out.push(row(['scorecard 综合得分 (R-KPI-8)', `${scorecard.totalText} / 100`], [40, 30]))
    if (scorecard.warning) out.push(`  warning: ${scorecard.warning.messageEn} ${scorecard.warning.messageZh}`)
  }
  return out
}

function slaSection(data: SampleCompany): string[] {
  const calendar = createWorkingCalendar()
  const call = data.serviceCall
  const calledAt = new Date(call.calledAt)
  const deadline = addWorkingHours(calendar, calledAt, call.slaWorkingHours)
  return [
    '== Service dispatch SLA 派工时限 (R-SVC-3 on the R-CAL calendar) ==',
    `  call ${call.id} (${call.zone}) at ${formatShanghaiInstant(calledAt)}`,
    `  technician due within ${call.slaWorkingHours} working hours: ${formatShanghaiInstant(deadline)}`,
    `  working hours between call and deadline: ${workingHoursBetween(calendar, deadline, calledAt)}`,
  ]
}

function row(cells: string[], widths: number[]): string {
  return ('  ' + cells.map((cell, index) => padDisplay(cell, widths[index] ?? 10)).join(' ')).trimEnd()
}

// CJK characters take two terminal columns.
function padDisplay(text: string, width: number): string {
  const display = [...text].reduce((sum, char) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1), 0)
  return text + ' '.repeat(Math.max(1, width - display))
}
