import { defaultAccessPolicy, type Staff } from '@kehu/core'

import type { Prisma } from '../generated/prisma/client.js'

/** Why an actor may see a person's commission statements (查看依据). */
export type CommissionAccessBasis = 'self' | 'teamManager' | 'finance' | 'companyWide'

/** What an actor may do with commission statements (提成结算单). */
export type CommissionAction = 'view' | 'compute'

/** The person a statement belongs to, as the access rule needs them. */
export interface StatementHolder {
  readonly id: string
  readonly teamId: string | null
}

/**
 * R-ACC-1 for commission statements, in one place. A statement belongs to a person rather than
 * to a customer, so the customer table of R-ACC-1 does not apply; the same roles do:
 *
 * | actor                                   | `view`             | `compute`  |
 * |-----------------------------------------|--------------------|------------|
 * | the person (本人)                        | own statements     | no         |
 * | a manager of the person's team (经理)     | the team's         | no         |
 * | finance (财务部)                          | everyone's         | everyone's |
 * | director, general manager (总监, 总经理)   | everyone's         | everyone's |
 * | anyone else, or anyone who has left      | no                 | no         |
 *
 * Computing pays money out, so it stays with finance and the company-wide roles; the person and
 * their manager read the result.
 *
 * @returns the basis of the permission, or `null` when it is denied
 */
export function commissionPermission(actor: Staff, action: CommissionAction, holder: StatementHolder): CommissionAccessBasis | null {
  if (!actor.active) return null
  const holds = (roles: readonly string[]): boolean => actor.roles.some((role) => roles.includes(role))
  if (holds(defaultAccessPolicy.companyWideRoles)) return 'companyWide'
  if (actor.roles.includes('finance')) return 'finance'
  if (action === 'compute') return null
  if (actor.id === holder.id) return 'self'
  if (holds(defaultAccessPolicy.teamManagerRoles) && actor.teamId !== undefined && holder.teamId !== null && actor.teamId === holder.teamId) return 'teamManager'
  return null
}

/** The SQL filter of the statements `actor` may view ({@link commissionPermission} `view`). */
export function viewableStatementsWhere(actor: Staff): Prisma.CommissionStatementWhereInput {
  if (!actor.active) return { id: { in: [] } }
  const holds = (roles: readonly string[]): boolean => actor.roles.some((role) => roles.includes(role))
  if (holds(defaultAccessPolicy.companyWideRoles) || actor.roles.includes('finance')) return {}
  const any: Prisma.CommissionStatementWhereInput[] = [{ staffId: actor.id }]
  if (holds(defaultAccessPolicy.teamManagerRoles) && actor.teamId !== undefined) any.push({ staff: { teamId: actor.teamId } })
  return { OR: any }
}
