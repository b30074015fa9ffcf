import {
  applyStrategicApproval,
  type ApprovalRequest,
  classifyCustomer,
  completeService,
  computeCreditCodeCheckCharacter,
  computeOrganisationCodeCheckCharacter,
  type CustomerCompanyNature,
  type CustomerScale,
  type CustomerStage,
  decideApproval,
  defaultLifecyclePolicy,
  defaultNewCustomerChain,
  dispatchTicket,
  formatCustomerCode,
  GENERAL_MANAGER_OFFICE,
  instalmentSchedule,
  type NeedUrgency,
  nextCustomerCodeSequence,
  recordArrival,
  registerServiceCall,
  type ServiceTicket,
  type ServiceTicketResult,
  shanghaiInstant,
  type Staff,
  type StaffRole,
  submitApproval,
  toShanghaiDay,
} from '@kehu/core'

import type { Prisma, PrismaClient } from '../generated/prisma/client.js'
import { computeCommissionStatement, type CommissionProjectInput, statementRows, statementWindow } from '../workflows/commissionStatement.js'
import { ticketToRow } from '../workflows/serviceTicketState.js'
import { approvalRequestToRow } from './approvals.js'
import { moneyToFen } from './money.js'

/**
 * The demo company (演示数据): 3 teams, 14 staff (one of whom has left), 48 customers across every
 * tier and stage, with contacts, timeline, approvals, visits and minutes, contracts with
 * instalments and payments, service tickets, expense claims, a commission statement, ownership
 * history, a pool and an audit trail. Deterministic: the same rows, ids and instants every time.
 * Every rule-bound value comes from @kehu/core — tiers from `classifyCustomer` (and
 * `applyStrategicApproval`), customer codes from the lifecycle's code format, credit codes'
 * check characters from `computeCreditCodeCheckCharacter`, instalments from `instalmentSchedule`,
 * approvals from the approval engine, tickets from the service transitions.
 */

/** Counts of what {@link seedDemoCompany} writes. */
export const DEMO_COUNTS = Object.freeze({ teams: 3, staff: 14, customers: 48 })

/** What {@link seedDemoCompany} did. */
export type SeedResult = { readonly seeded: true; readonly counts: Readonly<Record<string, number>> } | { readonly seeded: false; readonly reason: string }

const at = (day: string, time = '09:00'): Date => shanghaiInstant(day, time)

interface StaffSeed extends Staff {
  readonly name: string
  readonly leftAt?: Date
}

const TEAMS = [
  { id: 'team-east', name: '华东客户部', managerId: 'staff-li' },
  { id: 'team-south', name: '华南客户部', managerId: 'staff-chen' },
  { id: 'team-service', name: '售后服务部', managerId: 'staff-he' },
] as const

const person = (id: string, name: string, roles: readonly StaffRole[], teamId?: string, leftAt?: Date): StaffSeed => ({
  id,
  name,
  roles,
  active: leftAt === undefined,
  ...(teamId === undefined ? {} : { teamId }),
  ...(leftAt === undefined ? {} : { leftAt }),
})

const STAFF: readonly StaffSeed[] = [
  person('staff-wang', '王建国', ['generalManager']),
  person('staff-zhao', '赵明', ['director', 'marketingDirector']),
  person('staff-li', '李华', ['manager', 'departmentHead'], 'team-east'),
  person('staff-chen', '陈静', ['manager', 'departmentHead'], 'team-south'),
  person('staff-zhou', '周强', ['specialist'], 'team-east'),
  person('staff-wu', '吴磊', ['specialist'], 'team-east'),
  person('staff-zheng', '郑丽', ['specialist'], 'team-south'),
  person('staff-feng', '冯涛', ['specialist'], 'team-south'),
  person('staff-sun', '孙悦', ['commerce']),
  person('staff-qian', '钱芳', ['finance']),
  person('staff-han', '韩冰', ['customs']),
  person('staff-yang', '杨帆', ['quality']),
  person('staff-he', '何军', ['serviceSupervisor', 'manager'], 'team-service'),
  person('staff-liu', '刘洋', ['specialist'], 'team-east', at('2026-01-16', '18:00')),
]

const staffById = new Map(STAFF.map((s) => [s.id, s]))
const staff = (id: string): StaffSeed => staffById.get(id)!

/** A customer profile: the tiering figures and where the customer stands in its lifecycle. */
interface Profile {
  readonly volume: number
  readonly scale: CustomerScale
  readonly urgency: NeedUrgency
  readonly intention: boolean
  readonly history: boolean
  readonly nature?: CustomerCompanyNature
  readonly stage: CustomerStage
  readonly phase?: 'cooperation' | 'maintenance'
  readonly strategic?: boolean
}

// Twelve profiles, four customers each (volumes vary by customer).
const PROFILES: readonly Profile[] = [
  { volume: 0, scale: 'small', urgency: 'latent', intention: false, history: false, stage: 'prospect' },
  { volume: 0, scale: 'medium', urgency: 'ordinary', intention: true, history: false, stage: 'developing' },
  { volume: 0, scale: 'large', urgency: 'urgent', intention: true, history: false, stage: 'pendingApproval' },
  { volume: 0, scale: 'medium', urgency: 'urgent', intention: true, history: false, stage: 'approved' },
  { volume: 300_000, scale: 'medium', urgency: 'ordinary', intention: true, history: true, nature: 'sinoForeignJointVenture', stage: 'signed' },
  { volume: 650_000, scale: 'small', urgency: 'ordinary', intention: true, history: true, nature: 'privateLimited', stage: 'active', phase: 'cooperation' },
  { volume: 0, scale: 'medium', urgency: 'latent', intention: false, history: true, nature: 'stateOwned', stage: 'churned' },
  { volume: 1_800_000, scale: 'large', urgency: 'urgent', intention: true, history: true, nature: 'listed', stage: 'active', phase: 'maintenance' },
  { volume: 3_200_000, scale: 'medium', urgency: 'ordinary', intention: true, history: true, nature: 'whollyForeignOwned', stage: 'active', phase: 'cooperation' },
  { volume: 5_600_000, scale: 'large', urgency: 'urgent', intention: true, history: true, nature: 'listed', stage: 'active', phase: 'maintenance' },
  { volume: 12_000_000, scale: 'large', urgency: 'urgent', intention: true, history: true, nature: 'stateOwned', stage: 'active', phase: 'maintenance', strategic: true },
  { volume: 2_400_000, scale: 'sole-trader', urgency: 'ordinary', intention: true, history: true, nature: 'soleTrader', stage: 'active', phase: 'cooperation' },
]

const CITIES = [
  { name: '宁波', region: '330200', area: '0574', post: '315000', road: '江北区人民路' },
  { name: '上海', region: '310115', area: '021', post: '200120', road: '浦东新区张江路' },
  { name: '苏州', region: '320500', area: '0512', post: '215000', road: '工业园区星湖街' },
  { name: '杭州', region: '330100', area: '0571', post: '310000', road: '滨江区江南大道' },
  { name: '广州', region: '440100', area: '020', post: '510000', road: '天河区天河路' },
  { name: '深圳', region: '440300', area: '0755', post: '518000', road: '南山区科技园路' },
] as const
const TRADES = ['精密机械', '电子科技', '化工材料', '纺织印染', '汽车配件', '包装材料', '医疗器械', '食品加工'] as const
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙'] as const
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰'] as const

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** A valid 统一社会信用代码: 9 (market regulator) 1 (enterprise), region, organisation code, check character — all check characters by core. */
function creditCode(region: string, index: number): string {
  const organisation8 = `MA${pad(index * 7919 + 1000, 6)}`.slice(0, 8)
  const body = `91${region}${organisation8}${computeOrganisationCodeCheckCharacter(organisation8)}`
  return body + computeCreditCodeCheckCharacter(body)
}

/** Customers seen by the seed: what the rows need beyond the profile. */
interface CustomerPlan {
  readonly id: string
  readonly index: number
  readonly profile: Profile
  readonly name: string
  readonly city: (typeof CITIES)[number]
  readonly ownerId: string | null
  readonly teamId: string
  readonly createdAt: Date
  readonly signedAt?: Date
}

const EAST_OWNERS = ['staff-zhou', 'staff-wu', 'staff-li'] as const
const SOUTH_OWNERS = ['staff-zheng', 'staff-feng', 'staff-chen'] as const

function planCustomers(): CustomerPlan[] {
  const plans: CustomerPlan[] = []
  for (let index = 0; index < DEMO_COUNTS.customers; index += 1) {
    const profile = PROFILES[index % PROFILES.length]!
    const round = Math.floor(index / PROFILES.length)
    const city = CITIES[index % CITIES.length]!
    const south = city.name === '广州' || city.name === '深圳'
    const owners = south ? SOUTH_OWNERS : EAST_OWNERS
    // Prospects of the last two rounds sit in the pool (公海) without an owner.
    const inPool = profile.stage === 'prospect' && round >= 2
    const createdAt = at(`2025-${pad((index % 12) + 1, 2)}-${pad((index % 27) + 1, 2)}`, '10:00')
    const signed = ['signed', 'active', 'churned'].includes(profile.stage)
    plans.push({
      id: `cust-${pad(index + 1, 3)}`,
      index,
      profile: { ...profile, volume: profile.volume === 0 ? 0 : profile.volume + round * 37_500 },
      name: `${city.name}${TRADES[index % TRADES.length]}${['有限公司', '股份有限公司', '实业有限公司', '科技有限公司'][round]}`,
      city,
      ownerId: inPool ? null : owners[index % owners.length]!,
      teamId: south ? 'team-south' : 'team-east',
      createdAt,
      ...(signed ? { signedAt: at(`${2024 + (index % 2)}-${pad((index % 12) + 1, 2)}-15`, '15:00') } : {}),
    })
  }
  return plans
}

/**
 * Writes the demo company into an empty, migrated database, in one transaction: on any error
 * nothing is written. Idempotent: when the demo data (or any customer or staff) is already there,
 * it writes nothing and says why.
 */
export async function seedDemoCompany(prisma: PrismaClient): Promise<SeedResult> {
  const [staffCount, customerCount] = await Promise.all([prisma.staff.count(), prisma.customer.count()])
  if (staffCount > 0 || customerCount > 0) {
    return { seeded: false, reason: `the database already holds data (${staffCount} staff, ${customerCount} customers); the demo company is only written into an empty database` }
  }
  const data = buildDemoData()
  await prisma.$transaction(
    async (tx) => {
      await tx.team.createMany({ data: data.teams })
      await tx.staff.createMany({ data: data.staff })
      await tx.customer.createMany({ data: data.customers })
      await tx.customerCoOwner.createMany({ data: data.coOwners })
      await tx.contact.createMany({ data: data.contacts })
      await tx.timelineEvent.createMany({ data: data.timeline })
      await tx.approvalRequest.createMany({ data: data.approvals })
      await tx.approvalEvent.createMany({ data: data.approvalEvents })
      await tx.visitPlan.createMany({ data: data.visitPlans })
      await tx.visit.createMany({ data: data.visits })
      await tx.meetingMinutes.createMany({ data: data.minutes })
      await tx.contract.createMany({ data: data.contracts })
      await tx.instalment.createMany({ data: data.instalments })
      await tx.payment.createMany({ data: data.payments })
      await tx.serviceTicket.createMany({ data: data.tickets })
      await tx.expenseClaim.createMany({ data: data.claims })
      await tx.expenseItem.createMany({ data: data.expenseItems })
      await tx.expenseInvoice.createMany({ data: data.invoices })
      await tx.commissionStatement.createMany({ data: data.statements })
      await tx.commissionLine.createMany({ data: data.commissionLines })
      await tx.ownershipHistory.createMany({ data: data.ownership })
      await tx.poolEntry.createMany({ data: data.pool })
      await tx.salesPlan.createMany({ data: data.salesPlans })
      await tx.developmentPlan.createMany({ data: data.developmentPlans })
      await tx.customerFeedback.createMany({ data: data.feedback })
      await tx.revisitPlan.createMany({ data: data.revisitPlans })
      await tx.revisit.createMany({ data: data.revisits })
      await tx.serviceBudget.createMany({ data: data.serviceBudgets })
      await tx.serviceCost.createMany({ data: data.serviceCosts })
      await tx.commissionProject.createMany({ data: data.commissionProjects })
      await tx.commissionProjectMember.createMany({ data: data.commissionMembers })
      await tx.auditLog.createMany({ data: data.audit })
    },
    { timeout: 60_000, maxWait: 10_000 },
  )
  const counts = Object.fromEntries(Object.entries(data).map(([key, rows]) => [key, rows.length]))
  return { seeded: true, counts }
}

/** The demo rows, computed without touching the database (deterministic). */
export function buildDemoData() {
  const teams: Prisma.TeamCreateManyInput[] = TEAMS.map((t) => ({ ...t, createdAt: at('2024-01-02') }))
  const staffRows: Prisma.StaffCreateManyInput[] = STAFF.map((s) => ({
    id: s.id,
    name: s.name,
    roles: [...s.roles],
    teamId: s.teamId ?? null,
    active: s.active,
    leftAt: s.leftAt ?? null,
    createdAt: at('2024-01-02'),
  }))

  const plans = planCustomers()
  const customers: Prisma.CustomerCreateManyInput[] = []
  const coOwners: Prisma.CustomerCoOwnerCreateManyInput[] = []
  const contacts: Prisma.ContactCreateManyInput[] = []
  const timeline: Prisma.TimelineEventCreateManyInput[] = []
  const approvals: Prisma.ApprovalRequestCreateManyInput[] = []
  const approvalEvents: Prisma.ApprovalEventCreateManyInput[] = []
  const visitPlans: Prisma.VisitPlanCreateManyInput[] = []
  const visits: Prisma.VisitCreateManyInput[] = []
  const minutes: Prisma.MeetingMinutesCreateManyInput[] = []
  const contracts: Prisma.ContractCreateManyInput[] = []
  const instalments: Prisma.InstalmentCreateManyInput[] = []
  const payments: Prisma.PaymentCreateManyInput[] = []
  const tickets: Prisma.ServiceTicketCreateManyInput[] = []
  const ownership: Prisma.OwnershipHistoryCreateManyInput[] = []
  const pool: Prisma.PoolEntryCreateManyInput[] = []
  const audit: Prisma.AuditLogCreateManyInput[] = []

  // Customer codes (新客代码, R-LIF-4) are assigned in signing order, as the lifecycle does.
  const codes = new Map<string, string>()
  const existingCodes: string[] = []
  for (const plan of [...plans].filter((p) => p.signedAt !== undefined).sort((a, b) => a.signedAt!.getTime() - b.signedAt!.getTime() || a.index - b.index)) {
    const year = Number(toShanghaiDay(plan.signedAt!).slice(0, 4))
    const format = defaultLifecyclePolicy.customerCodeFormat
    const code = formatCustomerCode(format, year, nextCustomerCodeSequence(format, year, existingCodes))
    existingCodes.push(code)
    codes.set(plan.id, code)
  }

  for (const plan of plans) {
    const { profile, city, index } = plan
    const classification = classifyCustomer({
      annualVolume: String(profile.volume),
      scale: profile.scale,
      urgency: profile.urgency,
      hasIntention: profile.intention,
      hasBusinessHistory: profile.history,
      ...(profile.nature === undefined ? {} : { companyNature: profile.nature }),
    })
    let tier: string = classification.tier
    let reasons = classification.reasons
    let strategicApprovedAt: Date | null = null
    if (profile.strategic === true) {
      const verdict = applyStrategicApproval(classification, { approvedBy: { role: GENERAL_MANAGER_OFFICE, name: '总经理办公会' }, approvedAt: at('2025-12-29', '16:00') })
      if (verdict.status !== 'approved') throw new Error(`demo data: strategic approval of ${plan.id} was refused`)
      tier = verdict.classification.tier
      reasons = verdict.classification.reasons
      strategicApprovedAt = verdict.approvedAt
    }

    // R-LIF-2 new-customer approval, signed through the approval engine.
    let request: ApprovalRequest | undefined
    const needsRequest = !['prospect', 'developing'].includes(profile.stage)
    if (needsRequest) {
      const submittedAt = new Date(plan.createdAt.getTime() + 14 * 86_400_000)
      request = submitApproval({
        id: `apr-${plan.id}`,
        chain: defaultNewCustomerChain,
        subject: { kind: 'customer', id: plan.id },
        submittedBy: staff(plan.ownerId ?? 'staff-li'),
        at: submittedAt,
      })
      const signers = profile.stage === 'pendingApproval' ? ['staff-han'] : ['staff-han', 'staff-sun', 'staff-qian', 'staff-wang']
      signers.forEach((signer, step) => {
        const result = decideApproval(request!, { actor: staff(signer), decision: 'approve', at: new Date(submittedAt.getTime() + (step + 1) * 3_600_000) })
        if (!result.ok) throw new Error(`demo data: ${signer} could not sign ${request!.id}: ${result.refusal.code}`)
        request = result.request
      })
      const rows = approvalRequestToRow(request)
      approvals.push(rows.request)
      approvalEvents.push(...rows.events)
    }

    const code = codes.get(plan.id) ?? null
    const active = profile.stage === 'active'
    const stageUpdatedAt = plan.signedAt !== undefined ? new Date(plan.signedAt.getTime() + (active ? 86_400_000 : 0)) : request?.decidedAt ?? request?.submittedAt ?? plan.createdAt
    customers.push({
      id: plan.id,
      name: plan.name,
      creditCode: creditCode(city.region, index + 1),
      legalRepresentative: `${SURNAMES[index % SURNAMES.length]}${GIVEN[(index * 5) % GIVEN.length]}`,
      address: `${city.name}市${city.road}${100 + index}号`,
      postalCode: city.post,
      phone: `${city.area}-${pad(86_000_000 + index * 1013, 8)}`,
      email: `info${pad(index + 1, 3)}@example.cn`,
      businessScope: `${TRADES[index % TRADES.length]}产品的研发、生产与销售`,
      registeredCapitalFen: moneyToFen(String(1_000_000 * ((index % 9) + 1))),
      companyNature: profile.nature === 'soleTrader' ? null : profile.nature ?? null,
      industryPosition: ['leader', 'influential', 'medium', 'small', 'other'][index % 5]!,
      mainBusiness: TRADES[index % TRADES.length]!,
      ...(profile.history ? { salesLastThreeYears: [2025, 2024, 2023].map((year, k) => ({ year, amountFen: String(moneyToFen(String(Math.max(profile.volume - k * 50_000, 0)))) })) } : {}),
      creditRating: ['AAA', 'AA', 'A', 'BBB'][index % 4]!,
      decisionMakers: [`${SURNAMES[(index + 3) % SURNAMES.length]}总`],
      ...(index % 3 === 0 ? { competitors: [{ company: '同行甲公司', solution: '低价标准品' }] } : {}),
      status: profile.stage === 'churned' ? '已流失' : '正常',
      annualVolumeFen: moneyToFen(String(profile.volume)),
      scale: profile.scale,
      urgency: profile.urgency,
      hasIntention: profile.intention,
      hasBusinessHistory: profile.history,
      tier,
      demandGrade: classification.grade,
      proposedStrategic: classification.proposedStrategic,
      tierReasons: JSON.parse(JSON.stringify(reasons)) as Prisma.InputJsonValue,
      strategicApprovedAt,
      stage: profile.stage,
      activePhase: profile.phase ?? null,
      stageUpdatedAt,
      ...(needsRequest ? { qualificationDocuments: ['营业执照', '最新决算表'] } : {}),
      approvalRequestId: request?.id ?? null,
      approvedAt: request?.status === 'approved' ? request.decidedAt ?? null : null,
      agreementSentAt: request?.status === 'approved' && request.decidedAt !== undefined ? new Date(request.decidedAt.getTime() + 3 * 86_400_000) : null,
      signedAt: plan.signedAt ?? null,
      customerCode: code,
      commerceStaffId: active ? 'staff-sun' : null,
      churnReason: profile.stage === 'churned' ? '转向竞争对手' : null,
      ownerId: plan.ownerId,
      assignedAt: plan.ownerId === null ? null : plan.createdAt,
      firstContactAt: plan.ownerId === null ? null : new Date(plan.createdAt.getTime() + 2 * 86_400_000),
      createdAt: plan.createdAt,
      updatedAt: stageUpdatedAt,
    })

    // R-OWN-4: important customers (key, strategic) have a second person, the team manager.
    if ((tier === 'key' || tier === 'strategic') && plan.ownerId !== null) {
      const manager = TEAMS.find((t) => t.id === plan.teamId)!.managerId
      coOwners.push({ customerId: plan.id, staffId: manager === plan.ownerId ? 'staff-zhao' : manager, since: plan.createdAt })
    }

    // Contacts (R-ARC-2): one to three per customer.
    for (let k = 0; k <= index % 3; k += 1) {
      contacts.push({
        id: `${plan.id}-contact-${k + 1}`,
        customerId: plan.id,
        name: `${SURNAMES[(index + k) % SURNAMES.length]}${GIVEN[(index + 2 * k) % GIVEN.length]}`,
        position: ['总经理', '采购经理', '技术总监'][k]!,
        phone: `139${pad(10_000_000 + index * 31 + k, 8)}`,
        email: `contact${k + 1}.${pad(index + 1, 3)}@example.cn`,
        birthDate: `19${70 + ((index + k) % 25)}-${pad(((index + k) % 12) + 1, 2)}-${pad(((index * 3 + k) % 28) + 1, 2)}`,
        isDecisionMaker: k === 0,
        isInfluencer: k === 1,
        createdAt: plan.createdAt,
      })
    }

    // Timeline (R-ARC-6): the first call, and a letter or a major change.
    timeline.push({ id: `${plan.id}-event-1`, customerId: plan.id, kind: 'call', at: new Date(plan.createdAt.getTime() + 2 * 86_400_000), summary: '首次电话沟通需求', actorId: plan.ownerId })
    timeline.push({
      id: `${plan.id}-event-2`,
      customerId: plan.id,
      kind: index % 4 === 0 ? 'majorChange' : 'letter',
      at: new Date(plan.createdAt.getTime() + 20 * 86_400_000),
      summary: index % 4 === 0 ? '客户法定代表人变更' : '寄送产品目录与报价',
      actorId: plan.ownerId,
    })

    // Ownership (R-OWN): the assignment, or the release to the pool.
    if (plan.ownerId !== null) {
      ownership.push({ customerId: plan.id, action: 'assigned', at: plan.createdAt, by: plan.teamId === 'team-south' ? 'staff-chen' : 'staff-li', fromOwnerId: null, toOwnerId: plan.ownerId, reason: null, ruleId: 'R-OWN-3' })
    } else {
      const releasedAt = new Date(plan.createdAt.getTime() + 10 * 86_400_000)
      ownership.push({ customerId: plan.id, action: 'released', at: releasedAt, by: 'staff-li', fromOwnerId: 'staff-liu', toOwnerId: null, reason: '一周内未沟通，收回公海', ruleId: 'R-OWN-2' })
      pool.push({ customerId: plan.id, releasedAt, formerOwnerId: 'staff-liu', reason: '一周内未沟通' })
    }

    // Visits (R-VIS-1/2/4) for customers past the approval.
    if (plan.signedAt !== undefined && plan.ownerId !== null) {
      for (let k = 0; k < 2; k += 1) {
        const plannedAt = at(`2026-0${k + 1}-${pad((index % 20) + 5, 2)}`, '10:00')
        const planId = `${plan.id}-plan-${k + 1}`
        visitPlans.push({ id: planId, customerId: plan.id, byStaffId: plan.ownerId, plannedAt, personToMeet: contacts.find((c) => c.customerId === plan.id)!.name, purpose: k === 0 ? '年度合作回顾' : '新产品推介' })
        const visitId = `${plan.id}-visit-${k + 1}`
        visits.push({
          id: visitId,
          customerId: plan.id,
          planId,
          byStaffId: plan.ownerId,
          startAt: plannedAt,
          durationMinutes: 60 + (index % 4) * 15,
          peopleMet: [contacts.find((c) => c.customerId === plan.id)!.name],
          method: k === 0 ? 'relationship' : 'proposal',
          progress: k === 0 ? '确认年度采购计划' : '提交建议书',
          attitude: ['warm', 'neutral', 'cold'][index % 3]!,
          summary: k === 0 ? '客户对交付及时性满意，希望增加品类' : '客户关注价格，需要报价对比',
          enteredAt: new Date(plannedAt.getTime() + 86_400_000),
        })
        if (k === 0) {
          minutes.push({
            id: `${plan.id}-minutes-1`,
            customerId: plan.id,
            visitId,
            authorId: plan.ownerId,
            meetingAt: plannedAt,
            draftedAt: new Date(plannedAt.getTime() + 86_400_000),
            content: '双方确认年度合作框架与交付节奏。',
            status: index % 2 === 0 ? 'sent' : 'reviewed',
            reviewedBy: plan.teamId === 'team-south' ? 'staff-chen' : 'staff-li',
            reviewedAt: new Date(plannedAt.getTime() + 2 * 86_400_000),
            ...(index % 2 === 0 ? { sentBy: plan.ownerId, sentAt: new Date(plannedAt.getTime() + 2 * 86_400_000 + 3_600_000) } : {}),
          })
        }
      }
    }

    // Contracts with instalments (R-CON-2) for signed and active customers.
    if (plan.signedAt !== undefined && profile.stage !== 'churned') {
      const contractId = `${plan.id}-contract-1`
      const amount = String(Math.max(profile.volume, 120_000) / 2) + (index % 2 === 0 ? '.00' : '.01')
      const signedDay = toShanghaiDay(plan.signedAt)
      const year = Number(signedDay.slice(0, 4))
      const schedule = instalmentSchedule({ amount, dueDates: [`${year}-06-30`, `${year}-09-30`, `${year}-12-31`], ratios: ['0.3', '0.4', '0.3'] })
      contracts.push({
        id: contractId,
        customerId: plan.id,
        number: `HT-${codes.get(plan.id)}-01`,
        title: `${plan.name}年度供货合同`,
        amountFen: schedule.total.fen,
        signedAt: plan.signedAt,
        status: 'signed',
        createdById: plan.ownerId ?? 'staff-li',
        createdAt: plan.signedAt,
      })
      for (const instalment of schedule.instalments) {
        const instalmentId = `${contractId}-i${instalment.number}`
        instalments.push({ id: instalmentId, contractId, number: instalment.number, dueDate: instalment.dueDate, amountFen: instalment.amount.fen })
        if (year < 2025 || instalment.number < 3) {
          payments.push({ id: `${instalmentId}-p1`, contractId, instalmentId, amountFen: instalment.amount.fen, receivedAt: at(instalment.dueDate, '11:00'), reference: `银行回单 ${contractId}-${instalment.number}` })
        }
      }
    }

    // Service tickets (R-SVC) for active customers, through core's transitions.
    if (active && index % 2 === 0) {
      const ticketId = `ticket-${pad(tickets.length + 1, 3)}`
      const callAt = at(`2026-02-${pad((index % 20) + 2, 2)}`, '09:30')
      let ticket: ServiceTicket = ticketOf(
        registerServiceCall({
          id: ticketId,
          customerId: plan.id,
          customerName: plan.name,
          address: `${city.name}市${city.road}${100 + index}号`,
          phone: `${city.area}-${pad(86_000_000 + index * 1013, 8)}`,
          productModel: `NB-${200 + (index % 5) * 50}`,
          zone: index % 3 === 0 ? 'suburban' : 'urban',
          serviceType: (['A', 'B', 'C'] as const)[index % 3]!,
          callAt,
          registeredBy: 'staff-he',
        }),
      )
      const progress = Math.floor(index / 2) % 4 // 0 registered, 1 dispatched, 2 arrived, 3 completed
      if (progress >= 1) ticket = ticketOf(dispatchTicket(ticket, { technician: staff('staff-he'), at: new Date(callAt.getTime() + 2 * 3_600_000) }))
      if (progress >= 2) ticket = ticketOf(recordArrival(ticket, { at: new Date(callAt.getTime() + 4 * 3_600_000) }))
      if (progress >= 3) ticket = ticketOf(completeService(ticket, { at: new Date(callAt.getTime() + 6 * 3_600_000) }))
      tickets.push(ticketToRow(ticket))
    }
  }

  // Views of archives (R-ACC-2), one audit row each.
  plans.slice(0, 6).forEach((plan, k) => {
    audit.push({ at: at('2026-02-27', `1${k}:00`), actorId: plan.ownerId ?? 'staff-li', action: 'customer.view', subjectKind: 'customer', subjectId: plan.id, basis: plan.ownerId === null ? 'manager' : 'owner' })
  })

  const { claims, expenseItems, invoices } = demoExpenseClaims()
  const { commissionProjects, commissionMembers } = demoCommissionProjects()
  const { statements, commissionLines } = demoCommissionStatement(commissionProjects, commissionMembers, payments)
  const kpi = demoKpiInputs(customers, tickets)

  return {
    teams,
    staff: staffRows,
    customers,
    coOwners,
    contacts,
    timeline,
    approvals,
    approvalEvents,
    visitPlans,
    visits,
    minutes,
    contracts,
    instalments,
    payments,
    tickets,
    claims,
    expenseItems,
    invoices,
    statements,
    commissionLines,
    ownership,
    pool,
    salesPlans: kpi.salesPlans,
    developmentPlans: kpi.developmentPlans,
    feedback: kpi.feedback,
    revisitPlans: kpi.revisitPlans,
    revisits: kpi.revisits,
    serviceBudgets: kpi.serviceBudgets,
    serviceCosts: kpi.serviceCosts,
    commissionProjects,
    commissionMembers,
    audit,
  }
}

function ticketOf(result: ServiceTicketResult): ServiceTicket {
  if (!result.ok) throw new Error(`demo data: service ticket refused: ${result.refusal.code}`)
  return result.ticket
}

/** Eight claims; the last one repeats an invoice of the first (R-EXP-3 重复报销 shows up in the checks). */
function demoExpenseClaims() {
  const claims: Prisma.ExpenseClaimCreateManyInput[] = []
  const expenseItems: Prisma.ExpenseItemCreateManyInput[] = []
  const invoices: Prisma.ExpenseInvoiceCreateManyInput[] = []
  const claimants = ['staff-zhou', 'staff-wu', 'staff-zheng', 'staff-feng']
  for (let n = 0; n < 8; n += 1) {
    const id = `claim-${pad(n + 1, 3)}`
    const startDay = `2026-02-${pad(2 + n * 3, 2)}`
    const endDay = `2026-02-${pad(3 + n * 3, 2)}`
    const items = [
      { kind: 'fare', amount: '553.00', details: { fareCategory: 'rail.highSpeedSecondClass' }, invoice: `E${pad(41_000_100 + n * 2, 8)}` },
      { kind: 'lodging', amount: '420.00', details: {}, invoice: `H${pad(52_000_000 + n, 8)}` },
      { kind: 'localTransport', amount: `${36 + n}.50`, details: { mode: n % 2 === 0 ? 'rail' : 'taxi' }, invoice: `T${pad(63_000_000 + n, 8)}` },
    ]
    if (n === 7) items[1] = { ...items[1]!, invoice: `H${pad(52_000_000, 8)}` }
    let total = 0n
    items.forEach((item, k) => {
      const itemId = `${id}-item-${k + 1}`
      const amountFen = moneyToFen(item.amount)
      total += amountFen
      expenseItems.push({ id: itemId, claimId: id, itemKey: `item-${k + 1}`, kind: item.kind, amountFen, details: item.details })
      invoices.push({ id: `${itemId}-invoice`, claimId: id, itemId, number: item.invoice.trim().toUpperCase() })
    })
    claims.push({
      id,
      claimantId: claimants[n % claimants.length]!,
      status: n < 5 ? 'approved' : 'submitted',
      submittedAt: at(`2026-02-${pad(4 + n * 3, 2)}`, '17:00'),
      tripStartDay: startDay,
      tripEndDay: endDay,
      totalFen: total,
    })
  }
  return { claims, expenseItems, invoices }
}

/**
 * Commission projects (提成项目, R-COM-1/2/5): fixed projects on two of 周强's contracts (one shared
 * with 吴磊, R-COM-7), strategic projects above the over-profit threshold (R-COM-4) and below the
 * margin gate (R-COM-3), a profitable risk project shared by two people and a risk project at a
 * loss (R-COM-5).
 */
function demoCommissionProjects() {
  const commissionProjects: Prisma.CommissionProjectCreateManyInput[] = [
    { id: 'proj-fixed-010', kind: 'fixed', name: '杭州电子科技年度学术会议赞助', customerId: 'cust-010', contractId: 'cust-010-contract-1', rate: '0.08', createdAt: at('2025-10-16') },
    { id: 'proj-fixed-022', kind: 'fixed', name: '杭州包装材料信用采购平台', customerId: 'cust-022', contractId: 'cust-022-contract-1', rate: '0.06', createdAt: at('2025-10-16') },
    { id: 'proj-strategic-009', kind: 'strategic', name: '苏州精密机械产线改造方案', customerId: 'cust-009', revenueFen: moneyToFen('1000000.00'), profitFen: moneyToFen('450000.00'), settledOn: '2025-12-20', createdAt: at('2025-09-01') },
    { id: 'proj-strategic-011', kind: 'strategic', name: '广州化工材料仓储项目', customerId: 'cust-011', revenueFen: moneyToFen('800000.00'), profitFen: moneyToFen('200000.00'), settledOn: '2025-11-30', createdAt: at('2025-06-01') },
    { id: 'proj-risk-023', kind: 'risk', name: '广州医疗器械试点订单', customerId: 'cust-023', profitFen: moneyToFen('123456.78'), settledOn: '2025-12-10', createdAt: at('2025-08-01') },
    { id: 'proj-strategic-021', kind: 'strategic', name: '苏州汽车配件供应链优化', customerId: 'cust-021', revenueFen: moneyToFen('500000.00'), profitFen: moneyToFen('260000.00'), settledOn: '2026-02-10', createdAt: at('2025-12-01') },
    { id: 'proj-risk-033', kind: 'risk', name: '苏州精密机械新品试销', customerId: 'cust-033', profitFen: moneyToFen('-20000.00'), settledOn: '2026-01-20', createdAt: at('2025-11-01') },
  ]
  const member = (projectId: string, staffId: string, role: string, extra: Partial<Prisma.CommissionProjectMemberCreateManyInput> = {}): Prisma.CommissionProjectMemberCreateManyInput => ({ projectId, staffId, role, ...extra })
  const commissionMembers: Prisma.CommissionProjectMemberCreateManyInput[] = [
    member('proj-fixed-010', 'staff-zhou', 'earner'),
    member('proj-fixed-022', 'staff-zhou', 'earner', { share: '3' }),
    member('proj-fixed-022', 'staff-wu', 'earner', { share: '2' }),
    member('proj-strategic-009', 'staff-zhou', 'lead', { rate: '0.20' }),
    member('proj-strategic-009', 'staff-wu', 'assistant', { rate: '0.03' }),
    member('proj-strategic-009', 'staff-yang', 'medicalStrategy'),
    member('proj-strategic-009', 'staff-he', 'execution', { hours: '12.5', hourlyWageFen: moneyToFen('85.00'), multiplier: '2.5' }),
    member('proj-strategic-011', 'staff-feng', 'lead', { rate: '0.22' }),
    member('proj-strategic-011', 'staff-zheng', 'assistant', { rate: '0.02' }),
    member('proj-risk-023', 'staff-feng', 'earner', { share: '1' }),
    member('proj-risk-023', 'staff-zheng', 'earner', { share: '1' }),
    member('proj-strategic-021', 'staff-wu', 'lead', { rate: '0.25', share: '3' }),
    member('proj-strategic-021', 'staff-zhou', 'assistant', { rate: '0.05', share: '1' }),
    member('proj-risk-033', 'staff-zhou', 'earner'),
  ]
  return { commissionProjects, commissionMembers }
}

/** 周强's statement for 2025, computed from the projects and payments above as the gateway computes it. */
function demoCommissionStatement(
  projects: readonly Prisma.CommissionProjectCreateManyInput[],
  members: readonly Prisma.CommissionProjectMemberCreateManyInput[],
  payments: readonly Prisma.PaymentCreateManyInput[],
) {
  const staffId = 'staff-zhou'
  const statementId = 'stmt-zhou-2025'
  const periodStart = '2025-01-01'
  const periodEnd = '2025-12-31'
  const { from, to } = statementWindow(periodStart, periodEnd)
  const inputs: CommissionProjectInput[] = projects
    .filter((p) => (p.kind === 'fixed' ? true : p.settledOn != null && p.settledOn >= periodStart && p.settledOn <= periodEnd))
    .map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      customerId: p.customerId ?? null,
      contractId: p.contractId ?? null,
      rate: p.rate ?? null,
      revenueFen: (p.revenueFen as bigint | null | undefined) ?? null,
      profitFen: (p.profitFen as bigint | null | undefined) ?? null,
      members: members
        .filter((m) => m.projectId === p.id)
        .map((m) => ({ staffId: m.staffId, role: m.role, rate: m.rate ?? null, hours: m.hours ?? null, hourlyWageFen: (m.hourlyWageFen as bigint | null | undefined) ?? null, multiplier: m.multiplier ?? null, share: m.share ?? null })),
      payments: payments.filter((pay) => pay.contractId === p.contractId && (pay.receivedAt as Date) >= from && (pay.receivedAt as Date) < to).map((pay) => ({ amountFen: pay.amountFen as bigint })),
    }))
  const computed = computeCommissionStatement(staffId, inputs)
  const rows = statementRows(statementId, computed)
  const commissionLines: Prisma.CommissionLineCreateManyInput[] = rows.lines.map((line) => ({ ...line, statementId }))
  const statements: Prisma.CommissionStatementCreateManyInput[] = [
    { id: statementId, staffId, periodStart, periodEnd, totalFen: computed.total.fen, trace: rows.trace, createdAt: at('2026-01-05', '10:00') },
  ]
  return { statements, commissionLines }
}

/** KPI periods of the demo: the quarters of 2025 and the first quarter of 2026 (in progress on the demo clock). */
const KPI_QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'] as const
const CUSTOMER_TEAMS = ['team-east', 'team-south'] as const

/** Per team and quarter (in KPI_QUARTERS order): sales plans in yuan, big customers to develop, service budget and service spending. */
const KPI_PLANS: Record<(typeof CUSTOMER_TEAMS)[number], { all: number[]; big: number[]; develop: number[]; budget: number[]; spent: string[] }> = {
  'team-east': {
    all: [2_000_000, 2_000_000, 4_000_000, 12_000_000, 4_000_000],
    big: [1_500_000, 1_500_000, 3_500_000, 11_000_000, 3_500_000],
    develop: [0, 1, 3, 4, 2],
    budget: [60_000, 60_000, 60_000, 60_000, 60_000],
    spent: ['48000.00', '55500.00', '63300.00', '57750.50', '21480.00'],
  },
  'team-south': {
    all: [1_000_000, 1_500_000, 1_500_000, 5_000_000, 2_000_000],
    big: [1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000],
    develop: [1, 1, 1, 1, 1],
    budget: [50_000, 50_000, 50_000, 50_000, 50_000],
    spent: ['39900.00', '46000.00', '51250.00', '44800.00', '18300.00'],
  },
}

/** The first month of a quarter label, e.g. `2025-Q3` → [2025, 7]. */
const quarterStart = (quarter: string): [number, number] => [Number(quarter.slice(0, 4)), (Number(quarter.slice(6)) - 1) * 3 + 1]
const dayIn = (year: number, month: number, day: number): string => `${year}-${pad(month, 2)}-${pad(day, 2)}`

/**
 * The KPI inputs (R-KPI-1..7) of the two customer departments: quarterly sales plans (all and big
 * customers), development plans and service budgets; big customers' feedback with its standard
 * answer time (some late, some unanswered), planned and actual revisits, and service spending.
 */
function demoKpiInputs(customers: readonly Prisma.CustomerCreateManyInput[], tickets: readonly Prisma.ServiceTicketCreateManyInput[]) {
  const salesPlans: Prisma.SalesPlanCreateManyInput[] = []
  const developmentPlans: Prisma.DevelopmentPlanCreateManyInput[] = []
  const serviceBudgets: Prisma.ServiceBudgetCreateManyInput[] = []
  const serviceCosts: Prisma.ServiceCostCreateManyInput[] = []
  const feedback: Prisma.CustomerFeedbackCreateManyInput[] = []
  const revisitPlans: Prisma.RevisitPlanCreateManyInput[] = []
  const revisits: Prisma.RevisitCreateManyInput[] = []
  const teamOf = (customer: Prisma.CustomerCreateManyInput): string | undefined => (customer.ownerId == null ? undefined : staff(customer.ownerId).teamId)

  for (const teamId of CUSTOMER_TEAMS) {
    const plans = KPI_PLANS[teamId]
    const big = customers.filter((c) => teamOf(c) === teamId && c.signedAt != null && c.stage !== 'churned' && (c.tier === 'key' || c.tier === 'strategic'))
    KPI_QUARTERS.forEach((quarter, q) => {
      const [year, month] = quarterStart(quarter)
      const created = at(dayIn(year, month, 1), '08:30')
      const key = `${teamId}-${quarter}`
      salesPlans.push({ id: `sales-plan-${key}-all`, teamId, period: quarter, scope: 'all', amountFen: moneyToFen(String(plans.all[q]!)), createdAt: created })
      salesPlans.push({ id: `sales-plan-${key}-big`, teamId, period: quarter, scope: 'bigCustomers', amountFen: moneyToFen(String(plans.big[q]!)), createdAt: created })
      developmentPlans.push({ id: `development-plan-${key}`, teamId, period: quarter, count: plans.develop[q]!, createdAt: created })
      serviceBudgets.push({ id: `service-budget-${key}`, teamId, period: quarter, amountFen: moneyToFen(String(plans.budget[q]!)), createdAt: created })

      // Service spending: half, three tenths and the rest of the quarter's total.
      const totalFen = moneyToFen(plans.spent[q]!)
      const parts = [(totalFen * 5n) / 10n, (totalFen * 3n) / 10n]
      parts.push(totalFen - parts[0]! - parts[1]!)
      const days = [dayIn(year, month, 12), dayIn(year, month + 1, 12), dayIn(year, month + 1, 26)]
      const ticket = quarter === '2026-Q1' ? tickets.find((t) => teamOf(customers.find((c) => c.id === t.customerId)!) === teamId) : undefined
      parts.forEach((amountFen, k) => {
        const customer = big[k % Math.max(big.length, 1)]
        serviceCosts.push({
          id: `service-cost-${key}-${k + 1}`,
          teamId,
          customerId: customer?.id ?? null,
          serviceTicketId: k === 1 && ticket !== undefined ? ticket.id : null,
          at: at(days[k]!, '15:00'),
          amountFen,
          description: ['上门维护差旅', '备件更换', '客户培训'][k]!,
        })
      })

      // Feedback and revisits of big customers that were customers by then (2025-Q3 onwards).
      if (q < 2) return
      big.forEach((customer, k) => {
        const receivedAt = at(dayIn(year, month + 1, 3 + k), '10:00')
        if ((customer.signedAt as Date) >= receivedAt) return
        const dueAt = new Date(receivedAt.getTime() + 2 * 86_400_000) // standard answer time: 48 hours
        const pattern = (k + q) % 5 // 0 unanswered, 1 late, otherwise answered the next day
        feedback.push({
          id: `feedback-${customer.id}-${quarter}`,
          customerId: customer.id,
          receivedAt,
          dueAt,
          answeredAt: pattern === 0 ? null : new Date(receivedAt.getTime() + (pattern === 1 ? 3 : 1) * 86_400_000),
          summary: ['交付周期偏长', '希望增加技术培训', '发票信息有误', '对售后响应满意并提出改进建议'][k % 4]!,
          receivedById: customer.ownerId ?? null,
          answeredById: pattern === 0 ? null : customer.ownerId ?? null,
        })
        const plannedAt = at(dayIn(year, month + 1, 20), '14:00')
        const planId = `revisit-plan-${customer.id}-${quarter}`
        revisitPlans.push({ id: planId, customerId: customer.id, staffId: customer.ownerId!, plannedAt })
        if ((k + q) % 4 !== 0) {
          revisits.push({ id: `revisit-${customer.id}-${quarter}`, customerId: customer.id, staffId: customer.ownerId!, planId, at: new Date(plannedAt.getTime() + 86_400_000), summary: '回访使用情况，客户满意' })
        }
      })
    })
  }
  return { salesPlans, developmentPlans, feedback, revisitPlans, revisits, serviceBudgets, serviceCosts }
}
