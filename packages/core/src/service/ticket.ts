import type { CivilDay } from '../calendar/civilDay.js'
import type { Money } from '../money/money.js'
import type { ServiceZone } from './policy.js'
import type { ServiceType } from './serviceType.js'

/**
 * States of a repair ticket (叫修单), R-SVC-2 / R-SVC-5:
 *
 * `registered` 已登记 → `dispatched` 已派工 → `arrived` 已到场 → [`inWorkshop` 带回修理 →
 * `repaired` 已修妥] → `completed` 已完工 → `closed` 已结案 (customer signature).
 */
export type ServiceTicketState = 'registered' | 'dispatched' | 'arrived' | 'inWorkshop' | 'repaired' | 'completed' | 'closed'

/**
 * The states, in flow order.
 * @example
 * SERVICE_TICKET_STATES[0] //=> 'registered'
 */
export const SERVICE_TICKET_STATES: readonly ServiceTicketState[] = Object.freeze([
  'registered',
  'dispatched',
  'arrived',
  'inWorkshop',
  'repaired',
  'completed',
  'closed',
])

/** One entry of the register of customer goods in and out (客户商品进出登记薄). */
export interface WorkshopRegisterEntry {
  readonly direction: 'in' | 'out'
  readonly at: Date
  readonly ticketId: string
  readonly productModel: string
}

/** A part used in a repair (配套零件), recorded on the repair card. */
export interface RepairPart {
  readonly name: string
  readonly quantity: number
}

/**
 * A repair taken back to the workshop (带回修理), R-SVC-5: the receipt given to the customer, the
 * repair card hung on the product, and the in/out register entries.
 */
export interface WorkshopRepair {
  /** 客户商品领取收据: issued when the product is taken, voided when it is returned. */
  readonly receipt: { readonly number: string; readonly issuedAt: Date; readonly status: 'issued' | 'voided'; readonly voidedAt?: Date }
  /** 修理卡: opened when taken; actual working hours and parts filled in when repaired. */
  readonly repairCard: {
    readonly number: string
    readonly openedAt: Date
    readonly workHours?: number
    readonly parts?: readonly RepairPart[]
    /** The service supervisor who accepted the repair (主任验收). */
    readonly acceptedBy?: string
  }
  /** The day the repair was promised for (原定修妥时间). */
  readonly promisedDate: CivilDay
  readonly takenAt: Date
  readonly repairedAt?: Date
  readonly returnedAt?: Date
  /** 客户商品进出登记薄 entries: `in` when taken, `out` when returned. */
  readonly register: readonly WorkshopRegisterEntry[]
}

/** The charge of paid service (有费服务收费): invoice made out at the accountant (开票). */
export interface ServiceCharge {
  readonly at: Date
  readonly amount: Money
  readonly invoiceNumber?: string
}

/** One entry of a ticket's history. */
export interface ServiceTicketEvent {
  readonly type: 'registered' | 'dispatched' | 'arrived' | 'takenToWorkshop' | 'repaired' | 'completed' | 'charged' | 'closed'
  readonly at: Date
  readonly actorId?: string
}

/**
 * A repair ticket (叫修登记 / 服务凭证), immutable: every transition returns a new one. The
 * application chooses the id and stores the ticket; core never generates ids or reads the clock.
 */
export interface ServiceTicket {
  readonly id: string
  readonly customerId: string
  readonly customerName: string
  readonly address: string
  /** The phone as normalised by the archive's `validatePhone`. */
  readonly phone: string
  readonly productModel: string
  readonly zone: ServiceZone
  readonly serviceType: ServiceType
  /** When the call came in (叫修时间). */
  readonly callAt: Date
  readonly state: ServiceTicketState
  readonly technicianId?: string
  readonly dispatchedAt?: Date
  readonly arrivedAt?: Date
  readonly workshop?: WorkshopRepair
  readonly completedAt?: Date
  readonly charge?: ServiceCharge
  readonly closedAt?: Date
  /** The customer's signature on the service voucher (客户签字), as given by the application. */
  readonly customerSignature?: string
  readonly history: readonly ServiceTicketEvent[]
}

/** Why a transition was refused — data, in both languages. */
export interface ServiceRefusal {
  /** One of {@link ServiceRefusalCode}. */
  readonly code: string
  readonly ruleId: string
  readonly messageZh: string
  readonly messageEn: string
  /** For an incomplete registration: each problem, with the field it is about. */
  readonly issues?: readonly { readonly field: string; readonly code: string; readonly messageZh: string; readonly messageEn: string }[]
}

/** The outcome of a step: the new ticket, or a refusal. */
export type ServiceTicketResult = { readonly ok: true; readonly ticket: ServiceTicket } | { readonly ok: false; readonly refusal: ServiceRefusal }
