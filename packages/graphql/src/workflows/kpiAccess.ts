import { defaultAccessPolicy, type Staff } from '@kehu/core'

/** Why an actor may see a team's KPI scorecard (查看依据). */
export type KpiAccessBasis = 'teamManager' | 'companyWide'

/** The team a scorecard is for, as the access rule needs it. */
export interface ScorecardTeam {
  readonly id: string
  readonly managerId: string | null
}

/**
 * R-ACC-1 for KPI scorecards (绩效考核), in one place. A scorecard belongs to a team — its plans,
 * budgets and targets are set per team — rather than to a customer, so the customer table of
 * R-ACC-1 does not apply; the same roles do:
 *
 * | actor                                                     | a team's scorecard |
 * |-----------------------------------------------------------|--------------------|
 * | director, general manager (总监, 总经理)                     | every team's       |
 * | the team's manager (Team.managerId, or a manager in it)    | their team's       |
 * | specialists and the functional departments                 | no                 |
 * | a manager of another team, anyone who has left             | no                 |
 *
 * A specialist has no scorecard of their own: the KPIs of R-KPI-1..7 are the department's and
 * its manager's, measured against the team's plans.
 *
 * @returns the basis of the permission, or `null` when it is denied
 */
export function kpiScorecardPermission(actor: Staff, team: ScorecardTeam): KpiAccessBasis | null {
  if (!actor.active) return null
  if (actor.roles.some((role) => defaultAccessPolicy.companyWideRoles.includes(role))) return 'companyWide'
  if (team.managerId === actor.id) return 'teamManager'
  if (actor.teamId === team.id && actor.roles.some((role) => defaultAccessPolicy.teamManagerRoles.includes(role))) return 'teamManager'
  return null
}
