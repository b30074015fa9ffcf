import { inputError } from '../input/index.js'
import { normaliseCreditCode } from './creditCode.js'
import { compileNamePolicy, normaliseWith } from './customerName.js'
import { type CustomerNamePolicy, defaultCustomerNamePolicy } from './customerNamePolicy.js'
import { ArchiveErrorCode, InvalidArchiveInputError } from './errors.js'
import { describeValue } from './verdict.js'

/** The id of an existing customer record: a non-empty string or a safe integer. */
export type CustomerId = string | number

/** A customer to check (新客户): its name and, when known, its credit code. */
export interface DuplicateCandidate {
  readonly name: string
  readonly creditCode?: string | null | undefined
}

/** An existing customer the candidate is checked against (已有客户). */
export interface ExistingCustomer extends DuplicateCandidate {
  readonly id: CustomerId
}

/** How a match was found: same credit code, or same normalised name. */
export type DuplicateBasis = 'creditCode' | 'name'

/** One existing record that the candidate duplicates (重复客户). */
export interface DuplicateMatch {
  /** Id of the existing record. */
  readonly id: CustomerId
  /** The strongest basis: `creditCode` when the codes match, else `name`. */
  readonly by: DuplicateBasis
  /** Every basis that matched (`['creditCode', 'name']` when both did). */
  readonly matchedOn: readonly DuplicateBasis[]
  /** The existing record's name as stored. */
  readonly name: string
  /** The existing record's normalised name (its comparison key). */
  readonly normalisedName: string
  /** The existing record's normalised credit code, if it has one. */
  readonly creditCode: string | undefined
  /**
   * True for a name match where both records have a credit code and the codes differ: still
   * reported (R-ARC-5 decision: a different code alone does not hide a name duplicate, since the
   * code may be mistyped or the record may be a renamed/re-registered company), but flagged so
   * that a person can confirm.
   */
  readonly creditCodesDiffer: boolean
}

/** A duplicate index over existing customers (查重索引), built once, O(1) per lookup. */
export interface DuplicateIndex {
  /** Number of records indexed. */
  readonly size: number
  /**
   * The records the candidate duplicates: credit-code matches first, then name-only matches,
   * each in the order of the existing list; empty when the candidate is unique.
   * @throws {@link InvalidArchiveInputError} `ARCHIVE.INVALID_CUSTOMER_REFERENCE` for a malformed candidate
   */
  find(candidate: DuplicateCandidate): readonly DuplicateMatch[]
}

interface Entry {
  readonly id: CustomerId
  readonly name: string
  readonly nameKey: string
  readonly codeKey: string
}

/**
 * R-ARC-5 Builds a duplicate index (查重索引) over existing customers: two hash maps, by
 * normalised credit code and by normalised name, so that importing n customers against m
 * existing ones costs O(n + m), not O(n × m). The index is immutable.
 *
 * @param existing - the existing customers; ids must be unique
 * @param policy - name normalisation, **default** {@link defaultCustomerNamePolicy}
 * @throws {@link InvalidArchiveInputError} `ARCHIVE.INVALID_CUSTOMER_REFERENCE` naming the bad
 *   record field (e.g. `existing[3].name`), `ARCHIVE.DUPLICATE_RECORD_ID` (e.g. `existing[7].id`)
 *
 * @example
 * const index = createDuplicateIndex([{ id: 'C1', name: '上海华东精密机械有限公司' }, { id: 'C2', name: '北京星河贸易有限公司', creditCode: '91350100M000100Y43' }])
 * index.find({ name: '上海华东精密机械（集团）' }).map((m) => m.id) //=> ['C1']
 * index.find({ name: '星河', creditCode: '91350100m000100y43' })[0]?.by //=> 'creditCode'
 * index.find({ name: '广州南方物流' }) //=> []
 */
export function createDuplicateIndex(existing: readonly ExistingCustomer[], policy: CustomerNamePolicy = defaultCustomerNamePolicy): DuplicateIndex {
  const compiled = compileNamePolicy(policy)
  if (!Array.isArray(existing)) throw invalidReference('existing', 'must be a list of customers', '必须是客户列表', existing)
  const tables = newTables()
  existing.forEach((record: unknown, i: number) => addEntry(tables, readEntry(record, `existing[${i}]`, true, compiled), `existing[${i}].id`))
  return Object.freeze({
    size: tables.entries.length,
    find: (candidate: DuplicateCandidate): readonly DuplicateMatch[] => lookup(tables, readEntry(candidate, 'candidate', false, compiled)),
  })
}

/**
 * R-ARC-5 Duplicate check (查重) of one candidate against existing customers: the records whose
 * normalised credit code equals the candidate's, or whose normalised name
 * ({@link normaliseCustomerName}) equals the candidate's. Empty when the candidate is unique.
 * Credit codes are compared after {@link normaliseCreditCode} and are not validated here (a
 * mistyped code still matches its own copy). For many candidates build a
 * {@link createDuplicateIndex} once.
 *
 * @throws {@link InvalidArchiveInputError} as {@link createDuplicateIndex} and `find`
 *
 * @example
 * findDuplicates({ name: 'ＡＢＣ Trading Co., Ltd.' }, [{ id: 7, name: 'abc trading limited' }])
 * //=> [{ id: 7, by: 'name', matchedOn: ['name'], name: 'abc trading limited', normalisedName: 'abctrading', creditCode: undefined, creditCodesDiffer: false }]
 */
export function findDuplicates(candidate: DuplicateCandidate, existing: readonly ExistingCustomer[], policy: CustomerNamePolicy = defaultCustomerNamePolicy): readonly DuplicateMatch[] {
  return createDuplicateIndex(existing, policy).find(candidate)
}

/** A record of a batch that duplicates earlier records of the same batch. */
export interface BatchDuplicate {
  /** Position of the record in the batch. */
  readonly index: number
  readonly id: CustomerId
  /** The earlier records of the batch it duplicates. */
  readonly matches: readonly DuplicateMatch[]
}

/**
 * R-ARC-5 Duplicates inside one batch (批量导入查重): each record is checked against the records
 * before it, in O(n) overall. Use it together with an index of the existing customers when
 * importing.
 *
 * @throws {@link InvalidArchiveInputError} `ARCHIVE.INVALID_CUSTOMER_REFERENCE` /
 *   `ARCHIVE.DUPLICATE_RECORD_ID` naming `records[i]…`
 *
 * @example
 * findDuplicatesInBatch([{ id: 'a', name: '星河贸易有限公司' }, { id: 'b', name: '南方物流' }, { id: 'c', name: '星河贸易' }])
 *   .map((d) => [d.id, d.matches.map((m) => m.id)]) //=> [['c', ['a']]]
 */
export function findDuplicatesInBatch(records: readonly ExistingCustomer[], policy: CustomerNamePolicy = defaultCustomerNamePolicy): readonly BatchDuplicate[] {
  const compiled = compileNamePolicy(policy)
  if (!Array.isArray(records)) throw invalidReference('records', 'must be a list of customers', '必须是客户列表', records)
  const tables = newTables()
  const result: BatchDuplicate[] = []
  records.forEach((record: unknown, i: number) => {
    const entry = readEntry(record, `records[${i}]`, true, compiled)
    const matches = lookup(tables, entry)
    addEntry(tables, entry, `records[${i}].id`)
    if (matches.length > 0) result.push({ index: i, id: entry.id, matches })
  })
  return result
}

interface Tables {
  readonly entries: Entry[]
  readonly byCode: Map<string, number[]>
  readonly byName: Map<string, number[]>
  readonly ids: Set<CustomerId>
}

function newTables(): Tables {
  return { entries: [], byCode: new Map(), byName: new Map(), ids: new Set() }
}

function addEntry(tables: Tables, entry: Entry, idField: string): void {
  if (tables.ids.has(entry.id)) {
    throw new InvalidArchiveInputError({
      code: ArchiveErrorCode.DUPLICATE_RECORD_ID,
      field: idField,
      ruleId: 'R-ARC-5',
      messageEn: `${idField} ${describeValue(entry.id)} is used by an earlier record`,
      messageZh: `${idField} ${describeValue(entry.id)} 与之前的记录重复`,
      details: { id: entry.id },
    })
  }
  const index = tables.entries.length
  tables.ids.add(entry.id)
  tables.entries.push(entry)
  if (entry.codeKey !== '') push(tables.byCode, entry.codeKey, index)
  if (entry.nameKey !== '') push(tables.byName, entry.nameKey, index)
}

/** Credit-code matches first, then name-only matches, each in insertion order. */
function lookup(tables: Tables, probe: Entry): DuplicateMatch[] {
  const codeHits = probe.codeKey === '' ? [] : (tables.byCode.get(probe.codeKey) ?? [])
  const nameHits = probe.nameKey === '' ? [] : (tables.byName.get(probe.nameKey) ?? [])
  const codeHitSet = new Set(codeHits)
  const nameHitSet = new Set(nameHits)
  const matches: DuplicateMatch[] = []
  for (const i of codeHits) matches.push(toMatch(tables.entries[i] as Entry, probe, true, nameHitSet.has(i)))
  for (const i of nameHits) if (!codeHitSet.has(i)) matches.push(toMatch(tables.entries[i] as Entry, probe, false, true))
  return matches
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [index])
  else list.push(index)
}

function toMatch(entry: Entry, probe: Entry, byCode: boolean, byName: boolean): DuplicateMatch {
  return {
    id: entry.id,
    by: byCode ? 'creditCode' : 'name',
    matchedOn: byCode && byName ? ['creditCode', 'name'] : byCode ? ['creditCode'] : ['name'],
    name: entry.name,
    normalisedName: entry.nameKey,
    creditCode: entry.codeKey === '' ? undefined : entry.codeKey,
    creditCodesDiffer: !byCode && entry.codeKey !== '' && probe.codeKey !== '',
  }
}

function readEntry(record: unknown, path: string, needsId: boolean, compiled: ReturnType<typeof compileNamePolicy>): Entry {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw invalidReference(path, 'must be a customer object', '必须是客户对象', record)
  }
  const { id, name, creditCode } = record as { id?: unknown; name?: unknown; creditCode?: unknown }
  if (needsId && !((typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isSafeInteger(id)))) {
    throw invalidReference(`${path}.id`, 'must be a non-empty string or a whole number', '必须是非空字符串或整数', id)
  }
  if (typeof name !== 'string') throw invalidReference(`${path}.name`, 'must be text', '必须是文本', name)
  if (creditCode !== undefined && creditCode !== null && typeof creditCode !== 'string') {
    throw invalidReference(`${path}.creditCode`, 'must be text when given', '如填写必须是文本', creditCode)
  }
  return {
    id: (needsId ? id : '') as CustomerId,
    name,
    nameKey: normaliseWith(name, compiled),
    codeKey: typeof creditCode === 'string' ? normaliseCreditCode(creditCode) : '',
  }
}

function invalidReference(field: string, expectedEn: string, expectedZh: string, value: unknown): InvalidArchiveInputError {
  return inputError(InvalidArchiveInputError, { code: ArchiveErrorCode.INVALID_CUSTOMER_REFERENCE, field, expectedEn, expectedZh, value, ruleId: 'R-ARC-5', describe: describeValue })
}
