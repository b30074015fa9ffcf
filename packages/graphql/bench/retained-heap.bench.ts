// Whether the gateway keeps memory across requests: serves the customers page bench's request
// 32,000 times in-process (16 at a time, through createApp as the server builds it, with the read
// connection and the actor cache), forces a full collection every 4,000 requests and prints the heap
// still in use. A leak climbs from line to line; resident memory under load (the HTTP bench) also
// holds garbage not yet collected, so it says less about leaks than these figures.
//
// Each line also gives what the round's minor collections promoted to the old generation, per
// request (the old space's growth across them): a request still reachable when they run is copied
// there and stays until a full collection, which costs a long pause. Little should survive a
// request that has been answered.
//
//   pnpm --filter @kehu/graphql bench:heap
import { GCProfiler, type GCProfilerResult } from 'node:v8'

import { createApp } from '../src/app.js'
import { signStaffToken } from '../src/auth/token.js'
import { openReadDatabase } from '../src/db/readDatabase.js'
import { startTestGateway, TEST_SECRET } from '../src/test/gateway.js'

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with node --expose-gc (pnpm --filter @kehu/graphql bench:heap)')

const gw = await startTestGateway()
const main = (await gw.prisma.$queryRawUnsafe<{ name: string; file: string }[]>('PRAGMA database_list')).find((row) => row.name === 'main')!
const readDatabase = openReadDatabase(`file:${main.file}`)
try {
  const app = createApp({ prisma: gw.prisma, jwtSecret: TEST_SECRET, actorCacheMs: 1000, readDatabase })
  const token = await signStaffToken('staff-zhao', TEST_SECRET)
  const body = JSON.stringify({ query: 'query Page { customers(first: 20, orderBy: NAME_ASC) { edges { node { id name tier owner { staffId name } lastVisit { startAt } } } pageInfo { hasNextPage endCursor } } }' })
  const request = async (): Promise<void> => {
    const response = await app.fetch('http://kehu.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body })
    if (response.status !== 200) throw new Error(`status ${response.status}: ${await response.text()}`)
    await response.text()
  }
  console.log(`retained heap: the customers page request, 16 at a time, ${process.env['NODE_ENV'] === 'production' ? 'production' : 'development'} mode`)
  for (let round = 1; round <= 8; round += 1) {
    const profiler = new GCProfiler()
    profiler.start()
    await Promise.all(Array.from({ length: 16 }, async () => {
      for (let i = 0; i < 250; i += 1) await request()
    }))
    const collections = profiler.stop().statistics
    gc()
    gc()
    const memory = process.memoryUsage()
    const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1)
    const minor = collections.filter((collection) => collection.gcType === 'Scavenge')
    const promoted = minor.reduce((sum, collection) => sum + Math.max(0, oldSpaceUsed(collection.afterGC) - oldSpaceUsed(collection.beforeGC)), 0)
    console.log(`  after ${String(round * 4000).padStart(6)} requests: heap in use ${mib(memory.heapUsed)} MiB, external ${mib(memory.external)} MiB, RSS ${mib(memory.rss)} MiB; promoted ${(promoted / 4000).toFixed(0)} B per request (${minor.length} minor, ${collections.length - minor.length} other collections)`)
  }
} finally {
  readDatabase.close()
  await gw.close()
}

function oldSpaceUsed(heap: GCProfilerResult['statistics'][number]['beforeGC']): number {
  return heap.heapSpaceStatistics.find((space) => space.spaceName === 'old_space')?.spaceUsedSize ?? 0
}
