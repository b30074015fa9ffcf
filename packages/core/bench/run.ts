/**
 * Runs every benchmark of @kehu/core, one file per area: plain tsx scripts that print figures.
 *
 * Run: `npx tsx --conditions=@kehu/source bench/run.ts` (from packages/core).
 */
export {}

await import('./calendar.bench.js')
