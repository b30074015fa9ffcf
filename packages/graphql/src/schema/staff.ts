import type { Prisma } from '../generated/prisma/client.js'
import { builder } from './builder.js'

/*
 * Reading staff (员工通讯录), R-ACC-1: the regulations restrict customer information, not who
 * works where. Every signed-in, active staff member may read the staff directory — name, roles,
 * team, whether still employed — so that owners, managers and approvers can be named in the
 * workflows. Staff who have left read nothing (the Query type refuses them as UNAUTHENTICATED), and
 * a staff record carries no customer data: whatever is reached from it (owned customers, claims,
 * commissions) is checked by its own rule.
 */

/** A staff member (员工): name, roles, team, whether still employed. */
export const StaffRef = builder.prismaNode('Staff', {
  id: { field: 'id' },
  fields: (t) => ({
    staffId: t.exposeString('id'),
    name: t.exposeString('name'),
    roles: t.stringList({ resolve: (staff) => (Array.isArray(staff.roles) ? (staff.roles as string[]) : []) }),
    active: t.exposeBoolean('active', { description: 'False once the staff member has left (离职, R-OWN-5).' }),
    teamId: t.exposeString('teamId', { nullable: true }),
  }),
})

builder.queryFields((t) => ({
  me: t.prismaField({
    type: 'Staff',
    description: 'The authenticated staff member.',
    resolve: (query, _root, _args, ctx) => ctx.prisma.staff.findUniqueOrThrow({ ...query, where: { id: ctx.actor!.id } }),
  }),
  staffMember: t.prismaField({
    type: 'Staff',
    nullable: true,
    description: 'One staff member of the directory (visible to every active staff member); null when there is none.',
    args: { id: t.arg.string({ required: true }) },
    resolve: (query, _root, { id }, ctx) => ctx.prisma.staff.findUnique({ ...query, where: { id } }),
  }),
  staffDirectory: t.prismaConnection({
    type: 'Staff',
    cursor: 'id',
    description: 'The staff directory (员工通讯录), by name; current staff only unless includeLeft.',
    args: {
      teamId: t.arg.string({ required: false }),
      includeLeft: t.arg.boolean({ required: false, defaultValue: false, description: 'Also list staff who have left.' }),
    },
    resolve: (query, _root, args, ctx) => {
      const where: Prisma.StaffWhereInput = { ...(args.teamId == null ? {} : { teamId: args.teamId }), ...(args.includeLeft === true ? {} : { active: true }) }
      return ctx.prisma.staff.findMany({ ...query, where, orderBy: [{ name: 'asc' }, { id: 'asc' }] })
    },
  }),
}))
