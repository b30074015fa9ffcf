import type { OwnershipRefusal } from './refusal.js'
import type { OwnershipHistoryEntry, OwnershipState } from './state.js'

/**
 * Something the application must do outside the state (副作用), returned as data: core performs no I/O.
 *
 * - `revokeAccess` — take the leaver's access to customer data away at once (R-OWN-5).
 * - `notifyCustomer` — tell the customer who its new contact is (R-OWN-5).
 */
export type OwnershipEffect =
  | { readonly type: 'revokeAccess'; readonly staffId: string; readonly at: Date; readonly ruleId: 'R-OWN-5' }
  | { readonly type: 'notifyCustomer'; readonly customerId: string; readonly ownerId: string; readonly at: Date; readonly ruleId: 'R-OWN-5' }

/**
 * The outcome of an ownership operation: the new state with the history entries it appended
 * (to persist in the same transaction) and the effects to carry out — or a refusal, in which case
 * nothing changed.
 */
export type OwnershipResult =
  | {
      readonly ok: true
      readonly state: OwnershipState
      readonly entries: readonly OwnershipHistoryEntry[]
      readonly effects: readonly OwnershipEffect[]
    }
  | { readonly ok: false; readonly refusal: OwnershipRefusal }
