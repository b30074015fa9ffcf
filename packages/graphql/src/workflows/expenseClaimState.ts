import {
  checkExpenseClaim,
  createWorkingCalendar,
  type ExpenseCheckResult,
  type ExpenseClaimInput,
  type ExpenseItemInput,
  type ExpenseItemKind,
  ExpenseViolationCode,
  Money,
  type PastExpenseClaim,
  type WorkingCalendar,
} from '@kehu/core'

import { type ExpenseClaim as ClaimRow, type ExpenseInvoice as InvoiceRow, type ExpenseItem as ItemRow, Prisma, type PrismaClient } from '../generated/prisma/client.js'
import { asInputRefusal } from './serviceTicketState.js'

type Tx = Prisma.TransactionClient | PrismaClient

/** The working calendar (R-CAL) the R-EXP-2 filing deadline is counted on. */
export const expenseCalendar: WorkingCalendar = createWorkingCalendar()

/** A stored claim with its items and their invoices. */
export type StoredClaim = ClaimRow & { readonly items: readonly (ItemRow & { readonly invoice: InvoiceRow | null })[] }

/** The include that loads a {@link StoredClaim}. */
export const CLAIM_INCLUDE = { items: { include: { invoice: true }, orderBy: { itemKey: 'asc' } } } as const satisfies Prisma.ExpenseClaimInclude

/**
 * Claims whose invoices and phone costs count as already claimed (R-EXP-3 重复报销, R-EXP-6):
 * filed ones. A draft was never claimed; a rejected claim was not reimbursed.
 */
export const CLAIMED_STATUSES = ['submitted', 'approved', 'paid'] as const

/**
 * Violations that stop a submission (typed error, nothing written): a trip without an approved
 * trip application (R-EXP-1 出差须先经批准) and an invoice claimed twice (R-EXP-3 重复报销). Every
 * other finding is recorded on the claim, withholds what core says, and is left to the reviewer.
 */
export const BLOCKING_VIOLATION_CODES: readonly string[] = Object.freeze([
  ExpenseViolationCode.TRIP_APPROVAL_MISSING,
  ExpenseViolationCode.TRIP_NOT_APPROVED,
  ExpenseViolationCode.DUPLICATE_INVOICE_IN_CLAIM,
  ExpenseViolationCode.DUPLICATE_INVOICE_IN_HISTORY,
])

/** Invoice numbers as core compares them (whitespace removed, upper-cased), as stored for the index. */
export function normalisedInvoiceText(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase()
}

type Details = Record<string, unknown>
const detailsOf = (item: ItemRow): Details => (item.details !== null && typeof item.details === 'object' && !Array.isArray(item.details) ? (item.details as Details) : {})

/** The approval request ids a stored claim refers to: the trip application and the items' forms. */
function approvalIdsOf(claim: StoredClaim): string[] {
  const ids = claim.items.flatMap((item) => {
    const key = ITEM_APPROVAL_DETAILS_KEY[item.kind as ExpenseItemKind]
    const id = key === undefined ? undefined : detailsOf(item)[key]
    return typeof id === 'string' ? [id] : []
  })
  return claim.tripApprovalRequestId === null ? ids : [claim.tripApprovalRequestId, ...ids]
}

/** Where an item keeps the id of the approval request it needs: R-EXP-5 expense form, R-EXP-6 above-allowance approval. */
export const ITEM_APPROVAL_DETAILS_KEY: Readonly<Partial<Record<ExpenseItemKind, 'expenseFormRequestId' | 'aboveAllowanceRequestId'>>> = Object.freeze({
  entertainment: 'expenseFormRequestId',
  phone: 'aboveAllowanceRequestId',
})

/** One item of a new claim as entered (amounts as yuan text). */
export interface DraftItemInput {
  readonly itemId?: string | null | undefined
  readonly kind: ExpenseItemKind
  readonly amount: string
  readonly invoiceNumber?: string | null | undefined
  readonly invoiceCode?: string | null | undefined
  readonly fareCategory?: string | null | undefined
  readonly mode?: string | null | undefined
  readonly category?: string | null | undefined
  readonly receiptAmount?: string | null | undefined
  readonly month?: string | null | undefined
  readonly approvalRequestId?: string | null | undefined
}

/** A new claim as entered. */
export interface DraftClaimInput {
  readonly trip?: { readonly startDay: string; readonly endDay: string; readonly departureAt?: Date | null | undefined } | null | undefined
  readonly tripApprovalRequestId?: string | null | undefined
  readonly items: readonly DraftItemInput[]
}

/**
 * The rows of a new draft claim (not yet written): items keyed `item-1`, `item-2` … unless named,
 * kind-specific fields in `details`, invoice numbers as core compares them. Nothing is validated
 * here: core checks the claim read back from these rows.
 */
export function draftClaim(id: string, claimantId: string, input: DraftClaimInput, now: Date): StoredClaim {
  const items = input.items.map((item, index) => {
    const itemId = `${id}-item-${index + 1}`
    const details: Record<string, string> = {}
    for (const key of ['fareCategory', 'mode', 'category', 'receiptAmount', 'month'] as const) {
      const value = item[key]
      if (value != null) details[key] = value
    }
    const approvalKey = ITEM_APPROVAL_DETAILS_KEY[item.kind]
    if (item.approvalRequestId != null && approvalKey !== undefined) details[approvalKey] = item.approvalRequestId
    const invoice: InvoiceRow | null =
      item.invoiceNumber == null
        ? null
        : { id: `${itemId}-invoice`, claimId: id, itemId, code: item.invoiceCode == null ? null : normalisedInvoiceText(item.invoiceCode), number: normalisedInvoiceText(item.invoiceNumber) }
    return { id: itemId, claimId: id, itemKey: item.itemId ?? `item-${index + 1}`, kind: item.kind, amountFen: Money.of(item.amount, `claim.items[${index}].amount`).fen, details, invoice }
  })
  return {
    id,
    claimantId,
    status: 'draft',
    submittedAt: null,
    tripStartDay: input.trip?.startDay ?? null,
    tripEndDay: input.trip?.endDay ?? null,
    tripDepartureAt: input.trip?.departureAt ?? null,
    tripApprovalRequestId: input.tripApprovalRequestId ?? null,
    totalFen: items.reduce((sum, item) => sum + item.amountFen, 0n),
    violations: null,
    createdAt: now,
    updatedAt: now,
    items,
  }
}

type Evidence = { readonly status: 'pending' | 'approved' | 'rejected' | 'withdrawn'; readonly decidedAt?: Date }

/**
 * A stored claim as core's {@link ExpenseClaimInput} filed at `filedAt`. The trip application is
 * attached (R-EXP-2) when the claim refers to its approval request (the gateway keeps the
 * application as that request); approvals are given as their status and decision time.
 */
export function claimInputFromRows(claim: StoredClaim, filedAt: Date, approvals: ReadonlyMap<string, Evidence>): ExpenseClaimInput {
  const evidence = (id: unknown) => (typeof id === 'string' ? approvals.get(id) : undefined)
  const items = claim.items.map((item): ExpenseItemInput => {
    const details = detailsOf(item)
    const base = {
      id: item.itemKey,
      amount: Money.fromFen(item.amountFen),
      ...(item.invoice === null ? {} : { invoice: { number: item.invoice.number, ...(item.invoice.code === null ? {} : { code: item.invoice.code }) } }),
    }
    switch (item.kind) {
      case 'fare':
        return { ...base, kind: 'fare', fareCategory: details['fareCategory'] as string }
      case 'localTransport':
        return { ...base, kind: 'localTransport', mode: details['mode'] as never }
      case 'sundry':
        return { ...base, kind: 'sundry', category: details['category'] as string, receiptAmount: details['receiptAmount'] as string }
      case 'entertainment': {
        const form = evidence(details[ITEM_APPROVAL_DETAILS_KEY.entertainment!])
        return { ...base, kind: 'entertainment', ...(form === undefined ? {} : { expenseForm: form }) }
      }
      case 'phone': {
        const approval = evidence(details[ITEM_APPROVAL_DETAILS_KEY.phone!])
        return { ...base, kind: 'phone', month: details['month'] as string, ...(approval === undefined ? {} : { aboveAllowanceApproval: approval }) }
      }
      default:
        return { ...base, kind: item.kind as 'lodging' }
    }
  })
  const trip =
    claim.tripStartDay === null || claim.tripEndDay === null
      ? undefined
      : { startDay: claim.tripStartDay, endDay: claim.tripEndDay, ...(claim.tripDepartureAt === null ? {} : { departureAt: claim.tripDepartureAt }) }
  const tripApproval = evidence(claim.tripApprovalRequestId)
  return {
    id: claim.id,
    claimantId: claim.claimantId,
    filedAt,
    ...(trip === undefined ? {} : { trip, tripApplicationAttached: claim.tripApprovalRequestId !== null }),
    ...(tripApproval === undefined ? {} : { tripApproval }),
    items,
  }
}

/**
 * The past claims core needs for `claim` filed at `filedAt` (R-EXP-3, R-EXP-6): other filed claims
 * holding one of its invoice numbers — found through the index on `ExpenseInvoice.number` — and
 * the claimant's other phone costs. A filed claim's past is what was filed before it; for a draft
 * every filed claim is past. One joined query each, as the list of claims checks every row.
 */
export async function pastClaimsOf(tx: Tx, claim: StoredClaim, filedAt: Date): Promise<PastExpenseClaim[]> {
  const numbers = [...new Set(claim.items.flatMap((item) => (item.invoice === null ? [] : [item.invoice.number])))]
  const claimed = Prisma.join([...CLAIMED_STATUSES])
  const [invoices, phones] = await Promise.all([
    numbers.length === 0
      ? []
      : tx.$queryRaw<PastRow[]>`SELECT i."claimId" AS "claimId", c."claimantId" AS "claimantId", c."submittedAt" AS "submittedAt", i."code" AS "code", i."number" AS "number", t."kind" AS "kind", t."amountFen" AS "amountFen", NULL AS "details"
          FROM "ExpenseInvoice" i JOIN "ExpenseItem" t ON t."id" = i."itemId" JOIN "ExpenseClaim" c ON c."id" = i."claimId"
          WHERE i."number" IN (${Prisma.join(numbers)}) AND c."id" <> ${claim.id} AND c."status" IN (${claimed})`,
    claim.items.some((item) => item.kind === 'phone')
      ? tx.$queryRaw<PastRow[]>`SELECT t."claimId" AS "claimId", c."claimantId" AS "claimantId", c."submittedAt" AS "submittedAt", NULL AS "code", NULL AS "number", t."kind" AS "kind", t."amountFen" AS "amountFen", t."details" AS "details"
          FROM "ExpenseItem" t JOIN "ExpenseClaim" c ON c."id" = t."claimId"
          WHERE t."kind" = 'phone' AND c."claimantId" = ${claim.claimantId} AND c."id" <> ${claim.id} AND c."status" IN (${claimed})`
      : [],
  ])
  const isPast = (row: PastRow): boolean => {
    if (row.submittedAt === null) return false
    return claim.status === 'draft' || new Date(row.submittedAt).getTime() < filedAt.getTime()
  }
  const byClaim = new Map<string, { id: string; claimantId: string; items: PastExpenseClaim['items'][number][] }>()
  const entry = (row: PastRow) => {
    let past = byClaim.get(row.claimId)
    if (past === undefined) byClaim.set(row.claimId, (past = { id: row.claimId, claimantId: row.claimantId, items: [] }))
    return past
  }
  for (const row of invoices.filter(isPast)) {
    entry(row).items.push({ kind: row.kind as ExpenseItemKind, amount: Money.fromFen(BigInt(row.amountFen)), invoice: { number: row.number!, ...(row.code === null ? {} : { code: row.code }) } })
  }
  for (const row of phones.filter(isPast)) {
    const details: unknown = typeof row.details === 'string' ? JSON.parse(row.details) : row.details
    const month = details !== null && typeof details === 'object' ? (details as Details)['month'] : undefined
    if (typeof month === 'string') entry(row).items.push({ kind: 'phone', amount: Money.fromFen(BigInt(row.amountFen)), month })
  }
  return [...byClaim.values()]
}

/** A row of {@link pastClaimsOf}'s queries. */
interface PastRow {
  readonly claimId: string
  readonly claimantId: string
  readonly submittedAt: Date | string | null
  readonly code: string | null
  readonly number: string | null
  readonly kind: string
  readonly amountFen: bigint | number
  readonly details: unknown
}

/**
 * Core's check of a stored claim (R-EXP-1..7), every violation at once: filed at its
 * `submittedAt`, or — for a draft — as if filed at `now`. A malformed stored claim is reported
 * as core's input error turned into an InputRefusal.
 */
export async function checkStoredClaim(tx: Tx, claim: StoredClaim, now: Date): Promise<ExpenseCheckResult> {
  const filedAt = claim.submittedAt ?? now
  const ids = approvalIdsOf(claim)
  const rows = ids.length === 0 ? [] : await tx.approvalRequest.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, decidedAt: true } })
  const approvals = new Map(rows.map((row) => [row.id, { status: row.status as Evidence['status'], ...(row.decidedAt === null ? {} : { decidedAt: row.decidedAt }) }]))
  const history = await pastClaimsOf(tx, claim, filedAt)
  try {
    return checkExpenseClaim(claimInputFromRows(claim, filedAt, approvals), { history }, expenseCalendar)
  } catch (error) {
    throw asInputRefusal(error, 'R-EXP-7')
  }
}

/** Violations as stored in the claim's `violations` JSON column. */
export function violationsJson(result: ExpenseCheckResult): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(result.violations)) as Prisma.InputJsonValue
}
