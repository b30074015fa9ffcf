import { randomUUID } from 'node:crypto'

import { type CustomerLifecycle, type LifecycleContext, type LifecycleEffect, type LifecycleEvent, type Staff, transitionCustomer } from '@kehu/core'

import { recordAction, requireCustomerAction } from '../access/customerAccess.js'
import { Prisma, type PrismaClient } from '../generated/prisma/client.js'
import { ConflictRefusal, RuleRefusal } from '../refusals.js'
import { withCoreInput } from './approvalCoreInput.js'
import { LIFECYCLE_SELECT, lifecycleFromRow, type LifecycleRow, lifecycleToRow } from './lifecycleState.js'

type Tx = Prisma.TransactionClient

/** What a lifecycle mutation prepares once the customer's current state is read. */
export interface PreparedTransition {
  readonly event: LifecycleEvent
  /** Facts from outside the customer row (the linked approval, the codes in use); `at` is added. */
  readonly context?: Omit<LifecycleContext, 'at'>
  /** Rows to write besides the customer when core accepts (e.g. the new approval request). */
  readonly write?: (tx: Tx) => Promise<void>
}

/** The outcome of a lifecycle transition: the state before and after, and core's effects. */
export interface TransitionOutcome {
  readonly previous: CustomerLifecycle
  readonly state: CustomerLifecycle
  readonly effects: readonly LifecycleEffect[]
}

/** Reads a customer's lifecycle row (with the columns a conditioned write compares). */
export async function readLifecycleRow(tx: Tx, customerId: string): Promise<LifecycleRow | null> {
  return tx.customer.findUnique({ where: { id: customerId }, select: LIFECYCLE_SELECT })
}

/**
 * Runs one lifecycle event (R-LIF-1..5) on a customer for `actor`, in one transaction: R-ACC-1
 * `edit` on the customer, the row mapped to core's state, `prepare` (event and context), core's
 * `transitionCustomer`, then the writes — the customer's lifecycle columns (conditioned on the
 * state read), what `prepare` adds, a timeline entry for what the customer sees (the agreement,
 * the signing) and the audit row `customer.lifecycle.<event>`. A refusal by core is thrown as
 * {@link RuleRefusal} carrying the guard; nothing is written then.
 */
export async function runLifecycleTransition(
  prisma: PrismaClient,
  input: { readonly actor: Staff; readonly at: Date; readonly customerId: string; readonly prepare: (tx: Tx, state: CustomerLifecycle) => Promise<PreparedTransition> },
): Promise<TransitionOutcome> {
  const { actor, at, customerId } = input
  return prisma.$transaction(async (tx) => {
    await requireCustomerAction(tx, actor, customerId, 'edit', at)
    const row = await readLifecycleRow(tx, customerId)
    if (row === null) throw new ConflictRefusal('customer', customerId, 'R-LIF-1')
    const previous = lifecycleFromRow(row)
    const prepared = await input.prepare(tx, previous)
    const result = withCoreInput('R-LIF-1', () => transitionCustomer(previous, prepared.event, { ...prepared.context, at }))
    if (!result.ok) throw new RuleRefusal(result.refusal)
    await prepared.write?.(tx)
    await writeLifecycle(tx, row, result.state)
    await recordTimeline(tx, actor, at, result.state, result.effects)
    await recordAction(tx, {
      actor,
      at,
      action: `customer.lifecycle.${prepared.event.type}`,
      subjectKind: 'customer',
      subjectId: customerId,
      details: { from: previous.stage, to: result.state.stage, effects: JSON.parse(JSON.stringify(result.effects)) as Prisma.InputJsonValue },
    })
    return { previous, state: result.state, effects: result.effects }
  })
}

/**
 * Writes core's new lifecycle state onto the customer row, conditioned on the stage and stage
 * time that were read: when another transition was stored in between, nothing matches and the
 * write is refused as a {@link ConflictRefusal}. A customer code taken in between (the column is
 * unique, R-LIF-4) is a conflict too.
 */
export async function writeLifecycle(tx: Tx, read: LifecycleRow, state: CustomerLifecycle): Promise<void> {
  let count: number
  try {
    ;({ count } = await tx.customer.updateMany({ where: { id: read.id, stage: read.stage, stageUpdatedAt: read.stageUpdatedAt }, data: lifecycleToRow(state) }))
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new ConflictRefusal('customer', read.id, 'R-LIF-4')
    throw error
  }
  if (count !== 1) throw new ConflictRefusal('customer', read.id, 'R-LIF-1')
}

/** The timeline (往来记录, R-ARC-6) keeps what passed between us and the customer: the agreement sent, the contracts signed. */
async function recordTimeline(tx: Tx, actor: Staff, at: Date, state: CustomerLifecycle, effects: readonly LifecycleEffect[]): Promise<void> {
  for (const effect of effects) {
    const code = state.customerCode ?? ''
    const entry =
      effect.type === 'agreementSent'
        ? { kind: 'letter', summary: '代理协议已发给客户 (agency agreement sent, R-LIF-4)' }
        : effect.type === 'stageChanged' && effect.to === 'signed'
          ? { kind: 'other', summary: `签订供货合同与质量保证合同，新客代码 ${code} (supply and quality-assurance contracts signed, customer code ${code}, R-LIF-4)` }
          : undefined
    if (entry === undefined) continue
    await tx.timelineEvent.create({
      data: { id: `${state.customerId}-event-${randomUUID()}`, customerId: state.customerId, kind: entry.kind, at, summary: entry.summary, actorId: actor.id, details: JSON.parse(JSON.stringify(effect)) as Prisma.InputJsonValue },
    })
  }
}
