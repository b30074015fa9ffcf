import { invalidPolicyField, policyObject, rejectUnknownKeys } from '../policy/validate.js'

/**
 * Policy of customer-name normalisation for the duplicate check (客户名称规范化参数, R-ARC-5).
 * Entries are written naturally (`'Co., Ltd.'`); they are compared after the same
 * normalisation as names (NFKC, lower case, whitespace and punctuation removed), so
 * `'Co., Ltd.'`, `'co.,ltd'` and `'CO LTD'` are the same entry.
 */
export interface CustomerNamePolicy {
  /**
   * Legal-form suffixes (企业组织形式后缀) removed from the end of a name, longest first,
   * repeatedly (so `集团股份有限公司` goes as `股份有限公司` then `集团`). Also removed when they
   * are the whole content of a bracket (`(有限合伙)`).
   */
  readonly legalFormSuffixes: readonly string[]
  /** Contents of a bracket removed together with the bracket (region markers, `(中国)`). */
  readonly bracketMarkers: readonly string[]
  /**
   * Branch endings (分支机构): a name ending with one of them keeps all its suffixes, because a
   * branch (`…有限公司上海分公司`) is a registered entity of its own.
   */
  readonly branchSuffixes: readonly string[]
}

/**
 * **default** name policy (R-ARC-5).
 * - legal-form suffixes: 股份有限公司, 有限责任公司, 有限公司, 股份公司, 公司, 集团, 有限合伙,
 *   普通合伙, 特殊普通合伙, Co., Ltd., Co. Limited, Limited, Ltd., Inc., Incorporated,
 *   Corporation, Corp., LLC, PLC, GmbH, Company, Group (a bare `Co` is **not** a suffix:
 *   too many names end in "co");
 * - bracket markers: 中国, China, PRC (plus every legal-form suffix);
 * - branch endings: 分公司, 办事处, 代表处.
 *
 * @example
 * defaultCustomerNamePolicy.bracketMarkers //=> ['中国', 'China', 'PRC']
 */
export const defaultCustomerNamePolicy: CustomerNamePolicy = Object.freeze({
  legalFormSuffixes: Object.freeze([
    '股份有限公司',
    '有限责任公司',
    '有限公司',
    '股份公司',
    '公司',
    '集团',
    '有限合伙',
    '普通合伙',
    '特殊普通合伙',
    'Co., Ltd.',
    'Co. Limited',
    'Limited',
    'Ltd.',
    'Inc.',
    'Incorporated',
    'Corporation',
    'Corp.',
    'LLC',
    'PLC',
    'GmbH',
    'Company',
    'Group',
  ]),
  bracketMarkers: Object.freeze(['中国', 'China', 'PRC']),
  branchSuffixes: Object.freeze(['分公司', '办事处', '代表处']),
})

const KEYS = ['legalFormSuffixes', 'bracketMarkers', 'branchSuffixes'] as const

/**
 * Creates a validated, frozen name policy (R-ARC-5): overrides replace the default lists
 * key by key (a list given is the whole list, so a company can also remove an entry).
 * Every entry must be a string that keeps at least one character after normalisation.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field, e.g.
 *   `customerName.legalFormSuffixes[2]`, `customerName.bracketMarker` (unknown key)
 *
 * @example
 * createCustomerNamePolicy({ bracketMarkers: ['中国', '香港'] }).bracketMarkers //=> ['中国', '香港']
 */
export function createCustomerNamePolicy(overrides?: unknown): CustomerNamePolicy {
  if (overrides === undefined) return defaultCustomerNamePolicy
  const root = policyObject(overrides, 'customerName')
  rejectUnknownKeys(root, 'customerName', KEYS)
  const result = {} as Record<(typeof KEYS)[number], readonly string[]>
  for (const key of KEYS) {
    const raw = Object.hasOwn(root, key) ? root[key] : defaultCustomerNamePolicy[key]
    if (!Array.isArray(raw)) invalidPolicyField(`customerName.${key}`, 'must be a list of strings', '必须是字符串列表', raw)
    result[key] = Object.freeze(
      raw.map((entry: unknown, i: number) => {
        if (typeof entry !== 'string' || compactNameText(entry) === '') {
          invalidPolicyField(`customerName.${key}[${i}]`, 'must be a non-empty text', '必须是非空文本', entry)
        }
        return entry
      }),
    )
  }
  return Object.freeze(result)
}

/**
 * @internal NFKC (full-width to half-width), lower case, then every whitespace, punctuation
 * (brackets included), control and format character removed.
 */
export function compactNameText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\p{P}\p{Z}\p{Cc}\p{Cf}\s]+/gu, '')
}
