import { randomUUID } from 'node:crypto'

import {
  breachStatus,
  chargeStatus,
  closeTicket,
  completeService,
  dispatchQueue,
  dispatchTicket,
  KehuError,
  recordArrival,
  recordCharge,
  recordRepair,
  registerServiceCall,
  renewalNoticeDate,
  renewalNoticeStatus,
  repairEscalations,
  SERVICE_TICKET_STATES,
  SERVICE_ZONES,
  serviceType,
  type ServiceTicket,
  type ServiceTicketState,
  type Staff,
  takeToWorkshop,
} from '@kehu/core'
import { resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay'
import { GraphQLError } from 'graphql'

import { mayViewCustomer, recordAction, viewableCustomerNamed } from '../access/customerAccess.js'
import { AuthError } from '../auth/authError.js'
import { staffFromRow } from '../db/mappers.js'
import type { Prisma, ServiceTicket as ServiceTicketRow } from '../generated/prisma/client.js'
import { requireServiceTicketAction, type ServiceTicketAction, serviceTicketPermission, viewableServiceTicketsWhere } from '../workflows/serviceAccess.js'
import { asInputRefusal, runTicketStep, serviceCalendar, ticketFromRow, ticketToRow } from '../workflows/serviceTicketState.js'
import { builder, type Context } from './builder.js'
import { ConflictRefusal, NotFoundRefusal, WORKFLOW_ERRORS } from './errors.js'

// ---------------------------------------------------------------------------------------------
// Reading: core's ticket and SLA, computed per row at the request's clock.

const coreTickets = new WeakMap<ServiceTicketRow, ServiceTicket>()

/** The row as core's ticket, mapped once per row object. */
function coreTicket(row: ServiceTicketRow): ServiceTicket {
  let ticket = coreTickets.get(row)
  if (ticket === undefined) {
    ticket = ticketFromRow(row)
    coreTickets.set(row, ticket)
  }
  return ticket
}

const ServiceTicketStateEnum = builder.enumType('ServiceTicketState', {
  description: 'States of a repair ticket (叫修单状态), R-SVC-2 / R-SVC-5: registered 已登记 → dispatched 已派工 → arrived 已到场 → [inWorkshop 带回修理 → repaired 已修妥] → completed 已完工 → closed 已结案.',
  values: Object.fromEntries(SERVICE_TICKET_STATES.map((state) => [state, { value: state }])) as Record<ServiceTicketState, { value: ServiceTicketState }>,
})

const ServiceZoneEnum = builder.enumType('ServiceZone', {
  description: 'Service zone (服务区域), R-SVC-3: urban 市区 (6 working hours), suburban 郊区 (7).',
  values: Object.fromEntries(SERVICE_ZONES.map((zone) => [zone, { value: zone }])) as Record<'urban' | 'suburban', { value: 'urban' | 'suburban' }>,
})

interface DispatchSlaShape {
  readonly ruleId: string
  readonly status: string
  readonly deadline: Date
  readonly allowedWorkingHours: number
  readonly remainingWorkingMs?: number
  readonly overdueWorkingMs?: number
}

const DispatchSlaRef = builder.objectRef<DispatchSlaShape>('DispatchSla').implement({
  description: 'R-SVC-3 dispatch SLA (派工时效) at the request time, counted by core on the working calendar.',
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    status: t.exposeString('status', { description: 'met | on-track | at-risk | breached' }),
    breached: t.boolean({ resolve: (sla) => sla.status === 'breached' }),
    atRisk: t.boolean({ resolve: (sla) => sla.status === 'at-risk' }),
    deadline: t.field({ type: 'DateTime', description: 'Latest arrival that meets the SLA (inclusive).', resolve: (sla) => sla.deadline }),
    allowedWorkingHours: t.exposeFloat('allowedWorkingHours'),
    remainingWorkingMs: t.float({ nullable: true, description: 'Working time left (on-track, at-risk), in ms.', resolve: (sla) => sla.remainingWorkingMs ?? null }),
    overdueWorkingMs: t.float({ nullable: true, description: 'Working time past the deadline (breached), in ms.', resolve: (sla) => sla.overdueWorkingMs ?? null }),
  }),
})

const ChargeStatusRef = builder.objectRef<{ ruleId: string; state: string; violation: boolean }>('ServiceChargeStatus').implement({
  description: 'R-SVC-2 paid service is charged the same day (有费服务当天收费).',
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    state: t.exposeString('state', { description: 'notRequired | notYetDue | dueToday | chargedOnTime | chargedLate | overdue' }),
    violation: t.exposeBoolean('violation'),
  }),
})

const RepairEscalationRef = builder.objectRef<{ ruleId: string; promisedDate: string; daysLate: number; escalateTo: string; messageZh: string; messageEn: string }>('RepairEscalation').implement({
  description: 'R-SVC-5 a workshop repair late against its promised date, to be reported to the service supervisor (报请服务主任协助).',
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    promisedDate: t.exposeString('promisedDate'),
    daysLate: t.exposeInt('daysLate'),
    escalateTo: t.exposeString('escalateTo'),
    messageZh: t.exposeString('messageZh'),
    messageEn: t.exposeString('messageEn'),
  }),
})

const ServiceSlaRef = builder.objectRef<{ ticket: ServiceTicket; now: Date }>('ServiceSla').implement({
  description: "Where the ticket stands against the service rules at the request's clock, all computed by core.",
  fields: (t) => ({
    dispatch: t.field({
      type: DispatchSlaRef,
      resolve: ({ ticket, now }) => breachStatus({ callAt: ticket.callAt, zone: ticket.zone, ...(ticket.arrivedAt === undefined ? {} : { arrivedAt: ticket.arrivedAt }) }, now, serviceCalendar),
    }),
    charge: t.field({ type: ChargeStatusRef, resolve: ({ ticket, now }) => chargeStatus(ticket, now) }),
    repairEscalation: t.field({ type: RepairEscalationRef, nullable: true, resolve: ({ ticket, now }) => repairEscalations([ticket], now)[0] ?? null }),
  }),
})

const ServiceTicketEventRef = builder.objectRef<{ type: string; at: Date; actorId?: string }>('ServiceTicketEvent').implement({
  fields: (t) => ({
    type: t.exposeString('type', { description: 'registered | dispatched | arrived | takenToWorkshop | repaired | completed | charged | closed' }),
    at: t.field({ type: 'DateTime', resolve: (event) => event.at }),
    actorId: t.string({ nullable: true, resolve: (event) => event.actorId ?? null }),
  }),
})

const ServiceChargeRef = builder.objectRef<{ at: Date; fen: bigint; invoiceNumber: string | null }>('ServiceCharge').implement({
  description: 'The charge of paid service (有费服务收费 / 开票).',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (charge) => charge.at }),
    amount: t.field({ type: 'Money', resolve: (charge) => charge.fen }),
    invoiceNumber: t.exposeString('invoiceNumber', { nullable: true }),
  }),
})

type Workshop = NonNullable<ServiceTicket['workshop']>

const RepairPartRef = builder.objectRef<{ name: string; quantity: number }>('RepairPart').implement({
  fields: (t) => ({ name: t.exposeString('name'), quantity: t.exposeInt('quantity') }),
})

const WorkshopRegisterEntryRef = builder.objectRef<Workshop['register'][number]>('WorkshopRegisterEntry').implement({
  description: '客户商品进出登记薄 entry.',
  fields: (t) => ({ direction: t.exposeString('direction', { description: 'in | out' }), at: t.field({ type: 'DateTime', resolve: (entry) => entry.at }) }),
})

const WorkshopRepairRef = builder.objectRef<Workshop>('WorkshopRepair').implement({
  description: 'R-SVC-5 a repair taken back to the workshop (带回修理): receipt, repair card, register entries.',
  fields: (t) => ({
    receiptNumber: t.string({ resolve: (w) => w.receipt.number }),
    receiptStatus: t.string({ description: 'issued | voided', resolve: (w) => w.receipt.status }),
    repairCardNumber: t.string({ resolve: (w) => w.repairCard.number }),
    workHours: t.float({ nullable: true, resolve: (w) => w.repairCard.workHours ?? null }),
    parts: t.field({ type: [RepairPartRef], resolve: (w) => [...(w.repairCard.parts ?? [])] }),
    acceptedBy: t.string({ nullable: true, resolve: (w) => w.repairCard.acceptedBy ?? null }),
    promisedDate: t.string({ resolve: (w) => w.promisedDate }),
    takenAt: t.field({ type: 'DateTime', resolve: (w) => w.takenAt }),
    repairedAt: t.field({ type: 'DateTime', nullable: true, resolve: (w) => w.repairedAt ?? null }),
    returnedAt: t.field({ type: 'DateTime', nullable: true, resolve: (w) => w.returnedAt ?? null }),
    register: t.field({ type: [WorkshopRegisterEntryRef], resolve: (w) => [...w.register] }),
  }),
})

/** A repair ticket (叫修单, R-SVC-1..5) with its SLA state computed by core at the request's clock. */
export const ServiceTicketRef = builder.prismaObject('ServiceTicket', {
  fields: (t) => ({
    ticketId: t.exposeString('id'),
    customerId: t.exposeString('customerId'),
    customerName: t.exposeString('customerName'),
    address: t.exposeString('address'),
    phone: t.exposeString('phone'),
    productModel: t.exposeString('productModel'),
    zone: t.exposeString('zone', { description: 'urban | suburban (R-SVC-3)' }),
    serviceType: t.exposeString('serviceType', { description: 'A 有费 paid | B 合同 contract | C 免费 free (R-SVC-1)' }),
    callAt: t.expose('callAt', { type: 'DateTime' }),
    state: t.field({ type: ServiceTicketStateEnum, resolve: (row) => row.state as ServiceTicketState }),
    technician: t.relation('technician', { nullable: true }),
    dispatchedAt: t.expose('dispatchedAt', { type: 'DateTime', nullable: true }),
    arrivedAt: t.expose('arrivedAt', { type: 'DateTime', nullable: true }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    customerSignature: t.exposeString('customerSignature', { nullable: true }),
    charge: t.field({
      type: ServiceChargeRef,
      nullable: true,
      resolve: (row) => (row.chargeFen === null || row.chargedAt === null ? null : { at: row.chargedAt, fen: row.chargeFen, invoiceNumber: row.chargeInvoiceNumber }),
    }),
    workshop: t.field({ type: WorkshopRepairRef, nullable: true, resolve: (row) => coreTicket(row).workshop ?? null }),
    history: t.field({ type: [ServiceTicketEventRef], resolve: (row) => [...coreTicket(row).history] }),
    sla: t.field({ type: ServiceSlaRef, resolve: (row, _args, ctx) => ({ ticket: coreTicket(row), now: ctx.now }) }),
    // The service department sees every ticket but not every customer archive (R-ACC-1): the
    // archive is only reached when the actor may view it; the ticket carries name, address and phone.
    customer: t.prismaField({
      type: 'Customer',
      nullable: true,
      description: "The customer's archive, when the actor may view it (R-ACC-1); null otherwise.",
      resolve: (query, row, _args, ctx) => viewableCustomerNamed(ctx.prisma, ctx.actor!, row.customerId, query, ctx.now),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
})

builder.prismaObjectField('Customer', 'serviceTickets', (t) =>
  t.relation('serviceTickets', {
    description: "The customer's repair tickets, newest call first (visible with the customer, R-ACC-1).",
    query: { orderBy: [{ callAt: 'desc' }, { id: 'asc' }] },
  }),
)

// ---------------------------------------------------------------------------------------------
// Queries.

function breachOf(row: ServiceTicketRow, now: Date): string {
  const ticket = coreTicket(row)
  return breachStatus({ callAt: ticket.callAt, zone: ticket.zone, ...(ticket.arrivedAt === undefined ? {} : { arrivedAt: ticket.arrivedAt }) }, now, serviceCalendar).status
}

const DispatchQueueEntryRef = builder.objectRef<{ row: ServiceTicketRow; position: number; priority: string; callDay: string; priorityDay?: string; missedPriorityDay?: boolean }>('DispatchQueueEntry').implement({
  description: 'R-SVC-4 one registered call waiting for dispatch (待派工), in the order the supervisor dispatches.',
  fields: (t) => ({
    position: t.exposeInt('position'),
    priority: t.exposeString('priority', { description: 'carriedOver (前日未派，优先派工) | today' }),
    callDay: t.exposeString('callDay'),
    priorityDay: t.string({ nullable: true, resolve: (entry) => entry.priorityDay ?? null }),
    missedPriorityDay: t.boolean({ nullable: true, resolve: (entry) => entry.missedPriorityDay ?? null }),
    ticket: t.field({ type: ServiceTicketRef, resolve: (entry) => entry.row }),
  }),
})

const RenewalNoticeRef = builder.objectRef<{ contractEndDay: string; noticeDay: string; status: string }>('MaintenanceRenewalNotice').implement({
  description: 'R-SVC-6 the renewal notice of a maintenance contract (保养到期通知书).',
  fields: (t) => ({
    ruleId: t.string({ resolve: () => 'R-SVC-6' }),
    contractEndDay: t.exposeString('contractEndDay'),
    noticeDay: t.exposeString('noticeDay'),
    status: t.exposeString('status', { description: 'notYet | due | expired (at the request time)' }),
  }),
})

builder.queryFields((t) => ({
  serviceTicket: t.field({
    type: ServiceTicketRef,
    nullable: true,
    description: 'One repair ticket; visible to the service department and to whoever may view its customer (R-ACC-1).',
    args: { id: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const row = await ctx.prisma.serviceTicket.findUnique({ where: { id: args.id } })
      if (row === null) return null
      const allowed = serviceTicketPermission(ctx.actor!, 'view', await mayViewCustomer(ctx.prisma, ctx.actor!, row.customerId, ctx.now))
      if (!allowed) throw new AuthError('R-ACC-1: this repair ticket belongs to a customer you may not view (无权查看该叫修单)', 'FORBIDDEN', { ruleId: 'R-ACC-1' })
      return row
    },
  }),
  serviceTickets: t.connection({
    type: ServiceTicketRef,
    description:
      'The repair tickets the actor may view, newest call first; `breached` / `atRisk` filter on the dispatch SLA at the request time (R-SVC-3, computed by core for each visible ticket of the other filters).',
    args: {
      state: t.arg({ type: ServiceTicketStateEnum, required: false }),
      customerId: t.arg.string({ required: false }),
      technicianId: t.arg.string({ required: false }),
      breached: t.arg.boolean({ required: false }),
      atRisk: t.arg.boolean({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const filters: Prisma.ServiceTicketWhereInput[] = [viewableServiceTicketsWhere(ctx.actor!)]
      if (args.state != null) filters.push({ state: args.state })
      if (args.customerId != null) filters.push({ customerId: args.customerId })
      if (args.technicianId != null) filters.push({ technicianId: args.technicianId })
      const where = { AND: filters }
      const orderBy = [{ callAt: 'desc' }, { id: 'asc' }] satisfies Prisma.ServiceTicketOrderByWithRelationInput[]
      // Without an SLA filter the page is read by SQL; both ways use the same offset cursors.
      if (args.breached == null && args.atRisk == null) return resolveOffsetConnection({ args }, ({ offset, limit }) => ctx.prisma.serviceTicket.findMany({ where, orderBy, skip: offset, take: limit }))
      // The SLA depends on the working calendar: core computes it per ticket, then we filter.
      let rows = await ctx.prisma.serviceTicket.findMany({ where, orderBy })
      if (args.breached != null) rows = rows.filter((row) => (breachOf(row, ctx.now) === 'breached') === args.breached)
      if (args.atRisk != null) rows = rows.filter((row) => (breachOf(row, ctx.now) === 'at-risk') === args.atRisk)
      return resolveArrayConnection({ args }, rows)
    },
  }),
  dispatchQueue: t.field({
    type: [DispatchQueueEntryRef],
    description: "R-SVC-4 the registered calls waiting for dispatch, in core's order: carried-over calls first (oldest first), then today's.",
    resolve: async (_root, _args, ctx) => {
      const rows = await ctx.prisma.serviceTicket.findMany({ where: { AND: [viewableServiceTicketsWhere(ctx.actor!), { state: 'registered', callAt: { lte: ctx.now } }] } })
      const byId = new Map(rows.map((row) => [row.id, row]))
      return dispatchQueue(rows.map(coreTicket), ctx.now, serviceCalendar).map((entry) => ({
        row: byId.get(entry.ticket.id)!,
        position: entry.position,
        priority: entry.priority,
        callDay: entry.callDay,
        ...(entry.priorityDay === undefined ? {} : { priorityDay: entry.priorityDay }),
        ...(entry.missedPriorityDay === undefined ? {} : { missedPriorityDay: entry.missedPriorityDay }),
      }))
    },
  }),
  maintenanceRenewalNotice: t.field({
    type: RenewalNoticeRef,
    description: 'R-SVC-6 when the renewal notice of a maintenance contract ending on `contractEndDay` goes out, and where it stands now.',
    args: { contractEndDay: t.arg.string({ required: true, description: 'YYYY-MM-DD, the contract’s last day' }) },
    resolve: (_root, args, ctx) => {
      try {
        return { contractEndDay: args.contractEndDay, noticeDay: renewalNoticeDate(args.contractEndDay), status: renewalNoticeStatus(args.contractEndDay, ctx.now) }
      } catch (error) {
        if (!(error instanceof KehuError)) throw error
        throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', field: 'contractEndDay', errorCode: error.code, ruleId: 'R-SVC-6', messageZh: error.messageZh, messageEn: error.messageEn } })
      }
    },
  }),
}))

// ---------------------------------------------------------------------------------------------
// Mutations: every one a single transaction — read, check (access + core), write, audit.

/** A mutation's payload: the ticket as stored after it. */
function ticketPayload(name: string) {
  const ref = builder.objectRef<{ ticketId: string }>(name)
  ref.implement({
    fields: (t) => ({
      ticket: t.prismaField({ type: 'ServiceTicket', resolve: (query, payload, _args, ctx) => ctx.prisma.serviceTicket.findUniqueOrThrow({ ...query, where: { id: payload.ticketId } }) }),
    }),
  })
  return ref
}

/**
 * One step of a stored ticket: load it, check {@link requireServiceTicketAction}, run core's step,
 * write the new state only if the ticket is still as read (otherwise {@link ConflictRefusal}),
 * append the audit row — all in one transaction, so a refusal writes nothing.
 */
async function workTicket(
  ctx: Context,
  ticketId: string,
  access: ServiceTicketAction,
  audit: string,
  ruleId: string,
  step: (ticket: ServiceTicket, tx: Prisma.TransactionClient, actor: Staff) => Promise<ServiceTicket>,
): Promise<{ ticketId: string }> {
  const actor = ctx.actor!
  await ctx.prisma.$transaction(async (tx) => {
    const row = await tx.serviceTicket.findUnique({ where: { id: ticketId } })
    if (row === null) throw new NotFoundRefusal('serviceTicket', ticketId)
    await requireServiceTicketAction(tx, actor, row.customerId, access, ctx.now)
    const next = await step(ticketFromRow(row), tx, actor)
    const { id: _id, ...data } = ticketToRow(next)
    const written = await tx.serviceTicket.updateMany({ where: { id: row.id, state: row.state, updatedAt: row.updatedAt }, data })
    if (written.count !== 1) throw new ConflictRefusal('serviceTicket', ticketId, ruleId)
    await recordAction(tx, { actor, at: ctx.now, action: audit, subjectKind: 'serviceTicket', subjectId: ticketId, details: { state: next.state, from: row.state } })
  })
  return { ticketId }
}

const mutationErrors = (union: string) => ({ types: [...WORKFLOW_ERRORS], directResult: true as const, union: { name: union } })

const CoverageInput = builder.inputType('ProductCoverageInput', {
  description: "R-SVC-1 the product's coverage, which decides the service type at the call time.",
  fields: (t) => ({
    warrantyUntil: t.string({ description: 'Last day of the free warranty (免费保证期截止日), YYYY-MM-DD, inclusive.' }),
    maintenanceContractFrom: t.string({ description: 'Maintenance contract (保养合同) first day, YYYY-MM-DD.' }),
    maintenanceContractTo: t.string({ description: 'Maintenance contract last day, YYYY-MM-DD, inclusive.' }),
  }),
})

const RegisterServiceCallInput = builder.inputType('RegisterServiceCallInput', {
  fields: (t) => ({
    customerId: t.string({ required: true }),
    productModel: t.string({ required: true, description: '商品型号' }),
    zone: t.field({ type: ServiceZoneEnum, required: true }),
    address: t.string({ description: "地址; the customer archive's address when left out." }),
    phone: t.string({ description: "电话 (mobile or landline with area code); the archive's phone when left out." }),
    customerName: t.string({ description: "客户名称; the archive's name when left out." }),
    coverage: t.field({ type: CoverageInput, description: 'Warranty and maintenance contract; none = paid service (A).' }),
  }),
})

const RegisterServiceCallPayload = builder.objectRef<{ ticketId: string; reason: { code: string; messageZh: string; messageEn: string } }>('RegisterServiceCallPayload').implement({
  fields: (t) => ({
    ticket: t.prismaField({ type: 'ServiceTicket', resolve: (query, payload, _args, ctx) => ctx.prisma.serviceTicket.findUniqueOrThrow({ ...query, where: { id: payload.ticketId } }) }),
    serviceTypeReason: t.field({
      type: builder.objectRef<{ code: string; messageZh: string; messageEn: string }>('ServiceTypeReason').implement({
        description: 'R-SVC-1 why the call is of its service type.',
        fields: (r) => ({ code: r.exposeString('code'), messageZh: r.exposeString('messageZh'), messageEn: r.exposeString('messageEn') }),
      }),
      resolve: (payload) => payload.reason,
    }),
  }),
})

builder.mutationField('registerServiceCall', (t) =>
  t.field({
    type: RegisterServiceCallPayload,
    description: 'R-SVC-1/2 registers a repair call (叫修登记) at the request time; the service type follows from the coverage. Service department, or whoever may edit the customer (R-ACC-1).',
    errors: mutationErrors('RegisterServiceCallResult'),
    args: { input: t.arg({ type: RegisterServiceCallInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!
      const id = `ticket-${randomUUID()}`
      let reason: { code: string; messageZh: string; messageEn: string } | undefined
      await ctx.prisma.$transaction(async (tx) => {
        await requireServiceTicketAction(tx, actor, input.customerId, 'register', ctx.now)
        const customer = await tx.customer.findUniqueOrThrow({ where: { id: input.customerId }, select: { name: true, address: true, phone: true } })
        const coverage = input.coverage ?? {}
        const contract =
          coverage.maintenanceContractFrom == null && coverage.maintenanceContractTo == null
            ? {}
            : { maintenanceContract: { from: coverage.maintenanceContractFrom ?? undefined, to: coverage.maintenanceContractTo ?? undefined } }
        const verdict = (() => {
          try {
            return serviceType({ ...(coverage.warrantyUntil == null ? {} : { warrantyUntil: coverage.warrantyUntil }), ...contract } as never, ctx.now)
          } catch (error) {
            throw asInputRefusal(error, 'R-SVC-1')
          }
        })()
        reason = verdict.reason
        const ticket = runTicketStep(
          () =>
            registerServiceCall({
              id,
              customerId: input.customerId,
              customerName: input.customerName ?? customer.name,
              address: input.address ?? customer.address ?? '',
              phone: input.phone ?? customer.phone ?? '',
              productModel: input.productModel,
              zone: input.zone,
              serviceType: verdict.type,
              callAt: ctx.now,
              registeredBy: actor.id,
            }),
          'R-SVC-2',
        )
        await tx.serviceTicket.create({ data: ticketToRow(ticket) })
        await recordAction(tx, { actor, at: ctx.now, action: 'serviceTicket.register', subjectKind: 'serviceTicket', subjectId: id, details: { customerId: input.customerId, serviceType: verdict.type } })
      })
      return { ticketId: id, reason: reason! }
    },
  }),
)

builder.mutationField('dispatchTicket', (t) =>
  t.field({
    type: ticketPayload('DispatchTicketPayload'),
    description: 'R-SVC-2 the supervisor dispatches a registered call to a technician (主任派工). Service department.',
    errors: mutationErrors('DispatchTicketResult'),
    args: { ticketId: t.arg.string({ required: true }), technicianId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      workTicket(ctx, args.ticketId, 'work', 'serviceTicket.dispatch', 'R-SVC-2', async (ticket, tx) => {
        const row = await tx.staff.findUnique({ where: { id: args.technicianId } })
        if (row === null) throw new NotFoundRefusal('staff', args.technicianId)
        return runTicketStep(() => dispatchTicket(ticket, { technician: staffFromRow(row), at: ctx.now }), 'R-SVC-2')
      }),
  }),
)

builder.mutationField('recordArrival', (t) =>
  t.field({
    type: ticketPayload('RecordArrivalPayload'),
    description: 'R-SVC-2/3 the technician arrives at the customer (抵达服务): stops the dispatch SLA clock. Service department.',
    errors: mutationErrors('RecordArrivalResult'),
    args: { ticketId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => workTicket(ctx, args.ticketId, 'work', 'serviceTicket.arrive', 'R-SVC-3', async (ticket) => runTicketStep(() => recordArrival(ticket, { at: ctx.now }), 'R-SVC-3')),
  }),
)

builder.mutationField('sendToWorkshop', (t) =>
  t.field({
    type: ticketPayload('SendToWorkshopPayload'),
    description: 'R-SVC-5 takes the product back to the workshop (带回修理): receipt, repair card, register entry, promised date; the customer must sign. Service department.',
    errors: mutationErrors('SendToWorkshopResult'),
    args: {
      ticketId: t.arg.string({ required: true }),
      receiptNumber: t.arg.string({ required: true, description: '客户商品领取收据 number' }),
      repairCardNumber: t.arg.string({ required: true, description: '修理卡 number' }),
      promisedDate: t.arg.string({ required: true, description: '原定修妥日期, YYYY-MM-DD' }),
      customerSigned: t.arg.boolean({ required: true, description: 'The customer signed the service voucher (客户签字).' }),
    },
    resolve: (_root, args, ctx) =>
      workTicket(ctx, args.ticketId, 'work', 'serviceTicket.toWorkshop', 'R-SVC-5', async (ticket) =>
        runTicketStep(
          () => takeToWorkshop(ticket, { at: ctx.now, receiptNumber: args.receiptNumber, repairCardNumber: args.repairCardNumber, promisedDate: args.promisedDate, customerSigned: args.customerSigned }),
          'R-SVC-5',
        ),
      ),
  }),
)

const RepairPartInput = builder.inputType('RepairPartInput', {
  fields: (t) => ({ name: t.string({ required: true }), quantity: t.int({ required: true }) }),
})

builder.mutationField('recordRepair', (t) =>
  t.field({
    type: ticketPayload('RecordRepairPayload'),
    description: 'R-SVC-5 the workshop repair is done and accepted by the actor, who must be the service supervisor (主任验收); hours and parts go on the repair card.',
    errors: mutationErrors('RecordRepairResult'),
    args: { ticketId: t.arg.string({ required: true }), workHours: t.arg.float({ required: true }), parts: t.arg({ type: [RepairPartInput], required: false }) },
    resolve: (_root, args, ctx) =>
      workTicket(ctx, args.ticketId, 'work', 'serviceTicket.repair', 'R-SVC-5', async (ticket, _tx, actor) =>
        runTicketStep(() => recordRepair(ticket, { at: ctx.now, acceptedBy: actor, workHours: args.workHours, ...(args.parts == null ? {} : { parts: args.parts.map((p) => ({ name: p.name, quantity: p.quantity })) }) }), 'R-SVC-5'),
      ),
  }),
)

builder.mutationField('completeTicket', (t) =>
  t.field({
    type: ticketPayload('CompleteTicketPayload'),
    description: 'R-SVC-2/5 the service is completed (完工): on site, or the repaired product is returned (receipt voided, register `out`). Paid service is then due the same day. Service department.',
    errors: mutationErrors('CompleteTicketResult'),
    args: { ticketId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => workTicket(ctx, args.ticketId, 'work', 'serviceTicket.complete', 'R-SVC-2', async (ticket) => runTicketStep(() => completeService(ticket, { at: ctx.now }), 'R-SVC-2')),
  }),
)

builder.mutationField('chargeTicket', (t) =>
  t.field({
    type: ticketPayload('ChargeTicketPayload'),
    description: 'R-SVC-2 records the charge of paid service (有费服务收费 / 开票); type A only, once. Service department or finance.',
    errors: mutationErrors('ChargeTicketResult'),
    args: { ticketId: t.arg.string({ required: true }), amount: t.arg({ type: 'Money', required: true }), invoiceNumber: t.arg.string({ required: false }) },
    resolve: (_root, args, ctx) =>
      workTicket(ctx, args.ticketId, 'charge', 'serviceTicket.charge', 'R-SVC-2', async (ticket) =>
        runTicketStep(() => recordCharge(ticket, { at: ctx.now, amount: args.amount, ...(args.invoiceNumber == null ? {} : { invoiceNumber: args.invoiceNumber }) }), 'R-SVC-2'),
      ),
  }),
)

builder.mutationField('closeTicket', (t) =>
  t.field({
    type: ticketPayload('CloseTicketPayload'),
    description: "R-SVC-2 closes a completed ticket with the customer's signature on the service voucher (客户签字结案); paid service must be charged first. Service department.",
    errors: mutationErrors('CloseTicketResult'),
    args: { ticketId: t.arg.string({ required: true }), customerSignature: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => workTicket(ctx, args.ticketId, 'work', 'serviceTicket.close', 'R-SVC-2', async (ticket) => runTicketStep(() => closeTicket(ticket, { at: ctx.now, customerSignature: args.customerSignature }), 'R-SVC-2')),
  }),
)
