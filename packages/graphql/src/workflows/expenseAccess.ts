import { defaultAccessPolicy, type Staff } from '@kehu/core'

import type { Prisma } from '../generated/prisma/client.js'

/** What an actor may do with an expense claim (报销单). */
export type ExpenseClaimAction = 'view' | 'edit' | 'pay'

/** The claimant as far as access is concerned. */
export interface ClaimantRef {
  readonly id: string
  readonly teamId: string | null
}

/** Finance (财务部) reviews and pays every claim. */
const FINANCE_ROLES = ['finance'] as const

const holds = (actor: Staff, roles: readonly string[]): boolean => actor.roles.some((role) => roles.includes(role))

/**
 * The access rule of expense claims, in one place. A claim belongs to a person, not a customer,
 * so R-ACC-1's roles apply to the person:
 *
 * | action | who                                                                                      |
 * |--------|------------------------------------------------------------------------------------------|
 * | `view` | the claimant; the manager of the claimant's team (R-ACC-1 经理, R-EXP-1/5/6 signatures);  |
 * |        | finance (R-EXP review and payment); directors and the general manager (company-wide)     |
 * | `edit` | the claimant only (files and submits their own claim, R-EXP-2)                           |
 * | `pay`  | finance only (财务报销)                                                                    |
 *
 * Staff who have left may do nothing.
 */
export function expenseClaimPermission(actor: Staff, action: ExpenseClaimAction, claimant: ClaimantRef): boolean {
  if (!actor.active) return false
  switch (action) {
    case 'view':
      return (
        actor.id === claimant.id ||
        holds(actor, FINANCE_ROLES) ||
        holds(actor, defaultAccessPolicy.companyWideRoles) ||
        (holds(actor, defaultAccessPolicy.teamManagerRoles) && actor.teamId !== undefined && actor.teamId === claimant.teamId)
      )
    case 'edit':
      return actor.id === claimant.id
    case 'pay':
      return holds(actor, FINANCE_ROLES)
  }
}

/** The SQL filter of the claims `actor` may view ({@link expenseClaimPermission} `view`). */
export function viewableExpenseClaimsWhere(actor: Staff): Prisma.ExpenseClaimWhereInput {
  if (!actor.active) return { id: { in: [] } }
  if (holds(actor, FINANCE_ROLES) || holds(actor, defaultAccessPolicy.companyWideRoles)) return {}
  const any: Prisma.ExpenseClaimWhereInput[] = [{ claimantId: actor.id }]
  if (holds(actor, defaultAccessPolicy.teamManagerRoles) && actor.teamId !== undefined) any.push({ claimant: { teamId: actor.teamId } })
  return { OR: any }
}
