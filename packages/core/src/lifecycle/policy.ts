import { invalidPolicyField, policyBoolean, policyInteger, policyObject, rejectUnknownKeys } from '../policy/validate.js'
import { parseCustomerCodeFormat } from './customerCode.js'

/**
 * The lifecycle policy (客户生命周期政策, R-LIF-1..5). Plain, JSON-serialisable data; create one
 * with {@link createLifecyclePolicy}.
 */
export interface LifecyclePolicy {
  /** R-LIF-4 customer-code format; **default** `'C{year}-{seq:5}'` (e.g. `C2026-00042`). */
  readonly customerCodeFormat: string
  /** R-LIF-2 id of the approval chain a new customer's request must use; **default** `'newCustomer'`. */
  readonly newCustomerChainId: string
  /** R-LIF-3 every criterion must pass ("必须具备"), not only be assessed; **default** `true`. */
  readonly requireAllSelectionCriteriaPassed: boolean
  /** R-LIF-2 how many qualification documents (资质文件) must be attached; **default** `1`, at least 1. */
  readonly minQualificationDocuments: number
  /** R-LIF-4 signing needs the agency agreement to have been sent (协议发给客户后方可签约); **default** `true`. */
  readonly signingRequiresAgreementSent: boolean
}

const KNOWN_KEYS = ['customerCodeFormat', 'newCustomerChainId', 'requireAllSelectionCriteriaPassed', 'minQualificationDocuments', 'signingRequiresAgreementSent'] as const

/**
 * The regulations' lifecycle defaults.
 *
 * @example
 * defaultLifecyclePolicy.customerCodeFormat //=> 'C{year}-{seq:5}'
 */
export const defaultLifecyclePolicy: LifecyclePolicy = Object.freeze({
  customerCodeFormat: 'C{year}-{seq:5}',
  newCustomerChainId: 'newCustomer',
  requireAllSelectionCriteriaPassed: true,
  minQualificationDocuments: 1,
  signingRequiresAgreementSent: true,
})

/**
 * Creates a validated, frozen lifecycle policy from overrides merged onto
 * {@link defaultLifecyclePolicy}; unknown fields are refused.
 *
 * @throws {@link PolicyValidationError} `POLICY.INVALID_FIELD` naming the field (`lifecycle.customerCodeFormat`)
 *
 * @example
 * createLifecyclePolicy({ customerCodeFormat: 'KH{year}{seq:4}' }).customerCodeFormat //=> 'KH{year}{seq:4}'
 * createLifecyclePolicy({ customerCodeFormat: 'C{year}' }) // throws: no {seq:N}
 */
export function createLifecyclePolicy(overrides: unknown = {}, field = 'lifecycle'): LifecyclePolicy {
  const given = policyObject(overrides, field)
  rejectUnknownKeys(given, field, KNOWN_KEYS)
  const merged: Record<string, unknown> = { ...defaultLifecyclePolicy, ...given }
  const format = merged['customerCodeFormat']
  parseCustomerCodeFormat(format, `${field}.customerCodeFormat`)
  const chainId = merged['newCustomerChainId']
  if (typeof chainId !== 'string' || chainId.trim() === '') invalidPolicyField(`${field}.newCustomerChainId`, 'must be a non-empty text', '必须是非空文本', chainId)
  return Object.freeze({
    customerCodeFormat: format as string,
    newCustomerChainId: chainId,
    requireAllSelectionCriteriaPassed: policyBoolean(merged['requireAllSelectionCriteriaPassed'], `${field}.requireAllSelectionCriteriaPassed`),
    minQualificationDocuments: policyInteger(merged['minQualificationDocuments'], `${field}.minQualificationDocuments`, { min: 1 }),
    signingRequiresAgreementSent: policyBoolean(merged['signingRequiresAgreementSent'], `${field}.signingRequiresAgreementSent`),
  })
}
