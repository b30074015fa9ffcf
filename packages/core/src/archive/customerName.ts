import { type CustomerNamePolicy, compactNameText, createCustomerNamePolicy, defaultCustomerNamePolicy } from './customerNamePolicy.js'
import { ArchiveErrorCode, InvalidArchiveInputError } from './errors.js'
import { describeValue } from './verdict.js'

const BRACKETED = /[([{【〔〖]([^()[\]{}【】〔〕〖〗]*)[)\]}】〕〗]/u

interface CompiledNamePolicy {
  readonly suffixes: readonly string[]
  readonly markers: ReadonlySet<string>
  readonly branches: readonly string[]
}

const compiledDefault = compile(defaultCustomerNamePolicy)

/** @internal compiles a name policy into its comparison keys. */
export function compileNamePolicy(policy: CustomerNamePolicy): CompiledNamePolicy {
  return policy === defaultCustomerNamePolicy ? compiledDefault : compile(createCustomerNamePolicy(policy))
}

function compile(policy: CustomerNamePolicy): CompiledNamePolicy {
  const suffixes = [...new Set(policy.legalFormSuffixes.map(compactNameText))].sort((a, b) => b.length - a.length)
  return {
    suffixes,
    markers: new Set([...policy.bracketMarkers, ...policy.legalFormSuffixes].map(compactNameText)),
    branches: policy.branchSuffixes.map(compactNameText),
  }
}

/**
 * R-ARC-5 Normalises a customer name for the duplicate check (客户名称规范化). Steps:
 * 1. Unicode NFKC (full-width to half-width: `ＡＢＣ（中国）` → `ABC(中国)`), lower case;
 * 2. brackets of every kind — `()` `（）` `[]` `［］` `{}` `【】` `〔〕` `〖〗` — are removed,
 *    keeping their content, except a content that is a bracket marker or a legal-form suffix
 *    (`(中国)`, `(China)`, `(有限合伙)`), which goes with its brackets;
 * 3. all whitespace, punctuation, control and format characters are removed;
 * 4. legal-form suffixes are removed from the end, longest first, until none is left
 *    (`集团股份有限公司` → ``), unless the name ends with a branch ending (`分公司`).
 *
 * The result is a comparison key, not a display name; it may be empty (a name made only of a
 * suffix), and an empty key never matches anything. Normalising twice changes nothing.
 *
 * @param name - the customer name
 * @param policy - suffix and marker lists, **default** {@link defaultCustomerNamePolicy}
 * @throws {@link InvalidArchiveInputError} `ARCHIVE.NOT_TEXT` (field `name`) when `name` is not a string
 *
 * @example
 * normaliseCustomerName('三星（中国）投资有限公司') //=> '三星投资'
 * normaliseCustomerName('ＡＢＣ Trading Co., Ltd.') //=> 'abctrading'
 * normaliseCustomerName('华为技术 有限公司') //=> '华为技术'
 */
export function normaliseCustomerName(name: string, policy: CustomerNamePolicy = defaultCustomerNamePolicy): string {
  if (typeof name !== 'string') {
    throw new InvalidArchiveInputError({
      code: ArchiveErrorCode.NOT_TEXT,
      field: 'name',
      ruleId: 'R-ARC-5',
      messageEn: `name must be text, got ${describeValue(name)}`,
      messageZh: `name（客户名称）必须是文本，实际为 ${describeValue(name)}`,
      details: { value: describeValue(name) },
    })
  }
  return normaliseWith(name, compileNamePolicy(policy))
}

/** @internal normalisation with a compiled policy, iterated to its fixed point. */
export function normaliseWith(name: string, compiled: CompiledNamePolicy): string {
  let current = normaliseOnce(name, compiled)
  for (let i = 0; i < 8; i += 1) {
    const next = normaliseOnce(current, compiled)
    if (next === current) break
    current = next
  }
  return current
}

function normaliseOnce(name: string, compiled: CompiledNamePolicy): string {
  let text = name.normalize('NFKC').toLowerCase().normalize('NFKC')
  for (;;) {
    const replaced = text.replace(BRACKETED, (_match, content: string) => (compiled.markers.has(compactNameText(content)) ? ' ' : ` ${content} `))
    if (replaced === text) break
    text = replaced
  }
  let key = compactNameText(text)
  for (;;) {
    if (compiled.branches.some((branch) => key.endsWith(branch))) break
    const suffix = compiled.suffixes.find((candidate) => key.endsWith(candidate))
    if (suffix === undefined) break
    key = key.slice(0, key.length - suffix.length)
  }
  return key
}
