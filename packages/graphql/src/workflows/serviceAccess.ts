import { decideAccess, defaultServicePolicy, type Staff } from '@kehu/core'

import { ACCESS_SELECT, customerRecordRef, viewableCustomersWhere } from '../access/customerAccess.js'
import type { Prisma, PrismaClient } from '../generated/prisma/client.js'
import { AccessDeniedRefusal, NotFoundRefusal } from '../refusals.js'

type Tx = Prisma.TransactionClient | PrismaClient

/** The team of the after-sales service department (售后服务部). */
export const SERVICE_DEPARTMENT_TEAM_ID = 'team-service'

/**
 * What an actor may do with repair tickets (叫修单):
 * - `view` — read the ticket;
 * - `register` — register a repair call for a customer (叫修登记);
 * - `work` — move a ticket through its states (dispatch, arrival, workshop, repair, completion, closing);
 * - `charge` — record the charge of paid service (开票收费).
 */
export type ServiceTicketAction = 'view' | 'register' | 'work' | 'charge'

/**
 * Whether `actor` belongs to the after-sales service department: the service supervisor role
 * (服务主任, R-SVC-5's `supervisorRole`) or a member of {@link SERVICE_DEPARTMENT_TEAM_ID}.
 */
export function isServiceDepartment(actor: Staff): boolean {
  return actor.active && (actor.roles.includes(defaultServicePolicy.supervisorRole) || actor.teamId === SERVICE_DEPARTMENT_TEAM_ID)
}

/**
 * The access rule of repair tickets, in one place. A ticket belongs to its customer, so R-ACC-1
 * applies through the customer; the service department handles every call, so it is added:
 *
 * | action     | service department | finance                        | anyone else                                        |
 * |------------|--------------------|--------------------------------|----------------------------------------------------|
 * | `view`     | every ticket       | every ticket (it charges them) | tickets of customers they may view (R-ACC-1)       |
 * | `register` | any customer       | as anyone else                 | customers they may edit (R-ACC-1: owner, manager…) |
 * | `work`     | every ticket       | no                             | no (派工、到场、修理、完工、结案 are the department's)   |
 * | `charge`   | every ticket       | every ticket (会计员开票, R-SVC-2) | no                                                 |
 *
 * Staff who have left may do nothing. `customerAllowed` is core's R-ACC-1 decision
 * (`decideAccess`) on the ticket's customer: `view` for `view`, `edit` for the other actions.
 */
export function serviceTicketPermission(actor: Staff, action: ServiceTicketAction, customerAllowed: boolean): boolean {
  if (!actor.active) return false
  if (isServiceDepartment(actor)) return true
  const finance = actor.roles.includes('finance')
  switch (action) {
    case 'view':
      return finance || customerAllowed
    case 'register':
      return customerAllowed
    case 'work':
      return false
    case 'charge':
      return finance
  }
}

/** The SQL filter of the tickets `actor` may view ({@link serviceTicketPermission} `view`). */
export function viewableServiceTicketsWhere(actor: Staff): Prisma.ServiceTicketWhereInput {
  if (!actor.active) return { id: { in: [] } }
  if (isServiceDepartment(actor) || actor.roles.includes('finance')) return {}
  return { customer: viewableCustomersWhere(actor) }
}

const CUSTOMER_ACTION = { view: 'view', register: 'edit', work: 'edit', charge: 'edit' } as const

/**
 * Checks {@link serviceTicketPermission} for `action` on customer `customerId`'s tickets, inside
 * the caller's transaction. Throws {@link NotFoundRefusal} for an unknown customer and
 * {@link AccessDeniedRefusal} (R-ACC-1) when the rule does not allow it.
 */
export async function requireServiceTicketAction(tx: Tx, actor: Staff, customerId: string, action: ServiceTicketAction, at: Date): Promise<void> {
  const row = await tx.customer.findUnique({ where: { id: customerId }, select: ACCESS_SELECT })
  if (row === null) throw new NotFoundRefusal('customer', customerId)
  const decision = decideAccess({ actor, action: CUSTOMER_ACTION[action], record: customerRecordRef(row), at })
  if (serviceTicketPermission(actor, action, decision.allowed)) return
  if ((action === 'view' || action === 'register') && !decision.allowed) {
    throw new AccessDeniedRefusal(decision.reason.code, decision.reason.messageZh, decision.reason.messageEn, decision.reason.ruleId)
  }
  throw new AccessDeniedRefusal(
    'SERVICE.DEPARTMENT_ONLY',
    action === 'charge' ? '只有售后服务部或财务部可以登记收费' : '只有售后服务部可以处理叫修单（派工、到场、修理、完工、结案）',
    action === 'charge' ? 'only the after-sales service department or finance may record a charge' : 'only the after-sales service department works repair tickets (dispatch, arrival, repair, completion, closing)',
  )
}
