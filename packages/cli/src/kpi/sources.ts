/**
 * The exports `kehu kpi` reads (考核数据来源) and how a file is recognised: by its header row, or
 * explicitly with a `kind=path` argument when its headers fit no kind or several.
 * @module
 */
import type { ColumnSpec } from '../io/columns.js'
import { normaliseHeader } from '../io/columns.js'
import { UsageError } from '../io/usageError.js'

/** The kinds of export a KPI run combines. */
export const KPI_SOURCE_KINDS = ['customers', 'sales', 'plans', 'visits', 'feedback', 'serviceCosts'] as const

/** One of {@link KPI_SOURCE_KINDS}. */
export type KpiSourceKind = (typeof KPI_SOURCE_KINDS)[number]

/** What a kind of export is, for help texts and messages. */
export interface KpiSource {
  readonly kind: KpiSourceKind
  readonly nameZh: string
  readonly nameEn: string
  readonly columns: readonly ColumnSpec[]
  /** Fields of which at least one must be present (beyond the required ones). */
  readonly anyOf?: readonly string[]
}

const customerId: ColumnSpec = { field: 'customerId', headers: ['客户编号', '客户ID', '客户代码', 'customer id', 'customer', 'customer code'], required: true }
const team: ColumnSpec = { field: 'team', headers: ['团队', '小组', '部门', 'team', 'group'], required: false }

/** The sources, each with its columns (Chinese and English headers). */
export const KPI_SOURCES: Readonly<Record<KpiSourceKind, KpiSource>> = {
  customers: {
    kind: 'customers',
    nameZh: '客户',
    nameEn: 'customers',
    columns: [
      { ...customerId, headers: [...customerId.headers, 'id', '编号'] },
      { field: 'name', headers: ['客户名称', '名称', 'customer name', 'name'], required: false },
      { field: 'tier', headers: ['客户层级', '层级', '客户级别', 'tier', 'customer tier'], required: true },
      { field: 'since', headers: ['成为客户时间', '开发成功时间', '合作起始日期', 'since', 'customer since', 'developed at'], required: true },
      { field: 'churnedAt', headers: ['流失时间', '流失日期', 'churned at', 'churned'], required: false },
      team,
      { field: 'completeness', headers: ['档案完整率', '完整率', 'archive completeness', 'completeness'], required: false },
    ],
  },
  sales: {
    kind: 'sales',
    nameZh: '销售',
    nameEn: 'sales',
    columns: [
      customerId,
      { field: 'amount', headers: ['销售额', '销售金额', '金额', 'sales amount', 'sales', 'amount'], required: true },
      { field: 'at', headers: ['销售日期', '日期', '时间', 'date', 'sold at', 'at'], required: true },
    ],
  },
  plans: {
    kind: 'plans',
    nameZh: '计划与预算',
    nameEn: 'plans and budgets',
    columns: [
      { field: 'period', headers: ['期间', '计划期间', 'period'], required: true },
      { field: 'planType', headers: ['计划类型', '类型', 'plan type', 'type'], required: true },
      { field: 'amount', headers: ['金额', '计划金额', 'amount'], required: false },
      { field: 'count', headers: ['数量', '计划数', 'count'], required: false },
      team,
    ],
  },
  visits: {
    kind: 'visits',
    nameZh: '回访',
    nameEn: 'revisits',
    columns: [
      customerId,
      { field: 'plannedAt', headers: ['计划回访时间', '计划回访日期', 'planned at', 'planned'], required: false },
      { field: 'visitedAt', headers: ['实际回访时间', '回访时间', 'visited at', 'revisited at', 'visited'], required: false },
    ],
    anyOf: ['plannedAt', 'visitedAt'],
  },
  feedback: {
    kind: 'feedback',
    nameZh: '客户意见',
    nameEn: 'feedback',
    columns: [
      customerId,
      { field: 'receivedAt', headers: ['收到时间', '反馈收到时间', 'received at', 'received'], required: true },
      { field: 'dueAt', headers: ['反馈期限', '应答期限', '答复期限', 'due at', 'due'], required: true },
      { field: 'answeredAt', headers: ['答复时间', '反馈时间', 'answered at', 'answered'], required: false },
    ],
  },
  serviceCosts: {
    kind: 'serviceCosts',
    nameZh: '服务费用',
    nameEn: 'service costs',
    columns: [
      // Deliberately not `amount`/金额 (field names count as headers): a sales export would look like costs.
      { field: 'cost', headers: ['服务费用', '费用金额', '服务费用金额', 'service cost'], required: true },
      { field: 'at', headers: ['日期', '发生日期', '时间', 'date', 'at'], required: true },
      { ...customerId, required: false },
      team,
    ],
  },
}

/** A file named on the command line, with its kind when given as `kind=path`. */
export interface KpiFileArgument {
  readonly path: string
  readonly kind?: KpiSourceKind
}

/**
 * Reads a file argument: `path`, or `kind=path` to name the kind (`sales=七月.csv`).
 * @throws {@link UsageError} for an unknown kind
 */
export function parseKpiFileArgument(argument: string): KpiFileArgument {
  const at = argument.indexOf('=')
  if (at <= 0) return { path: argument }
  const prefix = argument.slice(0, at)
  const kind = KPI_SOURCE_KINDS.find((candidate) => candidate.toLowerCase() === prefix.toLowerCase())
  if (kind === undefined) {
    // A file name may itself contain "=": only a known kind is a prefix.
    if (/^[a-z]+$/i.test(prefix)) {
      throw new UsageError(`未知的数据类型 ${JSON.stringify(prefix)}（可用：${KPI_SOURCE_KINDS.join(', ')}）`, `unknown kind ${JSON.stringify(prefix)} (kinds: ${KPI_SOURCE_KINDS.join(', ')})`)
    }
    return { path: argument }
  }
  return { path: argument.slice(at + 1), kind }
}

/** Whether a header row has every required column of a kind (and one of its `anyOf`). */
export function fitsSource(headerRow: readonly string[], source: KpiSource): boolean {
  const present = new Set(headerRow.map(normaliseHeader))
  const has = (spec: ColumnSpec): boolean => [spec.field, ...spec.headers].some((name) => present.has(normaliseHeader(name)))
  if (!source.columns.filter((spec) => spec.required).every(has)) return false
  if (source.anyOf === undefined) return true
  return source.columns.filter((spec) => source.anyOf?.includes(spec.field)).some(has)
}

/** The error for a file whose headers fit no kind (`fits` empty) or several. */
export function unrecognisedSource(path: string, fits: readonly KpiSourceKind[]): UsageError {
  if (fits.length > 1) {
    return new UsageError(
      `无法判断 ${path} 的数据类型：表头同时符合 ${fits.join('、')}；请写成 类型=文件，例如 ${fits[0] ?? ''}=${path}`,
      `cannot tell what ${path} holds: its headers fit ${fits.join(', ')}; name it as kind=path, e.g. ${fits[0] ?? ''}=${path}`,
    )
  }
  const needs = KPI_SOURCE_KINDS.map((kind) => `${kind}: ${requiredHeaders(kind)}`).join('; ')
  return new UsageError(
    `无法判断 ${path} 的数据类型：表头不符合任何一种（${needs}）；或写成 类型=文件`,
    `cannot tell what ${path} holds: its headers fit no kind (${needs}); or name it as kind=path`,
  )
}

/** The headers a kind needs, for messages: `客户编号 + 销售额 + 销售日期`. */
export function requiredHeaders(kind: KpiSourceKind): string {
  const source = KPI_SOURCES[kind]
  const required = source.columns.filter((spec) => spec.required).map((spec) => spec.headers[0] ?? spec.field)
  const anyOf = source.columns.filter((spec) => source.anyOf?.includes(spec.field)).map((spec) => spec.headers[0] ?? spec.field)
  return [...required, ...(anyOf.length > 0 ? [anyOf.join(' | ')] : [])].join(' + ')
}
