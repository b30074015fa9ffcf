import type { RecordIssue } from '@kehu/core'

import { AccessDeniedRefusal, type BusinessRefusal, ConflictRefusal, DuplicateRefusal, InputRefusal, NotFoundRefusal, RuleRefusal } from '../refusals.js'
import { builder } from './builder.js'

export * from '../refusals.js'
export const BusinessErrorRef = builder.interfaceRef<BusinessRefusal>('BusinessError').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code'),
    ruleId: t.exposeString('ruleId'),
    messageZh: t.exposeString('messageZh'),
    messageEn: t.exposeString('messageEn'),
  }),
})

const FieldIssueRef = builder.objectRef<RecordIssue>('FieldIssue').implement({
  fields: (t) => ({ field: t.exposeString('field'), code: t.exposeString('code'), messageZh: t.exposeString('messageZh'), messageEn: t.exposeString('messageEn') }),
})

builder.objectType(InputRefusal, {
  name: 'ValidationError',
  interfaces: [BusinessErrorRef],
  isTypeOf: (value) => value instanceof InputRefusal,
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (e) => [...e.issues] }) }),
})

const DuplicateMatchRef = builder.objectRef<{ id: string; name: string; by: string; creditCodesDiffer: boolean }>('DuplicateMatch').implement({
  fields: (t) => ({
    customerId: t.exposeString('id'),
    name: t.exposeString('name'),
    by: t.exposeString('by', { description: 'creditCode | name' }),
    creditCodesDiffer: t.exposeBoolean('creditCodesDiffer'),
  }),
})

builder.objectType(DuplicateRefusal, {
  name: 'DuplicateCustomerError',
  interfaces: [BusinessErrorRef],
  isTypeOf: (value) => value instanceof DuplicateRefusal,
  fields: (t) => ({ matches: t.field({ type: [DuplicateMatchRef], resolve: (e) => [...e.matches] }) }),
})

builder.objectType(RuleRefusal, {
  name: 'RuleRefusalError',
  description: 'A business rule refused the action (业务规则拒绝): the code, the rule ID and both languages.',
  interfaces: [BusinessErrorRef],
  isTypeOf: (value) => value instanceof RuleRefusal,
  fields: (t) => ({
    guard: t.exposeString('guard', { nullable: true, description: 'The guard that failed, when the rule names one.' }),
    stepId: t.exposeString('stepId', { nullable: true, description: 'The approval step concerned, for approval refusals.' }),
    details: t.exposeString('details', { nullable: true, description: 'Further facts of the refusal as JSON text.' }),
  }),
})

builder.objectType(AccessDeniedRefusal, {
  name: 'AccessDeniedError',
  description: 'R-ACC-1 does not let the actor do this (无权操作).',
  interfaces: [BusinessErrorRef],
  isTypeOf: (value) => value instanceof AccessDeniedRefusal,
  fields: (t) => ({ reasonCode: t.exposeString('reasonCode') }),
})

builder.objectType(NotFoundRefusal, {
  name: 'NotFoundError',
  description: 'The record named by the input does not exist, or is not visible to the actor.',
  interfaces: [BusinessErrorRef],
  isTypeOf: (value) => value instanceof NotFoundRefusal,
  fields: (t) => ({ kind: t.exposeString('kind'), id: t.exposeString('id') }),
})

builder.objectType(ConflictRefusal, {
  name: 'ConflictError',
  description: 'The record changed while the action ran; nothing was written.',
  interfaces: [BusinessErrorRef],
  isTypeOf: (value) => value instanceof ConflictRefusal,
  fields: (t) => ({ kind: t.exposeString('kind'), id: t.exposeString('id') }),
})
