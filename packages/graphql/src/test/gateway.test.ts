import { describe, expect, it } from 'vitest'

import { useTestGateway } from './useTestGateway.js'

const gw = useTestGateway()

describe('test gateway', () => {
  it('answers as the signed-in staff member and snapshots every table', async () => {
    expect((await gw.gql('{ me { staffId } }', {}, 'staff-li')).data.me.staffId).toBe('staff-li')
    const before = await gw.snapshot()
    expect(before['Customer']).toHaveLength(48)
    await gw.prisma.team.update({ where: { id: 'team-east' }, data: { name: '华东一部' } })
    expect(await gw.snapshot()).not.toEqual(before)
  })
})
