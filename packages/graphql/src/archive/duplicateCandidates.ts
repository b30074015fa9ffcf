import { normaliseCreditCode, normaliseCustomerName } from '@kehu/core'

import type { Prisma } from '../generated/prisma/client.js'

/**
 * R-ARC-5 SQL pre-filter for the duplicate check (查重预筛).
 *
 * Core's {@link findDuplicates} matches a new customer against existing ones by normalised credit
 * code or by normalised name ({@link normaliseCustomerName}: NFKC, lower case, brackets, punctuation
 * and legal-form suffixes removed). The database holds names as entered, so the normalised name
 * cannot be compared in SQL. Instead the registration reads only the rows that *could* match and
 * lets core decide on those:
 *
 * - the row whose credit code equals the candidate's normalised code (the column stores core's
 *   normalised code: every write path stores `readCustomerArchive`'s result), and
 * - the rows whose name contains, for each of up to {@link MAX_PROBES} characters `c` of the
 *   candidate's normalised name, `c` itself or one of its *sources*: the characters whose
 *   normalisation can produce `c` (`Ａ` and `A` for `a`, `⼈` KANGXI RADICAL MAN for `人`, `㈱`
 *   for `株`…).
 *
 * Why no match is lost: normalising applies NFKC, NFKD-then-compose, lower-casing and deletions.
 * Write `D(x)` for the characters reachable from the single character `x` by NFKD, NFD, NFKC and
 * lower-casing (and Σ → ς, the one context-dependent lower-casing). By induction over those steps,
 * every character of the canonical decomposition of each intermediate text lies in `D(n)` for some
 * character `n` of the stored name, or in a small set `U` of characters that lower-casing a
 * precomposed character can produce without lower-casing one of its parts (computed, and never
 * used as a probe). So a non-decomposable character `c ∉ U` of the normalised name comes from some
 * `n` of the stored name with `c ∈ D(n)`: the stored name contains `c` or one of its sources. The
 * tables are computed once per process from this runtime's own Unicode data (the same data
 * `normaliseCustomerName` uses), so they cannot disagree with it.
 *
 * When the normalised name has no usable probe (every character decomposable or in `U`) the name
 * part reads every name: still correct, only slower. An empty normalised name matches nothing
 * (core's rule), so only the credit code is looked up.
 */
export const MAX_PROBES = 3

/** The characters that can become each character under normalisation, and the unusable ones. */
interface SourceTables {
  /** For a character `c`: every other character `n` with `c ∈ D(n)`. */
  readonly sources: ReadonlyMap<string, readonly string[]>
  /** `U`: characters that are never used as probes. */
  readonly unusable: ReadonlySet<string>
}

let tables: Promise<SourceTables> | undefined

/**
 * The source tables, computed once per process (about a second of CPU, in slices that yield to the
 * event loop, so a server can start it at boot with {@link warmDuplicateCandidateTables}).
 */
function sourceTables(): Promise<SourceTables> {
  tables ??= computeTables()
  return tables
}

/** Computes the tables now (a server awaits it before listening, so no request waits for them). */
export async function warmDuplicateCandidateTables(): Promise<void> {
  await sourceTables()
}

const chars = (text: string): string[] => Array.from(text)

/** `D(x)`: the closure of `x` under NFKD, NFD, NFKC, lower-casing and Σ → ς. */
function reachable(start: string): Set<string> {
  const seen = new Set([start])
  const stack = [start]
  while (stack.length > 0) {
    const x = stack.pop()!
    const outs = [x.normalize('NFKD'), x.normalize('NFD'), x.normalize('NFKC'), x.toLowerCase()]
    if (x === 'Σ') outs.push('ς')
    for (const out of outs) {
      for (const c of chars(out)) {
        if (!seen.has(c)) {
          seen.add(c)
          stack.push(c)
        }
      }
    }
  }
  return seen
}

function unchanged(x: string): boolean {
  return x.normalize('NFKD') === x && x.normalize('NFD') === x && x.normalize('NFKC') === x && x.toLowerCase() === x && x !== 'Σ'
}

async function computeTables(): Promise<SourceTables> {
  const closures = new Map<string, Set<string>>()
  // Slices of 4096 code points keep the event loop responsive while a process builds them lazily.
  for (let start = 0; start <= 0x10ffff; start += 0x1000) {
    for (let cp = start; cp < start + 0x1000; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const x = String.fromCodePoint(cp)
      if (!unchanged(x)) closures.set(x, reachable(x))
    }
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  const closureOf = (x: string): ReadonlySet<string> => closures.get(x) ?? new Set([x])
  const sources = new Map<string, string[]>()
  for (const [n, closure] of closures) {
    for (const c of closure) {
      if (c === n) continue
      const list = sources.get(c)
      if (list === undefined) sources.set(c, [n])
      else list.push(n)
    }
  }
  // U: for each decomposable y, what lower-casing y yields (decomposed) beyond what its parts reach.
  const seeds = new Set<string>([' '])
  for (const y of closures.keys()) {
    const parts = chars(y.normalize('NFD'))
    if (parts.length === 1 && parts[0] === y) continue
    const covered = new Set(parts.flatMap((z) => [...closureOf(z)]))
    for (const c of chars(y.toLowerCase().normalize('NFD'))) if (!covered.has(c)) seeds.add(c)
  }
  const unusable = new Set<string>()
  for (const seed of seeds) for (const c of closureOf(seed)) unusable.add(c)
  return { sources, unusable }
}

/** The characters of a normalised name used as probes, each with every character that can become it. */
export async function nameProbes(nameKey: string): Promise<readonly (readonly string[])[] | null> {
  const { sources, unusable } = await sourceTables()
  const usable = [...new Set(chars(nameKey))].filter((c) => c.normalize('NFD') === c && !unusable.has(c))
  if (usable.length === 0) return null
  return usable
    .map((c) => [c, ...(sources.get(c) ?? [])])
    .sort((a, b) => a.length - b.length)
    .slice(0, MAX_PROBES)
}

/**
 * The `where` of the customers that may duplicate `candidate` (see the module comment for why it
 * keeps every match); pass the rows it selects to core's `findDuplicates`.
 *
 * @example
 * await duplicateCandidatesWhere({ name: '温州新材料有限公司' })
 * //=> { OR: [{ AND: [{ OR: [{ name: { contains: '温' } }, …] }, …] }] }
 */
export async function duplicateCandidatesWhere(candidate: { readonly name: string; readonly creditCode?: string | null }): Promise<Prisma.CustomerWhereInput> {
  const any: Prisma.CustomerWhereInput[] = []
  const code = candidate.creditCode == null ? '' : normaliseCreditCode(candidate.creditCode)
  if (code !== '') any.push({ creditCode: code })
  const key = normaliseCustomerName(candidate.name)
  if (key !== '') {
    const probes = await nameProbes(key)
    // No usable probe: every name has to be read (rare: names made only of decomposable letters).
    if (probes === null) return {}
    any.push({ AND: probes.map((sources) => ({ OR: sources.map((source) => ({ name: { contains: source } })) })) })
  }
  return any.length === 0 ? { id: { in: [] } } : { OR: any }
}
