import fc from 'fast-check'

/**
 * Shared arbitraries of the visits area (拜访, R-VIS) and of the archive records (R-ARC-1/2/6):
 * valid raw inputs whose outcome is known, and for each field a corruption that produces exactly
 * one issue on that field — so a property can corrupt any subset and expect exactly those fields.
 * @module
 */

const MINUTE = 60_000

/** Epoch ms of a Shanghai wall-clock time, via an explicit +08:00 offset. */
export function shanghaiMs(day: string, time = '00:00'): number {
  return Date.parse(`${day}T${time}:00.000+08:00`)
}

/**
 * An instant, to the minute, from 2015-01-01 to 2026-12-10 +08:00 — inside the years the bundled
 * holiday schedules cover, with room for a deadline of a few working days after it.
 */
export const coveredInstantArb: fc.Arbitrary<Date> = fc
  .integer({ min: shanghaiMs('2015-01-01') / MINUTE, max: shanghaiMs('2026-12-10') / MINUTE })
  .map((minute) => new Date(minute * MINUTE))

/** An instant in 2026, to the minute. */
export const instant2026Arb: fc.Arbitrary<Date> = fc
  .integer({ min: shanghaiMs('2026-01-01') / MINUTE, max: shanghaiMs('2026-12-10') / MINUTE })
  .map((minute) => new Date(minute * MINUTE))

/** A short non-blank text (Chinese or ASCII), already trimmed. */
export const textArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('张', '李', '王', 'A', 'b', '经理', '产品', 'x1'), fc.string({ maxLength: 6 }))
  .map(([head, tail]) => `${head}${tail}`.trim())
  .filter((text) => text !== '')

/** A customer id among a few, so that records of several customers mix. */
export const customerIdArb: fc.Arbitrary<string> = fc.constantFrom('C1', 'C2', 'C3')

/** A valid raw visit record input (R-VIS-2). */
export const visitRecordInputArb = (customerId: fc.Arbitrary<string> = customerIdArb) =>
  fc.record({
    customerId,
    startAt: instant2026Arb,
    durationMinutes: fc.integer({ min: 1, max: 600 }),
    peopleMet: fc.array(textArb, { minLength: 1, maxLength: 3 }),
    method: fc.constantFrom('relationship', 'productExplanation', 'demonstration', 'proposal', 'contract', '建立关系', '缔约'),
    progress: textArb,
    attitude: fc.constantFrom('warm', 'neutral', 'cold', '热', '一般', '冷淡'),
    summary: textArb,
  })

/** For each visit-record field, a value that gives exactly one issue on that field. */
export const VISIT_RECORD_CORRUPTIONS: Readonly<Record<string, unknown>> = {
  customerId: '  ',
  startAt: '2026-09-28 10:00',
  durationMinutes: 0,
  peopleMet: [],
  method: 'chat',
  progress: 42,
  attitude: 'hot',
  summary: null,
}

/** A valid raw visit plan input (R-VIS-1). */
export const visitPlanInputArb = fc.record({
  customerId: customerIdArb,
  plannedAt: instant2026Arb,
  personToMeet: textArb,
  purpose: textArb,
  byStaffId: fc.constantFrom('u1', 'u2'),
})

/** A valid raw gift request (R-VIS-5), value as fen. */
export const giftRequestInputArb = fc.record({
  recipient: textArb,
  item: textArb,
  quantity: fc.integer({ min: 1, max: 1000 }),
  valueFen: fc.bigInt({ min: 1n, max: 10_000_000n }),
  date: fc.constantFrom('2026-09-24', '2026-02-28', '2024-02-29'),
})

/** For each gift-request field, a value that gives exactly one issue on that field. */
export const GIFT_REQUEST_CORRUPTIONS: Readonly<Record<string, unknown>> = {
  recipient: undefined,
  item: '',
  quantity: 1.5,
  value: 12.345,
  date: '2026-02-30',
}

/** A reception cost line with its amount in fen. */
export const costLineArb = fc.record({
  category: fc.constantFrom('hospitality', 'socialising', 'meeting', 'seminar', 'ceremony', 'gifts', 'other'),
  fen: fc.bigInt({ min: 1n, max: 100_000_000n }),
})

/** Fen as a text amount, e.g. `12345n` → `'123.45'`. */
export function fenToText(fen: bigint): string {
  return `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`
}

/** A timeline event input of customer C1 with the given id, at minute `minute` of 2026-09-28. */
export function timelineEventInput(id: string, minute: number, customerId = 'C1'): Record<string, unknown> {
  return { id, customerId, kind: 'call', at: new Date(shanghaiMs('2026-09-28') + minute * MINUTE), byStaffId: 'u1', summary: `电话 ${id}` }
}

/** Actions of the minutes workflow (R-VIS-4), for model-based properties. */
export type MinutesAction =
  | { readonly type: 'review'; readonly asManager: boolean; readonly active: boolean; readonly offsetMinutes: number }
  | { readonly type: 'send'; readonly offsetMinutes: number }
  | { readonly type: 'confirm'; readonly offsetMinutes: number }

/** A random sequence of minutes actions; offsets are relative to the previous step, possibly negative. */
export const minutesActionsArb: fc.Arbitrary<MinutesAction[]> = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant('review' as const), asManager: fc.boolean(), active: fc.boolean(), offsetMinutes: fc.integer({ min: -60, max: 3000 }) }),
    fc.record({ type: fc.constant('send' as const), offsetMinutes: fc.integer({ min: -60, max: 3000 }) }),
    fc.record({ type: fc.constant('confirm' as const), offsetMinutes: fc.integer({ min: -60, max: 3000 }) }),
  ),
  { maxLength: 8 },
)

/** A complete, valid customer archive input (R-ARC-1) with one contact, as a form would send it. */
export const FULL_ARCHIVE_INPUT: Readonly<Record<string, unknown>> = Object.freeze({
  id: 'C1',
  name: '宁波诺博特机械有限公司',
  creditCode: '91350100m000100y43',
  legalRepresentative: '陈明',
  address: '浙江省宁波市鄞州区',
  postalCode: '３１５０００',
  phone: '0574-87654321',
  fax: '(0574)87654322',
  email: 'Sales@Nobot.COM',
  businessScope: '机械设备制造与销售',
  registeredCapital: '5000000',
  companyNature: '中外合资',
  industryPosition: 'influential',
  mainBusiness: '数控机床',
  additionalBusiness: '售后维修',
  salesLastThreeYears: [
    { year: 2024, amount: '32000000.00' },
    { year: 2025, amount: 35000000 },
  ],
  creditRating: 'AA',
  ourStrengths: '交货快',
  ourWeaknessesAndCountermeasures: '价格偏高；以服务弥补',
  organisationStructure: '总经理—采购部—技术部',
  decisionProcess: '技术部评估，总经理拍板',
  decisionMakers: ['陈明'],
  competitors: [{ company: '甲机械', price: '118000', solution: '进口整机' }],
  status: '开发中',
  contacts: [{ name: '张伟', position: '采购经理', phone: '+86 138-1234-5678', isDecisionMaker: true }],
})

/** For each archive field, a value that gives exactly one issue on that field. */
export const ARCHIVE_CORRUPTIONS: Readonly<Record<string, unknown>> = Object.freeze({
  name: '',
  creditCode: '91350100M000100Y44',
  legalRepresentative: 5,
  address: ['宁波'],
  postalCode: '1000',
  phone: '12345',
  fax: 'fax me',
  email: 'x@',
  businessScope: true,
  registeredCapital: 1.5,
  companyNature: 'cooperative',
  industryPosition: '第一',
  mainBusiness: {},
  additionalBusiness: 0,
  salesLastThreeYears: 'lots',
  creditRating: 7,
  ourStrengths: 7,
  ourWeaknessesAndCountermeasures: 7,
  organisationStructure: 7,
  decisionProcess: 7,
  decisionMakers: 'x',
  competitors: {},
  status: 7,
  contacts: 'x',
})

/** A complete, valid contact input (R-ARC-2). */
export const FULL_CONTACT_INPUT: Readonly<Record<string, unknown>> = Object.freeze({
  name: '张伟',
  position: '采购经理',
  phone: '+86 138-1234-5678',
  email: 'zhang.wei@example.cn',
  education: '浙江大学 机械工程 本科',
  birthDate: '1985-06-15',
  interests: '围棋',
  family: '已婚，一女',
  isDecisionMaker: true,
  isInfluencer: false,
})

/** For each contact field, a value that gives exactly one issue on that field. */
export const CONTACT_CORRUPTIONS: Readonly<Record<string, unknown>> = Object.freeze({
  name: null,
  position: 3,
  phone: '021-123',
  email: 'zhang wei@example.cn',
  education: false,
  birthDate: '1985-02-29',
  interests: [],
  family: 1,
  isDecisionMaker: 'yes',
  isInfluencer: 0,
})
