import { randomUUID } from 'node:crypto'

import { classifyCustomer, findDuplicates, KehuError, readCustomerArchive, type CustomerArchive, type Staff, type StaffRole } from '@kehu/core'
import { z } from 'zod'

import { recordAction } from '../access/customerAccess.js'
import { duplicateCandidatesWhere } from '../archive/duplicateCandidates.js'
import { moneyToFen } from '../db/money.js'
import { AccessDeniedRefusal } from '../refusals.js'
import { builder } from './builder.js'
import { CustomerRef } from './customer.js'
import { DuplicateRefusal, InputRefusal } from './errors.js'

/**
 * R-ACC-1 who may register a customer (建档): the customer department's sales staff — 专员
 * specialist, 经理 manager, 总监 director, 总经理 general manager — since the registrant becomes the
 * customer's owner (负责人) and owning customers is their work. Functional departments (commerce,
 * finance, customs, quality, information) follow or keep customers but do not own them, and staff
 * who have left (R-OWN-5) may do nothing.
 */
export const REGISTRAR_ROLES: readonly StaffRole[] = ['specialist', 'manager', 'director', 'generalManager']

/** Why `actor` may not register a customer, or `null` when they may (R-ACC-1, see {@link REGISTRAR_ROLES}). */
export function registrationRefusal(actor: Staff): AccessDeniedRefusal | null {
  if (!actor.active) return new AccessDeniedRefusal('ACCESS.INACTIVE_STAFF', '已离职人员不得建档', 'staff who have left may not register customers')
  if (actor.roles.some((role) => REGISTRAR_ROLES.includes(role))) return null
  return new AccessDeniedRefusal('ACCESS.NOT_SALES_STAFF', '只有客户部专员、经理、总监或总经理可以建档（建档人即为负责人）', 'only customer-department specialists, managers, directors or the general manager may register a customer (the registrant becomes its owner)')
}

const ContactInput = builder.inputType('ContactInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    position: t.string(),
    phone: t.string(),
    email: t.string(),
    isDecisionMaker: t.boolean(),
    isInfluencer: t.boolean(),
  }),
})

const RegisterCustomerInput = builder.inputType('RegisterCustomerInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    creditCode: t.string(),
    legalRepresentative: t.string(),
    address: t.string(),
    postalCode: t.string(),
    phone: t.string(),
    fax: t.string(),
    email: t.string(),
    businessScope: t.string(),
    registeredCapital: t.field({ type: 'Money' }),
    companyNature: t.string(),
    industryPosition: t.string(),
    mainBusiness: t.string(),
    status: t.string(),
    contacts: t.field({ type: [ContactInput] }),
    annualVolume: t.field({ type: 'Money', required: true, description: 'Annual business volume (年业务量), R-TIE-1' }),
    scale: t.string({ required: true, description: 'large | medium | small | sole-trader' }),
    urgency: t.string({ required: true, description: 'urgent | ordinary | latent' }),
    hasIntention: t.boolean({ required: true }),
    hasBusinessHistory: t.boolean({ required: true }),
  }),
})

const RegisterCustomerPayload = builder.objectRef<{ customerId: string }>('RegisterCustomerPayload').implement({
  fields: (t) => ({ customerId: t.exposeString('customerId') }),
})

const ARCHIVE_KEYS = ['name', 'creditCode', 'legalRepresentative', 'address', 'postalCode', 'phone', 'fax', 'email', 'businessScope', 'registeredCapital', 'companyNature', 'industryPosition', 'mainBusiness', 'status'] as const

function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined))
}

builder.objectField(RegisterCustomerPayload, 'customer', (t) =>
  t.prismaField({ type: CustomerRef, resolve: (query, payload, _args, ctx) => ctx.prisma.customer.findUniqueOrThrow({ ...query, where: { id: payload.customerId } }) }),
)

builder.mutationField('registerCustomer', (t) =>
  t.field({
    type: RegisterCustomerPayload,
    description: 'Registers a new customer (新客户建档): who may (R-ACC-1: active specialists, managers, directors, the general manager), archive checks (R-ARC-1/2/4), duplicate check (R-ARC-5), tier (R-TIE). The actor becomes the owner.',
    errors: { types: [DuplicateRefusal, InputRefusal, AccessDeniedRefusal], directResult: true, union: { name: 'RegisterCustomerResult' } },
    args: { input: t.arg({ type: RegisterCustomerInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!
      const refusal = registrationRefusal(actor)
      if (refusal !== null) throw refusal
      const archiveInput = withoutNulls(Object.fromEntries(ARCHIVE_KEYS.map((key) => [key, input[key]])))
      if (input.contacts != null) archiveInput['contacts'] = input.contacts.map((c) => withoutNulls({ ...c }))
      const verdict = readCustomerArchive(archiveInput)
      if (!verdict.ok) throw new InputRefusal(verdict.issues)
      const archive: CustomerArchive = verdict.archive
      let classification
      try {
        classification = classifyCustomer({
          annualVolume: input.annualVolume,
          scale: input.scale as never,
          urgency: input.urgency as never,
          hasIntention: input.hasIntention,
          hasBusinessHistory: input.hasBusinessHistory,
          ...(archive.companyNature === undefined ? {} : { companyNature: archive.companyNature }),
        })
      } catch (error) {
        if (error instanceof KehuError) throw new InputRefusal([{ field: error.field ?? 'input', code: error.code, messageZh: error.messageZh, messageEn: error.messageEn }], error.ruleId ?? 'R-TIE-3')
        throw error
      }
      const id = `cust-${randomUUID()}`
      // Only the rows that can match (see duplicateCandidatesWhere); core decides on those. The
      // filter is built before the transaction: its character tables may still be in the making.
      const candidate = { name: archive.name, creditCode: archive.creditCode ?? null }
      const candidatesWhere = await duplicateCandidatesWhere(candidate)
      await ctx.prisma.$transaction(async (tx) => {
        const existing = await tx.customer.findMany({ where: candidatesWhere, select: { id: true, name: true, creditCode: true } })
        const matches = findDuplicates(candidate, existing)
        if (matches.length > 0) {
          throw new DuplicateRefusal(matches.map((m) => ({ id: String(m.id), name: m.name, by: m.by, creditCodesDiffer: m.creditCodesDiffer })))
        }
        await tx.customer.create({
          data: {
            id,
            name: archive.name,
            creditCode: archive.creditCode ?? null,
            legalRepresentative: archive.legalRepresentative ?? null,
            address: archive.address ?? null,
            postalCode: archive.postalCode ?? null,
            phone: archive.phone ?? null,
            fax: archive.fax ?? null,
            email: archive.email ?? null,
            businessScope: archive.businessScope ?? null,
            registeredCapitalFen: archive.registeredCapital === undefined ? null : moneyToFen(archive.registeredCapital),
            companyNature: archive.companyNature ?? null,
            industryPosition: archive.industryPosition ?? null,
            mainBusiness: archive.mainBusiness ?? null,
            status: archive.status ?? null,
            annualVolumeFen: moneyToFen(input.annualVolume),
            scale: input.scale,
            urgency: input.urgency,
            hasIntention: input.hasIntention,
            hasBusinessHistory: input.hasBusinessHistory,
            tier: classification.tier,
            demandGrade: classification.grade,
            proposedStrategic: classification.proposedStrategic,
            tierReasons: classification.reasons.map((r) => ({ ...r })),
            stage: 'prospect',
            stageUpdatedAt: ctx.now,
            ownerId: actor.id,
            assignedAt: ctx.now,
            createdAt: ctx.now,
            contacts: {
              create: (archive.contacts ?? []).map((c, index) => ({
                id: `${id}-contact-${index + 1}`,
                name: c.name,
                position: c.position ?? null,
                phone: c.phone ?? null,
                email: c.email ?? null,
                isDecisionMaker: c.isDecisionMaker ?? false,
                isInfluencer: c.isInfluencer ?? false,
              })),
            },
          },
        })
        await recordAction(tx, { actor, at: ctx.now, action: 'customer.register', subjectKind: 'customer', subjectId: id })
      })
      return { customerId: id }
    },
  }),
)
