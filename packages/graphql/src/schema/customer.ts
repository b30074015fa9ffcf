import { prismaConnectionHelpers, queryFromInfo } from '@pothos/plugin-prisma'
import type { GraphQLObjectType, GraphQLSchema } from 'graphql'
import { archiveCompleteness, CUSTOMER_STAGE_NAMES_ZH, CUSTOMER_STAGES, CUSTOMER_TIER_NAMES, CUSTOMER_TIERS, type CustomerStage, type CustomerTier } from '@kehu/core'

import { viewableCustomersWhere, viewCustomer } from '../access/customerAccess.js'
import { customerArchiveDraft } from '../db/mappers.js'
import type { Prisma } from '../generated/prisma/client.js'
import { CUSTOMER_ORDERS, type CustomerOrderKey, type PageRequest } from '../read/customerPage.js'
import { ownerOfCustomer } from '../read/customerRelations.js'
import { selectedNodeFields } from '../read/pageSelection.js'
import { builder } from './builder.js'
import { StaffRef } from './staff.js'

/**
 * The customer tiers (客户分级, R-TIE-1) as a GraphQL enum. The value names are core's vocabulary
 * as it is stored (`strategic`, `key`, `general`, `reserve`), so a JSON result or variable carries
 * the same words as core, the database and the rules.
 */
export const CustomerTierEnum = builder.enumType('CustomerTier', {
  description: 'Customer tier (客户分级, R-TIE-1), strongest first.',
  values: Object.fromEntries(CUSTOMER_TIERS.map((tier) => [tier, { value: tier, description: `${CUSTOMER_TIER_NAMES[tier].zh} — ${CUSTOMER_TIER_NAMES[tier].en}` }])) as Record<CustomerTier, { value: CustomerTier; description: string }>,
})

/** The customer stages (客户阶段, R-LIF-1) as a GraphQL enum, with core's stage names as values. */
export const CustomerStageEnum = builder.enumType('CustomerStage', {
  description: 'Customer stage (客户阶段, R-LIF-1), in lifecycle order; `active` has a phase (activePhase).',
  values: Object.fromEntries(CUSTOMER_STAGES.map((stage) => [stage, { value: stage, description: CUSTOMER_STAGE_NAMES_ZH[stage] }])) as Record<CustomerStage, { value: CustomerStage; description: string }>,
})

/** One reason of the tier (分级理由): code, rule and both languages. */
export const TieringReasonRef = builder.objectRef<{ code: string; ruleId: string; messageZh: string; messageEn: string }>('TieringReason').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    ruleId: t.exposeString('ruleId'),
    messageZh: t.exposeString('messageZh'),
    messageEn: t.exposeString('messageEn'),
  }),
})

const MissingFieldRef = builder.objectRef<{ field: string; labelZh: string; weight: string }>('MissingArchiveField').implement({
  fields: (t) => ({ field: t.exposeString('field'), labelZh: t.exposeString('labelZh'), weight: t.exposeString('weight') }),
})

/** Archive completeness (客户档案完整率, R-ARC-3) as core computes it. */
const CompletenessRef = builder.objectRef<{ ruleId: string; score: string; percent: string; filledFields: string[]; missingFields: { field: string; labelZh: string; weight: string }[] }>('ArchiveCompleteness').implement({
  fields: (t) => ({
    ruleId: t.exposeString('ruleId'),
    score: t.exposeString('score', { description: 'Filled weight ÷ total weight, a decimal in [0, 1].' }),
    percent: t.exposeString('percent'),
    filledFields: t.exposeStringList('filledFields'),
    missingFields: t.field({ type: [MissingFieldRef], resolve: (c) => c.missingFields }),
  }),
})

/** A contact of a customer (联系人, R-ARC-2); reached only through its customer. */
builder.prismaObject('Contact', {
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    position: t.exposeString('position', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    isDecisionMaker: t.exposeBoolean('isDecisionMaker'),
    isInfluencer: t.exposeBoolean('isInfluencer'),
  }),
})

/** A customer archive (客户档案): R-ARC-1 fields, tier with reasons, stage, owner, contacts, completeness. */
export const CustomerRef = builder.prismaNode('Customer', {
  id: { field: 'id' },
  fields: (t) => ({
    customerId: t.exposeString('id'),
    name: t.exposeString('name'),
    creditCode: t.exposeString('creditCode', { nullable: true }),
    legalRepresentative: t.exposeString('legalRepresentative', { nullable: true }),
    address: t.exposeString('address', { nullable: true }),
    postalCode: t.exposeString('postalCode', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    fax: t.exposeString('fax', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    businessScope: t.exposeString('businessScope', { nullable: true }),
    registeredCapital: t.field({ type: 'Money', nullable: true, resolve: (c) => c.registeredCapitalFen }),
    companyNature: t.exposeString('companyNature', { nullable: true }),
    industryPosition: t.exposeString('industryPosition', { nullable: true }),
    mainBusiness: t.exposeString('mainBusiness', { nullable: true }),
    status: t.exposeString('status', { nullable: true }),
    annualVolume: t.field({ type: 'Money', resolve: (c) => c.annualVolumeFen }),
    scale: t.exposeString('scale'),
    urgency: t.exposeString('urgency'),
    tier: t.field({ type: CustomerTierEnum, description: 'R-TIE-1', resolve: (c) => c.tier as CustomerTier }),
    demandGrade: t.exposeString('demandGrade'),
    proposedStrategic: t.exposeBoolean('proposedStrategic'),
    tierReasons: t.field({ type: [TieringReasonRef], resolve: (c) => c.tierReasons as never }),
    stage: t.field({ type: CustomerStageEnum, description: 'R-LIF-1', resolve: (c) => c.stage as CustomerStage }),
    activePhase: t.exposeString('activePhase', { nullable: true }),
    customerCode: t.exposeString('customerCode', { nullable: true }),
    owner: t.field({ type: StaffRef, nullable: true, description: 'The owning salesperson (负责业务员), when the customer has one.', resolve: (customer, _args, ctx) => ownerOfCustomer(customer, ctx.prisma) }),
    contacts: t.relation('contacts', { query: { orderBy: { name: 'asc' } } }),
    completeness: t.field({
      type: CompletenessRef,
      resolve: (c) => {
        const result = archiveCompleteness(customerArchiveDraft(c))
        return {
          ruleId: result.ruleId,
          score: result.score.toString(),
          percent: result.percent,
          filledFields: [...result.filledFields],
          missingFields: result.missingFields.map((m) => ({ field: m.field, labelZh: m.labelZh, weight: m.weight.toString() })),
        }
      },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
})

const CustomerOrder = builder.enumType('CustomerOrder', {
  values: Object.fromEntries(Object.keys(CUSTOMER_ORDERS).map((key) => [key, { value: key }])) as Record<CustomerOrderKey, { value: CustomerOrderKey }>,
})

/**
 * Whether a selection of customer fields needs the Prisma plugin's plan: a relation (`contacts`,
 * `visits`, …) or a field whose `select` reaches beyond the row's own columns (`coOwnerIds`,
 * `visitSummary`, …). Exposed columns and resolvers of the row alone do not.
 */
function needsPrismaPlan(schema: GraphQLSchema, fields: ReadonlySet<string>): boolean {
  let planned = plannedFields.get(schema)
  if (planned === undefined) {
    const names = new Set<string>()
    for (const [name, field] of Object.entries((schema.getType('Customer') as GraphQLObjectType).getFields())) {
      const extensions = field.extensions as Record<string, unknown>
      if (extensions['pothosPrismaRelationField'] !== undefined || (extensions['pothosPrismaSelect'] !== undefined && extensions['pothosPrismaVariant'] === undefined)) names.add(name)
    }
    plannedFields.set(schema, (planned = names))
  }
  for (const field of fields) if (planned.has(field)) return true
  return false
}

const plannedFields = new WeakMap<GraphQLSchema, ReadonlySet<string>>()

/** {@link CUSTOMER_ORDERS} as Prisma's `orderBy`, for the pages read through Prisma. */
const ORDER = Object.fromEntries(
  Object.entries(CUSTOMER_ORDERS).map(([key, terms]) => [key, terms.map(([column, direction]): Prisma.CustomerOrderByWithRelationInput => ({ [column]: direction === 'ASC' ? 'asc' : 'desc' }))]),
) as Record<CustomerOrderKey, Prisma.CustomerOrderByWithRelationInput[]>

/**
 * The customers connection's paging: Pothos' own (`first`/`after`/`last`/`before` checked, the page
 * size, the cursor read back, pages one row longer to tell whether another follows) and its edges
 * and cursors, the same as a `prismaConnection`'s.
 */
const customerPaging = prismaConnectionHelpers(builder, 'Customer', { cursor: 'id' })

builder.queryFields((t) => ({
  // A `connection` rather than a `prismaConnection`: the latter plans the Prisma query of the
  // selection on every request, which the plain-SQL page never uses and which cost about a tenth of
  // its CPU. The plan is made here only for the Prisma path.
  customers: t.connection({
    type: CustomerRef,
    description: 'The customers the actor may view (R-ACC-1), filtered and ordered.',
    args: {
      tier: t.arg({ type: CustomerTierEnum, required: false }),
      stage: t.arg({ type: CustomerStageEnum, required: false }),
      ownerId: t.arg.string({ required: false }),
      text: t.arg.string({ required: false, description: 'Part of the name, credit code or customer code.' }),
      orderBy: t.arg({ type: CustomerOrder, required: false, defaultValue: 'NAME_ASC' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const order = (args.orderBy ?? 'NAME_ASC') as CustomerOrderKey
      // The paging alone (`take`, `skip`, `cursor`): getQuery's third argument would plan the nodes'
      // selection, and `() => true` asks for none of it.
      const { take, skip, cursor } = customerPaging.getQuery(args, ctx, () => true) as PageRequest
      const page: PageRequest = cursor === undefined ? { take, skip } : { take, skip, cursor }
      // The hot path (R-ACC-1 in SQL, prepared statements) serves the fields that read the row alone;
      // a text search, a relation or another shape of page reads through Prisma.
      const selection = selectedNodeFields(info)
      if (ctx.customerPages !== undefined && (args.text == null || args.text.trim() === '') && !needsPrismaPlan(info.schema, selection.fields)) {
        const rows = ctx.customerPages.read(ctx.actor!, args, order, page, selection)
        if (rows !== null) return customerPaging.resolve(rows as never, args, ctx)
      }
      const filters: Prisma.CustomerWhereInput[] = [viewableCustomersWhere(ctx.actor!)]
      if (args.tier != null) filters.push({ tier: args.tier })
      if (args.stage != null) filters.push({ stage: args.stage })
      if (args.ownerId != null) filters.push({ ownerId: args.ownerId })
      if (args.text != null && args.text.trim() !== '') {
        const text = args.text.trim()
        filters.push({ OR: [{ name: { contains: text } }, { creditCode: { contains: text.toUpperCase() } }, { customerCode: { contains: text } }] })
      }
      // The selection's plan (relations included), as a prismaConnection makes it: from the nodes down.
      const query = queryFromInfo({ context: ctx, info, typeName: 'Customer', select: { id: true }, paths: [['nodes'], ['edges', 'node']] }) as Prisma.CustomerFindManyArgs
      return customerPaging.resolve(await ctx.prisma.customer.findMany({ ...query, ...page, where: { AND: filters }, orderBy: ORDER[order] }), args, ctx)
    },
  }),
  customer: t.prismaField({
    type: 'Customer',
    nullable: true,
    description: "One customer's archive; the view is checked (R-ACC-1) and recorded (R-ACC-2).",
    args: { id: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => viewCustomer(ctx.prisma, ctx.actor!, args.id, ctx.now, (tx) => tx.customer.findUnique({ ...query, where: { id: args.id } })),
  }),
}))
