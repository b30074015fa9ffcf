import { builder } from './builder.js'

/** A staff member (员工): name, roles, team. */
export const StaffRef = builder.prismaNode('Staff', {
  id: { field: 'id' },
  fields: (t) => ({
    staffId: t.exposeString('id'),
    name: t.exposeString('name'),
    roles: t.stringList({ resolve: (staff) => (Array.isArray(staff.roles) ? (staff.roles as string[]) : []) }),
    active: t.exposeBoolean('active'),
    teamId: t.exposeString('teamId', { nullable: true }),
  }),
})

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'Staff',
    description: 'The authenticated staff member.',
    resolve: (query, _root, _args, ctx) => ctx.prisma.staff.findUniqueOrThrow({ ...query, where: { id: ctx.actor!.id } }),
  }),
)
