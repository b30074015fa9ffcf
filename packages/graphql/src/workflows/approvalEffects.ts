import type { ApprovalRequest, Staff } from '@kehu/core'

import type { Prisma } from '../generated/prisma/client.js'

/**
 * What a decided approval does to its subject (a customer's lifecycle, a contract, a visit plan,
 * an expense claim…), run in the same transaction as the decision: when it throws, the decision
 * is not written either. Each area registers the effect of its own subject kind.
 */
export type ApprovalEffect = (tx: Prisma.TransactionClient, event: { readonly request: ApprovalRequest; readonly previous: ApprovalRequest; readonly actor: Staff; readonly at: Date }) => Promise<void>

const effects = new Map<string, ApprovalEffect>()

/** Registers the effect of decisions on requests whose subject is of `subjectKind`. */
export function registerApprovalEffect(subjectKind: string, effect: ApprovalEffect): void {
  if (effects.has(subjectKind)) throw new Error(`an approval effect for ${subjectKind} is already registered`)
  effects.set(subjectKind, effect)
}

/** Runs the registered effect of `request`'s subject kind, if any (none: the decision stands alone). */
export async function applyApprovalEffect(tx: Prisma.TransactionClient, event: Parameters<ApprovalEffect>[1]): Promise<void> {
  await effects.get(event.request.subject.kind)?.(tx, event)
}
