import { randomUUID } from 'node:crypto'

import {
  calendarDaysBetween,
  type CivilDay,
  contractNeedsApproval,
  type ContractApprovalVerdict,
  defaultContractChain,
  type InstalmentPosition,
  type InstalmentReminder,
  instalmentSchedule,
  isCivilDay,
  type LedgerEntry,
  Money,
  overdueInstalments,
  type PaymentReconciliation,
  reconcilePayments,
  reminderDates,
  submitApproval,
  toShanghaiDay,
} from '@kehu/core'
import { GraphQLError } from 'graphql'

import { recordAction, requireCustomerAction, VIEWABLE_CUSTOMER_FIELD, viewableCustomerNamed, viewableCustomersWhere, viewCustomer } from '../access/customerAccess.js'
import { approvalRequestToRow } from '../db/approvals.js'
import type { Prisma } from '../generated/prisma/client.js'
import { ConflictRefusal, InputRefusal, NotFoundRefusal, WORKFLOW_ERRORS } from '../refusals.js'
import { CONTRACT_SUBJECT, paymentRefusal, signingRefusal } from '../workflows/contractApproval.js'
import { type ContractStatus, inPaymentOrder, instalmentRows, PAYMENT_ORDER, paymentInstalments, paymentsFromRows, scheduleFromRows } from '../workflows/contractRows.js'
import { inputFromCore } from '../workflows/visitRows.js'
import { builder, type Context } from './builder.js'

// Contracts and receivables (合同与回款), R-CON-1 and R-CON-2: the contract approval procedure by
// cumulative amount, instalment schedules that sum exactly, payment reminders, reconciliation
// with its ledger entries, and overdue instalments. Every figure is core's.

// — core's results as GraphQL types —

const InstalmentPositionRef = builder.objectRef<InstalmentPosition>('InstalmentPosition').implement({
  description: 'Where one instalment stands after reconciliation (回款核对, R-CON-2).',
  fields: (t) => ({
    number: t.exposeInt('number'),
    dueDate: t.exposeString('dueDate', { description: '约定付款期 YYYY-MM-DD' }),
    amount: t.field({ type: 'Money', resolve: (p) => p.amount.fen }),
    paid: t.field({ type: 'Money', resolve: (p) => p.paid.fen }),
    outstanding: t.field({ type: 'Money', resolve: (p) => p.outstanding.fen }),
    status: t.exposeString('status', { description: 'paid (已付清) | partiallyPaid (部分付款) | unpaid (未付)' }),
    settledOn: t.string({ nullable: true, description: 'The day of the payment that completed it.', resolve: (p) => p.settledOn ?? null }),
    settledLate: t.boolean({ nullable: true, description: 'Completed after its due date (逾期付清).', resolve: (p) => p.settledLate ?? null }),
  }),
})

const LedgerEntryRef = builder.objectRef<LedgerEntry>('LedgerEntry').implement({
  description: 'One entry to post to the customer ledger (客户往来帐登记, R-CON-2).',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'instalment | overpayment (多收款)' }),
    paymentId: t.exposeString('paymentId'),
    postedOn: t.exposeString('postedOn'),
    instalmentNumber: t.int({ nullable: true, resolve: (e) => (e.kind === 'instalment' ? e.instalmentNumber : null) }),
    amount: t.field({ type: 'Money', resolve: (e) => e.amount.fen }),
  }),
})

const ReconciliationRef = builder.objectRef<PaymentReconciliation>('PaymentReconciliation').implement({
  description: "Payments reconciled with the instalment schedule (回款核对, R-CON-2), oldest instalment first; the ledger entries sum exactly to what was received.",
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    status: t.exposeString('status', { description: 'open (未结清) | settled (已结清) | overpaid (多付)' }),
    total: t.field({ type: 'Money', resolve: (r) => r.total.fen }),
    received: t.field({ type: 'Money', resolve: (r) => r.received.fen }),
    paid: t.field({ type: 'Money', resolve: (r) => r.paid.fen }),
    outstanding: t.field({ type: 'Money', resolve: (r) => r.outstanding.fen }),
    overpaid: t.field({ type: 'Money', resolve: (r) => r.overpaid.fen }),
    instalments: t.field({ type: [InstalmentPositionRef], resolve: (r) => [...r.instalments] }),
    ledgerEntries: t.field({ type: [LedgerEntryRef], resolve: (r) => [...r.ledgerEntries] }),
  }),
})

const ReminderRef = builder.objectRef<InstalmentReminder>('PaymentReminder').implement({
  description: 'When to remind the customer of an instalment (付款提醒, R-CON-2): 3 calendar days before its due date by default.',
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    instalmentNumber: t.exposeInt('instalmentNumber'),
    dueDate: t.exposeString('dueDate'),
    amount: t.field({ type: 'Money', resolve: (r) => r.amount.fen }),
    remindOn: t.exposeString('remindOn'),
  }),
})

const ApprovalVerdictRef = builder.objectRef<ContractApprovalVerdict>('ContractApprovalVerdict').implement({
  description: "Whether the contract needs the contract approval procedure (销售合同审批程序, R-CON-1), by the customer's cumulative amount.",
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    needsApproval: t.exposeBoolean('needsApproval'),
    cumulativeAmount: t.field({ type: 'Money', resolve: (v) => v.cumulativeAmount.fen }),
    threshold: t.field({ type: 'Money', resolve: (v) => v.threshold.fen }),
    window: t.string({ description: 'calendarYear | rolling12Months | lifetime', resolve: (v) => v.window.kind }),
    windowFrom: t.field({ type: 'DateTime', nullable: true, resolve: (v) => v.window.from }),
    countedPastContracts: t.exposeInt('countedPastContracts'),
    reasonCode: t.string({ resolve: (v) => v.reason.code }),
    messageZh: t.string({ resolve: (v) => v.reason.messageZh }),
    messageEn: t.string({ resolve: (v) => v.reason.messageEn }),
  }),
})

// — stored records —

export const PaymentRef = builder.prismaObject('Payment', {
  description: 'A payment received from the customer (客户回款), reconciled by core (R-CON-2).',
  fields: (t) => ({
    id: t.exposeID('id'),
    contractId: t.exposeString('contractId'),
    amount: t.field({ type: 'Money', resolve: (p) => p.amountFen }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
    paidOn: t.string({ description: '到账日期 (Asia/Shanghai) YYYY-MM-DD', resolve: (p) => toShanghaiDay(p.receivedAt) }),
    reference: t.exposeString('reference', { nullable: true, description: '回款单号 / 银行回单' }),
    instalment: t.relation('instalment', { nullable: true, description: 'The instalment the whole payment settled; null when core split it or part of it is an overpayment.' }),
  }),
})

export const InstalmentRef = builder.prismaObject('Instalment', {
  description: 'An instalment of a contract (分期款), from core’s instalmentSchedule (R-CON-2).',
  fields: (t) => ({
    id: t.exposeID('id'),
    contractId: t.exposeString('contractId'),
    number: t.exposeInt('number'),
    dueDate: t.exposeString('dueDate', { description: '约定付款期 YYYY-MM-DD' }),
    amount: t.field({ type: 'Money', resolve: (i) => i.amountFen }),
  }),
})

/** What the contract's computed fields need: its instalments and payments, loaded with the contract (no N+1). */
const SCHEDULE_SELECT = { instalments: true, payments: { orderBy: PAYMENT_ORDER } } as const

function reconciliationOf(contract: { amountFen: bigint; instalments: Parameters<typeof scheduleFromRows>[1]; payments: Parameters<typeof paymentsFromRows>[0] }): PaymentReconciliation {
  return reconcilePayments(scheduleFromRows(contract.amountFen, contract.instalments), paymentsFromRows(contract.payments))
}

export const ContractRef = builder.prismaObject('Contract', {
  description: 'A sales contract (销售合同): the R-CON-1 approval procedure, its instalments, payments and their reconciliation (R-CON-2).',
  fields: (t) => ({
    id: t.exposeID('id'),
    customerId: t.exposeString('customerId'),
    customer: t.prismaField({
      type: 'Customer',
      nullable: true,
      description: VIEWABLE_CUSTOMER_FIELD,
      resolve: (query, contract, _args, ctx) => viewableCustomerNamed(ctx.prisma, ctx.actor!, contract.customerId, query, ctx.now),
    }),
    number: t.exposeString('number', { description: '合同编号' }),
    title: t.exposeString('title'),
    amount: t.field({ type: 'Money', description: '合同金额', resolve: (c) => c.amountFen }),
    status: t.exposeString('status', { description: 'draft | pendingApproval | approved | rejected | withdrawn | signed | closed' }),
    signedAt: t.expose('signedAt', { type: 'DateTime', nullable: true }),
    approvalRequestId: t.exposeString('approvalRequestId', { nullable: true, description: 'The R-CON-1 approval request, when the contract needed one.' }),
    createdById: t.exposeString('createdById'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    instalments: t.relation('instalments', { query: { orderBy: { number: 'asc' } } }),
    payments: t.relation('payments', { description: 'In the order core applies them.', query: { orderBy: PAYMENT_ORDER } }),
    reconciliation: t.field({ type: ReconciliationRef, select: SCHEDULE_SELECT, resolve: (c) => reconciliationOf(c) }),
    reminders: t.field({
      type: [ReminderRef],
      description: 'R-CON-2: the day to remind the customer of each instalment.',
      select: { instalments: true },
      resolve: (c) => reminderDates(scheduleFromRows(c.amountFen, c.instalments)),
    }),
  }),
})

builder.prismaObjectField('Customer', 'contracts', (t) =>
  t.relation('contracts', { description: 'Sales contracts (销售合同), newest first.', query: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] } }),
)

// — queries —

/** A civil-day argument, or a client error naming it; `today` in Shanghai by default. */
function dayArgument(value: string | null | undefined, field: string, ctx: Context): CivilDay {
  if (value == null) return toShanghaiDay(ctx.now)
  if (!isCivilDay(value)) {
    throw new GraphQLError(`${field} must be an existing day written YYYY-MM-DD (${field} 必须是 YYYY-MM-DD 格式的日期)`, { extensions: { code: 'BAD_USER_INPUT', field } })
  }
  return value
}

/** An overdue instalment (逾期未付的分期款) with its contract and customer. */
interface OverdueInstalment {
  readonly customerId: string
  readonly customerName: string
  readonly contractId: string
  readonly contractNumber: string
  readonly position: InstalmentPosition
  readonly daysOverdue: number
}

const OverdueInstalmentRef = builder.objectRef<OverdueInstalment>('OverdueInstalment').implement({
  description: 'An instalment still owed after its due date (逾期未付, R-CON-2).',
  fields: (t) => ({
    customerId: t.exposeString('customerId'),
    customerName: t.exposeString('customerName'),
    contractId: t.exposeString('contractId'),
    contractNumber: t.exposeString('contractNumber'),
    instalment: t.field({ type: InstalmentPositionRef, resolve: (o) => o.position }),
    daysOverdue: t.exposeInt('daysOverdue', { description: 'Calendar days from the due date to the day asked about.' }),
  }),
})

/** A reminder due in the period asked about, with its contract and customer. */
interface DueReminder {
  readonly customerId: string
  readonly customerName: string
  readonly contractId: string
  readonly contractNumber: string
  readonly reminder: InstalmentReminder
  readonly outstanding: Money
}

const DueReminderRef = builder.objectRef<DueReminder>('DuePaymentReminder').implement({
  description: 'A customer to remind of an instalment that is not paid yet (付款提醒, R-CON-2).',
  fields: (t) => ({
    customerId: t.exposeString('customerId'),
    customerName: t.exposeString('customerName'),
    contractId: t.exposeString('contractId'),
    contractNumber: t.exposeString('contractNumber'),
    reminder: t.field({ type: ReminderRef, resolve: (d) => d.reminder }),
    outstanding: t.field({ type: 'Money', resolve: (d) => d.outstanding.fen }),
  }),
})

/** Signed contracts of the customers `ctx.actor` may view (R-ACC-1), with what reconciliation needs. */
function viewableSignedContracts(ctx: Context, instalmentWhere: Prisma.InstalmentWhereInput) {
  return ctx.prisma.contract.findMany({
    where: { status: 'signed', customer: viewableCustomersWhere(ctx.actor!), instalments: { some: instalmentWhere } },
    include: { ...SCHEDULE_SELECT, customer: { select: { id: true, name: true } } },
    orderBy: { id: 'asc' },
  })
}

builder.queryFields((t) => ({
  contract: t.prismaField({
    type: 'Contract',
    nullable: true,
    description: "One contract; its customer's view is checked (R-ACC-1) and recorded (R-ACC-2).",
    args: { id: t.arg.string({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const owner = await ctx.prisma.contract.findUnique({ where: { id }, select: { customerId: true } })
      if (owner === null) return null
      return viewCustomer(ctx.prisma, ctx.actor!, owner.customerId, ctx.now, (tx) => tx.contract.findUnique({ ...query, where: { id } }))
    },
  }),
  overdueInstalments: t.field({
    type: [OverdueInstalmentRef],
    description: 'Instalments of signed contracts still owed after their due date (逾期未付, R-CON-2), of the customers the actor may view (R-ACC-1), oldest due first.',
    args: { asOf: t.arg.string({ description: 'The day to judge on, YYYY-MM-DD; default today (Asia/Shanghai).' }) },
    resolve: async (_root, { asOf }, ctx) => {
      const today = dayArgument(asOf, 'asOf', ctx)
      const contracts = await viewableSignedContracts(ctx, { dueDate: { lt: today } })
      const overdue = contracts.flatMap((contract) =>
        overdueInstalments(reconciliationOf(contract), today).map((position) => ({
          customerId: contract.customer.id,
          customerName: contract.customer.name,
          contractId: contract.id,
          contractNumber: contract.number,
          position,
          daysOverdue: calendarDaysBetween(today, position.dueDate),
        })),
      )
      return overdue.sort((a, b) => (a.position.dueDate === b.position.dueDate ? a.contractId.localeCompare(b.contractId) : a.position.dueDate < b.position.dueDate ? -1 : 1))
    },
  }),
  paymentReminders: t.field({
    type: [DueReminderRef],
    description: 'Customers to remind of an unpaid instalment (付款提醒, R-CON-2) on days from `from` to `to` (inclusive; default today), of the customers the actor may view.',
    args: { from: t.arg.string(), to: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const from = dayArgument(args.from, 'from', ctx)
      const to = dayArgument(args.to, 'to', ctx)
      if (to < from) throw new GraphQLError('to must not be before from (结束日期不能早于开始日期)', { extensions: { code: 'BAD_USER_INPUT', field: 'to' } })
      // A reminder falls on or before its due date: only instalments due from `from` on can have one in the period.
      const contracts = await viewableSignedContracts(ctx, { dueDate: { gte: from } })
      return contracts.flatMap((contract) => {
        const positions = reconciliationOf(contract).instalments
        return reminderDates(scheduleFromRows(contract.amountFen, contract.instalments)).flatMap((reminder) => {
          const outstanding = positions.find((p) => p.number === reminder.instalmentNumber)?.outstanding ?? Money.ZERO
          if (reminder.remindOn < from || reminder.remindOn > to || !outstanding.isPositive()) return []
          return [{ customerId: contract.customer.id, customerName: contract.customer.name, contractId: contract.id, contractNumber: contract.number, reminder, outstanding }]
        })
      })
    },
  }),
}))

// — mutations —

const CreateContractInput = builder.inputType('CreateContractInput', {
  fields: (t) => ({
    customerId: t.string({ required: true }),
    number: t.string({ required: true, description: '合同编号, unique' }),
    title: t.string({ required: true }),
    amount: t.field({ type: 'Money', required: true, description: '合同金额, > 0' }),
    dueDates: t.stringList({ required: true, description: 'Due dates of the instalments (约定付款期), YYYY-MM-DD, strictly increasing.' }),
    ratios: t.stringList({ description: 'One positive weight per due date, e.g. ["0.3", "0.7"]; default equal instalments.' }),
  }),
})

const CreateContractPayload = builder.objectRef<{ contractId: string; verdict: ContractApprovalVerdict }>('CreateContractPayload').implement({
  fields: (t) => ({ approval: t.field({ type: ApprovalVerdictRef, resolve: (p) => p.verdict }) }),
})
builder.objectField(CreateContractPayload, 'contract', (t) =>
  t.prismaField({ type: ContractRef, resolve: (query, payload, _args, ctx) => ctx.prisma.contract.findUniqueOrThrow({ ...query, where: { id: payload.contractId } }) }),
)

/** Contracts that count towards the R-CON-1 cumulative amount: all but those refused or withdrawn. */
const COUNTED: Prisma.ContractWhereInput = { status: { notIn: ['rejected', 'withdrawn'] satisfies ContractStatus[] } }

builder.mutationField('createContract', (t) =>
  t.field({
    type: CreateContractPayload,
    description:
      "Creates a sales contract with its instalment schedule (R-CON-2, summing exactly to the amount). When the customer's cumulative amount reaches the threshold (R-CON-1), the contract approval procedure is submitted and the contract waits for it; otherwise it may be signed at once.",
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'CreateContractResult' } },
    args: { input: t.arg({ type: CreateContractInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!
      const issues = (['number', 'title'] as const)
        .filter((key) => input[key].trim() === '')
        .map((key) => ({ field: key, code: 'CONTRACT.REQUIRED', messageZh: `${key === 'number' ? '合同编号' : '合同名称'}不能为空`, messageEn: `${key} must not be blank` }))
      if (issues.length > 0) throw new InputRefusal(issues, 'R-CON-1')
      const schedule = inputFromCore('R-CON-2', () => instalmentSchedule({ amount: input.amount, dueDates: input.dueDates, ...(input.ratios == null ? {} : { ratios: input.ratios }) }))
      const contractId = `contract-${randomUUID()}`
      const number = input.number.trim()
      const verdict = await ctx.prisma.$transaction(async (tx) => {
        await requireCustomerAction(tx, actor, input.customerId, 'edit', ctx.now)
        if ((await tx.contract.count({ where: { number } })) > 0) {
          throw new InputRefusal([{ field: 'number', code: 'CONTRACT.DUPLICATE_NUMBER', messageZh: `合同编号 ${number} 已存在`, messageEn: `contract number ${number} is already taken` }], 'R-CON-1')
        }
        // R-CON-1: contracts not signed yet count at their creation, so that splitting a deal
        // into several contracts created together does not escape the procedure.
        const past = await tx.contract.findMany({ where: { customerId: input.customerId, ...COUNTED }, select: { amountFen: true, signedAt: true, createdAt: true } })
        const verdict = inputFromCore('R-CON-1', () =>
          contractNeedsApproval({ customerId: input.customerId, amount: schedule.total, signedAt: ctx.now }, past.map((c) => ({ amount: Money.fromFen(c.amountFen), signedAt: c.signedAt ?? c.createdAt }))),
        )
        let approvalRequestId: string | null = null
        if (verdict.needsApproval) {
          const request = inputFromCore('R-CON-1', () => submitApproval({ id: `apr-${randomUUID()}`, chain: defaultContractChain, subject: { kind: CONTRACT_SUBJECT, id: contractId }, submittedBy: actor, at: ctx.now }))
          const rows = approvalRequestToRow(request)
          await tx.approvalRequest.create({ data: rows.request })
          await tx.approvalEvent.createMany({ data: [...rows.events] })
          approvalRequestId = request.id
        }
        const status: ContractStatus = verdict.needsApproval ? 'pendingApproval' : 'draft'
        await tx.contract.create({ data: { id: contractId, customerId: input.customerId, number, title: input.title.trim(), amountFen: schedule.total.fen, status, approvalRequestId, createdById: actor.id, createdAt: ctx.now } })
        await tx.instalment.createMany({ data: instalmentRows(contractId, schedule) })
        await recordAction(tx, { actor, at: ctx.now, action: 'contract.create', subjectKind: 'customer', subjectId: input.customerId, details: { contractId, status, approvalRequestId, cumulativeAmount: verdict.cumulativeAmount.toString() } })
        return verdict
      })
      return { contractId, verdict }
    },
  }),
)

const SignContractPayload = builder.objectRef<{ contractId: string }>('SignContractPayload').implement({ fields: () => ({}) })
builder.objectField(SignContractPayload, 'contract', (t) =>
  t.prismaField({ type: ContractRef, resolve: (query, payload, _args, ctx) => ctx.prisma.contract.findUniqueOrThrow({ ...query, where: { id: payload.contractId } }) }),
)

builder.mutationField('signContract', (t) =>
  t.field({
    type: SignContractPayload,
    description: 'Signs a contract (签订合同) now: one below the R-CON-1 threshold, or one the contract approval procedure approved.',
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'SignContractResult' } },
    args: { contractId: t.arg.string({ required: true }) },
    resolve: async (_root, { contractId }, ctx) => {
      const actor = ctx.actor!
      await ctx.prisma.$transaction(async (tx) => {
        const contract = await tx.contract.findUnique({ where: { id: contractId }, select: { customerId: true, status: true } })
        if (contract === null) throw new NotFoundRefusal('contract', contractId)
        await requireCustomerAction(tx, actor, contract.customerId, 'edit', ctx.now)
        const refused = signingRefusal(contract.status)
        if (refused !== null) throw refused
        const signed = await tx.contract.updateMany({ where: { id: contractId, status: contract.status }, data: { status: 'signed' satisfies ContractStatus, signedAt: ctx.now } })
        if (signed.count !== 1) throw new ConflictRefusal('contract', contractId, 'R-CON-1')
        await recordAction(tx, { actor, at: ctx.now, action: 'contract.sign', subjectKind: 'customer', subjectId: contract.customerId, details: { contractId } })
      })
      return { contractId }
    },
  }),
)

const RecordPaymentInput = builder.inputType('RecordPaymentInput', {
  fields: (t) => ({
    contractId: t.string({ required: true }),
    amount: t.field({ type: 'Money', required: true, description: 'Amount received, > 0' }),
    receivedAt: t.field({ type: 'DateTime', description: 'When it was received (到账时间); default now. Not in the future.' }),
    reference: t.string({ description: '回款单号 / 银行回单' }),
  }),
})

const RecordPaymentPayload = builder.objectRef<{ paymentId: string; contractId: string; reconciliation: PaymentReconciliation }>('RecordPaymentPayload').implement({
  fields: (t) => ({ reconciliation: t.field({ type: ReconciliationRef, description: "The contract's reconciliation with this payment, and the ledger entries to post.", resolve: (p) => p.reconciliation }) }),
})
builder.objectFields(RecordPaymentPayload, (t) => ({
  payment: t.prismaField({ type: PaymentRef, resolve: (query, payload, _args, ctx) => ctx.prisma.payment.findUniqueOrThrow({ ...query, where: { id: payload.paymentId } }) }),
  contract: t.prismaField({ type: ContractRef, resolve: (query, payload, _args, ctx) => ctx.prisma.contract.findUniqueOrThrow({ ...query, where: { id: payload.contractId } }) }),
}))

builder.mutationField('recordPayment', (t) =>
  t.field({
    type: RecordPaymentPayload,
    description:
      "Records a payment against a signed contract and reconciles it (回款核对, R-CON-2): core applies every payment to the oldest instalment first and says what to post to the customer ledger; the contract closes once nothing is outstanding.",
    errors: { types: [...WORKFLOW_ERRORS], directResult: true, union: { name: 'RecordPaymentResult' } },
    args: { input: t.arg({ type: RecordPaymentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!
      const receivedAt = input.receivedAt ?? ctx.now
      if (receivedAt.getTime() > ctx.now.getTime()) {
        throw new InputRefusal([{ field: 'receivedAt', code: 'CONTRACT.IN_THE_FUTURE', messageZh: '到账时间不能晚于当前时间', messageEn: 'receivedAt must not be in the future' }], 'R-CON-2')
      }
      const paymentId = `payment-${randomUUID()}`
      const reconciliation = await ctx.prisma.$transaction(async (tx) => {
        const contract = await tx.contract.findUnique({ where: { id: input.contractId }, include: SCHEDULE_SELECT })
        if (contract === null) throw new NotFoundRefusal('contract', input.contractId)
        await requireCustomerAction(tx, actor, contract.customerId, 'edit', ctx.now)
        const refused = paymentRefusal(contract.status)
        if (refused !== null) throw refused
        const payment = { id: paymentId, amountFen: inputFromCore('R-CON-2', () => Money.of(input.amount, 'amount').fen), receivedAt, createdAt: ctx.now }
        const reconciliation = inputFromCore('R-CON-2', () =>
          reconcilePayments(scheduleFromRows(contract.amountFen, contract.instalments), paymentsFromRows(inPaymentOrder([...contract.payments, payment]))),
        )
        const instalmentIds = new Map(contract.instalments.map((i) => [i.number, i.id]))
        const settles = paymentInstalments(reconciliation)
        const instalmentOf = (id: string): string | null => {
          const number = settles.get(id)
          return number == null ? null : (instalmentIds.get(number) ?? null)
        }
        await tx.payment.create({ data: { ...payment, contractId: contract.id, instalmentId: instalmentOf(paymentId), reference: input.reference?.trim() || null } })
        // A payment dated before earlier ones moves what they settle (oldest instalment first).
        for (const earlier of contract.payments) {
          const instalmentId = instalmentOf(earlier.id)
          if (instalmentId !== earlier.instalmentId) await tx.payment.update({ where: { id: earlier.id }, data: { instalmentId } })
        }
        const status: ContractStatus = reconciliation.outstanding.isZero() ? 'closed' : 'signed'
        const moved = await tx.contract.updateMany({ where: { id: contract.id, status: contract.status }, data: { status } })
        if (moved.count !== 1) throw new ConflictRefusal('contract', contract.id, 'R-CON-2')
        await recordAction(tx, {
          actor,
          at: ctx.now,
          action: 'contract.payment',
          subjectKind: 'customer',
          subjectId: contract.customerId,
          details: { contractId: contract.id, paymentId, amount: Money.fromFen(payment.amountFen).toString(), status: reconciliation.status },
        })
        return reconciliation
      })
      return { paymentId, contractId: input.contractId, reconciliation }
    },
  }),
)
