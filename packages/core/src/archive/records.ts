import type { CivilDay } from '../calendar/civilDay.js'
import type { Money } from '../money/money.js'
import { type Contact, readAsOf, readContactInto } from './contact.js'
import { validateCreditCode } from './creditCode.js'
import { validateEmail } from './email.js'
import { ARCHIVE_FIELDS, ARCHIVE_FIELD_LABELS_ZH, type ArchiveFieldName, COMPANY_NATURES, type CompanyNature, INDUSTRY_POSITIONS, type IndustryPosition } from './fields.js'
import { validatePhone } from './phone.js'
import { validatePostalCode } from './postalCode.js'
import { InvalidArchiveRecordError } from './recordErrors.js'
import {
  type FieldSpec,
  IssueList,
  isBlankOrAbsent,
  joinPath,
  readAmount,
  readChoice,
  readList,
  readRecord,
  type RecordIssue,
  readText,
  readTextList,
  takeVerdict,
} from './recordIssues.js'
import { createCustomerArchivePolicy, type CustomerArchivePolicy, defaultCustomerArchivePolicy } from './recordPolicy.js'
import { describeValue } from './verdict.js'

/** Sales of one year in a validated archive (年度销售业绩). */
export interface YearlySales {
  readonly year: number
  readonly amount: Money
}

/** One competitor in a validated archive (竞争者资料): company, price, solution. */
export interface Competitor {
  /** 竞争公司 (required). */
  readonly company: string
  /** 价格 they offer, when known. */
  readonly price?: Money
  /** 解决方案 they offer, when known. */
  readonly solution?: string
}

/**
 * A validated customer archive record (客户档案, R-ARC-1). Only `name` is required. Texts are
 * trimmed; the credit code, postal code, phone, fax and email are normalised (R-ARC-4); money is
 * {@link Money}; company nature and industry position are the keys of {@link COMPANY_NATURES} and
 * {@link INDUSTRY_POSITIONS}; sales are sorted by year, newest first. A field that was not given
 * (or given as an empty string / empty list) is absent. The record is a {@link CustomerArchiveDraft},
 * so it can be scored by `archiveCompleteness` (R-ARC-3) as it is.
 */
export interface CustomerArchive {
  /** Identifier chosen by the application (档案编号), when given. */
  readonly id?: string
  readonly name: string
  readonly creditCode?: string
  readonly legalRepresentative?: string
  readonly address?: string
  readonly postalCode?: string
  readonly phone?: string
  readonly fax?: string
  readonly email?: string
  readonly businessScope?: string
  readonly registeredCapital?: Money
  readonly companyNature?: CompanyNature
  readonly industryPosition?: IndustryPosition
  readonly mainBusiness?: string
  readonly additionalBusiness?: string
  readonly salesLastThreeYears?: readonly YearlySales[]
  readonly creditRating?: string
  readonly ourStrengths?: string
  readonly ourWeaknessesAndCountermeasures?: string
  readonly organisationStructure?: string
  readonly decisionProcess?: string
  readonly decisionMakers?: readonly string[]
  readonly competitors?: readonly Competitor[]
  readonly status?: string
  /** The customer's contacts (联系人, R-ARC-2). */
  readonly contacts?: readonly Contact[]
}

/** The verdict of {@link readCustomerArchive}: the record, or every issue found. */
export type CustomerArchiveVerdict =
  | { readonly ok: true; readonly archive: CustomerArchive }
  | { readonly ok: false; readonly issues: readonly RecordIssue[] }

const ARCHIVE_KEYS: readonly string[] = ['id', ...ARCHIVE_FIELDS, 'contacts']

const LABELS_EN: Readonly<Record<ArchiveFieldName, string>> = {
  name: 'the customer name',
  creditCode: 'the unified social credit code',
  legalRepresentative: 'the legal representative',
  address: 'the address',
  postalCode: 'the postal code',
  phone: 'the phone number',
  fax: 'the fax number',
  email: 'the email address',
  businessScope: 'the business scope',
  registeredCapital: 'the registered capital',
  companyNature: 'the company nature',
  industryPosition: 'the industry position',
  mainBusiness: 'the main business',
  additionalBusiness: 'the additional business',
  salesLastThreeYears: 'the sales of the last years',
  creditRating: 'the credit rating',
  ourStrengths: 'our strengths',
  ourWeaknessesAndCountermeasures: 'our weaknesses and countermeasures',
  organisationStructure: 'the organisation structure',
  decisionProcess: 'the decision process',
  decisionMakers: 'the decision makers',
  competitors: 'the competitor information',
  status: 'the customer status',
}

function spec(key: ArchiveFieldName): FieldSpec {
  return { field: key, labelEn: LABELS_EN[key], labelZh: ARCHIVE_FIELD_LABELS_ZH[key] }
}

const PLAIN_TEXT_FIELDS = [
  'legalRepresentative',
  'address',
  'businessScope',
  'mainBusiness',
  'additionalBusiness',
  'creditRating',
  'ourStrengths',
  'ourWeaknessesAndCountermeasures',
  'organisationStructure',
  'decisionProcess',
  'status',
] as const satisfies readonly ArchiveFieldName[]

/**
 * R-ARC-1 Reads a customer archive record (客户档案) and reports **every** issue at once, each
 * with its field path (`competitors[1].price`), a stable code and both languages:
 * - `name` (客户名称) is required; every other field of R-ARC-1 is optional;
 * - credit code, postal code, phone, fax, email go through the R-ARC-4 validators and are
 *   stored normalised (their issue codes are the R-ARC-4 ones, e.g. `ARCHIVE.CREDIT_CODE_CHECK_MISMATCH`);
 * - registered capital, yearly sales and competitor prices are money ≥ 0 (`"1234.50"`, a whole
 *   number of yuan, or a `Money`; a fractional JS number is refused);
 * - company nature and industry position are one of the lists, by key or Chinese label (`'国营'`);
 * - yearly sales: at most `policy.maxSalesYears` (**default** 3), whole years 1000–9999, no year twice;
 * - contacts are read as by `readContact` (R-ARC-2), paths `contacts[i].…`;
 * - unknown keys are issues (`ARCHIVE.UNKNOWN_FIELD`), an optional `id` is allowed.
 *
 * @param policy - the archive record policy, **default** {@link defaultCustomerArchivePolicy}
 * @param asOf - the caller's today (`YYYY-MM-DD`), to refuse contacts' birth dates in the future
 * @throws {@link PolicyValidationError} for an invalid policy; `ARCHIVE.INVALID_ARGUMENT` for a malformed `asOf`
 *
 * @example
 * const verdict = readCustomerArchive({ name: '宁波诺博特机械有限公司', creditCode: '91350100m000100y43', registeredCapital: '5000000', companyNature: '中外合资' })
 * verdict.ok && verdict.archive.creditCode //=> '91350100M000100Y43'
 * verdict.ok && verdict.archive.companyNature //=> 'sinoForeignJointVenture'
 * readCustomerArchive({ postalCode: '1000', email: 'x@' }) //=> { ok: false, issues: [name REQUIRED, postalCode POSTAL_CODE_FORMAT, email EMAIL_DOMAIN] }
 */
export function readCustomerArchive(input: unknown, policy: CustomerArchivePolicy = defaultCustomerArchivePolicy, asOf?: CivilDay): CustomerArchiveVerdict {
  const checked = policy === defaultCustomerArchivePolicy ? policy : createCustomerArchivePolicy(policy, 'policy')
  const day = readAsOf(asOf)
  const issues = new IssueList('ARCHIVE')
  const record = readRecord(input, '', issues, ARCHIVE_KEYS, 'a customer archive record', '客户档案记录')
  if (record === undefined) return Object.freeze({ ok: false, issues: issues.frozen() })

  const out: Record<string, unknown> = {}
  const put = (key: string, value: unknown): void => {
    if (value !== undefined) out[key] = value
  }
  put('id', readText(record['id'], { field: 'id', labelEn: 'the archive id', labelZh: '档案编号' }, issues, false))
  put('name', readText(record['name'], spec('name'), issues, true))
  if (!isBlankOrAbsent(record['creditCode'])) {
    put('creditCode', takeVerdict(validateCreditCode(record['creditCode'], 'creditCode', { verifyOrganisationCode: checked.verifyOrganisationCode }), issues))
  }
  if (!isBlankOrAbsent(record['postalCode'])) put('postalCode', takeVerdict(validatePostalCode(record['postalCode'], 'postalCode'), issues))
  if (!isBlankOrAbsent(record['phone'])) put('phone', takeVerdict(validatePhone(record['phone'], 'phone'), issues)?.normalised)
  if (!isBlankOrAbsent(record['fax'])) put('fax', takeVerdict(validatePhone(record['fax'], 'fax'), issues)?.normalised)
  if (!isBlankOrAbsent(record['email'])) put('email', takeVerdict(validateEmail(record['email'], 'email'), issues))
  for (const key of PLAIN_TEXT_FIELDS) put(key, readText(record[key], spec(key), issues, false))
  put('registeredCapital', readAmount(record['registeredCapital'], spec('registeredCapital'), issues, false, 'nonNegative'))
  put('companyNature', readChoice(record['companyNature'], spec('companyNature'), issues, false, COMPANY_NATURES))
  put('industryPosition', readChoice(record['industryPosition'], spec('industryPosition'), issues, false, INDUSTRY_POSITIONS))
  put('salesLastThreeYears', readYearlySales(record['salesLastThreeYears'], issues, checked.maxSalesYears))
  const decisionMakers = readTextList(record['decisionMakers'], spec('decisionMakers'), issues, false)
  put('decisionMakers', decisionMakers === undefined || decisionMakers.length === 0 ? undefined : decisionMakers)
  put('competitors', readCompetitors(record['competitors'], issues))
  put('contacts', readContacts(record['contacts'], issues, day))

  if (issues.count > 0) return Object.freeze({ ok: false, issues: issues.frozen() })
  return Object.freeze({ ok: true, archive: Object.freeze(out) as unknown as CustomerArchive })
}

/**
 * R-ARC-1 Like {@link readCustomerArchive}, but returns the record or throws.
 * @throws {@link InvalidArchiveRecordError} `ARCHIVE.INVALID_RECORD` whose `issues` list every issue
 *
 * @example
 * assertCustomerArchive({ name: '华东贸易有限公司', postalCode: '３１５０００' }).postalCode //=> '315000'
 * assertCustomerArchive({ postalCode: '1' }) // throws ARCHIVE.INVALID_RECORD with issues for name and postalCode
 */
export function assertCustomerArchive(input: unknown, policy: CustomerArchivePolicy = defaultCustomerArchivePolicy, asOf?: CivilDay): CustomerArchive {
  const verdict = readCustomerArchive(input, policy, asOf)
  if (verdict.ok) return verdict.archive
  throw new InvalidArchiveRecordError(verdict.issues, 'R-ARC-1', 'the customer archive record', '客户档案记录')
}

function readYearlySales(value: unknown, issues: IssueList, maxYears: number): readonly YearlySales[] | undefined {
  const key = 'salesLastThreeYears'
  const list = readList(value, spec(key), issues, false)
  if (list === undefined || list.length === 0) return undefined
  const before = issues.count
  if (list.length > maxYears) {
    issues.add(key, 'TOO_MANY_YEARS', `${key}: the archive keeps the sales of at most ${maxYears} years, got ${list.length}`, `${key}：档案最多保存 ${maxYears} 年的销售业绩，实际为 ${list.length} 年`)
  }
  const seen = new Set<number>()
  const sales: YearlySales[] = []
  list.forEach((entry, index) => {
    const path = `${key}[${index}]`
    const row = readRecord(entry, path, issues, ['year', 'amount'], 'a yearly sales figure', '年度销售业绩')
    if (row === undefined) return
    const year = row['year']
    const yearField = joinPath(path, 'year')
    let goodYear: number | undefined
    if (typeof year !== 'number' || !Number.isSafeInteger(year) || year < 1000 || year > 9999) {
      issues.add(yearField, 'INVALID_YEAR', `${yearField}: the year must be a whole number 1000–9999, got ${describeValue(year)}`, `${yearField}：年份必须是 1000–9999 的整数，实际为 ${describeValue(year)}`)
    } else if (seen.has(year)) {
      issues.add(yearField, 'DUPLICATE_YEAR', `${yearField}: the sales of ${year} are given twice`, `${yearField}：${year} 年的销售业绩重复`)
    } else {
      seen.add(year)
      goodYear = year
    }
    const amount = readAmount(row['amount'], { field: joinPath(path, 'amount'), labelEn: 'the sales amount', labelZh: '销售额' }, issues, true, 'nonNegative')
    if (goodYear !== undefined && amount !== undefined) sales.push(Object.freeze({ year: goodYear, amount }))
  })
  if (issues.count !== before) return undefined
  return Object.freeze(sales.sort((a, b) => b.year - a.year))
}

function readCompetitors(value: unknown, issues: IssueList): readonly Competitor[] | undefined {
  const key = 'competitors'
  const list = readList(value, spec(key), issues, false)
  if (list === undefined || list.length === 0) return undefined
  const before = issues.count
  const competitors: Competitor[] = []
  list.forEach((entry, index) => {
    const path = `${key}[${index}]`
    const row = readRecord(entry, path, issues, ['company', 'price', 'solution'], 'a competitor', '竞争者')
    if (row === undefined) return
    const company = readText(row['company'], { field: joinPath(path, 'company'), labelEn: 'the competitor company', labelZh: '竞争公司' }, issues, true)
    const price = readAmount(row['price'], { field: joinPath(path, 'price'), labelEn: 'the competitor price', labelZh: '竞争者价格' }, issues, false, 'nonNegative')
    const solution = readText(row['solution'], { field: joinPath(path, 'solution'), labelEn: 'the competitor solution', labelZh: '竞争者解决方案' }, issues, false)
    if (company !== undefined) {
      competitors.push(Object.freeze({ company, ...(price === undefined ? {} : { price }), ...(solution === undefined ? {} : { solution }) }))
    }
  })
  return issues.count === before ? Object.freeze(competitors) : undefined
}

function readContacts(value: unknown, issues: IssueList, asOf: CivilDay | undefined): readonly Contact[] | undefined {
  const list = readList(value, { field: 'contacts', labelEn: 'the contacts', labelZh: '联系人' }, issues, false)
  if (list === undefined || list.length === 0) return undefined
  const before = issues.count
  const contacts = list.map((entry, index) => readContactInto(entry, `contacts[${index}]`, issues, asOf))
  return issues.count === before ? Object.freeze(contacts as Contact[]) : undefined
}
