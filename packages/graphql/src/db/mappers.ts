import { readStaff, type Staff } from '@kehu/core/staff'

import type { Staff as StaffRow } from '../generated/prisma/client.js'

/**
 * A stored staff row as core's {@link Staff}, validated by core (roles must be known role keys).
 * @throws core's InvalidInputError `STAFF.INVALID` for a row whose roles are not a list of roles
 */
export function staffFromRow(row: Pick<StaffRow, 'id' | 'name' | 'roles' | 'teamId' | 'active'>): Staff {
  return readStaff(
    { id: row.id, name: row.name, roles: row.roles, active: row.active, ...(row.teamId === null ? {} : { teamId: row.teamId }) },
    `staff[${row.id}]`,
  )
}
