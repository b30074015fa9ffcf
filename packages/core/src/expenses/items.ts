/**
 * Vocabulary of expense items (费用明细种类) and local transport modes (市内交通方式).
 * @module
 */

/**
 * Kinds of expense item:
 * `fare` 在途交通费 (train, plane, coach tickets), `localTransport` 市内交通费, `lodging` 住宿费,
 * `sundry` 公务杂费 (postage, copying, fax), `entertainment` 业务招待费, `phone` 手机费.
 *
 * @example
 * EXPENSE_ITEM_KINDS.includes('fare') //=> true
 */
export const EXPENSE_ITEM_KINDS = ['fare', 'localTransport', 'lodging', 'sundry', 'entertainment', 'phone'] as const

/** One of {@link EXPENSE_ITEM_KINDS}. */
export type ExpenseItemKind = (typeof EXPENSE_ITEM_KINDS)[number]

/** Item kinds that belong to a business trip and need the claim's `trip` (差旅费). */
export const TRAVEL_ITEM_KINDS: readonly ExpenseItemKind[] = Object.freeze(['fare', 'localTransport', 'lodging'])

/**
 * Local transport modes (市内交通方式): `bus` 公交车, `minibus` 中巴, `rail` 轨道交通 (metro, light
 * rail), `taxi` 出租车, `rideHailing` 网约车, `other` 其他.
 *
 * @example
 * LOCAL_TRANSPORT_MODES.length //=> 6
 */
export const LOCAL_TRANSPORT_MODES = ['bus', 'minibus', 'rail', 'taxi', 'rideHailing', 'other'] as const

/** One of {@link LOCAL_TRANSPORT_MODES}. */
export type LocalTransportMode = (typeof LOCAL_TRANSPORT_MODES)[number]

/** Modes governed by the policy's `taxisAllowed` (出租车 and 网约车). */
export const TAXI_MODES: readonly LocalTransportMode[] = Object.freeze(['taxi', 'rideHailing'])
