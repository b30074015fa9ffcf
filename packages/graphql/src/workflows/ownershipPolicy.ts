import { createWorkingCalendar, type WorkingCalendar } from '@kehu/core/calendar'
import { createOwnershipPolicy, defaultOwnershipPolicy, type OwnershipPolicy } from '@kehu/core/ownership'

import type { PrismaClient } from '../generated/prisma/client.js'

/**
 * The company's ownership and pool policy (客户归属与公海政策, R-OWN-1..6) and the working calendar
 * its contact deadlines are counted on (R-OWN-2), as the gateway applies them.
 */
export interface OwnershipSettings {
  readonly policy: OwnershipPolicy
  readonly calendar: WorkingCalendar
}

// Settings belong to the company whose database a client opens, so they are kept per client:
// two gateways in one process (two companies, or two tests) never see each other's policy.
const byClient = new WeakMap<PrismaClient, OwnershipSettings>()
let defaultCalendar: WorkingCalendar | undefined

/**
 * Sets the ownership policy (validated by core's `createOwnershipPolicy`: a bad number fails here,
 * at start-up, with the field named) and optionally the working calendar for the database that
 * `prisma` opens. Without it the regulations' defaults apply: 7 calendar days to first contact,
 * no caps, no former-owner lock, warnings one day ahead.
 *
 * @throws core's `PolicyValidationError` `POLICY.INVALID_FIELD`
 * @example
 * configureOwnership(prisma, { policy: { maxOwnedPerPerson: 30, maxClaimsPerDay: 3, formerOwnerLockDays: 7 } })
 */
export function configureOwnership(prisma: PrismaClient, settings: { readonly policy?: unknown; readonly calendar?: WorkingCalendar }): OwnershipSettings {
  const resolved: OwnershipSettings = {
    policy: settings.policy === undefined ? defaultOwnershipPolicy : createOwnershipPolicy(settings.policy),
    calendar: settings.calendar ?? chinaCalendar(),
  }
  byClient.set(prisma, resolved)
  return resolved
}

/** The ownership settings of the database `prisma` opens: those given to {@link configureOwnership}, else the defaults. */
export function ownershipSettings(prisma: PrismaClient): OwnershipSettings {
  return byClient.get(prisma) ?? { policy: defaultOwnershipPolicy, calendar: chinaCalendar() }
}

function chinaCalendar(): WorkingCalendar {
  defaultCalendar ??= createWorkingCalendar()
  return defaultCalendar
}
