import type { Staff } from '@kehu/core'

import type { Prisma, PrismaClient } from '../generated/prisma/client.js'

type Tx = Prisma.TransactionClient | PrismaClient

/**
 * Ids of the pending requests whose **current** step lists the actor — by person, or by a role the
 * actor holds — read in SQL from the stored chain (JSON), so that a list of "my pending approvals"
 * does not load every pending request of the company. A superset: whether the actor may sign now
 * (not twice, entry still open, active …) is core's `canDecide`, which the caller applies next.
 */
export async function pendingRequestIdsAwaiting(tx: Tx, actor: Pick<Staff, 'id' | 'roles'>): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT r.id AS id FROM "ApprovalRequest" r
    WHERE r.status = 'pending' AND EXISTS (
      SELECT 1 FROM json_each(r.chain, '$.steps[' || r.currentStep || '].approvers') a
      WHERE (json_extract(a.value, '$.kind') = 'person' AND json_extract(a.value, '$.personId') = ${actor.id})
         OR (json_extract(a.value, '$.kind') = 'role' AND json_extract(a.value, '$.role') IN (SELECT value FROM json_each(${JSON.stringify(actor.roles)})))
    )`
  return rows.map((row) => row.id)
}
