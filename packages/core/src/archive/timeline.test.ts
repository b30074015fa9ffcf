import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { thrown } from '../../test/thrown.js'
import { FULL_ARCHIVE_INPUT, timelineEventInput } from '../../test/arbitraries/visitArb.js'
import { ArchiveRecordErrorCode, InvalidArchiveRecordError } from './recordErrors.js'
import { InvalidArchiveInputError } from './errors.js'
import { createCustomerArchivePolicy } from './recordPolicy.js'
import { assertCustomerArchive } from './records.js'
import { appendTimelineEvent, assertTimelineEvent, type CustomerTimeline, emptyTimeline, majorChangeEvent, majorChanges, readTimelineEvent } from './timeline.js'

function append(timeline: CustomerTimeline, event: unknown): CustomerTimeline {
  const result = appendTimelineEvent(timeline, event)
  if (!result.ok) throw new Error(result.refusal.code)
  return result.timeline
}

describe('R-ARC-6 timeline event', () => {
  it('reads a business contact (a fax, by its Chinese kind), confidential defaulting to false', () => {
    expect(readTimelineEvent({ id: 'e1', customerId: 'C1', kind: '传真', at: '2026-09-25T15:00:00+08:00', byStaffId: 'u1', summary: '发送报价' })).toEqual({
      ok: true,
      event: { id: 'e1', customerId: 'C1', kind: 'fax', at: new Date('2026-09-25T07:00:00Z'), byStaffId: 'u1', summary: '发送报价', confidential: false },
    })
  })

  it('lists every issue at once', () => {
    const verdict = readTimelineEvent({ id: 'e1', kind: 'telegram', at: '2026-09-25', confidential: 'no', changedFields: ['name', 'colour'] })
    expect(verdict.ok).toBe(false)
    if (verdict.ok) return
    expect(verdict.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['customerId', ArchiveRecordErrorCode.REQUIRED],
      ['kind', ArchiveRecordErrorCode.INVALID_CHOICE],
      ['at', ArchiveRecordErrorCode.INVALID_INSTANT],
      ['byStaffId', ArchiveRecordErrorCode.REQUIRED],
      ['summary', ArchiveRecordErrorCode.REQUIRED],
      ['confidential', ArchiveRecordErrorCode.NOT_BOOLEAN],
      ['changedFields[1]', ArchiveRecordErrorCode.INVALID_CHOICE],
    ])
    const error = thrown(() => assertTimelineEvent({ id: 'e1' }), InvalidArchiveRecordError)
    expect([error.code, error.ruleId, error.field]).toEqual(['ARCHIVE.INVALID_RECORD', 'R-ARC-6', 'customerId'])
  })
})

describe('R-ARC-6 appendTimelineEvent', () => {
  it('keeps the timeline sorted by time and returns a new one', () => {
    const empty = emptyTimeline('C1')
    const one = append(empty, timelineEventInput('late', 120))
    const two = append(one, timelineEventInput('early', 10))
    expect(two.events.map((event) => event.id)).toEqual(['early', 'late'])
    expect(one.events.map((event) => event.id)).toEqual(['late'])
    expect(empty.events).toEqual([])
  })

  it('refuses a duplicate id and an event of another customer, as data', () => {
    const timeline = append(emptyTimeline('C1'), timelineEventInput('e1', 0))
    expect(appendTimelineEvent(timeline, timelineEventInput('e1', 5))).toMatchObject({ ok: false, refusal: { code: ArchiveRecordErrorCode.DUPLICATE_EVENT_ID, ruleId: 'R-ARC-6' } })
    expect(appendTimelineEvent(timeline, timelineEventInput('e2', 5, 'C2'))).toMatchObject({ ok: false, refusal: { code: ArchiveRecordErrorCode.EVENT_OF_ANOTHER_CUSTOMER } })
  })

  it('throws for a malformed event or timeline', () => {
    expect(thrown(() => appendTimelineEvent(emptyTimeline('C1'), { id: 'e1' }), InvalidArchiveRecordError).code).toBe('ARCHIVE.INVALID_RECORD')
    const unsorted = { customerId: 'C1', events: [assertTimelineEvent(timelineEventInput('b', 9)), assertTimelineEvent(timelineEventInput('a', 1))] }
    expect(thrown(() => appendTimelineEvent(unsorted, timelineEventInput('c', 3)), InvalidArchiveInputError).field).toBe('timeline.events[1].at')
    const twice = { customerId: 'C1', events: [assertTimelineEvent(timelineEventInput('a', 1)), assertTimelineEvent(timelineEventInput('a', 2))] }
    expect(thrown(() => appendTimelineEvent(twice, timelineEventInput('c', 3)), InvalidArchiveInputError).field).toBe('timeline.events[1].id')
    expect(thrown(() => emptyTimeline(' '), InvalidArchiveInputError).code).toBe('ARCHIVE.INVALID_ARGUMENT')
  })

  it('property: sorted by time, stable for equal instants, every distinct id kept once', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), minute: fc.integer({ min: 0, max: 4 }) }), { maxLength: 20 }), (steps) => {
        let timeline = emptyTimeline('C1')
        const accepted: { id: string; minute: number }[] = []
        for (const step of steps) {
          const result = appendTimelineEvent(timeline, timelineEventInput(step.id, step.minute))
          expect(result.ok).toBe(!accepted.some((a) => a.id === step.id))
          if (result.ok) {
            timeline = result.timeline
            accepted.push(step)
          }
        }
        // Expected order: by minute, ties in the order they were accepted (a stable sort of the acceptance order).
        const expected = accepted
          .map((a, index) => ({ ...a, index }))
          .sort((x, y) => x.minute - y.minute || x.index - y.index)
          .map((a) => a.id)
        expect(timeline.events.map((event) => event.id)).toEqual(expected)
      }),
    )
  })
})

describe('R-ARC-6 major changes', () => {
  const before = assertCustomerArchive(FULL_ARCHIVE_INPUT)

  it('worked example: a new address and legal representative are major, a new fax is not', () => {
    const after = assertCustomerArchive({ ...FULL_ARCHIVE_INPUT, address: '浙江省杭州市滨江区', legalRepresentative: '陈亮', fax: '0574-87650000' })
    expect(majorChanges(before, after)).toEqual([
      { field: 'legalRepresentative', labelZh: '法定代表人', before: '陈明', after: '陈亮' },
      { field: 'address', labelZh: '地址', before: '浙江省宁波市鄞州区', after: '浙江省杭州市滨江区' },
    ])
  })

  it('compares money by amount and normalised values by value', () => {
    const same = assertCustomerArchive({ ...FULL_ARCHIVE_INPUT, registeredCapital: '5000000.00', creditCode: '９１３５０１００Ｍ０００１００Ｙ４３', companyNature: 'sinoForeignJointVenture' })
    expect(majorChanges(before, same)).toEqual([])
    const raised = assertCustomerArchive({ ...FULL_ARCHIVE_INPUT, registeredCapital: '8000000' })
    expect(majorChanges(before, raised).map((change) => [change.field, String(change.before), String(change.after)])).toEqual([['registeredCapital', '5000000.00', '8000000.00']])
    const cleared = assertCustomerArchive({ ...FULL_ARCHIVE_INPUT, status: null })
    expect(majorChanges(before, cleared)).toEqual([{ field: 'status', labelZh: '客户状态', before: '开发中', after: undefined }])
  })

  it('follows the policy list of major fields', () => {
    const after = assertCustomerArchive({ ...FULL_ARCHIVE_INPUT, fax: '0574-87650000', address: '杭州' })
    expect(majorChanges(before, after, createCustomerArchivePolicy({ majorChangeFields: ['fax'] })).map((change) => change.field)).toEqual(['fax'])
  })

  it('property: an archive compared with itself has no major change; changing one major field reports exactly it', () => {
    fc.assert(
      fc.property(fc.constantFrom('name', 'legalRepresentative', 'address', 'status'), fc.string({ minLength: 1, maxLength: 5 }), (field, suffix) => {
        expect(majorChanges(before, before)).toEqual([])
        const text = `${String(FULL_ARCHIVE_INPUT[field])}${suffix}`.trim()
        const after = assertCustomerArchive({ ...FULL_ARCHIVE_INPUT, [field]: text })
        expect(majorChanges(before, after).map((change) => change.field)).toEqual(text === FULL_ARCHIVE_INPUT[field] ? [] : [field])
      }),
    )
  })

  it('records the changes as one majorChange timeline event', () => {
    const after = assertCustomerArchive({ ...FULL_ARCHIVE_INPUT, address: '杭州' })
    const event = majorChangeEvent(majorChanges(before, after), { id: 'e9', customerId: 'C1', at: '2026-09-28T10:00:00+08:00', byStaffId: 'u1' })
    expect(event).toMatchObject({ kind: 'majorChange', changedFields: ['address'], summary: '重大变动 major change: 地址 address "浙江省宁波市鄞州区" → "杭州"', confidential: false })
    const timeline = append(emptyTimeline('C1'), event)
    expect(timeline.events).toHaveLength(1)
    expect(majorChangeEvent([], { id: 'e10', customerId: 'C1', at: '2026-09-28T10:00:00+08:00', byStaffId: 'u1' })).toBeUndefined()
  })

  it('validates both archives', () => {
    expect(thrown(() => majorChanges({ ...before, name: '' }, before), InvalidArchiveRecordError).field).toBe('name')
  })
})
