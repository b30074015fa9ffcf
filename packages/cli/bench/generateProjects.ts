/**
 * Generates a deterministic projects export for the bench: fixed, risk and strategic projects
 * in the sample's columns, written as a stream (a 1M-row file is never held in memory).
 * @module
 */
import { createWriteStream } from 'node:fs'

/** A small deterministic generator (mulberry32), so every run benches the same file. */
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

export const HEADER = '项目编号,项目名称,项目类型,项目收入,项目利润,流水,人员,提成比例,辅助人员,医学策略,执行人员,超额奖励分配'

/** Writes `rows` projects to `path`: 40% fixed (a tenth split 60:40), 20% risk, 40% strategic. */
export async function generateProjects(path: string, rows: number, seed = 20260901): Promise<void> {
  const next = random(seed)
  const pick = (n: number): number => Math.floor(next() * n)
  const person = (): string => `staff-${String(pick(200)).padStart(3, '0')}`
  const fen = (min: number, max: number): string => (min + pick((max - min) * 100) / 100).toFixed(2)
  const out = createWriteStream(path)
  let batch = `${HEADER}\n`
  for (let i = 1; i <= rows; i++) {
    const id = `P-${String(i).padStart(7, '0')}`
    const kind = next()
    if (kind < 0.4) {
      const first = person()
      const people = pick(10) === 0 ? `${first}:60; ${first === 'staff-000' ? 'staff-001' : 'staff-000'}:40` : first
      batch += `${id},,固定,,,${fen(1000, 500000)},${people},${[5, 6, 8, 10][pick(4)]}%,,,,\n`
    } else if (kind < 0.6) {
      batch += `${id},,风险,,${fen(-50000, 300000)},,${person()},,,,,\n`
    } else {
      const revenue = 100000 + pick(2900000)
      const profit = ((revenue * (20 + pick(40))) / 100).toFixed(2)
      const lead = person()
      let assistant = person()
      if (assistant === lead) assistant = lead === 'staff-000' ? 'staff-001' : 'staff-000'
      const medical = pick(3) === 0 ? 'staff-medical' : ''
      const execution = pick(3) === 0 ? `staff-exec:${pick(80)}:${50 + pick(50)}:${[2, 2.5, 3][pick(3)]}` : ''
      batch += `${id},,策略,${revenue},${profit},,${lead},${20 + pick(6)}%,${assistant}:${1 + pick(5)}%,${medical},${execution},\n`
    }
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      batch = ''
    }
  }
  out.write(batch)
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
}
