import type { Staff } from '@kehu/core'
import type { Database, Statement } from 'better-sqlite3'

import { viewableCustomersSql } from '../access/customerAccess.js'
import { columnsFor, type FieldColumns, type ModelRows, modelRows } from '../db/modelRows.js'
import { LATEST_VISIT, VISITS_NEWEST_FIRST } from './customerRelations.js'
import type { NodeSelection } from './pageSelection.js'

/** An `ORDER BY` as column and direction pairs. */
type SqlOrder = readonly (readonly [string, 'ASC' | 'DESC'])[]

/**
 * The orders of the customer list, each ending in `id` so that pages are stable: the one definition
 * of both read paths (the Prisma path's `orderBy` is made from it in schema/customer.ts).
 */
export const CUSTOMER_ORDERS = {
  NAME_ASC: [['name', 'ASC'], ['id', 'ASC']],
  UPDATED_DESC: [['updatedAt', 'DESC'], ['id', 'ASC']],
  ANNUAL_VOLUME_DESC: [['annualVolumeFen', 'DESC'], ['id', 'ASC']],
  CREATED_DESC: [['createdAt', 'DESC'], ['id', 'ASC']],
} as const satisfies Record<string, SqlOrder>

export type CustomerOrderKey = keyof typeof CUSTOMER_ORDERS

/** The equality filters of the customer list this path serves (the text search stays on Prisma). */
export interface CustomerPageFilters {
  readonly tier?: string | null | undefined
  readonly stage?: string | null | undefined
  readonly ownerId?: string | null | undefined
}

/**
 * The columns each field reads from its row, for the fields whose resolvers read exactly these
 * (plain exposures, see schema/customer.ts, schema/staff.ts and schema/visit.ts). A page whose
 * selection holds only such fields reads only their columns; any other field (completeness,
 * contracts, a computed deadline, …) makes it read whole rows. Turning a column into a JavaScript
 * value costs about as much as the rest of the statement, and a customer row has 52 of them.
 */
const CUSTOMER_FIELD_COLUMNS: FieldColumns = {
  id: ['id'],
  customerId: ['id'],
  name: ['name'],
  creditCode: ['creditCode'],
  tier: ['tier'],
  stage: ['stage'],
  activePhase: ['activePhase'],
  customerCode: ['customerCode'],
  annualVolume: ['annualVolumeFen'],
  owner: ['ownerId'],
  lastVisit: ['id'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
}
const STAFF_FIELD_COLUMNS: FieldColumns = { id: ['id'], staffId: ['id'], name: ['name'], roles: ['roles'], active: ['active'], teamId: ['teamId'] }
const VISIT_FIELD_COLUMNS: FieldColumns = {
  id: ['id'],
  customerId: ['customerId'],
  startAt: ['startAt'],
  durationMinutes: ['durationMinutes'],
  peopleMet: ['peopleMet'],
  method: ['method'],
  methodZh: ['method'],
  progress: ['progress'],
  attitude: ['attitude'],
  attitudeZh: ['attitude'],
  summary: ['summary'],
  outcomeReasons: ['outcomeReasons'],
  enteredAt: ['enteredAt'],
}

/** The most shapes of page a reader keeps prepared. */
const MAX_PLANS = 256

/**
 * The hot read path of the customer list (`customers` with `owner` and `lastVisit`): plain SQL on
 * one better-sqlite3 connection, each statement prepared once and kept, instead of a Prisma query
 * compiled on every request. A page costs one statement whatever its size: the page's customers,
 * each joined with its owner and its latest visit when those are selected. One statement sees one
 * snapshot of the database, so a visit or an owner change committed meanwhile by another process
 * cannot pair a customer with another state of its relations.
 *
 * The customers are those the actor may view, filtered in SQL by {@link viewableCustomersSql}, the
 * same R-ACC-1 decision Prisma's path filters by. The rows are shaped as Prisma returns them (see
 * {@link modelRows}), so the schema's fields resolve them unchanged; when selected, a row carries
 * its `owner` and its latest visit (under {@link LATEST_VISIT}), which `owner` and `lastVisit`
 * answer from (see customerRelations.ts).
 *
 * {@link read} serves only the query shapes below and answers `null` for any other (a backwards
 * page, a nested selection it does not know): the caller then reads through Prisma.
 */
export class CustomerPageReader {
  private readonly plans = new Map<string, PagePlan>()

  constructor(private readonly db: Database) {}

  /**
   * The customers of `page`, or `null` for a page this path does not serve (a backwards one).
   * `selection` is what the operation selects on the
   * customers ({@link selectedNodeFields}): it decides the columns read, and whether the owners
   * and the latest visits are read with the page.
   */
  read(actor: Staff, filters: CustomerPageFilters, order: CustomerOrderKey, page: PageRequest, selection: NodeSelection): Record<string, unknown>[] | null {
    const shape = pageShape(page)
    if (shape === null) return null
    const scope = viewableCustomersSql(actor, 'c')
    const params: unknown[] = [...scope.params]
    let filtered = ''
    for (const column of FILTER_COLUMNS) {
      const value = filters[column]
      if (value == null) continue
      filtered += `${column},`
      params.push(value)
    }
    if (shape.cursorId !== undefined) params.push(shape.cursorId)
    return readPage(this.plan(selection, order, scope.sql, filtered, shape), params)
  }

  /**
   * The statement and row readers of one shape of page, built on first use and kept: the shapes
   * are few in practice (selection × order × actor grounds × filters × cursor × page size). Past
   * {@link MAX_PLANS} the least recently used is dropped, so that no stream of distinct selections
   * grows the process.
   */
  private plan(selection: NodeSelection, order: CustomerOrderKey, scopeSql: string, filtered: string, shape: PageShape): PagePlan {
    const cursor = shape.cursorId !== undefined
    const key = `${selectionKey(selection)}|${order}|${filtered}|${cursor ? 'k' : ''}|${shape.take},${shape.skip}|${scopeSql}`
    let plan = this.plans.get(key)
    if (plan !== undefined) {
      this.plans.delete(key)
      this.plans.set(key, plan)
      return plan
    }
    const where = [scopeSql, ...FILTER_COLUMNS.filter((column) => filtered.includes(`${column},`)).map((column) => `c."${column}" = ?`)]
    const orderBy = CUSTOMER_ORDERS[order]
    // Prisma's cursor: the rows at or after the cursor row in the page's order; none when it is gone.
    if (cursor) where.push(`EXISTS (SELECT 1 FROM "Customer" k WHERE k."id" = ? AND ${atOrAfter(orderBy)})`)
    // The order's columns are read too: the outer query orders by them.
    const customer = modelRows('Customer', columnsFor(selection.fields, CUSTOMER_FIELD_COLUMNS, ['id', ...orderBy.map(([column]) => column)]))
    const columns = [customer.columns('c')]
    const joins: string[] = []
    let width = customer.width
    let owner: JoinedRows | undefined
    let latestVisit: JoinedRows | undefined
    if (selection.fields.has('owner')) {
      const rows = modelRows('Staff', columnsFor(selection.under.get('owner') ?? [], STAFF_FIELD_COLUMNS, ['id']))
      owner = joinedRows(rows, width)
      width += rows.width
      columns.push(rows.columns('s'))
      joins.push(`LEFT JOIN "Staff" s ON s."id" = c."ownerId"`)
    }
    if (selection.fields.has('lastVisit')) {
      const rows = modelRows('Visit', columnsFor(selection.under.get('lastVisit') ?? [], VISIT_FIELD_COLUMNS, ['id', 'customerId']))
      latestVisit = joinedRows(rows, width)
      columns.push(rows.columns('v'))
      // One seek in the visits' newest-first index per customer, then the visit by its rowid.
      joins.push(`LEFT JOIN "Visit" v ON v.rowid = (SELECT l.rowid FROM "Visit" l WHERE l."customerId" = c."id" ORDER BY ${orderBySql('l', LATEST_VISIT_ORDER)} LIMIT 1)`)
    }
    // The page is chosen first and joined after: joined in the same query, a filter served by its
    // own index (tier, owner) would have SQLite join every matching customer before sorting them.
    // LIMIT and OFFSET are written into the statement, not bound: SQLite (3.47 and later) plans with
    // a bound LIMIT's value, so binding one marks the statement to be prepared again before its next
    // run, which costs as much as the page's rows. Both are safe integers (see pageShape).
    const page = `SELECT ${customer.columns('c')} FROM "Customer" c WHERE ${where.join(' AND ')} ORDER BY ${orderBySql('c', orderBy)} LIMIT ${shape.take} OFFSET ${shape.skip}`
    const sql = `SELECT ${columns.join(', ')} FROM (${page}) c ${joins.join(' ')} ORDER BY ${orderBySql('c', orderBy)}`
    plan = { statement: this.db.prepare(sql).raw(true).safeIntegers(true), customer, owner, latestVisit }
    if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!)
    this.plans.set(key, plan)
    return plan
  }
}

/** The customers of one page, each with its owner and latest visit when the plan reads them. */
function readPage(plan: PagePlan, params: unknown[]): Record<string, unknown>[] {
  const rows = plan.statement.all(...params) as unknown[][]
  const { customer, owner, latestVisit } = plan
  const customers: Record<string, unknown>[] = new Array(rows.length)
  for (let i = 0; i < rows.length; i += 1) {
    const raw = rows[i]!
    const row = customer.fromRaw(raw)
    if (owner !== undefined) row['owner'] = raw[owner.id] === null ? null : owner.rows.fromRaw(raw, owner.offset)
    if (latestVisit !== undefined) row[LATEST_VISIT] = raw[latestVisit.id] === null ? null : latestVisit.rows.fromRaw(raw, latestVisit.offset)
    customers[i] = row
  }
  return customers
}

/** A joined model's row reader, where its columns start in the statement's rows, and where its `id` is. */
interface JoinedRows {
  readonly rows: ModelRows
  readonly offset: number
  /** A left join's columns are all null when there is no owner or visit; `id` never is otherwise. */
  readonly id: number
}

function joinedRows(rows: ModelRows, offset: number): JoinedRows {
  const id = rows.indexOf('id')
  if (id < 0) throw new Error('a joined row must read its id')
  return { rows, offset, id: offset + id }
}

/** The statement of one shape of page, with the readers of its rows. */
interface PagePlan {
  readonly statement: Statement
  readonly customer: ModelRows
  readonly owner: JoinedRows | undefined
  readonly latestVisit: JoinedRows | undefined
}

/** The newest visit first, {@link VISITS_NEWEST_FIRST} as SQL. */
const LATEST_VISIT_ORDER: SqlOrder = VISITS_NEWEST_FIRST.flatMap((term) => Object.entries(term).map(([column, direction]) => [column, direction === 'asc' ? 'ASC' : 'DESC'] as const))

/** The `ORDER BY` terms of `order` on the rows of `alias`. */
function orderBySql(alias: string, order: SqlOrder): string {
  return order.map(([column, direction]) => `${alias}."${column}" ${direction}`).join(', ')
}

/** The equality filters, in the order their parameters are bound. */
const FILTER_COLUMNS = ['tier', 'stage', 'ownerId'] as const

const selectionKeys = new WeakMap<NodeSelection, string>()

/** A text naming what `selection` reads: the node's fields and the owner's and last visit's. */
function selectionKey(selection: NodeSelection): string {
  let key = selectionKeys.get(selection)
  if (key === undefined) {
    const sorted = (fields: Iterable<string> | undefined): string => [...(fields ?? [])].sort().join(',')
    key = `${sorted(selection.fields)}/${sorted(selection.under.get('owner'))}/${sorted(selection.under.get('lastVisit'))}`
    selectionKeys.set(selection, key)
  }
  return key
}

/** `c` at or after the cursor row `k` in `order` (the last column, `id`, is unique). */
function atOrAfter(order: SqlOrder): string {
  const terms: string[] = []
  for (let i = 0; i < order.length; i += 1) {
    const equalBefore = order.slice(0, i).map(([column]) => `c."${column}" = k."${column}"`)
    const [column, direction] = order[i]!
    const last = i === order.length - 1
    const compare = `c."${column}" ${direction === 'ASC' ? (last ? '>=' : '>') : last ? '<=' : '<'} k."${column}"`
    terms.push(`(${[...equalBefore, compare].join(' AND ')})`)
  }
  return `(${terms.join(' OR ')})`
}

/** The page Pothos' connection paging asks for: `take` rows (negative: backwards) after `skip`, from `cursor`. */
export interface PageRequest {
  readonly take: number
  readonly skip: number
  readonly cursor?: { readonly id: string }
}

interface PageShape {
  readonly take: number
  readonly skip: number
  readonly cursorId: string | undefined
}

/**
 * The page when this path serves it: forwards, with take and skip safe integers, since both are
 * written into the statement's text.
 */
function pageShape(page: PageRequest): PageShape | null {
  if (!Number.isSafeInteger(page.take) || page.take <= 0) return null
  if (!Number.isSafeInteger(page.skip) || page.skip < 0) return null
  return { take: page.take, skip: page.skip, cursorId: page.cursor?.id }
}
