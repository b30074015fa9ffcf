import type { MoneyInput } from '../money/money.js'

/**
 * Field names of the customer archive record (客户档案, R-ARC-1) and of a contact (联系人,
 * R-ARC-2). The full record type with its validation is a later piece of work; these names
 * are the shared vocabulary (used by the completeness score, R-ARC-3, and its policy).
 * @module
 */

/**
 * The fields of a customer archive record (客户档案字段, R-ARC-1), in the order of the
 * 客户档案表. Only `name` is required by the rule; all others are optional.
 */
export const ARCHIVE_FIELDS = [
  'name', // 客户名称 *
  'creditCode', // 统一社会信用代码
  'legalRepresentative', // 法定代表人
  'address', // 地址
  'postalCode', // 邮编
  'phone', // 电话
  'fax', // 传真
  'email', // 电子邮箱
  'businessScope', // 经营范围
  'registeredCapital', // 注册资本
  'companyNature', // 公司性质
  'industryPosition', // 同业地位
  'mainBusiness', // 主营业务
  'additionalBusiness', // 附加业务
  'salesLastThreeYears', // 近 3 年销售业绩
  'creditRating', // 信用等级
  'ourStrengths', // 本公司在交易中的优势
  'ourWeaknessesAndCountermeasures', // 本公司在交易中的劣势和对策
  'organisationStructure', // 组织架构
  'decisionProcess', // 决策流程
  'decisionMakers', // 决策人
  'competitors', // 竞争者资料（公司、价格、解决方案）
  'status', // 客户状态
] as const

/** One field name of the customer archive record (R-ARC-1). */
export type ArchiveFieldName = (typeof ARCHIVE_FIELDS)[number]

/** Chinese labels of the archive fields, for messages and forms (字段中文名). */
export const ARCHIVE_FIELD_LABELS_ZH: Readonly<Record<ArchiveFieldName, string>> = Object.freeze({
  name: '客户名称',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  address: '地址',
  postalCode: '邮编',
  phone: '电话',
  fax: '传真',
  email: '电子邮箱',
  businessScope: '经营范围',
  registeredCapital: '注册资本',
  companyNature: '公司性质',
  industryPosition: '同业地位',
  mainBusiness: '主营业务',
  additionalBusiness: '附加业务',
  salesLastThreeYears: '近3年销售业绩',
  creditRating: '信用等级',
  ourStrengths: '本公司优势',
  ourWeaknessesAndCountermeasures: '本公司劣势和对策',
  organisationStructure: '组织架构',
  decisionProcess: '决策流程',
  decisionMakers: '决策人',
  competitors: '竞争者资料',
  status: '客户状态',
})

/** The identity fields of R-ARC-3 (身份字段), weighted 2 by default. */
export const ARCHIVE_IDENTITY_FIELDS = ['name', 'creditCode', 'legalRepresentative', 'address', 'phone'] as const satisfies readonly ArchiveFieldName[]

/** Company nature (公司性质) of the 客户档案表. */
export const COMPANY_NATURES = {
  listed: '上市公司',
  privateLimited: '私人有限公司',
  sinoForeignJointVenture: '中外合资',
  whollyForeignOwned: '外商独资',
  stateOwned: '国营',
} as const

/** One of the {@link COMPANY_NATURES} keys. */
export type CompanyNature = keyof typeof COMPANY_NATURES

/** Industry position (同业地位) of the 客户档案表. */
export const INDUSTRY_POSITIONS = {
  leader: '领导者',
  influential: '具影响力',
  medium: '中等',
  small: '小型厂商',
  other: '其他',
} as const

/** One of the {@link INDUSTRY_POSITIONS} keys. */
export type IndustryPosition = keyof typeof INDUSTRY_POSITIONS

/** An optional archive value as it may come from a form or a database row. */
export type ArchiveValue<T> = T | null | undefined

/** Sales of one year (年度销售业绩). */
export interface AnnualSales {
  readonly year: number
  readonly amount: MoneyInput
}

/** One competitor (竞争者): company, price, solution. */
export interface CompetitorInfo {
  readonly company: string
  readonly price?: ArchiveValue<MoneyInput | string>
  readonly solution?: ArchiveValue<string>
}

/**
 * A customer archive record as entered so far (客户档案草稿, R-ARC-1): every field optional,
 * not yet validated. Extra properties (an id, an owner…) may be present and are ignored by the
 * archive functions.
 */
export interface CustomerArchiveDraft {
  readonly name?: ArchiveValue<string>
  readonly creditCode?: ArchiveValue<string>
  readonly legalRepresentative?: ArchiveValue<string>
  readonly address?: ArchiveValue<string>
  readonly postalCode?: ArchiveValue<string>
  readonly phone?: ArchiveValue<string>
  readonly fax?: ArchiveValue<string>
  readonly email?: ArchiveValue<string>
  readonly businessScope?: ArchiveValue<string>
  readonly registeredCapital?: ArchiveValue<MoneyInput>
  readonly companyNature?: ArchiveValue<CompanyNature>
  readonly industryPosition?: ArchiveValue<IndustryPosition>
  readonly mainBusiness?: ArchiveValue<string>
  readonly additionalBusiness?: ArchiveValue<string>
  readonly salesLastThreeYears?: ArchiveValue<readonly AnnualSales[]>
  readonly creditRating?: ArchiveValue<string>
  readonly ourStrengths?: ArchiveValue<string>
  readonly ourWeaknessesAndCountermeasures?: ArchiveValue<string>
  readonly organisationStructure?: ArchiveValue<string>
  readonly decisionProcess?: ArchiveValue<string>
  readonly decisionMakers?: ArchiveValue<readonly string[]>
  readonly competitors?: ArchiveValue<readonly CompetitorInfo[]>
  readonly status?: ArchiveValue<string>
}

/** The fields of a contact (联系人字段, R-ARC-2); only `name` is required. */
export const CONTACT_FIELDS = [
  'name', // 姓名 *
  'position', // 职位
  'phone', // 电话
  'email', // 电子邮箱
  'education', // 教育经历
  'birthDate', // 出生日期
  'interests', // 兴趣爱好
  'family', // 家庭情况
  'isDecisionMaker', // 决策人
  'isInfluencer', // 影响者
] as const

/** One field name of a contact (R-ARC-2). */
export type ContactFieldName = (typeof CONTACT_FIELDS)[number]

/** A contact of a customer as entered so far (联系人草稿, R-ARC-2), not yet validated. */
export interface CustomerContactDraft {
  readonly name?: ArchiveValue<string>
  readonly position?: ArchiveValue<string>
  readonly phone?: ArchiveValue<string>
  readonly email?: ArchiveValue<string>
  readonly education?: ArchiveValue<string>
  /** ISO calendar date `YYYY-MM-DD`. */
  readonly birthDate?: ArchiveValue<string>
  readonly interests?: ArchiveValue<string>
  readonly family?: ArchiveValue<string>
  readonly isDecisionMaker?: ArchiveValue<boolean>
  readonly isInfluencer?: ArchiveValue<boolean>
}
