import { Money } from '../money/money.js'
import { invalidPolicyField, policyBoolean, policyDecimal, policyEnum, policyInteger, policyObject, rejectUnknownKeys } from '../policy/validate.js'
import { EXPENSE_ITEM_KINDS, type ExpenseItemKind, LOCAL_TRANSPORT_MODES, type LocalTransportMode, TAXI_MODES } from './items.js'

/**
 * The expense policy (费用报销政策, R-EXP-1..7). Plain, JSON-serialisable data; amounts are yuan
 * strings with two decimals. The regulation leaves every number to the company, so the default
 * amounts are **examples**. Create one with {@link createExpensePolicy}.
 */
export interface ExpensePolicy {
  /** R-EXP-2 the claim is due within this many working days after the trip's last day; **default** `3`. */
  readonly claimWithinWorkingDays: number
  /**
   * R-EXP-3 fare standard (交通费标准): fare category → maximum amount per ticket (每张票最高金额).
   * A fare whose category is not listed is not within the standard. **default (example)**:
   * `rail.highSpeedSecondClass` 高铁/动车二等座 ¥1,000; `rail.hardSleeper` 硬卧 ¥600;
   * `rail.hardSeat` 硬座 ¥400; `plane.economy` 飞机经济舱 ¥2,500; `coach` 长途汽车 ¥300.
   * Overrides replace the whole map (a company states its full table).
   */
  readonly fareStandards: Readonly<Record<string, string>>
  /** R-EXP-4 whether taxis and ride-hailing (出租车/网约车) are reimbursed; **default** `false`. */
  readonly taxisAllowed: boolean
  /** R-EXP-4 local transport that counts as public (公共交通); **default** `['bus', 'minibus', 'rail']`; never taxi modes. */
  readonly publicLocalTransportModes: readonly LocalTransportMode[]
  /** R-EXP-6 mobile-phone allowance per person per month (每人每月手机费额度); **default (example)** `'200.00'`. */
  readonly phoneAllowancePerMonth: string
  /** R-EXP-5 official sundries reimbursed at cost (实报实销的公务杂费); **default** `['postage', 'copying', 'fax']` (邮电费、复印费、传真费). */
  readonly sundryCategories: readonly string[]
  /** R-EXP-3 item kinds whose ticket numbers are checked for 连号; **default** `['fare', 'localTransport']` (交通费车票). */
  readonly consecutiveNumberKinds: readonly ExpenseItemKind[]
}

const KNOWN_KEYS = [
  'claimWithinWorkingDays',
  'fareStandards',
  'taxisAllowed',
  'publicLocalTransportModes',
  'phoneAllowancePerMonth',
  'sundryCategories',
  'consecutiveNumberKinds',
] as const

/**
 * The default expense policy: 3 working days to claim, example fare standards, no taxis, public
 * transport = bus/minibus/rail, ¥200 phone allowance per month (example), sundries = postage,
 * copying, fax, 连号 checked on transport tickets.
 *
 * @example
 * defaultExpensePolicy.claimWithinWorkingDays //=> 3
 * defaultExpensePolicy.fareStandards['plane.economy'] //=> '2500.00'
 */
export const defaultExpensePolicy: ExpensePolicy = Object.freeze({
  claimWithinWorkingDays: 3,
  fareStandards: Object.freeze({
    'rail.highSpeedSecondClass': '1000.00',
    'rail.hardSleeper': '600.00',
    'rail.hardSeat': '400.00',
    'plane.economy': '2500.00',
    coach: '300.00',
  }),
  taxisAllowed: false,
  publicLocalTransportModes: Object.freeze(['bus', 'minibus', 'rail'] as LocalTransportMode[]),
  phoneAllowancePerMonth: '200.00',
  sundryCategories: Object.freeze(['postage', 'copying', 'fax']),
  consecutiveNumberKinds: Object.freeze(['fare', 'localTransport'] as ExpenseItemKind[]),
})

/**
 * Creates a validated, frozen expense policy: `overrides` are merged onto
 * {@link defaultExpensePolicy} (arrays and the `fareStandards` map replace the default, they are
 * not merged), every field is validated and unknown fields are refused.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g.
 *   `expenses.fareStandards.plane.economy` for a negative amount
 *
 * @example
 * createExpensePolicy({ taxisAllowed: true }).taxisAllowed //=> true
 * createExpensePolicy({ phoneAllowancePerMonth: '300' }).phoneAllowancePerMonth //=> '300.00'
 * createExpensePolicy({ claimWithinWorkingDays: -1 }) // throws POLICY.INVALID_FIELD (expenses.claimWithinWorkingDays)
 */
export function createExpensePolicy(overrides: unknown = {}, field = 'expenses'): ExpensePolicy {
  const given = policyObject(overrides, field)
  rejectUnknownKeys(given, field, KNOWN_KEYS)
  const merged: Record<string, unknown> = { ...defaultExpensePolicy, ...given }

  const standards = policyObject(merged['fareStandards'], `${field}.fareStandards`)
  const fareStandards: Record<string, string> = {}
  for (const [category, max] of Object.entries(standards)) {
    if (category.trim() === '') invalidPolicyField(`${field}.fareStandards`, 'must not have an empty category', '不能有空的交通费类别', standards)
    fareStandards[category] = policyMoney(max, `${field}.fareStandards.${category}`).toString()
  }

  const publicModes = uniqueList(merged['publicLocalTransportModes'], `${field}.publicLocalTransportModes`, (item, itemField) =>
    policyEnum(item, itemField, LOCAL_TRANSPORT_MODES.filter((mode) => !TAXI_MODES.includes(mode))),
  )
  const sundryCategories = uniqueList(merged['sundryCategories'], `${field}.sundryCategories`, (item, itemField) => {
    if (typeof item !== 'string' || item.trim() === '') invalidPolicyField(itemField, 'must be a non-empty string', '必须是非空字符串', item)
    return item
  })
  const consecutiveNumberKinds = uniqueList(merged['consecutiveNumberKinds'], `${field}.consecutiveNumberKinds`, (item, itemField) =>
    policyEnum(item, itemField, EXPENSE_ITEM_KINDS),
  )

  return Object.freeze({
    claimWithinWorkingDays: policyInteger(merged['claimWithinWorkingDays'], `${field}.claimWithinWorkingDays`, { min: 0, max: 366 }),
    fareStandards: Object.freeze(fareStandards),
    taxisAllowed: policyBoolean(merged['taxisAllowed'], `${field}.taxisAllowed`),
    publicLocalTransportModes: Object.freeze(publicModes),
    phoneAllowancePerMonth: policyMoney(merged['phoneAllowancePerMonth'], `${field}.phoneAllowancePerMonth`).toString(),
    sundryCategories: Object.freeze(sundryCategories),
    consecutiveNumberKinds: Object.freeze(consecutiveNumberKinds),
  })
}

/**
 * Reads the policy argument of the check functions: a complete policy (every field present, as
 * {@link createExpensePolicy} returns), validated. A partial object is refused rather than
 * silently completed with defaults. @internal
 */
export function readExpensePolicy(policy: ExpensePolicy, field = 'policy'): ExpensePolicy {
  const given = policyObject(policy, field)
  for (const key of KNOWN_KEYS) {
    if (given[key] === undefined) invalidPolicyField(`${field}.${key}`, 'is missing (build the policy with createExpensePolicy)', '缺失（请用 createExpensePolicy 创建政策）', undefined)
  }
  return createExpensePolicy(given, field)
}

function policyMoney(value: unknown, field: string): Money {
  const yuan = policyDecimal(value, field, { min: 0 })
  if (yuan.decimalPlaces() > 2) invalidPolicyField(field, 'must be whole fen (at most 2 decimals)', '精度不能超过分（最多两位小数）', value)
  return Money.fromFen(BigInt(yuan.times(100).toFixed(0)))
}

function uniqueList<T>(value: unknown, field: string, readItem: (item: unknown, itemField: string) => T): T[] {
  if (!Array.isArray(value)) invalidPolicyField(field, 'must be a list', '必须是列表', value)
  const items = value.map((item, index) => readItem(item, `${field}[${index}]`))
  if (new Set(items).size !== items.length) invalidPolicyField(field, 'must not repeat an entry', '不能有重复项', value)
  return items
}
