/**
 * Calendar micro-benchmarks (plain tsx script, no assertions): addWorkingHours on random starts
 * across 2020–2026 and random durations 0–200 h, workingHoursBetween and addWorkingDays.
 *
 * Run: `npx tsx --conditions=@kehu/source bench/run.ts` (from packages/core); imports the sources directly,
 * so `pnpm bench` works without a build too.
 */
import {
  addWorkingDays,
  addWorkingHours,
  createWorkingCalendar,
  shanghaiInstant,
  toShanghaiDay,
  workingHoursBetween,
} from '../src/calendar/index.js'

const CALLS = 2_000_000
const ROUNDS = 5

/** A small deterministic PRNG (mulberry32) so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function measure(name: string, calls: number, run: () => number): void {
  run() // warm-up
  let best = Number.POSITIVE_INFINITY
  let sink = 0
  for (let round = 0; round < ROUNDS; round += 1) {
    const began = process.hrtime.bigint()
    sink += run()
    const seconds = Number(process.hrtime.bigint() - began) / 1e9
    best = Math.min(best, seconds)
  }
  const perSecond = calls / best
  console.log(
    `${name.padEnd(48)} ${(perSecond / 1e6).toFixed(2).padStart(6)} M calls/s  (${((best / calls) * 1e9).toFixed(0)} ns/call, best of ${ROUNDS}, checksum ${sink % 1000})`,
  )
}

const calendar = createWorkingCalendar()
const next = random(20250930)
const from = shanghaiInstant('2020-01-01').getTime()
// Leave room so that start + 200 working hours stays inside 2026 (covered by the bundled data).
const to = shanghaiInstant('2026-11-01').getTime()
const starts = Array.from({ length: CALLS }, () => new Date(from + Math.floor(next() * (to - from))))
const hours = Array.from({ length: CALLS }, () => next() * 200)
const ends = Array.from({ length: CALLS }, () => new Date(from + Math.floor(next() * (to - from))))
const days = starts.map((start) => toShanghaiDay(start))
const dayCounts = Array.from({ length: CALLS }, () => Math.floor(next() * 41) - 10)

console.log(`calendar bench: ${CALLS.toLocaleString('en')} calls per round, Node ${process.version}`)
measure('addWorkingHours (2020–2026, 0–200 h)', CALLS, () => {
  let sum = 0
  for (let index = 0; index < CALLS; index += 1) sum += addWorkingHours(calendar, starts[index]!, hours[index]!).getTime() % 7
  return sum
})
measure('workingHoursBetween (2020–2026, random pairs)', CALLS, () => {
  let sum = 0
  for (let index = 0; index < CALLS; index += 1) sum += workingHoursBetween(calendar, ends[index]!, starts[index]!)
  return Math.round(sum)
})
measure('addWorkingDays (2020–2026, n in −10…30)', CALLS, () => {
  let sum = 0
  for (let index = 0; index < CALLS; index += 1) sum += addWorkingDays(calendar, days[index]!, dayCounts[index]!).length
  return sum
})
