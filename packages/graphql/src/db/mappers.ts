import { type CustomerArchiveDraft } from '@kehu/core/archive'
import { Money } from '@kehu/core/money'
import { readStaff, type Staff } from '@kehu/core/staff'

import type { Customer, Staff as StaffRow } from '../generated/prisma/client.js'

/**
 * A stored staff row as core's {@link Staff}, validated by core (roles must be known role keys).
 * @throws core's InvalidInputError `STAFF.INVALID` for a row whose roles are not a list of roles
 */
export function staffFromRow(row: Pick<StaffRow, 'id' | 'name' | 'roles' | 'teamId' | 'active'>): Staff {
  return readStaff(
    { id: row.id, name: row.name, roles: row.roles, active: row.active, ...(row.teamId === null ? {} : { teamId: row.teamId }) },
    `staff[${row.id}]`,
  )
}

/** A stored customer as core's archive draft (R-ARC-1), for archive completeness (R-ARC-3). */
export function customerArchiveDraft(row: Customer): CustomerArchiveDraft {
  const text = (value: string | null): string | undefined => value ?? undefined
  return {
    name: row.name,
    creditCode: text(row.creditCode),
    legalRepresentative: text(row.legalRepresentative),
    address: text(row.address),
    postalCode: text(row.postalCode),
    phone: text(row.phone),
    fax: text(row.fax),
    email: text(row.email),
    businessScope: text(row.businessScope),
    registeredCapital: row.registeredCapitalFen === null ? undefined : Money.fromFen(row.registeredCapitalFen),
    companyNature: text(row.companyNature),
    industryPosition: text(row.industryPosition),
    mainBusiness: text(row.mainBusiness),
    additionalBusiness: text(row.additionalBusiness),
    salesLastThreeYears: (row.salesLastThreeYears as unknown[] | null) ?? undefined,
    creditRating: text(row.creditRating),
    ourStrengths: text(row.ourStrengths),
    ourWeaknessesAndCountermeasures: text(row.ourWeaknessesAndCountermeasures),
    organisationStructure: text(row.organisationStructure),
    decisionProcess: text(row.decisionProcess),
    decisionMakers: (row.decisionMakers as string[] | null) ?? undefined,
    competitors: (row.competitors as unknown[] | null) ?? undefined,
    status: text(row.status),
  } as CustomerArchiveDraft
}
