import { Money } from '../money/money.js'
import type { ReadClaim, ReadItem, ReadPastClaim } from './claim.js'
import type { ExpensePolicy } from './policy.js'
import { ticketSerial } from './ticketNumbers.js'
import { ExpenseViolationCode as V, type Finding, itemFinding } from './violation.js'

const invoiceKey = (invoice: { readonly code: string; readonly number: string }): string => `${invoice.code}|${invoice.number}`

/**
 * R-EXP-2 every item carries its invoice (local transport tickets are checked by R-EXP-4 instead).
 * The whole item is withheld.
 * @internal
 */
export function checkInvoicesAttached(claim: ReadClaim): Finding[] {
  return claim.items
    .filter((item) => item.invoice === undefined && item.kind !== 'localTransport')
    .map((item) => itemFinding(item, item.amount, V.INVOICE_MISSING, 'R-EXP-2', `${item.field}.invoice`, '未附发票', 'No invoice attached'))
}

/**
 * R-EXP-3 the same invoice claimed twice: every occurrence after the first within the claim, and
 * every item whose invoice is in a past claim (past claims with this claim's id are the claim
 * itself and are skipped). The whole item is withheld.
 * @internal
 */
export function checkDuplicateInvoices(claim: ReadClaim, history: readonly ReadPastClaim[]): Finding[] {
  const findings: Finding[] = []
  const firstByKey = new Map<string, ReadItem>()
  const pastByKey = new Map<string, string>()
  for (const past of history) {
    if (past.id === claim.id) continue
    for (const item of past.items) {
      if (item.invoice !== undefined && !pastByKey.has(invoiceKey(item.invoice))) pastByKey.set(invoiceKey(item.invoice), past.id)
    }
  }
  for (const item of claim.items) {
    if (item.invoice === undefined) continue
    const key = invoiceKey(item.invoice)
    const first = firstByKey.get(key)
    const number = item.invoice.number
    if (first === undefined) firstByKey.set(key, item)
    else {
      findings.push(
        itemFinding(item, item.amount, V.DUPLICATE_INVOICE_IN_CLAIM, 'R-EXP-3', `${item.field}.invoice`, `发票 ${number} 在本报销单中重复（已见于 ${first.field}）`, `Invoice ${number} appears twice in this claim (also at ${first.field})`, {
          invoiceNumber: number,
          firstItemId: first.id,
        }),
      )
    }
    const pastClaimId = pastByKey.get(key)
    if (pastClaimId !== undefined) {
      findings.push(
        itemFinding(item, item.amount, V.DUPLICATE_INVOICE_IN_HISTORY, 'R-EXP-3', `${item.field}.invoice`, `发票 ${number} 已在报销单 ${pastClaimId} 中报销`, `Invoice ${number} was already claimed in claim ${pastClaimId}`, {
          invoiceNumber: number,
          pastClaimId,
        }),
      )
    }
  }
  return findings
}

/**
 * R-EXP-3 车票连号 within the claim, over the item kinds of `policy.consecutiveNumberKinds`: each
 * item whose ticket number is one above another item's is flagged (nothing withheld: it is a
 * sign of a false journey for the reviewer, not proof).
 * @internal
 */
export function checkConsecutiveNumbers(claim: ReadClaim, policy: ExpensePolicy): Finding[] {
  const groups = new Map<string, Map<bigint, ReadItem[]>>()
  const serials: { item: ReadItem; group: string; serial: bigint }[] = []
  for (const item of claim.items) {
    if (item.invoice === undefined || !policy.consecutiveNumberKinds.includes(item.kind)) continue
    const serial = ticketSerial(item.invoice.code, item.invoice.number)
    if (serial === undefined) continue
    const group = `${serial.code}|${serial.prefix}|${serial.width}`
    const bySerial = groups.get(group) ?? new Map<bigint, ReadItem[]>()
    groups.set(group, bySerial)
    bySerial.set(serial.serial, [...(bySerial.get(serial.serial) ?? []), item])
    serials.push({ item, group, serial: serial.serial })
  }
  const findings: Finding[] = []
  for (const { item, group, serial } of serials) {
    const previous = groups.get(group)?.get(serial - 1n)?.[0]
    if (previous === undefined || previous.invoice === undefined || item.invoice === undefined) continue
    findings.push(
      itemFinding(
        item,
        Money.ZERO,
        V.CONSECUTIVE_TICKET_NUMBERS,
        'R-EXP-3',
        `${item.field}.invoice.number`,
        `车票连号：${previous.invoice.number} 与 ${item.invoice.number}`,
        `Consecutive ticket numbers: ${previous.invoice.number} and ${item.invoice.number}`,
        { otherItemId: previous.id, numbers: [previous.invoice.number, item.invoice.number] },
      ),
    )
  }
  return findings
}
