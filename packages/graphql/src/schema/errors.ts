import type { RecordIssue } from '@kehu/core'

import { builder } from './builder.js'

/** A business refusal returned as data: stable code, rule ID, both languages. */
export class BusinessRefusal extends Error {
  constructor(
    readonly code: string,
    readonly ruleId: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageEn} (${messageZh})`)
  }
}

/** Input that core refuses (R-ARC-1/2/4, R-TIE-3): every issue with its field path. */
export class InputRefusal extends BusinessRefusal {
  constructor(readonly issues: readonly RecordIssue[], ruleId = 'R-ARC-1') {
    super('INPUT.INVALID', ruleId, `输入有 ${issues.length} 处错误`, `the input has ${issues.length} issue(s)`)
  }
}

/** R-ARC-5: the customer is already on file (客户重复). */
export class DuplicateRefusal extends BusinessRefusal {
  constructor(readonly matches: readonly { id: string; name: string; by: string; creditCodesDiffer: boolean }[]) {
    super('ARCHIVE.DUPLICATE_CUSTOMER', 'R-ARC-5', '该客户已建档，不得重复建档', 'this customer is already on file and may not be registered twice')
  }
}

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
