import type {
  ArchiveCompletenessRecord,
  CustomerRecord,
  CustomerTier,
  DevelopmentPlanRecord,
  FeedbackRecord,
  KpiPeriod,
  PlannedRevisitRecord,
  RevisitRecord,
  SaleRecord,
  SalesPlanRecord,
  ServiceBudgetRecord,
  ServiceCostRecord,
} from '@kehu/core'
import { archiveCompleteness, Money } from '@kehu/core'

import { customerArchiveDraft } from '../db/mappers.js'
import { fenToMoney } from '../db/money.js'
import type { Customer, Prisma, PrismaClient } from '../generated/prisma/client.js'

type Db = Prisma.TransactionClient | PrismaClient

/** The contract statuses whose amount counts as a sale (已签约, 已结束). */
export const SOLD_CONTRACT_STATUSES = ['signed', 'closed'] as const

/** The stored records a team's scorecard is computed from, for one period. */
export interface TeamKpiRecords {
  /** Every customer owned by a member of the team (archives), signed or not. */
  readonly customers: readonly Customer[]
  readonly contracts: readonly { id: string; customerId: string; amountFen: bigint; signedAt: Date | null }[]
  readonly salesPlans: readonly { id: string; period: string; scope: string; amountFen: bigint }[]
  readonly developmentPlans: readonly { id: string; period: string; count: number }[]
  readonly feedback: readonly { id: string; customerId: string; receivedAt: Date; dueAt: Date; answeredAt: Date | null }[]
  readonly revisitPlans: readonly { id: string; customerId: string; plannedAt: Date }[]
  readonly revisits: readonly { id: string; customerId: string; at: Date }[]
  readonly serviceBudgets: readonly { id: string; period: string; amountFen: bigint }[]
  readonly serviceCosts: readonly { id: string; customerId: string | null; at: Date; amountFen: bigint }[]
}

/**
 * Reads what a team's KPIs need for `period`, in a fixed number of SQL statements whatever the
 * team's size (one per kind of record). A team's customers are those whose owner belongs to it;
 * the records of the period are those core would count (due, planned, made or spent in it), and
 * the plan and budget lines of the period's year, so that core can refuse a line that covers more
 * than the period (R-KPI-1, R-KPI-3, R-KPI-6).
 */
export async function loadTeamKpiRecords(db: Db, teamId: string, period: KpiPeriod): Promise<TeamKpiRecords> {
  const inPeriod = { gte: period.start, lt: period.end }
  // A customer counts from its signing (R-KPI "customers" have a `since`).
  const signedCustomer: Prisma.CustomerWhereInput = { owner: { teamId }, signedAt: { not: null } }
  const ofYear = { teamId, period: { startsWith: String(period.year) } }
  const [customers, contracts, salesPlans, developmentPlans, feedback, revisitPlans, revisits, serviceBudgets, serviceCosts] = await Promise.all([
    db.customer.findMany({ where: { owner: { teamId } }, orderBy: { id: 'asc' } }),
    db.contract.findMany({
      where: { customer: signedCustomer, status: { in: [...SOLD_CONTRACT_STATUSES] }, signedAt: inPeriod },
      select: { id: true, customerId: true, amountFen: true, signedAt: true },
      orderBy: { id: 'asc' },
    }),
    db.salesPlan.findMany({ where: ofYear, select: { id: true, period: true, scope: true, amountFen: true }, orderBy: { id: 'asc' } }),
    db.developmentPlan.findMany({ where: ofYear, select: { id: true, period: true, count: true }, orderBy: { id: 'asc' } }),
    db.customerFeedback.findMany({ where: { customer: signedCustomer, dueAt: inPeriod }, select: { id: true, customerId: true, receivedAt: true, dueAt: true, answeredAt: true }, orderBy: { id: 'asc' } }),
    db.revisitPlan.findMany({ where: { customer: signedCustomer, plannedAt: inPeriod }, select: { id: true, customerId: true, plannedAt: true }, orderBy: { id: 'asc' } }),
    db.revisit.findMany({ where: { customer: signedCustomer, at: inPeriod }, select: { id: true, customerId: true, at: true }, orderBy: { id: 'asc' } }),
    db.serviceBudget.findMany({ where: ofYear, select: { id: true, period: true, amountFen: true }, orderBy: { id: 'asc' } }),
    db.serviceCost.findMany({ where: { teamId, at: inPeriod }, select: { id: true, customerId: true, at: true, amountFen: true }, orderBy: { id: 'asc' } }),
  ])
  return { customers, contracts, salesPlans, developmentPlans, feedback, revisitPlans, revisits, serviceBudgets, serviceCosts }
}

/** A list of core records and the ids of the rows they came from, in the same order (to name a row in an error). */
export interface Sourced<T> {
  readonly records: readonly T[]
  readonly ids: readonly string[]
}

/** The team's records as core's KPI inputs (R-KPI-1..7). */
export interface TeamKpiInputs {
  /** Signed customers: `since` = signedAt; a churned one (stage `churned`) churned at stageUpdatedAt. */
  readonly customers: Sourced<CustomerRecord>
  readonly sales: Sourced<SaleRecord>
  readonly salesPlans: Sourced<SalesPlanRecord>
  readonly bigCustomerSalesPlans: Sourced<SalesPlanRecord>
  readonly developmentPlans: Sourced<DevelopmentPlanRecord>
  readonly feedback: Sourced<FeedbackRecord>
  readonly plannedRevisits: Sourced<PlannedRevisitRecord>
  readonly revisits: Sourced<RevisitRecord>
  readonly serviceBudgets: Sourced<ServiceBudgetRecord>
  readonly serviceCosts: Sourced<ServiceCostRecord>
  /** One R-ARC-3 completeness score per archive of the team, as core's archiveCompleteness computes it. */
  readonly archives: Sourced<ArchiveCompletenessRecord>
}

const sourced = <R extends { id: string }, T>(rows: readonly R[], map: (row: R) => T): Sourced<T> => ({ records: rows.map(map), ids: rows.map((row) => row.id) })

/** Maps the stored rows to core's KPI records; no figure is computed here except by core. */
export function teamKpiInputs(records: TeamKpiRecords): TeamKpiInputs {
  const signed = records.customers.filter((customer) => customer.signedAt !== null)
  const money = (fen: bigint): Money => fenToMoney(fen)
  return {
    customers: sourced(signed, (customer) => ({
      id: customer.id,
      tier: customer.tier as CustomerTier,
      since: customer.signedAt!,
      ...(customer.stage === 'churned' ? { churnedAt: customer.stageUpdatedAt } : {}),
    })),
    sales: sourced(records.contracts, (contract) => ({ customerId: contract.customerId, amount: money(contract.amountFen), at: contract.signedAt! })),
    salesPlans: sourced(
      records.salesPlans.filter((plan) => plan.scope === 'all'),
      (plan) => ({ period: plan.period, amount: money(plan.amountFen) }),
    ),
    bigCustomerSalesPlans: sourced(
      records.salesPlans.filter((plan) => plan.scope === 'bigCustomers'),
      (plan) => ({ period: plan.period, amount: money(plan.amountFen) }),
    ),
    developmentPlans: sourced(records.developmentPlans, (plan) => ({ period: plan.period, count: plan.count })),
    feedback: sourced(records.feedback, (item) => ({
      customerId: item.customerId,
      receivedAt: item.receivedAt,
      dueAt: item.dueAt,
      ...(item.answeredAt === null ? {} : { answeredAt: item.answeredAt }),
    })),
    plannedRevisits: sourced(records.revisitPlans, (plan) => ({ customerId: plan.customerId, plannedAt: plan.plannedAt })),
    revisits: sourced(records.revisits, (revisit) => ({ customerId: revisit.customerId, at: revisit.at })),
    serviceBudgets: sourced(records.serviceBudgets, (budget) => ({ period: budget.period, amount: money(budget.amountFen) })),
    serviceCosts: sourced(records.serviceCosts, (cost) => ({ amount: money(cost.amountFen), at: cost.at, ...(cost.customerId === null ? {} : { customerId: cost.customerId }) })),
    archives: sourced(records.customers, (customer) => ({ customerId: customer.id, completeness: archiveCompleteness(customerArchiveDraft(customer)).score })),
  }
}
